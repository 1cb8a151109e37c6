import Foundation
import RedressCore
import RedressTestSupport
import Testing

@testable import RedressCLI

/// Runs `redress ARGS` in-process (`CommandHarness`) with the repository's data, in the
/// repository's folder, in Simplified Chinese unless `language` says otherwise.
func runRedress(_ args: [String], language: String = "zh-Hans.UTF-8") -> CommandHarness.Result {
  let root = Fixtures.repositoryRoot
  return CommandHarness.run(
    args, environment: ["REDRESS_DATA": root.path, "LANG": language, "HOME": NSTemporaryDirectory()],
    currentDirectory: root)
}

@Suite struct CheckCommandTests {
  static let blocked = "Tests/RedressCLITests/Fixtures/blocked-three-ways.yaml"

  @Test func washerIsAdmissibleWithItsAdvice() throws {
    let r = runRedress(["check", Fixtures.washerCase.path, "--today", "2026-11-22", "--format", "json"])
    #expect(r.code == 0, "\(r.err)")
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    #expect(doc["case"] as? String == "washer-2026")
    #expect(doc["venue"] as? String == "consumer-association")
    #expect(doc["admissible"] as? Bool == true)
    let rules = (doc["findings"] as? [[String: Any]])?.compactMap { $0["rule"] as? String }
    #expect(rules == ["cn.quality-return-7d", "cn.sanbao-return", "cn.burden-reversed"])
  }

  @Test func foodAgentIsAdmissibleAndStatesTheMaximum() throws {
    let r = runRedress(["check", Fixtures.foodAgentCase.path, "--today", "2026-11-22", "--format", "json"])
    #expect(r.code == 0, "\(r.err)")
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    #expect(doc["admissible"] as? Bool == true)
    let findings = try #require(doc["findings"] as? [[String: Any]])
    let byRule = Dictionary(uniqueKeysWithValues: findings.map { ($0["rule"] as! String, $0) })
    #expect(byRule["cn.food-punitive"]?["severity"] as? String == "info")
    #expect(byRule["cn.fraud-punitive"]?["severity"] as? String == "info")
    let message = (byRule["cn.food-punitive"]?["message"] as? String ?? "").replacingOccurrences(
      of: ",", with: "")
    #expect(message.contains("5360"))
    #expect(byRule["cn.claim-exceeds-statutory"] == nil)
    expectGolden(
      r.out,
      at: Fixtures.repositoryRoot.appendingPathComponent(
        "Tests/RedressCLITests/Fixtures/goldens/check-food-agent.json"))
  }

