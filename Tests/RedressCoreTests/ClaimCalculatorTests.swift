import Foundation
import RedressCore
import RedressTestSupport
import Testing

/// The claim calculator (`redress claim`) and the unused prepaid balance of `rules.md`, checked
/// against numbers worked by hand.
@Suite struct ClaimCalculatorTests {
  @Test func unusedShareIsExactAndRoundsHalfUpToTheFen() {
    func share(_ paid: String, _ total: Int, _ used: Int) -> Money? {
      UnusedShare.of(Money(decimal: paid)!, unitsTotal: total, unitsUsed: used)
    }
    #expect(share("6000.00", 50, 13) == Money(decimal: "4440.00"))
    #expect(share("1000.00", 3, 1) == Money(decimal: "666.67"))
    #expect(share("12800.00", 96, 38) == Money(decimal: "7733.33"))
    // 0.05 × 1 ÷ 2 = 0.025: half up to 0.03; 0.07 × 1 ÷ 3 = 0.0233…: down to 0.02;
    // 0.07 × 2 ÷ 3 = 0.0466…: up to 0.05.
    #expect(share("0.05", 2, 1) == Money(decimal: "0.03"))
    #expect(share("0.07", 3, 2) == Money(decimal: "0.02"))
    #expect(share("0.07", 3, 1) == Money(decimal: "0.05"))
    #expect(share("100.00", 4, 0) == Money(decimal: "100.00"))
    #expect(share("100.00", 4, 4) == Money(decimal: "0.00"))
    #expect(share("100.00", 4, 5) == nil)
    #expect(share("100.00", 0, 0) == nil)
    #expect(share("100.00", 4, -1) == nil)
    // The largest amount a case file holds, times a million units: no overflow.
    #expect(share("999999999999999.99", 1_000_000, 1) == Money(decimal: "999998999999999.99"))
  }

  private func gym(_ edit: (inout CaseFile) -> Void) throws -> CaseFile {
    var c = try RuleFixtures.baseCase()
    var p = c.purchase ?? Purchase()
    p.subject = .service
    var item = Item()
    item.name = "私教课"
    item.category = .prepaid
    item.unitPrice = Money(decimal: "6000.00")
    p.items = [item]
    p.amountPaid = Money(decimal: "6000.00")
    var prepaid = Prepaid()
    prepaid.unitsTotal = 50
    prepaid.unitsUsed = 13
    p.prepaid = prepaid
    c.purchase = p
    edit(&c)
    return c
  }

  @Test func aPrepaidCaseGetsItsBalanceNotAFullRefund() throws {
    let calc = ClaimCalculator(engine: try RuleFixtures.engine())
    let entries = calc.amounts(for: try gym { _ in })
    #expect(entries.map(\.basis) == ["prepaid-balance"])
    #expect(entries.first?.amount == Money(decimal: "4440.00"))
    #expect(entries.first?.computation == "6000.00 × (50 − 13) ÷ 50")
    #expect(entries.first?.citations.map { $0.article(in: "en") } == ["Art. 53", "Art. 22"])
  }

  @Test func aGivenBalanceIsTakenAsGivenEvenBesideUnits() throws {
    let calc = ClaimCalculator(engine: try RuleFixtures.engine())
    let c = try gym { $0.purchase?.prepaid?.balance = Money(decimal: "880.50") }
    #expect(calc.amount("prepaid-balance", for: c) == Money(decimal: "880.50"))
    #expect(calc.amounts(for: c).first?.computation == "880.50")
  }

  @Test func noBalanceIsStatedWithoutUnitsOrBalance() throws {
    let calc = ClaimCalculator(engine: try RuleFixtures.engine())
    let c = try gym { $0.purchase?.prepaid?.unitsUsed = nil }
    #expect(calc.amounts(for: c).isEmpty)
  }

  @Test func goodsGetTheRefundAndThePunitiveBasesTheyAllege() throws {
    let calc = ClaimCalculator(engine: try RuleFixtures.engine())
    var c = try RuleFixtures.baseCase()
    #expect(calc.amounts(for: c).map(\.basis) == ["refund"])
    #expect(calc.amount("refund", for: c) == Money(decimal: "199.00"))
    c.damage?.category = .counterfeit
    let entries = calc.amounts(for: c)
    #expect(entries.map(\.basis) == ["refund", "fraud-treble"])
    // 3 × 199.00 = 597.00 is above the 500 floor.
    #expect(entries.last?.amount == Money(decimal: "597.00"))
    #expect(entries.last?.computation == "max(3 × 199.00, 500.00)")
  }
}
