import ArgumentParser
import RedressCore

struct BundleCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "bundle",
    abstract: "Writes the evidence bundle (zip) with manifest.json and SHA256SUMS.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "A case file or the id of a stored case.") var caseRef: String
  @Option(name: [.customShort("o"), .long], help: "The zip file to write.") var output: String?

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    throw UserError("'redress bundle' is not available in this build yet")
  }
}
