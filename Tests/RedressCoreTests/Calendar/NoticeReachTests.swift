import Foundation
import RedressCore
import RedressTestSupport
import Testing

/// A year with no State Council notice counts on the statute's holidays alone; the notice may
/// still add rest days around them (补假, 调休). `notice_reach` in the statute file bounds
/// those days, so that a refusal is only made when no notice could undo it.
@Suite struct NoticeReachTests {
  static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

  let cn: HolidayCalendar
  init() throws { cn = try HolidayCalendarLoader.load(name: "cn", legal: RuleFixtures.legal) }

  @Test func theShippedStatuteGivesTheWidestReachOfTheNoticesOnFile() throws {
    let reach = try #require(cn.statute?.noticeReach)
    #expect(reach == StatutoryHolidays.NoticeReach(before: 2, after: 6))
    // Every notice on file stays within it: each notice-only rest day on a weekday lies at
    // most `before` days before or `after` days after a statutory day of its year.
    let statute = try #require(cn.statute)
    for year in cn.coveredYears {
      let statutory = statute.holidays(in: year).flatMap { h in
        stride(from: h.rest.lowerBound.julianDay, through: h.rest.upperBound.julianDay, by: 1).map { $0 }
      }
      let notice = try #require(cn.years[year])
      for holiday in notice.holidays {
        var j = holiday.rest.lowerBound.julianDay
        while j <= holiday.rest.upperBound.julianDay {
          defer { j += 1 }
          let d = CalendarDate(julianDay: j)
          if d.isWeekend || statutory.contains(j) { continue }
          let reached = statutory.contains { j >= $0 - reach.before && j <= $0 + reach.after }
          #expect(reached, "\(d.iso) (\(holiday.name), \(year)) lies outside the reach")
        }
      }
    }
  }

  /// 2027 has no notice: 春节 is 2027-02-05..08 by the statute.
  @Test func daysAroundAHolidayOfAYearWithoutANoticeMayBecomeRestDays() {
    for (iso, rest, may) in [
      ("2027-02-02", false, false),  // three days before 除夕
      ("2027-02-03", false, true),  // two days before
      ("2027-02-05", true, true),  // 除夕, by the statute
      ("2027-02-10", false, true),  // Wednesday after the holiday: a working day, for now
      ("2027-02-12", false, true),  // the sixth day after the last statutory day
      ("2027-02-15", false, false),  // Monday: past the reach
      ("2027-03-10", false, false),  // an ordinary Wednesday
    ] {
      let j = Self.day(iso).julianDay
      #expect(cn.isRestDay(julianDay: j) == rest, "\(iso)")
      #expect(cn.mayBeRestDay(julianDay: j) == may, "\(iso)")
    }
    // The neighbouring 元旦 of a year without a notice reaches back into December.
    #expect(cn.mayBeRestDay(julianDay: Self.day("2026-12-31").julianDay))
  }

  @Test func aYearWithANoticeIsAsTheNoticeSays() {
    // 2026-02-24 and 2026-02-28 (a make-up Saturday) are working days by the 2026 notice.
    for iso in ["2026-02-24", "2026-02-28", "2026-10-08", "2026-10-10"] {
      let j = Self.day(iso).julianDay
      #expect(!cn.mayBeRestDay(julianDay: j), "\(iso)")
      #expect(cn.mayBeRestDay(julianDay: j) == cn.isRestDay(julianDay: j), "\(iso)")
    }
  }

  @Test func theLatestRolledDayPassesEveryDayANoticeMayStillMakeARestDay() {
    let calculator = DeadlineCalculator(calendar: cn)
    let end = Self.day("2027-02-10")
    #expect(calculator.rolledToWorkingDay(end).due == end)
    let latest = calculator.latestRolledToWorkingDay(end)
    #expect(latest.due == Self.day("2027-02-15"))
    #expect(latest.yearsWithoutData == [2027])
    // Where every notice is on file, both are the same day.
    let national = Self.day("2026-10-03")
    #expect(calculator.latestRolledToWorkingDay(national).due == Self.day("2026-10-08"))
    #expect(calculator.rolledToWorkingDay(national).due == Self.day("2026-10-08"))
  }

  @Test func withoutAReachOnlyTheStatutesDaysCount() throws {
    var statute = try #require(cn.statute)
    statute.noticeReach = nil
    let plain = HolidayCalendar(name: "cn", years: [], statute: statute)
    for iso in ["2027-02-03", "2027-02-10", "2027-02-05"] {
      let j = Self.day(iso).julianDay
      #expect(plain.mayBeRestDay(julianDay: j) == plain.isRestDay(julianDay: j), "\(iso)")
    }
  }

  @Test func aBrokenReachIsReportedWithItsLine() throws {
    let problems = try #require(
      try StatutoryHolidaysTests.statuteProblems(
        """
        schema: 1
        calendar: cn
        registry: cn
        citations: [{source: holiday-measures, article: 第二条, confidence: regulation}]
        notice_reach:
          before: -1
          later: 3
        texts: []
        """))
    let text = problems.joined(separator: "\n")
    #expect(text.contains("statute.yaml:6:") && text.contains("notice_reach.before"), "\(text)")
    #expect(text.contains("statute.yaml:7:") && text.contains("later"), "\(text)")
    #expect(text.contains("missing key 'after'"), "\(text)")
  }
}
