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

  func claimHeader(_ name: String) -> String { language.phrase("claim.header", ["name": name]) }
  var noStatutoryAmount: String { language.phrase("claim.no-amount") }
  var computation: String { language.phrase("claim.computation") }
  var claimBasis: String { language.phrase("claim.basis") }
  var claimFootnote: String { language.phrase("claim.footnote") }
}
