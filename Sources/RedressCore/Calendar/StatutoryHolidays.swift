import Foundation

/// The holidays a statute fixes by itself, without a yearly notice: for `cn`, those of
/// 《全国年节及纪念日放假办法》 (元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆), read from
/// `legal/calendars/<name>/statute.yaml`, one entry per text in force. A year with no notice
/// counts on these days (plus Saturdays and Sundays); the 补假 and 调休 days that only a
/// notice fixes are not guessed.
public struct StatutoryHolidays: Hashable, Sendable {
  /// One day of a holiday, as the statute fixes it.
  public enum DayRule: Hashable, Sendable, CustomStringConvertible {
    /// A Gregorian month and day (`05-01`).
    case solar(month: Int, day: Int)
    /// A day of the Chinese lunar calendar, in the lunar year that begins in the Gregorian
    /// year (`lunar 08-15`); never a leap month.
    case lunar(month: Int, day: Int)
    /// 除夕: the day before the first day of the first lunar month (the 29th or the 30th of
    /// the twelfth month).
    case lunarEve
    /// The day of a solar term in Beijing time (`solar-term qingming`), by `SolarTerms`.
    case solarTerm(name: String, longitude: Double)

    public var description: String {
      func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
      switch self {
      case .solar(let m, let d): return "\(two(m))-\(two(d))"
      case .lunar(let m, let d): return "lunar \(two(m))-\(two(d))"
      case .lunarEve: return "lunar eve"
      case .solarTerm(let name, _): return "solar-term \(name)"
      }
    }
  }

  public struct Holiday: Hashable, Sendable {
    public var name: String
    public var englishName: String?
    public var days: [DayRule]

    public init(name: String, englishName: String? = nil, days: [DayRule]) {
      self.name = name
      self.englishName = englishName
      self.days = days
    }
  }

  /// One text of the statute and the years it governs.
  public struct Text: Hashable, Sendable {
    public var firstYear: Int
    /// The last year it governs; nil while it is in force.
    public var lastYear: Int?
    /// Which text (`2024年11月10日修订`).
    public var revision: String
    public var holidays: [Holiday]

    public init(firstYear: Int, lastYear: Int?, revision: String, holidays: [Holiday]) {
      self.firstYear = firstYear
      self.lastYear = lastYear
      self.revision = revision
      self.holidays = holidays
    }

    public func governs(_ year: Int) -> Bool { year >= firstYear && (lastYear.map { year <= $0 } ?? true) }
  }

  /// The statute's title (`《全国年节及纪念日放假办法》`) and the article that lists the
  /// holidays: those of the file's first citation.
  public var title: String
  public var article: String?
  public var texts: [Text]
  /// The file it was read from, as shown in messages.
  public var file: String
  /// The file's citations, resolved through the source registry.
  public var citations: [Citation]
  /// How far a notice may put rest days beyond a holiday's statutory days (`notice_reach`);
  /// nil when the file gives none.
  public var noticeReach: NoticeReach?

  /// The days around a holiday's statutory days that a notice has made rest days (补假 and
  /// 调休): up to `before` days before the first and `after` days after the last. In a year
  /// with no notice those days are working days by the statute alone, but a notice may yet
  /// make them rest days: a refusal that depends on one of them is not certain.
  public struct NoticeReach: Hashable, Sendable {
    public var before: Int
    public var after: Int

    public init(before: Int, after: Int) {
      self.before = before
      self.after = after
    }
  }

  public init(
    title: String, article: String? = nil, texts: [Text], file: String = "", citations: [Citation] = [],
    noticeReach: NoticeReach? = nil
  ) {
    self.title = title
    self.article = article
    self.texts = texts
    self.file = file
    self.citations = citations
    self.noticeReach = noticeReach
  }

  /// The text that governs `year`; nil for a year before every text in the data.
  public func text(for year: Int) -> Text? { texts.first { $0.governs(year) } }

