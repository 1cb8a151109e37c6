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
  /// A `closed`, `refused` or `withdrawn` event is logged: the case has ended.
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
  /// True while an appraisal is open on a clock that does not count appraisal time: the clock
  /// is open but has no due day (`deadline` nil).
  public var paused = false
  /// Days of appraisal added to the length (`appraisal-start` to `appraisal-end`, both
  /// included, after the start day).
  public var appraisalDays = 0
  /// The clock's citations of the texts in force on the case's reference day.
  public var citations: [Citation] = []

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
  /// The routes to offer (消法 Art. 39, `rules.md` "When a window passes"): when the case is
  /// overdue, or has ended by `refused`, `withdrawn` or `closed` with no settlement recorded;
  /// empty otherwise.
  public var nextRoutes: [ClockCatalog.Route]
  /// The holiday calendar the clocks were counted on (`cn`).
  public var calendarName: String
  /// The event that ended the case (`closed`, `refused`, `withdrawn`), the first logged.
  public var endedBy: FilingEventKind? = nil
  /// Whether a settlement is recorded (`negotiation.settlement.reached`).
  public var settled = false
  /// A response is logged and no clock is open (what `answered` means for the state).
  public var answered = false
  /// The case's region (which region clocks it has) and the day it was filed (the day its
  /// clocks' citations are taken on; before filing, the day asked).
  public var region: String? = nil
  public var filedOn: CalendarDate? = nil

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
  /// Each venue's general clocks (for a case with no region clock), worked out once (a
  /// `status` over thousands of cases asks for them once per case).
  private let clocksByVenue: [Venue: [ClockDefinition]]
  private let overdueRoutes: [Venue: [ClockCatalog.Route]]

  public init(catalog: ClockCatalog, calendar: HolidayCalendar) {
    self.catalog = catalog
    self.calculator = DeadlineCalculator(calendar: calendar)
    var byVenue: [Venue: [ClockDefinition]] = [:]
    var routes: [Venue: [ClockCatalog.Route]] = [:]
    for venue in Venue.allCases {
      byVenue[venue] = catalog.clocks(for: venue, region: nil)
      routes[venue] = catalog.nextRoutes[venue]?.overdue ?? []
    }
    self.clocksByVenue = byVenue
    self.overdueRoutes = routes
  }

  /// The events that end a case.
  public static let endingKinds: [FilingEventKind] = [.closed, .refused, .withdrawn]

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
    if endedBy(filing) != nil { return .closed }
    if filing.events.contains(where: { $0.kind == .response }) { return .answered }
    if filing.acceptedOn != nil { return .accepted }
    if filing.filedOn != nil { return .filed }
    return nil
  }

  /// The first logged event that ended the case (`closed`, `refused`, `withdrawn`); nil while
  /// it runs.
  public static func endedBy(_ filing: Filing?) -> FilingEventKind? {
    for e in filing?.events ?? [] {
      if let kind = e.kind, kind == .closed || kind == .refused || kind == .withdrawn { return kind }
    }
    return nil
  }

  /// Whether a case records a settlement (`negotiation.settlement.reached`): an ended case then
  /// offers no further route.
  public static func settled(_ c: CaseFile) -> Bool { c.negotiation?.settlement?.reached == true }

  public func status(of c: CaseFile, id: String, today: CalendarDate, isDraft: Bool? = nil) -> CaseStatus {
    let draft =
      isDraft ?? (Self.stage(of: c.filing) == nil && !CaseValidator.missingRequiredFields(c).isEmpty)
    return status(
      venue: c.effectiveVenue, region: c.region, filing: c.filing, settled: Self.settled(c), id: id,
      today: today, isDraft: draft)
  }

  /// The clocks of a venue for a case of `region`, in the catalog's order.
  public func clocks(venue: Venue, region: String?) -> [ClockDefinition] {
    guard let region, catalog.clocks.contains(where: { $0.region != nil && $0.applies(to: region) }) else {
      return clocksByVenue[venue] ?? []
    }
    return catalog.clocks(for: venue, region: region)
  }

  /// The status from what tracking reads of a case: its venue, region and filing record,
  /// whether a settlement is recorded, and whether it is a draft (which decides draft against
  /// ready before filing).
  public func status(
    venue: Venue, region: String? = nil, filing: Filing?, settled: Bool = false, id: String,
    today: CalendarDate, isDraft: Bool
  ) -> CaseStatus {
    let stage = Self.stage(of: filing) ?? (isDraft ? .draft : .ready)
    let definitions = clocks(venue: venue, region: region)
    let reference = filing?.filedOn ?? today
    let routesWhenOverdue = overdueRoutes[venue] ?? []
    var clocks: [CaseClock] = []
    clocks.reserveCapacity(definitions.count)
    var dueIndex: Int?
    for definition in definitions {
      var clock = bareClock(for: definition, filing: filing, today: today)
      clock.routesWhenOverdue = routesWhenOverdue
      clock.citations = definition.citations.inForce(on: reference)
      // The open clock with the earliest due day (the first of equals, by id).
      if clock.isOpen, let due = clock.due {
        let earlier = dueIndex.map { i in (due, clock.id) < (clocks[i].due!, clocks[i].id) } ?? true
        if earlier { dueIndex = clocks.count }
      }
      clocks.append(clock)
    }
    let dueClock = dueIndex.map { clocks[$0] }
    let answered =
      (filing?.events.contains(where: { $0.kind == .response }) ?? false) && !clocks.contains(where: \.isOpen)
    let state = Self.state(stage: stage, daysLeft: dueClock?.daysLeft, answered: answered)
    let ended = Self.endedBy(filing)
    var status = CaseStatus(
      caseID: id, venue: venue, stage: stage, state: state, clocks: clocks, dueClock: dueClock,
      nextRoutes: catalog.routes(venue: venue, state: state, ended: ended, settled: settled),
      calendarName: calculator.calendar.name)
    status.endedBy = ended
    status.settled = settled
    status.answered = answered
    status.region = region
    status.filedOn = filing?.filedOn
    return status
  }

  /// The state of a case at `stage` whose earliest open clock has `daysLeft` (nil when no
  /// clock has a due day), `answered` when a response is logged and no clock is open. The one
  /// place the state is decided: `status(...)` and `ClockDigest.state(today:)` both come here.
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
    clock.routesWhenOverdue = overdueRoutes[definition.venue] ?? []
    clock.citations = definition.citations.inForce(on: c.filing?.filedOn ?? today)
    return clock
  }

  /// The appraisal time of a clock that started on `start`: the days from each
  /// `appraisal-start` to the next `appraisal-end`, both included (days on or before `start`
  /// not counted), and whether an appraisal is still open. Events are taken in their order.
  public static func appraisal(in events: [FilingEvent], after start: CalendarDate) -> (days: Int, open: Bool)
  {
    var days = 0
    var opened: (date: CalendarDate?, open: Bool) = (nil, false)
    for e in events {
      switch e.kind {
      case .appraisalStart where !opened.open:
        opened = (e.date?.date, true)
      case .appraisalEnd where opened.open:
        if let from = opened.date, let to = e.date?.date {
          let first = max(from, start.adding(days: 1))
          if to >= first { days += first.days(until: to) + 1 }
        }
        opened = (nil, false)
      default:
        continue
      }
    }
    return (days, opened.open)
  }

  /// The first appraisal event out of order, in list order: an `appraisal-end` with no open
  /// `appraisal-start` before it, or an `appraisal-start` while one is still open. Nil when
  /// they pair up (one left open is fine: the appraisal is under way).
  public static func appraisalProblem(in events: [FilingEvent]) -> (index: Int, message: String)? {
    var open: (index: Int, date: CalendarDate?)?
    for (i, e) in events.enumerated() {
      switch e.kind {
      case .appraisalStart:
        if let o = open {
          return (
            i,
            "appraisal-start while the appraisal started \(o.date.map { "on \($0.iso) " } ?? "")(filing.events[\(o.index)]) has not ended; log its appraisal-end first"
          )
        }
        open = (i, e.date?.date)
      case .appraisalEnd:
        guard let o = open else {
          return (i, "appraisal-end with no appraisal-start before it; log when the appraisal started first")
        }
        if let from = o.date, let to = e.date?.date, to < from {
          return (i, "appraisal-end on \(to.iso) is before its appraisal-start on \(from.iso)")
        }
        open = nil
      default:
        continue
      }
    }
    return nil
  }

  private func bareClock(for definition: ClockDefinition, filing: Filing?, today: CalendarDate) -> CaseClock {
    guard let start = definition.starts.date(in: filing) else {
      return CaseClock(definition: definition, status: .notStarted)
    }
    var length = definition.length
    var paused = false
    var appraisalDays = 0
    if definition.appraisalPauses, let events = filing?.events,
      events.contains(where: { $0.kind == .appraisalStart })
    {
      let a = Self.appraisal(in: events, after: start)
      paused = a.open
      appraisalDays = a.days
      length += a.days
    }
    let deadline =
      paused ? nil : try? calculator.deadline(from: start, length: length, unit: definition.unit)
    // The earliest recorded closer wins; an event logged without a date still closes the clock.
    var closing: (date: CalendarDate?, by: ClockCloser)?
    for closer in definition.closedBy {
      let found: (date: CalendarDate?, by: ClockCloser)?
      if let kind = closer.eventKind {
        var any = false
        var earliest: CalendarDate?
        for event in filing?.events ?? [] where event.kind == kind {
          any = true
          if let d = event.date?.date, earliest.map({ d < $0 }) ?? true { earliest = d }
        }
        found = any ? (earliest, closer) : nil
      } else {
        found = filing?.acceptedOn.map { ($0, closer) }
      }
      guard let found else { continue }
      if let current = closing, let currentDate = current.date {
        if let date = found.date, date < currentDate { closing = found }
      } else if closing == nil {
        closing = found
      }
    }
    var clock: CaseClock
    if let closing {
      clock = CaseClock(
        definition: definition, status: .closed, start: start, deadline: deadline, closedOn: closing.date,
        closedBy: closing.by)
    } else {
      clock = CaseClock(
        definition: definition, status: .open, start: start, deadline: deadline,
        daysLeft: deadline.map { today.days(until: $0.due) })
      clock.paused = paused
    }
    clock.appraisalDays = appraisalDays
    return clock
  }
}

