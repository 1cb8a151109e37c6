import Foundation
import RedressTestSupport
import Testing

/// The acceptance test on the built binary: a deadline that runs into 2027 (a year
/// with no notice shipped) is counted on the statutory holidays and is provisional; once a
/// notice for 2027 is imported into the user's data folder (XDG_DATA_HOME), it is counted on
/// that notice and is no longer provisional.
@Suite struct CalendarEndToEndTests {
  static func run(_ arguments: [String], xdg: URL) throws -> (code: Int32, out: String, err: String) {
    let r = try ProcessRunner.redress(
      arguments, environment: ["LANG": "en_US.UTF-8", "XDG_DATA_HOME": xdg.path, "REDRESS_HOME": ""])
    return (r.exitCode, r.stdout, r.stderr)
  }

  static func json(_ r: (code: Int32, out: String, err: String)) throws -> [String: Any] {
    try #require(r.code == 0, "\(r.err)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], "\(r.out)")
  }

  @Test func aDeadlineInto2027IsProvisionalUntilItsNoticeIsImported() throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: ProcessRunner.redressBinary.path), "build redress first")
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redress-e2e-cal-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let xdg = dir.appendingPathComponent("xdg")
    let ask = [
      "deadline", "--from", "2026-12-23", "--days", "7", "--working-days", "--format", "json", "--today",
      "2026-12-23",
    ]
    let before = try Self.json(try Self.run(ask, xdg: xdg))
    #expect(before["due"] as? String == "2027-01-04")
    #expect(before["provisional"] as? Bool == true)
    #expect(before["years_without_notice"] as? [Int] == [2027])
    #expect(before["next_year_without_notice"] as? Int == 2027)

    let file = dir.appendingPathComponent("2027.yaml")
    try Data(CalendarFixtures.fictitious2027.utf8).write(to: file)
    let imported = try Self.run(["calendar", "import", file.path], xdg: xdg)
    #expect(imported.code == 0, "\(imported.err)")
    let installed = xdg.appendingPathComponent("redress/calendars/cn/2027.yaml")
    #expect(FileManager.default.fileExists(atPath: installed.path))
    #expect(
      try FileManager.default.attributesOfItem(atPath: installed.path)[.posixPermissions] as? Int == 0o600)

    let after = try Self.json(try Self.run(ask, xdg: xdg))
    #expect(after["due"] as? String == "2027-01-04")
    #expect(after["provisional"] as? Bool == false)
    #expect(after["years_without_notice"] as? [Int] == [])
    #expect(after["next_year_without_notice"] == nil)
    // Counted on the notice: its 春节 rest days (02-05..02-12) and make-up Saturday 02-20.
    let spring = try Self.json(
      try Self.run(
        ["deadline", "--from", "2027-02-01", "--days", "9", "--working-days", "--format", "json"], xdg: xdg))
    #expect(spring["due"] as? String == "2027-02-20")
    #expect(spring["provisional"] as? Bool == false)
    let year = try Self.json(try Self.run(["calendar", "2027", "--format", "json"], xdg: xdg))
    #expect(year["basis"] as? String == "notice")
    #expect(year["provisional"] as? Bool == false)
  }

  @Test func aBrokenNoticeIsRefusedAndNothingIsInstalled() throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: ProcessRunner.redressBinary.path), "build redress first")
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redress-e2e-cal-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let xdg = dir.appendingPathComponent("xdg")
    let file = dir.appendingPathComponent("2027.yaml")
    try Data(CalendarFixtures.broken2027.utf8).write(to: file)
    let r = try Self.run(["calendar", "import", file.path], xdg: xdg)
    #expect(r.code == 2)
    #expect(r.out == "")
    #expect(r.err.contains("\(file.path):17:9: error: holidays[1].make_up_working_days[1]"), "\(r.err)")
    #expect(!FileManager.default.fileExists(atPath: xdg.path))
  }
}
