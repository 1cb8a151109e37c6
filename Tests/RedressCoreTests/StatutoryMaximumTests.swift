import Foundation
import RedressCore
import RedressTestSupport
import Testing

/// The statutory maximum of a punitive claim (rules.md): fraud max(3 × paid, 500); food
/// max(10 × paid, 3 × losses, 1000); both the larger. Computed from the pack's formulas and
/// checked at and around each boundary, and against an oracle written here from the contract.
@Suite struct StatutoryMaximumTests {
  let engine: RuleEngine
  init() throws { engine = try RuleFixtures.engine() }

  private func m(_ s: String) -> Money { Money(decimal: s)! }

  private func max(_ paid: String?, losses: String? = nil, fraud: Bool = false, food: Bool = false) -> String?
  {
    StatutoryMaximum.compute(
      amountPaid: paid.map(m), losses: losses.map(m), fraudAlleged: fraud, foodSafetyViolation: food,
      engine: engine)?.fixed2
  }

  @Test func fraudIsThreeTimesWithAFloorOf500() {
    #expect(max("166.66", fraud: true) == "500.00")  // 499.98 is under the floor
    #expect(max("166.67", fraud: true) == "500.01")
    #expect(max("166.6", fraud: true) == "500.00")  // 499.80
    #expect(max("0", fraud: true) == "500.00")
    #expect(max("1000", fraud: true) == "3000.00")
    #expect(max("2999.10", fraud: true) == "8997.30")
  }

  @Test func foodIsTenTimesOrThreeTimesTheLossWithAFloorOf1000() {
    #expect(max("100.00", food: true) == "1000.00")
    #expect(max("99.99", food: true) == "1000.00")  // 999.90 is under the floor
    #expect(max("100.01", food: true) == "1000.10")
    #expect(max("536.00", losses: "536.00", food: true) == "5360.00")
    // losses dominating the price
    #expect(max("10.00", losses: "500.00", food: true) == "1500.00")
    #expect(max("100.00", losses: "333.33", food: true) == "1000.00")  // 999.99
    #expect(max("100.00", losses: "333.34", food: true) == "1000.02")
    #expect(max("200.00", losses: "666.66", food: true) == "2000.00")  // 1999.98 < 10 × 200
    #expect(max("200.00", losses: "666.67", food: true) == "2000.01")
  }

  @Test func bothBasesTakeTheLargerAndNeitherHasNone() {
    #expect(max("536.00", losses: "536.00", fraud: true, food: true) == "5360.00")
    #expect(max("40.00", fraud: true, food: true) == "1000.00")
    #expect(max("199.00") == nil)
    #expect(max(nil, fraud: true) == nil)
    #expect(max(nil, losses: "800.00", food: true) == nil)
  }

