import Foundation

/// Which days are rest days in one jurisdiction: Saturdays and Sundays, plus the holidays a
/// government announces year by year, minus the make-up working days (调休上班) it sets on
/// weekends. Built from the year files under `legal/calendars/<name>/` (and those the user
/// imported) by `HolidayCalendarLoader`. A year with no notice counts on the holidays the
/// statute fixes by itself (`StatutoryHolidays`, for `cn` the 放假办法); a result that used
/// such a year is provisional, and `hasData(forYear:)` (whether the year has a notice) lets
/// every caller say so.
public struct HolidayCalendar: Sendable {
  /// The notice a year's schedule comes from (for `cn`, the State Council's notice).
  public struct Notice: Hashable, Sendable {
    public var title: String
    /// The document number (国办发明电〔2024〕12号), when known.
    public var number: String?
    public var date: CalendarDate
    public var url: String
    /// The rule the notice applies (《全国年节及纪念日放假办法》).
    public var basis: String?
    /// Full-text reprints the dates were checked against.
    public var reprints: [String]
    /// What the reader should know about the notice (an unconfirmed number, what it changed).
    public var note: String?

    public init(
      title: String, number: String? = nil, date: CalendarDate, url: String, basis: String? = nil,
      reprints: [String] = [], note: String? = nil
    ) {
      self.title = title
      self.number = number
      self.date = date
      self.url = url
      self.basis = basis
      self.reprints = reprints
      self.note = note
    }
  }

  /// One holiday of a year: its rest days and the weekend days worked to make up for them.
  public struct Holiday: Hashable, Sendable {
    public var name: String
    public var englishName: String?
    public var rest: ClosedRange<CalendarDate>
    public var makeUpWorkingDays: [CalendarDate]
    public var note: String?

    public init(
      name: String, englishName: String? = nil, rest: ClosedRange<CalendarDate>,
      makeUpWorkingDays: [CalendarDate] = [], note: String? = nil
    ) {
      self.name = name
      self.englishName = englishName
      self.rest = rest
      self.makeUpWorkingDays = makeUpWorkingDays
      self.note = note
    }

    /// The name in an interface language (`en` gives the English name when there is one).
    public func name(in language: String) -> String {
      language == "en" ? (englishName ?? name) : name
    }
  }

  /// Where a year file comes from: shipped with redress under `legal/`, or added by the user
  /// with `redress calendar import`.
  public enum Source: String, Hashable, Sendable {
    case shipped, imported
  }

  /// One year file.
  public struct Year: Hashable, Sendable {
    public var year: Int
    public var notice: Notice
    /// Later notices that changed this year's schedule (2020: the extension of the Spring
    /// Festival holiday); the holidays below are as they stood after them.
    public var amendments: [Notice]
    public var holidays: [Holiday]
    /// The file it was read from, as shown in messages (`legal/calendars/cn/2025.yaml`).
    public var file: String
    public var source: Source

    public init(
      year: Int, notice: Notice, amendments: [Notice] = [], holidays: [Holiday], file: String,
      source: Source = .shipped
    ) {
      self.year = year
      self.notice = notice
      self.amendments = amendments
      self.holidays = holidays
      self.file = file
      self.source = source
    }

    /// The date of the latest notice the file follows: the version of a year's schedule.
    public var latestNoticeDate: CalendarDate { ([notice] + amendments).map(\.date).max()! }
  }

  /// What fixes a day's kind: a State Council notice, or the statute alone (a year with no
  /// notice).
  public enum Basis: String, Hashable, Sendable {
    case notice, statute
  }

  /// What kind of day a date is, and why.
  public enum DayKind: Hashable, Sendable {
    /// Monday to Friday with nothing announced.
    case workday
    /// Saturday or Sunday with nothing announced.
    case weekend
    /// A rest day of the named holiday.
    case holiday(String)
    /// A Saturday or Sunday worked to make up for the named holiday (调休上班).
    case makeUpWorkday(String)

