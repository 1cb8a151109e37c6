import Foundation

/// Checks of the identifiers a complaint carries. Each returns nil when the value is good and
/// otherwise a sentence saying what is wrong, for a person to read.
public enum Identifiers {
  // MARK: Phone numbers

  public enum PhoneKind: Sendable, Equatable {
    /// A mainland mobile number, 11 digits starting 13–19.
    case mobile
    /// A landline with its area code (010-12345678, 0755-83000000).
    case landline
    /// A business hotline (400/800 numbers, 95xxx short numbers): fine for a business, not
    /// a way to reach a person.
    case hotline
  }

  /// Strips the separators people write (spaces, hyphens, brackets) and a +86 prefix.
  static func phoneDigits(_ text: String) -> (digits: String, hadCountryCode: Bool)? {
    var s = text.trimmingCharacters(in: .whitespaces)
    var country = false
    if s.hasPrefix("+86") {
      s.removeFirst(3)
      country = true
    }
    var digits = ""
    var extensionStarted = false
    for ch in s {
      if ch.isASCII && ch.isNumber {
        digits.append(ch)
      } else if " -()（）".contains(ch) {
        continue
      } else if (ch == "#" || ch == "转" || ch == "x" || ch == "X") && !extensionStarted {
        extensionStarted = true
        digits.append("#")
      } else {
        return nil
      }
    }
    return (digits, country)
  }

  /// Classifies a mainland phone number, or nil when it is none.
  public static func phoneKind(_ text: String) -> PhoneKind? {
    guard let (raw, country) = phoneDigits(text) else { return nil }
    var parts = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    let main = String(parts.removeFirst())
    if let ext = parts.first, ext.isEmpty || ext.count > 6 { return nil }
    if main.count == 11, main.hasPrefix("1"), let second = main.dropFirst().first,
      "3456789".contains(second), parts.isEmpty
    {
      return .mobile
    }
    if country, main.count == 13, main.hasPrefix("86") { return nil }
    // 400 and 800 service numbers: 10 digits.
    if main.count == 10, main.hasPrefix("400") || main.hasPrefix("800") { return .hotline }
    // 95xxx and 96xxx short numbers of banks, carriers and utilities.
    if (5...8).contains(main.count), main.hasPrefix("95") || main.hasPrefix("96"), !country {
      return .hotline
    }
    // Landline: with +86 the trunk 0 is dropped.
    let national = country ? "0" + main : main
    guard national.hasPrefix("0"), national.count >= 10, national.count <= 12 else { return nil }
    let second = national.dropFirst().first!
    let areaLength: Int
    if second == "1" {
      guard national.hasPrefix("010") else { return nil }
      areaLength = 3
    } else if second == "2" {
      areaLength = 3
    } else if "3456789".contains(second) {
      areaLength = 4
    } else {
      return nil
    }
    let local = national.dropFirst(areaLength)
    guard let first = local.first, first != "0", first != "1" else { return nil }
    let allowed = areaLength == 3 ? 8...8 : 7...8
    return allowed.contains(local.count) ? .landline : nil
  }

  /// nil when `text` is a mobile number or a landline with area code.
  public static func personalPhoneProblem(_ text: String) -> String? {
    switch phoneKind(text) {
    case .mobile?, .landline?: return nil
    case .hotline?:
      return
        "\"\(text)\" is a service hotline; give a number that reaches this person (a mobile, or a landline with its area code)"
    case nil:
      return
        "\"\(text)\" is not a mainland phone number; expected an 11-digit mobile (13800138000) or a landline with its area code (010-62345678)"
    }
  }

  /// nil when `text` is any mainland number a business may give (hotlines included).
  public static func businessPhoneProblem(_ text: String) -> String? {
    phoneKind(text) == nil
      ? "\"\(text)\" is not a mainland phone number; expected a landline with its area code (025-84000000), a mobile, or a 400/800 hotline"
      : nil
  }

  // MARK: Postcodes

  public static func postcodeProblem(_ text: String) -> String? {
    let ok = text.count == 6 && text.allSatisfy { $0.isASCII && $0.isNumber } && text.first != "9"
    return ok ? nil : "\"\(text)\" is not a postcode; a mainland postcode is six digits (100020)"
  }

  // MARK: Resident identity card (GB 11643-1999)

