import ArgumentParser
import RedressCore

struct RulesCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "Lists the admissibility rules, or explains one.")

  @OptionGroup var global: GlobalOptions

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    throw UserError("'redress rules' is not available in this build yet")
  }
}
