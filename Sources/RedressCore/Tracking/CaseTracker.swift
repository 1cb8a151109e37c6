/// Where a case is in its life (`cli.md`, `status --format json`).
public enum CaseStage: String, CaseEnum {
  /// Not filed, and required contents are still missing (`CaseValidator.missingRequiredFields`).
  case draft
  /// Not filed, with every required content present: it can be submitted.
  case ready
  /// `filing.filed_on` is recorded.
  case filed
  /// `filing.accepted_on` is recorded.
  case accepted
  /// A `response` event is logged.
  case answered
  /// A `closed` event is logged.
  case closed
}

/// What the case needs from its owner now (`cli.md`, `status --format json`).
public enum CaseState: String, CaseEnum {
  case draft, waiting
  case dueSoon = "due-soon"
  case overdue, answered, closed
}

/// One clock of one case, as of a day.
public struct CaseClock: Hashable, Sendable {
  public enum Status: String, CaseEnum {
    /// Its start date is not recorded yet.
    case notStarted = "not-started"
    case open
    case closed
  }

  public var definition: ClockDefinition
  public var status: Status
  /// The recorded day it runs from; nil when not started.
  public var start: CalendarDate?
  public var deadline: Deadline?
  /// The day it closed and what closed it.
  public var closedOn: CalendarDate?
  public var closedBy: ClockCloser?
  /// `due` − `today` in calendar days, for an open clock.
  public var daysLeft: Int?
  /// The routes to offer once this clock has run out (消法 Art. 39), from the catalog.
  public var routesWhenOverdue: [ClockCatalog.Route] = []

  public var id: String { definition.id }
  public var due: CalendarDate? { deadline?.due }
  public var isOpen: Bool { status == .open }
  /// An open clock whose due day has passed.
  public var isOverdue: Bool { isOpen && (daysLeft ?? 0) < 0 }
  /// A clock closed by an answer that came after its due day.
  public var closedLate: Bool {
    guard status == .closed, let closedOn, let due else { return false }
    return closedOn > due
  }
}

/// A case's stage, clocks, earliest open due day and state, as of `today`.
public struct CaseStatus: Hashable, Sendable {
  public var caseID: String
  public var venue: Venue
  public var stage: CaseStage
  public var state: CaseState
  /// Every clock of the venue, in the catalog's order.
  public var clocks: [CaseClock]
  /// The open clock with the earliest due day (the one `due` shows); nil when none is open.
  public var dueClock: CaseClock?
  /// The routes to offer when the case is overdue (消法 Art. 39); empty otherwise.
  public var nextRoutes: [ClockCatalog.Route]
  /// The holiday calendar the clocks were counted on (`cn`).
  public var calendarName: String

  public var due: CalendarDate? { dueClock?.due }
  public var daysLeft: Int? { dueClock?.daysLeft }
  /// Years without calendar data that an open clock's due day relied on.
  public var yearsWithoutData: [Int] {
    // Almost every case relies on covered years only: answer that without building a set.
    guard clocks.contains(where: { $0.isOpen && $0.deadline?.yearsWithoutData.isEmpty == false }) else {
      return []
    }
    return Array(Set(clocks.filter(\.isOpen).flatMap { $0.deadline?.yearsWithoutData ?? [] })).sorted()
  }
}

/// Computes the clocks of a case (`rules.md`, "The clocks"; `cli.md`, `status`) from the
/// catalog of its jurisdiction and a holiday calendar.
public struct CaseTracker: Sendable {
  /// A due day at most this many days away is `due-soon` (`cli.md`).
  public static let dueSoonDays = 3

  public let catalog: ClockCatalog
  public let calculator: DeadlineCalculator
  /// Each venue's clocks with the routes each offers once overdue, worked out once (a
  /// `status` over thousands of cases asks for them once per case).
  private let clocksByVenue: [Venue: [(definition: ClockDefinition, routes: [ClockCatalog.Route])]]

