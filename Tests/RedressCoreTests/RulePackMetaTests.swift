import Foundation
import RedressCore
import RedressTestSupport
import Testing

/// The pack against the contract and the case model: ids, severities, examples, fields.
@Suite struct RulePackMetaTests {
  @Test func idsAreUniqueAndExactlyTheContractsInItsOrder() throws {
    let pack = try RuleFixtures.engine().pack
    let ids = pack.rules.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(ids == RuleFixtures.contract.map(\.id))
  }

  @Test func severitiesPerVenueAreTheContracts() throws {
    let pack = try RuleFixtures.engine().pack
    #expect(pack.venues.map(\.venue) == [.consumerAssociation, .marketRegulator])
    for entry in RuleFixtures.contract {
      let rule = try #require(pack.rule(entry.id))
      #expect(rule.severity(in: .consumerAssociation) == entry.association, "\(entry.id)")
      #expect(rule.severity(in: .marketRegulator) == entry.regulator, "\(entry.id)")
    }
  }

  @Test func everyRuleHasBothKindsOfExampleCitationsAndBothLanguages() throws {
    let pack = try RuleFixtures.engine().pack
    for rule in pack.rules {
      #expect(rule.examples.contains { $0.kind == .applies }, "\(rule.id) has no example that applies")
      #expect(
        rule.examples.contains { $0.kind == .doesNotApply }, "\(rule.id) has no example that does not apply")
      #expect(!rule.citations.isEmpty, "\(rule.id) cites nothing")
      for texts in [rule.summary, rule.rationale, rule.messageTexts, rule.adviceTexts] {
        #expect(texts["zh-Hans"]?.isEmpty == false && texts["en"]?.isEmpty == false, "\(rule.id)")
      }
      for c in rule.citations {
        // Only a text whose article numbers are unchecked is cited without an article (rules.md).
        #expect(
          !c.source(in: "zh-Hans").isEmpty && (!c.article(in: "zh-Hans").isEmpty || c.articleUnchecked),
          "\(rule.id)")
        #expect(
          !c.source(in: "en").isEmpty && (!c.article(in: "en").isEmpty || c.articleUnchecked), "\(rule.id)")
      }
    }
  }

  /// Where a rule rests on practice, its message says so in both languages (`rules.md`).
  @Test func practiceIsNamedAsPractice() throws {
    let pack = try RuleFixtures.engine().pack
    var practiceRules = 0
    // A text cited at practice only because its article numbers are unchecked is law all the same.
    for rule in pack.rules
    where rule.citations.contains(where: { $0.confidence == .practice && !$0.articleUnchecked }) {
      practiceRules += 1
      #expect(rule.messageTexts["zh-Hans"]?.contains("实务") == true, "\(rule.id)")
      #expect(rule.messageTexts["en"]?.contains("practice") == true, "\(rule.id)")
    }
    #expect(practiceRules >= 10)
    // Revision 2: lost property is a warning resting on practice and on 消法 Art. 18.
    let lost = try #require(pack.rule("cn.lost-property"))
    #expect(lost.citations.filter { $0.confidence == .practice }.count == 1)
    #expect(lost.adviceTexts["zh-Hans"]?.contains("公安机关") == true)
  }

  /// Every path of the table is in the value tree of a case that fills every field, with a
  /// value of the table's type.
  @Test func valueTreeCoversEveryFieldWithItsType() throws {
    var c = try RuleFixtures.loadCase(Fixtures.washerCase)
    c.negotiation?.settlement?.reached = true
    var item = c.purchase!.items[0]
    item.quantity = 1
    c.purchase!.items = [item]
    c.region = "330100"
    var prepaid = Prepaid()
    prepaid.unitsTotal = 96
    prepaid.unitsUsed = 38
    prepaid.balance = Money(decimal: "7733.33")
    prepaid.businessStopped = true
    c.purchase!.prepaid = prepaid
    c.damage!.drugSafetyViolation = false
    c.damage!.seriousInjury = false
    c.damage!.businessKnew = false
    c.damage!.inBusinessCustody = false
    c.damage!.disclosedDefect = false
    let root = CaseFieldSchema.values(of: c)
    for field in CaseFieldSchema.fields {
      var current: [CaseFieldSchema.Value] = [root]
      for part in field.path.split(separator: ".") {
        let isList = part.hasSuffix("[]")
        let key = isList ? String(part.dropLast(2)) : String(part)
        current = current.compactMap { $0[key] }
        if isList {
          current = current.flatMap { v -> [CaseFieldSchema.Value] in
            if case .list(let items) = v { return items }
            return []
          }
        }
      }
      let value = try #require(current.first, "no value for \(field.path)")
      switch (field.type, value) {
      case (.text, .text), (.word, .word), (.flag, .flag), (.date, .date), (.money, .money),
        (.number, .number), (.section, .section), (.list, .list):
        break
      default:
        Issue.record("\(field.path): declared \(field.type), got \(value)")
      }
      if case .word(let words) = field.type, case .word(let w) = value {
        #expect(words.contains(w), "\(field.path)")
      }
    }
  }

  /// No rule fires on the base case the examples are merged over, at either venue.
  @Test func baseCaseOfTheExamplesIsClean() throws {
    let engine = try RuleFixtures.engine()
    let base = try RuleFixtures.baseCase()
    for venue in Venue.allCases {
      let findings = engine.evaluate(base, today: engine.pack.exampleToday, venue: venue)
      #expect(findings.isEmpty, "\(venue): \(findings.map(\.rule))")
    }
  }

  /// `cn.missing-contents` (a list in the pack) agrees with `CaseValidator.missingRequiredFields`.
  @Test func missingContentsAgreesWithTheValidator() throws {
    let engine = try RuleFixtures.engine()
    var cases: [CaseFile] = [CaseFile(), try RuleFixtures.baseCase()]
    cases.append(try RuleFixtures.loadCase(Fixtures.washerCase))
    cases.append(try RuleFixtures.loadCase(Fixtures.foodAgentCase))
    for rule in engine.pack.rules {
      for example in rule.examples {
        cases.append(try RuleExampleRunner.exampleCase(example, engine: engine))
      }
    }
    var partial = CaseFile()
    partial.agent = Agent()
    partial.purchase = Purchase()
    partial.purchase?.items = [Item()]
    partial.complainant = Complainant()
    partial.complainant?.name = " "
    cases.append(partial)
    for c in cases {
      let finding = engine.evaluate(rule: "cn.missing-contents", on: c, today: RuleFixtures.today)
      #expect((finding?.fields ?? []) == CaseValidator.missingRequiredFields(c))
      let facts = engine.evaluate(rule: "cn.incomplete-facts", on: c, today: RuleFixtures.today)
      #expect((facts?.fields ?? []) == CaseValidator.missingExpectedFields(c))
    }
  }
}
