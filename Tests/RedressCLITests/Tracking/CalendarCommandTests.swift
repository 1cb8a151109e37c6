import Foundation
import RedressCore
import RedressStore
import RedressTestSupport
import Testing

@testable import RedressCLI

/// `redress calendar YEAR` (cli.md's JSON, and text) and `redress calendar import FILE`.
@Suite struct CalendarCommandTests {
  static func json(_ r: CommandHarness.Result) throws -> [String: Any] {
    try #require(
      try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], "\(r.out)\(r.err)")
  }

  static func days(_ list: Any?) -> [String] {
    (list as? [[String: Any]] ?? []).map {
      "\($0["date"] as? String ?? "?") \($0["holiday"] as? String ?? "?") \($0["basis"] as? String ?? "?")"
    }
  }

  /// A temporary store folder and a file holding `text`.
  static func scratch(_ text: String) throws -> (store: URL, file: URL) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redress-cal-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let file = dir.appendingPathComponent("notice-2027.yaml")
    try Data(text.utf8).write(to: file)
    return (dir.appendingPathComponent("store"), file)
  }

  @Test func aYearWithoutANoticeListsTheStatutoryHolidays() throws {
    let doc = try Self.json(CommandHarness.run(["calendar", "2027", "--format", "json"]))
    #expect(doc["calendar"] as? String == "cn")
    #expect(doc["year"] as? Int == 2027)
    #expect(doc["basis"] as? String == "statute")
    #expect(doc["provisional"] as? Bool == true)
    #expect(
      Self.days(doc["rest_days"]) == [
        "2027-01-01 元旦 statute", "2027-02-05 春节 statute", "2027-02-06 春节 statute", "2027-02-07 春节 statute",
        "2027-02-08 春节 statute", "2027-04-05 清明节 statute", "2027-05-01 劳动节 statute", "2027-05-02 劳动节 statute",
        "2027-06-09 端午节 statute", "2027-09-15 中秋节 statute", "2027-10-01 国庆节 statute",
        "2027-10-02 国庆节 statute", "2027-10-03 国庆节 statute",
      ])
    #expect((doc["working_days"] as? [Any])?.isEmpty == true)
  }

  @Test func aNoticeYearListsItsRestAndMakeUpDays() throws {
    let doc = try Self.json(CommandHarness.run(["calendar", "2026", "--calendar", "cn", "--format", "json"]))
    #expect(doc["basis"] as? String == "notice")
    #expect(doc["provisional"] as? Bool == false)
    let rest = Self.days(doc["rest_days"])
    #expect(rest.count == 3 + 9 + 3 + 5 + 3 + 3 + 7)
    #expect(rest.first == "2026-01-01 元旦 notice")
    #expect(rest.contains("2026-02-15 春节 notice"))  // a Sunday inside the period is listed
    #expect(
      Self.days(doc["working_days"]) == [
        "2026-01-04 元旦 notice", "2026-02-14 春节 notice", "2026-02-28 春节 notice", "2026-05-09 劳动节 notice",
        "2026-09-20 国庆节 notice", "2026-10-10 国庆节 notice",
      ])
  }

  @Test func textInBothLanguages() {
    let zh = CommandHarness.run(["calendar", "2027"], language: "zh_CN.UTF-8")
    #expect(zh.code == 0)
    #expect(zh.out.contains("依据：尚无国务院通知，按《全国年节及纪念日放假办法》第二条"))
    #expect(zh.out.contains("春节    2027-02-05（周五） 至 2027-02-08（周一），共4天"))
    #expect(zh.out.contains("（不推测：只有国务院通知才会确定）"))
    let en = CommandHarness.run(["calendar", "2026"])
    #expect(en.out.contains("Basis: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)"))
    #expect(en.out.contains("2026-01-04 (Sun)  New Year's Day"))
  }

  @Test(arguments: [["calendar", "12"], ["calendar", "3000"], ["calendar", "2027", "--calendar", "tw"]])
  func badYearsAndCalendarsAreUsageErrors(arguments: [String]) {
    let r = CommandHarness.run(arguments)
    #expect(r.code == 2)
    #expect(r.out == "")
    #expect(r.err.hasPrefix("error:"))
  }

  /// The issue's example end to end in process: provisional before, counted on the notice
  /// after; the file is installed owner-only; `calendar 2027` then says where it came from.
  @Test func importReplacesTheStatutoryFallbackForItsYear() throws {
    let (store, file) = try Self.scratch(CalendarFixtures.fictitious2027)
    let ask = ["deadline", "--from", "2027-02-01", "--days", "5", "--working-days", "--format", "json"]
    let before = try Self.json(CommandHarness.run(ask + ["--today", "2027-01-05"], store: store))
    #expect(before["due"] as? String == "2027-02-10")
    #expect(before["provisional"] as? Bool == true)

    let r = CommandHarness.run(["calendar", "import", file.path], store: store)
    #expect(r.code == 0, "\(r.err)")
    #expect(r.err == "")
    let installed = store.appendingPathComponent("calendars/cn/2027.yaml")
    #expect(r.out.contains(installed.path))
    #expect(try Data(contentsOf: installed) == Data(CalendarFixtures.fictitious2027.utf8))
    let mode = try FileManager.default.attributesOfItem(atPath: installed.path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    let folderMode =
      try FileManager.default.attributesOfItem(atPath: installed.deletingLastPathComponent().path)[
        .posixPermissions]
      as? Int
    #expect(folderMode == 0o700)

    let after = try Self.json(CommandHarness.run(ask + ["--today", "2027-01-05"], store: store))
    #expect(after["due"] as? String == "2027-02-16")  // 02-05..02-12 rest, as the notice says
    #expect(after["provisional"] as? Bool == false)
    #expect(after["years_without_notice"] as? [Int] == [])
    let year = try Self.json(CommandHarness.run(["calendar", "2027", "--format", "json"], store: store))
    #expect(year["basis"] as? String == "notice")
    #expect(year["source"] as? String == "imported")
    #expect(Self.days(year["working_days"]).first == "2027-02-20 春节 notice")

    // Importing again replaces the file and says so.
    let again = CommandHarness.run(["calendar", "import", file.path], store: store)
    #expect(again.code == 0)
    #expect(again.out.contains("replacing the one imported before"))
  }

  @Test func aBrokenFileIsRefusedWithFileLineAndReasonAndNothingIsInstalled() throws {
    let (store, file) = try Self.scratch(CalendarFixtures.broken2027)
    let r = CommandHarness.run(["calendar", "import", file.path], store: store)
    #expect(r.code == 2)
    #expect(r.out == "")
    let lines = r.err.split(separator: "\n").map(String.init)
    #expect(
      lines.contains {
        $0.hasPrefix("\(file.path):17:")
          && $0.hasSuffix("2027-02-17 is a Wednesday; a make-up working day (调休上班) is a Saturday or Sunday")
      }, "\(r.err)")
    #expect(
      lines.contains {
        $0.hasPrefix("\(file.path):20:") && $0.contains("2027-04-03 is listed as a make-up working day")
      },
      "\(r.err)")
    #expect(
      lines.contains {
        $0.contains("2027-09-15 (Wednesday) is a statutory holiday (中秋节, 《全国年节及纪念日放假办法》)")
      }, "\(r.err)")
    #expect(!FileManager.default.fileExists(atPath: store.appendingPathComponent("calendars").path))
  }

  @Test func aDateFarFromItsYearAndAMissingFileAreRefused() throws {
    let far = CalendarFixtures.fictitious2027.replacingOccurrences(
      of: "rest: {from: 2027-01-01, to: 2027-01-03}", with: "rest: {from: 2026-12-20, to: 2027-01-03}")
    let (store, file) = try Self.scratch(far)
    let r = CommandHarness.run(["calendar", "import", file.path], store: store)
    #expect(r.code == 2)
    #expect(r.err.contains("2026-12-20 is not in 2027 nor within 7 days of it"), "\(r.err)")
    let missing = CommandHarness.run(["calendar", "import", file.path + ".nope"], store: store)
    #expect(missing.code == 2)
    #expect(missing.err.contains("no such file"))
    #expect(!FileManager.default.fileExists(atPath: store.appendingPathComponent("calendars").path))
  }

  /// A notice that redress ships for the year outranks an imported one that follows no later
  /// notice; the import says so.
  @Test func aShippedNoticeOutranksAnOlderImport() throws {
    let shipped = try String(
      contentsOf: CommandHarness.dataRoot.appendingPathComponent("legal/calendars/cn/2026.yaml")
        .resolvingSymlinksInPath(),
      encoding: .utf8)
    let older = shipped.replacingOccurrences(of: "date: 2025-11-04", with: "date: 2025-10-01")
      .replacingOccurrences(
        of: "make_up_working_days:  # 调休上班\n      - 2026-01-04  # 1月4日（周日）上班",
        with: "make_up_working_days: []")
    #expect(older != shipped)
    let (store, file) = try Self.scratch(older)
    let r = CommandHarness.run(["calendar", "import", file.path], store: store)
    #expect(r.code == 0, "\(r.err)")
    #expect(r.err.contains("warning: redress ships a notice for 2026 dated 2025-11-04"))
    let year = try Self.json(CommandHarness.run(["calendar", "2026", "--format", "json"], store: store))
    #expect(year["source"] as? String == "shipped")
    #expect(Self.days(year["working_days"]).first == "2026-01-04 元旦 notice")

    // A file that follows a later notice (a correction) replaces the shipped one.
    let later = older.replacingOccurrences(of: "date: 2025-10-01", with: "date: 2026-01-02")
    try Data(later.utf8).write(to: file)
    #expect(CommandHarness.run(["calendar", "import", file.path], store: store).err == "")
    let corrected = try Self.json(CommandHarness.run(["calendar", "2026", "--format", "json"], store: store))
    #expect(corrected["source"] as? String == "imported")
    #expect(Self.days(corrected["working_days"]).first == "2026-02-14 春节 notice")
  }

  /// The status digests are keyed on the calendar files, the imported ones too: after an
  /// import, `status` counts again, on the notice.
  @Test func anImportedNoticeChangesTheStatusDigestsKey() throws {
    let (store, file) = try Self.scratch(CalendarFixtures.fictitious2027)
    let legal = CommandHarness.dataRoot.appendingPathComponent("legal")
    let imported = store.appendingPathComponent("calendars")
    let caseStore = try #require(try CaseStore.open(at: store, create: true))
    var c = CaseFile()
    c.id = "late-2027"
    c.venue = .marketRegulator
    c.respondent = Respondent()
    c.respondent?.name = "某店"
    var f = Filing()
    f.filedOn = CalendarDate(iso: "2027-02-01")!
    c.filing = f
    try caseStore.save(c, draft: false)
    let today = CalendarDate(iso: "2027-02-03")!
    let before = TrackingData(legal: legal, imported: imported)
    let first = try before.statusLines(caseStore, today: today)
    #expect(first.map(\.due) == [CalendarDate(iso: "2027-02-12")!])  // 7 working days on the statute
    #expect(first.map(\.yearsWithoutData) == [[2027]])

    #expect(CommandHarness.run(["calendar", "import", file.path], store: store).code == 0)
    let after = TrackingData(legal: legal, imported: imported)
    #expect(after.legalKey() != before.legalKey())
    let second = try after.statusLines(caseStore, today: today)
    #expect(second.map(\.due) == [CalendarDate(iso: "2027-02-18")!])  // on the notice: 02-05..02-12 rest
    #expect(second.map(\.yearsWithoutData) == [[]])
    let full = try after.statuses(of: try caseStore.trackingRows().map(TrackingData.Input.init), today: today)
    #expect(full.map(\.status.due) == second.map(\.due))
  }

  /// From 1 November, `status` says that next year's notice is missing and how to add it.
  @Test func statusPointsOutNextYearsMissingNoticeFromNovember() throws {
    let (store, file) = try Self.scratch(CalendarFixtures.fictitious2027)
    let caseStore = try #require(try CaseStore.open(at: store, create: true))
    var c = CaseFile()
    c.id = "autumn"
    c.venue = .marketRegulator
    var f = Filing()
    f.filedOn = CalendarDate(iso: "2026-10-20")!
    c.filing = f
    try caseStore.save(c, draft: false)
    let october = CommandHarness.run(["status", "--today", "2026-10-31"], store: store)
    #expect(october.code == 0)
    #expect(!october.out.contains("Tip:"))
    let november = CommandHarness.run(["status", "--today", "2026-11-01"], store: store)
    #expect(
      november.out.contains("Tip: the State Council's holiday notice for 2027 is not in the calendar yet"))
    #expect(november.out.contains("redress calendar import FILE"))
    // Once the notice is imported, the tip goes.
    #expect(CommandHarness.run(["calendar", "import", file.path], store: store).code == 0)
    #expect(!CommandHarness.run(["status", "--today", "2026-11-01"], store: store).out.contains("Tip:"))
  }
}
