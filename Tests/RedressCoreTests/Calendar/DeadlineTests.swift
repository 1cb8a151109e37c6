import RedressCore
import Testing

/// The deadline engine on the shipped `cn` calendar: the rules of rules.md ("The clocks").
@Suite struct DeadlineTests {
  let engine: DeadlineCalculator

  init() throws { engine = DeadlineCalculator(calendar: try HolidayCalendarTests.cn()) }

  static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

  func days(_ from: String, _ n: Int) throws -> Deadline {
    try engine.deadline(from: Self.day(from), length: n, unit: .days)
  }

  func working(_ from: String, _ n: Int) throws -> Deadline {
    try engine.deadline(from: Self.day(from), length: n, unit: .workingDays)
  }

  @Test func startDayIsNotCounted() throws {
    // 民法典 Art. 201, the contract's own example: 2026-10-01 + 7 days = 2026-10-08, the
    // Thursday after 国庆节 (10-01..10-07), a working day.
    let d = try days("2026-10-01", 7)
    #expect(d.unadjusted == Self.day("2026-10-08"))
    #expect(d.due == Self.day("2026-10-08"))
    #expect(d.movedOff == nil)
    #expect(!d.reliesOnWeekdaysOnly)
  }

  @Test func springFestivalRolls() throws {
    // The contract's example: ends on 2025-02-04, the last day of 春节, and moves to 02-05.
    let d = try days("2025-01-20", 15)
    #expect(d.unadjusted == Self.day("2025-02-04"))
    #expect(d.due == Self.day("2025-02-05"))
    #expect(d.movedOff == .holiday("春节"))
    // cli.md's example: 2026-02-01 + 15 = 02-16 (春节 02-15..02-23) → 02-24.
    let e = try days("2026-02-01", 15)
    #expect(e.unadjusted == Self.day("2026-02-16"))
    #expect(e.due == Self.day("2026-02-24"))
    // 2024: 02-10..02-17 rest; 02-18 is a make-up Sunday, so the roll stops there.
    let f = try days("2024-02-01", 10)
    #expect(f.unadjusted == Self.day("2024-02-11"))
    #expect(f.due == Self.day("2024-02-18"))
  }

  @Test func nationalDayRolls() throws {
    let d = try days("2025-09-16", 15)
    #expect(d.unadjusted == Self.day("2025-10-01"))
    #expect(d.due == Self.day("2025-10-09"))
    #expect(d.movedOff == .holiday("国庆节、中秋节"))
    let e = try days("2024-09-20", 15)
    #expect(e.unadjusted == Self.day("2024-10-05"))
    #expect(e.due == Self.day("2024-10-08"))
    let f = try days("2026-09-23", 10)
    #expect(f.unadjusted == Self.day("2026-10-03"))
    #expect(f.due == Self.day("2026-10-08"))
  }

  @Test func aMakeUpSaturdayIsADueDay() throws {
    // 2026-02-28 is a Saturday worked for 春节: a period ending there does not move.
    let d = try days("2026-02-13", 15)
    #expect(d.unadjusted == Self.day("2026-02-28"))
    #expect(d.unadjusted.weekday == 6)
    #expect(d.due == Self.day("2026-02-28"))
    #expect(d.movedOff == nil)
    // 2025-10-11, a Saturday worked for 国庆节.
    #expect(try days("2025-09-26", 15).due == Self.day("2025-10-11"))
  }

  @Test func anOrdinaryWeekendRolls() throws {
    let d = try days("2025-03-07", 15)  // ends Saturday 2025-03-22
    #expect(d.unadjusted == Self.day("2025-03-22"))
    #expect(d.due == Self.day("2025-03-24"))
    #expect(d.movedOff == .weekend)
  }

  @Test func aYearWithoutDataIsJudgedByWeekdayAndFlagged() throws {
    // 2027 has no file: 2027-01-01 is a Friday, so by weekday alone it is a working day.
    let d = try days("2026-12-31", 1)
    #expect(d.due == Self.day("2027-01-01"))
    #expect(d.yearsWithoutData == [2027])
    #expect(d.reliesOnWeekdaysOnly)
    // Ends on Saturday 2027-01-02: moves to Monday 01-04, still flagged.
    let e = try days("2026-12-18", 15)
    #expect(e.unadjusted == Self.day("2027-01-02"))
    #expect(e.due == Self.day("2027-01-04"))
    #expect(e.yearsWithoutData == [2027])
    // Wholly inside a known year: not flagged.
    #expect(try days("2026-12-01", 15).yearsWithoutData.isEmpty)
    // Working days that run into 2027 are flagged too.
    #expect(try working("2026-12-28", 7).yearsWithoutData == [2027])
  }

  @Test func workingDaysSkipHolidaysAndCountMakeUpDays() throws {
    // 2025-09-30 (Tue) + 7 working days: 10-01..10-08 rest, then 10-09, 10-10, 10-11 (a make-up
    // Saturday), 10-13, 10-14, 10-15, 10-16.
    let d = try working("2025-09-30", 7)
    #expect(d.due == Self.day("2025-10-16"))
    #expect(d.unadjusted == d.due)
    // 2026-02-13 (Fri) + 7: 02-14 (make-up Saturday), 02-24, 25, 26, 27, 02-28 (make-up
    // Saturday), 03-02.
    #expect(try working("2026-02-13", 7).due == Self.day("2026-03-02"))
    // Starting on a holiday: the start day is not counted either way.
    #expect(try working("2024-10-03", 1).due == Self.day("2024-10-08"))
    #expect(try working("2026-02-02", 0).due == Self.day("2026-02-02"))
  }

  @Test func rejectsNegativeAndAbsurdLengths() {
    #expect(throws: DeadlineCalculator.Failure.negativeLength(-1)) { try days("2026-01-01", -1) }
    #expect(throws: DeadlineCalculator.Failure.tooLong(100_000)) { try days("2026-01-01", 100_000) }
    #expect(throws: DeadlineCalculator.Failure.outOfRange(Self.day("9999-01-01"))) {
      try days("9999-01-01", 1)
    }
  }
}
