import Foundation
import RedressCore
import RedressTestSupport
import Testing

/// The reader on the example case of `case-file.md` and on one invalid fixture per kind of
/// error, each compared with its exact expected messages (`Fixtures/invalid/*.expected`).
struct CaseFileReaderTests {
  static let invalidFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/invalid")

  static var invalidFixtures: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: invalidFolder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted()
  }

  @Test func readsTheExampleCase() throws {
    let c = try CaseFileReader.read(contentsOf: Fixtures.washerCase)
    #expect(c.id == "washer-2026")
    #expect(c.venue == .consumerAssociation)
    #expect(c.complainant?.name == "王小明")
    #expect(c.complainant?.idNumber == "11010519491231002X")
    #expect(c.purchase?.date == CalendarDate(year: 2026, month: 10, day: 1))
    #expect(c.purchase?.items.first?.unitPrice == Money(decimal: "2999.00"))
    #expect(c.purchase?.items.first?.quantity == 1)
    #expect(c.damage?.description == "收货第三天起滚筒运转时异响，第五天出现漏水。\n")
    #expect(c.negotiation?.attempts.first?.outcome == .noReply)
    #expect(c.evidence.map(\.id) == ["E1", "E6"])
    #expect(c.filing?.events.first?.kind == .response)
    #expect(c.agent?.authorization == "E6")
  }

  @Test func bareNumbersAreReadFromTheirText() throws {
    let c = try CaseFileReader.read(
      text: "version: 1\npurchase:\n  amount_paid: 2999.10\n  items:\n    - name: x\n      unit_price: 15\n",
      file: "t.yaml")
    #expect(c.purchase?.amountPaid?.text == "2999.10")
    #expect(c.purchase?.amountPaid?.minorUnits == 299_910)
    #expect(c.purchase?.items[0].unitPrice?.text == "15")
  }

  @Test func nullEqualsAbsent() throws {
    let c = try CaseFileReader.read(
      text: "version: 1\nid: ~\nagent: null\nclaims:\nevidence: []\n", file: "t.yaml")
    #expect(c.id == nil)
    #expect(c.agent == nil)
    #expect(c.claims.isEmpty)
  }

  @Test(arguments: invalidFixtures)
  func invalidFixtureGivesItsExactMessages(_ name: String) throws {
    let url = Self.invalidFolder.appendingPathComponent(name)
    var actual = ""
    do {
      _ = try CaseFileReader.read(contentsOf: url, displayName: name)
      Issue.record("\(name) was accepted")
    } catch let error as DiagnosticsError {
      actual = error.diagnostics.map(\.description).joined(separator: "\n") + "\n"
    }
    let golden = url.deletingPathExtension().appendingPathExtension("expected")
    expectGolden(actual, at: golden)
  }

  @Test func everyErrorOfAFileIsReportedTogether() throws {
    let text = """
      version: 1
      venu: consumer-association
      purchase:
        amount_paid: "1.234"
      damage:
        discovered_on: 2026-13-01

      """
    #expect(throws: DiagnosticsError.self) { try CaseFileReader.read(text: text, file: "three.yaml") }
    do {
      _ = try CaseFileReader.read(text: text, file: "three.yaml")
    } catch let error as DiagnosticsError {
      #expect(error.diagnostics.map(\.line) == [2, 4, 6])
      #expect(error.diagnostics.map(\.path) == ["venu", "purchase.amount_paid", "damage.discovered_on"])
    }
  }
}
