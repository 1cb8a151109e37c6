import ArgumentParser
import Foundation
import RedressCore

struct CheckCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Whether the body will take the complaint: blocks, warnings and advice, with citations.",
    discussion: """
      Runs every rule of the case's jurisdiction for its venue. Exit 0 when the complaint is \
      admissible (warnings allowed), 1 when a rule blocks it, 2 or more when the case or the \
      rule pack cannot be read. `redress rules` lists the rules; `redress rules explain ID` \
      explains one.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "A case file or the id of a stored case.") var caseRef: String
  @Option(help: "The day the check runs (YYYY-MM-DD; default today).") var today: CalendarDate?
  @Option(help: "text or json.") var format: OutputFormat = .text

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    let loaded = try env.loadCase(caseRef)
    let c = loaded.caseFile
    let engine = try Self.engine(for: loaded, env: env)
    let day = today ?? CommandEnvironment.localToday()
    var report = CheckReport(
      caseName: c.id ?? Self.baseName(loaded.url, fallback: caseRef),
      jurisdiction: c.effectiveJurisdiction, venue: c.effectiveVenue, today: day,
      findings: engine.evaluate(c, today: day))
    report.factProblems = CaseValidator(today: day).factProblems(loaded)
    switch format {
    case .json:
      env.output.out(report.json(language: env.language.rawValue))
    case .text:
      env.output.out(
        FindingsPrinter(language: env.language, output: env.output).report(report, pack: engine.pack))
    }
    return report.admissible ? 0 : 1
  }

  /// The engine of the case's jurisdiction. A jurisdiction with no pack is the case's mistake
  /// (reported at its `jurisdiction` line); a pack that does not load is the data's (exit 3).
  static func engine(for loaded: LoadedCase, env: CommandEnvironment) throws -> RuleEngine {
    let data = try env.data()
    let jurisdiction = loaded.caseFile.effectiveJurisdiction
    let known = RulePackDirectory.jurisdictions(in: data.legal)
    guard known.contains(jurisdiction) else {
      throw DiagnosticsError([
        loaded.sourceMap.diagnostic(
          .error, "jurisdiction",
          "no rule pack for jurisdiction '\(jurisdiction)'; available: \(known.joined(separator: ", "))")
      ])
    }
    do {
      // The findings are written in the interface's language: the pack's zh-Hant only for it.
      return try RuleEngine.load(
        packAt: data.legal, jurisdiction: jurisdiction, traditional: env.language == .zhHant)
    } catch let e as DiagnosticsError {
      for d in e.diagnostics {
        env.output.err(DiagnosticPrinter.format(d, output: env.output, in: env.currentDirectory))
      }
      throw UserError(
        "the rule pack '\(jurisdiction)' has errors (listed above); it was not used", exitCode: 3)
    }
  }

  /// `washer` for `…/washer.yaml`.
  static func baseName(_ url: URL?, fallback: String) -> String {
    guard let url else { return fallback }
    return url.deletingPathExtension().lastPathComponent
  }
}
