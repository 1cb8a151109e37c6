import ArgumentParser
import Foundation
import RedressCore

/// `redress claim CASE`: every amount the law gives the case (`cli.md`), each with its
/// computation and citations. The amounts are the rule pack's own formulas (`ClaimCalculator`),
/// the same that `check` states and the interview offers as claim amounts.
struct ClaimCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "claim",
    abstract: "Every amount the law gives the case (refund, unused prepaid balance, punitive amounts).",
    discussion: """
      Lists each amount with its computation written out and the articles it rests on: the \
      refund of the amount paid, the unused prepaid balance (消法 Art. 53, 实施条例 Art. 22), \
      treble damages for fraud (消法 Art. 55(1)), ten times the price for unsafe food or drugs \
      and double the loss for a known defect causing serious harm, as far as the case's facts \
      support them. Exit 0 when done (also when no amount applies), 2 or more when the case \
      or the rule pack cannot be read.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "A case file or the id of a stored case.") var caseRef: String
  @Option(help: "text or json.") var format: OutputFormat = .text
  @Option(help: "Accepted as by `check`; the amounts do not depend on the day.") var today: CalendarDate?

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    let loaded = try env.loadCase(caseRef)
    let engine = try CheckCommand.engine(for: loaded, env: env)
    let report = ClaimReport(
      caseName: loaded.caseFile.id ?? CheckCommand.baseName(loaded.url, fallback: caseRef),
      entries: ClaimCalculator(engine: engine).amounts(for: loaded.caseFile))
    switch format {
    case .json: env.output.out(report.json(language: env.language.rawValue))
    case .text: env.output.out(Self.text(report, language: env.language, output: env.output))
    }
    return 0
  }

  static func text(_ report: ClaimReport, language: InterfaceLanguage, output: Output) -> String {
    let w = CommandWords(language)
    let lang = language.rawValue
    var lines = [output.style(w.claimHeader(report.caseName), .bold), ""]
    if report.entries.isEmpty {
      lines.append(w.noStatutoryAmount)
      return lines.joined(separator: "\n")
    }
    for (i, e) in report.entries.enumerated() {
      let label = Localized.pick(e.label, lang) ?? e.basis
      lines.append(
        "  \(i + 1). " + output.style(label, .bold) + "  " + Localized.money(e.amount, lang)
          + output.style("  [\(e.basis)]", .dim))
      lines.append("     " + output.style(w.computation, .dim) + "\(e.computation) = \(e.amount.fixed2)")
      lines.append(
        "     " + output.style(w.claimBasis, .dim) + FindingsPrinter.bases(e.citations, language: language))
      lines.append("")
    }
    lines.append(w.claimFootnote)
    return lines.joined(separator: "\n")
  }
}

extension CommandWords {
  // MARK: claim

  func claimHeader(_ name: String) -> String {
    pick("\(name) · 法律规定可以主张的金额", "\(name) · 法律規定可以主張的金額", "\(name) · the amounts the law gives")
  }

  var noStatutoryAmount: String {
    pick(
      "按案件现有的事实，没有可以按法定公式计算的金额（需要实付金额，预付卡还需要次数或余额）。",
      "按案件現有的事實，沒有可以按法定公式計算的金額（需要實付金額，預付卡還需要次數或餘額）。",
      "With the facts in the case, no amount can be computed by a statutory formula (it needs the amount paid, and for a prepaid card the units or the balance)."
    )
  }

  var computation: String { pick("计算：", "計算：", "Computation: ") }
  var claimBasis: String { pick("依据：", "依據：", "Basis: ") }

  var claimFootnote: String {
    pick(
      "这些是法律给出的计算结果或上限；是否支持，由受理机构依事实认定。",
      "這些是法律給出的計算結果或上限；是否支持，由受理機構依事實認定。",
      "These are what the statutory formulas give, or their maximum; whether they are granted depends on the facts as the body finds them."
    )
  }
}
