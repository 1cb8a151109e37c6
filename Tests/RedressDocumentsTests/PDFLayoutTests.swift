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

  @Test func columnWidthsFillTheBlockAndRespectMinimums() {
    let widths = PDFLayout.columnWidths(
      minimum: [40, 50, 50, 40], natural: [40, 120, 900, 45], available: 440)
    #expect(abs(widths.reduce(0, +) - 440) < 0.001)
    #expect(widths[0] == 40 && widths[3] >= 40 && widths[2] > widths[1])
    let narrow = PDFLayout.columnWidths(minimum: [10, 10], natural: [20, 60], available: 160)
    #expect(narrow == [40, 120])
    let crushed = PDFLayout.columnWidths(minimum: [300, 300], natural: [400, 400], available: 300)
    #expect(crushed == [150, 150])
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
