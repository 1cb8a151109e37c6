import Foundation
import RedressCore
import RedressTestSupport
import Testing

/// Issue 8's hostile input "a case file with 100,000 items": read, validated and judged in one
/// piece, exactly (correct, not timed; `scripts/bench` and the README hold the timings).
@Suite struct LargeCaseTests {
  /// The example case with `count` generated items in place of its one; returns the file and
  /// the items' exact total in fen.
  static func generate(count: Int, paidLessBy discount: Int64, in folder: URL) throws -> (URL, Int64) {
    let source = try String(contentsOf: Fixtures.washerCase, encoding: .utf8)
    let start = try #require(source.range(of: "  items:"))
    let end = try #require(source.range(of: "  amount_paid:"))
    var items = "  items:\n"
    var total: Int64 = 0
    for i in 1...count {
      let quantity = i % 3 + 1
      let priceFen = Int64(i % 1000) * 100 + 50
      total += priceFen * Int64(quantity)
      items += "    - name: \"配件 \(i) 号\"\n      quantity: \(quantity)\n"
      items += "      unit_price: \"\(priceFen / 100).\(priceFen % 100)\"\n"
    }
    let paid = total - discount
    var text = String(source[..<start.lowerBound]) + items + String(source[end.lowerBound...])
    text = text.replacingOccurrences(
      of: "amount_paid: \"2999.00\"",
      with: "amount_paid: \"\(paid / 100).\(String(format: "%02d", paid % 100))\"")
    let url = folder.appendingPathComponent("large.yaml")
    try Data(text.utf8).write(to: url)
    // The evidence files the example names.
    try FileManager.default.copyItem(
      at: Fixtures.sharedExamples.appendingPathComponent("evidence"),
      to: folder.appendingPathComponent("evidence"))
    return (url, total)
  }

  @Test func aCaseWithOneHundredThousandItemsIsReadValidatedAndJudgedExactly() throws {
    let folder = try Fixtures.temporaryDirectory("redress-large")
    defer { try? FileManager.default.removeItem(at: folder) }
    let count = 100_000
    let (url, totalFen) = try Self.generate(count: count, paidLessBy: 1_000, in: folder)

    let loaded = try LoadedCase.load(contentsOf: url, displayName: "large.yaml")
    let items = try #require(loaded.caseFile.purchase?.items)
    #expect(items.count == count)
    #expect(items.last?.name == "配件 \(count) 号")
    #expect(items.last?.unitPrice == Money(decimal: "0.50"))
    #expect(items.last?.quantity == count % 3 + 1)
    // The last item's line is where the source map says.
    #expect(loaded.sourceMap.location(of: "purchase.items[\(count - 1)].name") != nil)

    let diagnostics = CaseValidator(today: CalendarDate(iso: "2026-11-22")!).validate(loaded)
    #expect(!diagnostics.contains { $0.severity == .error })
    // Exactly one warning: the discount, naming the items' exact total.
    let warnings = diagnostics.filter { $0.severity == .warning }
    let total = "\(totalFen / 100).\(String(format: "%02d", totalFen % 100))"
    let paid = (totalFen - 1_000) / 100
    #expect(warnings.count == 1)
    #expect(warnings.first?.path == "purchase.amount_paid")
    #expect(
      warnings.first?.message.contains(
        "add up to \(total) but \(paid).\(String(format: "%02d", (totalFen - 1_000) % 100)) was paid") == true
    )

    let engine = try RuleEngine.load(
      packAt: Fixtures.repositoryRoot.appendingPathComponent("legal"), jurisdiction: "cn")
    let findings = engine.evaluate(loaded.caseFile, today: CalendarDate(iso: "2026-11-22")!)
    #expect(RuleEngine.isAdmissible(findings))
    #expect(findings.contains { $0.rule == "cn.quality-return-7d" })
  }
}
