import Foundation
import Testing

@testable import RedressDocuments

/// The PDF writer, checked with independent readers: qpdf for structure, poppler for text,
/// fonts and page count, pypdf as a second text extractor.
@Suite struct PDFWriterTests {
  static let fixedDate = Date(timeIntervalSince1970: 1_795_339_800)  // 2026-11-22 09:30:00 UTC

  static func samplePDF() throws -> (data: Data, path: String) {
    let data = try PDFWriter.render(PDFSampleDocument.document, options: PDFOptions(creationDate: fixedDate))
    if let out = ProcessInfo.processInfo.environment["REDRESS_PDF_SAMPLE_OUT"], !out.isEmpty {
      try data.write(to: URL(fileURLWithPath: out))
    }
    return (data, try PDFTestTools.temporaryFile(data))
  }

  /// All text with the line ends and the spaces poppler adds removed, so sentences that wrap
  /// can be searched for whole.
  static func joined(_ text: String) -> String {
    String(
      text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init))
  }

  /// The justified paragraphs come back with only line ends added: no word spaces between
  /// Chinese characters (extractors read wide gaps as spaces).
  static func expectUnspacedParagraphs(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let flowing = text.replacingOccurrences(of: "\n", with: "")
    for paragraph in [
      PDFSampleDocument.facts, PDFSampleDocument.negotiation + PDFSampleDocument.negotiationBold,
      PDFSampleDocument.law,
    ] {
      #expect(
        flowing.contains(paragraph), "not found without added spaces: \(paragraph)",
        sourceLocation: sourceLocation)
    }
  }

  /// A field of pdfinfo's output ("Title:   value").
  static func field(_ name: String, in output: String) -> String? {
    for line in output.split(separator: "\n") where line.hasPrefix(name + ":") {
      return line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
    }
    return nil
  }

  @Test(.enabled(if: PDFTestTools.shouldRun))
  func qpdfFindsNoErrors() throws {
    let (_, path) = try Self.samplePDF()
    let check = try PDFTestTools.run("qpdf", ["--check", path])
    #expect(check.status == 0, "qpdf --check: \(check.stdout) \(check.stderr)")
    #expect(check.stdout.contains("No syntax or stream encoding errors found"))
    #expect(check.stderr.isEmpty, "qpdf warned: \(check.stderr)")
  }

  @Test(.enabled(if: PDFTestTools.shouldRun))
  func textComesBackWholeAndInOrder() throws {
    let (_, path) = try Self.samplePDF()
    let result = try PDFTestTools.run("pdftotext", ["-enc", "UTF-8", path, "-"])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty, "pdftotext: \(result.stderr)")
    let text = Self.joined(result.stdout)
    let expected = [
      "投诉书", "一、投诉请求", "二、事实与理由", "三、证据清单",
      Self.joined(PDFSampleDocument.facts), Self.joined(PDFSampleDocument.negotiation),
      Self.joined(PDFSampleDocument.negotiationBold), Self.joined(PDFSampleDocument.law),
      "请求被投诉人按照价款的三倍支付惩罚性赔偿8997.00元；", "统一社会信用代码：91110105MA01ABCD3X",
      "此致", "北京市朝阳区消费者协会", "投诉人：张三", "2026年11月22日",
    ]
    for sentence in expected {
      #expect(text.contains(sentence), "missing from pdftotext output: \(sentence)")
    }
    Self.expectUnspacedParagraphs(result.stdout)
    // Reading order: the title first, the sections in turn, the signature last.
    let order = ["投诉书", "一、投诉请求", "二、事实与理由", "三、证据清单", "此致", "2026年11月22日"]
    let positions = order.compactMap { text.range(of: $0)?.lowerBound }
    #expect(positions.count == order.count && positions == positions.sorted())
  }

  @Test(.enabled(if: PDFTestTools.shouldRun))
  func numbersCodesAndAddressesAreNeverSplit() throws {
    let (_, path) = try Self.samplePDF()
    let result = try PDFTestTools.run("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"])
    let lines = result.stdout.split(separator: "\n").map(String.init)
    for token in [
      "2999.00", "8997.00", "XQG100-14", "GD2026101200001", "zhang.san@example.com", "13800138000",
      "91110105MA01ABCD3X", "SH-20261022-0057", "400-800-1234", "010-12345678",
    ] {
      #expect(lines.contains { $0.contains(token) }, "\(token) is split across lines or missing")
    }
  }

  @Test(.enabled(if: PDFTestTools.shouldRun))
  func noLineStartsWithClosingPunctuation() throws {
    let (_, path) = try Self.samplePDF()
    let result = try PDFTestTools.run("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"])
    for line in result.stdout.split(separator: "\n") {
      let trimmed = line.drop { $0 == " " }
      guard let first = trimmed.first else { continue }
      #expect(!"，。、；：？！）》」』”’".contains(first), "line starts with punctuation: \(line)")
      if let last = trimmed.last { #expect(!"（《「『“‘".contains(last), "line ends with opening: \(line)") }
    }
  }

  @Test(.enabled(if: PDFTestTools.shouldRun))
  func pagesAreCountedAndNumbered() throws {
    let (_, path) = try Self.samplePDF()
    let info = try PDFTestTools.run("pdfinfo", [path])
    let pages = Int(Self.field("Pages", in: info.stdout) ?? "") ?? 0
    #expect(pages >= 3, "the evidence table should run onto a further page; got \(pages) pages")
    #expect(Self.field("Page size", in: info.stdout) == "595.28 x 841.89 pts (A4)")
    #expect(Self.field("Title", in: info.stdout) == "投诉书（张三诉北京某某电器销售有限公司）")
    #expect(Self.field("Producer", in: info.stdout) == "redress")
    #expect(Self.field("CreationDate", in: info.stdout) == "Sun Nov 22 09:30:00 2026 UTC")
    for page in 1...max(pages, 1) {
      let text = try PDFTestTools.run(
        "pdftotext", ["-f", "\(page)", "-l", "\(page)", "-enc", "UTF-8", path, "-"])
      #expect(Self.joined(text.stdout).contains("第\(page)页/共\(pages)页"), "page \(page) has no page number")
    }
    // The header row is repeated on every page the table continues on.
    let tablePages = try (1...max(pages, 1)).filter { page in
      let text = try PDFTestTools.run(
        "pdftotext", ["-f", "\(page)", "-l", "\(page)", "-enc", "UTF-8", path, "-"])
      return text.stdout.contains("证据12") || text.stdout.contains("证据30")
    }
    for page in tablePages {
      let text = try PDFTestTools.run(
        "pdftotext", ["-f", "\(page)", "-l", "\(page)", "-layout", "-enc", "UTF-8", path, "-"])
      #expect(text.stdout.contains("证明内容"), "no header row on page \(page)")
    }
  }

  @Test(.enabled(if: PDFTestTools.shouldRun))
  func fontIsTheStandardSongWithAToUnicodeMap() throws {
    let (_, path) = try Self.samplePDF()
    let fonts = try PDFTestTools.run("pdffonts", [path])
    let row = fonts.stdout.split(separator: "\n").first { $0.contains("STSong-Light") }
    #expect(row != nil, "pdffonts: \(fonts.stdout) \(fonts.stderr)")
    if let row {
      let columns = row.split(separator: " ")
      #expect(columns.contains("CID") && columns.contains("UniGB-UCS2-H"))
      // Columns: name type… encoding emb sub uni object-id: emb no, uni yes.
      #expect(Array(columns.suffix(5).prefix(3)) == ["no", "no", "yes"], "\(row)")
    }
  }

  @Test(.enabled(if: PDFTestTools.shouldRun))
  func pypdfReadsTheTextToo() throws {
    guard let python = PDFTestTools.python else {
      if PDFTestTools.isCI { Issue.record("no Python with pypdf: set REDRESS_PYTHON or run make test-deps") }
      return
    }
    let (_, path) = try Self.samplePDF()
    let script = """
      import sys, pypdf
      reader = pypdf.PdfReader(sys.argv[1])
      print(len(reader.pages))
      print(reader.metadata.title)
      print("".join(p.extract_text() for p in reader.pages))
      """
    let result = try PDFTestTools.run(python.path, ["-c", script, path])
    #expect(result.status == 0, "pypdf: \(result.stderr)")
    let lines = result.stdout.split(separator: "\n", maxSplits: 2).map(String.init)
    #expect(lines.count == 3)
    #expect((Int(lines.first ?? "") ?? 0) >= 3)
    #expect(lines.dropFirst().first == "投诉书（张三诉北京某某电器销售有限公司）")
    Self.expectUnspacedParagraphs(lines.last ?? "")
    let text = Self.joined(lines.last ?? "")
    #expect(text.contains(Self.joined(PDFSampleDocument.facts)))
    #expect(text.contains("第1页/共"))
  }

  @Test(.enabled(if: PDFTestTools.shouldRun))
  func aRowTallerThanAPageSplitsAcrossPages() throws {
    let tall = (1...120).map { "第\($0)项：很长的证明内容，包括金额2999.00元和单号GD2026101200001。" }.joined()
    let doc = DocumentModel(
      title: "t", language: "zh-Hans",
      blocks: [
        .heading(level: 1, [.text("证据清单")]),
        .table(
          header: [[.text("序号")], [.text("证据名称")], [.text("证明内容")]],
          rows: [
            [[.text("1")], [.text("订单")], [.text("短")]], [[.text("2")], [.text("说明")], [.text(tall)]],
            [[.text("3")], [.text("尾")], [.text("最后一行")]],
          ]),
      ])
    let data = try PDFWriter.render(doc)
    if let out = ProcessInfo.processInfo.environment["REDRESS_PDF_SAMPLE_OUT"], !out.isEmpty {
      try data.write(to: URL(fileURLWithPath: out + ".table.pdf"))
    }
    let path = try PDFTestTools.temporaryFile(data)
    #expect(try PDFTestTools.run("qpdf", ["--check", path]).status == 0)
    let text = Self.joined(try PDFTestTools.run("pdftotext", ["-enc", "UTF-8", path, "-"]).stdout)
    #expect(text.contains("第120项：很长的证明内容，包括金额2999.00元和单号GD2026101200001。"))
    #expect(text.contains("最后一行"))
    #expect(text.contains("第3页/共3页"))
  }

  @Test func sameInputGivesTheSameBytes() throws {
    let first = try PDFWriter.render(PDFSampleDocument.document)
    let second = try PDFWriter.render(PDFSampleDocument.document)
    #expect(first == second)
    let dated = try PDFWriter.render(
      PDFSampleDocument.document, options: PDFOptions(creationDate: Self.fixedDate))
    #expect(
      dated
        == (try PDFWriter.render(
          PDFSampleDocument.document, options: PDFOptions(creationDate: Self.fixedDate))))
    #expect(String(decoding: dated, as: UTF8.self).contains("/CreationDate (D:20261122093000Z)"))
    #expect(!String(decoding: first, as: UTF8.self).contains("/CreationDate"))
  }

  static let hostile =
    #"<script>alert("x")</script> & &amp; {{complainant.name}} ]]> 'single' "double" (paren) \back\slash ) ("#

  @Test(.enabled(if: PDFTestTools.shouldRun))
  func hostileTextComesOutLiterally() throws {
    let doc = DocumentModel(
      title: Self.hostile, language: "zh-Hans",
      blocks: [
        .heading(level: 1, [.text(Self.hostile)]),
        .paragraph([.text("正文："), .text(Self.hostile), .strong(Self.hostile)], align: .left),
        .table(
          header: [[.text("a")], [.text(Self.hostile)]], rows: [[[.text(Self.hostile)], [.text("b")]]]),
      ])
    for compress in [true, false] {
      let data = try PDFWriter.render(doc, options: PDFOptions(creationDate: nil, compress: compress))
      let path = try PDFTestTools.temporaryFile(data)
      let check = try PDFTestTools.run("qpdf", ["--check", path])
      #expect(check.status == 0, "\(check.stdout)")
      let text = try PDFTestTools.run("pdftotext", ["-raw", "-enc", "UTF-8", path, "-"])
      // Lines wrap at the spaces: join them back with spaces.
      let flowing = text.stdout.replacingOccurrences(of: "\n", with: " ")
      let occurrences = flowing.components(separatedBy: Self.hostile).count - 1
      #expect(occurrences == 5, "hostile text not found literally in: \(text.stdout)")
      let info = try PDFTestTools.run("pdfinfo", [path])
      #expect(Self.field("Title", in: info.stdout) == Self.hostile, "\(info.stdout)")
    }
  }

  @Test(.enabled(if: PDFTestTools.shouldRun))
  func charactersTheFontLacksAreReplacedButCopyable() throws {
    // U+20BB7 is outside the BMP, the emoji is not in GB 18030's two-byte set, Hangul is not
    // in Adobe-GB1; the middle dot is drawn as its katakana twin.
    let text = "吉𠮷祥😀如意한글·结束"
    let doc = DocumentModel(
      title: "t", language: "zh-Hans", blocks: [.paragraph([.text(text)], align: .left)])
    let data = try PDFWriter.render(doc)
    let path = try PDFTestTools.temporaryFile(data)
    #expect(try PDFTestTools.run("qpdf", ["--check", path]).status == 0)
    let result = try PDFTestTools.run("pdftotext", ["-enc", "UTF-8", path, "-"])
    #expect(Self.joined(result.stdout).contains(text), "\(result.stdout)")
  }

  /// The columns of a grey image (PGM, as `pdftoppm -gray` writes it) that hold ink, as runs
  /// of adjacent columns.
  static func inkRuns(pgm: Data) -> [ClosedRange<Int>] {
    let bytes = [UInt8](pgm)
    var fields: [Int] = []
    var index = 2  // after "P5"
    while fields.count < 3 {
      while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D {
        index += 1
      }
      var value = 0
      while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
        value = value * 10 + Int(bytes[index] - 0x30)
        index += 1
      }
      fields.append(value)
    }
    let (width, height) = (fields[0], fields[1])
    let pixels = bytes[(index + 1)...]
    let start = pixels.startIndex
    var runs: [ClosedRange<Int>] = []
    for x in 0..<width {
      let inked = (0..<height).contains { y in pixels[start + y * width + x] < 128 }
      guard inked else { continue }
      if let last = runs.last, last.upperBound == x - 1 {
        runs[runs.count - 1] = last.lowerBound...x
      } else {
        runs.append(x...x)
      }
    }
    return runs
  }

  @Test(.enabled(if: PDFTestTools.shouldRun))
  func theYuanSignSitsAgainstItsAmount() throws {
    let doc = DocumentModel(
      title: "t", language: "zh-Hans",
      blocks: [
        .paragraph([.text("¥29")], align: .left),
        .paragraph([.text("实付金额¥2,999.00元，另付¥5,360.00。")], align: .left),
        .table(
          header: [[.text("单价")], [.text("金额")]], rows: [[[.text("¥2,999.00")], [.text("¥5,360.00")]]]),
      ])
    let path = try PDFTestTools.temporaryFile(try PDFWriter.render(doc))
    // Copy and search give the amounts whole, in running text and in the table.
    let text = try PDFTestTools.run("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"]).stdout
    #expect(text.contains("实付金额¥2,999.00元，另付¥5,360.00。"), "\(text)")
    #expect(text.contains("¥2,999.00") && text.contains("¥5,360.00") && !text.contains("¥ "), "\(text)")
    // As drawn: the first line ("¥29", 12 pt) at 300 dpi. The gap after ¥ is no wider than
    // the one between 2 and 9, give or take a tenth of an em (5 px); it was half an em.
    let options = PDFOptions()
    let scale = 300.0 / 72
    let top = Int(options.marginTop * scale)
    let height = Int(options.bodySize * options.lineSpacing * scale)
    let prefix = (path as NSString).deletingLastPathComponent + "/line"
    let render = try PDFTestTools.run(
      "pdftoppm",
      [
        "-r", "300", "-gray", "-f", "1", "-l", "1", "-x", "0", "-y", "\(top)", "-W", "2480", "-H",
        "\(height)", path, prefix,
      ])
    #expect(render.status == 0, "\(render.stderr)")
    let runs = Self.inkRuns(pgm: try Data(contentsOf: URL(fileURLWithPath: prefix + "-1.pgm")))
    try #require(runs.count == 3, "expected the ink of ¥, 2 and 9: \(runs)")
    let afterYen = runs[1].lowerBound - runs[0].upperBound
    let afterTwo = runs[2].lowerBound - runs[1].upperBound
    #expect(afterYen <= afterTwo + 5, "gap after ¥ \(afterYen) px, after 2 \(afterTwo) px")
  }

  @Test func emptyAndOddDocumentsStillRender() throws {
    for doc in [
      DocumentModel(title: "", language: "en", blocks: []),
      DocumentModel(title: "x", language: "en", blocks: [.paragraph([], align: .center)]),
      DocumentModel(title: "x", language: "en", blocks: [.table(header: [], rows: [])]),
      DocumentModel(
        title: "x", language: "zh-Hans",
        blocks: [
          .table(header: [[.text("a")], [.text("b")]], rows: [[[.text("only one cell")]], []]),
          .list(ordered: true, start: 98, items: [[], [.text("x")], [.lineBreak]]),
          .paragraph([.text(String(repeating: "W", count: 500))], align: .right),
          .paragraph([.text("\u{0007}\u{200B}\u{FEFF}\t\r\n")], align: .left),
        ]),
    ] {
      let data = try PDFWriter.render(doc)
      #expect(data.starts(with: Data("%PDF-1.7".utf8)))
      #expect(String(decoding: data.suffix(6), as: UTF8.self) == "%%EOF\n")
    }
  }

  @Test(.enabled(if: PDFTestTools.shouldRun))
  func englishLettersKeepTheirWordSpacesAndNumberPagesInEnglish() throws {
    let sentence =
      "On 12 October 2026 I bought a Haier XQG100-14 washing machine (order GD2026101200001) for "
      + "CNY 2,999.00; it has failed since 20 October and the seller refuses a refund."
    let doc = DocumentModel(
      title: "Complaint", language: "en",
      blocks: [
        .heading(level: 1, [.text("Complaint")]),
        .paragraph([.text("Dear Sir or Madam,")], align: .left),
        .paragraph([.text(sentence + " " + sentence)], align: .left),
        .list(ordered: true, start: 9, items: [[.text("Refund CNY 2,999.00.")], [.text("Compensation.")]]),
        .table(
          header: [[.text("No.")], [.text("Evidence")]], rows: [[[.text("1")], [.text("Order screenshot")]]]),
        .paragraph([.strong("Zhang San")], align: .right),
      ])
    let data = try PDFWriter.render(doc)
    if let out = ProcessInfo.processInfo.environment["REDRESS_PDF_SAMPLE_OUT"], !out.isEmpty {
      try data.write(to: URL(fileURLWithPath: out + ".en.pdf"))
    }
    let path = try PDFTestTools.temporaryFile(data)
    let text = try PDFTestTools.run("pdftotext", ["-enc", "UTF-8", path, "-"]).stdout
    let flowing = text.replacingOccurrences(of: "\n", with: " ")
    #expect(flowing.contains(sentence), "\(text)")
    #expect(flowing.contains("9. Refund CNY 2,999.00."))
    #expect(flowing.contains("10. Compensation."))
    #expect(text.contains("Page 1 of 1"))
  }

  @Test func impossibleOptionsAreErrorsNotCrashes() {
    var narrow = PDFOptions()
    narrow.marginLeft = 400
    narrow.marginRight = 200
    #expect(throws: PDFWriterError.pageTooSmall) {
      try PDFWriter.render(PDFSampleDocument.document, options: narrow)
    }
    var zero = PDFOptions()
    zero.bodySize = 0
    #expect(throws: PDFWriterError.invalidTextSize) {
      try PDFWriter.render(PDFSampleDocument.document, options: zero)
    }
    var notANumber = PDFOptions()
    notANumber.tableSize = .nan
    #expect(throws: PDFWriterError.invalidTextSize) {
      try PDFWriter.render(PDFSampleDocument.document, options: notANumber)
    }
  }

  @Test func crossReferenceOffsetsPointAtTheirObjects() throws {
    let data = try PDFWriter.render(PDFSampleDocument.document)
    let bytes = [UInt8](data)
    let text = String(decoding: data, as: UTF8.self)
    let startxref = try #require(text.range(of: "startxref\n", options: .backwards))
    let xrefOffset = Int(text[startxref.upperBound...].prefix { $0.isNumber })!
    #expect(Array(bytes[xrefOffset..<xrefOffset + 4]) == Array("xref".utf8))
    let table = String(decoding: bytes[xrefOffset...], as: UTF8.self).split(separator: "\n")
    let count = Int(table[1].split(separator: " ")[1])!
    for number in 1..<count {
      let entry = table[2 + number]
      #expect(entry.utf8.count == 19)  // 20 bytes with the "\n"
      let offset = Int(entry.prefix(10))!
      let header = Array("\(number) 0 obj".utf8)
      #expect(Array(bytes[offset..<offset + header.count]) == header, "object \(number)")
    }
  }
}
