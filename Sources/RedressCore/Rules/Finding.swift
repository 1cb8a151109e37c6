/// What an admissibility rule says about a case (`rules.md`, `cli.md` JSON shape).
public struct Finding: Hashable, Sendable {
  /// `cn.warranty-expired`.
  public var rule: String
  public var severity: FindingSeverity
  /// The message in the languages the pack gives, keyed `zh-Hans` and `en`; values are
  /// already filled in (the computed statutory maximum, the dates).
  public var messages: [String: String]
  /// What the user can do about it, keyed like `messages`.
  public var advice: [String: String]
  /// The case fields the finding is about.
  public var fields: [String]
  public var citations: [Citation]
  /// The rule's one-line summary, keyed like `messages` (a heading for the finding).
  public var summary: [String: String]
  /// Years without a holiday notice that a date of the finding was counted through (a
  /// `rolled` limit): the finding is provisional, the day may move once the notice is added.
  public var yearsWithoutNotice: [Int]

  /// A refusal (`block` in the pack) reported as a warning because it depends on a notice not
  /// yet on file: on the statute's holidays alone the rule holds, but a notice may add rest
  /// days that move the date it counts, and then the rule would not hold.
  public var dependsOnNotice: Bool

  /// The case-file fields the rule's condition read to reach the finding (`[]` for a list's
  /// elements), beyond those it names: a field `validate` reports wrong among either makes the
  /// finding doubtful (`CheckReport.problems(of:)`).
  public var fieldsRead: [String] = []

  /// True when a date of the finding was counted through a year without a notice.
  public var provisional: Bool { !yearsWithoutNotice.isEmpty }

  public init(
    rule: String, severity: FindingSeverity, messages: [String: String],
    advice: [String: String] = [:], fields: [String], citations: [Citation],
    summary: [String: String] = [:], yearsWithoutNotice: [Int] = [], dependsOnNotice: Bool = false
  ) {
    self.yearsWithoutNotice = yearsWithoutNotice
    self.dependsOnNotice = dependsOnNotice
    self.rule = rule
    self.severity = severity
    self.messages = messages
    self.advice = advice
    self.fields = fields
    self.citations = citations
    self.summary = summary
  }

  /// The summary in `language`, with the same fallbacks as `message(in:)`.
  public func summary(in language: String) -> String {
    summary[language] ?? summary["zh-Hans"] ?? summary["en"] ?? rule
  }

  /// The citations a letter may present as law: statute and regulation, never practice.
  public var legalBases: [Citation] { citations.filter { $0.confidence != .practice } }

  /// The message in `language`, falling back to Simplified Chinese, then English.
  public func message(in language: String) -> String {
    messages[language] ?? messages["zh-Hans"] ?? messages["en"] ?? rule
  }

  /// The advice in `language`, with the same fallbacks; nil when the rule gives none.
  public func advice(in language: String) -> String? {
    advice[language] ?? advice["zh-Hans"] ?? advice["en"]
  }
}

/// `block`: the body will refuse the complaint as it stands; `warn`: it will be taken but a
/// part is weak; `info`: advice, such as a legal basis that applies.
public enum FindingSeverity: String, CaseEnum, Comparable {
  case block, warn, info

  private var rank: Int {
    switch self {
    case .block: return 0
    case .warn: return 1
    case .info: return 2
    }
  }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// Where a rule comes from, and how sure that is.
public struct Citation: Hashable, Sendable {
  /// The instrument, as a Chinese reader names it: 《消费者权益保护法》.
  public var source: String
  /// The article: 第二十四条, Art. 24.
  public var article: String
  /// `statute`, `regulation` or `practice`; practice is never presented as law.
  public var confidence: CitationConfidence
  /// The source's name per language (`zh-Hans`, `en`); `source` is the Chinese one.
  public var sourceNames: [String: String]
  /// The article per language (`第五十五条第一款`, `Art. 55(1)`).
  public var articleNames: [String: String]
  /// What a reader should know about the source (replaced, not checked), per language.
  public var notes: [String: String]
  /// The key of the source in the registry (`complaint-measures`); nil for a citation made
  /// outside it.
  public var sourceKey: String?
  /// The version of the source's text (`2019`), when it has several.
  public var version: String?
  /// The source's short name per language (消法), for messages that name it inline.
  public var shortNames: [String: String]
  /// The days the cited text was in force: a case whose reference day lies outside does not
  /// cite it.
  public var inForce: InForce
  /// True when the text's article numbers have not been checked: a `practice` confidence of
  /// such a citation is about its number, not about the rule being law.
  public var articleUnchecked: Bool

  public init(
    source: String, article: String, confidence: CitationConfidence,
    sourceNames: [String: String] = [:], articleNames: [String: String] = [:],
    notes: [String: String] = [:], sourceKey: String? = nil, version: String? = nil,
    shortNames: [String: String] = [:], inForce: InForce = .always, articleUnchecked: Bool = false
  ) {
    self.source = source
    self.article = article
    self.confidence = confidence
    self.sourceNames = sourceNames
    self.articleNames = articleNames
    self.notes = notes
    self.sourceKey = sourceKey
    self.version = version
    self.shortNames = shortNames
    self.inForce = inForce
    self.articleUnchecked = articleUnchecked
  }

  /// The short name in `language` (falling back to the Chinese short name, then the name).
  public func shortName(in language: String) -> String {
    shortNames[language] ?? shortNames["zh-Hans"] ?? source(in: language)
  }

  /// The source's name in `language`, falling back to the Chinese name.
  public func source(in language: String) -> String {
    sourceNames[language] ?? sourceNames["zh-Hans"] ?? source
  }

  /// The article in `language`, falling back to the Chinese form.
  public func article(in language: String) -> String {
    articleNames[language] ?? articleNames["zh-Hans"] ?? article
  }

  /// The note in `language`, if the source has one.
  public func note(in language: String) -> String? {
    notes[language] ?? notes["zh-Hans"] ?? notes["en"]
  }
}

public enum CitationConfidence: String, CaseEnum {
  case statute, regulation, practice
}

extension Array where Element == Finding {
  /// The statute and regulation citations of the advice (`info`) findings, each once, in
  /// order: what a complaint letter cites as the legal bases that apply.
  public var legalBasesOfAdvice: [Citation] {
    var seen = Set<Citation>()
    var out: [Citation] = []
    for f in self where f.severity == .info {
      for c in f.legalBases where seen.insert(c).inserted { out.append(c) }
    }
    return out
  }
}
