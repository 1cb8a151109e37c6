/// Breaks text into lines the way Chinese typesetting expects (a simplified UAX #14 with the
/// kinsoku rules of GB/T 15834):
/// - a line may break between any two ideographs, and after a run of spaces;
/// - never inside a run of Latin letters, digits and ASCII punctuation, so "2999.00",
///   "XQG100-14", "GD2026101200001" and e-mail addresses stay whole;
/// - closing punctuation (，。、；：？！）》」』”’ …) never starts a line and opening punctuation
///   (（《「『“‘ …) never ends one; "——" and "……" are never split;
/// - a number keeps the unit after it (`2999.00元`, `15日`), and a blank to fill in (＿) what
///   follows it (`共＿＿页`);
/// - a unit longer than a whole line is broken where it must.
enum PDFLineBreaker {
  enum BreakClass {
    case space, ideographic, word, opening, closing, glue
  }

  /// Lines of glyphs, each at most `maxWidth` (1/1000 em) wide unless a single glyph is
  /// wider. Hard lines (separated by line breaks) always start a new line; trailing spaces are
  /// dropped from every line.
  static func lines(_ hardLines: [[PDFGlyph]], maxWidth: Int) -> [[PDFGlyph]] {
    var result: [[PDFGlyph]] = []
    for hardLine in hardLines {
      result.append(contentsOf: fill(units(hardLine), maxWidth: maxWidth))
    }
    return result
  }

  /// Splits inlines into hard lines of glyphs (at `.lineBreak` and at newlines inside text).
  static func hardLines(_ inlines: [Inline], font: PDFSongFont, bold: Bool) -> [[PDFGlyph]] {
    var lines: [[PDFGlyph]] = [[]]
    func add(_ text: String, bold: Bool) {
      for character in text {
        if character.isNewline {
          lines.append([])
        } else if character == "\t" {
          let space = font.glyph(for: " ", bold: bold)!
          lines[lines.count - 1].append(contentsOf: [space, space])
        } else if let glyph = font.glyph(for: character, bold: bold) {
          lines[lines.count - 1].append(glyph)
        }
      }
    }
    for inline in inlines {
      switch inline {
      case .text(let text): add(text, bold: bold)
      case .strong(let text): add(text, bold: true)
      case .lineBreak: lines.append([])
      }
    }
    return lines
  }

  /// The widest unit that can never be broken (for table column widths), in 1/1000 em.
  static func longestUnit(_ hardLines: [[PDFGlyph]]) -> Int {
    hardLines.flatMap(units).map(\.contentWidth).max() ?? 0
  }

  /// The width of the widest hard line, in 1/1000 em.
  static func naturalWidth(_ hardLines: [[PDFGlyph]]) -> Int {
    hardLines.map { width(trimmingTrailingSpaces($0)) }.max() ?? 0
  }

  static func width(_ glyphs: [PDFGlyph]) -> Int { glyphs.reduce(0) { $0 + $1.width } }

  // MARK: - Units

  /// A stretch between two break opportunities: its glyphs, then the spaces that follow it.
  struct Unit {
    var glyphs: [PDFGlyph]
    var spaces: [PDFGlyph]
    var contentWidth: Int { PDFLineBreaker.width(glyphs) }
    var spaceWidth: Int { PDFLineBreaker.width(spaces) }
  }

  static func units(_ glyphs: [PDFGlyph]) -> [Unit] {
    var units: [Unit] = []
    var current = Unit(glyphs: [], spaces: [])
    var previous: PDFGlyph?
    for glyph in glyphs {
      if glyph.isSpace {
        if current.glyphs.isEmpty && units.isEmpty {
          // Leading spaces of a hard line are kept as drawn content.
          current.glyphs.append(glyph)
        } else {
          current.spaces.append(glyph)
        }
        previous = glyph
        continue
      }
      if let previous, !current.glyphs.isEmpty || !current.spaces.isEmpty,
        canBreak(between: previous, and: glyph)
      {
        units.append(current)
        current = Unit(glyphs: [], spaces: [])
      } else if !current.spaces.isEmpty {
        // No break allowed here after all (e.g. "foo ）"): the spaces become content.
        current.glyphs.append(contentsOf: current.spaces)
        current.spaces = []
      }
      current.glyphs.append(glyph)
      previous = glyph
    }
    if !current.glyphs.isEmpty || !current.spaces.isEmpty { units.append(current) }
    return units
  }

