import Foundation

/// The language of the interface (messages, questions), as distinct from the language of the
/// documents a case asks for.
public enum InterfaceLanguage: String, CaseIterable, Sendable {
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
