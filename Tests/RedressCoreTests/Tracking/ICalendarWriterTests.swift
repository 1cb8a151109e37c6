import RedressCore
import Testing

/// The RFC 5545 details of the .ics writer: escaping, folding, line ends, all-day events.
@Suite struct ICalendarWriterTests {
  @Test func escapesText() {
    #expect(ICalendarWriter.escape("a\\b;c,d\ne\r\nf\tg\u{7}h") == "a\\\\b\\;c\\,d\\ne\\nf gh")
    #expect(ICalendarWriter.escape("某某电器销售有限公司，南京") == "某某电器销售有限公司，南京")
  }

  @Test func foldsAtSeventyFiveOctetsWithoutSplittingUTF8() {
    let line = "SUMMARY:" + String(repeating: "投诉期限到期", count: 20) + "x"
    let folded = ICalendarWriter.fold(line)
    let physical = folded.components(separatedBy: "\r\n")
    #expect(physical.count > 1)
    for (i, part) in physical.enumerated() {
      #expect(part.utf8.count <= 75, "line \(i) has \(part.utf8.count) octets")
      if i > 0 { #expect(part.hasPrefix(" ")) }
    }
    // Unfolding gives the line back: no character was cut in two.
    #expect(
      physical.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined()
        == line)
    // A line of exactly 75 octets is not folded.
    let exact = String(repeating: "a", count: 75)
    #expect(ICalendarWriter.fold(exact) == exact)
  }

  @Test func writesAllDayEventsWithAReminder() {
    let event = ICalendarWriter.Event(
      uid: "washer-2026.cn.cca.response-window@redress", date: CalendarDate(iso: "2026-10-27")!,
      summary: "投诉期限：消协处理期（惯例）到期", description: "第一行\n第二行", alarmMinutesBefore: 900)
    let text = ICalendarWriter.document(
      events: [event], stamp: .init(secondsSince1970: 1_795_000_000), calendarName: "redress",
      productVersion: "0.1.0")
    #expect(text.hasSuffix("END:VCALENDAR\r\n"))
    #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    let lines = text.components(separatedBy: "\r\n")
    #expect(lines.contains("DTSTART;VALUE=DATE:20261027"))
    #expect(lines.contains("DTEND;VALUE=DATE:20261028"))
    #expect(lines.contains("DTSTAMP:20261118T110640Z"))
    #expect(lines.contains("TRIGGER:-PT15H"))
    #expect(lines.contains("DESCRIPTION:第一行\\n第二行"))
    #expect(lines.contains("UID:washer-2026.cn.cca.response-window@redress"))
  }

  @Test func stampsInUTC() {
    #expect(ICalendarWriter.Stamp(secondsSince1970: 0).text == "19700101T000000Z")
    #expect(ICalendarWriter.Stamp(secondsSince1970: 951_782_400).text == "20000229T000000Z")
  }
}
