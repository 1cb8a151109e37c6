import Foundation
import RedressTestSupport
import Testing

/// `redress export CASE --eml` through the built binary; every written message is read back by
/// Python's email package.
struct ExportEMLEndToEndTests {
  /// A copy of the washer case in a fresh folder, with extra evidence files of the given sizes
  /// (pseudo-random bytes, so nothing compresses) between E1 and E6.
  struct CaseFolder {
    var dir: URL
    var caseFile: URL { dir.appendingPathComponent("case.yaml") }

    init(extraEvidence: [(title: String, file: String, size: Int)], edit: (String) -> String = { $0 }) throws
    {
      dir = try Fixtures.temporaryDirectory("redress-eml")
      let evidence = dir.appendingPathComponent("evidence")
      try FileManager.default.createDirectory(at: evidence, withIntermediateDirectories: true)
      for name in ["invoice.xml", "authorization.pdf"] {
        let data = try Data(contentsOf: Fixtures.sharedExamples.appendingPathComponent("evidence/\(name)"))
        try data.write(to: evidence.appendingPathComponent(name))
      }
      var items = ""
      for (i, e) in extraEvidence.enumerated() {
        var state: UInt64 = 0x1234_5678 &+ UInt64(i)
        var bytes = [UInt8](repeating: 0, count: e.size)
        for j in 0..<e.size {
          state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
          bytes[j] = UInt8(truncatingIfNeeded: state >> 33)
        }
        try Data(bytes).write(to: evidence.appendingPathComponent(e.file))
        items += """
            - id: P\(i + 1)
              kind: photo
              title: \(e.title)
              file: evidence/\(e.file)
              date: 2026-10-05
              proves: 洗衣机漏水

          """
      }
      var text = try String(contentsOf: Fixtures.washerCase, encoding: .utf8)
      text = text.replacingOccurrences(of: "  - id: E6\n", with: items + "  - id: E6\n")
      try edit(text).write(to: caseFile, atomically: true, encoding: .utf8)
    }

    func source(_ file: String) -> URL { dir.appendingPathComponent("evidence/\(file)") }
    func remove() { try? FileManager.default.removeItem(at: dir) }
  }

  func export(_ folder: CaseFolder, _ extra: [String]) throws -> ProcessResult {
    try ProcessRunner.redress(
      ["export", "case.yaml", "--eml", "-o", "out"] + extra, environment: ["SOURCE_DATE_EPOCH": "1795000000"],
      currentDirectory: folder.dir)
  }

