import Foundation

/// Evaluates a rule pack on a case: every rule, for the case's venue, on a given day.
///
/// ```swift
/// let engine = try RuleEngine.load(packAt: data.legal, jurisdiction: "cn")
/// let findings = engine.evaluate(loaded.caseFile, today: today)
/// ```
public struct RuleEngine: Sendable {
  public let pack: RulePack

  public init(pack: RulePack) { self.pack = pack }

  /// Loads and checks `legal/<jurisdiction>/`; throws `DiagnosticsError` naming the file, line
  /// and column of every problem in the pack.
  public static func load(packAt legal: URL, jurisdiction: String) throws -> RuleEngine {
    RuleEngine(pack: try RulePackLoader.load(packAt: legal, jurisdiction: jurisdiction))
  }

  /// Every finding of every rule, ordered block, warn, info, then in pack order. `venue`
  /// defaults to the case's venue (the consumer association when the case names none).
  public func evaluate(_ c: CaseFile, today: CalendarDate, venue: Venue? = nil) -> [Finding] {
    let v = venue ?? c.effectiveVenue
    let root = CaseFieldSchema.values(of: c)
    var out: [(Int, Finding)] = []
    for (index, rule) in pack.rules.enumerated() {
      if let f = finding(rule, root: root, today: today, venue: v) { out.append((index, f)) }
    }
    return out.sorted { a, b in
      a.1.severity != b.1.severity ? a.1.severity < b.1.severity : a.0 < b.0
    }.map(\.1)
  }

  /// Whether a case with these findings is admissible (no `block`).
  public static func isAdmissible(_ findings: [Finding]) -> Bool {
    !findings.contains { $0.severity == .block }
  }

  /// The finding of one rule, nil when it does not fire.
  public func evaluate(rule id: String, on c: CaseFile, today: CalendarDate, venue: Venue? = nil) -> Finding?
  {
    guard let rule = pack.rule(id) else { return nil }
    return finding(rule, root: CaseFieldSchema.values(of: c), today: today, venue: venue ?? c.effectiveVenue)
  }

  /// A computed amount of the pack (`punitive-maximum`, `fraud-maximum`, `food-maximum` in
  /// `cn`) for this case; nil when an input it needs is absent or no term applies.
  public func amount(
    _ id: String, for c: CaseFile, today: CalendarDate = CalendarDate(year: 2000, month: 1, day: 1)!
  )
    -> Money?
  {
    let e = Evaluation(
      root: CaseFieldSchema.values(of: c), today: today, amounts: AmountBook(formulas: pack.amounts))
    return e.amounts.value(id, in: e)
  }

  /// A fresh evaluation of `c` on `today`, with the pack's amounts.
  func evaluation(of c: CaseFile, today: CalendarDate) -> Evaluation {
    Evaluation(root: CaseFieldSchema.values(of: c), today: today, amounts: AmountBook(formulas: pack.amounts))
  }

  /// A computed amount with its computation written out; nil as for `amount(_:for:today:)`.
  public func computedAmount(_ id: String, for c: CaseFile) -> ComputedAmount? {
    let e = evaluation(of: c, today: ClaimCalculator.anyDay)
    return e.amounts.computed(id, in: e)
  }

