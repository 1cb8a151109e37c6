import Foundation
import RedressCore
import RedressTestSupport
import Testing

/// The case file's field tables (`CaseFile.fields`), from which the reader, the writer, the
/// rules' schema, the validator's required fields and `docs/case-file-fields.md` derive.
@Suite struct CaseFileFieldTableTests {
  /// `docs/case-file-fields.md` is generated from the tables and must be current.
  @Test func docsCaseFileFieldsMdIsCurrent() throws {
    let markdown = CaseFileFieldReference.markdown()
    #expect(markdown.contains("| `purchase.items[].unit_price` | an amount (decimal text) | optional |"))
    #expect(markdown.contains("| `agent.phone` | text | required when `agent` is present |"))
    expectGolden(markdown, at: Fixtures.repositoryRoot.appendingPathComponent("docs/case-file-fields.md"))
  }

  /// Paths are unique, keys are snake_case, and every section and list has fields.
  @Test func pathsAreUniqueAndKeysSnakeCase() {
    let paths = CaseFieldSchema.allPaths
    #expect(Set(paths).count == paths.count)
    #expect(paths.count > 100)
    for field in CaseFieldSchema.fields {
      let key = field.path.split(separator: ".").last.map {
        String($0.replacingOccurrences(of: "[]", with: ""))
      }
      #expect(key?.allSatisfy { ("a"..."z").contains($0) || $0 == "_" } == true, "\(field.path)")
      switch field.type {
      case .section, .list:
        let prefix = field.path + (field.type == .list ? "[]." : ".")
        #expect(paths.contains { $0.hasPrefix(prefix) }, "\(field.path) has no fields")
      default: break
      }
    }
    #expect(CaseFile.fields.map(\.key).first == "version")
  }

  /// The required and expected fields are the contract's (`rules.md`: cn.missing-contents,
  /// cn.incomplete-facts), in its order.
  @Test func requiredAndExpectedFieldsAreTheContracts() {
    var c = CaseFile()
    #expect(
      CaseValidator.missingRequiredFields(c) == [
        "complainant.name", "complainant.phone", "complainant.address", "respondent.name",
        "respondent.address", "damage.description", "claims",
      ])
    c.agent = Agent()
    #expect(CaseValidator.missingRequiredFields(c).suffix(2) == ["agent.name", "agent.phone"])
    #expect(
      CaseValidator.missingExpectedFields(c) == [
        "purchase.date", "purchase.amount_paid", "purchase.items", "damage.discovered_on",
      ])
    // Blank text is missing; an item without a name does not count.
    c.complainant = Complainant()
    c.complainant?.name = " \n"
    c.purchase = Purchase()
    c.purchase?.items = [Item()]
    #expect(CaseValidator.missingRequiredFields(c).first == "complainant.name")
    #expect(CaseValidator.missingExpectedFields(c).contains("purchase.items"))
    c.purchase?.items[0].name = "洗衣机"
    #expect(!CaseValidator.missingExpectedFields(c).contains("purchase.items"))
  }

  /// A case with every field set is written with every path of the table and read back equal.
  @Test func everyFieldIsWrittenAndReadBack() throws {
    let c = try Self.fullCase()
    let yaml = CaseFileWriter.yaml(for: c)
    let node = try YAMLDocumentLoader.load(data: Data(yaml.utf8), file: "full.yaml")
    let (again, map) = try CaseFileReader.decodeWithLocations(node, file: "full.yaml")
    #expect(again == c)
    for path in CaseFieldSchema.allPaths {
      let written = path.replacingOccurrences(of: "[]", with: "[0]")
      #expect(map.locations[written] != nil, "\(written) was not written")
    }
  }

  /// An unknown key in any mapping is refused, naming the keys of that mapping's table.
  @Test func unknownKeysAreRefusedInEveryMapping() throws {
    let text = """
      version: 1
      purchase:
        amount_paid: "100"
        prepaid:
          units_totl: 3
        items:
          - nam: x
      """
    let node = try YAMLDocumentLoader.load(data: Data(text.utf8), file: "u.yaml")
    let (_, _, problems) = CaseFileReader.decodeLeniently(node, file: "u.yaml")
    #expect(problems.map(\.path) == ["purchase.prepaid.units_totl", "purchase.items[0].nam"])
    #expect(problems.first?.message == "unknown key 'units_totl'; did you mean 'units_total'?")
    #expect(problems.first?.line == 5)
  }

  static func fullCase() throws -> CaseFile {
    var c = try CaseFileReader.read(contentsOf: Fixtures.washerCase)
    c.region = "330100"
    c.negotiation?.settlement = Settlement()
    c.negotiation?.settlement?.reached = true
    c.negotiation?.settlement?.performed = false
    c.purchase!.items[0].quantity = 2
    c.purchase!.items[0].category = .washingMachine
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
    c.damage!.losses = Money(decimal: "10")
    var event = FilingEvent()
    event.date = EventDate(text: "2026-10-20T14:30")
    event.kind = .response
    event.note = "回电"
    if c.filing == nil { c.filing = Filing() }
    c.filing!.filedOn = CalendarDate(iso: "2026-10-10")
    c.filing!.acceptedOn = CalendarDate(iso: "2026-10-12")
    c.filing!.reference = "GD1"
    c.filing!.events = [event]
    return c
  }
}
