import Foundation

/// Evaluates a rule pack on a case: every rule, for the case's venue, on a given day.
///
/// ```swift
/// let engine = try RuleEngine.load(packAt: data.legal, jurisdiction: "cn")
/// let findings = engine.evaluate(loaded.caseFile, today: today)
/// ```
public struct RuleEngine: Sendable {
  public let pack: RulePack
  /// The holiday calendar `rolled` dates count on (the clocks' calendar), when the pack rolls.
  public let calendar: HolidayCalendar?

  public init(pack: RulePack, calendar: HolidayCalendar? = nil) {
    self.pack = pack
    self.calendar = calendar
  }

  /// Loads and checks `legal/<jurisdiction>/`, and the holiday calendar its `rolled` dates
  /// count on (`legal/calendars/<calendar>/`); throws `DiagnosticsError` naming the file, line
  /// and column of every problem in the pack or the calendar.
  ///
  /// `traditional`: whether the pack's texts need their zh-Hant (`RulePackLoader.load`).
  public static func load(packAt legal: URL, jurisdiction: String, traditional: Bool = true) throws
    -> RuleEngine
  {
    let pack = try RulePackLoader.load(packAt: legal, jurisdiction: jurisdiction, traditional: traditional)
    guard pack.rollsDates else { return RuleEngine(pack: pack) }
    do {
      return RuleEngine(
        pack: pack,
        // Rolling a date needs the rest days, never a holiday's name.
        calendar: try HolidayCalendarLoader.load(name: pack.calendarName, legal: legal, traditional: false))
    } catch let e as HolidayCalendarLoader.UnknownCalendar {
      throw DiagnosticsError([
        Diagnostic(
          .error, file: pack.directory.appendingPathComponent("pack.yaml").path, path: "calendar",
          message:
            "a rule rolls a date to a working day, but \(e.description); name the calendar with 'calendar:'")
      ])
    }
  }

  /// Every finding of every rule, ordered block, warn, info, then in pack order. `venue`
  /// defaults to the case's venue (the consumer association when the case names none).
  public func evaluate(_ c: CaseFile, today: CalendarDate, venue: Venue? = nil) -> [Finding] {
    let v = venue ?? c.effectiveVenue
    let root = CaseFieldSchema.values(of: c)
    let reference = Self.referenceDay(of: c, today: today)
    var out: [(Int, Finding)] = []
    for (index, rule) in pack.rules.enumerated() {
      if let f = finding(rule, root: root, today: today, reference: reference, venue: v) {
        out.append((index, f))
      }
    }
    return out.sorted { a, b in
      a.1.severity != b.1.severity ? a.1.severity < b.1.severity : a.0 < b.0
    }.map(\.1)
  }

  /// The day whose law applies to a case (`rules.md`): the filing day once filed, else `today`.
  /// A finding cites only the texts in force on it.
  public static func referenceDay(of c: CaseFile, today: CalendarDate) -> CalendarDate {
    c.filing?.filedOn ?? today
  }

  /// Whether a case with these findings is admissible (no `block`).
  public static func isAdmissible(_ findings: [Finding]) -> Bool {
    !findings.contains { $0.severity == .block }
  }

  /// The finding of one rule, nil when it does not fire.
  public func evaluate(rule id: String, on c: CaseFile, today: CalendarDate, venue: Venue? = nil) -> Finding?
  {
    guard let rule = pack.rule(id) else { return nil }
    return finding(
      rule, root: CaseFieldSchema.values(of: c), today: today,
      reference: Self.referenceDay(of: c, today: today),
      venue: venue ?? c.effectiveVenue)
  }

  /// A computed amount of the pack (`punitive-maximum`, `fraud-maximum`, `food-maximum` in
  /// `cn`) for this case; nil when an input it needs is absent or no term applies.
  public func amount(
    _ id: String, for c: CaseFile, today: CalendarDate = CalendarDate(year: 2000, month: 1, day: 1)!
  )
    -> Money?
  {
    let e = evaluation(CaseFieldSchema.values(of: c), today: today)
    return e.amounts.value(id, in: e)
  }

