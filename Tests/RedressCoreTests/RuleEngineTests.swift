import Foundation
import RedressCore
import RedressTestSupport
import Testing

@Suite struct RuleEngineTests {
  let engine: RuleEngine
  init() throws { engine = try RuleFixtures.engine() }

  /// A case can be blocked for several reasons at once; every one is reported, blocks first.
  @Test func aCaseBlockedForThreeReasonsReportsAllThree() throws {
    var c = try RuleFixtures.baseCase()
    c.purchase?.purpose = .business
    c.respondent?.privateIndividual = true
    c.damage?.category = .quality
    c.damage?.causedByMisuse = true
    c.negotiation = nil
    let findings = engine.evaluate(c, today: RuleFixtures.today)
    #expect(
      findings.filter { $0.severity == .block }.map(\.rule) == [
        "cn.not-consumer-purpose", "cn.private-seller", "cn.misuse",
      ])
    #expect(findings.map(\.rule).last == "cn.no-negotiation")
    #expect(!RuleEngine.isAdmissible(findings))
    let report = CheckReport(
      caseName: "x", jurisdiction: "cn", venue: .consumerAssociation, today: RuleFixtures.today,
      findings: findings)
    #expect(!report.admissible)
  }

  @Test func findingsAreOrderedBlockWarnInfoThenPackOrder() throws {
    var c = CaseFile()
    c.claims = []
    var p = Purchase()
    p.channel = .online
    p.receivedOn = CalendarDate(iso: "2026-11-20")
    c.purchase = p
    let findings = engine.evaluate(c, today: RuleFixtures.today)
    let ranks = findings.map { $0.severity }
    #expect(ranks == ranks.sorted())
    let order = engine.pack.rules.map(\.id)
    for severity in FindingSeverity.allCases {
      let ids = findings.filter { $0.severity == severity }.map(\.rule)
      #expect(ids == ids.sorted { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! })
    }
    #expect(
      findings.map(\.rule) == [
        "cn.missing-contents", "cn.no-evidence", "cn.incomplete-facts", "cn.purpose-unstated",
        "cn.no-negotiation", "cn.no-reason-return",
      ])
    let missing = try #require(findings.first)
    #expect(missing.fields == CaseValidator.missingRequiredFields(c))
    #expect(missing.message(in: "zh-Hans").contains("投诉人姓名（complainant.name）"))
  }

  @Test func severityDependsOnTheVenue() throws {
    var c = try RuleFixtures.baseCase()
    c.evidence = []
    c.venue = .consumerAssociation
    #expect(engine.evaluate(c, today: RuleFixtures.today).first?.severity == .block)
    c.venue = .marketRegulator
    #expect(engine.evaluate(c, today: RuleFixtures.today).first?.severity == .warn)
    #expect(
      engine.evaluate(c, today: RuleFixtures.today, venue: .consumerAssociation).first?.severity == .block)
  }

  /// A rule whose inputs are absent does not fire; the three that report absence do.
  @Test func absentInputsDoNotFire() throws {
    let findings = engine.evaluate(CaseFile(), today: RuleFixtures.today).map(\.rule)
    #expect(
      findings == [
        "cn.missing-contents", "cn.no-evidence", "cn.incomplete-facts", "cn.purpose-unstated",
        "cn.no-negotiation",
      ])
  }

  /// 民法典 Arts. 201–203 as the contract states them: 2026-10-01 + 7 days = 2026-10-08;
  /// 2024-02-29 + 3 years = 2027-02-28, a Sunday, so the three years end Monday 2027-03-01.
  /// A finding knows the fields its rule read, beyond those it names: the three years read
  /// the day found and the reference day (`filing.filed_on`); a list is read as `list[]`. A
  /// validator's error in any of them is shown with the finding.
  @Test func aFindingKnowsTheFieldsItsRuleRead() throws {
    var c = try RuleFixtures.baseCase()
    c.damage?.discoveredOn = CalendarDate(iso: "2020-01-02")
    let barred = try #require(engine.evaluate(rule: "cn.time-barred", on: c, today: RuleFixtures.today))
    #expect(barred.fields == ["damage.discovered_on"])
    #expect(barred.fieldsRead.contains("damage.discovered_on"))
    #expect(barred.fieldsRead.contains("filing.filed_on"))
    #expect(!barred.fieldsRead.contains("reference-day") && !barred.fieldsRead.contains("today"))

    var report = CheckReport(
      caseName: "x", jurisdiction: "cn", venue: .consumerAssociation, today: RuleFixtures.today,
      findings: [barred])
    report.factProblems = [
      Diagnostic(.error, file: "c.yaml", line: 9, column: 3, path: "filing.filed_on", message: "after today"),
      Diagnostic(
        .error, file: "c.yaml", line: 4, column: 3, path: "complainant.phone", message: "not a phone"),
    ]
    #expect(report.problems(of: barred).map(\.path) == ["filing.filed_on"])
  }

  @Test func dateArithmeticFollowsTheCivilCode() throws {
    var c = try RuleFixtures.baseCase()
    c.purchase?.channel = .online
    c.purchase?.receivedOn = CalendarDate(iso: "2026-10-01")
    for (day, fires) in [("2026-10-08", true), ("2026-10-09", false)] {
      #expect(
        (engine.evaluate(rule: "cn.no-reason-return", on: c, today: CalendarDate(iso: day)!) != nil) == fires)
    }
    c.damage?.discoveredOn = CalendarDate(iso: "2024-02-29")
    for (day, fires) in [("2027-02-28", false), ("2027-03-01", false), ("2027-03-02", true)] {
      let f = engine.evaluate(rule: "cn.time-barred", on: c, today: CalendarDate(iso: day)!)
      #expect((f != nil) == fires, "\(day)")
      if let f { #expect(f.message(in: "en").contains("2027-03-01")) }
    }
    c.damage?.discoveredOn = CalendarDate(iso: "9998-06-01")
    #expect(engine.evaluate(rule: "cn.time-barred", on: c, today: CalendarDate(iso: "9999-12-31")!) == nil)
  }

  /// 2027 has no notice on file. Found 2024-02-10, the three years end Wednesday 2027-02-10
  /// on the statute's holidays (春节 2027-02-05..08), but the notice may still make rest days
  /// of the days after it, up to Sunday 02-14: until Monday 02-15 a refusal would depend on
  /// the notice, and is a warning; from 02-16 it is certain.
  @Test func aRefusalThatTheMissingNoticeCouldUndoIsAWarning() throws {
    var c = try RuleFixtures.baseCase()
    c.damage?.discoveredOn = CalendarDate(iso: "2024-02-10")
    for (day, severity, depends) in [
      ("2027-02-10", nil, false), ("2027-02-11", FindingSeverity.warn, true), ("2027-02-15", .warn, true),
      ("2027-02-16", .block, false), ("2027-06-01", .block, false),
    ] as [(String, FindingSeverity?, Bool)] {
      let findings = engine.evaluate(c, today: CalendarDate(iso: day)!)
      let f = findings.first { $0.rule == "cn.time-barred" }
      #expect(f?.severity == severity, "\(day)")
      #expect((f?.dependsOnNotice ?? false) == depends, "\(day)")
      if let f {
        #expect(f.provisional && f.yearsWithoutNotice == [2027], "\(day)")
        #expect(f.message(in: "en").contains("2027-02-10"), "\(day)")
      }
      #expect(RuleEngine.isAdmissible(findings) == (severity != .block), "\(day)")
    }
    // The same count in a year with a notice is certain: 2026-10-08 is the last day.
    c.damage?.discoveredOn = CalendarDate(iso: "2023-10-01")
    let f = try #require(
      engine.evaluate(rule: "cn.time-barred", on: c, today: CalendarDate(iso: "2026-10-09")!))
    #expect(f.severity == .block && !f.dependsOnNotice && !f.provisional)
  }

  @Test func aFindingThatDependsOnTheNoticeSaysSoInJSON() throws {
    var c = try RuleFixtures.baseCase()
    c.damage?.discoveredOn = CalendarDate(iso: "2024-02-10")
    func finding(on day: String) throws -> [String: Any] {
      let today = CalendarDate(iso: day)!
      let report = CheckReport(
        caseName: "x", jurisdiction: "cn", venue: .consumerAssociation, today: today,
        findings: engine.evaluate(c, today: today))
      let doc = try #require(
        try JSONSerialization.jsonObject(with: Data(report.json(language: "en").utf8)) as? [String: Any])
      let findings = try #require(doc["findings"] as? [[String: Any]])
      return try #require(findings.first { $0["rule"] as? String == "cn.time-barred" })
    }
    let uncertain = try finding(on: "2027-02-11")
    #expect(uncertain["severity"] as? String == "warn")
    #expect(uncertain["depends_on_notice"] as? Bool == true)
    #expect(uncertain["provisional"] as? Bool == true)
    let certain = try finding(on: "2027-02-16")
    #expect(certain["severity"] as? String == "block")
    #expect(certain["depends_on_notice"] == nil)
    #expect(certain["provisional"] as? Bool == true)
  }

  @Test func sharedExamplesAreAdmissibleWithTheirAdvice() throws {
    let washer = try RuleFixtures.loadCase(Fixtures.washerCase)
    let w = engine.evaluate(washer, today: RuleFixtures.today)
    #expect(w.map(\.rule) == ["cn.quality-return-7d", "cn.sanbao-return", "cn.burden-reversed"])
    let food = try RuleFixtures.loadCase(Fixtures.foodAgentCase)
    let f = engine.evaluate(food, today: RuleFixtures.today)
    #expect(f.map(\.rule) == ["cn.fraud-punitive", "cn.food-punitive"])
    #expect(f.allSatisfy { $0.legalBases == $0.citations })
  }

  @Test func jsonHasTheContractShape() throws {
    let c = try RuleFixtures.loadCase(Fixtures.foodAgentCase)
    let report = CheckReport(
      caseName: c.id!, jurisdiction: "cn", venue: c.effectiveVenue, today: RuleFixtures.today,
      findings: engine.evaluate(c, today: RuleFixtures.today))
    let text = report.json(language: "zh-Hans")
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(doc["case"] as? String == "milk-powder-2026")
    #expect(doc["jurisdiction"] as? String == "cn")
    #expect(doc["venue"] as? String == "market-regulator")
    #expect(doc["today"] as? String == "2026-11-22")
    #expect(doc["admissible"] as? Bool == true)
    let findings = try #require(doc["findings"] as? [[String: Any]])
    #expect(findings.count == 2)
    for f in findings {
      #expect(f["rule"] is String && f["severity"] as? String == "info" && f["message"] is String)
      #expect(f["fields"] is [String])
      let citations = try #require(f["citations"] as? [[String: Any]])
      #expect(
        !citations.isEmpty && citations.allSatisfy { $0["source"] is String && $0["article"] is String })
    }
    #expect(text.hasPrefix("{\n  \"case\": \"milk-powder-2026\",\n  \"jurisdiction\": \"cn\","))
    #expect(text.contains("《中华人民共和国食品安全法》"))
    let en = report.json(language: "en")
    #expect(en.contains("\"source\": \"Food Safety Law of the PRC (2021 amendment)\""))
  }

  @Test func jsonEscapesControlCharactersAndQuotes() {
    let s = OrderedJSON.string("a\"b\\c\n\u{1}中").text()
    #expect(s == "\"a\\\"b\\\\c\\n\\u0001中\"")
  }
}
