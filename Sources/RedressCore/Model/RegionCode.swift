/// The `region` of a case: a six-digit administrative division code (GB/T 2260), such as
/// `330100` (杭州市) or `310104` (上海市徐汇区). Only the shape and the province are checked
/// here: the first two digits must name one of the provincial-level divisions.
public enum RegionCode {
  /// The provincial-level prefixes of GB/T 2260 (北京 11 … 澳门 82).
  public static let provinces: Set<String> = [
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
    "65", "71", "81", "82",
  ]

  /// What is wrong with `code`, or nil when it is a well-formed code of a known province.
  public static func problem(with code: String) -> String? {
    let digits = code.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    guard code.utf8.count == 6, digits else {
      return
        "expected a six-digit administrative division code (GB/T 2260) such as \"330100\", got \"\(code)\""
    }
    guard provinces.contains(String(code.prefix(2))) else {
      return
        "\"\(code)\" is not an administrative division code: no province or municipality has the prefix \(code.prefix(2))"
    }
    return nil
  }

  /// The province prefix (`33` for 浙江).
  public static func province(of code: String) -> String { String(code.prefix(2)) }
}
