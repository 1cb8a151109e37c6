import ArgumentParser
import RedressCore

struct ListCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "Lists the stored cases.")

  @OptionGroup var global: GlobalOptions

  @Option(help: "text or json.") var format: String = "text"

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    throw UserError("'redress list' is not available in this build yet")
  }
}
