import Foundation
import RedressDocuments
import RedressTestSupport
import Testing

/// Random documents full of Markdown and HTML punctuation, for the oracle tests.
enum HostileDocuments {
  static let alphabet: [String] =
    "*_|#-+.=>`<\\!~[](){}:;&\"'$%/?@^,".map(String.init) + [
      "**", "<br>", "-> ", " <-", "1. ", "12) ", "# ", "- ", "| ", "{{tags}}", "]]>", "<script>", "&amp;",
      "&#60;", "---", "===", "中", "文", "投诉", "，", "。", "（", "）", "《", "》", "¥", "￥", "a", "Z", "7",
      " ", "  ", "\t", "\n", "\n\n", "    ", "é",
    ]

  static func string(_ generator: inout SplitMix64) -> String {
    let length = Int.random(in: 1...12, using: &generator)
    return (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
  }

  static func document(seed: UInt64) -> DocumentModel {
    var g = SplitMix64(seed: seed)
    func s() -> String { string(&g) }
    return DocumentModel(
      title: s(), language: "zh-Hans",
      blocks: [
        .heading(level: Int.random(in: 1...3, using: &g), [.text(s())]),
        .paragraph([.text(s()), .strong(s()), .text(s())], align: .left),
        .list(ordered: false, start: 1, items: [[.text(s())], [.strong(s()), .text(s())]]),
        .list(ordered: false, start: 1, items: [[.text(s())]]),
        .list(ordered: true, start: Int.random(in: 1...30, using: &g), items: [[.text(s())], [.text(s())]]),
        .paragraph([.text(s())], align: .right),
        .table(header: [[.text(s())], [.strong(s())]], rows: [[[.text(s())], [.text(s())]]]),
      ])
  }

  /// The blocks a renderer writes: the Markdown writer leaves out a paragraph with nothing but
  /// line breaks in it (Markdown cannot hold one); HTML keeps every block.
  static func expectedBlocks(_ doc: DocumentModel, markdown: Bool) -> [Block] {
    doc.blocks.filter { block in
      guard markdown, case .paragraph(let inlines, _) = block else { return true }
      return inlines.plainText.contains { $0 != "\n" }
    }
  }
}

/// Compares what an independent HTML reader found with the model, whitespace aside.
func expectSameVisibleContent(
  _ parsed: HTMLStructure.ParsedDocument, _ doc: DocumentModel, markdown: Bool, label: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  func same(_ got: [HTMLStructure.Run]?, _ want: [Inline], _ what: String) {
    let a = HTMLStructure.visible(got ?? [])
    let b = HTMLStructure.visible(HTMLStructure.runs(want))
    #expect(a.text == b.text, "\(label) \(what): text", sourceLocation: sourceLocation)
    #expect(a.bold == b.bold, "\(label) \(what): bold", sourceLocation: sourceLocation)
  }
  #expect(
    parsed.unexpected.isEmpty, "\(label): unexpected tags \(parsed.unexpected)",
    sourceLocation: sourceLocation)
  #expect(parsed.scriptElements == 0, sourceLocation: sourceLocation)
  let blocks = HostileDocuments.expectedBlocks(doc, markdown: markdown)
  #expect(parsed.blocks.count == blocks.count, "\(label): block count", sourceLocation: sourceLocation)
  for (offset, (got, want)) in zip(parsed.blocks, blocks).enumerated() {
    let what = "block \(offset)"
    switch want {
    case .heading(let level, let inlines):
      #expect(got.kind == "heading" && got.level == level, "\(label) \(what)", sourceLocation: sourceLocation)
      same(got.runs, inlines, what)
    case .paragraph(let inlines, _):
      #expect(got.kind == "paragraph", "\(label) \(what)", sourceLocation: sourceLocation)
      same(got.runs, inlines, what)
    case .list(let ordered, let start, let items):
      #expect(
        got.kind == "list" && got.ordered == ordered, "\(label) \(what)", sourceLocation: sourceLocation)
      if ordered { #expect(got.start == start, "\(label) \(what)", sourceLocation: sourceLocation) }
      #expect(got.items?.count == items.count, "\(label) \(what) items", sourceLocation: sourceLocation)
      for (gotItem, item) in zip(got.items ?? [], items) { same(gotItem, item, what) }
    case .table(let header, let rows):
      #expect(got.kind == "table", "\(label) \(what)", sourceLocation: sourceLocation)
      let wantRows = [header] + rows
      #expect(got.rows?.count == wantRows.count, "\(label) \(what) rows", sourceLocation: sourceLocation)
      for (gotRow, wantRow) in zip(got.rows ?? [], wantRows) {
        #expect(gotRow.count == wantRow.count, "\(label) \(what) cells", sourceLocation: sourceLocation)
        for (gotCell, wantCell) in zip(gotRow, wantRow) { same(gotCell, wantCell, what) }
      }
    }
  }
}