  public init(catalog: ClockCatalog, calendar: HolidayCalendar) {
    self.catalog = catalog
    self.calculator = DeadlineCalculator(calendar: calendar)
    var byVenue: [Venue: [(definition: ClockDefinition, routes: [ClockCatalog.Route])]] = [:]
    for venue in Venue.allCases {
      byVenue[venue] = catalog.clocks(for: venue).map { d in
        (d, d.whenOverdue.compactMap { catalog.routes[$0] })
      }
    }
    self.clocksByVenue = byVenue
  }

  /// The stage of a case. Before filing, `isDraft` (what the store records: an unfinished
  /// interview, or a case imported with errors) decides draft against ready; without it, a case
  /// is ready when nothing required is missing (`CaseValidator.missingRequiredFields`).
  public static func stage(of c: CaseFile, isDraft: Bool? = nil) -> CaseStage {
    if let filed = stage(of: c.filing) { return filed }
    if let isDraft { return isDraft ? .draft : .ready }
    return CaseValidator.missingRequiredFields(c).isEmpty ? .ready : .draft
  }

  /// The stage that the filing record alone decides (filed and after); nil before filing.
  public static func stage(of filing: Filing?) -> CaseStage? {
    guard let filing else { return nil }
    if filing.events.contains(where: { $0.kind == .closed }) { return .closed }
    if filing.events.contains(where: { $0.kind == .response }) { return .answered }
    if filing.acceptedOn != nil { return .accepted }
    if filing.filedOn != nil { return .filed }
    return nil
  }

  public func status(of c: CaseFile, id: String, today: CalendarDate, isDraft: Bool? = nil) -> CaseStatus {
    let draft =
      isDraft ?? (Self.stage(of: c.filing) == nil && !CaseValidator.missingRequiredFields(c).isEmpty)
    return status(venue: c.effectiveVenue, filing: c.filing, id: id, today: today, isDraft: draft)
  }

  /// The status from what tracking reads of a case: its venue and its filing record, plus
  /// whether it is a draft (which decides draft against ready before filing).
  public func status(
    venue: Venue, filing: Filing?, id: String, today: CalendarDate, isDraft: Bool
  ) -> CaseStatus {
    let stage = Self.stage(of: filing) ?? (isDraft ? .draft : .ready)
    var clocks: [CaseClock] = []
    clocks.reserveCapacity(clocksByVenue[venue]?.count ?? 0)
    var dueIndex: Int?
    for (definition, routes) in clocksByVenue[venue] ?? [] {
      var clock = bareClock(for: definition, filing: filing, today: today)
      clock.routesWhenOverdue = routes
      // The open clock with the earliest due day (the first of equals, by id).
      if clock.isOpen, let due = clock.due {
        let earlier = dueIndex.map { i in (due, clock.id) < (clocks[i].due!, clocks[i].id) } ?? true
        if earlier { dueIndex = clocks.count }
      }
      clocks.append(clock)
    }
    let dueClock = dueIndex.map { clocks[$0] }
    let state = Self.state(
      stage: stage, daysLeft: dueClock?.daysLeft,
      answered: filing?.events.contains(where: { $0.kind == .response }) ?? false)

    let routes = state == .overdue ? dueClock?.routesWhenOverdue ?? [] : []
    return CaseStatus(
      caseID: id, venue: venue, stage: stage, state: state, clocks: clocks, dueClock: dueClock,
      nextRoutes: routes, calendarName: calculator.calendar.name)
  }

  /// The state of a case at `stage` whose earliest open clock has `daysLeft` (nil when no
  /// clock is open), `answered` when a response is logged. The one place the state is decided:
  /// `status(...)` and `ClockDigest.state(today:)` both come here.
  public static func state(stage: CaseStage, daysLeft: Int?, answered: Bool) -> CaseState {
    if stage == .draft || stage == .ready { return .draft }
    if stage == .closed { return .closed }
    if let daysLeft { return daysLeft < 0 ? .overdue : (daysLeft <= dueSoonDays ? .dueSoon : .waiting) }
    return answered ? .answered : .waiting
  }

