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

    func write(to out: inout [UInt8]) {
      if let serialized {
        out.append(contentsOf: serialized)
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

    private func closingTag(into out: inout [UInt8]) {
      out.append(contentsOf: "</".utf8)
      out.append(contentsOf: name.utf8)
      out.append(UInt8(ascii: ">"))
    }
  }

  /// `element` written out at once, kept as its bytes only: a document with many thousand
  /// table rows then holds each row as one small buffer instead of a tree of dozens of objects.
  static func frozen(_ element: Element) -> Element {
    var bytes: [UInt8] = []
    element.write(to: &bytes)
    let frozen = Element(element.name)
    frozen.serialized = bytes
    return frozen
  }

  /// A whole XML document: the declaration and the root element, as UTF-8.
  static func document(_ root: Element) -> [UInt8] {
    var out = Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n".utf8)
    root.write(to: &out)
    return out
  }

  static func escape(_ text: String, attribute: Bool, into out: inout [UInt8]) {
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
