import ArgumentParser
import RedressCore

struct FollowupCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "followup",
    abstract: "Writes the follow-up letter (催办函) for an overdue complaint.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "A stored case.") var caseRef: String

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    throw UserError("'redress followup' is not available in this build yet")
  }
}
