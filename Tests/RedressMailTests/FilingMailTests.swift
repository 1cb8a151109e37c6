import Foundation
import RedressCore
import RedressDocuments
import RedressTestSupport
import Testing

@testable import RedressMail

/// Attachments standing in for the documents until the real ones are wired: a small fake letter
/// (PDF and DOCX), the evidence list and evidence files of chosen sizes with pseudo-random bytes.
struct FakeAttachments: FilingAttachmentsProvider {
  var evidenceSizes: [Int]
  var names: [String] = []

  static func bytes(_ count: Int, seed: UInt64, header: [UInt8] = []) -> Data {
    var state = seed &+ 0x9E37_79B9_7F4A_7C15
    var out = header
    out.reserveCapacity(count)
    while out.count < count {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      out.append(UInt8(truncatingIfNeeded: state))
    }
    return Data(out.prefix(count))
  }

  func attachments(for loaded: LoadedCase) throws -> [FilingAttachment] {
    var out = [
      FilingAttachment(
        role: .letter,
        attachment: MailAttachment(
          fileName: "投诉书.pdf", data: Self.bytes(30_000, seed: 1, header: Array("%PDF-1.7\n".utf8)))),
      FilingAttachment(
        role: .letter,
        attachment: MailAttachment(
          fileName: "投诉书.docx", data: Self.bytes(12_000, seed: 2, header: [0x50, 0x4B, 3, 4]))),
      FilingAttachment(
        role: .evidenceList,
        attachment: MailAttachment(
          fileName: "证据清单.pdf", data: Self.bytes(8_000, seed: 3, header: Array("%PDF-1.7\n".utf8)))),
    ]
    for (i, size) in evidenceSizes.enumerated() {
      let number = i + 1 < 10 ? "0\(i + 1)" : "\(i + 1)"
      let name = i < names.count ? names[i] : "证据\(number)-照片\(i + 1).jpg"
      let header: [UInt8] =
        name.hasSuffix(".jpg") || name.hasSuffix(".mp4") ? [0xFF, 0xD8, 0xFF] : Array("<?xml ".utf8)
      out.append(
        FilingAttachment(
          role: .evidence(id: "E\(i + 1)"),
          attachment: MailAttachment(
            fileName: name, data: Self.bytes(size, seed: UInt64(10 + i), header: header))))
    }
    return out
  }
}

/// Composes, writes and reads back filings.
struct FilingMailHarness {
  var folder: URL
  var caseFile: CaseFile
  var attachments: [FilingAttachment]

  init(case loaded: LoadedCase, provider: FilingAttachmentsProvider) throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redress-mail-\(UUID().uuidString)")
    caseFile = loaded.caseFile
    attachments = try provider.attachments(for: loaded)
  }

  func composer(maxSize: Int64, to: Recipients? = nil) throws -> FilingMailComposer {
    FilingMailComposer(
      from: try Mailbox(address: "xiaoming@example.com", displayName: caseFile.complainant?.name),
      to: try to ?? .mailboxes([Mailbox(address: "tousu@xfwq.example.cn", displayName: "杭州市消费者权益保护委员会")]),
      maxSize: maxSize, now: Date(timeIntervalSince1970: 1_795_000_000),
      timeZone: TimeZone(secondsFromGMT: 8 * 3600)!, seed: "test-seed")
  }

  /// Composes and writes the filing; returns the files written.
  func export(maxSize: Int64, to: Recipients? = nil) throws -> [URL] {
    let messages = try composer(maxSize: maxSize, to: to).compose(
      caseFile: caseFile, caseID: caseFile.id ?? "case", attachments: attachments)
    return try MessageFileWriter.write(messages, caseID: caseFile.id ?? "case", to: folder, limit: maxSize)
  }

  /// The SHA-256 of every attachment's source bytes, by file name (Python's hashlib).
  func sourceDigests() throws -> [String: String] {
    let dir = folder.appendingPathComponent("sources-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var urls: [URL] = []
    for (i, a) in attachments.enumerated() {
      let url = dir.appendingPathComponent("\(i)")
      switch a.attachment.source {
      case .data(let d): try d.write(to: url)
      case .file(let f): try FileManager.default.copyItem(at: f, to: url)
      }
      urls.append(url)
    }
    let digests = try MailOracle.sha256(urls)
    return Dictionary(uniqueKeysWithValues: zip(attachments.map(\.fileName), digests))
  }

  /// Python's reading of the files, with the raw RFC checks applied; nil (after recording a
  /// failure in CI) when no interpreter is available.
  func reports(_ files: [URL]) throws -> [MailOracle.Report]? {
    for file in files {
      let data = try Data(contentsOf: file)
      #expect(MailOracle.rawProblems(data) == [], "\(file.lastPathComponent)")
    }
    guard MailOracle.python != nil else {
      if MailOracle.isCI { Issue.record("no Python interpreter for the e-mail oracle") }
      return nil
    }
    let reports = try MailOracle.reports(files)
    for r in reports {
      // The RFC 2047 `name="=?UTF-8?B?…?="` on Content-Type is outside RFC 2047 §5 on purpose (it is
      // what Outlook and Thunderbird write, for clients that do not read RFC 2231); Python notes
      // it and still decodes it. Every other defect fails.
      let tolerated = [
        "Content-Type: InvalidHeaderDefect: encoded word inside quoted string",
        "Content-Type: InvalidHeaderDefect: missing trailing whitespace after encoded-word",
      ]
      #expect(r.defects.filter { !tolerated.contains($0) } == [], "\(r.file)")
      #expect(
        r.structure.prefix(4) == ["multipart/mixed", "multipart/alternative", "text/plain", "text/html"])
      #expect(r.mimeVersion == "1.0")
      #expect(r.bcc == nil)
    }
    return reports
  }

  /// Removes the output, unless `REDRESS_KEEP_TEST_OUTPUT` is set (to look at the messages).
  func cleanUp() {
    if ProcessInfo.processInfo.environment["REDRESS_KEEP_TEST_OUTPUT"] != nil {
      print("kept \(folder.path)")
      return
    }
    try? FileManager.default.removeItem(at: folder)
  }
}

