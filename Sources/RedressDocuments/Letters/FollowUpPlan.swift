import RedressCore

/// Which day is a working day. The follow-up letter counts its windows with it; the CLI
/// passes the holiday calendar of `legal/calendars/` (the deadline engine), tests may pass
/// `WeekdayCalendar`.
public protocol WorkingDayCalendar: Sendable {
  /// A rest day: a weekend day or a public holiday, unless it is a make-up working day.
  func isRestDay(_ day: CalendarDate) -> Bool
  /// False when the calendar has no holiday data for the year (weekdays alone were used).
  func hasData(forYear year: Int) -> Bool
}

/// Saturdays and Sundays only: what a calendar without holiday data does.
public struct WeekdayCalendar: WorkingDayCalendar {
  public init() {}
  public func isRestDay(_ day: CalendarDate) -> Bool { day.isWeekend }
  public func hasData(forYear year: Int) -> Bool { false }
}

/// The clock a follow-up letter cites (rules.md, "The clocks"): which window applied to the
/// filed complaint, when it started and ended, whether it has passed, and the day by which
/// the letter asks for a written answer.
public struct FollowUpPlan: Sendable, Hashable {
  public enum Window: String, Sendable, Hashable {
    /// Consumer association: 15 days from acceptance, else filing (practice).
    case consumerAssociationResponse = "cn.cca.response-window"
    /// Market regulator: decide within 7 working days of filing (实施条例 Art. 46(2)).
    case marketRegulatorDecision = "cn.samr.accept-decision"
    /// Market regulator: mediation ends within 60 days of acceptance (实施条例 Art. 46(3)).
    case marketRegulatorMediation = "cn.samr.mediation"
  }

  public var window: Window
  public var start: CalendarDate
  public var due: CalendarDate
  public var passed: Bool
  /// Days from the due day to today (positive when passed).
  public var daysOverdue: Int
  /// The event that closed the window (a response, acceptance or closure), if any.
  public var closedBy: String?
  /// Today + 7 days, moved to the next working day.
  public var replyBy: CalendarDate
  /// Years whose days were judged by weekday alone.
  public var weekdayOnlyYears: [Int]

  /// Why a follow-up cannot be written.
  public struct NotFiled: Error, Sendable {}

  /// Works out the plan for a case on `today`; throws `NotFiled` when the case has no
  /// `filing.filed_on`.
  public static func make(for c: CaseFile, today: CalendarDate, calendar: some WorkingDayCalendar)
    throws -> FollowUpPlan
  {
    guard let filing = c.filing, let filed = filing.filedOn else { throw NotFiled() }
    var usedYears: Set<Int> = []
    func rest(_ d: CalendarDate) -> Bool {
      usedYears.insert(d.year)
      return calendar.isRestDay(d)
    }
    func afterDays(_ n: Int, from d: CalendarDate) -> CalendarDate {
      var due = d.adding(days: n)
      while rest(due) { due = due.adding(days: 1) }
      return due
    }
    func afterWorkingDays(_ n: Int, from d: CalendarDate) -> CalendarDate {
      var day = d
      var left = n
      while left > 0 {
        day = day.adding(days: 1)
        if !rest(day) { left -= 1 }
      }
      return day
    }
    let closedEvent = filing.events.first { $0.kind == .closed }
    let window: Window
    let start: CalendarDate
    let due: CalendarDate
    var closedBy: String?
    switch c.effectiveVenue {
    case .consumerAssociation:
      window = .consumerAssociationResponse
      start = filing.acceptedOn ?? filed
      due = afterDays(15, from: start)
      if let e = filing.events.first(where: { $0.kind == .response || $0.kind == .closed }) {
        closedBy = "\(e.kind?.rawValue ?? "event") \(e.date?.date.iso ?? "")"
      }
    case .marketRegulator:
      if let accepted = filing.acceptedOn {
        window = .marketRegulatorMediation
        start = accepted
        due = afterDays(60, from: accepted)
      } else {
        window = .marketRegulatorDecision
        start = filed
        due = afterWorkingDays(7, from: filed)
      }
      if let e = closedEvent { closedBy = "closed \(e.date?.date.iso ?? "")" }
    }
    let replyBy = afterDays(7, from: today)
    let overdue = due.days(until: today)
    return FollowUpPlan(
      window: window, start: start, due: due, passed: overdue > 0, daysOverdue: overdue,
      closedBy: closedBy, replyBy: replyBy,
      weekdayOnlyYears: usedYears.filter { !calendar.hasData(forYear: $0) }.sorted())
  }
}
