import ArgumentParser
import RedressCore

struct VerifyCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Re-hashes a bundle or a stored case's evidence; exit 1 when anything changed.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "A bundle (zip) or a stored case.") var target: String

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    throw UserError("'redress verify' is not available in this build yet")
  }
}
