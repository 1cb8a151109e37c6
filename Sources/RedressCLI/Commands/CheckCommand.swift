import ArgumentParser
import RedressCore

struct CheckCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Whether the body will take the complaint: blocks, warnings and advice, with citations.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "A case file or the id of a stored case.") var caseRef: String
  @Option(help: "The day the check runs (YYYY-MM-DD; default today).") var today: CalendarDate?
  @Option(help: "text or json.") var format: String = "text"

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    throw UserError("'redress check' is not available in this build yet")
  }
}