  static func canBreak(between before: PDFGlyph, and after: PDFGlyph) -> Bool {
    let a = breakClass(before.scalar)
    let b = breakClass(after.scalar)
    if b == .space { return false }
    if a == .space { return b != .closing && b != .glue && !isASCIINonStarter(after.scalar) }
    if b == .closing || a == .opening || a == .glue || b == .glue { return false }
    if isASCIINonStarter(after.scalar) || isASCIINonEnder(before.scalar) { return false }
    if a == .word && b == .word { return false }
    // A number keeps its unit: `2999.00元`, `15日`, `3台`.
    if a == .word && before.scalar.properties.numericType != nil && measureWords.contains(after.scalar) {
      return false
    }
    // A blank to fill in keeps what follows it: `共＿＿页`, `＿＿年＿＿月＿＿日`.
    if before.scalar == "\u{FF3F}" { return false }
    // An ordinal keeps its number: `第100项`.
    if before.scalar == "第" && after.scalar.properties.numericType != nil { return false }
    // ’ and ” double as apostrophes: "don’t", "’s".
    if (before.scalar == "\u{2019}" || before.scalar == "\u{201D}") && b == .word { return false }
    return true
  }

  static func breakClass(_ scalar: Unicode.Scalar) -> BreakClass {
    let value = scalar.value
    if scalar == " " { return .space }
    if scalar == "\u{00A0}" || scalar == "\u{202F}" || scalar == "\u{2060}" { return .glue }
    if closing.contains(scalar) { return .closing }
    if opening.contains(scalar) { return .opening }
    switch value {
    case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return .word  // full-width letters, digits
    case 0x1100...0x11FF, 0x2460...0x24FF, 0x2500...0x27BF, 0x2E80...0x9FFF, 0xA000...0xA4CF,
      0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x1F000...0x1FAFF,
      0x20000...0x3FFFF:
      return .ideographic
    default: return .word
    }
  }

  /// Never at the start of a line (GB/T 15834 and the usual Chinese kinsoku set).
  static let closing: Set<Unicode.Scalar> = Set(
    "，。、；：？！）》」』”’〕】〗〙〛〉｝］｠…—～·・％‰℃°々〻ーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ．｡､﹐﹑﹒﹔﹕﹖﹗"
      .unicodeScalars)
  /// Units and measure words that stay with the number before them.
  static let measureWords: Set<Unicode.Scalar> = Set("元角分万亿年月日时秒个台件次天页号米克斤岁层室封张份条项周位名".unicodeScalars)
  /// Never at the end of a line.
  static let opening: Set<Unicode.Scalar> = Set("（《「『“‘〔【〖〘〚〈｛［｟￥＄".unicodeScalars)

  /// ASCII punctuation that must stay with what precedes it even after an ideograph.
  static func isASCIINonStarter(_ scalar: Unicode.Scalar) -> Bool {
    ",.;:?!)]}%".unicodeScalars.contains(scalar)
  }

  /// ASCII (and currency) signs that must stay with what follows them.
  static func isASCIINonEnder(_ scalar: Unicode.Scalar) -> Bool {
    "([{$¥£€#".unicodeScalars.contains(scalar)
  }

  // MARK: - Filling lines

  static func fill(_ units: [Unit], maxWidth: Int) -> [[PDFGlyph]] {
    var lines: [[PDFGlyph]] = []
    var line: [PDFGlyph] = []
    var lineWidth = 0  // including the pending spaces at its end
    var pendingSpaces: [PDFGlyph] = []

    func finishLine() {
      lines.append(line)
      line = []
      lineWidth = 0
      pendingSpaces = []
    }

    for unit in units {
      let width = unit.contentWidth
      if !line.isEmpty && lineWidth + width > maxWidth { finishLine() }
      if line.isEmpty && width > maxWidth {
        // Longer than a whole line: break it wherever it must break.
        var chunk: [PDFGlyph] = []
        var chunkWidth = 0
        for glyph in unit.glyphs {
          if !chunk.isEmpty && chunkWidth + glyph.width > maxWidth {
            line = chunk
            finishLine()
            chunk = []
            chunkWidth = 0
          }
          chunk.append(glyph)
          chunkWidth += glyph.width
        }
        line = chunk
        lineWidth = chunkWidth
      } else {
        line.append(contentsOf: pendingSpaces)
        line.append(contentsOf: unit.glyphs)
        lineWidth += width
      }
      pendingSpaces = unit.spaces
      lineWidth += unit.spaceWidth
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }

  static func trimmingTrailingSpaces(_ glyphs: [PDFGlyph]) -> [PDFGlyph] {
    var end = glyphs.count
    while end > 0 && glyphs[end - 1].isSpace { end -= 1 }
    return Array(glyphs[0..<end])
  }
}