@Suite struct FilingMailTests {
  static func washer() throws -> LoadedCase { try LoadedCase.load(contentsOf: Fixtures.washerCase) }

  @Test func aFilingThatFitsIsOneMessageAndDecodesExactly() throws {
    let loaded = try Self.washer()
    let h = try FilingMailHarness(
      case: loaded,
      provider: FakeAttachments(
        evidenceSizes: [5_000, 70_000, 0],
        names: ["证据01-电子发票.xml", "证据02-故障照片 2026年10月5日.jpg", "证据03-空文件.txt"]))
    defer { h.cleanUp() }
    let files = try h.export(maxSize: 20_000_000)
    #expect(files.map(\.lastPathComponent) == ["washer-2026.eml"])
    let attributes = try FileManager.default.attributesOfItem(atPath: files[0].path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    guard let reports = try h.reports(files) else { return }
    let r = reports[0]
    #expect(r.subject == "投诉：某某电器销售有限公司 滚筒洗衣机（王小明）")
    #expect(r.fromMailboxes.first?.displayName == "王小明")
    #expect(r.fromMailboxes.first?.addrSpec == "xiaoming@example.com")
    #expect(r.toMailboxes.first?.displayName == "杭州市消费者权益保护委员会")
    #expect(r.dateISO == "2026-11-18T19:06:40+08:00")
    #expect(r.messageID?.hasSuffix("@example.com>") == true)
    #expect(r.headerNames.prefix(6) == ["Date", "From", "To", "Subject", "Message-ID", "MIME-Version"])
    let names = h.attachments.map(\.fileName)
    #expect(r.attachments.map(\.filename) == names)
    #expect(
      r.attachments.map(\.contentType) == [
        "application/pdf", MediaType.docx, "application/pdf", "application/xml", "image/jpeg", "text/plain",
      ])
    // Older clients read the RFC 2047 name on Content-Type; Python decodes it too.
    #expect(r.attachments.map(\.legacyName) == names)
    let digests = try h.sourceDigests()
    for a in r.attachments {
      #expect(a.sha256 == digests[a.filename ?? ""], "\(a.filename ?? "?")")
      #expect(a.disposition == "attachment")
    }
    let plain = try #require(r.plain)
    #expect(plain.contains("李律师受王小明委托，就其与某某电器销售有限公司之间的消费纠纷提出投诉"))
    #expect(plain.contains("证据02-故障照片 2026年10月5日.jpg"))
    #expect(!plain.contains("第1封"))
    #expect(r.html?.contains("<li>证据01-电子发票.xml（") == true)
  }

