import Foundation
import RedressCore
import RedressTestSupport
import Testing

/// The shipped `cn` calendar (legal/calendars/cn/) and the loader's checks.
@Suite struct HolidayCalendarTests {
  static let legal = Fixtures.repositoryRoot.appendingPathComponent("legal")

  /// Everything under legal/calendars/cn/.
  static func shipped() throws -> HolidayCalendar { try HolidayCalendarLoader.load(name: "cn", legal: legal) }

  /// The shipped calendar as these tests were written for it: 2024 to 2026. Year files added
  /// later (from new State Council notices) are left out, so that 2027 stays "a year without
  /// data" here and adding a year remains a data change only.
  static func cn() throws -> HolidayCalendar {
    let all = try shipped()
    return HolidayCalendar(name: all.name, years: all.years.values.filter { (2024...2026).contains($0.year) })
  }

  static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

  @Test func shipsTwentyTwentyFourOnwards() throws {
    let cn = try Self.shipped()
    #expect(Set([2024, 2025, 2026]).isSubset(of: cn.coveredYears))
    #expect(try Self.cn().coveredYears == [2024, 2025, 2026])
    #expect(HolidayCalendarLoader.availableCalendars(in: Self.legal).contains("cn"))
    for year in cn.years.values {
      #expect(year.notice.url.hasPrefix("https://www.gov.cn/"))
      #expect(year.notice.title.contains("\(year.year)年部分节假日安排"))
      #expect(year.file == "legal/calendars/cn/\(year.year).yaml")
    }
    #expect(cn.years[2025]?.notice.number == "国办发明电〔2024〕12号")
    #expect(cn.years[2024]?.notice.number == "国办发明电〔2023〕7号")
  }

  /// Every rest day and make-up working day of the holiday table in rules.md, and nothing else.
  @Test func matchesTheHolidayTableOfTheContract() throws {
    let table: [Int: (rest: [(String, String)], work: [String])] = [
      2024: (
        [
          ("01-01", "01-01"), ("02-10", "02-17"), ("04-04", "04-06"), ("05-01", "05-05"), ("06-10", "06-10"),
          ("09-15", "09-17"), ("10-01", "10-07"),
        ], ["02-04", "02-18", "04-07", "04-28", "05-11", "09-14", "09-29", "10-12"]
      ),
      2025: (
        [
          ("01-01", "01-01"), ("01-28", "02-04"), ("04-04", "04-06"), ("05-01", "05-05"), ("05-31", "06-02"),
          ("10-01", "10-08"),
        ], ["01-26", "02-08", "04-27", "09-28", "10-11"]
      ),
      2026: (
        [
          ("01-01", "01-03"), ("02-15", "02-23"), ("04-04", "04-06"), ("05-01", "05-05"), ("06-19", "06-21"),
          ("09-25", "09-27"), ("10-01", "10-07"),
        ], ["01-04", "02-14", "02-28", "05-09", "09-20", "10-10"]
      ),
    ]
    let cn = try Self.cn()
    for (year, expected) in table {
      var rest: Set<CalendarDate> = []
      for (a, b) in expected.rest {
        var d = Self.day("\(year)-\(a)")
        while d <= Self.day("\(year)-\(b)") {
          rest.insert(d)
          d = d.adding(days: 1)
        }
      }
      let work = Set(expected.work.map { Self.day("\(year)-\($0)") })
      var d = Self.day("\(year)-01-01")
      while d.year == year {
        let restDay = rest.contains(d) || (d.isWeekend && !work.contains(d))
        #expect(cn.isRestDay(d) == restDay, "\(d.iso)")
        d = d.adding(days: 1)
      }
    }
  }

  @Test func namesTheKindOfDay() throws {
    let cn = try Self.cn()
    #expect(cn.kind(of: Self.day("2025-01-29")) == .holiday("春节"))
    #expect(cn.kind(of: Self.day("2025-02-08")) == .makeUpWorkday("春节"))
    #expect(cn.kind(of: Self.day("2025-02-09")) == .weekend)
    #expect(cn.kind(of: Self.day("2025-02-10")) == .workday)
    // 2024's New Year's Eve (除夕, 2024-02-09, a Friday) was officially a working day.
    #expect(cn.kind(of: Self.day("2024-02-09")) == .workday)
    // A year with no file: weekends only.
    #expect(!cn.hasData(forYear: 2027))
    #expect(cn.kind(of: Self.day("2027-01-01")) == .workday)
    #expect(cn.kind(of: Self.day("2027-01-02")) == .weekend)
  }

