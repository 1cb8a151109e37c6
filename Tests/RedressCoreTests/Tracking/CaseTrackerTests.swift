import Foundation
import RedressCore
import RedressTestSupport
import Testing

/// The clocks of rules.md ("The clocks") and the stage and state of cli.md (`status`), on the
/// example washer case with its filing changed step by step.
@Suite struct CaseTrackerTests {
  static let legal = Fixtures.repositoryRoot.appendingPathComponent("legal")
  let tracker: CaseTracker
  let washer: CaseFile

  init() throws {
    let catalog = try ClockCatalogLoader.load(jurisdiction: "cn", legal: Self.legal)
    tracker = CaseTracker(catalog: catalog, calendar: try HolidayCalendarTests.cn())
    washer = try CaseFileReader.read(contentsOf: Fixtures.washerCase)
  }

  static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

  /// The washer case (complete, consumer association) with this filing.
  func washer(
    filed: String? = nil, accepted: String? = nil, events: [(String, FilingEventKind)] = [],
    venue: Venue = .consumerAssociation
  ) -> CaseFile {
    var c = washer
    c.venue = venue
    if filed == nil && accepted == nil && events.isEmpty {
      c.filing = nil
      return c
    }
    var filing = Filing()
    filing.filedOn = filed.map(Self.day)
    filing.acceptedOn = accepted.map(Self.day)
    filing.events = events.map { date, kind in
      var e = FilingEvent()
      e.date = EventDate(text: date)
      e.kind = kind
      return e
    }
    c.filing = filing
    return c
  }

  func status(_ c: CaseFile, today: String) -> CaseStatus {
    tracker.status(of: c, id: "washer-2026", today: Self.day(today))
  }

  // MARK: Stage before filing

  @Test func draftUntilTheRequiredContentsAreThere() {
    let empty = status(CaseFile(), today: "2026-10-01")
    #expect(empty.stage == .draft)
    #expect(empty.state == .draft)
    #expect(empty.due == nil && empty.daysLeft == nil)

    var missingPhone = washer()
    missingPhone.complainant?.phone = "  "
    #expect(status(missingPhone, today: "2026-10-01").stage == .draft)

    let ready = status(washer(), today: "2026-10-01")
    #expect(ready.stage == .ready)
    #expect(ready.state == .draft)
    #expect(ready.clocks.map(\.status) == [.notStarted])
  }

  // MARK: Consumer association

  @Test func filedNotYetAccepted() throws {
    // 2026-10-10 + 15 = 10-25, a Sunday: due Monday 10-26.
    let s = status(washer(filed: "2026-10-10"), today: "2026-10-20")
    #expect(s.stage == .filed)
    #expect(s.state == .waiting)
    let clock = try #require(s.dueClock)
    #expect(clock.id == "cn.cca.response-window")
    #expect(clock.start == Self.day("2026-10-10"))
    #expect(clock.deadline?.unadjusted == Self.day("2026-10-25"))
    #expect(s.due == Self.day("2026-10-26"))
    #expect(s.daysLeft == 6)
    #expect(s.nextRoutes.isEmpty)
  }

  @Test func acceptedRunsFromTheAcceptance() {
    let s = status(washer(filed: "2026-10-10", accepted: "2026-10-12"), today: "2026-10-20")
    #expect(s.stage == .accepted)
    #expect(s.due == Self.day("2026-10-27"))
    #expect(s.daysLeft == 7)
    #expect(s.state == .waiting)
    #expect(s.dueClock?.definition.practice == true)
  }

  @Test func responseLoggedBeforeTheDueDay() {
    let s = status(
      washer(filed: "2026-10-10", accepted: "2026-10-12", events: [("2026-10-20", .response)]),
      today: "2026-11-22")
    #expect(s.stage == .answered)
    #expect(s.state == .answered)
    #expect(s.due == nil && s.daysLeft == nil)
    let clock = s.clocks[0]
    #expect(clock.status == .closed)
    #expect(clock.closedBy == .response)
    #expect(clock.closedOn == Self.day("2026-10-20"))
    #expect(!clock.closedLate)
  }

