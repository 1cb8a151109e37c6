import Foundation
import Testing

@testable import RedressDocuments

/// The parts of the PDF writer that need no outside reader: line breaking, pagination,
/// the PDF syntax and the zlib wrapper.
@Suite struct PDFLayoutTests {
  static let font = PDFSongFont()

  static func glyphs(_ text: String) -> [PDFGlyph] {
    PDFLineBreaker.hardLines([.text(text)], font: font, bold: false).first ?? []
  }

  static func text(_ glyphs: [PDFGlyph]) -> String {
    String(String.UnicodeScalarView(glyphs.compactMap { Unicode.Scalar(UInt32($0.code)) }))
  }

  static let tokens = [
    "2999.00", "XQG100-14", "GD2026101200001", "zhang.san@example.com", "400-800-1234",
    "91110105MA01ABCD3X", "¥3,199.00", "SH-20261022-0057",
  ]
  static let words = [
    "投诉人", "被", "经营者", "洗衣机", "质量问题", "元", "年", "月", "日", "退货", "word", "the", "三包",
  ]

  /// A fixed pseudo-random text of words, codes and numbers with the punctuation around them
  /// that Chinese prose has: the same on every run.
  static func sampleText(seed: UInt64, length: Int) -> String {
    var state = seed
    func next(_ count: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(count))
    }
    var text = ""
    for _ in 0..<length {
      let word = next(3) == 0 ? tokens[next(tokens.count)] : words[next(words.count)]
      switch next(9) {
      case 0: text += "（" + word + "）"
      case 1: text += "“" + word + "”"
      case 2: text += "《" + word + "》"
      case 3: text += word + "，"
      case 4: text += word + "。"
      case 5: text += word + "、"
      case 6: text += word + "——"
      case 7: text += word + " "
      default: text += word
      }
    }
    return text
  }

  @Test(arguments: 0..<40)
  func linesKeepTheRules(seed: Int) {
    let text = Self.sampleText(seed: UInt64(seed), length: 60)
    let glyphs = Self.glyphs(text)
    for emWidth in [6, 9, 14, 22, 36] {
      let maxWidth = emWidth * 1000
      let lines = PDFLineBreaker.lines([glyphs], maxWidth: maxWidth)
      let lineTexts = lines.map(Self.text)
      // Nothing lost, nothing reordered (spaces at a break are dropped).
      #expect(lineTexts.joined().filter { $0 != " " } == text.filter { $0 != " " })
      // When every unbreakable unit fits on a line, no rule ever needs to give way.
      let rulesHold = PDFLineBreaker.longestUnit([glyphs]) <= maxWidth
      for (index, line) in lines.enumerated() {
        #expect(PDFLineBreaker.width(line) <= maxWidth, "too wide at \(emWidth) em: \(lineTexts[index])")
        guard rulesHold else { continue }
        if index > 0, let first = lineTexts[index].first {
          #expect(!"，。、；：？！）》”…—".contains(first), "starts with \(first): \(lineTexts[index])")
        }
        if index < lines.count - 1, let last = lineTexts[index].last {
          #expect(!"（《“".contains(last), "ends with \(last): \(lineTexts[index])")
        }
      }
      // Whole tokens and their neighbours: a token is never split when a line can hold it.
      for token in Self.tokens where text.contains(token) && rulesHold {
        #expect(lineTexts.contains { $0.contains(token) }, "\(token) split at \(emWidth) em: \(lineTexts)")
      }
    }
  }

  @Test func chineseBreaksBetweenIdeographsAndNumbersKeepTheirUnits() {
    let glyphs = Self.glyphs("投诉人于2026年10月12日购买洗衣机一台，价款2999.00元。")
    let lines = PDFLineBreaker.lines([glyphs], maxWidth: 10_000).map(Self.text)
    #expect(lines.allSatisfy { !$0.hasPrefix("，") && !$0.hasPrefix("。") })
    #expect(lines.joined().contains("2999.00元。"))
    #expect(lines.contains { $0.contains("2999.00元。") })
    #expect(lines.contains { $0.contains("2026年") })
  }

  @Test func aWordLongerThanALineIsForceBroken() {
    let long = String(repeating: "A1", count: 100)
    let lines = PDFLineBreaker.lines([Self.glyphs("前" + long + "后")], maxWidth: 10_000)
    #expect(lines.count > 5)
    #expect(lines.allSatisfy { PDFLineBreaker.width($0) <= 10_000 })
    #expect(lines.map(Self.text).joined() == "前" + long + "后")
  }

  @Test func spacesBreakLatinTextAndAreDroppedAtTheBreak() {
    let lines = PDFLineBreaker.lines([Self.glyphs("one two three four five six seven")], maxWidth: 5_000)
      .map(Self.text)
    #expect(lines.allSatisfy { !$0.hasPrefix(" ") && !$0.hasSuffix(" ") })
    #expect(lines.joined(separator: " ") == "one two three four five six seven")
  }

  @Test func fontMapsWhatItLacksToTheReplacementMark() throws {
    let font = Self.font
    #expect(font.glyph(for: "中", bold: false)?.code == 0x4E2D)
    #expect(font.glyph(for: "A", bold: false)?.width == PDFFontTables.asciiWidths[0x41 - 0x20])
    let outside = try #require(font.glyph(for: "𠮷", bold: false))
    #expect(outside.code == PDFSongFont.replacement && outside.actualText == "𠮷")
    let emoji = try #require(font.glyph(for: "👍🏽", bold: false))
    #expect(emoji.code == PDFSongFont.replacement && emoji.actualText == "👍🏽")
    #expect(font.glyph(for: "\u{200B}", bold: false) == nil)
    #expect(font.glyph(for: "葛\u{E0100}", bold: false)?.code == 0x845B)
    #expect(font.glyph(for: "e\u{0301}", bold: false)?.code == 0x00E9)
    let dot = try #require(font.glyph(for: "·", bold: false))
    #expect(dot.code == 0x30FB && dot.actualText == "·")
    #expect(font.glyph(for: "\u{00A0}", bold: false)?.code == 0x20)
  }

  @Test func theYuanSignIsDeclaredHalfWidth() throws {
    let yen = try #require(Self.font.glyph(for: "¥", bold: false))
    #expect(yen.code == 0x00A5 && yen.width == 550 && yen.actualText == nil)
    // Declared under the CID the CMap maps U+00A5 to, so readers advance by what we measure.
    #expect(PDFSongFont.widthArray.hasSuffix(" 22354 [550]]"))
    #expect(PDFSongFont.widthArray.hasPrefix("[1 [256 308 "))
    // The signs SimSun and STSong draw full-width keep the full em.
    for sign in ["×", "—", "“", "”", "‘", "’", "…"] {
      #expect(Self.font.glyph(for: Character(sign), bold: false)?.width == 1000, "\(sign)")
    }
    #expect(Self.font.glyph(for: "%", bold: false)?.width == PDFFontTables.asciiWidths[0x25 - 0x20])
  }

  @Test func aBlankToFillInKeepsWhatFollowsIt() {
    let lines = PDFLineBreaker.lines([Self.glyphs("纸质材料，共＿＿页")], maxWidth: 8_000).map(Self.text)
    #expect(lines == ["纸质材料，共", "＿＿页"])
  }

  // MARK: - Pagination

  static func pages(_ doc: DocumentModel) -> [PDFPage] {
    let options = PDFOptions()
    let layout = PDFLayout(options: options, font: font, english: false)
    return PDFPaginator(options: options).paginate(layout.items(for: doc.blocks))
  }

  /// The hex codes a text is drawn with (one Tj without bold changes).
  static func hex(_ text: String) -> String {
    String(
      PDFSyntax.hex(glyphs(text).flatMap { [UInt8($0.code >> 8), UInt8($0.code & 0xFF)] }).dropFirst()
        .dropLast())
  }

  @Test func aHeadingIsNeverTheLastLineOfAPage() {
    for filler in 28...44 {
      var blocks: [Block] = (0..<filler).map { .paragraph([.text("填充段落第\($0)段")], align: .left) }
      blocks.append(.heading(level: 2, [.text("四、结论标题")]))
      // One line, so it is drawn with a single Tj that the search below can find.
      blocks.append(.paragraph([.text("结论正文内容。")], align: .left))
      let pages = Self.pages(DocumentModel(title: "t", language: "zh-Hans", blocks: blocks))
      let headingPage = pages.firstIndex { $0.content.contains(Self.hex("四、结论标题")) }
      let bodyPage = pages.firstIndex { $0.content.contains(Self.hex("结论正文内容。")) }
      #expect(headingPage != nil && headingPage == bodyPage, "filler \(filler): heading apart from its text")
    }
  }

  /// The close of a letter, after a closing paragraph of `sentenceLines` lines.
  static func letterEnd(filler: Int, sentenceLines: Int = 3) -> DocumentModel {
    var blocks: [Block] = (0..<filler).map { .paragraph([.text("填充段落第\($0)段。")], align: .left) }
    let sentence = "综上，被投诉人的行为损害了投诉人的合法权益，请求依法处理。"  // 29 characters
    blocks.append(
      .paragraph([.text(String(repeating: sentence, count: sentenceLines * 36 / 29))], align: .left))
    blocks.append(.paragraph([.text("此致")], align: .left))
    blocks.append(.paragraph([.text("杭州市消费者权益保护委员会")], align: .left))
    blocks.append(.paragraph([.text("投诉人（签名）：＿＿＿＿＿＿＿＿")], align: .right))
    blocks.append(.paragraph([.text("2026年11月22日")], align: .right))
    blocks.append(.paragraph([.text("附：证据清单（共2项）")], align: .left))
    blocks.append(.list(ordered: true, start: 1, items: [[.text("电子发票")], [.text("授权委托书")]]))
    return DocumentModel(title: "t", language: "zh-Hans", blocks: blocks)
  }

  /// The text drawn first on a page (its first Tj or TJ operand).
  static func firstText(on page: PDFPage) -> String? {
    guard let show = page.content.range(of: #"(<[0-9A-F]+>|\[[^\]]*\]) T[jJ]"#, options: .regularExpression)
    else { return nil }
    return String(page.content[show])
  }

  @Test func theCloseOfALetterNeverStartsAPageAlone() {
    var sawAPageBreakInTheClose = false
    for filler in 20...40 {
      for sentenceLines in [1, 2, 4] {
        let pages = Self.pages(Self.letterEnd(filler: filler, sentenceLines: sentenceLines))
        let closing = pages.firstIndex { $0.content.contains(Self.hex("此致")) }
        guard let closing else {
          Issue.record("此致 not drawn")
          continue
        }
        if closing > 0 && pages[closing - 1].content.contains(Self.hex("填充段落第\(filler - 1)段。")) {
          sawAPageBreakInTheClose = true
        }
        // "此致" is never the first thing on its page: the closing paragraph's end comes with it.
        #expect(
          Self.firstText(on: pages[closing])?.contains(Self.hex("此致")) == false,
          "filler \(filler), \(sentenceLines) lines: 此致 starts page \(closing + 1)")
        // The addressee, the signature and the date stay with it.
        for text in ["杭州市消费者权益保护委员会", "2026年11月22日"] {
          #expect(pages[closing].content.contains(Self.hex(text)), "filler \(filler): \(text) apart from 此致")
        }
        // "附：" keeps its list.
        let attachment = pages.firstIndex { $0.content.contains(Self.hex("附：证据清单（共2项）")) }
        let firstItem = pages.firstIndex { $0.content.contains(Self.hex("电子发票")) }
        #expect(attachment != nil && attachment == firstItem, "filler \(filler): 附 apart from its list")
      }
    }
    // The fillers did push the close across a page end.
    #expect(sawAPageBreakInTheClose)
  }

  @Test func blocksThatBelongTogetherAreKept() {
    let sentence = Block.paragraph([.text("综上，请求依法处理。")], align: .left)
    let label = Block.paragraph([.text("此致")], align: .left)
    let signature = Block.paragraph([.text("投诉人（签名）：＿＿＿＿")], align: .right)
    let date = Block.paragraph([.text("2026年11月22日")], align: .right)
    let list = Block.list(ordered: true, start: 1, items: [[.text("电子发票")]])
    let table = Block.table(header: [[.text("序号")]], rows: [[[.text("1")]]])
    let heading = Block.heading(level: 2, [.text("投诉请求")])
    let longLine = Block.paragraph([.text(String(repeating: "很长的一行没有句号", count: 3))], align: .left)
    let twoLines = Block.paragraph([.text("此致"), .lineBreak, .text("敬礼")], align: .left)
    let examples: [([Block], [Bool])] = [
      (
        [sentence, label, label, signature, date, label, list], [true, true, true, true, false, true, false]
      ),
      ([heading, sentence, sentence], [true, false, false]),
      ([table, signature, date], [true, true, false]),
      ([list, label, heading, sentence], [true, false, true, false]),
      ([sentence, longLine, sentence], [false, false, false]),
      ([sentence, twoLines, sentence], [false, false, false]),
      ([date, table], [false, false]),
    ]
    for (blocks, keeps) in examples {
      #expect(BlockKeeping.keepsWithNext(blocks) == keeps, "\(blocks)")
    }
  }

  /// Every table of every example document: no number, amount, model number or Latin word is
  /// broken inside, and neither is a cell of up to four characters ("序号", "10公斤") nor a date.
  @Test(arguments: GoldenDocumentTests.samples)
  func tableCellsKeepTheirTokensWhole(sample: GoldenDocumentTests.Sample) throws {
    let options = PDFOptions()
    for (name, model) in try GoldenDocumentTests.models(sample) {
      let layout = PDFLayout(options: options, font: Self.font, english: model.language.hasPrefix("en"))
      let drawn = layout.items(for: model.blocks).compactMap { item -> PDFTableRowItem? in
        if case .row(let row, _, _) = item { return row }
        return nil
      }
      let written = model.blocks.flatMap { block -> [[[Inline]]] in
        if case .table(let header, let rows) = block { return [header] + rows }
        return []
      }
      #expect(drawn.count == written.count)
      for (row, cells) in zip(drawn, written) {
        for (lines, cell) in zip(row.cells.map { $0.map(Self.text) }, cells) {
          let text = cell.plainText
          var whole = text.matches(of: /[!-~¥]+/).map { String($0.output) }
          whole += text.matches(of: /\d{4}年\d{1,2}月\d{1,2}日/).map { String($0.output) }
          if PDFLineBreaker.width(Self.glyphs(text)) <= 4000 { whole.append(text) }
          for token in whole {
            #expect(lines.contains { $0.contains(token) }, "\(sample) \(name): \(token) broken: \(lines)")
          }
        }
      }
    }
  }

  @Test func aLongTableRepeatsItsHeaderAndSplitsATallRow() {
    let tall = String(repeating: "很长的证明内容，", count: 800)
    let doc = DocumentModel(
      title: "t", language: "zh-Hans",
      blocks: [
        .paragraph([.text("前文")], align: .left),
        .table(
          header: [[.text("序号")], [.text("证明内容")]],
          rows: [
            [[.text("1")], [.text("短")]], [[.text("2")], [.text(tall)]], [[.text("3")], [.text("尾行")]],
          ]),
      ])
    let pages = Self.pages(doc)
    #expect(pages.count >= 3)
    let header = Self.hex("证明内容")
    for (index, page) in pages.enumerated() {
      #expect(page.content.contains(header), "no header row on page \(index + 1)")
    }
  }

  @Test func columnWidthsTakeTheMostGenerousLevelThatFits() {
    let levels: [[Double]] = [[30, 40, 40, 30], [40, 50, 50, 40], [40, 120, 60, 45], [40, 120, 900, 45]]
    // Everything on one line does not fit, short cells do: the rest goes to the long column.
    let widths = ColumnWidths.distribute(levels: levels, available: 440)
    #expect(abs(widths.reduce(0, +) - 440) < 0.001)
    #expect(widths[0] == 40 && widths[1] == 120 && widths[3] == 45 && widths[2] == 235)
    // All of it fits: shared in proportion to the natural widths.
    #expect(ColumnWidths.distribute(levels: [[10, 10], [20, 60]], available: 160) == [40, 120])
    // Only the hard minimums fit: each gets its minimum and a share of what it wishes for next.
    let tight = ColumnWidths.distribute(levels: levels, available: 200)
    #expect(abs(tight.reduce(0, +) - 200) < 0.001)
    #expect(zip(tight, levels[1]).allSatisfy { $0 >= $1 } && tight[1] > tight[2])
    // Only the squeezed minimums fit.
    let squeezed = ColumnWidths.distribute(levels: levels, available: 150)
    #expect(
      zip(squeezed, levels[0]).allSatisfy { $0 >= $1 } && zip(squeezed, levels[1]).allSatisfy { $0 <= $1 })
    // Not even those: the narrow columns keep theirs, the widest are cut to one width.
    let crushed = ColumnWidths.distribute(levels: [[20, 300, 300], [20, 400, 400]], available: 300)
    #expect(crushed == [20, 140, 140])
  }

  // MARK: - Syntax

  @Test func literalStringsEscapeEverythingThatCouldEndThem() {
    #expect(PDFSyntax.literal(Array("a(b)c\\d".utf8)) == #"(a\(b\)c\\d)"#)
    #expect(PDFSyntax.literal([0x0A, 0x0D, 0x00, 0xFF]) == #"(\012\015\000\377)"#)
    #expect(PDFSyntax.textString("<script>&{{x}}]]>'\"") == #"(<script>&{{x}}]]>'")"#)
    #expect(PDFSyntax.textString("投诉") == "<FEFF62958BC9>")
    #expect(PDFSyntax.textString("𠮷") == "<FEFFD842DFB7>")
    #expect(PDFSyntax.name("STSong-Light") == "/STSong-Light")
    #expect(PDFSyntax.name("a b/(c)") == "/a#20b#2F#28c#29")
  }

  @Test func numbersAreWrittenTheSameEverywhere() {
    #expect(PDFSyntax.number(0) == "0")
    #expect(PDFSyntax.number(12) == "12")
    #expect(PDFSyntax.number(595.28) == "595.28")
    #expect(PDFSyntax.number(-3.1254) == "-3.125")
    #expect(PDFSyntax.number(0.0004) == "0")
    #expect(PDFSyntax.number(0.05) == "0.05")
    #expect(PDFSyntax.number(.nan) == "0")
  }

  @Test func datesAreUTC() {
    #expect(PDFSyntax.date(Date(timeIntervalSince1970: 1_795_339_800)) == "(D:20261122093000Z)")
  }

  /// The stream decoding itself is checked by `qpdf --check`, which inflates every stream.
  @Test func flateStreamsAreZlibWrapped() throws {
    #expect(PDFFlate.adler32(Data("Wikipedia".utf8)) == 0x11E6_0398)
    let original = Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 * 7 % 251) })
    let stream = try PDFFlate.zlibStream(original)
    #expect(stream.prefix(2) == Data([0x78, 0x9C]))
    #expect(stream.count < original.count / 10)
    let checksum = stream.suffix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    #expect(checksum == PDFFlate.adler32(original))
  }

  @Test func toUnicodeRangesStayWithinOneHighByte() {
    let cmap = PDFSongFont.toUnicodeCMap([0x20, 0x21, 0x22, 0x4EFF, 0x4F00, 0x4F01])
    #expect(cmap.contains("<0020> <0022> <0020>"))
    #expect(cmap.contains("<4EFF> <4EFF> <4EFF>"))
    #expect(cmap.contains("<4F00> <4F01> <4F00>"))
    #expect(cmap.contains("3 beginbfrange"))
  }
}