@Suite struct HTMLWriterTests {
  func render(_ doc: DocumentModel) throws -> String {
    String(decoding: try HTMLWriter.render(doc), as: UTF8.self)
  }

  @Test func pageIsSelfContainedAndPrintsOnA4() throws {
    let html = try render(SampleDocument.letter)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-Hans\">"))
    #expect(html.contains("<meta charset=\"utf-8\">"))
    #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
    #expect(html.contains("<title>投诉书</title>"))
    #expect(html.contains("@page { size: A4;"))
    #expect(html.contains("\"SimSun\"") && html.contains("\"Noto Serif CJK SC\"") && html.contains("serif;"))
    #expect(html.contains("max-width: 42em"))
    #expect(html.contains("border: 1px solid"))
    // Nothing external: no script, no link, no URL other than none at all.
    #expect(!html.lowercased().contains("<script"))
    #expect(
      !html.contains("<link") && !html.contains("http://") && !html.contains("https://")
        && !html.contains("src="))
  }

  @Test func hostileTextIsEscaped() throws {
    let hostile = SampleDocument.hostile
    let doc = DocumentModel(
      title: hostile + "</title><script>", language: "en\" onload=\"x",
      blocks: [.paragraph([.text(hostile)], align: .center), .heading(level: 2, [.strong(hostile)])])
    let html = try render(doc)
    #expect(html.contains("<html lang=\"und\">"))
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.contains("]]>"))
    #expect(
      html.contains(
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; {{tags}} ]]&gt; &#39;single&#39; &quot;double&quot;"
      ))
    #expect(html.contains("<p class=\"center\">"))
  }

  @Test func alignmentListsAndTables() throws {
    let doc = DocumentModel(
      title: "t", language: "zh-Hans",
      blocks: [
        .paragraph([.text("右")], align: .right),
        .list(ordered: true, start: 4, items: [[.text("a"), .lineBreak, .text("b")]]),
        .list(ordered: true, start: 1, items: [[.text("c")]]),
        .table(
          header: [[.text("编号")], [.text("说明")]],
          rows: [[[.text("1")], [.text(String(repeating: "很长", count: 10))]]]),
      ])
    let html = try render(doc)
    #expect(html.contains("<p class=\"right\">右</p>"))
    #expect(html.contains("<ol start=\"4\">\n<li>a<br>b</li>\n</ol>"))
    #expect(html.contains("<ol>\n<li>c</li>\n</ol>"))
    #expect(html.contains("<thead><tr><th class=\"short\">编号</th><th>说明</th></tr></thead>"))
  }

  @Test(.enabled(if: Python.shouldRun))
  func independentReaderSeesExactlyTheModel() throws {
    let docs = [SampleDocument.letter] + (0..<60).map { HostileDocuments.document(seed: UInt64($0) &+ 1000) }
    let html = try docs.map { try render($0) }
    guard let parsed = try HTMLStructure.read(html, markdown: false) else { return }
    for (index, (page, doc)) in zip(parsed, docs).enumerated() {
      expectSameVisibleContent(page, doc, markdown: false, label: "document \(index)")
      #expect(page.title == doc.title.replacingOccurrences(of: "\n", with: " "), "document \(index) title")
      // Our own HTML keeps every character, whitespace too.
      for (got, want) in zip(page.blocks, HostileDocuments.expectedBlocks(doc, markdown: false)) {
        if case .paragraph(let inlines, let align) = want {
          #expect(got.runs == HTMLStructure.runs(inlines), "document \(index)")
          #expect(got.align == (align == .left ? nil : align.rawValue))
        }
      }
    }
  }
}

