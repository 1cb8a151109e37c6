import RedressCore
import Testing

struct CalendarDateTests {
  @Test func parsesOnlyRealDays() {
    #expect(CalendarDate(iso: "2026-11-22") == CalendarDate(year: 2026, month: 11, day: 22))
    #expect(CalendarDate(iso: "2024-02-29") != nil)
    #expect(CalendarDate(iso: "2026-02-29") == nil)
    #expect(CalendarDate(iso: "2026-13-01") == nil)
    #expect(CalendarDate(iso: "2026-1-01") == nil)
    #expect(CalendarDate(iso: "2026/01/01") == nil)
    #expect(CalendarDate(iso: "２０２６-01-01") == nil)
  }

  @Test func dayArithmeticIsExact() {
    let d = CalendarDate(iso: "2026-10-01")!
    // 民法典 Art. 201: the start day is not counted.
    #expect(d.adding(days: 7).iso == "2026-10-08")
    #expect(CalendarDate(iso: "2024-12-31")!.adding(days: 1).iso == "2025-01-01")
    #expect(d.days(until: CalendarDate(iso: "2026-11-22")!) == 52)
    for jdn in stride(from: 2_400_000, to: 2_500_000, by: 997) {
      #expect(CalendarDate(julianDay: jdn).julianDay == jdn)
    }
  }

  @Test func yearsLandOnTheMonthsLastDayWhenThereIsNoSuchDay() {
    // 民法典 Art. 202.
    #expect(CalendarDate(iso: "2024-02-29")!.adding(years: 3).iso == "2027-02-28")
    #expect(CalendarDate(iso: "2024-02-29")!.adding(years: 4).iso == "2028-02-29")
    #expect(CalendarDate(iso: "2026-01-31")!.adding(months: 1).iso == "2026-02-28")
    #expect(CalendarDate(iso: "2026-08-31")!.adding(months: 6).iso == "2027-02-28")
  }

  @Test func weekdays() {
    #expect(CalendarDate(iso: "2026-11-22")!.weekday == 7)  // a Sunday
    #expect(CalendarDate(iso: "2026-02-14")!.weekday == 6)  // a Saturday (a make-up working day)
    #expect(CalendarDate(iso: "2025-01-20")!.weekday == 1)
  }
}

struct MoneyTests {
  @Test func parsesExactDecimals() {
    #expect(Money(decimal: "2999.10")?.minorUnits == 299_910)
    #expect(Money(decimal: "2999.10")?.text == "2999.10")
    #expect(Money(decimal: "15")?.text == "15")
    #expect(Money(decimal: "0.1")?.minorUnits == 10)
    #expect(Money(decimal: "0.1")?.text == "0.1")
    #expect(Money(decimal: "12.345") == nil)
    #expect(Money(decimal: "1e3") == nil)
    #expect(Money(decimal: "1,000") == nil)
    #expect(Money(decimal: "¥10") == nil)
    #expect(Money(decimal: ".5") == nil)
    #expect(Money(decimal: "5.") == nil)
    #expect(Money(decimal: "") == nil)
    #expect(Money(decimal: "9999999999999999") == nil)
  }

  @Test func equalityIsByAmount() {
    #expect(Money(decimal: "15") == Money(decimal: "15.00"))
    #expect(Money(decimal: "2999.1") == Money(decimal: "2999.10"))
  }

  @Test func formats() {
    #expect(Money(decimal: "3199")!.grouped == "3,199.00")
    #expect(Money(decimal: "1234567.5")!.grouped == "1,234,567.50")
    #expect(Money(decimal: "999.99")!.grouped == "999.99")
    #expect(Money(decimal: "536")!.multiplied(by: 10)!.fixed2 == "5360.00")
  }
}
