/// How a period is counted.
public enum DeadlineUnit: String, CaseEnum {
  /// Calendar days (日): the start day is not counted, and an end that falls on a rest day
  /// moves to the next working day (民法典 Arts. 201 and 203).
  case days
  /// Working days (工作日): the Nth working day after the start day.
  case workingDays = "working-days"
}

/// The result of counting a period on a holiday calendar.
public struct Deadline: Hashable, Sendable {
  /// The start day (not counted).
  public var from: CalendarDate
  public var length: Int
  public var unit: DeadlineUnit
  /// Where the count ends before any move for rest days: `from` + `length` days, or, for
  /// working days, the due day itself (a count of working days never ends on a rest day).
  public var unadjusted: CalendarDate
  /// The last day of the period: the day something must be done by.
  public var due: CalendarDate
  /// What the unadjusted day was when the due day had to move off it (a holiday or a
  /// weekend); nil when it did not move.
  public var movedOff: HolidayCalendar.DayKind?
  /// Years whose days this result relied on but for which the calendar has no notice: those
  /// days were counted on the statutory holidays and the weekends alone, so the due day may
  /// move once the year's notice is added (`years_without_notice`).
  public var yearsWithoutData: [Int]

  public init(
    from: CalendarDate, length: Int, unit: DeadlineUnit, unadjusted: CalendarDate, due: CalendarDate,
    movedOff: HolidayCalendar.DayKind? = nil, yearsWithoutData: [Int] = []
  ) {
    self.from = from
    self.length = length
    self.unit = unit
    self.unadjusted = unadjusted
    self.due = due
    self.movedOff = movedOff
    self.yearsWithoutData = yearsWithoutData
  }

  /// True when a day of a year without a notice was used: the result is provisional.
  public var provisional: Bool { !yearsWithoutData.isEmpty }

  /// The years without a notice the result used, by its meaning.
  public var yearsWithoutNotice: [Int] { yearsWithoutData }

  /// The older name of `provisional`.
  public var reliesOnWeekdaysOnly: Bool { provisional }
}

/// Counts periods on a `HolidayCalendar`, as `rules.md` ("The clocks") defines them.
public struct DeadlineCalculator: Sendable {
  /// The largest length accepted: ten years of days. Longer is a typo, not a deadline.
  public static let maximumLength = 3660

  public let calendar: HolidayCalendar

  public init(calendar: HolidayCalendar) { self.calendar = calendar }

  public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
    case negativeLength(Int)
    case tooLong(Int)
    case outOfRange(CalendarDate)

    public var description: String {
      switch self {
      case .negativeLength(let n): return "the number of days must be 0 or more, got \(n)"
      case .tooLong(let n):
        return "\(n) days is more than ten years (\(DeadlineCalculator.maximumLength)); check the number"
      case .outOfRange(let d): return "the period from \(d.iso) runs past the year 9999"
      }
    }
  }

  public func deadline(from start: CalendarDate, length: Int, unit: DeadlineUnit) throws -> Deadline {
    guard length >= 0 else { throw Failure.negativeLength(length) }
    guard length <= Self.maximumLength else { throw Failure.tooLong(length) }
    // Leaves room for the count and for rolling past a year-end holiday.
    guard start.year <= 9980 else { throw Failure.outOfRange(start) }
    switch unit {
    case .days: return calendarDays(from: start, length: length)
    case .workingDays: return workingDays(from: start, length: length)
    }
  }

  /// `length` calendar days from `start`: the unadjusted end is `start` + `length`; when that is
  /// a rest day, the due day is the next working day (a 调休 make-up Saturday is a working day).
  public func calendarDays(from start: CalendarDate, length: Int) -> Deadline {
    let r = rolledToWorkingDay(CalendarDate(julianDay: start.julianDay + length))
    return Deadline(
      from: start, length: length, unit: .days, unadjusted: r.unadjusted, due: r.due,
      movedOff: r.movedOff, yearsWithoutData: r.yearsWithoutData)
  }

  /// The last day of a period whose unadjusted end is `end`: `end` itself when it is a working
  /// day, else the next working day (民法典 Art. 203; a 调休 make-up Saturday is a working
  /// day). Every period that ends "rolled" goes through here: the clocks' calendar days and
  /// the rule pack's `rolled` dates (the three years of `cn.time-barred`).
  public func rolledToWorkingDay(_ end: CalendarDate) -> RolledDay {
    rolled(end, past: { calendar.isRestDay(julianDay: $0) })
  }

  /// The latest day a notice not yet on file could move `end` to (`HolidayCalendar.
  /// mayBeRestDay`): `rolledToWorkingDay` where every notice is on file, later where a notice
  /// may still add rest days around a holiday. A refusal is certain only when it holds on
  /// this day too.
  public func latestRolledToWorkingDay(_ end: CalendarDate) -> RolledDay {
    rolled(end, past: { calendar.mayBeRestDay(julianDay: $0) })
  }

  /// `end` moved forward past every day `isRest` says is a rest day.
  private func rolled(_ end: CalendarDate, past isRest: (Int) -> Bool) -> RolledDay {
    var usage = YearUsage(calendar: calendar)
    usage.note(end.julianDay)
    var due = end.julianDay
    while isRest(due) {
      due += 1
      usage.note(due)
    }
    return RolledDay(
      unadjusted: end, due: CalendarDate(julianDay: due),
      movedOff: due == end.julianDay ? nil : calendar.kind(of: end), yearsWithoutData: usage.missing)
  }

  /// A day moved off rest days: where it was, where it ended, why it moved, and the years
  /// without calendar data it looked at.
  public struct RolledDay: Hashable, Sendable {
    public var unadjusted: CalendarDate
    public var due: CalendarDate
    public var movedOff: HolidayCalendar.DayKind?
    public var yearsWithoutData: [Int]
  }

  /// The `length`th working day after `start` (`start` itself is not counted; 0 gives `start`).
  public func workingDays(from start: CalendarDate, length: Int) -> Deadline {
    var usage = YearUsage(calendar: calendar)
    var day = start.julianDay
    var counted = 0
    while counted < length {
      day += 1
      usage.note(day)
      if !calendar.isRestDay(julianDay: day) { counted += 1 }
    }
    let due = CalendarDate(julianDay: day)
    return Deadline(
      from: start, length: length, unit: .workingDays, unadjusted: due, due: due,
      yearsWithoutData: usage.missing)
  }
}

/// Remembers which years without calendar data a count looked at.
private struct YearUsage {
  let calendar: HolidayCalendar
  var years: Set<Int> = []

  /// Notes the day with this Julian day number.
  mutating func note(_ julianDay: Int) {
    if !calendar.hasData(julianDay: julianDay) { years.insert(CalendarDate(julianDay: julianDay).year) }
  }

  var missing: [Int] { years.isEmpty ? [] : years.sorted() }
}
