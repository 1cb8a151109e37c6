import Foundation

/// Assembles indirect objects into a complete PDF file: header, body, a classic cross-reference
/// table with exact byte offsets, and the trailer (ISO 32000-1 §7.5). Objects are numbered in
/// the order they are reserved, so the same calls give the same bytes.
struct PDFFileBuilder {
  struct Reference: Hashable {
    let number: Int
    var text: String { "\(number) 0 R" }
  }

  private var bodies: [Int: Data] = [:]
  private var nextNumber = 1
  private let compress: Bool

  init(compress: Bool) {
    self.compress = compress
  }

  /// Reserves an object number, for objects that refer to each other.
  mutating func reserve() -> Reference {
    defer { nextNumber += 1 }
    return Reference(number: nextNumber)
  }

  /// Sets the body of a reserved object (a dictionary, array or other direct object).
  mutating func set(_ reference: Reference, _ object: String) {
    bodies[reference.number] = Data(object.utf8)
  }

  @discardableResult
  mutating func add(_ object: String) -> Reference {
    let reference = reserve()
    set(reference, object)
    return reference
  }

  /// Sets a stream object; `dictionary` holds the entries besides /Length and /Filter.
  mutating func setStream(_ reference: Reference, dictionary: String = "", content: Data) throws {
    var payload = content
    var entries = dictionary
    if compress {
      payload = try PDFFlate.zlibStream(content)
      entries += " /Filter /FlateDecode"
    }
    var body = Data("<< /Length \(payload.count)\(entries) >>\nstream\n".utf8)
    body.append(payload)
    body.append(Data("\nendstream".utf8))
    bodies[reference.number] = body
  }

  @discardableResult
  mutating func addStream(dictionary: String = "", content: Data) throws -> Reference {
    let reference = reserve()
    try setStream(reference, dictionary: dictionary, content: content)
    return reference
  }

  /// The whole file. Every reserved object must have been set.
  func data(root: Reference, info: Reference) -> Data {
    var out = Data("%PDF-1.7\n".utf8)
    // A comment of bytes above 127 tells transfer tools the file is binary (§7.5.2).
    out.append(contentsOf: [0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A])
    var offsets: [Int] = []
    for number in 1..<nextNumber {
      offsets.append(out.count)
      out.append(Data("\(number) 0 obj\n".utf8))
      out.append(bodies[number] ?? Data("null".utf8))
      out.append(Data("\nendobj\n".utf8))
    }
    let xrefOffset = out.count
    var table = "xref\n0 \(nextNumber)\n0000000000 65535 f \n"
    for offset in offsets {
      let digits = String(offset)
      table += String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " 00000 n \n"
    }
    table += "trailer\n<< /Size \(nextNumber) /Root \(root.text) /Info \(info.text) >>\n"
    table += "startxref\n\(xrefOffset)\n%%EOF\n"
    out.append(Data(table.utf8))
    return out
  }
}
