import RedressCore
import RedressDocuments
import Testing

@Suite struct MarkdownSubsetTests {
  func blocks(_ text: String) throws -> [Block] { try MarkdownSubset.parseBlocks(text) }

  func problems(_ text: String) -> [MarkdownSubsetError.Problem] {
    do {
      _ = try MarkdownSubset.parseBlocks(text)
      return []
    } catch let error as MarkdownSubsetError {
      return error.problems
    } catch {
      Issue.record("unexpected error \(error)")
      return []
    }
  }

  // MARK: Headings

  @Test func headingsOfThreeLevels() throws {
    #expect(
      try blocks("# 投诉书\n## 一、投诉请求\n### （一）协商经过")
        == [
          .heading(level: 1, [.text("投诉书")]),
          .heading(level: 2, [.text("一、投诉请求")]),
          .heading(level: 3, [.text("（一）协商经过")]),
        ])
  }

  @Test func headingClosingHashesAndBold() throws {
    #expect(try blocks("## Claims ##") == [.heading(level: 2, [.text("Claims")])])
    #expect(try blocks("# C\\#") == [.heading(level: 1, [.text("C#")])])
    #expect(try blocks("# a **b**") == [.heading(level: 1, [.text("a "), .strong("b")])])
  }

  @Test func hashWithoutSpaceIsText() throws {
    #expect(try blocks("#3 号") == [.paragraph([.text("#3 号")], align: .left)])
  }

  @Test func titleComesFromFirstHeading() throws {
    let doc = try MarkdownSubset.parse("intro\n\n# 投诉书\n\n# 其他", language: "zh-Hans")
    #expect(doc.title == "投诉书")
    #expect(doc.language == "zh-Hans")
    #expect(try MarkdownSubset.parse("# A", title: "B").title == "B")
  }

  // MARK: Paragraphs

  @Test func linesJoinWithSpaceOrNothingBetweenChinese() throws {
    #expect(
      try blocks("first line\nsecond line\n\n第一行\n第二行\n\nabc\n中文\nxyz")
        == [
          .paragraph([.text("first line second line")], align: .left),
          .paragraph([.text("第一行第二行")], align: .left),
          .paragraph([.text("abc中文xyz")], align: .left),
        ])
  }

  @Test func hardBreaks() throws {
    let expected: [Block] = [.paragraph([.text("a"), .lineBreak, .text("b")], align: .left)]
    #expect(try blocks("a  \nb") == expected)
    #expect(try blocks("a\\\nb") == expected)
    #expect(try blocks("a<br>b") == expected)
    #expect(try blocks("a<BR />b") == expected)
    #expect(try blocks("a<br/>b") == expected)
    // A single trailing space is not a break; an escaped backslash is not either.
    #expect(try blocks("a \nb") == [.paragraph([.text("a b")], align: .left)])
    #expect(try blocks("a\\\\\nb") == [.paragraph([.text("a\\ b")], align: .left)])
  }

  @Test func trailingBreakMarkerAtParagraphEndIsDropped() throws {
    #expect(
      try blocks("a\\\n\nb  ") == [
        .paragraph([.text("a")], align: .left), .paragraph([.text("b")], align: .left),
      ])
  }

  @Test func windowsLineEnds() throws {
    #expect(
      try blocks("# T\r\n\r\none\r\ntwo\rthree")
        == [.heading(level: 1, [.text("T")]), .paragraph([.text("one two three")], align: .left)])
  }

  @Test func alignment() throws {
    #expect(
      try blocks("-> 投诉人：张三\n-> 2026年11月22日\n\n-> （一式两份） <-\n\n->x")
        == [
          .paragraph([.text("投诉人：张三")], align: .right),
          .paragraph([.text("2026年11月22日")], align: .right),
          .paragraph([.text("（一式两份）")], align: .center),
          .paragraph([.text("->x")], align: .left),
        ])
    #expect(try blocks("-> a\ncontinued <-") == [.paragraph([.text("a continued")], align: .center)])
    #expect(try blocks("-> a \\<-") == [.paragraph([.text("a <-")], align: .right)])
  }

  @Test func bold() throws {
    #expect(
      try blocks("**投诉人：**张三，**男**")
        == [.paragraph([.strong("投诉人："), .text("张三，"), .strong("男")], align: .left)])
    #expect(
      try blocks("**across\nlines**") == [.paragraph([.strong("across lines")], align: .left)])
    #expect(
      try blocks("**a<br>b**") == [.paragraph([.strong("a"), .lineBreak, .strong("b")], align: .left)])
    #expect(try blocks("a ****b") == [.paragraph([.text("a b")], align: .left)])
    #expect(try blocks("*single* stays") == [.paragraph([.text("*single* stays")], align: .left)])
  }

  @Test func backslashEscapes() throws {
    #expect(
      try blocks("\\*\\*x\\*\\* \\| \\# \\\\ \\- \\> \\< \\. \\{ \\} \\a")
        == [.paragraph([.text("**x** | # \\ - > < . { } \\a")], align: .left)])
    #expect(try blocks("\\# not a heading") == [.paragraph([.text("# not a heading")], align: .left)])
    #expect(try blocks("1\\. not a list") == [.paragraph([.text("1. not a list")], align: .left)])
    #expect(try blocks("\\- not a list") == [.paragraph([.text("- not a list")], align: .left)])
    #expect(try blocks("\\| not a table") == [.paragraph([.text("| not a table")], align: .left)])
    #expect(try blocks("\\<br> literal") == [.paragraph([.text("<br> literal")], align: .left)])
    #expect(try blocks("\\ \\ padded\\ ") == [.paragraph([.text("  padded ")], align: .left)])
  }

  // MARK: Lists

  @Test func orderedListWithStartNumber() throws {
    #expect(
      try blocks("3. 退还货款\n4. 赔偿\n\n9. ignored number")
        == [
          .list(ordered: true, start: 3, items: [[.text("退还货款")], [.text("赔偿")], [.text("ignored number")]])
        ])
  }

  @Test func bulletedListWithContinuationAndBreaks() throws {
    #expect(
      try blocks("- one\n  continued\n- two  \n  second line\n-\n- **bold**")
        == [
          .list(
            ordered: false, start: 1,
            items: [
              [.text("one continued")], [.text("two"), .lineBreak, .text("second line")], [],
              [.strong("bold")],
            ])
        ])
  }

  @Test func listsEndAtOtherBlocks() throws {
    #expect(
      try blocks("- a\n1. b\n# h\n- c\n\npara")
        == [
          .list(ordered: false, start: 1, items: [[.text("a")]]),
          .list(ordered: true, start: 1, items: [[.text("b")]]),
          .heading(level: 1, [.text("h")]),
          .list(ordered: false, start: 1, items: [[.text("c")]]),
          .paragraph([.text("para")], align: .left),
        ])
  }

  @Test func paragraphIsInterruptedByBlocks() throws {
    #expect(
      try blocks("text\n- item\ntext2\n| a |\n|---|\n| b |")
        == [
          .paragraph([.text("text")], align: .left),
          .list(ordered: false, start: 1, items: [[.text("item text2")]]),
          .table(header: [[.text("a")]], rows: [[[.text("b")]]]),
        ])
  }

  // MARK: Tables

  @Test func table() throws {
    let text = """
      | 编号 | 证据名称 | 证明内容 |
      |:---|:---:|---:|
      | 证据1 | **发票** | a \\| b |
      |证据2|  | x<br>y
      """
    #expect(
      try blocks(text)
        == [
          .table(
            header: [[.text("编号")], [.text("证据名称")], [.text("证明内容")]],
            rows: [
              [[.text("证据1")], [.strong("发票")], [.text("a | b")]],
              [[.text("证据2")], [], [.text("x"), .lineBreak, .text("y")]],
            ])
        ])
  }

  @Test func tableWithoutRows() throws {
    #expect(try blocks("| a | b |\n| - | - |") == [.table(header: [[.text("a")], [.text("b")]], rows: [])])
  }

  // MARK: Errors

  @Test func rowWithWrongCellCountIsAnErrorWithItsLine() {
    let found = problems("# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 1 | 2 | 3 |\n| 1 |")
    #expect(found.map(\.line) == [6, 7])
    #expect(found.first?.message.contains("3 cells") == true)
    #expect(found.first?.message.contains("has 2") == true)
  }

  @Test func tableWithoutSeparatorRow() {
    let found = problems("text\n\n| a | b |\n| 1 | 2 |")
    #expect(found.map(\.line) == [3])
    #expect(found.first?.message.contains("separator row") == true)
  }

  @Test func separatorWithWrongCellCount() {
    #expect(problems("| a | b |\n|---|\n| 1 | 2 |").map(\.line) == [2])
  }

  @Test func unsupportedConstructsAreErrors() {
    let text = "#### deep\n\n* star\n\n+ plus\n\n---\n\n> quote\n\n```\ncode\n```\n\n***\n\ntext\n===\n"
    let found = problems(text)
    #expect(found.map(\.line) == [1, 3, 5, 7, 9, 11, 13, 15, 18])
    #expect(found[0].message.contains("three levels"))
    #expect(found[1].message.contains("'- '"))
  }

  @Test func unclosedBoldNamesLineAndColumn() {
    let found = problems("ok\n\nsome **bold\ntext")
    #expect(found == [.init(line: 3, column: 6, message: found.first?.message ?? "")])
    #expect(found.first?.message.contains("never closed") == true)
  }

  @Test func allProblemsAreReportedTogether() throws {
    let text = "#### a\n\n| x |\n\n**b"
    let error = #expect(throws: MarkdownSubsetError.self) { try MarkdownSubset.parseBlocks(text) }
    #expect(error?.problems.map(\.line) == [1, 3, 5])
    let diagnostics = error?.diagnostics(file: "templates/zh-Hans/letter.md") ?? []
    #expect(
      diagnostics.first?.description.hasPrefix("templates/zh-Hans/letter.md:1: error: headings") == true)
    #expect(error?.description.hasPrefix("line 1: headings") == true)
  }

  @Test func emptyInputAndBlankLines() throws {
    #expect(try blocks("") == [])
    #expect(try blocks("\n  \n\t\n") == [])
    #expect(try blocks("->  <-") == [])
  }
}
