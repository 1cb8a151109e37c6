import Foundation
import RedressTestSupport
import Testing

/// `redress deadline` (cli.md): the JSON shape, the text a person reads, and bad input.
@Suite struct DeadlineCommandTests {
  @Test func jsonForTheSpringFestivalExample() {
    let r = CommandHarness.run([
      "deadline", "--from", "2025-01-20", "--days", "15", "--format", "json", "--today", "2025-01-20",
    ])
    #expect(r.code == 0)
    #expect(r.err == "")
    #expect(
      r.out == """
        {
          "from": "2025-01-20",
          "days": 15,
          "working_days": false,
          "calendar": "cn",
          "due": "2025-02-05",
          "unadjusted": "2025-02-04",
          "moved_off": "holiday",
          "holiday": "春节",
          "provisional": false,
          "years_without_notice": []
        }

        """)
  }

  @Test func jsonOfTheContractExampleParses() throws {
    let r = CommandHarness.run([
      "deadline", "--from", "2026-02-01", "--days", "15", "--calendar", "cn", "--format", "json",
    ])
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    #expect(doc["from"] as? String == "2026-02-01")
    #expect(doc["days"] as? Int == 15)
    #expect(doc["working_days"] as? Bool == false)
    #expect(doc["calendar"] as? String == "cn")
    #expect(doc["due"] as? String == "2026-02-24")
    #expect(doc["unadjusted"] as? String == "2026-02-16")
  }

  @Test func workingDaysJSON() throws {
    let r = CommandHarness.run([
      "deadline", "--from", "2025-09-30", "--days", "7", "--working-days", "--format", "json",
    ])
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    #expect(doc["working_days"] as? Bool == true)
    #expect(doc["due"] as? String == "2025-10-16")
    #expect(doc["unadjusted"] as? String == "2025-10-16")
  }

  @Test func aYearWithoutANoticeIsProvisionalInBothFormats() throws {
    let json = CommandHarness.run([
      "deadline", "--from", "2026-12-18", "--days", "15", "--format", "json", "--today", "2026-06-01",
    ])
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
    #expect(doc["due"] as? String == "2027-01-04")
    #expect(doc["provisional"] as? Bool == true)
    #expect(doc["years_without_notice"] as? [Int] == [2027])
    #expect((doc["note"] as? String)?.contains("2027") == true)
    #expect(doc["next_year_without_notice"] == nil)

    let text = CommandHarness.run(
      ["deadline", "--from", "2026-12-18", "--days", "15", "--today", "2026-06-01"], language: "zh_CN.UTF-8")
    #expect(text.out.contains("2027-01-04（周一）（暂定）"))
    #expect(text.out.contains("2027年的国务院放假通知尚未收录"))
    #expect(text.out.contains("redress calendar import"))
    #expect(!text.out.contains("提示："))
  }

  /// The example: 7 working days from 2026-12-23 skip New Year's Day 2027, a holiday
  /// the statute fixes by itself, though 2027 has no notice.
  @Test func workingDaysIntoTwentyTwentySevenSkipNewYearsDay() throws {
    let r = CommandHarness.run([
      "deadline", "--from", "2026-12-23", "--days", "7", "--working-days", "--format", "json",
      "--today", "2026-12-23",
    ])
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    #expect(doc["due"] as? String == "2027-01-04")
    #expect(doc["provisional"] as? Bool == true)
    #expect(doc["years_without_notice"] as? [Int] == [2027])
    // From 1 November the missing notice for next year is pointed out.
    #expect(doc["next_year_without_notice"] as? Int == 2027)
    #expect((doc["next_year_note"] as? String)?.contains("redress calendar import") == true)
  }

  /// From 1 November (and not before), text output says that next year has no notice yet.
  @Test(arguments: [("2026-10-31", false), ("2026-11-01", true), ("2026-12-31", true), ("2025-11-15", false)])
  func nextYearsMissingNoticeIsPointedOutFromNovember(today: String, shown: Bool) {
    let r = CommandHarness.run(["deadline", "--from", "2026-03-02", "--days", "5", "--today", today])
    #expect(r.code == 0)
    #expect(r.out.contains("Tip: the State Council's holiday notice for") == shown, "\(today): \(r.out)")
  }

  @Test func textInChinese() {
    let r = CommandHarness.run(["deadline", "--from", "2025-01-20", "--days", "15"], language: "zh_CN.UTF-8")
    #expect(r.code == 0)
    let lines = r.out.split(separator: "\n").map(String.init)
    #expect(lines[0] == "起算日    2025-01-20（周一），当日不计入")
    #expect(lines[1] == "期间      15日")
    #expect(lines[2] == "期间届满  2025-02-04（周二），春节假期，顺延")
    #expect(lines[3] == "到期日    2025-02-05（周三）")
    #expect(lines[4].hasPrefix("计算方法  期间开始的当日不计入"))
    #expect(lines[5].hasPrefix("依据      《中华人民共和国民法典》第二百零一条、第二百零三条"))
  }

  @Test func textInEnglish() {
    let r = CommandHarness.run(["deadline", "--from", "2026-02-13", "--days", "15"])
    let lines = r.out.split(separator: "\n").map(String.init)
    #expect(lines[0] == "From    2026-02-13 (Fri), not counted")
    #expect(lines[1] == "Period  15 days")
    // 2026-02-28 is a Saturday worked for the Spring Festival: nothing moves.
    #expect(lines[2] == "Due     2026-02-28 (Sat)")
  }

  @Test(arguments: [
    (["--days", "-1"], "error: --days: the number of days must be 0 or more, got -1"),
    (["--days", "100000"], "error: --days: 100000 days is more than ten years (3660); check the number"),
    (["--days", "5", "--calendar", "tw"], "error: no holiday calendar 'tw'; available: cn"),
  ])
  func badInputIsAClearErrorWithExitTwo(arguments: [String], message: String) {
    let r = CommandHarness.run(["deadline", "--from", "2026-01-05"] + arguments)
    #expect(r.code == 2)
    #expect(r.out == "")
    #expect(r.err == message + "\n")
  }

  @Test func malformedArgumentsAreUsageErrors() {
    for arguments in [["--from", "2026-02-30", "--days", "5"], ["--from", "2026-01-05", "--days", "five"]] {
      let r = CommandHarness.run(["deadline"] + arguments)
      #expect(r.code >= 2)
      #expect(r.err.contains("is invalid"), "\(r.err)")
    }
  }
}