  /// The first year any text governs.
  public var firstYear: Int? { texts.map(\.firstYear).min() }

  /// The statutory holidays of `year`, each as one or more runs of consecutive days (a day
  /// two holidays share, such as 中秋 on 1 October, is named after both: `国庆节、中秋节`).
  /// Empty for a year no text governs or whose lunar dates cannot be computed.
  public func holidays(in year: Int) -> [HolidayCalendar.Holiday] {
    guard let text = text(for: year) else { return [] }
    var names: [CalendarDate: [(String, String?)]] = [:]
    for holiday in text.holidays {
      for rule in holiday.days {
        guard let day = Self.date(of: rule, year: year) else { continue }
        if !(names[day]?.contains { $0.0 == holiday.name } ?? false) {
          names[day, default: []].append((holiday.name, holiday.englishName))
        }
      }
    }
    var result: [HolidayCalendar.Holiday] = []
    for day in names.keys.sorted() {
      let owners = names[day]!
      let name = owners.map(\.0).joined(separator: "、")
      let english =
        owners.allSatisfy { $0.1 != nil } ? owners.compactMap(\.1).joined(separator: " and ") : nil
      if var last = result.last, last.name == name, last.rest.upperBound.adding(days: 1) == day {
        last.rest = last.rest.lowerBound...day
        result[result.count - 1] = last
      } else {
        result.append(
          HolidayCalendar.Holiday(
            name: name, englishName: english, rest: day...day,
            note: "\(title)\(article ?? "")（\(text.revision)）"))
      }
    }
    return result
  }

  /// The Gregorian day of `rule` in `year`.
  public static func date(of rule: DayRule, year: Int) -> CalendarDate? {
    switch rule {
    case .solar(let m, let d): return CalendarDate(year: year, month: m, day: d)
    case .lunar(let m, let d): return ChineseLunarCalendar.gregorian(year: year, month: m, day: d)
    case .lunarEve: return ChineseLunarCalendar.gregorian(year: year, month: 1, day: 1)?.adding(days: -1)
    case .solarTerm(_, let longitude): return SolarTerms.day(longitude: longitude, year: year)
    }
  }
}

/// Dates of the Chinese lunar calendar, through Foundation's `Calendar(identifier: .chinese)`
/// (ICU's astronomical implementation), in Beijing time.
public enum ChineseLunarCalendar {
  private static let calendars: (chinese: Calendar, gregorian: Calendar) = {
    let beijing = TimeZone(secondsFromGMT: 8 * 3600)!
    var chinese = Calendar(identifier: .chinese)
    chinese.timeZone = beijing
    var gregorian = Calendar(identifier: .gregorian)
    gregorian.timeZone = beijing
    return (chinese, gregorian)
  }()

  /// The Gregorian day of lunar `month`/`day` (not a leap month) in the lunar year whose
  /// first day falls in Gregorian `year`; nil when Foundation has no such day.
  public static func gregorian(year: Int, month: Int, day: Int) -> CalendarDate? {
    let (chinese, gregorian) = calendars
    // June is always inside the lunar year that began in January or February.
    guard let june = gregorian.date(from: DateComponents(year: year, month: 6, day: 1, hour: 12)) else {
      return nil
    }
    let cycle = chinese.dateComponents([.era, .year], from: june)
    var wanted = DateComponents(era: cycle.era, year: cycle.year, month: month, day: day, hour: 12)
    wanted.isLeapMonth = false
    guard let date = chinese.date(from: wanted) else { return nil }
    // Foundation may roll an impossible day (a 30th of a short month) into the next month.
    let back = chinese.dateComponents([.month, .day, .isLeapMonth], from: date)
    guard back.month == month, back.day == day, back.isLeapMonth != true else { return nil }
    let parts = gregorian.dateComponents([.year, .month, .day], from: date)
    guard let y = parts.year, let m = parts.month, let d = parts.day else { return nil }
    return CalendarDate(year: y, month: m, day: d)
  }
}