  @Test func aLargeFilingIsSplitInThreeWithinTheLimit() throws {
    let loaded = try Self.washer()
    // Base64 makes 4 of 3 octets: each 300 kB photo is about 412 kB encoded, two per message.
    let h = try FilingMailHarness(
      case: loaded, provider: FakeAttachments(evidenceSizes: [300_000, 300_000, 300_000, 300_000, 300_000]))
    defer { h.cleanUp() }
    let limit: Int64 = 1_000_000
    let files = try h.export(maxSize: limit)
    #expect(
      files.map(\.lastPathComponent) == [
        "washer-2026-1of3.eml", "washer-2026-2of3.eml", "washer-2026-3of3.eml",
      ])
    for f in files {
      let size = try FileManager.default.attributesOfItem(atPath: f.path)[.size] as! NSNumber
      #expect(size.int64Value <= limit, "\(f.lastPathComponent) is \(size) bytes")
    }
    guard let reports = try h.reports(files) else { return }
    #expect(
      reports.map(\.subject) == [
        "投诉：某某电器销售有限公司 滚筒洗衣机（王小明）（1/3）",
        "投诉：某某电器销售有限公司 滚筒洗衣机（王小明）（2/3）",
        "投诉：某某电器销售有限公司 滚筒洗衣机（王小明）（3/3）",
      ])
    let carried = reports.map { $0.attachments.compactMap(\.filename) }
    #expect(carried[0].prefix(3) == ["投诉书.pdf", "投诉书.docx", "证据清单.pdf"])
    // Every file travels exactly once, in the evidence order.
    #expect(carried.flatMap { $0 } == h.attachments.map(\.fileName))
    let digests = try h.sourceDigests()
    for a in reports.flatMap(\.attachments) { #expect(a.sha256 == digests[a.filename ?? ""]) }
    // Every body names what it carries and what the others carry.
    for (i, r) in reports.enumerated() {
      let plain = try #require(r.plain)
      #expect(plain.contains("本投诉分3封邮件发送"))
      #expect(plain.contains("本邮件（第\(i + 1)封，共3封）附件："))
      for name in h.attachments.map(\.fileName) {
        #expect(plain.contains(name), "\(name) in message \(i + 1)")
      }
      for other in (1...3) where other != i + 1 { #expect(plain.contains("第\(other)封邮件附件：")) }
    }
    // Message-IDs are distinct.
    #expect(Set(reports.compactMap(\.messageID)).count == 3)
  }

  @Test func theSplitKeepsEveryMessageExactlyAtOrUnderTheLimit() throws {
    // Sizes chosen near the edge: each pair of files almost fills a message.
    let loaded = try Self.washer()
    for extra in [0, 1, 2, 3, 57, 100, 400] {
      let h = try FilingMailHarness(
        case: loaded,
        provider: FakeAttachments(evidenceSizes: [200_000 + extra, 201_000 - extra, 150_000, 10]))
      let messages = try h.composer(maxSize: 400_000).compose(
        caseFile: h.caseFile, caseID: "c", attachments: h.attachments)
      for m in messages {
        #expect(m.encodedSize <= 400_000)
        #expect(Int64(try m.encoded().count) == m.encodedSize)
      }
    }
  }

  @Test func oneFileOverTheLimitIsAnErrorNamingItAndNothingIsWritten() throws {
    let loaded = try Self.washer()
    let h = try FilingMailHarness(
      case: loaded,
      provider: FakeAttachments(
        evidenceSizes: [1_000, 900_000, 1_000], names: ["证据01-发票.jpg", "证据02-开箱视频.mp4"]))
    defer { h.cleanUp() }
    do {
      _ = try h.export(maxSize: 1_000_000)
      Issue.record("expected an error")
    } catch let error as MailError {
      guard case .attachmentTooLarge(let name, let size, let messageSize, _) = error else {
        Issue.record("wrong error \(error)")
        return
      }
      #expect(name == "证据02-开箱视频.mp4")
      #expect(size == 900_000)
      #expect(messageSize > 1_000_000)
      let text = "\(error)"
      #expect(text.contains("证据02-开箱视频.mp4"))
      #expect(text.contains("--max-size"))
      #expect(text.contains("Compress"))
    }
    #expect(!FileManager.default.fileExists(atPath: h.folder.path))
  }

  @Test func aRespondentNameCannotInjectAHeader() throws {
    var loaded = try Self.washer()
    loaded.caseFile.respondent?.name = "某某公司\r\nBcc: x@y"
    loaded.caseFile.complainant?.name = "王小明\nCc: z@example.com"
    loaded.caseFile.purchase?.items[0].name = "洗衣机\r\n\r\n<html>"
    let h = try FilingMailHarness(
      case: loaded, provider: FakeAttachments(evidenceSizes: [100], names: ["证据01\r\nBcc: q@example.com.jpg"])
    )
    defer { h.cleanUp() }
    let files = try h.export(maxSize: 20_000_000)
    let raw = String(decoding: try Data(contentsOf: files[0]), as: UTF8.self)
    #expect(!raw.contains("\r\nBcc:"))
    #expect(!raw.contains("\r\nCc:"))
    guard let reports = try h.reports(files) else { return }
    let r = reports[0]
    #expect(r.bcc == nil)
    #expect(r.cc == nil)
    #expect(!r.headerNames.contains { $0.lowercased() == "bcc" || $0.lowercased() == "cc" })
    #expect(r.subject == "投诉：某某公司 Bcc: x@y 洗衣机 <html>（王小明 Cc: z@example.com）")
    #expect(r.fromMailboxes.first?.displayName == "王小明 Cc: z@example.com")
    #expect(r.attachments.last?.filename == "证据01 Bcc: q@example.com.jpg")
  }

  @Test func longChineseFileNamesUseContinuationsAndDecode() throws {
    let loaded = try Self.washer()
    let long = "证据01-" + String(repeating: "京东自营旗舰店客服聊天记录截图", count: 6) + ".png"
    let h = try FilingMailHarness(case: loaded, provider: FakeAttachments(evidenceSizes: [10], names: [long]))
    defer { h.cleanUp() }
    let files = try h.export(maxSize: 20_000_000)
    let raw = String(decoding: try Data(contentsOf: files[0]), as: UTF8.self)
    #expect(raw.contains(" filename*0*=UTF-8''%E8%AF%81"))
    #expect(raw.contains(" filename*1*="))
    #expect(
      raw.components(separatedBy: "\r\n").allSatisfy {
        $0.utf8.count <= 78 || $0.hasPrefix("Content-Type: application/vnd.")
      })
    guard let reports = try h.reports(files) else { return }
    #expect(reports[0].attachments.last?.filename == long)
    #expect(reports[0].attachments.last?.legacyName == long)
  }

  @Test func withoutRecipientTheMessageIsForUndisclosedRecipients() throws {
    let loaded = try Self.washer()
    let h = try FilingMailHarness(case: loaded, provider: FakeAttachments(evidenceSizes: []))
    defer { h.cleanUp() }
    let files = try h.export(maxSize: 20_000_000, to: .undisclosed)
    guard let reports = try h.reports(files) else { return }
    #expect(reports[0].to == "undisclosed-recipients:;")
    #expect(reports[0].toMailboxes.isEmpty)
  }

  @Test func messageIDsAreStableForTheSameInputsAndSeed() throws {
    let loaded = try Self.washer()
    let h = try FilingMailHarness(case: loaded, provider: FakeAttachments(evidenceSizes: [10]))
    let a = try h.composer(maxSize: 20_000_000).compose(
      caseFile: h.caseFile, caseID: "x", attachments: h.attachments)
    let b = try h.composer(maxSize: 20_000_000).compose(
      caseFile: h.caseFile, caseID: "x", attachments: h.attachments)
    #expect(a[0].messageID == b[0].messageID)
    #expect(try a[0].encoded() == b[0].encoded())
    var other = try h.composer(maxSize: 20_000_000)
    other.seed = "another"
    let c = try other.compose(caseFile: h.caseFile, caseID: "x", attachments: h.attachments)
    #expect(c[0].messageID != a[0].messageID)
    #expect(c[0].boundaryToken != a[0].boundaryToken)
  }

  @Test func aFailedWriteLeavesNoFilesAndRestoresWhatWasThere() throws {
    let loaded = try Self.washer()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redress-mail-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = folder.appendingPathComponent("source.jpg")
    try FakeAttachments.bytes(300_000, seed: 7, header: [0xFF, 0xD8, 0xFF]).write(to: source)
    let previous = folder.appendingPathComponent("washer-2026-1of2.eml")
    try Data("an older export".utf8).write(to: previous)
    var attachments = try FakeAttachments(evidenceSizes: []).attachments(for: loaded)
    attachments.append(
      FilingAttachment(
        role: .evidence(id: "E1"), attachment: try MailAttachment(fileName: "证据01-照片.jpg", file: source)))
    attachments.append(
      FilingAttachment(
        role: .evidence(id: "E2"),
        attachment: MailAttachment(fileName: "证据02-照片.jpg", data: Data(count: 300_000))))
    let composer = try FilingMailHarness(case: loaded, provider: FakeAttachments(evidenceSizes: [])).composer(
      maxSize: 500_000)
    let messages = try composer.compose(
      caseFile: loaded.caseFile, caseID: "washer-2026", attachments: attachments)
    #expect(messages.count == 2)
    // The evidence file shrinks between planning and writing: the export must fail as a whole.
    try Data("changed".utf8).write(to: source)
    #expect(throws: MailError.self) {
      try MessageFileWriter.write(messages, caseID: "washer-2026", to: folder, limit: 500_000)
    }
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(left == ["source.jpg", "washer-2026-1of2.eml"])
    #expect(try Data(contentsOf: previous) == Data("an older export".utf8))
  }
}

