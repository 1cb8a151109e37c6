import RedressCore
import Testing

/// `DisplayWidth.of(String)` reads printable ASCII and three-byte UTF-8 in place; it must give
/// what adding up `DisplayWidth.of(Unicode.Scalar)` over the scalars gives, for any text.
@Suite struct DisplayWidthTests {
  static func byScalars(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + DisplayWidth.of($1) } }

  @Test func knownWidths() {
    for (text, width) in [
      ("", 0), ("bench-00001", 11), ("某某电器销售有限公司", 20), ("A股·", 4), ("e\u{301}", 1),
      ("，（）", 6), ("\u{200B}x", 1), ("tab\there", 7), ("😀", 2), ("—", 1), ("ｱ", 1), ("한국", 4),
    ] {
      #expect(DisplayWidth.of(text) == width, "\(text.debugDescription)")
      #expect(DisplayWidth.of(text) == Self.byScalars(text), "\(text.debugDescription)")
    }
  }

  /// Random mixes of one-, two-, three- and four-byte scalars, controls, combining and
  /// zero-width marks.
  @Test func anyMixIsMeasuredAsScalarByScalar() {
    let pool: [Unicode.Scalar] = [
      "a", "Z", " ", "~", "\u{7F}", "\u{0}", "\u{1F}", "\u{85}", "\u{A0}", "é", "\u{301}", "\u{7FF}",
      "\u{800}", "\u{1100}", "\u{115F}", "\u{1160}", "\u{200B}", "\u{2014}", "\u{231A}", "\u{2E80}",
      "\u{303F}", "中", "\u{9FFF}", "\u{AC00}", "\u{D7A3}", "\u{E000}", "\u{FE0F}", "\u{FEFF}",
      "\u{FF01}", "\u{FF61}", "\u{FFE6}", "\u{FFFD}", "\u{10000}", "😀", "\u{20000}", "\u{E0001}",
    ]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      let count = Int.random(in: 0...12, using: &generator)
      var text = ""
      for _ in 0..<count { text.unicodeScalars.append(pool.randomElement(using: &generator)!) }
      #expect(DisplayWidth.of(text) == Self.byScalars(text), "\(text.unicodeScalars.map { $0.value })")
    }
  }
}
