import RedressCore

/// Findings as a person reads them: grouped into what stops the complaint, what weakens it,
/// and the advice and legal bases that apply; each with its message, where it comes from and
/// what to do next. Used by `redress check`; the interview's review screen can use it too.
public struct FindingsPrinter {
  public var language: InterfaceLanguage
  public var output: Output

  public init(language: InterfaceLanguage, output: Output) {
    self.language = language
    self.output = output
  }

  /// The whole report: a header line, the three groups, and the verdict.
  public func report(_ report: CheckReport, pack: RulePack) -> String {
    let w = Words(language)
    let lang = language.rawValue
    var lines: [String] = []
    lines.append(
      output.style(
        w.header(report.caseName, venue: pack.venueName(report.venue, in: lang), today: report.today), .bold))
    lines.append("")
    let groups: [(FindingSeverity, String, String, Output.Style)] = [
      (.block, "✖", w.blocks, .red), (.warn, "▲", w.warnings, .yellow), (.info, "ℹ", w.advice, .cyan),
    ]
    for (severity, mark, title, style) in groups {
      let group = report.findings.filter { $0.severity == severity }
      guard !group.isEmpty else { continue }
      lines.append(output.style("\(mark) \(title)" + w.count(group.count), style))
      for (i, f) in group.enumerated() {
        lines += finding(f, number: i + 1, words: w, problems: report.problems(of: f))
      }
    }
    if report.findings.isEmpty {
      lines.append(w.nothingFound)
      lines.append("")
    }
    lines.append(verdict(report, words: w))
    // A refusal that reads a field `validate` reports wrong may be the wrong answer: a date
    // mistyped is more likely than a complaint three years late.
    let doubtful = report.findings.filter { $0.severity == .block && !report.problems(of: $0).isEmpty }.count
    if doubtful > 0 { lines.append(output.style(w.refusalReadsErrors(doubtful), .yellow)) }
    return lines.joined(separator: "\n")
  }

  /// One finding as the report prints it (numbered, with its basis and next step), for
  /// screens that show findings one at a time, such as the interview's.
  public func lines(for f: Finding, number: Int) -> [String] {
    finding(f, number: number, words: Words(language))
  }

  /// `problems`: errors `validate` reports in the fields the finding reads.
  func finding(_ f: Finding, number: Int, words w: Words, problems: [Diagnostic] = []) -> [String] {
    let lang = language.rawValue
    var lines: [String] = []
    lines.append(
      "  \(number). " + output.style(f.summary(in: lang), .bold) + output.style("  [\(f.rule)]", .dim))
    lines.append("     " + f.message(in: lang))
    if f.dependsOnNotice {
      lines.append("     " + output.style(w.dependsOnNotice(f.yearsWithoutNotice), .yellow))
    } else if f.provisional {
      lines.append("     " + output.style(w.provisional(f.yearsWithoutNotice), .yellow))
    }
    for d in problems {
      // The validator's message is in English whatever the interface's language: on a line
      // of its own, under the words that say what it means here.
      lines.append("     " + output.style(w.fieldProblem(d.path, line: d.line), .yellow))
      lines.append("       " + d.message)
    }
    lines.append("     " + output.style(w.basis, .dim) + Self.bases(f.citations, language: language))
    if let advice = f.advice(in: lang) {
      lines.append("     " + output.style(w.next, .green) + advice)
    }
    lines.append("")
    return lines
  }