  @Test func aBlockedCaseExitsOneAndListsEveryBlock() throws {
    let r = runRedress(["check", Self.blocked, "--today", "2026-11-22", "--format", "json"])
    #expect(r.code == 1)
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    #expect(doc["admissible"] as? Bool == false)
    let findings = try #require(doc["findings"] as? [[String: Any]])
    #expect(
      findings.filter { $0["severity"] as? String == "block" }.compactMap { $0["rule"] as? String } == [
        "cn.not-consumer-purpose", "cn.private-seller", "cn.warranty-expired",
      ])
  }

  /// The text report, as a person reads it, in Chinese and in English.
  @Test func textOutputGoldens() throws {
    let washer = runRedress(["check", Fixtures.washerCase.path, "--today", "2026-11-22"])
    #expect(washer.code == 0)
    expectGolden(
      washer.out,
      at: Fixtures.repositoryRoot.appendingPathComponent(
        "Tests/RedressCLITests/Fixtures/goldens/check-washer.txt"))
    let zh = runRedress(["check", Self.blocked, "--today", "2026-11-22"])
    #expect(zh.code == 1)
    #expect(!zh.out.contains("\u{1B}["))
    expectGolden(
      zh.out,
      at: Fixtures.repositoryRoot.appendingPathComponent(
        "Tests/RedressCLITests/Fixtures/goldens/check-blocked.txt"))
    let en = runRedress(["check", Self.blocked, "--today", "2026-11-22", "--lang", "en"])
    #expect(en.code == 1)
    expectGolden(
      en.out,
      at: Fixtures.repositoryRoot.appendingPathComponent(
        "Tests/RedressCLITests/Fixtures/goldens/check-blocked-en.txt"))
  }

  @Test func interfaceLanguageChoosesTheJSONMessages() throws {
    let en = runRedress(
      ["check", Fixtures.foodAgentCase.path, "--today", "2026-11-22", "--format", "json"],
      language: "en_GB.UTF-8")
    #expect(en.out.contains("\"message\": \"The food is below the safety standard"))
    #expect(en.out.contains("¥5,360.00"))
  }

  @Test func aCaseFileWithAnUnknownKeyIsBadInput() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redress-check-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let bad = dir.appendingPathComponent("bad.yaml")
    let text = try String(contentsOf: Fixtures.washerCase, encoding: .utf8)
    try text.replacingOccurrences(of: "venue:", with: "venu:").write(
      to: bad, atomically: true, encoding: .utf8)
    let r = runRedress(["check", bad.path, "--format", "json"])
    #expect(r.code >= 2)
    #expect(r.out.isEmpty)
    #expect(r.err.contains("unknown key 'venu'"))
    #expect(r.err.contains("bad.yaml:5:1"))
  }

  @Test func aJurisdictionWithoutAPackIsBadInput() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redress-check-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let tw = dir.appendingPathComponent("tw.yaml")
    let text = try String(contentsOf: Fixtures.washerCase, encoding: .utf8)
    try text.replacingOccurrences(of: "jurisdiction: cn ", with: "jurisdiction: tw ").write(
      to: tw, atomically: true, encoding: .utf8)
    let r = runRedress(["check", tw.path])
    #expect(r.code == 2)
    #expect(
      r.err.contains("tw.yaml:4:15: error: jurisdiction: no rule pack for jurisdiction 'tw'; available: cn"))
  }

  @Test func aCaseWithoutAnIDIsNamedByItsFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redress-check-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let file = dir.appendingPathComponent("my-kettle.yaml")
    let text = try String(contentsOf: Fixtures.washerCase, encoding: .utf8)
    try text.replacingOccurrences(of: "id: washer-2026 ", with: "").write(
      to: file, atomically: true, encoding: .utf8)
    let r = runRedress(["check", file.path, "--today", "2026-11-22", "--format", "json"])
    #expect(r.out.contains("\"case\": \"my-kettle\""))
  }

  /// A refusal that only the missing 2027 notice decides is shown as a warning, with a note
  /// saying why, and the case is admissible; a week later it is a refusal.
  @Test func aRefusalThatDependsOnAMissingNoticeIsAWarningWithItsNote() throws {
    let folder = try TempFolder()
    let text = try String(contentsOf: Fixtures.washerCase, encoding: .utf8)
    // Not filed: the reference day is the day of the check.
    let late = text.replacingOccurrences(of: "discovered_on: 2026-10-05", with: "discovered_on: 2024-02-10")
      .replacingOccurrences(of: "filed_on: 2026-10-10", with: "# filed_on: 2026-10-10")
    #expect(late.components(separatedBy: "2024-02-10").count == 2 && late.contains("# filed_on"))
    let file = try folder.write("late.yaml", Data(late.utf8))
    let early = runRedress(["check", file.path, "--today", "2027-02-11"])
    #expect(early.code == 0, "\(early.err)")
    #expect(early.out.contains("不作为拒绝受理的理由"), "\(early.out)")
    #expect(!early.out.contains("会被拒绝受理"), "\(early.out)")
    let en = runRedress(["check", file.path, "--today", "2027-02-11", "--lang", "en"])
    #expect(en.out.contains("So this is a warning, not a ground for refusal"), "\(en.out)")
    let later = runRedress(["check", file.path, "--today", "2027-02-16"])
    #expect(later.code == 1)
    #expect(later.out.contains("会被拒绝受理"))
    #expect(later.out.contains("通知收录后可能变动"))
  }

  /// A refusal read from a date the case file gets wrong (the problem found before the
  /// purchase: most likely a year mistyped) is still the rule's answer (rules.md), but says
  /// which field is wrong and that the verdict may change once it is corrected.
  @Test func aRefusalThatReadsAWrongDateSaysSo() throws {
    let folder = try TempFolder()
    let text = try String(contentsOf: Fixtures.washerCase, encoding: .utf8)
    let typo = text.replacingOccurrences(of: "discovered_on: 2026-10-05", with: "discovered_on: 2020-10-05")
    #expect(typo != text)
    let file = try folder.write("typo.yaml", Data(typo.utf8))
    let line = typo.components(separatedBy: "\n").firstIndex { $0.contains("discovered_on: 2020-10-05") }! + 1

    let r = runRedress(["check", file.path, "--today", "2026-12-07"])
    #expect(r.code == 1, "\(r.err)")
    #expect(r.out.contains("！这一结论依据的字段有误：damage.discovered_on（第\(line)行）"), "\(r.out)")
    #expect(r.out.contains("the problem was found on 2020-10-05, before the purchase on 2026-10-01"))
    #expect(r.out.contains("但其中 1 项拒绝理由依据的字段在案件文件中有误"))

    let json = runRedress(["check", file.path, "--today", "2026-12-07", "--format", "json"])
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
    let findings = try #require(doc["findings"] as? [[String: Any]])
    let barred = try #require(findings.first { $0["rule"] as? String == "cn.time-barred" })
    let problems = try #require(barred["field_problems"] as? [[String: Any]])
    #expect(problems.count == 1)
    #expect(problems.first?["field"] as? String == "damage.discovered_on")
    #expect(problems.first?["line"] as? Int == line)

    // The reference day read from a filing day mistyped into the future: not a field the
    // finding names, but one its rule reads.
    let filed = text.replacingOccurrences(of: "filed_on: 2026-10-10", with: "filed_on: 2029-10-10")
    #expect(filed != text)
    let filedFile = try folder.write("filed.yaml", Data(filed.utf8))
    let filedJSON = runRedress(["check", filedFile.path, "--today", "2026-12-07", "--format", "json"])
    let filedDoc = try #require(
      try JSONSerialization.jsonObject(with: Data(filedJSON.out.utf8)) as? [String: Any])
    let filedBarred = try #require(
      (filedDoc["findings"] as? [[String: Any]])?.first { $0["rule"] as? String == "cn.time-barred" })
    let filedProblems = try #require(filedBarred["field_problems"] as? [[String: Any]])
    #expect(filedProblems.map { $0["field"] as? String } == ["filing.filed_on"])

    // The example itself has nothing of the kind.
    let clean = runRedress(["check", Fixtures.washerCase.path, "--today", "2026-12-07", "--format", "json"])
    #expect(clean.code == 0)
    #expect(!clean.out.contains("field_problems"))
    let cleanText = runRedress(["check", Fixtures.washerCase.path, "--today", "2026-12-07"])
    #expect(!cleanText.out.contains("！"))
  }

  @Test func aFormatOtherThanTextOrJSONIsAUsageError() {
    let r = runRedress(["check", Fixtures.washerCase.path, "--format", "xml"])
    #expect(r.code == 64)
  }
}

