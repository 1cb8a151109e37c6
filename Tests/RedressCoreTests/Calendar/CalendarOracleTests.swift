import Foundation
import RedressCore
import RedressTestSupport
import Testing

/// The calendar day by day against independent implementations from PyPI:
/// - the notices of 2020 to 2026 against `chinesecalendar` (its own table of the State
///   Council notices): every day's kind, rest or working;
/// - the statutory holidays of the years without a notice, 2027 to 2050, against `borax` (a
///   Chinese lunar calendar: 除夕, 春节, 端午, 中秋) and `ephem` (an astronomy library: the
///   day the Sun reaches apparent longitude 15°, 清明, in Beijing time).
@Suite struct CalendarOracleTests {
  static let available = Fixtures.python != nil || Fixtures.isCI

  /// `YYYY-MM-DD 0|1` for every day of 2020–2026 (1: a working day).
  static let noticeScript = #"""
    import datetime, sys
    import chinese_calendar as cc
    day, last = datetime.date(2020, 1, 1), datetime.date(2026, 12, 31)
    out = []
    while day <= last:
        out.append(f"{day} {1 if cc.is_workday(day) else 0}")
        day += datetime.timedelta(days=1)
    sys.stdout.write("\n".join(out) + "\n")
    """#

  @Test(.enabled(if: available, "needs Python with chinesecalendar (make test-deps)"))
  func everyDayOf2020To2026AgreesWithChineseCalendar() throws {
    let calendar = try HolidayCalendarTests.shipped()
    let run = try ProcessRunner.python(Self.noticeScript)
    try #require(run.exitCode == 0, "the oracle failed: \(run.stderr)")
    var compared = 0
    var mismatches: [String] = []
    for line in run.stdout.split(separator: "\n") {
      let f = line.split(separator: " ")
      let day = try #require(CalendarDate(iso: f[0]))
      let working = f[1] == "1"
      #expect(calendar.hasNotice(forYear: day.year), "\(day.year) has no notice")
      if calendar.isWorkingDay(day) != working {
        mismatches.append(
          "\(day.iso): chinesecalendar \(working ? "working" : "rest"), redress \(calendar.kind(of: day))")
      }
      compared += 1
    }
    #expect(compared == 2557, "compared \(compared) days")
    #expect(
      mismatches.isEmpty, "\(mismatches.count) days differ:\n\(mismatches.prefix(30).joined(separator: "\n"))"
    )
  }

  /// Per year: `year eve newyear duanwu zhongqiu qingming eveLunarDay` from borax and ephem.
  static let statuteScript = #"""
    import datetime, math, sys
    import ephem
    from borax.calendars.lunardate import LunarDate

    def qingming(year):
        # Bisection on the Sun's apparent ecliptic longitude (of date) reaching 15 degrees.
        def lon(d):
            s = ephem.Sun()
            s.compute(d, epoch=d)
            return math.degrees(ephem.Ecliptic(s, epoch=d).lon)
        lo, hi = ephem.Date(datetime.datetime(year, 3, 30)), ephem.Date(datetime.datetime(year, 4, 10))
        for _ in range(60):
            mid = (lo + hi) / 2
            if lon(mid) < 15:
                lo = mid
            else:
                hi = mid
        return (ephem.Date(lo).datetime() + datetime.timedelta(hours=8)).date()

    first, last = int(sys.argv[1]), int(sys.argv[2])
    for year in range(first, last + 1):
        new_year = LunarDate(year, 1, 1).to_solar_date()
        eve = new_year - datetime.timedelta(days=1)
        eve_lunar = LunarDate.from_solar_date(eve.year, eve.month, eve.day)
        assert eve_lunar.month == 12 and not eve_lunar.leap, eve_lunar
        duanwu = LunarDate(year, 5, 5, 0).to_solar_date()
        zhongqiu = LunarDate(year, 8, 15, 0).to_solar_date()
        print(year, eve, new_year, duanwu, zhongqiu, qingming(year), eve_lunar.day)
    """#

  @Test(.enabled(if: available, "needs Python with borax and ephem (make test-deps)"))
  func statutoryHolidaysTo2050AgreeWithBoraxAndEphem() throws {
    let calendar = try HolidayCalendarTests.shipped()
    let statute = try #require(calendar.statute, "legal/calendars/cn/statute.yaml is missing")
    let first = (calendar.coveredYears.max() ?? 2026) + 1
    let run = try ProcessRunner.python(Self.statuteScript, [String(first), "2050"])
    try #require(run.exitCode == 0, "the oracle failed: \(run.stderr)")
    var years = 0
    var eveDays: Set<String> = []
    for line in run.stdout.split(separator: "\n") {
      let f = line.split(separator: " ").map(String.init)
      try #require(f.count == 7, "unexpected oracle line: \(line)")
      let year = try #require(Int(f[0]))
      let eve = try #require(CalendarDate(iso: f[1]))
      let newYear = try #require(CalendarDate(iso: f[2]))
      let duanwu = try #require(CalendarDate(iso: f[3]))
      let zhongqiu = try #require(CalendarDate(iso: f[4]))
      let qingming = try #require(CalendarDate(iso: f[5]))
      eveDays.insert(f[6])
      #expect(StatutoryHolidays.date(of: .lunarEve, year: year) == eve, "\(year) 除夕")
      #expect(StatutoryHolidays.date(of: .lunar(month: 1, day: 1), year: year) == newYear, "\(year) 春节")
      #expect(StatutoryHolidays.date(of: .lunar(month: 5, day: 5), year: year) == duanwu, "\(year) 端午")
      #expect(StatutoryHolidays.date(of: .lunar(month: 8, day: 15), year: year) == zhongqiu, "\(year) 中秋")
      #expect(SolarTerms.day(longitude: 15, year: year) == qingming, "\(year) 清明")
      // The calendar itself: exactly these days and the fixed ones are statutory rest days.
      var expected: Set<CalendarDate> = [eve, qingming, duanwu, zhongqiu]
      for offset in 0..<3 { expected.insert(newYear.adding(days: offset)) }
      for (m, d) in [(1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3)] {
        expected.insert(CalendarDate(year: year, month: m, day: d)!)
      }
      var found: Set<CalendarDate> = []
      for holiday in statute.holidays(in: year) {
        var day = holiday.rest.lowerBound
        while day <= holiday.rest.upperBound {
          found.insert(day)
          day = day.adding(days: 1)
        }
      }
      #expect(found == expected, "\(year): statute gives \(found.sorted()), oracles \(expected.sorted())")
      for day in expected {
        #expect(calendar.isRestDay(day), "\(day.iso) is not a rest day")
        #expect(calendar.basis(of: day) == .statute, "\(day.iso) basis")
      }
      years += 1
    }
    #expect(years == 2050 - first + 1, "compared \(years) years")
    // Both lengths of the twelfth month occur over these years: 除夕 is not always the 30th.
    #expect(eveDays == ["29", "30"], "除夕 fell on lunar days \(eveDays.sorted())")
  }
}