  /// Citations in one line, articles of one source together: `《消法》第二条、第三条；…`. A
  /// citation of practice says that it is practice, not law.
  static func bases(_ citations: [Citation], language: InterfaceLanguage) -> String {
    let lang = language.rawValue
    let w = Words(language)
    var groups: [(source: String, practice: Bool, named: Bool, articles: [String])] = []
    var unchecked: Set<String> = []
    for c in citations {
      let source = c.source(in: lang)
      // A text whose article numbers are not yet checked is law, cited without a number.
      let practice = c.confidence == .practice && !c.articleUnchecked
      if c.articleUnchecked { unchecked.insert(source) }
      let article = c.article(in: lang)
      if let last = groups.last, last.source == source, last.practice == practice {
        if !article.isEmpty { groups[groups.count - 1].articles.append(article) }
      } else {
        // A source whose name says it is practice needs no tag saying so.
        let simplified = lang == "zh-Hant" ? c.source(in: "zh-Hans") : source
        let named = simplified.contains("实务") || source.lowercased().contains("practice")
        groups.append((source, practice, named, article.isEmpty ? [] : [article]))
      }
    }
    return groups.map { g in
      let articles = g.articles.joined(separator: w.articleSeparator)
      if g.articles.isEmpty && unchecked.contains(g.source) { return g.source + w.uncheckedTag }
      if g.articles.isEmpty { return g.source + (g.practice ? w.practiceTag : "") }
      guard g.practice else { return w.sourceArticles(g.source, articles) }
      let body = w.practiceArticles(g.source, articles)
      return g.named ? body : body + w.practiceTag
    }.joined(separator: w.listSeparator)
  }

  func verdict(_ report: CheckReport, words w: Words) -> String {
    let blocks = report.findings.filter { $0.severity == .block }.count
    let warnings = report.findings.filter { $0.severity == .warn }.count
    if blocks > 0 { return output.style(w.notAdmissible(blocks), .red) }
    return output.style(w.admissible(warnings), .green)
  }

  /// The words around the findings, per interface language: `templates/words/<language>/findings.yaml`.
  struct Words {
    let language: InterfaceLanguage
    init(_ language: InterfaceLanguage) { self.language = language }

    func header(_ caseName: String, venue: String, today: CalendarDate) -> String {
      language.phrase("findings.header", ["case": caseName, "venue": venue, "today": today.iso])
    }
    var blocks: String { language.phrase("findings.blocks") }
    var warnings: String { language.phrase("findings.warnings") }
    var advice: String { language.phrase("findings.advice") }
    var basis: String { language.phrase("findings.basis") }
    var next: String { language.phrase("findings.next") }
    var practiceTag: String { language.phrase("findings.practice-tag") }
    var uncheckedTag: String { language.phrase("findings.unchecked-tag") }
    var articleSeparator: String { language.phrase("findings.article-separator") }
    var listSeparator: String { language.phrase("findings.basis-separator") }
    var nothingFound: String { language.phrase("findings.nothing-found") }
    func count(_ n: Int) -> String { language.phrase("findings.count", count: n) }
    func sourceArticles(_ source: String, _ articles: String) -> String {
      language.phrase("findings.source-articles", ["source": source, "articles": articles])
    }
    func practiceArticles(_ source: String, _ articles: String) -> String {
      language.phrase("findings.practice-articles", ["source": source, "articles": articles])
    }

    /// A date of the finding was counted through years whose State Council holiday notice is
    /// not in the calendar (on the statutory holidays alone): it may move once it is added.
    func provisional(_ years: [Int]) -> String {
      let list = years.map(String.init).joined(separator: articleSeparator)
      return language.phrase("findings.provisional", ["years": list])
    }

    /// A refusal that holds on the statutory holidays alone but that the missing notice of
    /// `years` may undo: a warning, not a ground for refusal, until the notice is added.
    func dependsOnNotice(_ years: [Int]) -> String {
      let list = years.map(String.init).joined(separator: articleSeparator)
      return language.phrase("findings.depends-on-notice", ["years": list])
    }

    func notAdmissible(_ n: Int) -> String { language.phrase("findings.not-admissible", count: n) }

    /// The finding reads `field` (at `line` of the case file), which `validate` reports wrong.
    func fieldProblem(_ field: String, line: Int?) -> String {
      let place =
        line.map { language.phrase("findings.field-at-line", ["field": field, "line": String($0)]) } ?? field
      return language.phrase("findings.field-problem", ["field": place])
    }

    /// `n` of the grounds for refusal read a field that `validate` reports wrong.
    func refusalReadsErrors(_ n: Int) -> String { language.phrase("findings.refusal-reads-errors", count: n) }

    func admissible(_ warnings: Int) -> String {
      warnings == 0
        ? language.phrase("findings.admissible")
        : language.phrase("findings.admissible-with-warnings", count: warnings)
    }
  }
}
