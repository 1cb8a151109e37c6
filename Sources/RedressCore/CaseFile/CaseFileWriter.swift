import Yams

/// Writes a case as a version-1 case file: a Yams node tree built from the field tables
/// (`CaseFile.fields`, keys in the documented order, absent fields left out), emitted by
/// `Yams.serialize` (libyaml) with Chinese written as itself and no line ever folded. Reading
/// the output gives back an equal `CaseFile`.
///
/// Each value's style follows its field's type (`CaseField`): words, dates, numbers and flags
/// plain; free text and money (`"2999.00"`, as `case-file.md` writes it) plain only where YAML
/// reads the plain text back as the same string (`isPlainSafe`), a literal block (`|`) when the
/// text has several lines that a block can hold, double-quoted otherwise. Where libyaml finds
/// that the style asked for cannot hold a text (a line ending in a space in a literal block),
/// it falls back to a quoted style by itself, so the choice only ever affects the layout.
///
/// libyaml writes a list inside a mapping at the mapping's own indentation (`items:` then
/// `- name: …` in the same column), where redress's earlier hand-written emitter indented it
/// by two; YAML reads the two the same.
public enum CaseFileWriter {
  public static func yaml(for c: CaseFile, header: String? = nil) -> String {
    var out = ""
    if let header {
      for line in header.split(separator: "\n", omittingEmptySubsequences: false) {
        out += "# \(line)\n"
      }
    }
    do {
      out += try Yams.serialize(
        node: CaseFile.fields.node(of: c), indent: 2, width: -1, allowUnicode: true)
    } catch {
      // libyaml refuses only a malformed stream of events, which a tree of scalars, block
      // mappings and block lists never is.
      preconditionFailure("libyaml refused a case file: \(error)")
    }
    return out
  }

  // MARK: Scalars

  /// One tag for every scalar: the strings are written as they are, and the tag (never
  /// printed) spares Yams resolving each one.
  nonisolated(unsafe) private static let stringTag = Tag(.str)

  /// A word, a date, a number, a flag: never anything YAML would misread.
  static func plain(_ s: String) -> Node { .scalar(.init(s, stringTag, .plain)) }

  /// Free text (and money's text) in the style that reads back as exactly that string.
  static func text(_ s: String) -> Node {
    if s.contains("\n") && fitsLiteralBlock(s) { return .scalar(.init(s, stringTag, .literal)) }
    return .scalar(.init(s, stringTag, isPlainSafe(s) ? .plain : .doubleQuoted))
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

  /// Whether a multi-line text reads well as a literal block: no line starts with white space
  /// (which would need an indentation indicator), no leading line break, no control character.
  static func fitsLiteralBlock(_ s: String) -> Bool {
    let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
    return !lines.contains(where: { $0.hasPrefix(" ") || $0.hasPrefix("\t") })
      && !s.hasPrefix("\n") && !s.contains("\r")
      && s.unicodeScalars.allSatisfy({
        $0 == "\n" || $0 == "\t"
          || ($0.value >= 0x20 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value)
            && $0.value != 0xFEFF && $0.value != 0x2028 && $0.value != 0x2029)
      })
  }
}
