import RedressDocuments
import RedressTestSupport
import Testing

/// `MarkdownSubset.escape` then `parse` gives back exactly the user's text, wherever in a
/// template the text is substituted.
@Suite struct EscapeRoundTripTests {
  /// Markdown punctuation, tag-like pieces, CJK, full-width punctuation, spaces, tabs, line ends
  /// and a combining mark.
  static let alphabet: [String] =
    "*_|#-+.=>`<\\!~[](){}:;&\"'$%/?@^,".map(String.init) + [
      "**", "<br>", "-> ", " <-", "1. ", "# ", "- ", "| ", "{{tags}}", "]]>", "<script>", "&amp;",
      "中", "文", "投诉", "，", "。", "（", "）", "《", "》", "￥", "a", "Z", "7", "0", " ", "  ", "\t",
      "\n", "\n\n", "\r\n", "\r", "\u{301}", "\u{3000}", "é",
    ]

  static func randomString(_ generator: inout SplitMix64) -> String {
    let length = Int.random(in: 0...14, using: &generator)
    return (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
  }

  /// The text as the model carries it: line ends become line breaks.
  static func expectedPlainText(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      defer { previousWasCR = scalar == "\r" }
      if scalar == "\n" && previousWasCR { continue }
      out.append(scalar == "\r" ? "\n" : scalar)
    }
    return String(out)
  }

  static func hex(_ s: String) -> String {
    s.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
  }

  static func plainText(of block: Block) -> String? {
    switch block {
    case .heading(_, let inlines), .paragraph(let inlines, _): return inlines.plainText
    case .list(_, _, let items): return items.count == 1 ? items[0].plainText : nil
    case .table(_, let rows): return rows.count == 1 ? rows[0][0].plainText : nil
    }
  }

  /// Templates with one slot, and how to find the user's text in the parsed result.
  static let templates: [(name: String, template: String, prefix: String, suffix: String)] = [
    ("paragraph", "前缀 {{x}} 后缀", "前缀 ", " 后缀"),
    ("alone", "{{x}}", "", ""),
    ("list item", "- {{x}}", "", ""),
    ("numbered item", "7. {{x}}", "", ""),
    ("table cell", "| 名称 | 内容 |\n|---|---|\n| {{x}} | 固定 |", "", ""),
    ("heading", "## 标题 {{x}} 尾", "标题 ", " 尾"),
    ("right", "-> {{x}}", "", ""),
    ("centre", "-> {{x}} <-", "", ""),
    ("line start after text", "第一行  \n{{x}}", "第一行\n", ""),
  ]

  @Test(arguments: 0..<templates.count)
  func randomTextSurvivesEveryPlace(templateIndex: Int) throws {
    let (name, template, prefix, suffix) = Self.templates[templateIndex]
    var generator = SplitMix64(seed: UInt64(templateIndex) &* 7919 &+ 17)
    for iteration in 0..<400 {
      let text = Self.randomString(&generator)
      // The template's own line would end the paragraph before an empty value.
      if text.isEmpty && name == "line start after text" { continue }
      let source = template.replacingOccurrences(of: "{{x}}", with: MarkdownSubset.escape(text))
      let blocks: [Block]
      do {
        blocks = try MarkdownSubset.parseBlocks(source)
      } catch {
        Issue.record(
          "\(name) #\(iteration): \(String(reflecting: text)) → \(String(reflecting: source)): \(error)")
        continue
      }
      let expected = prefix + Self.expectedPlainText(text) + suffix
      if blocks.isEmpty {
        #expect(expected.isEmpty, "\(name) #\(iteration): \(String(reflecting: text)) gave nothing")
        continue
      }
      #expect(blocks.count == 1, "\(name) #\(iteration): \(String(reflecting: source)) → \(blocks)")
      guard let block = blocks.first else { continue }
      let got = Self.plainText(of: block) ?? ""
      #expect(
        got == expected,
        """
        \(name) #\(iteration): \(String(reflecting: text)) → \(String(reflecting: source)) → \(block)
        scalars: \(Self.hex(got)) expected \(Self.hex(expected))
        """)
      if case .paragraph(_, let align) = block {
        let wanted: Alignment = name == "right" ? .right : name == "centre" ? .center : .left
        #expect(align == wanted, "\(name) #\(iteration): \(String(reflecting: text))")
      }
    }
  }

  @Test func insideBoldEveryRunIsBold() throws {
    var generator = SplitMix64(seed: 42)
    for iteration in 0..<400 {
      let text = Self.randomString(&generator)
      guard !text.isEmpty else { continue }
      let source = "**" + MarkdownSubset.escape(text) + "** 后"
      let blocks = try MarkdownSubset.parseBlocks(source)
      guard case .paragraph(let inlines, _) = blocks.first else {
        Issue.record("#\(iteration): \(String(reflecting: text)) → \(blocks)")
        continue
      }
      #expect(inlines.plainText == Self.expectedPlainText(text) + " 后")
      let bold = inlines.dropLast().allSatisfy { inline in
        if case .text = inline { return false }
        return true
      }
      #expect(bold, "#\(iteration): \(String(reflecting: text)) → \(inlines)")
    }
  }

  @Test func hostileExamples() throws {
    let cases = [
      "**粗体** | 管道 # 标题 1. 列表 -> 右 <- <script>alert(1)</script> {{tags}} ]]>",
      "# heading\n- item\n1. one\n| a | b |\n|---|---|\n-> x <-",
      "第一段\n\n第二段",
      "ends with backslash \\",
      "  leading and trailing  ",
      "\\*already escaped\\*",
    ]
    for text in cases {
      let blocks = try MarkdownSubset.parseBlocks("说明：" + MarkdownSubset.escape(text))
      #expect(blocks.count == 1)
      #expect(blocks.first.flatMap(Self.plainText) == "说明：" + text)
    }
  }

  @Test func paragraphBreakInUserTextIsTwoLineBreaks() throws {
    let blocks = try MarkdownSubset.parseBlocks("- " + MarkdownSubset.escape("甲\n\n乙") + "\n- 丙")
    #expect(
      blocks == [
        .list(
          ordered: false, start: 1, items: [[.text("甲"), .lineBreak, .lineBreak, .text("乙")], [.text("丙")]])
      ])
  }

  @Test func escapeOutputIsOneLine() {
    #expect(!MarkdownSubset.escape("a\nb\r\nc\rd").contains { $0.isNewline })
    #expect(MarkdownSubset.escape("a\nb") == "a<br>b")
    #expect(MarkdownSubset.escape("普通文字") == "普通文字")
  }
}