/// What a case's status is made of that does not depend on the day it is asked: its stage,
/// the earliest open due day and the clock it comes from, whether a response is logged, the
/// years without calendar data that due day relied on, and every clock of the case as
/// `status --format json` details it. Every recorded event counts whatever the day, so only
/// the days left, the state, the routes and (before filing) the citations change from one day
/// to the next; the store keeps a digest per case (`status` over thousands of cases reads
/// digests instead of counting every clock again) and `state(today:)` gives what
/// `CaseTracker.status` would.
public struct ClockDigest: Hashable, Sendable {
  /// The version of how clocks are counted into a digest: raise it whenever a change to
  /// `CaseTracker` could change a digest, so that stored digests are counted again.
  /// 2: years without a notice count on the statutory holidays; 3: region clocks, appraisal
  /// pauses, refused and withdrawn, and the venue, end and settlement kept for the routes;
  /// 4: every clock of the case, its region and filing day (the JSON of `status` from digests).
  public static let format = 4

  public var stage: CaseStage
  public var due: CalendarDate?
  public var dueClockID: String?
  /// A response is logged and no clock is open.
  public var answered: Bool
  public var yearsWithoutData: [Int]
  public var venue: Venue
  /// The event that ended the case, and whether a settlement is recorded: with the state,
  /// they decide the routes offered.
  public var endedBy: FilingEventKind?
  public var settled: Bool
  /// The case's region: with the venue, it decides which clocks of the catalog the case has.
  public var region: String?
  /// `filing.filed_on`: the day the clocks' citations are taken on (nil: the day asked).
  public var filedOn: CalendarDate?
  /// Every clock of the case, in the catalog's order (`CaseTracker.clocks(venue:region:)`).
  public var clocks: [Clock]