  @Test func responseLoggedAfterTheDueDay() {
    // Before the answer comes, the window has passed: overdue, with the next routes.
    let waiting = status(washer(filed: "2026-10-10", accepted: "2026-10-12"), today: "2026-11-02")
    #expect(waiting.state == .overdue)
    #expect(waiting.daysLeft == -6)
    // Review §2d: the association still holds the dispute, so the regulator is offered only
    // after withdrawal, never bare.
    #expect(
      waiting.nextRoutes.map(\.id) == [
        "followup", "arbitration", "court", "market-regulator-after-withdrawal",
      ])
    #expect(!waiting.nextRoutes.contains { $0.id == "market-regulator" })
    let after = waiting.nextRoutes.first { $0.id == "market-regulator-after-withdrawal" }
    #expect(after?.citations.first?.article == "第三十九条第（三）项")
    #expect(after?.text.text(in: "zh-Hans").contains("撤回") == true)
    // Once the late answer is logged, the case is answered and the clock remembers it was late.
    let answered = status(
      washer(
        filed: "2026-10-10", accepted: "2026-10-12", events: [("2026-11-05T10:30", .response)]),
      today: "2026-11-06")
    #expect(answered.state == .answered)
    #expect(answered.stage == .answered)
    #expect(answered.clocks[0].closedLate)
    #expect(answered.nextRoutes.isEmpty)
  }

  @Test func aFollowUpDoesNotStopTheClock() {
    let s = status(
      washer(filed: "2026-10-10", accepted: "2026-10-12", events: [("2026-10-28", .followUp)]),
      today: "2026-10-29")
    #expect(s.state == .overdue)
    #expect(s.stage == .accepted)
  }

  @Test func closedCase() {
    let s = status(
      washer(filed: "2026-10-10", accepted: "2026-10-12", events: [("2026-10-30", .closed)]),
      today: "2026-11-22")
    #expect(s.stage == .closed)
    #expect(s.state == .closed)
    #expect(s.due == nil)
    #expect(s.clocks[0].closedBy == .closed)
  }

  // MARK: Market regulator

  @Test func regulatorDecisionClockRunsSevenWorkingDaysFromFiling() {
    // Filed Monday 2026-09-28: 09-29, 09-30, (国庆节 10-01..10-07), 10-08, 10-09, 10-10 (a
    // make-up Saturday), 10-12, 10-13.
    let s = status(washer(filed: "2026-09-28", venue: .marketRegulator), today: "2026-10-09")
    #expect(s.venue == .marketRegulator)
    #expect(s.clocks.map(\.id) == ["cn.samr.accept-decision", "cn.samr.mediation"])
    #expect(s.clocks.map(\.status) == [.open, .notStarted])
    #expect(s.dueClock?.id == "cn.samr.accept-decision")
    #expect(s.due == Self.day("2026-10-13"))
    #expect(s.daysLeft == 4)
    #expect(s.state == .waiting)
    #expect(s.dueClock?.definition.practice == false)
    // Filed in 2026-09: the 2026 办法 is in force; its article is not known, so it is cited without one.
    #expect(s.dueClock?.citations.map(\.article) == ["第四十六条", "第四十六条第二款", ""])
    #expect(s.dueClock?.citations.last?.source.contains("总局令第121号") == true)
    // Filed before 2026-04-15: the 暂行办法 with its Art. 14.
    let old = status(washer(filed: "2026-03-02", venue: .marketRegulator), today: "2026-03-04")
    #expect(old.dueClock?.citations.map(\.article) == ["第四十六条", "第四十六条第二款", "第十四条"])
    #expect(old.dueClock?.citations.last?.source.contains("暂行办法") == true)
  }

  @Test func regulatorAcceptanceClosesTheDecisionAndStartsMediation() {
    let s = status(
      washer(filed: "2026-09-28", accepted: "2026-10-09", venue: .marketRegulator), today: "2026-10-20")
    #expect(s.clocks.map(\.status) == [.closed, .open])
    #expect(s.clocks[0].closedBy == .accepted)
    #expect(s.dueClock?.id == "cn.samr.mediation")
    // 2026-10-09 + 60 days = 12-08, a Tuesday.
    #expect(s.due == Self.day("2026-12-08"))
    #expect(s.stage == .accepted)
    // A response does not end mediation: still waiting on the 60 days.
    let answered = status(
      washer(
        filed: "2026-09-28", accepted: "2026-10-09", events: [("2026-10-25", .response)],
        venue: .marketRegulator), today: "2026-10-26")
    #expect(answered.stage == .answered)
    #expect(answered.state == .waiting)
    #expect(answered.due == Self.day("2026-12-08"))
    // Closed ends both.
    let closed = status(
      washer(
        filed: "2026-09-28", accepted: "2026-10-09", events: [("2026-11-01", .closed)],
        venue: .marketRegulator),
      today: "2026-12-20")
    #expect(closed.clocks.map(\.status) == [.closed, .closed])
    #expect(closed.state == .closed)
  }

  @Test func regulatorOverdueDecisionOffersTheOtherRoutes() {
    let s = status(washer(filed: "2026-09-28", venue: .marketRegulator), today: "2026-10-14")
    #expect(s.state == .overdue)
    #expect(s.daysLeft == -1)
    #expect(
      s.nextRoutes.map(\.id) == ["followup", "arbitration", "court", "consumer-association-after-withdrawal"])
  }

  // MARK: Revision 2: region clocks, appraisal, refused and withdrawn (rules.md, "The clocks")

  func regional(
    _ region: String?, filed: String, accepted: String? = nil, events: [(String, FilingEventKind)] = []
  )
    -> CaseFile
  {
    var c = washer(filed: filed, accepted: accepted, events: events)
    c.region = region
    return c
  }

  @Test func zhejiangDecisionToAcceptIsFiveWorkingDaysFromFiling() {
    // 2026-11-10 (Tue) + 5 working days = 2026-11-17 (Tue).
    let s = status(regional("330106", filed: "2026-11-10"), today: "2026-11-18")
    #expect(s.clocks.map(\.id) == ["cn.cca.zj.accept-decision", "cn.cca.zj.mediation-start"])
    #expect(s.dueClock?.id == "cn.cca.zj.accept-decision")
    #expect(s.due == Self.day("2026-11-17"))
    #expect(s.state == .overdue)
    #expect(s.nextRoutes.map(\.id).last == "market-regulator-after-withdrawal")
    // Acceptance closes it and starts the ten working days to mediation: 2026-11-12 + 10 = 11-26.
    let accepted = status(
      regional("330106", filed: "2026-11-10", accepted: "2026-11-12"), today: "2026-11-18")
    #expect(accepted.clocks[0].status == .closed && accepted.clocks[0].closedBy == .accepted)
    #expect(accepted.dueClock?.id == "cn.cca.zj.mediation-start")
    #expect(accepted.due == Self.day("2026-11-26"))
    // A mediation event closes the mediation-starts clock.
    let mediated = status(
      regional("330106", filed: "2026-11-10", accepted: "2026-11-12", events: [("2026-11-20", .mediation)]),
      today: "2026-12-01")
    #expect(mediated.clocks[1].closedBy == .mediation)
    #expect(mediated.due == nil && mediated.state == .waiting)
  }

  @Test func shanghaiMediationIsSixtyDaysFromAcceptance() {
    // No generic window: before acceptance nothing runs.
    let filed = status(regional("310104", filed: "2026-09-10"), today: "2026-09-20")
    #expect(filed.clocks.map(\.id) == ["cn.cca.sh.mediation"])
    #expect(filed.due == nil)
    // 2026-09-12 + 60 days = 2026-11-11 (Wed).
    let s = status(regional("310104", filed: "2026-09-10", accepted: "2026-09-12"), today: "2026-11-12")
    #expect(s.due == Self.day("2026-11-11"))
    #expect(s.state == .overdue)
    #expect(s.dueClock?.citations.allSatisfy { $0.confidence == .practice } == true)
    #expect(s.dueClock?.definition.note?.text(in: "zh-Hans").contains("三十日") == true)
    // A region without region clocks keeps the generic practice window.
    let beijing = status(regional("110105", filed: "2026-09-10"), today: "2026-09-20")
    #expect(beijing.clocks.map(\.id) == ["cn.cca.response-window"])
  }

  @Test func appraisalTimeIsNotCountedInTheRegulatorsSixtyDays() {
    let base = [("2026-09-10", FilingEventKind.appraisalStart)]
    // While the appraisal is open the clock waits: no due day, state waiting.
    var c = washer(filed: "2026-09-01", accepted: "2026-09-03", events: base, venue: .marketRegulator)
    var s = status(c, today: "2026-12-07")
    let mediation = s.clocks[1]
    #expect(mediation.isOpen && mediation.paused && mediation.due == nil)
    #expect(s.due == nil && s.daysLeft == nil && s.state == .waiting)
    #expect(s.nextRoutes.isEmpty)
    // 09-10 … 09-20 is 11 days, both included: 09-03 + 60 = 11-02, + 11 = 11-13 (Fri).
    c = washer(
      filed: "2026-09-01", accepted: "2026-09-03", events: base + [("2026-09-20", .appraisalEnd)],
      venue: .marketRegulator)
    s = status(c, today: "2026-11-13")
    #expect(s.clocks[1].appraisalDays == 11)
    #expect(s.due == Self.day("2026-11-13"))
    #expect(s.state == .dueSoon)
    // Without the appraisal it would have been due on 11-02.
    let plain = status(
      washer(filed: "2026-09-01", accepted: "2026-09-03", venue: .marketRegulator), today: "2026-11-13")
    #expect(plain.due == Self.day("2026-11-02"))
    // A response logged while the appraisal is open: still waiting, not answered.
    c = washer(
      filed: "2026-09-01", accepted: "2026-09-03", events: base + [("2026-09-15", .response)],
      venue: .marketRegulator)
    #expect(status(c, today: "2026-12-07").state == .waiting)
  }

  @Test func appraisalEventsOutOfOrderAreNamed() {
    func events(_ kinds: [FilingEventKind]) -> [FilingEvent] {
      kinds.enumerated().map { i, k in
        var e = FilingEvent()
        e.kind = k
        e.date = EventDate(date: Self.day("2026-10-01").adding(days: i))
        return e
      }
    }
    #expect(CaseTracker.appraisalProblem(in: events([.appraisalEnd]))?.index == 0)
    #expect(CaseTracker.appraisalProblem(in: events([.appraisalStart, .appraisalStart]))?.index == 1)
    #expect(CaseTracker.appraisalProblem(in: events([.appraisalStart, .note, .appraisalEnd])) == nil)
    #expect(CaseTracker.appraisalProblem(in: events([.appraisalStart])) == nil)
    #expect(
      CaseTracker.appraisalProblem(in: events([.appraisalStart, .appraisalEnd, .appraisalEnd]))?.message
        .hasPrefix("appraisal-end with no appraisal-start") == true)
  }

  @Test func refusedAndWithdrawnCloseEveryClockAndOfferTheOtherBody() {
    for kind in [FilingEventKind.refused, .withdrawn, .closed] {
      let ca = status(washer(filed: "2026-10-10", events: [("2026-10-12", kind)]), today: "2026-12-07")
      #expect(ca.stage == .closed && ca.state == .closed, "\(kind)")
      #expect(ca.clocks.allSatisfy { $0.status == .closed }, "\(kind)")
      #expect(ca.endedBy == kind)
      // The association no longer holds the dispute: the regulator is offered as such.
      #expect(ca.nextRoutes.map(\.id) == ["market-regulator", "arbitration", "court"], "\(kind)")
      let mr = status(
        washer(
          filed: "2026-10-10", accepted: "2026-10-12", events: [("2026-10-20", kind)], venue: .marketRegulator
        ),
        today: "2026-12-07")
      #expect(mr.clocks.allSatisfy { $0.status == .closed }, "\(kind)")
      #expect(mr.nextRoutes.map(\.id) == ["consumer-association", "arbitration", "court"], "\(kind)")
    }
    // With a settlement recorded, nothing more is offered.
    var settled = washer(filed: "2026-10-10", events: [("2026-10-20", .closed)])
    settled.negotiation?.settlement = Settlement()
    settled.negotiation?.settlement?.reached = true
    #expect(status(settled, today: "2026-12-07").nextRoutes.isEmpty)
    // Waiting or answered cases are offered no routes.
    #expect(status(washer(filed: "2026-12-01"), today: "2026-12-02").nextRoutes.isEmpty)
  }

  // MARK: State boundaries (cli.md: overdue < 0 ≤ due-soon ≤ 3 < waiting)

  @Test(arguments: [
    ("2026-10-23", 4, CaseState.waiting),
    ("2026-10-24", 3, CaseState.dueSoon),
    ("2026-10-27", 0, CaseState.dueSoon),
    ("2026-10-28", -1, CaseState.overdue),
  ])
  func stateBoundaries(today: String, daysLeft: Int, state: CaseState) {
    let s = status(washer(filed: "2026-10-10", accepted: "2026-10-12"), today: today)
    #expect(s.due == Self.day("2026-10-27"))
    #expect(s.daysLeft == daysLeft)
    #expect(s.state == state)
  }

  @Test func aDueDayInAYearWithoutDataIsFlagged() {
    let s = status(washer(filed: "2026-12-20"), today: "2026-12-21")
    #expect(s.due == Self.day("2027-01-04"))
    #expect(s.yearsWithoutData == [2027])
    #expect(s.calendarName == "cn")
  }
}
