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

    func write(to out: inout String) {
      out += "<" + name
      for (key, value) in attributes {
        out += " " + key + "=\""
        XMLText.escape(value, attribute: true, into: &out)
        out += "\""
      }
      if let text, !text.isEmpty {
        out += ">"
        XMLText.escape(text, attribute: false, into: &out)
        out += "</" + name + ">"
      } else if children.isEmpty {
        out += "/>"
      } else {
        out += ">"
        for child in children { child.write(to: &out) }
        out += "</" + name + ">"
      }
    }
  }

  /// A whole XML document: the declaration and the root element, as UTF-8.
  static func document(_ root: Element) -> [UInt8] {
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
    root.write(to: &out)
    return Array(out.utf8)
  }

  static func escape(_ text: String, attribute: Bool, into out: inout String) {
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"" where attribute: out += "&quot;"
      case "\t" where attribute: out += "&#9;"
      case "\n" where attribute: out += "&#10;"
      case "\r": out += "&#13;"
      default:
        if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
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
