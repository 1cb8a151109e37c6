import Foundation
import RedressCore
import RedressTestSupport
import Testing

@testable import RedressCLI

/// `redress remind --ics`: the calendar, read back by an independent parser (Python's
/// `icalendar` package), and the command's file handling.
@Suite struct RemindTests {
  static func calendar(stamp seconds: Int64) throws -> String {
    let events = ReminderCalendar.events(
      try StatusReportTests.tracked(), words: TrackingWords(language: .zhHans))
    return ICalendarWriter.document(
      events: events, stamp: .init(secondsSince1970: seconds), calendarName: "投诉期限（redress）",
      productVersion: RedressCommand.version)
  }

  /// Parses the .ics on standard input and prints its events as JSON.
  static let parser = #"""
    import json, sys
    import icalendar
    cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
    events = []
    for e in cal.walk("VEVENT"):
        alarms = [a for a in e.walk("VALARM")]
        events.append({
            "uid": str(e["UID"]),
            "summary": str(e["SUMMARY"]),
            "description": str(e["DESCRIPTION"]),
            "start": e.decoded("DTSTART").isoformat(),
            "start_is_date": e["DTSTART"].params.get("VALUE") == "DATE",
            "stamp": e.decoded("DTSTAMP").isoformat(),
            "alarm_seconds": [int(a.decoded("TRIGGER").total_seconds()) for a in alarms],
        })
    json.dump({"name": str(cal.get("X-WR-CALNAME")), "events": events}, sys.stdout, ensure_ascii=False)
    """#

  struct Parsed: Decodable {
    struct Event: Decodable {
      var uid: String
      var summary: String
      var description: String
      var start: String
      var startIsDate: Bool
      var stamp: String
      var alarmSeconds: [Int]

      enum CodingKeys: String, CodingKey {
        case uid, summary, description, start, stamp
        case startIsDate = "start_is_date"
        case alarmSeconds = "alarm_seconds"
      }
    }
    var name: String
    var events: [Event]
  }

  struct ParseFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }

  static func parse(_ text: String) throws -> Parsed {
    guard let python = Fixtures.python else {
      throw ParseFailure(message: "no python3 with icalendar: run `make test-deps` or set REDRESS_PYTHON")
    }
    let run = try ProcessRunner.run(python, ["-c", parser], stdin: Data(text.utf8))
    guard run.exitCode == 0 else {
      throw ParseFailure(message: "icalendar could not read the file: \(run.stderr)")
    }
    return try JSONDecoder().decode(Parsed.self, from: run.stdoutData)
  }

  @Test(.enabled(if: Fixtures.python != nil || Fixtures.isCI, "needs Python with icalendar (make test-deps)"))
  func icalendarReadsEveryOpenDeadline() throws {
    let first = try Self.calendar(stamp: 1_795_000_000)
    let second = try Self.calendar(stamp: 1_795_086_400)
    let a = try Self.parse(first)
    let b = try Self.parse(second)
    #expect(a.name == "投诉期限（redress）")
    // The open clocks: washer, phone, shoes (consumer association) and food-agent's mediation.
    #expect(
      a.events.map(\.uid) == [
        "washer-2026.cn.cca.response-window@redress", "phone.cn.cca.response-window@redress",
        "shoes.cn.cca.response-window@redress", "food-agent.cn.samr.mediation@redress",
      ])
    #expect(a.events.map(\.start) == ["2026-10-27", "2026-11-02", "2026-11-04", "2026-12-25"])
    #expect(a.events.allSatisfy { $0.startIsDate })
    // Same UIDs on another run (a re-import updates), a different DTSTAMP.
    #expect(b.events.map(\.uid) == a.events.map(\.uid))
    #expect(a.events[0].stamp != b.events[0].stamp)
    // Chinese text survives escaping and folding.
    #expect(a.events[0].summary == "投诉期限：消协处理期（惯例）到期 · 某某电器销售有限公司（washer-2026）")
    #expect(a.events[3].description.contains("受理投诉后，消费者和经营者同意调解的，应当在受理之日起六十日内调解完毕"))
    #expect(a.events[3].description.contains("《中华人民共和国消费者权益保护法实施条例》第四十六条第三款"))
    #expect(a.events[0].description.split(separator: "\n").first == "案件：washer-2026（王小明 → 某某电器销售有限公司）")
    // A reminder at 09:00 the day before (15 hours before midnight).
    #expect(a.events.allSatisfy { $0.alarmSeconds == [-15 * 3600] })
  }

  @Test func linesAreCRLFAndAtMostSeventyFiveOctets() throws {
    let text = try Self.calendar(stamp: 1_795_000_000)
    let bytes = Array(text.utf8)
    var lineLength = 0
    for (i, byte) in bytes.enumerated() {
      if byte == 0x0A {
        #expect(i > 0 && bytes[i - 1] == 0x0D, "a bare LF at byte \(i)")
        #expect(lineLength - 1 <= 75)
        lineLength = 0
      } else {
        lineLength += 1
      }
    }
    #expect(text.contains("\r\n "), "long Chinese lines are folded")
    // Folding never splits a UTF-8 sequence: every physical line is valid UTF-8 on its own.
    for line in text.components(separatedBy: "\r\n") {
      #expect(String(validating: Array(line.utf8), as: UTF8.self) != nil)
    }
  }

  @Test func uidsAreStableAndSafe() {
    #expect(
      ReminderCalendar.uid(caseID: "washer-2026", clockID: "cn.cca.response-window")
        == "washer-2026.cn.cca.response-window@redress")
    #expect(
      ReminderCalendar.uid(caseID: "洗衣机 1", clockID: "x") == "%E6%B4%97%E8%A1%A3%E6%9C%BA%201.x@redress")
  }

  @Test func writesTheFileOwnerOnlyAndWholly() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redress-remind-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("期限.ics")
    let r = CommandHarness.run(
      ["remind", "--ics", "-o", target.path], store: folder.appendingPathComponent("store"))
    #expect(r.code == 0, "\(r.err)")
    #expect(r.out == "")
    #expect(r.err.contains("0 deadlines"))
    let text = try String(contentsOf: target, encoding: .utf8)
    #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
    #expect(text.hasSuffix("END:VCALENDAR\r\n"))
    let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    // Only the calendar is left in the folder: no temporary file.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["期限.ics"])
  }

  @Test func failsCleanlyWithoutIcsOrAFolder() {
    let missing = CommandHarness.run(["remind"])
    #expect(missing.code == 2)
    #expect(missing.err.contains("redress remind --ics"))
    let noFolder = CommandHarness.run(["remind", "--ics", "-o", "/nonexistent-redress/x.ics"])
    #expect(noFolder.code == 2)
    #expect(noFolder.err.contains("does not exist"))
  }

  @Test func standardOutputByDefault() {
    let store = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redress-none-\(UUID().uuidString)")
    let r = CommandHarness.run(["remind", "--ics"], store: store)
    #expect(r.code == 0)
    #expect(r.out.hasPrefix("BEGIN:VCALENDAR\r\n"))
  }

  /// A reminder whose due day was counted through a year without a notice says so in its
  /// title and its description.
  @Test func aProvisionalDueDayIsMarkedInTheReminder() throws {
    let cases = [
      StatusReportTests.input("late-2026", respondent: "某店", venue: .marketRegulator, filed: "2026-12-23")
    ]
    let tracked = try TrackingData(legal: CommandHarness.dataRoot.appendingPathComponent("legal")).statuses(
      of: cases, today: CalendarDate(iso: "2026-12-24")!)
    let zh = ReminderCalendar.events(tracked, words: TrackingWords(language: .zhHans))
    let event = try #require(zh.first)
    #expect(event.date.iso == "2027-01-04")
    #expect(event.summary.hasPrefix("投诉期限（暂定）："))
    #expect(event.description.contains("到期：2027-01-04（周一）（暂定）"))
    #expect(event.description.contains("2027年的国务院放假通知尚未收录"))
    let en = ReminderCalendar.events(tracked, words: TrackingWords(language: .en))
    #expect(en.first?.summary.hasPrefix("Complaint deadline (provisional): ") == true)
    // A due day on a year with a notice is not marked.
    let known = try TrackingData(legal: CommandHarness.dataRoot.appendingPathComponent("legal")).statuses(
      of: [
        StatusReportTests.input("mid-2026", respondent: "某店", venue: .marketRegulator, filed: "2026-06-01")
      ],
      today: CalendarDate(iso: "2026-06-02")!)
    #expect(
      ReminderCalendar.events(known, words: TrackingWords(language: .zhHans)).first?.summary.contains("暂定")
        == false)
  }
}
