/// The result of `redress check`: the case, where and when it was checked, and the findings.
/// Its JSON is the shape `cli.md` fixes, with keys in the documented order.
public struct CheckReport: Sendable {
  /// The case id, or the case file's base name when the case has none.
  public var caseName: String
  public var jurisdiction: String
  public var venue: Venue
  public var today: CalendarDate
  public var findings: [Finding]

  public init(caseName: String, jurisdiction: String, venue: Venue, today: CalendarDate, findings: [Finding])
  {
    self.caseName = caseName
    self.jurisdiction = jurisdiction
    self.venue = venue
    self.today = today
    self.findings = findings
  }

  /// True exactly when no finding is `block`.
  public var admissible: Bool { RuleEngine.isAdmissible(findings) }

  /// The report as JSON, texts in `language` (`message`, `advice`, `summary`, citations).
  public func json(language: String) -> String {
    let findingsJSON: [JSONText] = findings.map { f in
      var entries: [(String, JSONText)] = [
        ("rule", .string(f.rule)),
        ("severity", .string(f.severity.rawValue)),
        ("message", .string(f.message(in: language))),
        ("fields", .array(f.fields.map(JSONText.string))),
        (
          "citations",
          .array(
            f.citations.map { c in
              var e: [(String, JSONText)] = [
                ("source", .string(c.source(in: language))),
                ("article", .string(c.article(in: language))),
                ("confidence", .string(c.confidence.rawValue)),
              ]
              if let note = c.note(in: language) { e.append(("note", .string(note))) }
              return .object(e)
            })
        ),
        ("summary", .string(f.summary(in: language))),
      ]
      if let advice = f.advice(in: language) { entries.append(("advice", .string(advice))) }
      return .object(entries)
    }
    let doc = JSONText.object([
      ("case", .string(caseName)),
      ("jurisdiction", .string(jurisdiction)),
      ("venue", .string(venue.rawValue)),
      ("today", .string(today.iso)),
      ("admissible", .bool(admissible)),
      ("findings", .array(findingsJSON)),
    ])
    return doc.rendered(indent: 0)
  }
}

/// A JSON value whose objects keep their keys in the order given, rendered with two-space
/// indentation and non-ASCII text as itself.
public indirect enum JSONText: Sendable {
  case string(String)
  case bool(Bool)
  case int(Int)
  case null
  case array([JSONText])
  case object([(String, JSONText)])

  public func rendered(indent: Int = 0) -> String {
    let pad = String(repeating: "  ", count: indent)
    let inner = String(repeating: "  ", count: indent + 1)
    switch self {
    case .string(let s): return Self.quote(s)
    case .bool(let b): return b ? "true" : "false"
    case .int(let n): return String(n)
    case .null: return "null"
    case .array(let items):
      if items.isEmpty { return "[]" }
      if items.allSatisfy({ if case .string = $0 { return true } else { return false } }) {
        return "[" + items.map { $0.rendered() }.joined(separator: ", ") + "]"
      }
      return "[\n" + items.map { inner + $0.rendered(indent: indent + 1) }.joined(separator: ",\n")
        + "\n\(pad)]"
    case .object(let entries):
      if entries.isEmpty { return "{}" }
      return "{\n"
        + entries.map { "\(inner)\(Self.quote($0.0)): \($0.1.rendered(indent: indent + 1))" }
        .joined(separator: ",\n") + "\n\(pad)}"
    }
  }

  static func quote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
