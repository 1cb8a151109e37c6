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

/// The language of the interface (messages, questions), as distinct from the language of the
/// documents a case asks for.
public enum InterfaceLanguage: String, CaseIterable, ExpressibleByArgument, Sendable {
  case zhHans = "zh-Hans"
  case zhHant = "zh-Hant"
  case en

  /// The language `LANG` (or `LC_ALL`, `LC_MESSAGES`) asks for; Simplified Chinese otherwise.
  public static func fromEnvironment(_ env: [String: String]) -> InterfaceLanguage {
    let value =
      [env["LC_ALL"], env["LC_MESSAGES"], env["LANG"]].compactMap { $0 }
      .first { !$0.isEmpty } ?? ""
    if value.hasPrefix("en") { return .en }
    if value.hasPrefix("zh_TW") || value.hasPrefix("zh_HK") || value.hasPrefix("zh_MO")
      || value.contains("Hant")
    {
      return .zhHant
    }
    return .zhHans
  }
}

extension InterfaceLanguage {
  /// The interface text of `key` (`area.name`) in this language, from
  /// `templates/words/<language>/<area>.yaml`, with its `{placeholders}` filled.
  public func phrase(_ key: String, _ values: [String: String] = [:]) -> String {
    Words.phrase(key, language: rawValue, values)
  }

  /// A counted text: `{count}` is `count`; English picks its `one`/`other` form.
  public func phrase(_ key: String, count: Int, _ values: [String: String] = [:]) -> String {
    Words.phrase(key, language: rawValue, count: count, values)
  }
}