  /// One clock of a case as far as it does not depend on the day asked: its definition is
  /// the catalog's (by the case's venue and region, checked by id), its days left are
  /// `due` − the day asked while it is open.
  public struct Clock: Hashable, Sendable {
    public var id: String
    public var status: CaseClock.Status
    public var start: CalendarDate?
    public var unadjusted: CalendarDate?
    public var due: CalendarDate?
    public var closedOn: CalendarDate?
    public var closedBy: ClockCloser?
    public var paused: Bool
    public var appraisalDays: Int
    public var yearsWithoutData: [Int]

    public init(
      id: String, status: CaseClock.Status, start: CalendarDate? = nil, unadjusted: CalendarDate? = nil,
      due: CalendarDate? = nil, closedOn: CalendarDate? = nil, closedBy: ClockCloser? = nil,
      paused: Bool = false, appraisalDays: Int = 0, yearsWithoutData: [Int] = []
    ) {
      self.id = id
      self.status = status
      self.start = start
      self.unadjusted = unadjusted
      self.due = due
      self.closedOn = closedOn
      self.closedBy = closedBy
      self.paused = paused
      self.appraisalDays = appraisalDays
      self.yearsWithoutData = yearsWithoutData
    }

    public init(_ c: CaseClock) {
      self.init(
        id: c.id, status: c.status, start: c.start, unadjusted: c.deadline?.unadjusted, due: c.deadline?.due,
        closedOn: c.closedOn, closedBy: c.closedBy, paused: c.paused, appraisalDays: c.appraisalDays,
        yearsWithoutData: c.deadline?.yearsWithoutData ?? [])
    }

