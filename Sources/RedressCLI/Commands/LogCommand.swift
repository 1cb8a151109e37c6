import ArgumentParser
import RedressCore

struct LogCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "log",
    abstract: "Records an event: response, follow-up, mediation, closed or note.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "A stored case.") var caseRef: String
  @Option(help: "response, follow-up, mediation, closed or note.") var kind: String
  @Option(help: "The day it happened.") var on: CalendarDate
  @Option(help: "What happened.") var note: String?

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    throw UserError("'redress log' is not available in this build yet")
  }
}