@Suite struct FilingMailTextTests {
  func part(_ index: Int, _ total: Int) -> FilingMailPart {
    let files = (1...total).map { [FilingAttachmentSummary(fileName: "f\($0).pdf", byteCount: 1_500)] }
    return FilingMailPart(index: index, total: total, messages: files)
  }

  @Test func subjectsInEveryLanguage() throws {
    var c = try LoadedCase.load(contentsOf: Fixtures.washerCase).caseFile
    #expect(FilingMailSubject.subject(for: c, part: part(2, 3)) == "投诉：某某电器销售有限公司 滚筒洗衣机（王小明）（2/3）")
    let first = c.purchase!.items[0]
    c.purchase?.items.append(first)
    c.language = .zhHant
    #expect(FilingMailSubject.subject(for: c, part: part(1, 1)) == "投訴：某某电器销售有限公司 滚筒洗衣机等（王小明）")
    c.language = .en
    #expect(
      FilingMailSubject.subject(for: c, part: part(1, 2)) == "Complaint: 某某电器销售有限公司 滚筒洗衣机 etc. (王小明) (1/2)")
    c.respondent = nil
    c.purchase = nil
    #expect(FilingMailSubject.subject(for: c, part: part(1, 1)) == "Complaint:  (王小明)")
  }

  @Test func theListingNamesThisMessageAndTheOthers() {
    let plain = FilingMailListing.plain(part(2, 3), language: .en)
    #expect(
      plain == """
        The attachments are large, so this complaint is sent in 3 messages; please handle them together.

        Attached to this message (2 of 3):
          1. f2.pdf (1.5 KB)

        Attached to message 1:
          1. f1.pdf (1.5 KB)

        Attached to message 3:
          1. f3.pdf (1.5 KB)
        """)
    let html = FilingMailListing.html(
      FilingMailPart(
        index: 1, total: 1, messages: [[FilingAttachmentSummary(fileName: "<script>&.pdf", byteCount: 5)]]),
      language: .zhHans)
    #expect(html.contains("<li>&lt;script&gt;&amp;.pdf（5 bytes）</li>"))
  }
}

@Suite struct MailPlainTextTests {
  @Test func documentsBecomeUnwrappedParagraphs() {
    let long = String(repeating: "投诉人就消费者权益争议向您提交投诉。", count: 8)
    let doc = DocumentModel(
      title: "t", language: "zh-Hans",
      blocks: [
        .paragraph([.text("某市消费者协会：")], align: .left),
        .paragraph([.text(long)], align: .left),
        .list(ordered: false, start: 1, items: [[.text("a.pdf（1 KB）")], [.strong("b.jpg")]]),
        .list(ordered: true, start: 3, items: [[.text("c")]]),
        .table(
          header: [[.text("序号")], [.text("名称")]],
          rows: [[[.text("1")], [.text("x"), .lineBreak, .text("y")]]]),
      ])
    #expect(
      MailPlainText.render(doc) == """
        某市消费者协会：

        \(long)

        - a.pdf（1 KB）
        - b.jpg

        3. c

        序号 | 名称
        1 | x y

        """)
  }
}
