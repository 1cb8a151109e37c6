import Foundation
import RedressCore
import RedressTestSupport
import Testing

@testable import RedressDocuments

@Suite struct FollowUpPlanTests {
  /// The clock engine on the real `legal/` data (the cn clocks and holiday calendar).
  static let tracker: CaseTracker = {
    let legal = Fixtures.repositoryRoot.appendingPathComponent("legal")
    let catalog = try! ClockCatalogLoader.load(jurisdiction: "cn", legal: legal)
    return CaseTracker(
      catalog: catalog, calendar: try! HolidayCalendarLoader.load(name: catalog.calendar, legal: legal))
  }()

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
    #expect(throws: FollowUpPlan.Refusal.notFiled) {
      try FollowUpPlan.make(for: c, today: CalendarDate(iso: "2026-11-22")!, tracker: Self.tracker)
    }
  }

  @Test func regulatorDecisionWindowIsSevenWorkingDays() throws {
    // Filed Friday 2026-10-30: seven working days (weekends skipped) end Tuesday 2026-11-10.
    let c = try filed(Fixtures.foodAgentCase, filed: "2026-10-30")
    let plan = try FollowUpPlan.make(for: c, today: CalendarDate(iso: "2026-11-22")!, tracker: Self.tracker)
    #expect(plan.clockID == "cn.samr.accept-decision")
    #expect(!plan.practice)
    #expect(plan.citations.map(\.article).contains("第四十六条第二款"))
    #expect(plan.due.iso == "2026-11-10")
    #expect(plan.passed)
    #expect(plan.daysOverdue == 12)
    // Today + 7 = Sunday 2026-11-29, moved to Monday.
    #expect(plan.replyBy.iso == "2026-11-30")
  }

  @Test func regulatorMediationWindowIsSixtyDaysFromAcceptance() throws {
    let c = try filed(Fixtures.foodAgentCase, filed: "2026-09-01", accepted: "2026-09-07")
    let plan = try FollowUpPlan.make(for: c, today: CalendarDate(iso: "2026-11-22")!, tracker: Self.tracker)
    #expect(plan.clockID == "cn.samr.mediation")
    #expect(plan.due.iso == "2026-11-06")
    #expect(plan.passed)
  }

  @Test func associationWindowIsFifteenDaysAndAResponseClosesIt() throws {
    let c = try LoadedCase.load(contentsOf: Fixtures.washerCase).caseFile
    let plan = try FollowUpPlan.make(for: c, today: CalendarDate(iso: "2026-11-22")!, tracker: Self.tracker)
    #expect(plan.clockID == "cn.cca.response-window")
    #expect(plan.practice)
    // Accepted Monday 2026-10-12 + 15 days = Tuesday 2026-10-27.
    #expect(plan.due.iso == "2026-10-27")
    #expect(plan.closedBy == "response 2026-10-20")
  }

  @Test func holidaysMoveTheDueDay() throws {
    // Filed 2026-09-28 (Monday): seven working days skip 国庆节 (10-01..10-07) and count the
    // make-up Saturday 10-10: 09-29, 09-30, 10-08, 10-09, 10-10, 10-12, 10-13.
    let c = try filed(Fixtures.foodAgentCase, filed: "2026-09-28")
    let plan = try FollowUpPlan.make(for: c, today: CalendarDate(iso: "2026-11-22")!, tracker: Self.tracker)
    #expect(plan.due.iso == "2026-10-13")
    #expect(plan.weekdayOnlyYears.isEmpty)
  }

  @Test func aYearWithoutHolidayDataIsNamed() throws {
    let c = try filed(Fixtures.foodAgentCase, filed: "2027-03-01")
    let plan = try FollowUpPlan.make(for: c, today: CalendarDate(iso: "2027-04-01")!, tracker: Self.tracker)
    #expect(plan.weekdayOnlyYears == [2027])
  }

  @Test func aWindowNotYetPassedSaysSo() throws {
    let c = try filed(Fixtures.foodAgentCase, filed: "2026-11-18")
    let plan = try FollowUpPlan.make(for: c, today: CalendarDate(iso: "2026-11-22")!, tracker: Self.tracker)
    #expect(!plan.passed)
    #expect(plan.due.iso == "2026-11-27")
  }

  /// A due day counted through a year without a notice (2027) is provisional: the letter
  /// words it as reckoned on the statutory holidays and does not assert that it was missed.
  @Test func aProvisionalDueDayIsNotAssertedAsMissed() throws {
    // Seven working days from 2026-12-23 skip 元旦 (fixed by the statute): 2027-01-04.
    let c = try filed(Fixtures.foodAgentCase, filed: "2026-12-23")
    let today = CalendarDate(iso: "2027-01-06")!
    let plan = try FollowUpPlan.make(for: c, today: today, tracker: Self.tracker)
    #expect(plan.due.iso == "2027-01-04")
    #expect(plan.passed)
    #expect(plan.dueProvisional)
    #expect(plan.weekdayOnlyYears == [2027])
    let documents = try CaseDocuments(
      caseFile: c, findings: [], today: today, templates: GoldenDocumentTests.templates)
    let note = "2027年的国务院放假通知尚未收录"
    let context = documents.builder.followUp(plan, calendarNote: note)
    #expect(!context.window.passed)
    #expect(context.window.daysOverdue == nil)
    let text = String(
      decoding: try DocumentFormat.txt.render(try documents.followUp(plan, calendarNote: note)), as: UTF8.self
    )
    #expect(!text.contains("已超过上述期限"))
    #expect(text.contains("截至2027年1月6日，投诉人尚未收到处理结果。"))
    #expect(text.contains("注：\(note)"))
    // The same window counted on a year with a notice is asserted as missed.
    let known = try FollowUpPlan.make(
      for: try filed(Fixtures.foodAgentCase, filed: "2026-10-30"), today: CalendarDate(iso: "2026-11-22")!,
      tracker: Self.tracker)
    #expect(!known.dueProvisional)
  }
}
