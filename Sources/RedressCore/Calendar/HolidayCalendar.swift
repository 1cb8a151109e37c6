/// Which days are rest days in one jurisdiction: Saturdays and Sundays, plus the holidays a
/// government announces year by year, minus the make-up working days (调休上班) it sets on
/// weekends. Built from the year files under `legal/calendars/<name>/` by
/// `HolidayCalendarLoader`. A day in a year with no file is judged by its weekday alone, and
/// `hasData(forYear:)` lets every caller say so.
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

    public init(
      title: String, number: String? = nil, date: CalendarDate, url: String, basis: String? = nil,
      reprints: [String] = []
    ) {
      self.title = title
      self.number = number
      self.date = date
      self.url = url
      self.basis = basis
      self.reprints = reprints
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

  /// One year file.
  public struct Year: Hashable, Sendable {
    public var year: Int
    public var notice: Notice
    public var holidays: [Holiday]
    /// The file it was read from, as shown in messages (`legal/calendars/cn/2025.yaml`).
    public var file: String

    public init(year: Int, notice: Notice, holidays: [Holiday], file: String) {
      self.year = year
      self.notice = notice
      self.holidays = holidays
      self.file = file
    }
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
  private let restDays: [CalendarDate: Holiday]
  private let makeUpDays: [CalendarDate: Holiday]
  /// Every day from January 1 of the first year with data to December 31 of the last, by
  /// Julian day number from `tableStart`: bit 0 set for a rest day, bit 1 set for a day of a
  /// year without data (a gap between files). Counting a deadline asks about each day it
  /// passes; this answers without hashing a date or copying a holiday.
  private let dayTable: [UInt8]
  private let tableStart: Int

  /// Builds a calendar from year files that `HolidayCalendarLoader` has already checked
  /// (no overlaps, every date inside its year).
  public init(name: String, years: [Year]) {
    self.name = name
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
    // The table spans the years with data, and any announced day outside them.
    var table: [UInt8] = []
    var start = 0
    let announced = Array(rest.keys) + Array(work.keys)
    let firstDays = byYear.keys.compactMap { CalendarDate(year: $0, month: 1, day: 1) } + announced
    let lastDays = byYear.keys.compactMap { CalendarDate(year: $0, month: 12, day: 31) } + announced
    if let from = firstDays.min()?.julianDay, let to = lastDays.max()?.julianDay {
      start = from
      table.reserveCapacity(to - from + 1)
      for j in from...to {
        let day = CalendarDate(julianDay: j)
        let isRest = rest[day] != nil ? true : (work[day] != nil ? false : day.isWeekend)
        table.append((isRest ? 1 : 0) | (byYear[day.year] == nil ? 2 : 0))
      }
    }
    self.dayTable = table
    self.tableStart = start
  }

  /// The years that have a file, in order.
  public var coveredYears: [Int] { years.keys.sorted() }

  /// Whether the year's holidays are known; when not, its days are judged by weekday alone.
  public func hasData(forYear year: Int) -> Bool { years[year] != nil }

  public func kind(of date: CalendarDate) -> DayKind {
    if let h = restDays[date] { return .holiday(h.name) }
    if let h = makeUpDays[date] { return .makeUpWorkday(h.name) }
    return date.isWeekend ? .weekend : .workday
  }

  /// The holiday a date belongs to (as a rest day or a make-up working day), if any.
  public func holiday(on date: CalendarDate) -> Holiday? { restDays[date] ?? makeUpDays[date] }

  public func isRestDay(_ date: CalendarDate) -> Bool { isRestDay(julianDay: date.julianDay) }

  public func isWorkingDay(_ date: CalendarDate) -> Bool { !isRestDay(date) }

  /// `isRestDay` for the day with this Julian day number.
  public func isRestDay(julianDay j: Int) -> Bool {
    let i = j - tableStart
    if i >= 0 && i < dayTable.count { return dayTable[i] & 1 != 0 }
    return j % 7 >= 5  // Saturday or Sunday (`CalendarDate.weekday`)
  }

  /// `hasData(forYear:)` for the year of the day with this Julian day number.
  public func hasData(julianDay j: Int) -> Bool {
    let i = j - tableStart
    if i >= 0 && i < dayTable.count { return dayTable[i] & 2 == 0 }
    return hasData(forYear: CalendarDate(julianDay: j).year)
  }
}
