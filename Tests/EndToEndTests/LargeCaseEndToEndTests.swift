import Foundation
import RedressTestSupport
import Testing

/// A case with thousands of items through `redress letter --format pdf`: a whole, readable
/// letter whose table reaches the last item (issue 8, "a case file with 100,000 items"; the
/// 100,000-item read is `LargeCaseTests`, kept in-process for time).
@Suite struct LargeCaseEndToEndTests {
  @Test func aLetterWithFiveThousandItemsListsTheLastOne() throws {
    let count = 5_000
    let dir = try Fixtures.temporaryDirectory("large-letter")
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.copyItem(
      at: Fixtures.sharedExamples.appendingPathComponent("evidence"),
      to: dir.appendingPathComponent("evidence"))
    let source = try String(contentsOf: Fixtures.washerCase, encoding: .utf8)
    let start = try #require(source.range(of: "  items:"))
    let end = try #require(source.range(of: "  amount_paid:"))
    var items = "  items:\n"
    for i in 1...count { items += "    - name: P\(i)Q\n      unit_price: \"1.00\"\n" }
    let text = (String(source[..<start.lowerBound]) + items + String(source[end.lowerBound...]))
      .replacingOccurrences(of: "amount_paid: \"2999.00\"", with: "amount_paid: \"\(count).00\"")
    let caseURL = dir.appendingPathComponent("large.yaml")
    try Data(text.utf8).write(to: caseURL)
    let pdf = dir.appendingPathComponent("letter.pdf")

    let r = try ProcessRunner.redress(
      ["letter", caseURL.path, "--format", "pdf", "-o", pdf.path, "--today", "2026-11-22"])
    #expect(r.exitCode == 0, "\(r.stderr)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [
        "evidence", "large.yaml", "letter.pdf",
      ])

    guard Fixtures.python != nil else {
      if Fixtures.isCI { Issue.record("no Python with pypdf: set REDRESS_PYTHON or run make test-deps") }
      return
    }
    let script = """
      import sys, pypdf
      reader = pypdf.PdfReader(sys.argv[1])
      n = len(reader.pages)
      print(n)
      print("".join(reader.pages[i].extract_text() for i in range(max(0, n - 4), n)))
      """
    let read = try ProcessRunner.python(script, [pdf.path])
    #expect(read.exitCode == 0, "pypdf: \(read.stderr)")
    let pages = Int(read.stdout.prefix { $0 != "\n" }) ?? 0
    #expect(pages > 100)
    let tail = read.stdout.filter { !$0.isWhitespace }
    #expect(tail.contains("P\(count)Q"))
    #expect(tail.contains("P\(count - 1)Q"))
  }
}
