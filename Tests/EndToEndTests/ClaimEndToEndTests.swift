import Foundation
import RedressTestSupport
import Testing

/// `redress claim`, and the prepaid scenarios through `check`, `claim` and `letter`, through the
/// built binary as outside tests drive them (`cli.md`: the JSON shape, the basis ids, the exit
/// codes).
@Suite struct ClaimEndToEndTests {
  private func run(_ args: [String]) throws -> (code: Int32, out: String, err: String) {
    let binary = ProcessRunner.redressBinary
    try #require(
      FileManager.default.isExecutableFile(atPath: binary.path),
      "build the binary first (swift build): \(binary.path)")
    let r = try ProcessRunner.redress(
      args, environment: ["REDRESS_DATA": Fixtures.repositoryRoot.path, "LANG": "C.UTF-8"])
    return (r.exitCode, r.stdout, r.stderr)
  }

  private func fixture(_ name: String) -> String {
    Fixtures.repositoryRoot.appendingPathComponent("Tests/RedressCLITests/Fixtures/\(name)").path
  }

  private func amounts(_ file: String) throws -> [[String: Any]] {
    let r = try run(["claim", file, "--format", "json"])
    #expect(r.code == 0, "\(r.err)")
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    return try #require(doc["amounts"] as? [[String: Any]])
  }

  /// The issue's three prepaid scenarios, and the README's gym: exact decimals, half up.
  @Test(arguments: [
    ("prepaid-50-sessions.yaml", "4440.00", "6000.00 × (50 − 13) ÷ 50"),
    ("prepaid-3-sessions.yaml", "666.67", "1000.00 × (3 − 1) ÷ 3"),
    ("prepaid-stored-value.yaml", "880.50", "880.50"),
    ("prepaid-gym.yaml", "7733.33", "12800.00 × (96 − 38) ÷ 96"),
  ])
  func prepaidBalanceInClaimCheckAndLetter(file: String, amount: String, computation: String) throws {
    let path = fixture(file)
    let list = try amounts(path)
    #expect(list.map { $0["basis"] as? String } == ["prepaid-balance"])
    #expect(list.first?["amount"] as? String == amount)
    #expect(list.first?["computation"] as? String == computation)
    let citations = try #require(list.first?["citations"] as? [[String: Any]])
    #expect(citations.map { $0["article"] as? String } == ["第五十三条", "第二十二条"])

    let check = try run(["check", path, "--today", "2026-11-22", "--format", "json"])
    #expect(check.code == 0, "\(check.err)")
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(check.out.utf8)) as? [String: Any])
    let findings = try #require(doc["findings"] as? [[String: Any]])
    let prepaid = try #require(findings.first { $0["rule"] as? String == "cn.prepaid-refund" })
    let grouped = Self.grouped(amount)
    #expect((prepaid["message"] as? String)?.contains(grouped) == true, "\(prepaid)")

    let letter = try run(["letter", path, "--format", "md", "-o", "-", "--today", "2026-11-22"])
    #expect(letter.code == 0, "\(letter.err)")
    #expect(letter.out.contains(grouped))
    #expect(letter.out.contains("第五十三条"))
    #expect(letter.out.contains("第二十二条"))
    #expect(!letter.out.contains("货款"))
  }

  /// The prepaid letter in the paged formats, read back by independent tools: poppler's
  /// pdftotext for the PDF, python-docx for Word.
  @Test func prepaidLetterInPDFAndWordStatesTheBalanceAndTheServiceTable() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redress-claim-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let pdf = dir.appendingPathComponent("gym.pdf")
    let docx = dir.appendingPathComponent("gym.docx")
    for (format, url) in [("pdf", pdf), ("docx", docx)] {
      let r = try run([
        "letter", fixture("prepaid-gym.yaml"), "--format", format, "-o", url.path, "--today", "2026-11-22",
      ])
      #expect(r.code == 0, "\(r.err)")
    }
    let pdfText = try ProcessRunner.run(
      URL(fileURLWithPath: "/usr/bin/pdftotext"), ["-enc", "UTF-8", pdf.path, "-"]
    ).stdout
    let python = try #require(Fixtures.python, "no Python for the python-docx oracle (make test-deps)")
    let script =
      "import docx,sys\nd=docx.Document(sys.argv[1])\nprint('\\n'.join(p.text for p in d.paragraphs))\n"
      + "for t in d.tables:\n  for r in t.rows: print(' | '.join(c.text for c in r.cells))\n"
    let docxText = try ProcessRunner.run(python, ["-c", script, docx.path]).stdout
    for text in [pdfText, docxText] {
      let flat = text.split(whereSeparator: \.isWhitespace).joined()
      for needle in ["期限或次数", "96节", "¥7,733.33", "第五十三条", "第二十二条", "已使用38次"] {
        #expect(flat.contains(needle), "\(needle) missing from:\n\(text)")
      }
      #expect(!flat.contains("货款") && !flat.contains("品牌"))
    }
  }

  @Test func fraudTrebleHasItsFloorAndCounterfeitCountsAsFraud() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redress-claim-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let washer = try String(contentsOf: Fixtures.washerCase, encoding: .utf8)
    let counterfeit = washer.replacingOccurrences(of: "category: quality", with: "category: counterfeit")
    try #require(counterfeit != washer)
    let file = dir.appendingPathComponent("counterfeit.yaml")
    try counterfeit.write(to: file, atomically: true, encoding: .utf8)
    let list = try amounts(file.path)
    let bases = list.compactMap { $0["basis"] as? String }
    #expect(bases.contains("refund"))
    #expect(bases.contains("fraud-treble"))
    let treble = try #require(list.first { $0["basis"] as? String == "fraud-treble" })
    #expect((treble["computation"] as? String)?.hasPrefix("max(3 × ") == true)
  }

  @Test(arguments: [
    ("prepaid-bad-units.yaml", "purchase.prepaid.units_used"),
    ("prepaid-bad-balance.yaml", "purchase.prepaid.balance"),
    ("prepaid-no-price.yaml", "purchase.prepaid"),
  ])
  func badPrepaidInputIsRefusedWithFieldAndLine(file: String, field: String) throws {
    for command in ["validate", "check", "claim"] {
      let r = try run([command, fixture(file)])
      #expect(r.code >= 2, "\(command) \(file)")
      #expect(r.err.contains("\(file):"), "\(r.err)")
      #expect(r.err.contains(field), "\(r.err)")
      #expect(r.err.range(of: #"\.yaml:\d+:\d+: error"#, options: .regularExpression) != nil, "\(r.err)")
    }
  }

  static func grouped(_ plain: String) -> String {
    let parts = plain.split(separator: ".")
    var whole = String(parts[0])
    var out = ""
    while whole.count > 3 {
      out = "," + whole.suffix(3) + out
      whole = String(whole.dropLast(3))
    }
    return whole + out + "." + parts[1]
  }
}