  func evaluation(_ root: CaseFieldSchema.Value, today: CalendarDate, latestRolled: Bool = false)
    -> Evaluation
  {
    Evaluation(
      root: root, today: today, amounts: AmountBook(formulas: pack.amounts),
      calendar: calendar.map(DeadlineCalculator.init(calendar:)), latestRolled: latestRolled)
  }

  private func finding(
    _ rule: Rule, root: CaseFieldSchema.Value, today: CalendarDate, reference: CalendarDate, venue: Venue
  ) -> Finding? {
    guard var severity = rule.severity(in: venue) else { return nil }
    let e = evaluation(root, today: today)
    guard e.truth(rule.when) == .yes else { return nil }
    if let unless = rule.unless, e.truth(unless) == .yes { return nil }
    // A refusal must be certain. One that rolled a date through a year with no notice holds
    // only if it also holds on the latest day a notice could still move that date to (rest
    // days it may add around a holiday); otherwise it is a warning until the notice is on file.
    var dependsOnNotice = false
    if severity == .block, !e.yearsWithoutData.isEmpty {
      let latest = evaluation(root, today: today, latestRolled: true)
      if latest.truth(rule.when) != .yes || rule.unless.map({ latest.truth($0) == .yes }) == true {
        severity = .warn
        dependsOnNotice = true
      }
    }
    let fields = expandFields(rule.fields, matches: e.matches) + e.missing
    let citations = rule.citations.inForce(on: reference)
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
          if let text = format(inner, in: e, citations: citations, language: lang) { values[name] = text }
        default:
          guard let text = format(value, in: e, citations: citations, language: lang) else { return nil }
          values[name] = text
        }
      }
      // A `cases` value: the first case that holds and whose values are all present.
      for (name, value) in rule.values {
        guard case .cases(let cases) = value else { continue }
        values[name] = ""
        for c in cases {
          if let condition = c.condition, e.truth(condition) != .yes { continue }
          guard let t = Localized.pickTemplate(c.texts, lang),
            t.placeholders.allSatisfy({ values[$0] != nil })
          else { continue }
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
    var finding = Finding(
      rule: rule.id, severity: severity, messages: render(rule.messages), advice: render(rule.advice),
      fields: fields, citations: citations, summary: rule.summary,
      yearsWithoutNotice: e.yearsWithoutData.sorted(), dependsOnNotice: dependsOnNotice)
    finding.fieldsRead = rule.when.fieldsRead.union(rule.unless?.fieldsRead ?? []).sorted()
    return finding
  }

  private func format(
    _ value: RuleValue, in e: Evaluation, citations: [Citation], language: String
  ) -> String? {
    switch value {
    case .cites(let key):
      return Self.inline(citations.filter { $0.sourceKey == key }, language: language)
    case .optional(let inner): return format(inner, in: e, citations: citations, language: language)
    case .cases: return nil
    case .amount(let id):
      return e.amounts.value(id, in: e).map { Localized.money($0, language) }
    case .date(let term):
      return e.date(term, element: nil).map { Localized.date($0, language) }
    case .choice(let ref, let table):
      guard case .word(let w) = e.value(ref), let texts = table[w] else { return nil }
      return Localized.pick(texts, language)
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

  /// Citations as a message names them inline: the short name of each text once, followed by
  /// its articles (`投诉举报处理暂行办法第九条、第十五条第（五）项`; `Complaint Measures Art. 9,
  /// Art. 15(5)`). A text cited without an article is named alone.
  static func inline(_ citations: [Citation], language: String) -> String {
    let zh = language != "en"
    var order: [String] = []
    var articles: [String: [String]] = [:]
    for c in citations {
      let name = c.shortName(in: language)
      if articles[name] == nil {
        order.append(name)
        articles[name] = []
      }
      let article = c.article(in: language)
      if !article.isEmpty && !articles[name]!.contains(article) { articles[name]!.append(article) }
    }
    return order.map { name in
      let list = articles[name]!
      if list.isEmpty { return name }
      return zh ? name + list.joined(separator: "、") : name + " " + list.joined(separator: ", ")
    }.joined(separator: zh ? "；" : "; ")
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