@Suite struct MarkdownWriterTests {
  func render(_ blocks: [Block]) throws -> String {
    String(
      decoding: try MarkdownWriter.render(DocumentModel(title: "t", language: "zh-Hans", blocks: blocks)),
      as: UTF8.self)
  }

  @Test func lineStartMarkersAreEscaped() throws {
    let cases: [(String, String)] = [
      ("- not a list", "\\- not a list"),
      ("+ plus", "\\+ plus"),
      ("1. one", "1\\. one"),
      ("12) twelve", "12\\) twelve"),
      ("# hash", "\\# hash"),
      ("> quote", "\\> quote"),
      ("=== under", "\\=== under"),
      ("    code?", "&#32;&#32;&#32;&#32;code?"),
      ("trailing  ", "trailing&#32;&#32;"),
      ("a | b * c _ d ` e ~ f $ g [h] <i>", "a \\| b \\* c \\_ d \\` e \\~ f \\$ g \\[h\\] \\<i\\>"),
      ("&amp; & &#60;", "\\&amp; & \\&\\#60;"),
      ("2026-11-22 ¥3,199.00 a-b", "2026-11-22 ¥3,199.00 a-b"),
    ]
    for (text, expected) in cases {
      let got = try render([.paragraph([.text(text)], align: .left)])
      #expect(got == expected + "\n", "\(text) → \(got)")
    }
  }

  @Test func lineBreaksAndBlankLinesInsideParagraphsAndItems() throws {
    #expect(
      try render([.paragraph([.text("a"), .lineBreak, .lineBreak, .text("- b")], align: .left)])
        == "a\\\n\\\n\\- b\n")
    #expect(
      try render([
        .list(ordered: true, start: 9, items: [[.text("x"), .lineBreak, .text("y")], [.text("z")]])
      ])
        == "9. x\\\n   y\n10. z\n")
    #expect(try render([.paragraph([.lineBreak, .text("a"), .lineBreak], align: .left)]) == "a\n")
  }

  @Test func boldUsesStarsWhereCommonMarkAllowsAndStrongTagsElsewhere() throws {
    #expect(
      try render([.paragraph([.text("退还 "), .strong("¥3,199.00"), .text(" 元")], align: .left)])
        == "退还 **¥3,199.00** 元\n")
    #expect(
      try render([.paragraph([.text("金额为"), .strong("¥100"), .text("元")], align: .left)])
        == "金额为<strong>¥100</strong>元\n")
    #expect(
      try render([.paragraph([.strong("投诉人："), .text("张三")], align: .left)]) == "<strong>投诉人：</strong>张三\n")
    #expect(
      try render([.paragraph([.strong(" padded "), .text("x")], align: .left)]) == "&#32;**padded** x\n")
  }

  @Test func consecutiveListsStayApart() throws {
    let md = try render([
      .list(ordered: false, start: 1, items: [[.text("a")]]),
      .list(ordered: false, start: 1, items: [[.text("b")]]),
      .list(ordered: true, start: 1, items: [[.text("c")]]),
      .list(ordered: true, start: 5, items: [[.text("d")]]),
    ])
    #expect(md == "- a\n\n* b\n\n1. c\n\n5) d\n")
  }

  @Test func tablesEscapePipesAndBreakWithBr() throws {
    let md = try render([
      .table(header: [[.text("a|b")], []], rows: [[[.text("x"), .lineBreak, .text("y")], [.strong("z")]]])
    ])
    #expect(md == "| a\\|b | |\n| --- | --- |\n| x<br>y | **z** |\n")
  }

  @Test(.enabled(if: Python.shouldRun))
  func githubRendersEverythingLiterally() throws {
    let docs = [SampleDocument.letter] + (0..<80).map { HostileDocuments.document(seed: UInt64($0) &+ 1) }
    let markdown = try docs.map { String(decoding: try MarkdownWriter.render($0), as: UTF8.self) }
    guard let parsed = try HTMLStructure.read(markdown, markdown: true) else { return }
    for (index, (page, doc)) in zip(parsed, docs).enumerated() {
      expectSameVisibleContent(page, doc, markdown: true, label: "document \(index):\n\(markdown[index])")
    }
  }
}

