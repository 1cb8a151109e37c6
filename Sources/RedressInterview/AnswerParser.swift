import Foundation
import RedressCore

/// The words a person may type as an answer (`templates/words/<language>/answers.yaml`): those
/// of every language at once, lower-cased, so that a Chinese interview takes `yes` and an
/// English one 是, as a person switching input methods expects.
enum AnswerWords {
  static var yes: [String] { words { Words.phrase("answers.yes", language: $0) } }
  static var no: [String] { words { Words.phrase("answers.no", language: $0) } }
  static var today: [String] { words { Words.phrase("answers.today", language: $0) } }
  static var yesterday: [String] { words { Words.phrase("answers.yesterday", language: $0) } }
  static var dayBeforeYesterday: [String] {
    words { Words.phrase("answers.day-before-yesterday", language: $0) }
  }
  static var yearMarks: [String] { words { Words.phrase("answers.year-marks", language: $0) } }
  static var monthMarks: [String] { words { Words.phrase("answers.month-marks", language: $0) } }
  static var dayMarks: [String] { words { Words.phrase("answers.day-marks", language: $0) } }
  static var currencyWords: [String] { words { Words.phrase("answers.currency-words", language: $0) } }
  static var add: [String] { words { Words.phrase("answers.add", language: $0) } }
  static var quit: [String] { words { Words.phrase("answers.quit", language: $0) } }

  /// The words of one entry in every language, in the order of `WordCatalog.languages`,
  /// without repeats.
  private static func words(_ text: (String) -> String) -> [String] {
    var out: [String] = []
    for language in WordCatalog.languages {
      for word in text(language).split(whereSeparator: \.isWhitespace).map({ $0.lowercased() })
      where !out.contains(word) {
        out.append(word)
      }
    }
    return out
  }
}

/// What kind of answer a question takes; decides how a typed line is read and checked.
enum AnswerKind: Equatable {
  /// Free text; `multiline` keeps the further lines of a paste as part of the answer.
  case text(multiline: Bool)
  /// A calendar day; `allowFuture` for days such as the end of a warranty.
  case date(allowFuture: Bool)
  case money
  /// A whole number of units, 1 or more.
  case count
  /// A whole number of units, 0 or more (sessions already used).
  case units
  case flag
  /// One of the case file's words, offered as a numbered list.
  case choice([String])
  case personalPhone
  case businessPhone
  case residentID
  case creditCode
  case postcode
  case email
}

/// A parsed answer.
enum AnswerValue: Hashable {
  case text(String)
  case date(CalendarDate)
  case money(Money)
  case count(Int)
  case flag(Bool)
  case word(String)
}

/// Why an answer was not taken: a message key and the values it names.
struct AnswerProblem: Equatable, Error {
  var key: MessageKey
  var values: [String: String] = [:]
  init(_ key: MessageKey, _ values: [String: String] = [:]) {
    self.key = key
    self.values = values
  }
}