    /// The clock of `definition` as of `today` (`citations` taken on `reference`), as
    /// `CaseTracker.status` would give it; `routesWhenOverdue` are the venue's.
    public func clock(
      _ definition: ClockDefinition, today: CalendarDate, reference: CalendarDate,
      routesWhenOverdue: [ClockCatalog.Route]
    ) -> CaseClock {
      var deadline: Deadline?
      if let start, let unadjusted, let due {
        deadline = Deadline(
          from: start, length: definition.length + appraisalDays, unit: definition.unit,
          unadjusted: unadjusted,
          due: due, yearsWithoutData: yearsWithoutData)
      }
      var c = CaseClock(
        definition: definition, status: status, start: start, deadline: deadline, closedOn: closedOn,
        closedBy: closedBy, daysLeft: status == .open ? due.map { today.days(until: $0) } : nil)
      c.paused = paused
      c.appraisalDays = appraisalDays
      c.routesWhenOverdue = routesWhenOverdue
      c.citations = definition.citations.inForce(on: reference)
      return c
    }
  }

  public init(
    stage: CaseStage, due: CalendarDate?, dueClockID: String?, answered: Bool, yearsWithoutData: [Int],
    venue: Venue = .consumerAssociation, endedBy: FilingEventKind? = nil, settled: Bool = false,
    region: String? = nil, filedOn: CalendarDate? = nil, clocks: [Clock] = []
  ) {
    self.stage = stage
    self.due = due
    self.dueClockID = dueClockID
    self.answered = answered
    self.yearsWithoutData = yearsWithoutData
    self.venue = venue
    self.endedBy = endedBy
    self.settled = settled
    self.region = region
    self.filedOn = filedOn
    self.clocks = clocks
  }

  /// The digest of a status worked out in full (on any day: the digest does not depend on it).
  public init(_ status: CaseStatus) {
    self.init(
      stage: status.stage, due: status.due, dueClockID: status.dueClock?.id, answered: status.answered,
      yearsWithoutData: status.yearsWithoutData, venue: status.venue, endedBy: status.endedBy,
      settled: status.settled, region: status.region, filedOn: status.filedOn,
      clocks: status.clocks.map(Clock.init))
  }

  /// `due` − `today` in calendar days; nil when no clock is open.
  public func daysLeft(today: CalendarDate) -> Int? { due.map { today.days(until: $0) } }

  public func state(today: CalendarDate) -> CaseState {
    CaseTracker.state(stage: stage, daysLeft: daysLeft(today: today), answered: answered)
  }

  /// The status `CaseTracker.status` gives as of `today`, from this digest and the clocks of
  /// the case's venue and region in `catalog` (`definitions`); nil when the digest's clocks
  /// are not those (then the case is to be counted again). `catalog` nil: a jurisdiction
  /// without clocks.
  public func status(
    id: String, catalog: ClockCatalog?, definitions: [ClockDefinition], today: CalendarDate
  ) -> CaseStatus? {
    guard definitions.count == clocks.count else { return nil }
    let reference = filedOn ?? today
    let routes = catalog?.nextRoutes[venue]?.overdue ?? []
    var built: [CaseClock] = []
    built.reserveCapacity(clocks.count)
    var dueIndex: Int?
    for (definition, c) in zip(definitions, clocks) {
      guard definition.id == c.id else { return nil }
      if dueIndex == nil, c.status == .open, c.id == dueClockID, c.due == due { dueIndex = built.count }
      built.append(c.clock(definition, today: today, reference: reference, routesWhenOverdue: routes))
    }
    if dueClockID != nil && dueIndex == nil { return nil }
    let state = state(today: today)
    var s = CaseStatus(
      caseID: id, venue: venue, stage: stage, state: state, clocks: built,
      dueClock: dueIndex.map { built[$0] },
      nextRoutes: catalog?.routes(venue: venue, state: state, ended: endedBy, settled: settled) ?? [],
      calendarName: catalog?.calendar ?? "")
    s.endedBy = endedBy
    s.settled = settled
    s.answered = answered
    s.region = region
    s.filedOn = filedOn
    return s
  }

  // MARK: The clocks as text (one column of the store)

