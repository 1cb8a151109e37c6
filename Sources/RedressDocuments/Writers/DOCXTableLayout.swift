import RedressCore

/// The column widths of a Word table, measured rather than guessed: every column is at least as
/// wide as its longest unbreakable unit (`¥2,999.00`, `XQG100-14`, `2026年`, a Latin word) in
/// the table's 10.5 pt text, so that Word never breaks one inside when the table can hold them
/// at all; short cells stay on one line when there is room; the rest of the width is shared by
/// content (`ColumnWidths`).
///
/// Units are those of the PDF writer's line breaker (the same Chinese rules); widths are Times
/// New Roman's for ASCII (`DOCXFontMetrics`, bold in the header row) and a full em for
/// everything else, plus a quarter em where Word puts space between Chinese and Latin text.
/// Renderers without Times New Roman draw Latin text in a wider face (LibreOffice without the
/// Liberation fonts uses DejaVu Serif, about a quarter wider), so when the table has room the
/// columns also leave that much for Latin text.
struct DOCXTableLayout {
  /// Column widths in twips, adding up to the table width.
  var widths: [Int]
  /// For each row (the header first) and column: whether the cell's text is wider than its
  /// column and so will wrap. Only then are hyphens inside units made non-breaking.
  var wraps: [[Bool]]
  /// The left and right cell margin of each column in twips: `cellMargin`, or less in a table
  /// squeezed for room (then written as `w:tcMar` on its cells).
  var margins: [Int]

  static let textSize = 10.5
  static let emTwips = textSize * 20
  /// Left and right cell margin (`w:tblCellMar`), the least it may shrink to, and room for the
  /// borders and rounding.
  static let cellMargin = 85
  static let minimumCellMargin = 30
  static let slack = 40.0
  /// How much wider Latin text may come out in a substitute font.
  static let substituteLatinScale = 1.25
  /// A cell at most this many ems wide stays on one line when the table has room.
  static let shortCellEms = 8.0
  /// Word's automatic space between Chinese and Latin text or digits, in 1/1000 em.
  static let autoSpace = 250.0

  /// A cell at most this many ems wide (`序号`, `10公斤`) is never broken when the table can
  /// hold it.
  static let wholeCellEms = 4.0

  /// `chinese`: the document names 宋体 as the font for ambiguous characters (¥ “ ” × …), so
  /// they are measured a full em; otherwise they are Times New Roman's (at most a capital's width).
  init(header: [[Inline]], rows: [[[Inline]]], tableWidth: Int, chinese: Bool) {
    let font = PDFSongFont()
    let all: [[[[PDFGlyph]]]] =
      [header.map { PDFLineBreaker.hardLines($0, font: font, bold: true) }]
      + rows.map { $0.map { PDFLineBreaker.hardLines($0, font: font, bold: false) } }
    let columns = header.count
    /// Twips of a width in 1/1000 em.
    func twips(_ thousandths: Double) -> Double { thousandths * Self.emTwips / 1000 }
    func measure(_ glyphs: [PDFGlyph], _ scale: Double) -> Double {
      twips(Self.measure(glyphs, latinScale: scale, chinese: chinese))
    }
    func longestUnit(_ lines: [[PDFGlyph]], _ scale: Double) -> Double {
      lines.flatMap(PDFLineBreaker.units).map { measure($0.glyphs, scale) }.max() ?? 0
    }
    func wholeWidth(_ lines: [[PDFGlyph]], _ scale: Double) -> Double {
      lines.map { measure(PDFLineBreaker.trimmingTrailingSpaces($0), scale) }.max() ?? 0
    }
    let padding = Double(2 * Self.cellMargin) + Self.slack
    /// What a cell cannot do without: its longest unit, or all of it when it is short.
    func least(_ lines: [[PDFGlyph]], _ scale: Double) -> Double {
      let whole = wholeWidth(lines, scale)
      return max(longestUnit(lines, scale), whole <= Self.wholeCellEms * Self.emTwips ? whole : 0)
    }
    let roomy = Self.substituteLatinScale
    let shortCell = Self.shortCellEms * Self.emTwips
    /// Per column: the most any of its cells asks for.
    func column(_ value: ([[PDFGlyph]]) -> Double) -> [Double] {
      (0..<columns).map { index in all.map { value($0[index]) }.max() ?? 0 }
    }
    let exactLeast = column { least($0, 1) }
    let levels: [[Double]] = [
      exactLeast.map { $0 + Double(2 * Self.minimumCellMargin) + Self.slack / 4 },
      exactLeast.map { $0 + padding },
      column { cell in
        let whole = wholeWidth(cell, 1)
        return (whole <= shortCell ? whole : least(cell, 1)) + padding
      },
      column { cell in
        let whole = wholeWidth(cell, roomy)
        return (whole <= shortCell * roomy ? whole : least(cell, roomy)) + padding
      },
      column { max(wholeWidth($0, roomy), 2 * Self.emTwips) + padding },
    ]
    let shares = ColumnWidths.distribute(levels: levels, available: Double(tableWidth))
    var widths = shares.map { Int($0.rounded(.down)) }
    if !widths.isEmpty { widths[widths.count - 1] += tableWidth - widths.reduce(0, +) }
    // A column narrower than what it cannot do without plus full margins gives up margin.
    let margins = zip(widths, exactLeast).map { width, least in
      let room = Int((Double(width) - least - Self.slack / 4).rounded(.down)) / 2
      return min(Self.cellMargin, max(Self.minimumCellMargin, room))
    }
    self.widths = widths
    self.margins = margins
    wraps = all.map { row in
      row.enumerated().map { column, lines in
        wholeWidth(lines, 1) + Double(2 * margins[column]) + Self.slack / 4 > Double(widths[column])
      }
    }
  }

  /// The width of glyphs in Word, in 1/1000 em of the text size.
  static func measure(_ glyphs: [PDFGlyph], latinScale: Double, chinese: Bool) -> Double {
    var total = 0.0
    var previousIsWide: Bool?
    for glyph in glyphs {
      let value = glyph.scalar.value
      let isASCII = value >= 0x20 && value <= 0x7E
      let isWide = DisplayWidth.isWide(glyph.scalar)
      if isASCII {
        let table = glyph.bold ? DOCXFontMetrics.timesBold : DOCXFontMetrics.times
        total += Double(table[Int(value) - 0x20]) * latinScale
      } else if isWide || chinese {
        total += 1000
      } else {
        total += glyph.scalar == "\u{00A5}" ? 500 : 722 * latinScale
      }
      let isAlphanumeric =
        isASCII && glyph.scalar.properties.isAlphabetic || ("0"..."9").contains(glyph.scalar)
      if let previousIsWide, (previousIsWide && isAlphanumeric) || (!previousIsWide && isWide) {
        total += autoSpace
      }
      previousIsWide = isWide ? true : (isAlphanumeric ? false : nil)
    }
    return total
  }
}
