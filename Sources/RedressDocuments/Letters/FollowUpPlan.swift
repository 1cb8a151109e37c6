import RedressCore

/// The clock a follow-up letter (催办函) cites, taken from the clock engine
/// (`legal/<jurisdiction>/clocks.yaml` on the holiday calendar): which window applied to the
/// filed complaint, from when and until when, whether it has passed or was closed, and the
/// day by which the letter asks for a written answer (today + 7 days, moved off a rest day).
public struct FollowUpPlan: Sendable, Hashable {
  /// The clock's id (`cn.cca.response-window`); `terms.yaml` words the window by it.
  public var clockID: String
  /// True when the window is practice, not law: the letter must not call it a legal deadline.
  public var practice: Bool
  /// The clock's citations of statute or regulation (practice left out).
  public var citations: [Citation]
  public var start: CalendarDate
  public var due: CalendarDate
  public var passed: Bool
  /// Days from the due day to today (positive when passed).
  public var daysOverdue: Int
  /// What closed the window (`response 2026-10-20`), when something did.
  public var closedBy: String?
  public var replyBy: CalendarDate
  /// Years without a State Council notice whose days the due day or the reply day was
  /// counted on (statutory holidays and weekends only): those dates are provisional.
  public var weekdayOnlyYears: [Int]
  /// True when the window's due day itself is provisional: the letter then does not assert
  /// that the deadline has passed (it may fall later once the notice is known).
  public var dueProvisional: Bool = false

  /// Why a follow-up cannot be written.
  public enum Refusal: Error, Sendable, Equatable {
    /// `filing.filed_on` is not recorded.
    case notFiled
    /// No clock of the case's venue has started (for example a regulator's mediation clock
    /// waits for `accepted_on`, and its decision clock was closed by it).
    case noClock
  }

  /// Works out the plan for a case on `today`. The clock chosen is the open one whose due day
  /// is earliest (the overdue one, if any); when every started clock is closed, the one that
  /// closed last, so the letter still cites a window (and `closedBy` says it was answered).
  public static func make(for c: CaseFile, today: CalendarDate, tracker: CaseTracker) throws -> FollowUpPlan {
    guard c.filing?.filedOn != nil else { throw Refusal.notFiled }
    let status = tracker.status(of: c, id: c.id ?? "case", today: today)
    let started = status.clocks.filter { $0.deadline != nil && $0.start != nil }
    let chosen =
      status.dueClock
      ?? started.filter { $0.status == .closed }.max { ($0.deadline!.due, $0.id) < ($1.deadline!.due, $1.id) }
    guard let clock = chosen, let deadline = clock.deadline, let start = clock.start else {
      throw Refusal.noClock
    }
    var closedBy: String?
    if clock.status == .closed {
      closedBy = [clock.closedBy?.rawValue, clock.closedOn?.iso].compactMap { $0 }.joined(separator: " ")
    }
    let reply = tracker.calculator.calendarDays(from: today, length: 7)
    let overdue = deadline.due.days(until: today)
    return FollowUpPlan(
      clockID: clock.id, practice: clock.definition.practice,
      citations: clock.definition.citations.filter { $0.confidence != .practice }, start: start,
      due: deadline.due, passed: overdue > 0, daysOverdue: overdue, closedBy: closedBy,
      replyBy: reply.due,
      weekdayOnlyYears: Array(Set(deadline.yearsWithoutData + reply.yearsWithoutData)).sorted(),
      dueProvisional: deadline.provisional)
  }
}