  /// `clocks` as one line of text per clock, fields separated by spaces: the id, `n`/`o`/`c`
  /// (not started, open, closed), start, unadjusted and due days, the day it closed (Julian
  /// day numbers, `-` for none), what closed it (`-`), `p` when paused (`-`), the appraisal
  /// days, and the years without a notice (`2027,2028`, `-`). A clock id with a space or a
  /// line break cannot be kept: the text is then nil and the case is counted every time.
  public var clocksText: String? {
    var out = ""
    for (i, c) in clocks.enumerated() {
      if c.id.isEmpty || c.id.contains(where: { $0 == " " || $0.isNewline }) { return nil }
      if i > 0 { out += "\n" }
      func day(_ d: CalendarDate?) -> String { d.map { String($0.julianDay) } ?? "-" }
      let status: String
      switch c.status {
      case .notStarted: status = "n"
      case .open: status = "o"
      case .closed: status = "c"
      }
      out += c.id + " " + status + " " + day(c.start) + " " + day(c.unadjusted) + " " + day(c.due) + " "
      out += day(c.closedOn) + " " + (c.closedBy?.rawValue ?? "-") + " " + (c.paused ? "p" : "-") + " "
      out += String(c.appraisalDays) + " "
      out += c.yearsWithoutData.isEmpty ? "-" : c.yearsWithoutData.map(String.init).joined(separator: ",")
    }
    return out
  }

  /// The clocks of `clocksText`; nil when the text is not such. `ids` keeps the clock ids met
  /// so far (a store reading thousands of digests makes each id once, not once per clock).
  public static func clocks(fromText text: String, ids: inout [String]) -> [Clock]? {
    if text.isEmpty { return [] }
    var text = text
    return text.withUTF8 { bytes -> [Clock]? in
      var out: [Clock] = []
      var i = 0
      let n = bytes.count
      /// The next field's bounds (up to a space, a line break or the end).
      func field() -> Range<Int> {
        let start = i
        while i < n && bytes[i] != 0x20 && bytes[i] != 0x0A { i += 1 }
        return start..<i
      }
      func isDash(_ r: Range<Int>) -> Bool { r.count == 1 && bytes[r.lowerBound] == 0x2D }
      func number(_ r: Range<Int>) -> Int? {
        guard !r.isEmpty, r.count <= 18 else { return nil }
        var v = 0
        for k in r {
          let b = bytes[k]
          guard b >= 0x30 && b <= 0x39 else { return nil }
          v = v * 10 + Int(b - 0x30)
        }
        return v
      }
      func day(_ r: Range<Int>) -> CalendarDate?? {
        if isDash(r) { return .some(nil) }
        return number(r).map { .some(CalendarDate(julianDay: $0)) }
      }
      /// Steps over the space between two fields of a line.
      func space() -> Bool {
        guard i < n, bytes[i] == 0x20 else { return false }
        i += 1
        return true
      }
      while true {
        let idRange = field()
        guard !idRange.isEmpty, space() else { return nil }
        let idBytes = UnsafeBufferPointer(rebasing: bytes[idRange])
        let id: String
        if let known = ids.first(where: { $0.utf8.elementsEqual(idBytes) }) {
          id = known
        } else {
          id = String(decoding: idBytes, as: UTF8.self)
          ids.append(id)
        }
        let s = field()
        guard s.count == 1, space() else { return nil }
        let status: CaseClock.Status
        switch bytes[s.lowerBound] {
        case 0x6E: status = .notStarted
        case 0x6F: status = .open
        case 0x63: status = .closed
        default: return nil
        }
        guard let start = day(field()), space(), let unadjusted = day(field()), space(),
          let due = day(field()), space(), let closedOn = day(field()), space()
        else { return nil }
        let by = field()
        guard space() else { return nil }
        var closedBy: ClockCloser?
        if !isDash(by) {
          guard
            let c = ClockCloser(
              rawValue: String(decoding: UnsafeBufferPointer(rebasing: bytes[by]), as: UTF8.self))
          else { return nil }
          closedBy = c
        }
        let p = field()
        guard p.count == 1, space() else { return nil }
        let paused = bytes[p.lowerBound] == 0x70
        guard paused || bytes[p.lowerBound] == 0x2D else { return nil }
        guard let appraisal = number(field()), space() else { return nil }
        var years: [Int] = []
        let y = field()
        if !isDash(y) {
          var start = y.lowerBound
          for k in y.lowerBound...y.upperBound where k == y.upperBound || bytes[k] == 0x2C {
            guard let year = number(start..<k) else { return nil }
            years.append(year)
            start = k + 1
          }
        }
        out.append(
          Clock(
            id: id, status: status, start: start, unadjusted: unadjusted, due: due, closedOn: closedOn,
            closedBy: closedBy, paused: paused, appraisalDays: appraisal, yearsWithoutData: years))
        if i == n { return out }
        guard bytes[i] == 0x0A else { return nil }
        i += 1
      }
    }
  }

  /// The clocks of `clocksText`; nil when the text is not such.
  public static func clocks(fromText text: String) -> [Clock]? {
    var ids: [String] = []
    return clocks(fromText: text, ids: &ids)
  }
}