  private func finding(
    _ rule: Rule, root: CaseFieldSchema.Value, today: CalendarDate, venue: Venue
  ) -> Finding? {
    guard let severity = rule.severity(in: venue) else { return nil }
    let e = Evaluation(root: root, today: today, amounts: AmountBook(formulas: pack.amounts))
    guard e.truth(rule.when) == .yes else { return nil }
    if let unless = rule.unless, e.truth(unless) == .yes { return nil }
    let fields = expandFields(rule.fields, matches: e.matches) + e.missing
    var rendered: [String: [String: String]] = [:]
    for lang in RulePack.languages {
      var values: [String: String] = ["today": Localized.date(today, lang)]
      values["fields"] = e.missing.map { path in
        pack.label(of: path, in: lang).map { lang == "en" ? "\($0) (\(path))" : "\($0)（\(path)）" } ?? path
      }.joined(separator: lang == "en" ? ", " : "、")
      for (name, value) in rule.values {
        switch value {
        case .cases: continue
        case .optional(let inner):
          if let text = format(inner, in: e, language: lang) { values[name] = text }
        default:
          guard let text = format(value, in: e, language: lang) else { return nil }
          values[name] = text
        }
      }
      for (name, value) in rule.values {
        guard case .cases(let cases) = value else { continue }
        values[name] = ""
        for c in cases {
          if let condition = c.condition, e.truth(condition) != .yes { continue }
          guard let t = Localized.pickTemplate(c.texts, lang) else { continue }
          guard t.placeholders.allSatisfy({ values[$0] != nil }) else { continue }
          values[name] = t.render(values)
          break
        }
      }
      rendered[lang] = values
    }
    func render(_ templates: [String: MessageTemplate]) -> [String: String] {
      var out: [String: String] = [:]
      for (lang, t) in templates { out[lang] = t.render(rendered[lang] ?? [:]) }
      return out
    }
    return Finding(
      rule: rule.id, severity: severity, messages: render(rule.messages), advice: render(rule.advice),
      fields: fields, citations: rule.citations, summary: rule.summary)
  }

  private func format(_ value: RuleValue, in e: Evaluation, language: String) -> String? {
    switch value {
    case .optional(let inner): return format(inner, in: e, language: language)
    case .cases: return nil
    case .amount(let id):
      return e.amounts.value(id, in: e).map { Localized.money($0, language) }
    case .date(let term):
      return e.date(term, element: nil).map { Localized.date($0, language) }
    case .field(let ref):
      switch e.value(ref) {
      case .text(let s), .word(let s): return s
      case .date(let d): return Localized.date(d, language)
      case .money(let m): return Localized.money(m, language)
      case .number(let n): return String(n)
      case .flag(let b): return b ? "true" : "false"
      case .section, .list, .none: return nil
      }
    }
  }

  /// `claims[].amount` becomes `claims[1].amount` for each element the rule matched, or the
  /// list itself (`claims`) when it matched none.
  private func expandFields(_ fields: [String], matches: [String: [Int]]) -> [String] {
    var out: [String] = []
    for f in fields {
      guard let range = f.range(of: "[]") else {
        out.append(f)
        continue
      }
      let list = String(f[..<range.lowerBound])
      let rest = f[range.upperBound...]
      if let indices = matches[list], !indices.isEmpty {
        out += indices.map { "\(list)[\($0)]\(rest)" }
      } else if !out.contains(list) {
        out.append(list)
      }
    }
    return out
  }
}

/// The statutory maximum of a punitive claim (`rules.md`): with fraud, max(3 × amount paid,
/// 500); with food below the safety standard, max(10 × amount paid, 3 × losses, 1000); with
/// both, the larger. The formulas are data in the pack (`amounts:` in `legal/cn/pack.yaml`,
/// with their citations); this is the named entry point for them.
public enum StatutoryMaximum {
  /// The id of the combined amount in the pack.
  public static let amountID = "punitive-maximum"

  /// The maximum for this case, nil when neither basis is alleged or the amount paid is absent.
  public static func compute(for c: CaseFile, engine: RuleEngine) -> Money? {
    engine.amount(amountID, for: c)
  }

  /// The maximum from the bare facts, through the same pack formulas.
  public static func compute(
    amountPaid: Money?, losses: Money? = nil, fraudAlleged: Bool, foodSafetyViolation: Bool,
    engine: RuleEngine
  ) -> Money? {
    var c = CaseFile()
    var purchase = Purchase()
    purchase.amountPaid = amountPaid
    c.purchase = purchase
    var damage = Damage()
    damage.losses = losses
    damage.fraudAlleged = fraudAlleged
    damage.foodSafetyViolation = foodSafetyViolation
    c.damage = damage
    return compute(for: c, engine: engine)
  }
}
