import Foundation
import Yams

/// A jurisdiction's rule pack as loaded from `legal/<jurisdiction>/`: its venues, the sources
/// its rules cite, its computed amounts, its rules in pack order and their examples.
public struct RulePack: Sendable {
  /// The newest pack schema this build reads.
  public static let currentSchema = 1
  /// The schema of `pack.yaml` and the rule files this build reads.
  static let schemaVersion = SchemaVersion(current: currentSchema)
  /// The languages every text of a pack must be given in.
  public static let requiredLanguages = LocalizedTextReader.requiredLanguages
  /// The languages a text may be given in.
  public static let languages = LocalizedTextReader.languages

  public let jurisdiction: String
  public let schema: Int
  /// The pack's name per language (`中国大陆`).
  public let name: [String: String]
  /// The venues in pack order, with their names per language.
  public let venues: [VenueInfo]
  public let sources: [String: Source]
  /// Readable names of case fields, per language, for messages that list fields.
  public let labels: [String: [String: String]]
  public let rules: [Rule]
  /// The folder holding `pack.yaml`.
  public let directory: URL
  /// The base case the examples are merged over, and the day they run on by default.
  public let exampleBase: URL
  public let exampleToday: CalendarDate
  let amounts: [String: AmountFormula]
  /// Computed amount ids in pack order.
  public let amountIDs: [String]
  /// The generated Traditional Chinese of the pack's texts (`zh-Hant.yaml`), for Chinese text
  /// that is not a localized mapping (a citation's article).
  public let traditional: TraditionalTexts
  /// The pack's Simplified texts that have no Traditional Chinese: empty when `zh-Hant.yaml` is
  /// current (a test checks it; `scripts/derive-zh-hant` regenerates it).
  public let missingTraditional: [String]
  /// The holiday calendar (`legal/calendars/<name>/`) the pack's `rolled` dates count on.
  public let calendarName: String
  /// Whether a rule rolls a date to a working day, so that the engine needs the calendar.
  public var rollsDates: Bool {
    rules.contains { r in
      r.when.rolls || (r.unless?.rolls ?? false) || r.values.contains { $0.value.rolls }
    }
  }

  public struct VenueInfo: Sendable, Hashable {
    public let venue: Venue
    public let names: [String: String]
  }

  /// An instrument the rules cite, or a body of practice.
  public struct Source: Sendable, Hashable {
    public let key: String
    public let names: [String: String]
    /// The short name a Chinese lawyer uses (消法).
    public let shortNames: [String: String]
    /// The strongest confidence a citation of this source may claim.
    public let kind: CitationConfidence
    public let notes: [String: String]
    /// The texts the source has had, oldest first, each with the days it was in force (one
    /// version, in force always, for a source that never changed).
    public let versions: [SourceVersion]
  }

  /// The rule with this id.
  public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }

  /// The name of `venue` in `language`.
  public func venueName(_ venue: Venue, in language: String) -> String {
    let names = venues.first { $0.venue == venue }?.names ?? [:]
    return Localized.pick(names, language) ?? venue.rawValue
  }

  /// The readable name of a field path in `language` (`purchase.items[0].name` is looked up
  /// as `purchase.items[].name`), nil when the pack gives none.
  public func label(of path: String, in language: String) -> String? {
    var generic = ""
    var inBrackets = false
    for ch in path {
      if ch == "[" {
        inBrackets = true
        generic += "[]"
      } else if ch == "]" {
        inBrackets = false
      } else if !inBrackets {
        generic.append(ch)
      }
    }
    return labels[generic].flatMap { Localized.pick($0, language) }
  }

  /// The summary and citations of a computed amount (for `rules explain` and the docs).
  public func amountSummary(_ id: String) -> (summary: [String: String], citations: [Citation])? {
    amounts[id].map { ($0.summary, $0.citations) }
  }
}

/// One admissibility rule.
public struct Rule: Sendable {
  public let id: String
  /// The file and line the rule starts at.
  public let file: String
  public let line: Int
  public let severities: [Venue: FindingSeverity]
  public let summary: [String: String]
  public let rationale: [String: String]
  public let messageTexts: [String: String]
  public let adviceTexts: [String: String]
  public let citations: [Citation]
  /// The fields a finding names (`[]` is replaced by the matched elements' indices).
  public let fields: [String]
  public let examples: [RuleExample]
  let when: Condition
  let unless: Condition?
  let values: [(name: String, value: RuleValue)]
  let messages: [String: MessageTemplate]
  let advice: [String: MessageTemplate]

  /// The severity in `venue` (every rule gives one per venue of its pack).
  public func severity(in venue: Venue) -> FindingSeverity? { severities[venue] }
}