  /// One clock of a case: not started until its start date is recorded; closed by the first
  /// recorded event (or acceptance) among those that close it; otherwise open, with its due day.
  public func clock(for definition: ClockDefinition, in c: CaseFile, today: CalendarDate) -> CaseClock {
    var clock = bareClock(for: definition, filing: c.filing, today: today)
    clock.routesWhenOverdue = definition.whenOverdue.compactMap { catalog.routes[$0] }
    return clock
  }

  private func bareClock(for definition: ClockDefinition, filing: Filing?, today: CalendarDate) -> CaseClock {
    guard let start = definition.starts.date(in: filing) else {
      return CaseClock(definition: definition, status: .notStarted)
    }
    let deadline = try? calculator.deadline(from: start, length: definition.length, unit: definition.unit)
    // The earliest recorded closer wins; an event logged without a date still closes the clock.
    var closing: (date: CalendarDate?, by: ClockCloser)?
    for closer in definition.closedBy {
      let found: (date: CalendarDate?, by: ClockCloser)?
      switch closer {
      case .accepted:
        found = filing?.acceptedOn.map { ($0, closer) }
      case .response, .closed:
        let kind: FilingEventKind = closer == .response ? .response : .closed
        var any = false
        var earliest: CalendarDate?
        for event in filing?.events ?? [] where event.kind == kind {
          any = true
          if let d = event.date?.date, earliest.map({ d < $0 }) ?? true { earliest = d }
        }
        found = any ? (earliest, closer) : nil
      }
      guard let found else { continue }
      if let current = closing, let currentDate = current.date {
        if let date = found.date, date < currentDate { closing = found }
      } else if closing == nil {
        closing = found
      }
    }
    if let closing {
      return CaseClock(
        definition: definition, status: .closed, start: start, deadline: deadline, closedOn: closing.date,
        closedBy: closing.by)
    }
    return CaseClock(
      definition: definition, status: .open, start: start, deadline: deadline,
      daysLeft: deadline.map { today.days(until: $0.due) })
  }
}

/// What a case's status is made of that does not depend on the day it is asked: its stage,
/// the earliest open due day and the clock it comes from, whether a response is logged, and the
/// years without calendar data that due day relied on. Every recorded event counts whatever
/// the day, so only the days left and the state change from one day to the next; the store
/// keeps a digest per case (`status` over thousands of cases reads digests instead of counting
/// every clock again) and `state(today:)` gives what `CaseTracker.status` would.
public struct ClockDigest: Hashable, Sendable {
  /// The version of how clocks are counted into a digest: raise it whenever a change to
  /// `CaseTracker` could change a digest, so that stored digests are counted again.
  public static let format = 2  // 2: years without a notice count on the statutory holidays

  public var stage: CaseStage
  public var due: CalendarDate?
  public var dueClockID: String?
  public var answered: Bool
  public var yearsWithoutData: [Int]

  public init(
    stage: CaseStage, due: CalendarDate?, dueClockID: String?, answered: Bool, yearsWithoutData: [Int]
  ) {
    self.stage = stage
    self.due = due
    self.dueClockID = dueClockID
    self.answered = answered
    self.yearsWithoutData = yearsWithoutData
  }

  /// The digest of a status worked out in full (on any day: the digest does not depend on it).
  public init(_ status: CaseStatus, filing: Filing?) {
    self.init(
      stage: status.stage, due: status.due, dueClockID: status.dueClock?.id,
      answered: filing?.events.contains(where: { $0.kind == .response }) ?? false,
      yearsWithoutData: status.yearsWithoutData)
  }

  /// `due` − `today` in calendar days; nil when no clock is open.
  public func daysLeft(today: CalendarDate) -> Int? { due.map { today.days(until: $0) } }

  public func state(today: CalendarDate) -> CaseState {
    CaseTracker.state(stage: stage, daysLeft: daysLeft(today: today), answered: answered)
  }
}
