/// A small XML writer for the parts of a .docx: elements with ordered attributes, text content
/// and children, serialised with exact escaping. Characters XML 1.0 cannot carry are dropped.
enum XMLText {
  final class Element {
    let name: String
    var attributes: [(String, String)]
    var children: [Element]
    /// Text content; an element has text or children, not both.
    var text: String?

    init(_ name: String, attributes: [(String, String)] = [], children: [Element] = []) {
      self.name = name
      self.attributes = attributes
      self.children = children
    }

    /// Declares a namespace on this element (before its other attributes).
    func addNamespace(_ declaration: (String, String)) {
      let namespaces = attributes.prefix { $0.0.hasPrefix("xmlns") }.count
      attributes.insert(declaration, at: namespaces)
    }

    /// The element already written out (`XMLText.frozen`); the rest is then unused.
    fileprivate var serialized: [UInt8]?

    func write(to out: inout Pieces) {
      if let serialized {
        out.append(piece: serialized)
        return
      }
      out.append(UInt8(ascii: "<"))
      out.append(contentsOf: name.utf8)
      for (key, value) in attributes {
        out.append(UInt8(ascii: " "))
        out.append(contentsOf: key.utf8)
        out.append(contentsOf: "=\"".utf8)
        XMLText.escape(value, attribute: true, into: &out)
        out.append(UInt8(ascii: "\""))
      }
      if let text, !text.isEmpty {
        out.append(UInt8(ascii: ">"))
        XMLText.escape(text, attribute: false, into: &out)
        closingTag(into: &out)
      } else if children.isEmpty {
        out.append(contentsOf: "/>".utf8)
      } else {
        out.append(UInt8(ascii: ">"))
        for child in children { child.write(to: &out) }
        closingTag(into: &out)
      }
    }

    private func closingTag(into out: inout Pieces) {
      out.append(contentsOf: "</".utf8)
      out.append(contentsOf: name.utf8)
      out.append(UInt8(ascii: ">"))
    }
  }

  /// Serialised XML as a list of byte buffers: small writes gather in the last one, and a
  /// frozen element's bytes are taken as a piece of their own, shared rather than copied.
  struct Pieces {
    private(set) var pieces: [[UInt8]] = []
    private var current: [UInt8] = []
    /// Where each piece starts, once `finish` has run.
    private var starts: [Int] = []
    private(set) var count = 0

    mutating func append(_ byte: UInt8) {
      current.append(byte)
      count += 1
    }

    mutating func append(contentsOf bytes: String.UTF8View) {
      current.append(contentsOf: bytes)
      count += bytes.count
    }

    mutating func append(piece bytes: [UInt8]) {
      if !current.isEmpty { pieces.append(current) }
      current = []
      pieces.append(bytes)
      count += bytes.count
    }

    /// Ends the writing; afterwards only reading.
    mutating func finish() {
      if !current.isEmpty { pieces.append(current) }
      current = []
      var start = 0
      starts = pieces.map { piece in
        defer { start += piece.count }
        return start
      }
    }

    /// All bytes in one buffer.
    var joined: [UInt8] {
      var out: [UInt8] = []
      out.reserveCapacity(count)
      for piece in pieces { out.append(contentsOf: piece) }
      out.append(contentsOf: current)
      return out
    }

    /// The bytes in `range` (after `finish`).
    func bytes(_ range: Range<Int>) -> [UInt8] {
      var out: [UInt8] = []
      out.reserveCapacity(range.count)
      // The last piece that starts at or before the range.
      var low = 0
      var high = starts.count
      while high - low > 1 {
        let middle = (low + high) / 2
        if starts[middle] <= range.lowerBound { low = middle } else { high = middle }
      }
      var index = low
      var position = range.lowerBound
      while position < range.upperBound && index < pieces.count {
        let piece = pieces[index]
        let offset = position - starts[index]
        let take = min(piece.count - offset, range.upperBound - position)
        if take > 0 {
          out.append(contentsOf: piece[offset..<offset + take])
          position += take
        }
        index += 1
      }
      return out
    }
  }

  /// `element` written out at once, kept as its bytes only: a document with many thousand
  /// table rows then holds each row as one small buffer instead of a tree of dozens of objects.
  static func frozen(_ element: Element) -> Element {
    var pieces = Pieces()
    element.write(to: &pieces)
    let frozen = Element(element.name)
    frozen.serialized = pieces.joined
    return frozen
  }

  /// A whole XML document: the declaration and the root element, as UTF-8 in pieces.
  static func document(_ root: Element) -> Pieces {
    var out = Pieces()
    out.append(contentsOf: "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n".utf8)
    root.write(to: &out)
    out.finish()
    return out
  }

  static func escape(_ text: String, attribute: Bool, into out: inout Pieces) {
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out.append(contentsOf: "&amp;".utf8)
      case "<": out.append(contentsOf: "&lt;".utf8)
      case ">": out.append(contentsOf: "&gt;".utf8)
      case "\"" where attribute: out.append(contentsOf: "&quot;".utf8)
      case "\t" where attribute: out.append(contentsOf: "&#9;".utf8)
      case "\n" where attribute: out.append(contentsOf: "&#10;".utf8)
      case "\r": out.append(contentsOf: "&#13;".utf8)
      default:
        if isAllowed(scalar) { UTF8.encode(scalar) { out.append($0) } }
      }
    }
  }

  /// XML 1.0 `Char`: tab, line feed, carriage return, and U+0020 on, less U+FFFE and U+FFFF.
  static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x20 { return v == 0x09 || v == 0x0A || v == 0x0D }
    return v != 0xFFFE && v != 0xFFFF
  }
}
