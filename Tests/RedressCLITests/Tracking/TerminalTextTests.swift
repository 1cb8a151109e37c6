import RedressCore
import Testing

@testable import RedressCLI

/// Column widths for tables with Chinese text, and JSON string escaping.
@Suite struct TerminalTextTests {
  @Test func chineseTakesTwoColumns() {
    #expect(DisplayWidth.of("abc") == 3)
    #expect(DisplayWidth.of("某某电器") == 8)
    #expect(DisplayWidth.of("（惯例）") == 8)  // fullwidth brackets
    #expect(DisplayWidth.of("e\u{301}") == 1)  // a combining accent takes no column
    #expect(DisplayWidth.of("한국") == 4)
    #expect(DisplayWidth.pad("某店", to: 6) == "某店  ")
    #expect(DisplayWidth.pad("7", to: 3, right: true) == "  7")
    #expect(DisplayWidth.truncate("某某电器销售有限公司", to: 9) == "某某电器…")
    #expect(DisplayWidth.of(DisplayWidth.truncate("某某电器销售有限公司", to: 9)) <= 9)
    #expect(DisplayWidth.truncate("short", to: 9) == "short")
  }

  @Test func jsonEscapesWhatItMust() {
    let value = OrderedJSON.object([
      ("text", .string("引号\"反斜杠\\换行\n制表\t\u{1}\u{2028}")),
      ("none", .null), ("list", .array([])), ("n", .int(-3)), ("ok", .bool(true)),
    ])
    #expect(
      value.text(indent: 0)
        == #"{"text":"引号\"反斜杠\\换行\n制表\t\u0001\u2028","none":null,"list":[],"n":-3,"ok":true}"#)
  }
}
