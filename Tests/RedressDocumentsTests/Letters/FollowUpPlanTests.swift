import Foundation
import RedressCore
import RedressTestSupport
import Testing

@testable import RedressDocuments

@Suite struct FollowUpPlanTests {
  func filed(_ url: URL, filed: String, accepted: String? = nil) throws -> CaseFile {
    var c = try LoadedCase.load(contentsOf: url).caseFile
    var f = Filing()
    f.filedOn = CalendarDate(iso: filed)
    f.acceptedOn = accepted.flatMap { CalendarDate(iso: $0) }
    f.reference = "SZ2026102500017"
    c.filing = f
    return c
  }

  @Test func anUnfiledCaseHasNoFollowUp() throws {
    let c = try LoadedCase.load(contentsOf: Fixtures.foodAgentCase).caseFile
    #expect(throws: FollowUpPlan.NotFiled.self) {
      try FollowUpPlan.make(for: c, today: CalendarDate(iso: "2026-11-22")!, calendar: WeekdayCalendar())
    }
  }

  @Test func regulatorDecisionWindowIsSevenWorkingDays() throws {
    // Filed Friday 2026-10-30: seven working days (weekends skipped) end Tuesday 2026-11-10.
    let c = try filed(Fixtures.foodAgentCase, filed: "2026-10-30")
    let plan = try FollowUpPlan.make(for: c, today: CalendarDate(iso: "2026-11-22")!, calendar: WeekdayCalendar())
    #expect(plan.window == .marketRegulatorDecision)
    #expect(plan.due.iso == "2026-11-10")
    #expect(plan.passed)
    #expect(plan.daysOverdue == 12)
    // Today + 7 = Sunday 2026-11-29, moved to Monday.
    #expect(plan.replyBy.iso == "2026-11-30")
  }

  @Test func regulatorMediationWindowIsSixtyDaysFromAcceptance() throws {
    let c = try filed(Fixtures.foodAgentCase, filed: "2026-09-01", accepted: "2026-09-07")
    let plan = try FollowUpPlan.make(for: c, today: CalendarDate(iso: "2026-11-22")!, calendar: WeekdayCalendar())
    #expect(plan.window == .marketRegulatorMediation)
    #expect(plan.due.iso == "2026-11-06")
    #expect(plan.passed)
  }

  @Test func associationWindowIsFifteenDaysAndAResponseClosesIt() throws {
    let c = try LoadedCase.load(contentsOf: Fixtures.washerCase).caseFile
    let plan = try FollowUpPlan.make(for: c, today: CalendarDate(iso: "2026-11-22")!, calendar: WeekdayCalendar())
    #expect(plan.window == .consumerAssociationResponse)
    // Accepted Monday 2026-10-12 + 15 days = Tuesday 2026-10-27.
    #expect(plan.due.iso == "2026-10-27")
    #expect(plan.closedBy == "response 2026-10-20")
  }

  @Test func aWindowNotYetPassedSaysSo() throws {
    let c = try filed(Fixtures.foodAgentCase, filed: "2026-11-18")
    let plan = try FollowUpPlan.make(for: c, today: CalendarDate(iso: "2026-11-22")!, calendar: WeekdayCalendar())
    #expect(!plan.passed)
    #expect(plan.due.iso == "2026-11-27")
  }
}
