import Foundation
import RedressCore
import RedressTestSupport
import Testing

/// The deadline engine against an independent implementation: the `chinesecalendar` package
/// from PyPI (module `chinese_calendar`, its own table of State Council notices), for every
/// start day from 2020-01-01 to 2026-12-31, lengths 1, 5, 7, 15, 30 and 60, in both modes.
/// The comparison runs to the end of the last year both know (2026 today; it grows by itself
/// once a newer year file is added and the package knows that year too); combinations whose
/// count needs a later day are left out by the oracle itself.
@Suite struct DeadlineOracleTests {
  static let lengths = [1, 5, 7, 15, 30, 60]

  /// Prints one line per combination: `start mode length unadjusted due`.
  static let script = #"""
    import datetime, sys
    import chinese_calendar as cc

    lengths = [int(n) for n in sys.argv[1].split(",")]
    # The last year both the package and redress's calendar know.
    year = int(sys.argv[2])
    while year > 2020:
        try:
            cc.is_workday(datetime.date(year, 12, 31))
            break
        except NotImplementedError:
            year -= 1
    last = datetime.date(year, 12, 31)
    print(f"last {last}")
    one = datetime.timedelta(days=1)
    # Ask the package once per day, then count on the answers.
    workday = {}
    day = datetime.date(2020, 1, 1)
    while day <= last:
        workday[day] = cc.is_workday(day)
        day += one
    out = []
    start = datetime.date(2020, 1, 1)
    while start <= last:
        for n in lengths:
            # N calendar days: start day not counted; a rest day rolls to the next working day.
            end = start + datetime.timedelta(days=n)
            due = end
            while due <= last and not workday[due]:
                due += one
            if due <= last:
                out.append(f"{start} days {n} {end} {due}")
            # N working days: the Nth working day after start.
            day, counted = start, 0
            while counted < n and day < last:
                day += one
                if workday[day]:
                    counted += 1
            if counted == n:
                out.append(f"{start} working-days {n} {day} {day}")
        start += one
    sys.stdout.write("\n".join(out) + "\n")
    """#

  @Test(
    .enabled(
      if: Fixtures.python != nil || Fixtures.isCI, "needs Python with chinesecalendar (make test-deps)"))
  func agreesWithChineseCalendarEveryDayOf2020To2026() throws {
    let calendar = try HolidayCalendarTests.shipped()
    let run = try ProcessRunner.python(
      Self.script,
      [
        Self.lengths.map(String.init).joined(separator: ","), String(calendar.coveredYears.max() ?? 2026),
      ])
    let engine = DeadlineCalculator(calendar: calendar)
    var compared = 0
    var mismatches: [String] = []
    var seen: Set<String> = []
    try #require(run.exitCode == 0, "the oracle failed: \(run.stderr)")
    var lines = run.stdout.split(separator: "\n")
    let header = lines.isEmpty ? "" : lines.removeFirst()
    let last = try #require(CalendarDate(iso: header.dropFirst("last ".count)), "oracle said: \(header)")
    #expect(last >= CalendarDate(year: 2026, month: 12, day: 31)!, "the oracle knows less than 2020-2026")
    for line in lines {
      let f = line.split(separator: " ").map(String.init)
      try #require(f.count == 5, "unexpected oracle line: \(line)")
      let start = try #require(CalendarDate(iso: f[0]))
      let unit = try #require(DeadlineUnit(rawValue: f[1]))
      let length = try #require(Int(f[2]))
      let result = try engine.deadline(from: start, length: length, unit: unit)
      if result.unadjusted.iso != f[3] || result.due.iso != f[4] || result.reliesOnWeekdaysOnly {
        mismatches.append(
          "\(f[0]) + \(length) \(f[1]): oracle \(f[3]) → \(f[4]); redress \(result.unadjusted.iso) → \(result.due.iso)"
        )
      }
      seen.insert("\(f[0]) \(f[1]) \(length)")
      compared += 1
    }
    #expect(
      mismatches.isEmpty,
      "\(mismatches.count) of \(compared) differ:\n\(mismatches.prefix(20).joined(separator: "\n"))")
    // 2557 start days × 6 lengths × 2 modes, less those that run past 2026: most must be there.
    #expect(compared > 29_000, "the oracle compared only \(compared) combinations")
    // Every start day of the seven years is covered for the short lengths in both modes.
    var day = CalendarDate(year: 2020, month: 1, day: 1)!
    while day <= CalendarDate(year: 2026, month: 12, day: 20)! {
      for mode in ["days", "working-days"] {
        #expect(seen.contains("\(day.iso) \(mode) 1"), "no comparison for \(day.iso) + 1 \(mode)")
      }
      day = day.adding(days: 1)
    }
  }
}
