import ArgumentParser
import RedressCore

struct LetterCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "letter",
    abstract: "Writes the complaint letter (投诉书).")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "A case file or the id of a stored case.") var caseRef: String
  @Option(help: "txt, md, html, docx or pdf.") var format: String = "pdf"
  @Option(name: [.customShort("o"), .long], help: "The file to write.") var output: String?

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    throw UserError("'redress letter' is not available in this build yet")
  }
}
