import ArgumentParser
import RedressCore

/// The `redress` command: a consumer's complaint to a consumer association (消费者协会) or to
/// the market regulator (12315), from the interview to the filing and its follow-up.
public struct RedressCommand: ParsableCommand {
  public static let version = "0.1.0"

  public static let configuration = CommandConfiguration(
    commandName: "redress",
    abstract: "Prepare, check, file and follow a consumer complaint in mainland China.",
    discussion: """
      Start with `redress new`: it asks for everything a complaint needs, checks whether the
      body will take it, and writes the letter and the evidence bundle.
      """,
    version: version,
    subcommands: [
      NewCommand.self, EditCommand.self, ValidateCommand.self, CheckCommand.self,
      RulesCommand.self, LetterCommand.self, BundleCommand.self, VerifyCommand.self,
      ExportCommand.self, ImportCommand.self, ListCommand.self, FileCommand.self,
      LogCommand.self, StatusCommand.self, FollowupCommand.self, RemindCommand.self,
      DeadlineCommand.self, CalendarCommand.self, ClaimCommand.self, StoreCommand.self,
    ]
  )

  public init() {}

  /// Runs the command line of this process. The options every command accepts may also come
  /// before the subcommand (`redress --lang en status`).
  public static func runCommandLine() {
    do {
      main(try GlobalOptions.commandLine(Array(CommandLine.arguments.dropFirst())))
    } catch {
      exit(withError: error)
    }
  }
}
