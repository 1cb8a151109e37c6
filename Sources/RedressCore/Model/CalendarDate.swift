/// A day of the proleptic Gregorian calendar, with no time and no time zone: what a statute,
/// a receipt or a deadline means by "a date". Arithmetic goes through the Julian day number,
/// so it is exact and needs no `Calendar`.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// Returns nil when the three numbers do not name a real day (2026-02-29, 2026-13-01).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD` exactly (four-digit year, two-digit month and day).
  public init?(iso text: some StringProtocol) {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return nil
    }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for i in range {
        let b = bytes[i]
        guard b >= 48, b <= 57 else { return nil }
        value = value * 10 + Int(b - 48)
      }
      return value
    }
    guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// Builds a date from a Julian day number.
  public init(julianDay jdn: Int) {
    // Fliegel & Van Flandern (1968), integer form.
    let l0 = jdn + 68569
    let n = (4 * l0) / 146097
    let l1 = l0 - (146097 * n + 3) / 4
    let i = (4000 * (l1 + 1)) / 1_461_001
    let l2 = l1 - (1461 * i) / 4 + 31
    let j = (80 * l2) / 2447
    let d = l2 - (2447 * j) / 80
    let l3 = j / 11
    let m = j + 2 - 12 * l3
    let y = 100 * (n - 49) + i + l3
    self.year = y
    self.month = m
    self.day = d
  }

  /// The Julian day number (days since 4713 BC), for exact day arithmetic.
  public var julianDay: Int {
    let a = (14 - month) / 12
    let y = year + 4800 - a
    let m = month + 12 * a - 3
    return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
  }

  /// ISO 8601 form, `2026-11-22`.
  public var iso: String {
    func pad(_ v: Int, _ width: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  public var description: String { iso }

  /// ISO weekday: 1 is Monday, 7 is Sunday.
  public var weekday: Int { (julianDay % 7) + 1 }

  public var isWeekend: Bool { weekday >= 6 }

  public func adding(days: Int) -> CalendarDate { CalendarDate(julianDay: julianDay + days) }

  /// The same day `months` months on, or the month's last day where there is none
  /// (民法典 Art. 202): 2026-01-31 + 1 month = 2026-02-28.
  public func adding(months: Int) -> CalendarDate {
    let total = (year * 12 + (month - 1)) + months
    let y = total / 12
    let m = total % 12 + 1
    let d = min(day, CalendarDate.daysIn(month: m, year: y))
    return CalendarDate(year: y, month: m, day: d)!
  }

  /// The same date `years` years on, or the month's last day where there is none
  /// (2024-02-29 + 3 years = 2027-02-28).
  public func adding(years: Int) -> CalendarDate { adding(months: years * 12) }

  /// Days from `self` to `other` (positive when `other` is later).
  public func days(until other: CalendarDate) -> Int { other.julianDay - julianDay }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 1, 3, 5, 7, 8, 10, 12: return 31
    case 4, 6, 9, 11: return 30
    case 2: return isLeap(year) ? 29 : 28
    default: return 0
    }
  }
}

extension CalendarDate: Codable {
  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let date = CalendarDate(iso: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "expected a date YYYY-MM-DD, got \"\(text)\"")
    }
    self = date
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(iso)
  }
}
