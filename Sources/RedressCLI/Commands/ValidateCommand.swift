import ArgumentParser
import Foundation
import RedressCore

struct ValidateCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Reads and validates a case file; prints every problem at once.",
    discussion: """
      Exit 0 when the case has no errors (warnings may remain), 2 when it has errors or
      cannot be read. The file is only read, never changed.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "A case file or the id of a stored case.")
  var caseRef: String

  @Option(help: "The day 'the future' starts after (YYYY-MM-DD; default today).")
  var today: CalendarDate?

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    var validator = CaseValidator(today: today ?? CommandEnvironment.localToday())
    validator.knownJurisdictions = (try? env.data()).map { RulePackDirectory.jurisdictions(in: $0.legal) }
    let problems: [Diagnostic]
    let url = env.resolve(caseRef)
    if FileManager.default.fileExists(atPath: url.path) {
      problems = validator.validateFile(at: url, displayName: caseRef)
    } else {
      problems = validator.validate(try env.loadCase(caseRef))
    }
    for d in problems {
      env.output.err(DiagnosticPrinter.format(d, output: env.output, in: env.currentDirectory))
    }
    let errors = problems.filter { $0.severity == .error }.count
    let warnings = problems.count - errors
    if problems.isEmpty {
      env.output.out(env.words.valid(caseRef))
    } else {
      env.output.err(env.words.validationSummary(caseRef, errors: errors, warnings: warnings))
    }
    return errors > 0 ? 2 : 0
  }
}
