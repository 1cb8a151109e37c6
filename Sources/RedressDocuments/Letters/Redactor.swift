import Foundation

/// Masks personal data for a letter that will be posted in public (`redress letter
/// --redact`): the resident ID keeps its region and last four characters
/// (110105********002X), a phone number its first three and last four digits (138****8000),
/// an e-mail address its first character and domain, an address its administrative part down
/// to the district (北京市朝阳区). Businesses' details are public and are not masked.
public enum Redactor {
  /// `11010519491231002X` → `110105********002X`.
  public static func idNumber(_ id: String) -> String {
    let chars = Array(id.trimmingCharacters(in: .whitespaces))
    guard chars.count >= 10 else { return String(repeating: "*", count: chars.count) }
    return String(chars.prefix(6)) + String(repeating: "*", count: chars.count - 10)
      + String(chars.suffix(4))
  }

  /// `13800138000` → `138****8000`; `025-84000000` → `025-****0000`. Separators stay; of the
  /// digits, the first three (or the area code) and the last four stay.
  public static func phone(_ phone: String) -> String {
    let chars = Array(phone)
    let digitIndices = chars.indices.filter { chars[$0].isASCII && chars[$0].isNumber }
    guard digitIndices.count >= 7 else {
      return String(chars.map { $0.isNumber ? "*" : $0 })
    }
    // Keep an area code as written before a separator, else the first three digits.
    var keepFront = 3
    if let dash = chars.firstIndex(where: { $0 == "-" || $0 == " " }) {
      keepFront = digitIndices.filter { $0 < dash }.count
    }
    let keepBack = 4
    var out = chars
    for (n, i) in digitIndices.enumerated() where n >= keepFront && n < digitIndices.count - keepBack {
      out[i] = "*"
    }
    return String(out)
  }

  /// `xiaoming@example.com` → `x***@example.com`.
  public static func email(_ email: String) -> String {
    guard let at = email.firstIndex(of: "@"), at != email.startIndex else { return "***" }
    return String(email[email.startIndex]) + "***" + email[at...]
  }

  // The address vocabulary of the mainland's administrative divisions (parsing, not wording:
  // these characters are read in the consumer's address, never printed by redress).
  /// The last character of a division's name: 省, 市, 区, 县, 旗, 州, 盟.
  static let divisionEnds = Set("省市区县旗州盟")
  /// A province (省).
  static let province: Character = "省"
  /// A county-level division ends the administrative part: 区, 县, 旗 …
  static let countyEnds = Set("区县旗")
  /// … unless it is an autonomous region (自治区) or prefecture (自治州), which are above it.
  static let aboveCountyEnds = ["自治区", "自治州"]

  /// The administrative part of a mainland address, down to the district or county:
  /// `北京市朝阳区某某路1号` → `北京市朝阳区`. Empty when the address does not start with
  /// one (then nothing of it is shown).
  public static func district(of address: String) -> String {
    let chars = Array(address.trimmingCharacters(in: .whitespaces))
    var end = 0
    var segments = 0
    while segments < 4 {
      // The next segment: two to seven characters ending with a suffix of a division.
      var found: Int?
      var k = end + 1
      while k < chars.count && k < end + 8 {
        if divisionEnds.contains(chars[k]) && k - end >= 1 {
          found = k
          break
        }
        k += 1
      }
      guard let stop = found else { break }
      let segment = String(chars[end...stop])
      end = stop + 1
      segments += 1
      let last = chars[stop]
      let aboveCounty = last == province || aboveCountyEnds.contains { segment.hasSuffix($0) }
      if !aboveCounty && countyEnds.contains(last) { break }
    }
    return String(chars[0..<end])
  }
}
