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
}

/// `--lang zh-Hans|zh-Hant|en`.
extension InterfaceLanguage: ExpressibleByArgument {}