  func written(_ folder: CaseFolder) -> [String] {
    let out = folder.dir.appendingPathComponent("out")
    return ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).sorted()
  }

  /// Python's reports of the files, after the raw checks; nil when Python is missing outside CI.
  func reports(_ files: [URL]) throws -> [MailOracle.Report]? {
    for f in files {
      #expect(MailOracle.rawProblems(try Data(contentsOf: f)) == [], "\(f.lastPathComponent)")
    }
    guard MailOracle.python != nil else {
      if MailOracle.isCI { Issue.record("no Python interpreter for the e-mail oracle") }
      return nil
    }
    return try MailOracle.reports(files)
  }

  @Test func aFilingThatFitsIsOneMessage() throws {
    let folder = try CaseFolder(extraEvidence: [("漏水照片", "leak.jpg", 50_000)])
    defer { folder.remove() }
    let r = try export(folder, ["--to", "杭州市消保委 <tousu@example.org>"])
    #expect(r.exitCode == 0, "\(r.stderr)")
    #expect(written(folder) == ["washer-2026.eml"])
    #expect(r.stdout.contains("washer-2026.eml"))
    let file = folder.dir.appendingPathComponent("out/washer-2026.eml")
    guard let report = try reports([file])?.first else { return }
    #expect(report.subject == "投诉：某某电器销售有限公司 滚筒洗衣机（王小明）")
    #expect(report.fromMailboxes.first?.addrSpec == "xiaoming@example.com")
    #expect(report.fromMailboxes.first?.displayName == "王小明")
    #expect(report.toMailboxes.first?.displayName == "杭州市消保委")
    #expect(report.dateISO?.hasPrefix("2026-11-18T") == true)
    // The bundle's members, in the bundle's order: the documents, then the evidence.
    let names = report.attachments.compactMap(\.filename)
    #expect(
      names == [
        "投诉书-washer-2026.pdf", "投诉书-washer-2026.docx", "证据清单-washer-2026.pdf", "授权委托书-washer-2026.pdf",
        "证据01-电子发票.xml", "证据02-漏水照片.jpg", "证据03-授权委托书.pdf",
      ])
    #expect(
      report.attachments.prefix(4).map(\.contentType) == [
        "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/pdf", "application/pdf",
      ])
    // The body is the e-mail body template, listing every attachment.
    let plain = try #require(report.plain)
    #expect(plain.hasPrefix("杭州市消费者权益保护委员会："))
    #expect(plain.contains("投诉人王小明就与某某电器销售有限公司之间的消费者权益争议"))
    #expect(plain.contains("本邮件附件："))
    for name in names { #expect(plain.contains(name)) }
    #expect(!plain.contains("第1封"))
    #expect(report.html?.contains("证据02-漏水照片.jpg") == true)
    let sources = [
      "证据01-电子发票.xml": "invoice.xml", "证据02-漏水照片.jpg": "leak.jpg", "证据03-授权委托书.pdf": "authorization.pdf",
    ]
    let digests = try MailOracle.sha256(sources.values.map { folder.source($0) })
    let expected = Dictionary(uniqueKeysWithValues: zip(sources.keys, digests))
    for a in report.attachments where expected[a.filename ?? ""] != nil {
      #expect(a.sha256 == expected[a.filename ?? ""], "\(a.filename ?? "")")
    }
    #expect(report.attachments.first { $0.filename == "证据01-电子发票.xml" }?.contentType == "application/xml")
  }

  @Test func aLargeFilingIsSplitInThreeUnderTheLimit() throws {
    let folder = try CaseFolder(extraEvidence: [
      ("漏水照片一", "a.jpg", 300_000), ("漏水照片二", "b.jpg", 300_000), ("漏水照片三", "c.jpg", 300_000),
      ("漏水照片四", "d.jpg", 300_000), ("漏水照片五", "e.jpg", 300_000),
    ])
    defer { folder.remove() }
    let r = try export(folder, ["--max-size", "900KB", "--lang", "en"])
    #expect(r.exitCode == 0, "\(r.stderr)")
    #expect(written(folder) == ["washer-2026-1of3.eml", "washer-2026-2of3.eml", "washer-2026-3of3.eml"])
    #expect(r.stdout.contains("so it is split into 3 messages; send them all, in order:"))
    #expect(r.stderr.contains("no --to"))
    let files = written(folder).map { folder.dir.appendingPathComponent("out/\($0)") }
    for f in files {
      let size = try FileManager.default.attributesOfItem(atPath: f.path)[.size] as! NSNumber
      #expect(size.int64Value <= 900_000, "\(f.lastPathComponent): \(size)")
    }
    guard let reports = try reports(files) else { return }
    #expect(reports.map(\.subject) == (1...3).map { "投诉：某某电器销售有限公司 滚筒洗衣机（王小明）（\($0)/3）" })
    #expect(reports.allSatisfy { $0.to == "undisclosed-recipients:;" })
    let all = reports.flatMap(\.attachments)
    #expect(all.count == 11)
    #expect(Set(all.compactMap(\.filename)).count == 11)
    // The first message carries the letter.
    #expect(
      reports[0].attachments.prefix(2).compactMap(\.filename) == [
        "投诉书-washer-2026.pdf", "投诉书-washer-2026.docx",
      ])
    for (i, r) in reports.enumerated() {
      let plain = try #require(r.plain)
      #expect(plain.contains("本投诉分3封邮件发送，本邮件为第\(i + 1)封"))
      for other in (1...3) where other != i + 1 { #expect(plain.contains("第\(other)封邮件附件：")) }
      for name in all.compactMap(\.filename) { #expect(plain.contains(name), "\(name) in message \(i + 1)") }
    }
    let digests = try MailOracle.sha256(
      ["a.jpg", "b.jpg", "c.jpg", "d.jpg", "e.jpg"].map { folder.source($0) })
    let photoDigests = all.filter { $0.filename?.hasSuffix(".jpg") == true }.map(\.sha256)
    #expect(photoDigests == digests)
  }

  @Test func oneFileOverTheLimitIsNamedAndNothingIsWritten() throws {
    let folder = try CaseFolder(extraEvidence: [("开箱视频", "unboxing.mp4", 800_000)])
    defer { folder.remove() }
    let r = try export(folder, ["--max-size", "1MB"])
    #expect(r.exitCode == 2)
    #expect(r.stderr.contains("证据02-开箱视频.mp4"), "\(r.stderr)")
    #expect(r.stderr.contains("--max-size"))
    #expect(written(folder) == [])
    #expect(!FileManager.default.fileExists(atPath: folder.dir.appendingPathComponent("out").path))
  }

  @Test func aRespondentNameCannotAddABccHeader() throws {
    let folder = try CaseFolder(extraEvidence: []) {
      $0.replacingOccurrences(of: "name: 某某电器销售有限公司", with: "name: \"某某电器销售有限公司\\r\\nBcc: x@y\"")
    }
    defer { folder.remove() }
    let r = try export(folder, [])
    #expect(r.exitCode == 0, "\(r.stderr)")
    let file = folder.dir.appendingPathComponent("out/washer-2026.eml")
    guard let report = try reports([file])?.first else { return }
    #expect(report.bcc == nil)
    #expect(!report.headerNames.contains { $0.lowercased() == "bcc" })
    #expect(report.subject == "投诉：某某电器销售有限公司 Bcc: x@y 滚筒洗衣机（王小明）")
  }

  @Test func badOptionsAreClearErrors() throws {
    let folder = try CaseFolder(extraEvidence: []) {
      $0.replacingOccurrences(of: "  email: xiaoming@example.com", with: "")
    }
    defer { folder.remove() }
    let noSender = try export(folder, [])
    #expect(noSender.exitCode == 2)
    #expect(noSender.stderr.contains("--from"))
    let badSize = try export(folder, ["--from", "a@example.com", "--max-size", "lots"])
    #expect(badSize.exitCode == 2)
    #expect(badSize.stderr.contains("--max-size"))
    let badTo = try export(folder, ["--from", "a@example.com", "--to", "x@y\r\nBcc: z@example.com"])
    #expect(badTo.exitCode == 2)
    #expect(badTo.stderr.contains("--to"))
    #expect(written(folder) == [])
  }
}
