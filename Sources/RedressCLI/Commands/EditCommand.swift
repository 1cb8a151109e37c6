import ArgumentParser
import RedressCore

struct EditCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "edit",
    abstract: "Reopens the interview on a stored case, at a section.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "A case file or the id of a stored case.") var caseRef: String
  @Option(help: "complainant, agent, respondent, purchase, damage, negotiation, evidence, claims or filing.")
  var section: String?

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    throw UserError("'redress edit' is not available in this build yet")
  }
}