  static let idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  static let idCheckCharacters = Array("10X98765432")
  /// The province-level codes of GB/T 2260 that start a resident ID.
  static let provinceCodes: Set<Int> = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51,
    52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
  ]

  /// The check character GB 11643 gives for the first 17 digits.
  public static func residentIDCheckCharacter(_ first17: String) -> Character? {
    let digits = first17.compactMap { $0.wholeNumberValue }
    guard digits.count == 17, first17.count == 17 else { return nil }
    let sum = zip(digits, idWeights).reduce(0) { $0 + $1.0 * $1.1 }
    return idCheckCharacters[sum % 11]
  }

  /// nil for a valid 18-character resident ID whose birth date is real and not after `today`.
  public static func residentIDProblem(_ text: String, today: CalendarDate?) -> String? {
    let s = text.uppercased()
    guard s.count == 18, s.prefix(17).allSatisfy({ $0.isASCII && $0.isNumber }),
      let last = s.last, last.isASCII, last.isNumber || last.isLetter
    else {
      return
        "\"\(text)\" is not a resident ID number; expected 18 characters: 17 digits and a check digit or X"
    }
    guard let region = Int(s.prefix(2)), provinceCodes.contains(region) else {
      return "\"\(text)\" does not start with a province code (11 for 北京 … 65 for 新疆)"
    }
    let birthText = String(s.dropFirst(6).prefix(8))
    let y = Int(birthText.prefix(4))!
    let m = Int(birthText.dropFirst(4).prefix(2))!
    let d = Int(birthText.suffix(2))!
    guard let birth = CalendarDate(year: y, month: m, day: d), y >= 1800 else {
      return "\"\(text)\": the birth date \(birthText) in it is not a real day"
    }
    if let today, birth > today {
      return "\"\(text)\": the birth date \(birth.iso) in it is in the future"
    }
    let expected = residentIDCheckCharacter(String(s.prefix(17)))!
    guard expected == last else {
      return
        "\"\(text)\": the check character is \(last) but the other digits give \(expected); a digit is probably mistyped"
    }
    return nil
  }

  // MARK: Unified social credit code (GB 32100-2015)

  static let creditAlphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
  static let creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

  /// The check character GB 32100 gives for the first 17 characters.
  public static func creditCodeCheckCharacter(_ first17: String) -> Character? {
    var sum = 0
    var count = 0
    for (ch, w) in zip(first17, creditWeights) {
      guard let v = creditAlphabet.firstIndex(of: ch) else { return nil }
      sum += v * w
      count += 1
    }
    guard count == 17, first17.count == 17 else { return nil }
    let c = 31 - sum % 31
    return creditAlphabet[c == 31 ? 0 : c]
  }

  public static func creditCodeProblem(_ text: String) -> String? {
    let s = text.uppercased()
    guard s.count == 18 else {
      return "\"\(text)\" is not a unified social credit code; expected 18 characters (91350100M000100Y43)"
    }
    if let bad = s.first(where: { !creditAlphabet.contains($0) }) {
      return "\"\(text)\" holds '\(bad)', which a credit code never uses (it has no I, O, Z, S or V)"
    }
    let expected = creditCodeCheckCharacter(String(s.prefix(17)))!
    guard expected == s.last! else {
      return
        "\"\(text)\": the check character is \(s.last!) but the other characters give \(expected); a character is probably mistyped"
    }
    return nil
  }

  // MARK: E-mail

  public static func emailProblem(_ text: String) -> String? {
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    let bad = "\"\(text)\" is not an e-mail address; expected name@example.com"
    guard parts.count == 2, let local = parts.first, let domain = parts.last else { return bad }
    let localOK =
      !local.isEmpty && local.count <= 64 && !local.hasPrefix(".") && !local.hasSuffix(".")
      && !local.contains("..")
      && local.allSatisfy {
        ($0.isASCII && ($0.isLetter || $0.isNumber)) || "!#$%&'*+-/=?^_`{|}~.".contains($0)
      }
    let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
    let domainOK =
      labels.count >= 2 && domain.count <= 253
      && labels.allSatisfy { label in
        !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
          && label.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }
      }
      && (labels.last.map { $0.count >= 2 && $0.allSatisfy(\.isLetter) } ?? false)
    return localOK && domainOK ? nil : bad
  }
}