  /// The day table that deadline counting reads (`isRestDay(julianDay:)`,
  /// `hasData(julianDay:)`) says what `kind(of:)` and `hasData(forYear:)` say, on every day
  /// around the covered years, with a gap year, and with a holiday announced outside them.
  @Test func theDayTableAgreesWithTheHolidays() throws {
    let all = try Self.shipped()
    let gapped = HolidayCalendar(
      name: "cn", years: all.years.values.filter { [2024, 2026].contains($0.year) })
    let notice = HolidayCalendar.Notice(title: "t", date: Self.day("2030-01-01"), url: "https://example.org")
    let outside = HolidayCalendar(
      name: "x",
      years: [
        HolidayCalendar.Year(
          year: 2030, notice: notice,
          holidays: [
            HolidayCalendar.Holiday(
              name: "跨年", rest: Self.day("2030-12-30")...Self.day("2031-01-02"),
              makeUpWorkingDays: [Self.day("2029-12-29")])
          ], file: "2030.yaml")
      ])
    let empty = HolidayCalendar(name: "none", years: [])
    let ranges = [
      (all, Self.day("2022-12-01"), Self.day("2028-01-31")),
      (gapped, Self.day("2023-12-01"), Self.day("2027-01-31")),
      (outside, Self.day("2029-12-01"), Self.day("2031-01-31")),
      (empty, Self.day("2026-01-01"), Self.day("2026-03-01")),
    ]
    for (calendar, from, to) in ranges {
      for j in from.julianDay...to.julianDay {
        let day = CalendarDate(julianDay: j)
        #expect(
          calendar.isRestDay(julianDay: j) == calendar.kind(of: day).isRestDay, "\(calendar.name) \(day)")
        #expect(calendar.isRestDay(day) == calendar.kind(of: day).isRestDay)
        #expect(
          calendar.hasData(julianDay: j) == calendar.hasData(forYear: day.year), "\(calendar.name) \(day)")
      }
    }
    #expect(!gapped.hasData(julianDay: Self.day("2025-06-01").julianDay))
    #expect(outside.isRestDay(Self.day("2031-01-02")))
    #expect(!outside.isRestDay(Self.day("2029-12-29")))
  }

  // MARK: The loader rejects bad year files with file, line and column

  /// Writes `files` into a fresh `legal/calendars/<name>/` and loads it.
  static func load(_ files: [String: String], name: String = "test") throws -> HolidayCalendar {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redress-cal-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let folder = root.appendingPathComponent("calendars/\(name)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (file, text) in files {
      try Data(text.utf8).write(to: folder.appendingPathComponent(file))
    }
    return try HolidayCalendarLoader.load(name: name, legal: root)
  }

  static func diagnostics(_ files: [String: String]) -> [String] {
    do {
      _ = try load(files)
      return []
    } catch let error as DiagnosticsError {
      return error.diagnostics.map(\.description)
    } catch {
      return ["unexpected: \(error)"]
    }
  }

  static let header = """
    schema: 1
    calendar: test
    year: 2030
    notice:
      title: 国务院办公厅关于2030年部分节假日安排的通知
      date: 2029-11-01
      url: https://www.gov.cn/example

    """

  @Test func acceptsAWellFormedFile() throws {
    let cal = try Self.load([
      "2030.yaml": Self.header + """
        holidays:
          - name: 春节
            rest: {from: 2030-02-02, to: 2030-02-08}
            make_up_working_days: [2030-01-26, 2030-02-09]
          - name: 元旦
            rest: 2030-01-01
        """
    ])
    #expect(cal.isRestDay(Self.day("2030-02-04")))
    #expect(!cal.isRestDay(Self.day("2030-02-09")))
    #expect(cal.years[2030]?.holidays.map(\.name) == ["元旦", "春节"])
  }

  @Test func rejectsAMalformedFileWithFileAndLine() {
    let problems = Self.diagnostics([
      "2030.yaml": Self.header + """
        holidays:
          - name: 春节
            rest: {from: 2030-02-02, to: 2030-02-08}
            make_up_working_days: [2030-02-02, 2030-01-28]
          - name: 元宵
            rest: {from: 2030-02-08, to: 2030-02-31}
          - name: 国庆节
            rest: {from: 2030-10-01, to: 2031-10-07}
            makeup_days: []
          - name: 劳动节
            rest: 2030-05-01
            make_up_working_days: [2030-05-12, 2030-05-12]
        """
    ])
    let file = "legal/calendars/test/2030.yaml"
    let sorted = problems.sorted { Self.position($0).lexicographicallyPrecedes(Self.position($1)) }
    #expect(
      sorted == [
        "\(file):11:28: error: holidays[0].make_up_working_days[0]: 2030-02-02 is listed as a make-up working day of 春节 but is also a rest day of 春节 (line 10)",
        "\(file):11:40: error: holidays[0].make_up_working_days[1]: 2030-01-28 is a Monday; a make-up working day (调休上班) is a Saturday or Sunday",
        "\(file):13:34: error: holidays[1].rest.to: \"2030-02-31\" is not a day of the calendar",
        "\(file):15:34: error: holidays[2].rest.to: 2031-10-07 is not in 2030 nor within 7 days of it; each file holds its own year's notice (put it in 2031.yaml)",
        "\(file):16:5: error: holidays[2].makeup_days: unknown key 'makeup_days'; expected one of: name, name_en, rest, make_up_working_days, note",
        "\(file):19:40: error: holidays[3].make_up_working_days[1]: 2030-05-12 is already a make-up working day of 劳动节 (line 19)",
      ])
  }

  /// (line, column) of a diagnostic's text.
  static func position(_ s: String) -> [Int] {
    s.split(separator: ":").dropFirst().prefix(2).map { Int($0) ?? 0 }
  }

  @Test func rejectsOverlapsAndAMisnamedYear() {
    let problems = Self.diagnostics([
      "2030.yaml": Self.header + """
        holidays:
          - name: 国庆节
            rest: {from: 2030-10-01, to: 2030-10-07}
          - name: 中秋节
            rest: {from: 2030-10-06, to: 2030-10-08}
        """,
      "2031.yaml": Self.header + "holidays:\n  - name: 元旦\n    rest: 2031-01-01\n",
      "2030-draft.yaml": "schema: 1\n",
    ])
    #expect(
      problems.contains(
        "legal/calendars/test/2030-draft.yaml: error: a year file must be named after its year, such as 2027.yaml"
      ))
    #expect(
      problems.contains(
        "legal/calendars/test/2031.yaml:3:7: error: year: the file is named 2031.yaml but says year 2030"))
    #expect(
      problems.contains {
        $0.hasPrefix(
          "legal/calendars/test/2030.yaml:12:11: error: holidays[1].rest: 2030-10-06 is already a rest day of 国庆节"
        )
      }, "\(problems)")
  }

  @Test func rejectsMissingPartsAndANewerSchema() {
    let problems = Self.diagnostics([
      "2030.yaml": """
      schema: 2
      calendar: cn
      year: 2030
      holidays:
        - rest: 2030-01-01
      """
    ])
    let file = "legal/calendars/test/2030.yaml"
    #expect(
      problems.contains(
        "\(file):1:9: error: schema: schema 2 is newer than this redress reads (1): update redress"))
    #expect(
      problems.contains(
        "\(file):2:11: error: calendar: this file is in the folder of calendar 'test' but says 'cn'"))
    #expect(problems.contains("\(file):1:1: error: notice: missing key 'notice'"))
    // A missing key is reported at the mapping that lacks it.
    #expect(problems.contains("\(file):5:5: error: holidays[0].name: missing key 'name'"))
  }

  @Test func reportsYAMLSyntaxErrorsWithTheirLine() {
    let problems = Self.diagnostics(["2030.yaml": Self.header + "holidays:\n  - name: [春节\n"])
    #expect(problems.count == 1)
    #expect(problems.first?.hasPrefix("legal/calendars/test/2030.yaml:") == true)
    #expect(problems.first?.contains("YAML syntax") == true)
  }

  @Test func unknownCalendarListsTheKnownOnes() {
    let error = #expect(throws: HolidayCalendarLoader.UnknownCalendar.self) {
      try HolidayCalendarLoader.load(name: "tw", legal: Self.legal)
    }
    #expect(error?.description == "no holiday calendar 'tw'; available: cn")
  }

  /// `contents` tells from the file names alone what `load` reads: the same years, the statute.
  @Test func contentsNameTheYearsLoadReads() throws {
    let loaded = try Self.shipped()
    let listed = try #require(HolidayCalendarLoader.contents(name: "cn", legal: Self.legal))
    #expect(listed.years == Set(loaded.years.keys))
    #expect(listed.statute == (loaded.statute != nil))
    #expect(HolidayCalendarLoader.contents(name: "tw", legal: Self.legal) == nil)
    // An imported notice counts; a file that is not a year file does not.
    let imported = FileManager.default.temporaryDirectory.appendingPathComponent(
      "contents-\(UUID().uuidString)", isDirectory: true)
    defer { try? FileManager.default.removeItem(at: imported) }
    try FileManager.default.createDirectory(
      at: imported.appendingPathComponent("cn"), withIntermediateDirectories: true)
    for name in ["2031.yaml", "notes.yaml", "2032.yml", "203x.yaml"] {
      try Data("x".utf8).write(to: imported.appendingPathComponent("cn/\(name)"))
    }
    let both = try #require(HolidayCalendarLoader.contents(name: "cn", legal: Self.legal, imported: imported))
    #expect(both.years == listed.years.union([2031]))
  }
}
