import ArgumentParser
import RedressCore

struct ImportCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Imports case files into the store (their evidence is hashed and copied in).")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "Case files.") var files: [String]
  @Flag(help: "Replace a stored case with the same id.") var replace = false

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    throw UserError("'redress import' is not available in this build yet")
  }
}
