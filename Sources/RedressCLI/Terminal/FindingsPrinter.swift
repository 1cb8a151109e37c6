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
        "\(w.check) \(report.caseName) · \(pack.venueName(report.venue, in: lang)) · \(report.today.iso)",
        .bold))
    lines.append("")
    let groups: [(FindingSeverity, String, String, Output.Style)] = [
      (.block, "✖", w.blocks, .red), (.warn, "▲", w.warnings, .yellow), (.info, "ℹ", w.advice, .cyan),
    ]
    for (severity, mark, title, style) in groups {
      let group = report.findings.filter { $0.severity == severity }
      guard !group.isEmpty else { continue }
      lines.append(output.style("\(mark) \(title)" + w.count(group.count), style))
      for (i, f) in group.enumerated() {
        lines += finding(f, number: i + 1, words: w)
      }
    }
    if report.findings.isEmpty {
      lines.append(w.nothingFound)
      lines.append("")
    }
    lines.append(verdict(report, words: w))
    return lines.joined(separator: "\n")
  }

  /// One finding as the report prints it (numbered, with its basis and next step), for
  /// screens that show findings one at a time, such as the interview's.
  public func lines(for f: Finding, number: Int) -> [String] {
    finding(f, number: number, words: Words(language))
  }

  func finding(_ f: Finding, number: Int, words w: Words) -> [String] {
    let lang = language.rawValue
    var lines: [String] = []
    lines.append(
      "  \(number). " + output.style(f.summary(in: lang), .bold) + output.style("  [\(f.rule)]", .dim))
    lines.append("     " + f.message(in: lang))
    if f.provisional { lines.append("     " + output.style(w.provisional(f.yearsWithoutNotice), .yellow)) }
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
    var groups: [(source: String, practice: Bool, articles: [String])] = []
    for c in citations {
      let source = c.source(in: lang)
      let practice = c.confidence == .practice
      if let last = groups.last, last.source == source, last.practice == practice {
        groups[groups.count - 1].articles.append(c.article(in: lang))
      } else {
        groups.append((source, practice, [c.article(in: lang)]))
      }
    }
    return groups.map { g in
      let articles = g.articles.joined(separator: language == .en ? ", " : "、")
      guard g.practice else { return g.source + (language == .en ? " " : "") + articles }
      let named = g.source.contains("实务") || g.source.lowercased().contains("practice")
      let body = language == .en ? "\(g.source) (\(articles))" : "\(g.source)（\(articles)）"
      return named ? body : body + w.practiceTag
    }.joined(separator: w.listSeparator)
  }

  func verdict(_ report: CheckReport, words w: Words) -> String {
    let blocks = report.findings.filter { $0.severity == .block }.count
    let warnings = report.findings.filter { $0.severity == .warn }.count
    if blocks > 0 { return output.style(w.notAdmissible(blocks), .red) }
    return output.style(w.admissible(warnings), .green)
  }

  /// The words around the findings, per interface language.
  struct Words {
    let language: InterfaceLanguage
    init(_ language: InterfaceLanguage) { self.language = language }

    private func pick(_ hans: String, _ hant: String, _ en: String) -> String {
      switch language {
      case .zhHans: return hans
      case .zhHant: return hant
      case .en: return en
      }
    }

    var check: String { pick("检查", "檢查", "Check of") }
    var blocks: String { pick("会被拒绝受理", "會被拒絕受理", "Will be refused") }
    var warnings: String { pick("需要注意", "需要注意", "Weak points") }
    var advice: String { pick("建议和可以援引的依据", "建議和可以援引的依據", "Advice and legal bases that apply") }
    var basis: String { pick("依据：", "依據：", "Basis: ") }
    var next: String { pick("下一步：", "下一步：", "Next step: ") }
    var practiceTag: String { pick("（实务做法，非法律条文）", "（實務做法，非法律條文）", " (practice, not law)") }
    var listSeparator: String { pick("；", "；", "; ") }
    var nothingFound: String { pick("没有发现问题。", "沒有發現問題。", "No rule found anything to report.") }
    func count(_ n: Int) -> String { language == .en ? " (\(n))" : "（\(n)）" }

    /// A date of the finding was counted through years whose State Council holiday notice is
    /// not in the calendar (on the statutory holidays alone): it may move once it is added.
    func provisional(_ years: [Int]) -> String {
      let list = years.map(String.init).joined(separator: language == .en ? ", " : "、")
      return pick(
        "注：\(list)年的国务院放假通知尚未收录，上述日期按《全国年节及纪念日放假办法》规定的节日推算，是暂定的，通知收录后可能变动（redress calendar import）。",
        "註：\(list)年的國務院放假通知尚未收錄，上述日期按《全國年節及紀念日放假辦法》規定的節日推算，是暫定的，通知收錄後可能變動（redress calendar import）。",
        "Note: the State Council's holiday notice for \(list) is not in the calendar yet; the day above was reckoned on the statutory holidays and is provisional: it may move once the notice is added (redress calendar import)."
      )
    }

    func notAdmissible(_ n: Int) -> String {
      pick(
        "结论：现在提交会被拒绝受理。请先解决上面 \(n) 个问题。",
        "結論：現在提交會被拒絕受理。請先解決上面 \(n) 個問題。",
        "Verdict: filed as it stands, the complaint will be refused. Deal with the \(n) problem\(n == 1 ? "" : "s") above first."
      )
    }

    func admissible(_ warnings: Int) -> String {
      if warnings == 0 {
        return pick("结论：可以提交。", "結論：可以提交。", "Verdict: the complaint can be filed.")
      }
      return pick(
        "结论：可以提交，但有 \(warnings) 处需要注意。",
        "結論：可以提交，但有 \(warnings) 處需要注意。",
        "Verdict: the complaint can be filed, with \(warnings) weak point\(warnings == 1 ? "" : "s") to consider."
      )
    }
  }
}