@Suite struct RulesCommandTests {
  @Test func listShowsEveryRuleWithItsSeverities() throws {
    let r = runRedress(["rules"])
    #expect(r.code == 0)
    #expect(r.out.contains("cn.no-evidence                  block                 warn              没有任何证据"))
    expectGolden(
      r.out,
      at: Fixtures.repositoryRoot.appendingPathComponent(
        "Tests/RedressCLITests/Fixtures/goldens/rules-list.txt"))
  }

  @Test func explainPrintsRationaleCitationsAndExamples() throws {
    let r = runRedress(["rules", "explain", "cn.time-barred"])
    #expect(r.code == 0)
    for needle in [
      "第一百八十八条",
      "the reference day (the filing day once filed, else today) is after damage.discovered_on + 3 years, rolled",
      "discovered_on: 2024-02-29",
    ] {
      #expect(
        r.out.contains(needle)
          || runRedress(["rules", "explain", "cn.time-barred", "--lang", "en"]).out.contains(needle),
        "\(needle)")
    }
    expectGolden(
      r.out,
      at: Fixtures.repositoryRoot.appendingPathComponent(
        "Tests/RedressCLITests/Fixtures/goldens/rules-explain-time-barred.txt"))
    let en = runRedress(["rules", "explain", "time-barred", "--lang", "en"])
    #expect(en.code == 0)
    expectGolden(
      en.out,
      at: Fixtures.repositoryRoot.appendingPathComponent(
        "Tests/RedressCLITests/Fixtures/goldens/rules-explain-time-barred-en.txt"))
  }

  @Test func explainingAnUnknownRuleSuggestsTheNearest() {
    let r = runRedress(["rules", "explain", "cn.time-bared"])
    #expect(r.code == 2)
    #expect(r.err.contains("no rule 'cn.time-bared' in pack cn; did you mean 'cn.time-barred'?"))
  }

  @Test func testRunsEveryExample() {
    let r = runRedress(["rules", "test"])
    #expect(r.code == 0, "\(r.err)")
    #expect(r.out.hasPrefix("cn: 35 rules, "))
    #expect(r.out.contains("examples: all hold"))
  }

  @Test func docPrintsDocsRulesMd() throws {
    let r = runRedress(["rules", "doc"])
    let file = try String(
      contentsOf: Fixtures.repositoryRoot.appendingPathComponent("docs/rules.md"), encoding: .utf8)
    #expect(r.out == file)
  }
}
