/// Header parameters that carry a file name (`name=` on Content-Type, `filename=` on
/// Content-Disposition), written so that every client finds the UTF-8 name.
enum MIMEParameter {
  /// The octets RFC 2231 `attribute-char` lets stand as themselves; everything else is `%XX`.
  static func isAttributeChar(_ b: UInt8) -> Bool {
    switch b {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      return true
    default:
      return "!#$&+-.^_`|~".utf8.contains(b)
    }
  }

  /// A short plain-ASCII value that can be written as a quoted string as it is.
  static func isSimple(_ value: String) -> Bool {
    HeaderText.isPlainASCII(value) && !value.contains("\"") && !value.contains("\\")
      && value.utf8.count <= 60
  }

  /// `value` percent-encoded per RFC 2231, one piece per Unicode character so that no piece
  /// splits a character.
  static func percentEncodedPieces(_ value: String) -> [String] {
    value.unicodeScalars.map { scalar in
      String(scalar).utf8.map { b in
        isAttributeChar(b) ? String(UnicodeScalar(b)) : "%" + hex(b)
      }.joined()
    }
  }

  static func hex(_ b: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(b >> 4)], digits[Int(b & 0x0F)]])
  }

  /// The lines of an RFC 2231 parameter: `filename*=UTF-8''…`, or when it would not fit in one
  /// 78-character line, the continuations `filename*0*=UTF-8''…;`, `filename*1*=…`: each is a
  /// parameter of its own, one line each.
  static func extended(attribute: String, value: String) -> [[String]] {
    let pieces = percentEncodedPieces(value)
    let single = attribute + "*=UTF-8''" + pieces.joined()
    // One leading space and a possible trailing ";" must fit too.
    let room = HeaderText.preferredLineLength - 2
    if single.utf8.count <= room { return [[single]] }
    var lines: [String] = []
    var current = ""
    var index = 0
    func head(_ i: Int) -> String { attribute + "*\(i)*=" + (i == 0 ? "UTF-8''" : "") }
    current = head(0)
    for piece in pieces {
      if current.utf8.count + piece.utf8.count > room, current != head(index) {
        lines.append(current)
        index += 1
        current = head(index)
      }
      current += piece
    }
    lines.append(current)
    return lines.map { [$0] }
  }

  /// The lines of `name="…"`: the value itself when it is short plain ASCII, else RFC 2047
  /// encoded words (what older clients such as Outlook 2007 read), one word per line.
  static func legacy(attribute: String, value: String) -> [String] {
    if isSimple(value) { return [attribute + "=\"" + value + "\""] }
    let first = attribute + "=\""
    let words = HeaderText.encodedWords(
      value, firstWordLimit: HeaderText.preferredLineLength - 3 - first.utf8.count,
      wordLimit: HeaderText.preferredLineLength - 3)
    var lines: [String] = []
    for (i, word) in words.enumerated() {
      var line = i == 0 ? first + word : word
      if i == words.count - 1 { line += "\"" }
      lines.append(line)
    }
    return lines
  }

  /// A header field `Name: value` followed by its parameters, one per folded line. Each
  /// parameter is a list of lines: an RFC 2231 continuation is one parameter per line; the
  /// encoded words of one quoted value are several lines of one parameter.
  static func field(name: String, value: String, parameters: [[String]]) -> String {
    var out = name + ": " + value
    for lines in parameters {
      out += ";\r\n " + lines.joined(separator: "\r\n ")
    }
    return out
  }
}
