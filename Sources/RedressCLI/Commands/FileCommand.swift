import ArgumentParser
import RedressCore

struct FileCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "file",
    abstract: "Records that the complaint was submitted; starts the response window.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "A stored case.") var caseRef: String
  @Option(help: "The day it was submitted.") var on: CalendarDate
  @Option(name: .customLong("accepted-on"), help: "The day the body accepted it.") var acceptedOn:
    CalendarDate?
  @Option(help: "The body's reference number.") var reference: String?

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    throw UserError("'redress file' is not available in this build yet")
  }
}
