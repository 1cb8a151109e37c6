import ArgumentParser
import RedressCore

struct NewCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "The interview: walks you through a complaint, checks it, and writes the documents.")

  @OptionGroup var global: GlobalOptions

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    throw UserError("'redress new' is not available in this build yet")
  }
}
