/// Writes a case as a version-1 case file: keys in the documented order (the order of the
/// field tables, `CaseFile.fields`), absent fields left out, Chinese written as itself,
/// strings quoted only where YAML would misread them. Reading the output gives back an equal
/// `CaseFile`.
///
/// The emitter is redress's own rather than Yams' (libyaml's): libyaml writes a list inside
/// a mapping without indenting it (`items:` then `- name: …` in the same column) and
/// single-quotes a string that would read as a number (`'13800138000'`), where the spec's
/// examples, every case file redress has written and the goldens indent lists and use
/// double quotes (`"13800138000"`).
public enum CaseFileWriter {
  public static func yaml(for c: CaseFile, header: String? = nil) -> String {
    var w = Emitter()
    if let header {
      for line in header.split(separator: "\n", omittingEmptySubsequences: false) {
        w.lines.append("# \(line)")
      }
    }
    CaseFile.fields.write(c, &w, indent: 0)
    return w.lines.joined(separator: "\n") + "\n"
  }

  /// A string as a YAML scalar that reads back as exactly that string: plain where that is
  /// safe, double-quoted with escapes otherwise.
  public static func quote(_ s: String) -> String {
    if isPlainSafe(s) { return s }
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      case "\u{2028}": out += "\\L"
      case "\u{2029}": out += "\\P"
      case "\u{85}": out += "\\N"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
          || scalar.value == 0xFEFF
        {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  static func isPlainSafe(_ s: String) -> Bool {
    guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
    if first == " " || last == " " || first == "\t" || last == "\t" { return false }
    if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
    if s.contains(": ") || s.contains(" #") || s.hasSuffix(":") { return false }
    for scalar in s.unicodeScalars {
      if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
        || scalar.value == 0xFEFF || scalar.value == 0x2028 || scalar.value == 0x2029
      {
        return false
      }
    }
    // Anything YAML 1.1 or 1.2 might resolve as something other than a string.
    let lower = s.lowercased()
    let specials: Set<String> = [
      "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", ".nan", ".inf", "-.inf",
      "+.inf", "<<", "=",
    ]
    if specials.contains(lower) { return false }
    if first.properties.numericType == .decimal || first == "+" || first == "." { return false }
    return true
  }

  /// Builds block-style YAML line by line.
  struct Emitter {
    var lines: [String] = []
    /// When set, the next key line starts a list item (`- key: value`).
    var pendingDash: Int?
    /// Index of the last section header, to close one that got no children.
    var lastSectionLine: Int?

    mutating func keyLine(_ key: String, _ rest: String, indent: Int) {
      if let dashIndent = pendingDash {
        lines.append(String(repeating: " ", count: dashIndent) + "- \(key):\(rest)")
        pendingDash = nil
      } else {
        lines.append(String(repeating: " ", count: indent) + "\(key):\(rest)")
      }
      lastSectionLine = nil
    }

    mutating func section(_ key: String, indent: Int) {
      keyLine(key, "", indent: indent)
      lastSectionLine = lines.count - 1
    }

    /// A section that got no children is written as an empty mapping, `key: {}`.
    mutating func closeEmptySection(indent: Int) {
      if let i = lastSectionLine {
        lines[i] += " {}"
        lastSectionLine = nil
      }
    }

    mutating func listItem(indent: Int) { pendingDash = indent }

    mutating func closeListItem() {
      if let dashIndent = pendingDash {
        lines.append(String(repeating: " ", count: dashIndent) + "- {}")
        pendingDash = nil
        lastSectionLine = nil
      }
    }

    mutating func scalar(_ key: String, _ value: String, raw: Bool, indent: Int) {
      keyLine(key, " " + (raw ? value : CaseFileWriter.quote(value)), indent: indent)
    }

    mutating func word(_ key: String, _ value: String?, indent: Int) {
      guard let value else { return }
      keyLine(key, " " + value, indent: indent)
    }

    mutating func bool(_ key: String, _ value: Bool?, indent: Int) {
      guard let value else { return }
      keyLine(key, value ? " true" : " false", indent: indent)
    }

    mutating func string(_ key: String, _ value: String?, indent: Int) {
      guard let value else { return }
      if value.contains("\n"), let block = literalBlock(value, indent: indent + 2) {
        keyLine(key, " " + block.header, indent: indent)
        lines.append(contentsOf: block.body)
      } else {
        keyLine(key, " " + CaseFileWriter.quote(value), indent: indent)
      }
    }

    /// A multi-line string as a literal block (`|`, `|-` or `|+`), when it can be one.
    func literalBlock(_ s: String, indent: Int) -> (header: String, body: [String])? {
      // A line that starts with white space would confuse the block's indentation.
      let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
      guard !lines.contains(where: { $0.hasPrefix(" ") || $0.hasPrefix("\t") }),
        !s.hasPrefix("\n"), !s.contains("\r"),
        s.unicodeScalars.allSatisfy({
          $0 == "\n" || $0 == "\t"
            || ($0.value >= 0x20 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value)
              && $0.value != 0xFEFF && $0.value != 0x2028 && $0.value != 0x2029)
        })
      else { return nil }
      var trailing = 0
      for ch in s.unicodeScalars.reversed() {
        if ch == "\n" { trailing += 1 } else { break }
      }
      let content = String(s.unicodeScalars.dropLast(trailing))
      // Lines that end in spaces are kept by a literal block, so they are safe.
      let chomp = trailing == 0 ? "|-" : (trailing == 1 ? "|" : "|+")
      let pad = String(repeating: " ", count: indent)
      var body = content.split(separator: "\n", omittingEmptySubsequences: false).map {
        $0.isEmpty ? "" : pad + $0
      }
      if trailing > 1 { body.append(contentsOf: Array(repeating: "", count: trailing - 1)) }
      return (chomp, body)
    }
  }
}