/// Reads typed answers: full-width digits and punctuation from a Chinese input method are
/// taken as their ASCII forms, dates in the ways people write them, money with ¥ and commas,
/// identifiers checked with `Identifiers`.
enum AnswerParser {
  /// Full-width ASCII (０-９, Ａ-Ｚ, ／, －, ．, ＠ …) and the ideographic space become ASCII;
  /// surrounding space is trimmed.
  static func normalize(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for s in text.unicodeScalars {
      if (0xFF01...0xFF5E).contains(s.value), let ascii = Unicode.Scalar(s.value - 0xFEE0) {
        scalars.append(ascii)
      } else if s.value == 0x3000 {
        scalars.append(" ")
      } else {
        scalars.append(s)
      }
    }
    return String(scalars).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  static func parse(_ raw: String, as kind: AnswerKind, today: CalendarDate, labels: [String: String] = [:])
    -> Result<AnswerValue, AnswerProblem>
  {
    switch kind {
    case .text:
      let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        .filter { !($0.isASCII && $0.asciiValue! < 32 && $0 != "\n" && $0 != "\t") }
      return .success(.text(text))
    case .date(let allowFuture):
      return parseDate(raw, today: today, allowFuture: allowFuture).map(AnswerValue.date)
    case .money: return parseMoney(raw).map(AnswerValue.money)
    case .count:
      let s = normalize(raw)
      guard let n = Int(s), s.allSatisfy(\.isNumber), (1...1_000_000).contains(n) else {
        return .failure(AnswerProblem(.invalidCount, ["value": raw]))
      }
      return .success(.count(n))
    case .units:
      let s = normalize(raw)
      guard let n = Int(s), s.allSatisfy(\.isNumber), (0...1_000_000).contains(n) else {
        return .failure(AnswerProblem(.invalidUnits, ["value": raw]))
      }
      return .success(.count(n))
    case .flag:
      guard let flag = parseFlag(raw) else { return .failure(AnswerProblem(.invalidFlag, ["value": raw])) }
      return .success(.flag(flag))
    case .choice(let words):
      return parseChoice(raw, words: words, labels: labels).map(AnswerValue.word)
    case .personalPhone:
      let s = normalize(raw)
      switch Identifiers.phoneKind(s) {
      case .mobile?: return .success(.text(mobileDigits(s)))
      case .landline?: return .success(.text(s))
      case .hotline?: return .failure(AnswerProblem(.phoneHotline, ["value": s]))
      case nil: return .failure(AnswerProblem(.phoneInvalid, ["value": s]))
      }
    case .businessPhone:
      let s = normalize(raw)
      switch Identifiers.phoneKind(s) {
      case nil: return .failure(AnswerProblem(.businessPhoneInvalid, ["value": s]))
      case .mobile?: return .success(.text(mobileDigits(s)))
      default: return .success(.text(s))
      }
    case .residentID: return residentID(raw, today: today).map(AnswerValue.text)
    case .creditCode: return creditCode(raw).map(AnswerValue.text)
    case .postcode:
      let s = normalize(raw)
      return Identifiers.postcodeProblem(s) == nil
        ? .success(.text(s)) : .failure(AnswerProblem(.postcodeInvalid, ["value": s]))
    case .email:
      let s = normalize(raw)
      return Identifiers.emailProblem(s) == nil
        ? .success(.text(s)) : .failure(AnswerProblem(.emailInvalid, ["value": s]))
    }
  }

  /// A mobile number as its 11 digits (`138 0013 8000` → `13800138000`).
  static func mobileDigits(_ s: String) -> String {
    let digits = s.filter { $0.isASCII && $0.isNumber }
    return String(digits.suffix(11))
  }

  // MARK: Dates

  /// `2026-10-01`, `2026-10-1`, `2026/10/1`, `2026.10.1`, `2026年10月1日`, `20261001`, and
  /// 今天 / 昨天 / 前天 (today, yesterday).
  static func parseDate(_ raw: String, today: CalendarDate, allowFuture: Bool)
    -> Result<CalendarDate, AnswerProblem>
  {
    let s = normalize(raw).lowercased()
    for (words, offset) in [
      (AnswerWords.today, 0), (AnswerWords.yesterday, -1), (AnswerWords.dayBeforeYesterday, -2),
    ]
    where words.contains(s) {
      return .success(today.adding(days: offset))
    }
    var parts: [Substring]
    if s.count == 8, s.allSatisfy(\.isNumber) {
      parts = [s.prefix(4), s.dropFirst(4).prefix(2), s.suffix(2)]
    } else {
      var t = s
      let marks =
        (AnswerWords.yearMarks + AnswerWords.monthMarks).map { ($0, "-") }
        + AnswerWords.dayMarks.map { ($0, "") }
      for (from, to) in marks + [("/", "-"), (".", "-"), (" ", "")] {
        t = t.replacingOccurrences(of: from, with: to)
      }
      parts = t.split(separator: "-", omittingEmptySubsequences: false)
      // A day without its year (11月1日, 11/1): this year's, or last year's if that is to come.
      if parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isNumber) }),
        let m = Int(parts[0]), let d = Int(parts[1])
      {
        guard let thisYear = CalendarDate(year: today.year, month: m, day: d) else {
          return .failure(AnswerProblem(.noSuchDay, ["value": "\(m)-\(d)"]))
        }
        if thisYear <= today || allowFuture { return .success(thisYear) }
        if let lastYear = CalendarDate(year: today.year - 1, month: m, day: d) { return .success(lastYear) }
        return .failure(AnswerProblem(.noSuchDay, ["value": "\(m)-\(d)"]))
      }
    }
    guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count),
      (1...2).contains(parts[2].count),
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return .failure(AnswerProblem(.invalidDate, ["value": raw])) }
    guard let date = CalendarDate(year: y, month: m, day: d) else {
      return .failure(AnswerProblem(.noSuchDay, ["value": "\(y)-\(m)-\(d)"]))
    }
    if !allowFuture && date > today {
      return .failure(AnswerProblem(.dateInFuture, ["date": date.iso, "today": today.iso]))
    }
    return .success(date)
  }

  // MARK: Money

  /// `3999`, `3,999.50`, `¥3999`, `3999元`; at most two decimals, never negative.
  static func parseMoney(_ raw: String) -> Result<Money, AnswerProblem> {
    var s = normalize(raw).uppercased()
    for mark in ["¥", "￥"] + AnswerWords.currencyWords.map { $0.uppercased() } + [",", "，", " "] {
      s = s.replacingOccurrences(of: mark, with: "")
    }
    if s.hasPrefix("-") { return .failure(AnswerProblem(.moneyNegative, ["value": raw])) }
    if let dot = s.firstIndex(of: "."), s[s.index(after: dot)...].count > 2,
      s[s.index(after: dot)...].allSatisfy(\.isNumber)
    {
      return .failure(AnswerProblem(.moneyDecimals, ["value": raw]))
    }
    guard let money = Money(decimal: s) else { return .failure(AnswerProblem(.invalidMoney, ["value": raw])) }
    return .success(money)
  }

  // MARK: Yes and no, choices

  static func parseFlag(_ raw: String) -> Bool? {
    let s = normalize(raw).lowercased()
    if AnswerWords.yes.contains(s) { return true }
    if AnswerWords.no.contains(s) { return false }
    return nil
  }

  /// A number from the list, the case file's word itself, a label, or a part of exactly one
  /// label.
  static func parseChoice(_ raw: String, words: [String], labels: [String: String])
    -> Result<String, AnswerProblem>
  {
    let s = normalize(raw)
    if let n = Int(s), (1...words.count).contains(n) { return .success(words[n - 1]) }
    if let word = words.first(where: { $0 == s.lowercased() }) { return .success(word) }
    if let word = words.first(where: { labels[$0] == s }) { return .success(word) }
    let partial = words.filter { labels[$0]?.localizedCaseInsensitiveContains(s) == true }
    if !s.isEmpty, partial.count == 1 { return .success(partial[0]) }
    return .failure(AnswerProblem(.invalidChoice, ["value": raw, "max": String(words.count)]))
  }

  // MARK: Identifiers

  /// GB/T 2260 province codes and the GB 32100 alphabet: only to say *which* part of an
  /// identifier `Identifiers` refused is wrong.
  static let provinceCodes: Set<Int> = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51,
    52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
  ]
  static let creditAlphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

  static func residentID(_ raw: String, today: CalendarDate) -> Result<String, AnswerProblem> {
    let s = normalize(raw).uppercased().replacingOccurrences(of: " ", with: "")
    guard Identifiers.residentIDProblem(s, today: today) != nil else { return .success(s) }
    guard s.count == 18, s.prefix(17).allSatisfy({ $0.isASCII && $0.isNumber }) else {
      return .failure(AnswerProblem(.idFormat, ["value": s, "length": String(s.count)]))
    }
    let birth = String(s.dropFirst(6).prefix(8))
    let y = Int(birth.prefix(4))!
    let m = Int(birth.dropFirst(4).prefix(2))!
    let d = Int(birth.suffix(2))!
    if let date = CalendarDate(year: y, month: m, day: d), y >= 1800 {
      if date > today { return .failure(AnswerProblem(.idBirthFuture, ["value": s, "birth": date.iso])) }
    } else if let region = Int(s.prefix(2)), provinceCodes.contains(region) {
      return .failure(AnswerProblem(.idBirth, ["value": s, "birth": birth]))
    }
    guard let region = Int(s.prefix(2)), provinceCodes.contains(region) else {
      return .failure(AnswerProblem(.idProvince, ["value": s]))
    }
    let expected = Identifiers.residentIDCheckCharacter(String(s.prefix(17))).map(String.init) ?? "?"
    return .failure(AnswerProblem(.idCheck, ["value": s, "given": String(s.last!), "expected": expected]))
  }

  static func creditCode(_ raw: String) -> Result<String, AnswerProblem> {
    let s = normalize(raw).uppercased().replacingOccurrences(of: " ", with: "")
    guard Identifiers.creditCodeProblem(s) != nil else { return .success(s) }
    guard s.count == 18 else {
      return .failure(AnswerProblem(.creditFormat, ["value": s, "length": String(s.count)]))
    }
    if let bad = s.first(where: { !creditAlphabet.contains($0) }) {
      return .failure(AnswerProblem(.creditCharacter, ["value": s, "character": String(bad)]))
    }
    let expected = Identifiers.creditCodeCheckCharacter(String(s.prefix(17))).map(String.init) ?? "?"
    return .failure(
      AnswerProblem(.creditCheck, ["value": s, "given": String(s.last!), "expected": expected]))
  }

  // MARK: Showing values

  /// The value as the person would type it (shown as the default in brackets).
  static func display(_ value: AnswerValue, kind: AnswerKind, text: InterviewText, questionID: String)
    -> String
  {
    switch value {
    case .text(let s): return s
    case .date(let d): return d.iso
    case .money(let m): return m.fixed2
    case .count(let n): return String(n)
    case .flag(let b): return text.message(b ? .yes : .no)
    case .word(let w):
      if case .choice(let words) = kind, let i = words.firstIndex(of: w) {
        return "\(i + 1) \(text.choiceLabel(questionID, w))"
      }
      return w
    }
  }
}
