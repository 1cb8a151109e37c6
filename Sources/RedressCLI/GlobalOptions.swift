import ArgumentParser
import RedressCore

/// The options every command accepts (`cli.md`, "Global options").
public struct GlobalOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The case store: a folder (default $REDRESS_STORE, else $REDRESS_HOME, else "
        + "${XDG_DATA_HOME:-~/.local/share}/redress), or a team's register postgres://USER@HOST:PORT/DB "
        + "(password from PGPASSWORD or ~/.pgpass, never in the URL).",
      valueName: "dir|url"))
  public var store: String?

  @Option(
    name: .long,
    help: ArgumentHelp("Interface language: zh-Hans, zh-Hant or en (default from LANG).", valueName: "lang"))
  public var lang: InterfaceLanguage?

  @Flag(
    name: .customLong("no-color"),
    help: "No colour (also off when NO_COLOR is set or output is not a terminal).")
  public var noColor = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The folder holding legal/ and templates/ (default $REDRESS_DATA, else the installed data).",
      valueName: "dir"))
  public var data: String?

  public init() {}

  /// The options above that take a value, and the flag.
  static let valued: Set<String> = ["--store", "--lang", "--data"]
  static let flags: Set<String> = ["--no-color"]

  /// What is wrong with a command line of these options alone (`redress --lang en`, or
  /// `redress --lang` with its value missing too), which argument-parser would call an unknown
  /// option; nil for any other command line.
  public static func missingCommand(_ arguments: [String]) -> String? {
    var i = 0
    var names: [String] = []
    while i < arguments.count {
      let argument = arguments[i]
      let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
      if valued.contains(name) {
        names.append(name)
        i += argument.contains("=") ? 1 : 2
      } else if flags.contains(argument) {
        names.append(argument)
        i += 1
      } else {
        return nil
      }
    }
    guard !names.isEmpty else { return nil }
    return "\(names.joined(separator: ", ")) must come with a command, such as `redress --lang en status`; "
      + "`redress --help` lists the commands"
  }

  /// `redress --lang en status` read as `redress status --lang en`: the options of every
  /// command, given before the subcommand's name, move after the command line's arguments
  /// (before a `--`, if there is one). Anything else is left as given, for the parser to
  /// accept or explain: no subcommand, an option missing its value, an unknown option.
  public static func movedAfterSubcommand(_ arguments: [String]) -> [String] {
    var leading: [String] = []
    var i = 0
    while i < arguments.count {
      let argument = arguments[i]
      let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
      if valued.contains(name) {
        if argument.contains("=") {
          leading.append(argument)
          i += 1
        } else {
          guard i + 1 < arguments.count else { return arguments }
          leading += [argument, arguments[i + 1]]
          i += 2
        }
      } else if flags.contains(argument) {
        leading.append(argument)
        i += 1
      } else {
        break
      }
    }
    guard !leading.isEmpty, i < arguments.count, !arguments[i].hasPrefix("-") else { return arguments }
    var rest = Array(arguments[i...])
    rest.insert(contentsOf: leading, at: rest.firstIndex(of: "--") ?? rest.endIndex)
    return rest
  }
}

/// `--lang zh-Hans|zh-Hant|en`.
extension InterfaceLanguage: ExpressibleByArgument {}