    public var isRestDay: Bool {
      switch self {
      case .weekend, .holiday: return true
      case .workday, .makeUpWorkday: return false
      }
    }
  }

  /// The calendar's name, the folder under `legal/calendars/` (`cn`).
  public let name: String
  /// The year files, by year.
  public let years: [Int: Year]
  /// The holidays the statute fixes by itself, for the years without a notice; nil for a
  /// calendar without a statute file (those years are judged by weekday alone).
  public let statute: StatutoryHolidays?
  private let restDays: [CalendarDate: Holiday]
  private let makeUpDays: [CalendarDate: Holiday]
  /// The statutory rest days of the years without a notice inside the table.
  private let statuteDays: [CalendarDate: Holiday]
  /// The statutory rest days of years past the table, computed when first asked about.
  private let farYears: StatuteYearCache
  /// Every day from January 1 of the first year with a notice to December 31 of the third
  /// year after the last one, by Julian day
  /// number from `tableStart`: bit 0 set for a rest day, bit 1 set for a day of a year
  /// without a notice. Counting a deadline asks about each day it
  /// passes; this answers without hashing a date or copying a holiday.
  private let dayTable: [UInt8]
  private let tableStart: Int

  /// How many years after the last notice the table reaches (the statute's holidays, computed
  /// when the calendar is built); other years without a notice are computed when first asked
  /// about. Few: computing a year's lunar dates costs more than a whole count.
  static let tableYearsAhead = 3

  /// Builds a calendar from year files that `HolidayCalendarLoader` has already checked
  /// (no overlaps, every date inside its year or the days next to it), and the statute that
  /// governs the years without one.
  public init(name: String, years: [Year], statute: StatutoryHolidays? = nil) {
    self.name = name
    self.statute = statute
    self.farYears = StatuteYearCache(statute: statute)
    var byYear: [Int: Year] = [:]
    var rest: [CalendarDate: Holiday] = [:]
    var work: [CalendarDate: Holiday] = [:]
    for year in years {
      byYear[year.year] = year
      for holiday in year.holidays {
        var day = holiday.rest.lowerBound
        while day <= holiday.rest.upperBound {
          rest[day] = holiday
          day = day.adding(days: 1)
        }
        for d in holiday.makeUpWorkingDays { work[d] = holiday }
      }
    }
    self.years = byYear
    self.restDays = rest
    self.makeUpDays = work
    // The table spans the years with a notice, the years just after the last one (the statute
    // alone), and any announced day outside them.
    var table: [UInt8] = []
    var start = 0
    let announced = Array(rest.keys) + Array(work.keys)
    var tableYears = Array(byYear.keys)
    if statute != nil, let last = byYear.keys.max() { tableYears.append(last + Self.tableYearsAhead) }
    var statuteDays: [CalendarDate: Holiday] = [:]
    if let statute, let from = tableYears.min(), let to = tableYears.max() {
      for year in from...to where byYear[year] == nil {
        for holiday in statute.holidays(in: year) {
          var day = holiday.rest.lowerBound
          while day <= holiday.rest.upperBound {
            // A notice's day next to its year (元旦 from late December) outranks the statute.
            if rest[day] == nil && work[day] == nil { statuteDays[day] = holiday }
            day = day.adding(days: 1)
          }
        }
      }
    }
    self.statuteDays = statuteDays
    let firstDays = tableYears.compactMap { CalendarDate(year: $0, month: 1, day: 1) } + announced
    let lastDays = tableYears.compactMap { CalendarDate(year: $0, month: 12, day: 31) } + announced
    if let from = firstDays.min()?.julianDay, let to = lastDays.max()?.julianDay {
      start = from
      table.reserveCapacity(to - from + 1)
      for j in from...to {
        let day = CalendarDate(julianDay: j)
        let isRest =
          rest[day] != nil ? true : (work[day] != nil ? false : (statuteDays[day] != nil || day.isWeekend))
        table.append((isRest ? 1 : 0) | (byYear[day.year] == nil ? 2 : 0))
      }
    }
    self.dayTable = table
    self.tableStart = start
  }

