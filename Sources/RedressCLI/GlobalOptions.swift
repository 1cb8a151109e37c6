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

  /// The command line to parse: the options given before the subcommand moved after it
  /// (`movedAfterSubcommand`); a `ValidationError` when it holds these options alone
  /// (`missingCommand`), which argument-parser would call an unknown option.
  public static func commandLine(_ arguments: [String]) throws -> [String] {
    if let problem = missingCommand(arguments) { throw ValidationError(problem) }
    return movedAfterSubcommand(arguments)
  }

  /// What is wrong with a command line of these options alone (`redress --lang en`, or
  /// `redress --lang` with its value missing too); nil for any other command line.
  public static func missingCommand(_ arguments: [String]) -> String? {
    let leading = leadingOptions(arguments)
    guard !leading.names.isEmpty, leading.arguments.count == arguments.count else { return nil }
    return
      "\(leading.names.joined(separator: ", ")) must come with a command, such as `redress --lang en status`; "
      + "`redress --help` lists the commands"
  }

  /// `redress --lang en status` read as `redress status --lang en`: the options of every
  /// command, given before the subcommand's name, move after the command line's arguments
  /// (before a `--`, if there is one). Anything else is left as given, for the parser to
  /// accept or explain: no subcommand, an option missing its value, an unknown option.
  public static func movedAfterSubcommand(_ arguments: [String]) -> [String] {
    let leading = leadingOptions(arguments)
    let rest = arguments.dropFirst(leading.arguments.count)
    guard !leading.valueMissing, !leading.arguments.isEmpty, let first = rest.first, !first.hasPrefix("-")
    else { return arguments }
    var moved = Array(rest)
    moved.insert(contentsOf: leading.arguments, at: moved.firstIndex(of: "--") ?? moved.endIndex)
    return moved
  }

  /// The options above at the start of `arguments`: the arguments they take, their names, and
  /// whether the last one's value is missing (the command line ends at it).
  private static func leadingOptions(_ arguments: [String]) -> (
    arguments: [String], names: [String], valueMissing: Bool
  ) {
    var taken: [String] = []
    var names: [String] = []
    var i = 0
    while i < arguments.count {
      let argument = arguments[i]
      let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
      if valued.contains(name) {
        names.append(name)
        if argument.contains("=") {
          taken.append(argument)
          i += 1
        } else if i + 1 < arguments.count {
          taken += [argument, arguments[i + 1]]
          i += 2
        } else {
          taken.append(argument)
          return (taken, names, true)
        }
      } else if flags.contains(argument) {
        names.append(argument)
        taken.append(argument)
        i += 1
      } else {
        break
      }
    }
    return (taken, names, false)
  }
}

/// `--lang zh-Hans|zh-Hant|en`.
extension InterfaceLanguage: ExpressibleByArgument {}