@Suite struct TextWriterTests {
  func render(_ blocks: [Block], language: String = "zh-Hans") throws -> String {
    String(
      decoding: try TextWriter.render(DocumentModel(title: "t", language: language, blocks: blocks)),
      as: UTF8.self)
  }

  func widths(_ text: String) -> [Int] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.unicodeScalars.reduce(0) {
        $0
          + (($1.value >= 0x3000 && $1.value <= 0x9FFF) || ($1.value >= 0xFF00 && $1.value <= 0xFF60) ? 2 : 1)
      }
    }
  }

  @Test func linesFitIn72ColumnsCountingChineseAsTwo() throws {
    let text = String(decoding: try TextWriter.render(SampleDocument.letter), as: UTF8.self)
    #expect(widths(text).allSatisfy { $0 <= 72 })
    let long = String(repeating: "投诉人在被投诉人经营的门店购买洗衣机一台，", count: 8)
    let wrapped = try render([.paragraph([.text(long)], align: .left)])
    #expect(widths(wrapped).dropLast(2).allSatisfy { $0 <= 72 && $0 >= 68 }, "\(widths(wrapped))")
    #expect(wrapped.replacingOccurrences(of: "\n", with: "") == long)
  }

  @Test func numbersAndWordsAreNeverSplitAndPunctuationNeverStartsALine() throws {
    let text = String(repeating: "订单号 DD2026031500012345678，金额 ¥3,199.00。", count: 6)
    let out = try render([.paragraph([.text(text)], align: .left)])
    for line in out.split(separator: "\n") {
      #expect(!(line.first.map { "，。、；：？！）》".contains($0) } ?? false), "\(line)")
    }
    #expect(
      out.replacingOccurrences(of: "\n", with: " ").components(separatedBy: "DD2026031500012345678").count
        == 7)
    #expect(!out.contains("¥3,199\n") && !out.contains("DD20260315\n"))
  }

  @Test func titleIsCentredAndUnderlinedAndListsHang() throws {
    let out = try render([
      .heading(level: 1, [.text("投诉书")]),
      .heading(level: 2, [.text("一、请求")]),
      .list(ordered: true, start: 9, items: [[.text(String(repeating: "很长的请求", count: 10))], [.text("短")]]),
    ])
    let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == String(repeating: " ", count: 33) + "投诉书")
    #expect(lines[1] == String(repeating: " ", count: 33) + "======")
    #expect(lines[3] == "一、请求" && lines[4] == "--------")
    #expect(lines[6].hasPrefix(" 9. 很长的请求"))
    #expect(lines[7].hasPrefix("    ") && !lines[7].hasPrefix("     "))
    #expect(lines.contains("10. 短"))
  }

  @Test func alignmentAndBreaks() throws {
    let out = try render([
      .paragraph([.text("甲"), .lineBreak, .text("乙")], align: .right),
      .paragraph([.text("中")], align: .center),
    ])
    #expect(
      out == String(repeating: " ", count: 70) + "甲\n" + String(repeating: " ", count: 70) + "乙\n\n"
        + String(repeating: " ", count: 35) + "中\n")
  }

  @Test func narrowTablesAreColumnsAndWideOnesRecords() throws {
    let narrow = try render([
      .table(
        header: [[.text("编号")], [.text("名称")]],
        rows: [[[.text("证据1")], [.text("发票")]], [[.text("证据10")], [.text("录音")]]])
    ])
    #expect(narrow == "编号    名称\n------  ----\n证据1   发票\n证据10  录音\n")
    let wide = try render([
      .table(
        header: [[.text("编号")], [.text("证明内容")]],
        rows: [[[.text("证据1")], [.text(String(repeating: "很长的内容", count: 12))]]])
    ])
    let lines = wide.split(separator: "\n")
    #expect(lines[0] == "编号：证据1")
    #expect(lines[1].hasPrefix("证明内容：很长的内容"))
    #expect(
      lines[2].hasPrefix(String(repeating: " ", count: 10))
        && !lines[2].hasPrefix(String(repeating: " ", count: 11)))
    #expect(
      try render(
        [.table(header: [[.text("Item")]], rows: [[[.text(String(repeating: "long ", count: 20))]]])],
        language: "en"
      ).hasPrefix("Item: long"))
  }

  @Test func hostileTextIsLiteral() throws {
    let out = try render([.paragraph([.text(SampleDocument.hostile)], align: .left)])
    #expect(out.replacingOccurrences(of: "\n", with: " ") == SampleDocument.hostile + " ")
  }

  @Test func controlCharactersAreDropped() throws {
    #expect(try render([.paragraph([.text("a\u{0}b\u{1B}[31mc\u{7F}")], align: .left)]) == "ab[31mc\n")
  }
}