/// An example that runs as a test: a fragment of a case merged over the pack's base case.
public struct RuleExample: Sendable {
  public enum Kind: String, Sendable {
    case applies
    case doesNotApply = "does-not-apply"
  }
  public let kind: Kind
  public let note: String?
  public let today: CalendarDate?
  /// The fields the finding must name, when the example says.
  public let expectedFields: [String]?
  /// Text the message must contain (in some language), when the example says.
  public let says: String?
  /// The severity the finding must have, when the example says (a `block` that depends on a
  /// holiday notice not yet on file is a `warn`).
  public let severity: FindingSeverity?
  public let file: String
  public let line: Int
  public let column: Int
  /// The case fragment as written.
  public let fragment: YAMLFragment
}

/// A composed YAML tree kept for later use. Yams' `Node` is a value type that is never
/// mutated after loading; it is not marked `Sendable` only because of its `Tag` class.
public struct YAMLFragment: @unchecked Sendable {
  public let node: Node
}

/// A value a message names with `{name}`.
indirect enum RuleValue: Sendable {
  case field(FieldRef)
  case date(DateTerm)
  case amount(String)
  /// The rule's own citations of a source (its key) in force on the reference day, by short
  /// name and article (`投诉举报处理暂行办法第十五条第（四）项`).
  case cites(String)
  /// A text chosen by the word a field holds (`purchase.items[].category` → the competent
  /// channel), per language; nil (the rule does not fire) for a word the table lacks.
  case choice(FieldRef, [String: [String: String]])
  /// A value that may be absent without keeping the rule from firing (`optional: true`).
  case optional(RuleValue)
  /// The text of the first case whose `if` holds and whose `{values}` are all present; empty
  /// when none does (`cases:`).
  case cases([ValueCase])

  var rolls: Bool {
    switch self {
    case .date(let t): return t.rolled
    case .optional(let inner): return inner.rolls
    default: return false
    }
  }
}

/// One case of a `cases:` value: a condition (none: always) and a text per language that may
/// name the rule's other values.
struct ValueCase: Sendable {
  let condition: Condition?
  let texts: [String: MessageTemplate]
}

/// A message or advice text split at its `{placeholders}`.
struct MessageTemplate: Sendable {
  enum Part: Sendable {
    case literal(String)
    case placeholder(String)
  }
  let parts: [Part]

  var placeholders: [String] {
    parts.compactMap {
      if case .placeholder(let p) = $0 { return p }
      return nil
    }
  }

  /// Splits `text`; nil with a reason when a brace is unmatched or a name is malformed.
  static func parse(_ text: String) -> Result<MessageTemplate, TemplateError> {
    var parts: [Part] = []
    var literal = ""
    var name: String?
    for ch in text {
      if var n = name {
        if ch == "}" {
          guard !n.isEmpty else { return .failure(TemplateError("an empty {} in the text")) }
          parts.append(.placeholder(n))
          name = nil
        } else if ch == "{" {
          return .failure(TemplateError("a '{' inside a {placeholder}"))
        } else {
          n.append(ch)
          name = n
        }
      } else if ch == "{" {
        if !literal.isEmpty { parts.append(.literal(literal)) }
        literal = ""
        name = ""
      } else if ch == "}" {
        return .failure(TemplateError("a '}' without its '{'"))
      } else {
        literal.append(ch)
      }
    }
    if name != nil { return .failure(TemplateError("a '{' without its '}'")) }
    if !literal.isEmpty { parts.append(.literal(literal)) }
    return .success(MessageTemplate(parts: parts))
  }

  struct TemplateError: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
  }

  func render(_ values: [String: String]) -> String {
    parts.map {
      switch $0 {
      case .literal(let s): return s
      case .placeholder(let p): return values[p] ?? "{\(p)}"
      }
    }.joined()
  }
}

/// Picking a text in a language, with the pack's fallbacks (zh-Hant → zh-Hans; anything → en).
public enum Localized {
  public static func pick(_ texts: [String: String], _ language: String) -> String? {
    if let t = texts[language] { return t }
    if language == "en" { return texts["en"] ?? texts["zh-Hans"] }
    return texts["zh-Hans"] ?? texts["en"]
  }

  /// A template in a language, with the same fallbacks as `pick`.
  static func pickTemplate(_ texts: [String: MessageTemplate], _ language: String) -> MessageTemplate? {
    if let t = texts[language] { return t }
    if language == "en" { return texts["en"] ?? texts["zh-Hans"] }
    return texts["zh-Hans"] ?? texts["en"]
  }

  /// Money as a reader of `language` expects it: `5,360.00元`, `¥5,360.00`
  /// (`templates/words/<language>/core.yaml`).
  public static func money(_ m: Money, _ language: String) -> String {
    Words.phrase("core.money", language: language, ["amount": m.grouped])
  }

  /// A date as a reader of `language` expects it: `2029年10月5日`, `2029-10-05`.
  public static func date(_ d: CalendarDate, _ language: String) -> String {
    language == "en" ? d.iso : "\(d.year)年\(d.month)月\(d.day)日"
  }
}
