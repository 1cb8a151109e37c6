import Foundation
import RedressCore
import RedressTestSupport
import Testing

/// One test per finding of the legal review (research/legal-review-2026-12.md) that the rules of
/// revision 2 answer: each failed on the pack of revision 1.
@Suite struct ReviewFindingsTests {
  let engine: RuleEngine
  init() throws { engine = try RuleFixtures.engine() }

  private func day(_ s: String) -> CalendarDate { CalendarDate(iso: s)! }
  private func claim(_ type: ClaimType, _ amount: String) -> Claim {
    var c = Claim()
    c.type = type
    c.amount = Money(decimal: amount)
    return c
  }
  private func item(_ name: String, _ category: ItemCategory) -> Item {
    var i = Item()
    i.name = name
    i.category = category
    return i
  }
  private func rules(_ c: CaseFile, on today: String = "2026-11-22") -> [String] {
    engine.evaluate(c, today: day(today)).map(\.rule)
  }

  /// Review summary 1 (HIGH): a parcel shown as signed for that never arrived is a dispute with
  /// the seller, not a matter for the police: no block, no warning, the custody-loss bases.
  @Test func aLostParcelInDeliveryIsAdmissibleWithItsBases() throws {
    var c = try RuleFixtures.baseCase()
    c.purchase?.channel = .online
    c.damage?.category = .lostProperty
    c.damage?.description = "物流显示已签收，但本人从未收到。"
    c.damage?.inBusinessCustody = true
    let findings = engine.evaluate(c, today: RuleFixtures.today)
    #expect(RuleEngine.isAdmissible(findings))
    #expect(!findings.map(\.rule).contains("cn.lost-property"))
    let custody = try #require(findings.first { $0.rule == "cn.custody-loss" })
    #expect(custody.severity == .info)
    #expect(Set(custody.citations.map { $0.article(in: "zh-Hans") }) == ["第六百零四条", "第八百九十七条", "第十八条"])
    // Custody not stated: a warning with the police advice, still admissible at both bodies.
    c.damage?.inBusinessCustody = nil
    for venue in Venue.allCases {
      let f = engine.evaluate(c, today: RuleFixtures.today, venue: venue)
      #expect(RuleEngine.isAdmissible(f))
      #expect(f.first { $0.rule == "cn.lost-property" }?.severity == .warn)
      #expect(f.first { $0.rule == "cn.lost-property" }?.advice(in: "zh-Hans")?.contains("公安机关") == true)
    }
  }

  /// Review §1b, §4: a clearance phone whose disclosed scratch is not the fault (the mainboard
  /// failed) is not blocked.
  @Test func aClearancePhoneWithADifferentFaultIsNotBlocked() throws {
    var c = try RuleFixtures.baseCase()
    c.purchase?.soldAsClearance = true
    c.purchase?.items[0].name = "手机（处理品，屏幕有划痕）"
    c.purchase?.items[0].category = .phone
    c.damage?.description = "出售时说明屏幕有划痕；一周后主板故障无法开机。"
    c.damage?.disclosedDefect = false
    #expect(RuleEngine.isAdmissible(engine.evaluate(c, today: RuleFixtures.today)))
    c.damage?.disclosedDefect = nil
    #expect(RuleEngine.isAdmissible(engine.evaluate(c, today: RuleFixtures.today)))
    c.damage?.disclosedDefect = true
    #expect(rules(c).first == "cn.disclosed-defect")
  }

  /// Review §4 and summary 4: found 2023-10-01, the three years end on the National Day holiday
  /// (2026-10-01..07), so the last day is 2026-10-08; no day inside the holiday is late.
  @Test func theLimitationEndingInTheNationalDayHolidayRollsToTheNextWorkingDay() throws {
    var c = try RuleFixtures.baseCase()
    c.damage?.discoveredOn = day("2023-10-01")
    for d in ["2026-10-01", "2026-10-04", "2026-10-07", "2026-10-08"] {
      #expect(engine.evaluate(rule: "cn.time-barred", on: c, today: day(d)) == nil, "\(d)")
    }
    let late = try #require(engine.evaluate(rule: "cn.time-barred", on: c, today: day("2026-10-09")))
    #expect(late.message(in: "zh-Hans").contains("2026年10月8日"))
    #expect(late.citations.contains { $0.article(in: "zh-Hans") == "第二百零三条" })
    #expect(!late.provisional)
    // Measured on the filing day once filed: filed on the last day, checked weeks later.
    c.filing = Filing()
    c.filing?.filedOn = day("2026-10-08")
    #expect(engine.evaluate(rule: "cn.time-barred", on: c, today: day("2026-11-22")) == nil)
    c.filing?.filedOn = day("2026-10-09")
    #expect(engine.evaluate(rule: "cn.time-barred", on: c, today: day("2026-10-08")) != nil)
  }

