import ArgumentParser
import RedressCore

struct ExportCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Exports a case: as e-mail files (--eml) or as a case file with its evidence (--yaml).",
    discussion: """
      --yaml writes a folder (default ./CASE-ID, or -o DIR) holding CASE-ID.yaml and its \
      evidence files at the paths the case file names, ready for `redress import` on another \
      machine. The folder must not exist or be empty; it appears complete or not at all.

      --eml writes the filing as e-mail messages into -o DIR (default the current folder): \
      CASE-ID.eml, or CASE-ID-1of3.eml … when the attachments do not fit in one message of \
      --max-size (default 20MB; MB = 1,000,000 bytes, MiB = 1,048,576; the limit counts the \
      encoded message). The first message carries the letter; every body lists what each \
      message carries. The sender is --from, else complainant.email; without --to the \
      messages are addressed to undisclosed-recipients, to fill in before sending. The files \
      appear all together or not at all.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "A case file or the id of a stored case.") var caseRef: String
  @Flag var mode: Mode?
  @Option(help: "Recipient address (with --eml).") var to: String?
  @Option(help: "Sender address (with --eml).") var from: String?
  @Option(name: .customLong("max-size"), help: "Largest message, e.g. 20MB or 10MiB (with --eml).")
  var maxSize: String?
  @Option(name: [.customShort("o"), .long], help: "The folder to write into.") var output: String?
  @Option(
    help: ArgumentHelp(
      "The date the documents carry, YYYY-MM-DD (with --eml; default today).", valueName: "date"))
  var today: CalendarDate?

  /// What is written: exactly one of `--eml` or `--yaml` (both at once is argument-parser's
  /// usage error).
  enum Mode: String, EnumerableFlag {
    case eml, yaml

    static func help(for value: Mode) -> ArgumentHelp? {
      switch value {
      case .eml: "Write the filing as .eml message files."
      case .yaml: "Write the case file and its evidence."
      }
    }
  }

  func validate() throws {
    if mode == nil {
      throw ValidationError("choose one of --yaml (case file and evidence) or --eml (e-mail files)")
    }
  }

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    switch mode {
    case .yaml: try exportYAML(env)
    case .eml, nil: try exportEML(env)
    }
  }
}