@Suite struct DocumentFormatTests {
  @Test func formatsNameTheirFiles() {
    #expect(DocumentFormat.allCases.map(\.fileExtension) == ["txt", "md", "html", "docx", "pdf"])
    #expect(DocumentFormat(rawValue: "docx")?.mediaType.hasSuffix("wordprocessingml.document") == true)
    #expect(DocumentFormat.html.isText && !DocumentFormat.pdf.isText)
  }

  @Test func everyTextFormatRendersTheSample() throws {
    for format in [DocumentFormat.txt, .md, .html] {
      let data = try format.render(SampleDocument.letter)
      #expect(String(data: data, encoding: .utf8)?.contains("投诉书") == true)
    }
    #expect(try DocumentFormat.docx.render(SampleDocument.letter).starts(with: [0x50, 0x4B]))
    #expect(try DocumentFormat.pdf.render(SampleDocument.letter).starts(with: Array("%PDF-".utf8)))
  }
}

@Suite struct DegenerateModelTests {
  static let ragged = DocumentModel(
    title: "", language: "",
    blocks: [
      .heading(level: 7, [.text("deep")]),
      .heading(level: 0, []),
      .paragraph([], align: .center),
      .list(ordered: true, start: 0, items: []),
      .list(ordered: false, start: 1, items: [[]]),
      .table(header: [], rows: []),
      .table(header: [[.text("a")]], rows: [[[.text("1")], [.text("extra")]], []]),
    ])

  @Test func everyWriterCopesWithRaggedAndEmptyModels() throws {
    for doc in [DocumentModel(title: "", language: "zh-Hans", blocks: []), Self.ragged] {
      for format in [DocumentFormat.txt, .md, .html, .docx] {
        _ = try format.render(doc)
      }
    }
    let md = String(decoding: try MarkdownWriter.render(Self.ragged), as: UTF8.self)
    #expect(md.contains("### deep"))
    #expect(md.contains("| a | |\n| --- | --- |\n| 1 | extra |\n| | |"))
  }

  @Test(.enabled(if: Python.shouldRun))
  func raggedTableIsPaddedInWord() throws {
    guard let read = try DOCXWriterTests.readBack(Self.ragged) else { return }
    #expect(read.body.first?.style == "Heading 3")
    #expect(read.body.contains { $0.rows == [["a", ""], ["1", "extra"], ["", ""]] })
  }
}
