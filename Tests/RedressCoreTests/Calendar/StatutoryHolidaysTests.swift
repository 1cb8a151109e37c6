import Foundation
import RedressCore
import RedressTestSupport
import Testing

/// The statutory fallback (legal/calendars/cn/statute.yaml) and the notices of 2020–2023.
@Suite struct StatutoryHolidaysTests {
  static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

  static func restDays(_ statute: StatutoryHolidays, _ year: Int) -> [String] {
    statute.holidays(in: year).flatMap { h in
      stride(from: h.rest.lowerBound.julianDay, through: h.rest.upperBound.julianDay, by: 1).map {
        "\(CalendarDate(julianDay: $0).iso) \(h.name)"
      }
    }
  }

  @Test func eachYearIsGovernedByTheTextInForceThatYear() throws {
    let statute = try #require(try HolidayCalendarTests.shipped().statute)
    #expect(statute.title == "《全国年节及纪念日放假办法》")
    #expect(statute.article == "第二条")
    // Cited through the registry of legal/cn/pack.yaml, like every citation under legal/.
    #expect(statute.citations.map(\.sourceKey) == ["holiday-measures"])
    #expect(statute.citations.map(\.confidence) == [.regulation])
    #expect(statute.text(for: 2013) == nil)
    #expect(statute.text(for: 2024)?.revision.hasPrefix("2013年12月11日修订") == true)
    #expect(statute.text(for: 2025)?.revision.hasPrefix("2024年11月10日修订") == true)
    // 2024 (the 2013 text): no 除夕 (2024-02-09), 劳动节 one day.
    let y2024 = Self.restDays(statute, 2024)
    #expect(!y2024.contains("2024-02-09 春节"))
    #expect(y2024.contains("2024-02-10 春节") && y2024.contains("2024-02-12 春节"))
    #expect(y2024.contains("2024-05-01 劳动节") && !y2024.contains("2024-05-02 劳动节"))
    // 2027 (the 2024 text): 除夕 2027-02-05, 初一 02-06; 劳动节 two days.
    #expect(
      Self.restDays(statute, 2027) == [
        "2027-01-01 元旦", "2027-02-05 春节", "2027-02-06 春节", "2027-02-07 春节", "2027-02-08 春节",
        "2027-04-05 清明节", "2027-05-01 劳动节", "2027-05-02 劳动节", "2027-06-09 端午节", "2027-09-15 中秋节",
        "2027-10-01 国庆节", "2027-10-02 国庆节", "2027-10-03 国庆节",
      ])
  }

  /// 中秋 on one of 1–3 October is one rest day named after both holidays, not two.
  @Test func aDayOfTwoHolidaysIsNamedAfterBoth() throws {
    let statute = try #require(try HolidayCalendarTests.shipped().statute)
    let year = try #require(
      (2027...2100).first { y in
        let mid = StatutoryHolidays.date(of: .lunar(month: 8, day: 15), year: y)!
        return mid.month == 10 && mid.day <= 3
      })
    let days = Self.restDays(statute, year)
    #expect(days.count == 12, "\(year): \(days)")
    #expect(days.contains { $0.hasSuffix("中秋节、国庆节") }, "\(year): \(days)")
  }

  /// Years past the calendar's table (the last notice + 30) are computed when asked about.
  @Test func farYearsCountOnTheStatuteToo() throws {
    let cn = try HolidayCalendarTests.shipped()
    let year = (cn.coveredYears.max() ?? 2026) + 60
    let national = CalendarDate(year: year, month: 10, day: 2)!
    #expect(cn.isRestDay(national))
    #expect(cn.kind(of: national) == .holiday("国庆节"))
    #expect(cn.basis(of: national) == .statute)
    #expect(!cn.hasData(julianDay: national.julianDay))
    let newYear = try #require(StatutoryHolidays.date(of: .lunar(month: 1, day: 1), year: year))
    #expect(cn.isRestDay(newYear))
    // A count through it is provisional and skips the holidays.
    let d = try DeadlineCalculator(calendar: cn).deadline(
      from: CalendarDate(year: year, month: 9, day: 29)!, length: 3, unit: .workingDays)
    #expect(d.provisional)
    #expect(d.yearsWithoutNotice == [year])
    #expect(d.due > CalendarDate(year: year, month: 10, day: 3)!)
  }

  @Test func theNoticesOf2020To2023() throws {
    let cn = try HolidayCalendarTests.shipped()
    let numbers = [
      2020: "国办发明电〔2019〕16号", 2021: "国办发明电〔2020〕27号", 2022: "国办发明电〔2021〕11号",
      2023: "国办发明电〔2022〕16号",
    ]
    for (year, number) in numbers {
      #expect(cn.years[year]?.notice.number == number)
    }
    // 2020: the Spring Festival extension (国办发明电〔2020〕1号) made 01-31..02-02 rest days and
    // cancelled the make-up Saturday 02-01.
    let y2020 = try #require(cn.years[2020])
    #expect(y2020.amendments.map(\.number) == ["国办发明电〔2020〕1号"])
    #expect(y2020.amendments.first?.date == Self.day("2020-01-26"))
    #expect(y2020.latestNoticeDate == Self.day("2020-01-26"))
    for iso in ["2020-01-31", "2020-02-01", "2020-02-02"] {
      #expect(cn.kind(of: Self.day(iso)) == .holiday("春节"))
    }
    #expect(cn.isWorkingDay(Self.day("2020-02-03")))
    // 2023's 元旦 began on 2022-12-31, a day of its notice outside its year.
    #expect(cn.kind(of: Self.day("2022-12-31")) == .holiday("元旦"))
    #expect(cn.basis(of: Self.day("2022-12-31")) == .notice)
    // Every year from 2020 has a notice: nothing counted there is provisional.
    let d = try DeadlineCalculator(calendar: cn).deadline(
      from: Self.day("2020-01-02"), length: 2000, unit: .days)
    #expect(!d.provisional)
  }

  /// A statute file names the jurisdiction whose registry its citations resolve in.
  /// The problems `readStatute` reports for a statute file of `text` (nil when it reads).
  static func statuteProblems(_ text: String) throws -> [String]? {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "statute-\(UUID().uuidString).yaml")
    defer { try? FileManager.default.removeItem(at: url) }
    try Data(text.utf8).write(to: url)
    do {
      _ = try HolidayCalendarLoader.readStatute(
        contentsOf: url, file: "statute.yaml", calendar: "cn", legal: RuleFixtures.legal)
      return nil
    } catch let error as DiagnosticsError {
      return error.diagnostics.map(\.description)
    }
  }

  /// A statute file names the jurisdiction whose registry its citations resolve in.
  @Test func anUnknownRegistryIsRefused() throws {
    let problems = try Self.statuteProblems(
      """
      schema: 1
      calendar: cn
      registry: xx
      citations: [{source: holiday-measures, article: 第二条, confidence: regulation}]
      texts: []
      """)
    #expect(
      problems == [
        "statute.yaml:3:11: error: registry: no legal/xx/pack.yaml: 'registry' names the jurisdiction whose pack.yaml lists the statute under 'sources'"
      ])
  }

  @Test func aBrokenStatuteFileIsReportedWithItsLine() throws {
    let text = try #require(
      try Self.statuteProblems(
        """
        schema: 1
        calendar: cn
        registry: cn
        citations: [{source: holiday-measures, article: 第二条, confidence: statute}]
        texts:
          - from: 2025
            revision: test
            holidays:
              - {name: 春节, days: [lunar 13-01, lunar eve]}
              - {name: 清明节, days: [solar-term guyu]}
          - from: 2014
            revision: old
            holidays: []
        """)
    ).joined(separator: "\n")
    #expect(text.contains("statute.yaml:9:") && text.contains("got \"lunar 13-01\""))
    #expect(text.contains("statute.yaml:10:") && text.contains("got \"solar-term guyu\""))
    #expect(text.contains("both govern 2025"))
    #expect(
      text.contains(
        "citations[0].confidence: 'holiday-measures' is a source of kind regulation; a citation of it cannot claim statute"
      ))
  }
}
