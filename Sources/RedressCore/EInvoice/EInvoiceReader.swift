import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads a 数电票 e-invoice XML file safely. The file comes from outside (a download, a
/// message attachment), so before libxml2 sees a byte: the size is capped, the text must be
/// UTF-8, and any markup declaration (`<!DOCTYPE`, `<!ENTITY`, …) is refused, so no entity can
/// be declared, expanded or fetched. The parse itself (the event parser, libxml2's SAX) never
/// resolves external entities, and elements nest at most `maxDepth` deep.
public enum EInvoiceReader {
  /// Real e-invoices are a few kilobytes; one with thousands of lines stays far below this.
  public static let maxBytes = 2 << 20
  /// An e-invoice nests four or five levels; libxml2 itself stops at 256.
  public static let maxDepth = 256

  /// Reads at most `maxBytes` + 1 bytes of the file, so a huge file is refused without being
  /// read whole.
  public static func read(contentsOf url: URL) throws -> EInvoice {
    let handle: FileHandle
    do {
      handle = try FileHandle(forReadingFrom: url)
    } catch {
      throw EInvoiceError(.unreadable)
    }
    defer { try? handle.close() }
    let data = (try? handle.read(upToCount: maxBytes + 1)) ?? Data()
    return try read(data: data)
  }

  /// True when the bytes look like an XML document whose root element is `EInvoice` (a cheap
  /// test before offering to read it; `read` does the real checks).
  public static func looksLikeEInvoice(_ data: Data) -> Bool {
    let head = data.prefix(4096)
    guard let text = String(data: head, encoding: .utf8) ?? String(data: head.dropLast(3), encoding: .utf8)
    else { return false }
    return text.contains("<EInvoice") || text.contains(":EInvoice")
  }

  public static func read(data: Data) throws -> EInvoice {
    guard data.count <= maxBytes else { throw EInvoiceError(.tooLarge(limit: maxBytes)) }
    guard !data.isEmpty else { throw EInvoiceError(.empty) }
    let bytes = Data(try checkedBytes(data))
    // One pass with the event parser, which reports where the XML breaks and builds a small
    // tree of our own. (Not `XMLDocument`: on Linux every document it parses stays in memory
    // for good, about 16 KB for a small invoice, found by fuzzing; and libxml2 in recovery mode,
    // under it, would print to standard error and guess instead of stopping.)
    let parser = XMLParser(data: bytes)
    let builder = TreeBuilder()
    parser.delegate = builder
    parser.shouldResolveExternalEntities = false
    if !parser.parse() || parser.parserError != nil || builder.position != nil {
      let (line, column) = builder.position ?? (parser.lineNumber, parser.columnNumber)
      throw EInvoiceError(.malformed(line: line, column: column))
    }
    guard let root = builder.root else { throw EInvoiceError(.malformed(line: 0, column: 0)) }
    guard root.name == "EInvoice" else { throw EInvoiceError(.notAnEInvoice(root: root.name)) }
    return try decode(root)
  }

  /// An element as the reader needs it: its local name (without a namespace prefix), its
  /// child elements, and its text content in document order.
  final class Element {
    let name: String
    var children: [Element] = []
    /// Text and child elements in order: a text piece, or nil where a child element stands.
    fileprivate var content: [String?] = []

    init(name: String) { self.name = name }

    /// All text inside, as `XMLNode.stringValue` gives it: its own and its descendants', in order.
    var stringValue: String {
      var out = ""
      appendText(to: &out)
      return out
    }

    private func appendText(to out: inout String) {
      var next = 0
      for piece in content {
        if let piece {
          out += piece
        } else {
          children[next].appendText(to: &out)
          next += 1
        }
      }
    }
  }

  /// Builds the tree and remembers where the first well-formedness error was met.
  private final class TreeBuilder: NSObject, XMLParserDelegate {
    var position: (Int, Int)?
    var root: Element?
    private var stack: [Element] = []

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
      guard stack.count < EInvoiceReader.maxDepth else {
        if position == nil { position = (parser.lineNumber, parser.columnNumber) }
        parser.abortParsing()
        return
      }
      let local = elementName.split(separator: ":", omittingEmptySubsequences: false).last.map(String.init)
      let element = Element(name: local ?? elementName)
      if let parent = stack.last {
        parent.children.append(element)
        parent.content.append(nil)
      } else if root == nil {
        root = element
      }
      stack.append(element)
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
      qualifiedName qName: String?
    ) {
      _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      stack.last?.content.append(string)
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
      stack.last?.content.append(String(decoding: block, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
      if position == nil { position = (parser.lineNumber, parser.columnNumber) }
    }
  }

  // MARK: Byte checks

  /// The bytes without a UTF-8 byte-order mark, after the checks that make parsing safe.
  static func checkedBytes(_ data: Data) throws -> [UInt8] {
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    // UTF-16 and UTF-32 documents (which would hide a DOCTYPE from a byte scan) hold NULs.
    guard !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil else {
      throw EInvoiceError(.notUTF8)
    }
    if let encoding = declaredEncoding(bytes), !["utf-8", "utf8"].contains(encoding.lowercased()) {
      throw EInvoiceError(.unsupportedEncoding(encoding))
    }
    // Every `<!` must open a comment or a CDATA section: a DOCTYPE, ENTITY, ELEMENT, ATTLIST
    // or NOTATION declaration (in any letter case) is refused outright.
    let comment = Array("<!--".utf8)
    let cdata = Array("<![CDATA[".utf8)
    // Every `<?` must be the XML declaration at the very start: an e-invoice has no other
    // processing instruction, and FoundationXML's parser crashes on some (`<?x?>`, found by
    // fuzzing).
    let declaration = Array("<?xml".utf8)
    var i = 0
    while i + 1 < bytes.count {
      if bytes[i] == UInt8(ascii: "<") && bytes[i + 1] == UInt8(ascii: "?") {
        let isDeclaration =
          i == 0 && bytes.starts(with: declaration) && bytes.count > declaration.count
          && [0x20, 0x09, 0x0A, 0x0D].contains(bytes[declaration.count])
        guard isDeclaration else { throw EInvoiceError(.declarationForbidden) }
      }
      if bytes[i] == UInt8(ascii: "<") && bytes[i + 1] == UInt8(ascii: "!") {
        let rest = bytes[i...]
        guard rest.starts(with: comment) || rest.starts(with: cdata) else {
          throw EInvoiceError(.declarationForbidden)
        }
      }
      i += 1
    }
    return bytes
  }

  /// The `encoding` of the XML declaration, when there is one.
  static func declaredEncoding(_ bytes: [UInt8]) -> String? {
    guard bytes.starts(with: Array("<?xml".utf8)),
      let end = bytes.firstIndex(of: UInt8(ascii: ">")),
      let declaration = String(bytes: bytes[..<end], encoding: .utf8),
      let range = declaration.range(of: "encoding")
    else { return nil }
    let after = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" }
    guard let quote = after.first, quote == "\"" || quote == "'" else { return nil }
    return String(after.dropFirst().prefix { $0 != quote })
  }

  // MARK: Decoding

  static func child(_ element: Element?, _ name: String) -> Element? {
    element?.children.first { $0.name == name }
  }

  static func children(_ element: Element?, _ name: String) -> [Element] {
    element?.children.filter { $0.name == name } ?? []
  }

  static func text(_ element: Element?, _ name: String) -> String? {
    guard let value = child(element, name)?.stringValue.trimmingCharacters(in: .whitespacesAndNewlines),
      !value.isEmpty
    else { return nil }
    return value
  }

  static func money(_ element: Element?, _ name: String, path: String) throws -> Money? {
    guard let raw = text(element, name) else { return nil }
    guard let decimal = DecimalText(raw) else { throw EInvoiceError(.badNumber(field: path, text: raw)) }
    guard let value = decimal.money else { throw EInvoiceError(.badAmount(field: path, text: raw)) }
    return value
  }

  static func decimal(_ element: Element?, _ name: String, path: String) throws -> DecimalText? {
    guard let raw = text(element, name) else { return nil }
    guard let value = DecimalText(raw) else { throw EInvoiceError(.badNumber(field: path, text: raw)) }
    return value
  }

  /// `2026-10-01`, `2026-10-01 14:32:10` or `20261001`.
  static func date(_ raw: String?) -> CalendarDate? {
    guard let raw else { return nil }
    if let d = CalendarDate(iso: raw.prefix(10)) { return d }
    let digits = raw.prefix(8)
    guard digits.count == 8, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
      let y = Int(digits.prefix(4)), let m = Int(digits.dropFirst(4).prefix(2)),
      let d = Int(digits.suffix(2))
    else { return nil }
    return CalendarDate(year: y, month: m, day: d)
  }

  static func decode(_ root: Element) throws -> EInvoice {
    var invoice = EInvoice()
    let data = child(root, "EInvoiceData")
    let seller = child(data, "SellerInformation")
    invoice.sellerName = text(seller, "SellerName")
    invoice.sellerTaxID = text(seller, "SellerIdNum")
    invoice.sellerAddress = text(seller, "SellerAddr")
    invoice.sellerPhone = text(seller, "SellerTelNum")
    invoice.buyerName = text(child(data, "BuyerInformation"), "BuyerName")
    let basic = child(data, "BasicInformation")
    invoice.totalExcludingTax = try money(
      basic, "TotalAmWithoutTax", path: "BasicInformation/TotalAmWithoutTax")
    invoice.totalTax = try money(basic, "TotalTaxAm", path: "BasicInformation/TotalTaxAm")
    invoice.totalIncludingTax = try money(
      basic, "TotalTax-includedAmount", path: "BasicInformation/TotalTax-includedAmount")
    let supervision = child(root, "TaxSupervisionInfo") ?? child(data, "TaxSupervisionInfo")
    invoice.number = text(supervision, "InvoiceNumber") ?? text(child(root, "Header"), "EIid")
    invoice.issueDate = date(text(supervision, "IssueTime")) ?? date(text(basic, "RequestTime"))
    for (index, element) in children(data, "IssuItemInformation").enumerated() {
      let path = "IssuItemInformation[\(index + 1)]"
      var line = EInvoice.Line(name: text(element, "ItemName") ?? "")
      line.specModel = text(element, "SpecMod")
      line.unit = text(element, "MeaUnits")
      line.quantity = try decimal(element, "Quantity", path: "\(path)/Quantity")
      line.unitPrice = try decimal(element, "UnPrice", path: "\(path)/UnPrice")
      line.amount = try money(element, "Amount", path: "\(path)/Amount")
      line.taxRate = try decimal(element, "TaxRate", path: "\(path)/TaxRate")
      line.tax = try money(element, "ComTaxAm", path: "\(path)/ComTaxAm")
      line.totalIncludingTax =
        try money(element, "TotaltaxIncludedAmount", path: "\(path)/TotaltaxIncludedAmount")
        ?? line.amount.flatMap { a in line.tax.flatMap { a.adding($0) } }
      invoice.lines.append(line)
    }
    guard invoice.sellerName != nil || !invoice.lines.isEmpty || invoice.totalIncludingTax != nil else {
      throw EInvoiceError(.noInvoiceData)
    }
    return invoice
  }
}

/// Why an e-invoice file could not be read. `description` is English; the interview shows
/// its own wording for each `kind`.
public struct EInvoiceError: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Kind: Equatable, Sendable {
    case unreadable
    case empty
    case tooLarge(limit: Int)
    case notUTF8
    case unsupportedEncoding(String)
    /// A DOCTYPE, ENTITY or other markup declaration, or a processing instruction other than
    /// the XML declaration: refused, never parsed.
    case declarationForbidden
    /// Not well-formed XML; where the parser stopped (0 when unknown).
    case malformed(line: Int, column: Int)
    case notAnEInvoice(root: String)
    case noInvoiceData
    /// A number that is not a plain decimal.
    case badNumber(field: String, text: String)
    /// A money amount with non-zero digits beyond the fen: refused rather than rounded.
    case badAmount(field: String, text: String)
  }

  public var kind: Kind
  public init(_ kind: Kind) { self.kind = kind }

  public var description: String {
    switch kind {
    case .unreadable: return "the file cannot be read"
    case .empty: return "the file is empty"
    case .tooLarge(let limit): return "the file is larger than \(limit / 1024) KiB; an e-invoice is a few KiB"
    case .notUTF8: return "the file is not UTF-8 text"
    case .unsupportedEncoding(let e): return "the file declares encoding \(e); only UTF-8 is read"
    case .declarationForbidden:
      return
        "the file holds a DOCTYPE or ENTITY declaration or a processing instruction, which an e-invoice never has; refused for safety"
    case .malformed(let line, let column):
      return line > 0
        ? "the file is not well-formed XML (line \(line), column \(column))"
        : "the file is not well-formed XML"
    case .notAnEInvoice(let root): return "the root element is <\(root)>, not <EInvoice>"
    case .noInvoiceData: return "the file holds no seller, no item and no total"
    case .badNumber(let field, let text): return "\(field): \"\(text)\" is not a number"
    case .badAmount(let field, let text):
      return "\(field): \"\(text)\" has more than two decimals, which no amount of money has"
    }
  }
}
