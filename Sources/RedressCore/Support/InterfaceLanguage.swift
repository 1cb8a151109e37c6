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
