import ArgumentParser
import RedressCore

struct DeadlineCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "deadline",
    abstract: "The deadline calculator used by all of the above.")

  @OptionGroup var global: GlobalOptions

  @Option(help: "The start day (not counted).") var from: CalendarDate
  @Option(help: "How many days.") var days: Int
  @Flag(name: .customLong("working-days"), help: "Count working days instead of calendar days.")
  var workingDays = false
  @Option(help: "The calendar (cn).") var calendar: String = "cn"
  @Option(help: "text or json.") var format: String = "text"

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    throw UserError("'redress deadline' is not available in this build yet")
  }
}
