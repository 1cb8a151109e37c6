import ArgumentParser
import RedressCore

struct RemindCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "remind",
    abstract: "Writes an iCalendar file with every open deadline.")

  @OptionGroup var global: GlobalOptions

  @Flag(help: "Write iCalendar.") var ics = false
  @Option(name: [.customShort("o"), .long], help: "The file to write (default standard output).") var output:
    String?

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    throw UserError("'redress remind' is not available in this build yet")
  }
}