  /// The years that have a file, in order.
  public var coveredYears: [Int] { years.keys.sorted() }

  /// Whether the year has a notice; when not, its days count on the statutory holidays and
  /// the weekends alone, and a result that used them is provisional.
  public func hasData(forYear year: Int) -> Bool { years[year] != nil }

  /// The same as `hasData(forYear:)`, by its meaning.
  public func hasNotice(forYear year: Int) -> Bool { years[year] != nil }

  public func kind(of date: CalendarDate) -> DayKind {
    if let h = restDays[date] { return .holiday(h.name) }
    if let h = makeUpDays[date] { return .makeUpWorkday(h.name) }
    if let h = statuteHoliday(on: date) { return .holiday(h.name) }
    return date.isWeekend ? .weekend : .workday
  }

  /// The holiday a date belongs to (as a rest day or a make-up working day), if any.
  public func holiday(on date: CalendarDate) -> Holiday? {
    restDays[date] ?? makeUpDays[date] ?? statuteHoliday(on: date)
  }

  /// What fixes the kind of a day that belongs to a holiday: a notice or the statute; nil for
  /// an ordinary day.
  public func basis(of date: CalendarDate) -> Basis? {
    if restDays[date] != nil || makeUpDays[date] != nil { return .notice }
    return statuteHoliday(on: date) == nil ? nil : .statute
  }

  /// The statutory holiday of a day of a year without a notice.
  private func statuteHoliday(on date: CalendarDate) -> Holiday? {
    if let h = statuteDays[date] { return h }
    let i = date.julianDay - tableStart
    if i >= 0 && i < dayTable.count { return nil }
    guard years[date.year] == nil else { return nil }
    return farYears.holiday(on: date)
  }

  /// The holidays of a year with no notice, from the statute (empty without one).
  public func statutoryHolidays(in year: Int) -> [Holiday] { statute?.holidays(in: year) ?? [] }

  public func isRestDay(_ date: CalendarDate) -> Bool { isRestDay(julianDay: date.julianDay) }

  public func isWorkingDay(_ date: CalendarDate) -> Bool { !isRestDay(date) }

  /// `isRestDay` for the day with this Julian day number.
  public func isRestDay(julianDay j: Int) -> Bool {
    let i = j - tableStart
    if i >= 0 && i < dayTable.count { return dayTable[i] & 1 != 0 }
    if j % 7 >= 5 { return true }  // Saturday or Sunday (`CalendarDate.weekday`)
    guard statute != nil else { return false }
    // Outside the table: a year with no notice (the table holds every announced day).
    return farYears.holiday(on: CalendarDate(julianDay: j)) != nil
  }

  /// `hasData(forYear:)` for the year of the day with this Julian day number.
  public func hasData(julianDay j: Int) -> Bool {
    let i = j - tableStart
    if i >= 0 && i < dayTable.count { return dayTable[i] & 2 == 0 }
    return hasData(forYear: CalendarDate(julianDay: j).year)
  }
}

/// The statutory holidays of the years past a calendar's table, computed once per year when
/// first asked about (a count that runs decades ahead is rare; the table covers the rest).
final class StatuteYearCache: @unchecked Sendable {
  private let statute: StatutoryHolidays?
  private let lock = NSLock()
  private var byYear: [Int: [CalendarDate: HolidayCalendar.Holiday]] = [:]

  init(statute: StatutoryHolidays?) { self.statute = statute }

  func holiday(on date: CalendarDate) -> HolidayCalendar.Holiday? {
    guard let statute else { return nil }
    lock.lock()
    defer { lock.unlock() }
    if let known = byYear[date.year] { return known[date] }
    var days: [CalendarDate: HolidayCalendar.Holiday] = [:]
    for holiday in statute.holidays(in: date.year) {
      var day = holiday.rest.lowerBound
      while day <= holiday.rest.upperBound {
        days[day] = holiday
        day = day.adding(days: 1)
      }
    }
    byYear[date.year] = days
    return days[date]
  }
}