  /// The rule counts on the clocks' calendar and counting: its last day is the due day of
  /// `DeadlineCalculator` for the same end, for every discovery day of 2023.
  @Test func theLimitationUsesTheClocksCalendar() throws {
    let calculator = DeadlineCalculator(calendar: try #require(engine.calendar))
    var c = try RuleFixtures.baseCase()
    var d = day("2023-01-01")
    while d.year == 2023 {
      c.damage?.discoveredOn = d
      let due = calculator.rolledToWorkingDay(d.adding(months: 36)).due
      #expect(engine.evaluate(rule: "cn.time-barred", on: c, today: due) == nil, "\(d.iso)")
      #expect(engine.evaluate(rule: "cn.time-barred", on: c, today: due.adding(days: 1)) != nil, "\(d.iso)")
      d = d.adding(days: 1)
    }
  }

  /// A limit counted through a year without a holiday notice is marked provisional.
  @Test func aLimitInAYearWithoutANoticeIsProvisional() throws {
    let c = try RuleFixtures.baseCase()  // found 2026-10-20: the limit falls in 2029
    let f = try #require(engine.evaluate(rule: "cn.time-barred", on: c, today: day("2029-10-23")))
    #expect(f.provisional && f.yearsWithoutNotice == [2029])
    let json = CheckReport(
      caseName: "x", jurisdiction: "cn", venue: .consumerAssociation, today: day("2029-10-23"), findings: [f]
    ).json(language: "en")
    #expect(json.contains("\"provisional\": true") && json.contains("\"years_without_notice\": [\n"))
  }

  /// rules.md: counterfeit goods count as fraud for every rule that reads fraud_alleged.
  @Test func counterfeitCountsAsFraud() throws {
    var c = try RuleFixtures.baseCase()
    c.damage?.category = .counterfeit
    c.purchase?.warrantyUntil = day("2026-10-01")
    c.claims = [claim(.punitiveDamages, "597.01")]
    let found = rules(c)
    #expect(found.contains("cn.fraud-punitive"))
    #expect(!found.contains("cn.punitive-without-basis"))
    #expect(!found.contains("cn.warranty-expired"))
    #expect(found.contains("cn.claim-exceeds-statutory"))
    let amounts = StatutoryAmounts.compute(for: c, engine: engine)
    #expect(amounts.applicable.map(\.basis) == ["fraud-treble"])
    #expect(amounts.maximum == Money(decimal: "597.00"))
  }

  /// Every rule (and amount) that reads damage.fraud_alleged reads counterfeit beside it, so a
  /// rule added later cannot forget it.
  @Test func everyReaderOfFraudAlsoReadsCounterfeit() throws {
    var readers = 0
    for rule in engine.pack.rules {
      let text = RuleDescription.condition(of: rule, language: "en").joined(separator: "\n")
      guard text.contains("damage.fraud_alleged is true") else { continue }
      readers += 1
      #expect(text.contains("counterfeit"), "\(rule.id)")
    }
    #expect(readers == 3)
    for id in engine.pack.amountIDs {
      let text = RuleDescription.amount(id, in: engine.pack, language: "en").joined(separator: "\n")
      if text.contains("damage.fraud_alleged is true") { #expect(text.contains("counterfeit"), "\(id)") }
    }
  }

  /// Review §6 (689): a fake drug and a known defect causing serious injury have punitive
  /// bases of their own, with their amounts.
  @Test func drugAndInjuryPunitiveAmounts() throws {
    var c = try RuleFixtures.baseCase()
    c.purchase?.amountPaid = Money(decimal: "128.50")
    c.damage?.drugSafetyViolation = true
    c.claims = [claim(.punitiveDamages, "1285.00")]
    var found = engine.evaluate(c, today: RuleFixtures.today)
    #expect(!found.map(\.rule).contains("cn.punitive-without-basis"))
    #expect(!found.map(\.rule).contains("cn.claim-exceeds-statutory"))
    let drug = try #require(found.first { $0.rule == "cn.drug-punitive" })
    #expect(drug.message(in: "zh-Hans").contains("1,285.00元"))
    c.claims[0].amount = Money(decimal: "1285.01")
    #expect(rules(c).contains("cn.claim-exceeds-statutory"))

    c.damage?.drugSafetyViolation = nil
    c.damage?.seriousInjury = true
    c.damage?.personalInjury = true
    c.damage?.businessKnew = true
    c.damage?.losses = Money(decimal: "4321.05")
    c.claims[0].amount = Money(decimal: "8642.10")
    found = engine.evaluate(c, today: RuleFixtures.today)
    let injury = try #require(found.first { $0.rule == "cn.injury-punitive" })
    #expect(injury.message(in: "en").contains("¥8,642.10"))
    #expect(!found.map(\.rule).contains("cn.claim-exceeds-statutory"))
    c.damage?.businessKnew = false
    #expect(rules(c).contains("cn.punitive-without-basis"))
  }

  /// Review §1b: a privacy case may claim mental damages (民法典 Art. 1183).
  @Test func privacyMayClaimMentalDamages() throws {
    var c = try RuleFixtures.baseCase()
    c.damage?.category = .privacy
    c.claims = [claim(.mentalDamages, "3000.00")]
    #expect(!rules(c).contains("cn.mental-damages-basis"))
    c.damage?.category = .quality
    let f = try #require(engine.evaluate(rule: "cn.mental-damages-basis", on: c, today: RuleFixtures.today))
    #expect(f.citations.contains { $0.article(in: "zh-Hans") == "第一千一百八十三条" })
  }

  /// Review summary 7: found on day 2 but first asked on day 43, the seven-day return was not
  /// used, and the rule (and the letter's sentence) stays silent.
  @Test func theSevenDayReturnNeedsTheDemandWithinTheSevenDays() throws {
    var c = try RuleFixtures.baseCase()
    c.damage?.discoveredOn = day("2026-10-05")
    c.negotiation?.attempts[0].date = day("2026-11-15")
    #expect(engine.evaluate(rule: "cn.quality-return-7d", on: c, today: RuleFixtures.today) == nil)
    c.negotiation?.attempts[0].date = day("2026-10-10")
    #expect(engine.evaluate(rule: "cn.quality-return-7d", on: c, today: RuleFixtures.today) != nil)
  }

  /// Review summary 8: the purchase facts never block; they warn, and fields names them.
  @Test func missingPurchaseFactsWarnAndDoNotBlock() throws {
    var c = try RuleFixtures.baseCase()
    c.purchase?.amountPaid = nil
    c.damage?.discoveredOn = nil
    for venue in Venue.allCases {
      let f = engine.evaluate(c, today: RuleFixtures.today, venue: venue)
      #expect(RuleEngine.isAdmissible(f))
      let facts = try #require(f.first { $0.rule == "cn.incomplete-facts" })
      #expect(facts.severity == .warn && facts.fields == ["purchase.amount_paid", "damage.discovered_on"])
    }
  }

  /// Review §4, ground (1): a telecom dispute names 12300; a warning at the regulator, advice at
  /// the association.
  @Test func outsideCompetenceNamesTheChannel() throws {
    var c = try RuleFixtures.baseCase()
    c.purchase?.items = [item("宽带业务", .telecom)]
    let regulator = try #require(
      engine.evaluate(
        rule: "cn.outside-competence", on: c, today: RuleFixtures.today, venue: .marketRegulator))
    #expect(regulator.severity == .warn && regulator.message(in: "zh-Hans").contains("12300"))
    let association = try #require(
      engine.evaluate(
        rule: "cn.outside-competence", on: c, today: RuleFixtures.today, venue: .consumerAssociation))
    #expect(association.severity == .info)
  }
}