  /// The pack's formulas against the contract's, on a sweep of amounts around the boundaries.
  @Test func packFormulasAgreeWithTheContractOnASweep() {
    func oracle(_ paid: Int64, _ losses: Int64?, _ fraud: Bool, _ food: Bool) -> Int64? {
      var best: Int64?
      if fraud { best = Swift.max(3 * paid, 50_000) }
      if food {
        let f = Swift.max(10 * paid, 3 * (losses ?? 0), 100_000)
        best = Swift.max(best ?? 0, f)
      }
      return best
    }
    let paids: [Int64] = Array(16_600...16_700) + Array(9_990...10_010) + [0, 1, 33_333, 999_999]
    let losses: [Int64?] = [nil, 0, 33_333, 33_334, 66_667]
    for paid in paids {
      for loss in losses {
        for (fraud, food) in [(true, false), (false, true), (true, true), (false, false)] {
          let got = StatutoryMaximum.compute(
            amountPaid: Money(minorUnits: paid), losses: loss.map { Money(minorUnits: $0) },
            fraudAlleged: fraud, foodSafetyViolation: food, engine: engine)
          #expect(
            got?.minorUnits == oracle(paid, loss, fraud, food),
            "paid \(paid) losses \(String(describing: loss))")
        }
      }
    }
  }

  /// Revision 2: the four bases (fraud or counterfeit, food, drug, known defect with serious
  /// injury), the largest that applies, against an oracle written from the contract's formulas.
  @Test func allFourBasesAgreeWithTheContractOnASweep() {
    func oracle(_ paid: Int64, _ losses: Int64?, _ bases: [Bool]) -> Int64? {
      let l = losses ?? 0
      var best: Int64?
      func take(_ v: Int64) { best = Swift.max(best ?? Int64.min, v) }
      if bases[0] || bases[4] { take(Swift.max(3 * paid, 50_000)) }
      if bases[1] { take(Swift.max(10 * paid, 3 * l, 100_000)) }
      if bases[2] { take(Swift.max(10 * paid, 3 * l, 100_000)) }
      if bases[3] { take(2 * l) }
      return best
    }
    let paids: [Int64] = [0, 1, 9_999, 10_000, 10_001, 16_666, 16_667, 333_333]
    let losses: [Int64?] = [nil, 0, 33_333, 33_334, 250_000, 1_000_001]
    for paid in paids {
      for loss in losses {
        for mask in 0..<32 {
          let b = (0..<5).map { mask & (1 << $0) != 0 }
          // serious injury counts only with business_knew; bases[3] sets both.
          let got = StatutoryMaximum.compute(
            amountPaid: Money(minorUnits: paid), losses: loss.map { Money(minorUnits: $0) },
            fraudAlleged: b[0], foodSafetyViolation: b[1], drugSafetyViolation: b[2], seriousInjury: b[3],
            businessKnew: b[3], counterfeit: b[4], engine: engine)
          #expect(
            got?.minorUnits == oracle(paid, loss, b), "paid \(paid) losses \(String(describing: loss)) \(b)")
        }
      }
    }
    // A serious injury the business did not know of is no basis.
    #expect(
      StatutoryMaximum.compute(
        amountPaid: m("100"), losses: m("500"), fraudAlleged: false, foodSafetyViolation: false,
        seriousInjury: true, businessKnew: false, engine: engine) == nil)
  }

  /// `StatutoryAmounts` lists each basis that applies with its amount and computation: what
  /// `redress claim` prints, from the same pack formulas as the messages.
  @Test func statutoryAmountsListTheBasesWithTheirComputation() throws {
    var c = try RuleFixtures.baseCase()
    c.purchase?.amountPaid = m("120.00")
    c.damage?.category = .counterfeit
    c.damage?.drugSafetyViolation = true
    c.damage?.seriousInjury = true
    c.damage?.businessKnew = true
    c.damage?.losses = m("700.00")
    let a = StatutoryAmounts.compute(for: c, engine: engine)
    #expect(a.applicable.map(\.basis) == ["fraud-treble", "drug-tenfold", "injury-double"])
    #expect(a.amount("fraud-treble") == m("500.00"))
    #expect(a.applicable[0].computation == "max(3 × 120.00, 500.00)")
    #expect(a.amount("drug-tenfold") == m("2100.00"))
    #expect(a.applicable[1].computation == "max(10 × 120.00, 3 × 700.00, 1000.00)")
    #expect(a.amount("injury-double") == m("1400.00"))
    #expect(a.applicable[2].computation == "2 × 700.00")
    #expect(a.maximum == m("2100.00"))
    #expect(a.amount("food-tenfold") == nil)
    #expect(a.applicable.allSatisfy { !$0.citations.isEmpty })
  }

  /// `cn.claim-exceeds-statutory` fires only when a punitive claim is strictly larger.
  @Test func claimExceedsOnlyWhenStrictlyLarger() throws {
    var c = try RuleFixtures.baseCase()
    c.purchase?.amountPaid = m("166.67")
    c.damage?.fraudAlleged = true
    var claim = Claim()
    claim.type = .punitiveDamages
    for (amount, fires) in [("500.00", false), ("500.01", false), ("500.02", true)] {
      claim.amount = m(amount)
      c.claims = [claim]
      let f = engine.evaluate(rule: "cn.claim-exceeds-statutory", on: c, today: RuleFixtures.today)
      #expect((f != nil) == fires, "claim \(amount)")
      if let f {
        #expect(f.fields == ["claims[0].amount"])
        #expect(f.message(in: "zh-Hans").contains("500.01元"))
        #expect(f.message(in: "en").contains("¥500.02"))
      }
    }
  }

  /// The food-agent example claims exactly 10 × 536.00: advice, not excess.
  @Test func foodAgentExampleStatesTheMaximum() throws {
    let c = try RuleFixtures.loadCase(Fixtures.foodAgentCase)
    #expect(StatutoryMaximum.compute(for: c, engine: engine)?.fixed2 == "5360.00")
    let findings = engine.evaluate(c, today: RuleFixtures.today)
    let food = try #require(findings.first { $0.rule == "cn.food-punitive" })
    #expect(food.severity == .info)
    #expect(food.message(in: "zh-Hans").replacingOccurrences(of: ",", with: "").contains("5360.00"))
    #expect(food.message(in: "en").contains("¥5,360.00"))
    let fraud = try #require(findings.first { $0.rule == "cn.fraud-punitive" })
    #expect(fraud.message(in: "zh-Hans").contains("1,608.00元"))
    #expect(!findings.contains { $0.rule == "cn.claim-exceeds-statutory" })
  }
}
