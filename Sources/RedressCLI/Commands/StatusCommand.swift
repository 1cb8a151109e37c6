import ArgumentParser
import RedressCore

struct StatusCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Every stored case with its stage, due day, days left and state.")

  @OptionGroup var global: GlobalOptions

  @Option(help: "The day to count from (default today).") var today: CalendarDate?
  @Option(help: "text or json.") var format: String = "text"

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    throw UserError("'redress status' is not available in this build yet")
  }
}
