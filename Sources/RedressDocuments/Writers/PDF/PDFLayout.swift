import Foundation
import RedressCore

/// A run of glyphs in one size, placed at `x` points from the left edge of the text block.
struct PDFTextRun {
  var x: Double
  var glyphs: [PDFGlyph]
  var size: Double
  /// Baseline shift in points (a small bullet sits at mid-height).
  var rise: Double = 0
  /// Extra space, in 1/1000 em, after each glyph whose index is in `stretchAfter`: how a
  /// justified line fills the measure.
  var stretch: Double = 0
  var stretchAfter: Set<Int> = []
}

/// One line of a paragraph, heading or list item.
struct PDFLineItem {
  var runs: [PDFTextRun]
  /// Line height in points.
  var height: Double
  /// Distance from the top of the line box to the baseline, in points.
  var baseline: Double
}

/// One row of a table: every cell already broken into lines.
struct PDFTableRowItem {
  /// Left edge (from the text block's left) and width of each column, in points.
  var columnX: [Double]
  var columnWidth: [Double]
  var cells: [[[PDFGlyph]]]
  var alignments: [Alignment]
  var size: Double
  var leading: Double
  /// Left and right padding of each column (less than usual in a table squeezed for room).
  var paddingX: [Double]
  var paddingY: Double
  var shaded: Bool

  var lineCount: Int { max(1, cells.map(\.count).max() ?? 1) }

  func height(lines: Int) -> Double { Double(lines) * leading + 2 * paddingY }
  var fullHeight: Double { height(lines: lineCount) }
}

/// What the paginator places, top to bottom. `keepWithNext` asks for the item to sit on the
/// same page as the one after it (headings, a paragraph's first line, a table's header row).
enum PDFItem {
  case line(PDFLineItem, keepWithNext: Bool)
  /// Vertical space, dropped at the top of a page.
  case space(Double)
  /// A table row; `header` is the header row to repeat when the table continues on a new page.
  case row(PDFTableRowItem, header: PDFTableRowItem?, keepWithNext: Bool)
}

/// Turns blocks into lines, spaces and table rows with every measurement done: the same
/// widths as the font declares, so what is measured is what a reader draws.
struct PDFLayout {
  let options: PDFOptions
  let font: PDFSongFont
  let english: Bool

  var contentWidth: Double { options.pageWidth - options.marginLeft - options.marginRight }

  struct HeadingStyle {
    var size: Double
    var before: Double
    var after: Double
    var alignment: Alignment
  }

  func headingStyle(_ level: Int) -> HeadingStyle {
    let body = options.bodySize
    switch level {
    case ...1: return HeadingStyle(size: body * 1.5, before: 0, after: body, alignment: .center)
    case 2: return HeadingStyle(size: body * 7 / 6, before: body * 0.5, after: body * 0.25, alignment: .left)
    default: return HeadingStyle(size: body, before: body * 0.25, after: body * 0.15, alignment: .left)
    }
  }

  var paragraphAfter: Double { options.bodySize * 0.35 }

  func items(for blocks: [Block]) -> [PDFItem] {
    var items: [PDFItem] = []
    let keeps = BlockKeeping.keepsWithNext(blocks)
    for (index, block) in blocks.enumerated() {
      let keep = keeps[index]
      switch block {
      case .heading(let level, let inlines):
        let style = headingStyle(level)
        if style.before > 0 && !items.isEmpty { items.append(.space(style.before)) }
        let lines = paragraphLines(
          inlines, size: style.size, bold: true, alignment: style.alignment, indent: 0)
        for line in lines { items.append(.line(line, keepWithNext: true)) }
        items.append(.space(style.after))
      case .paragraph(let inlines, let alignment):
        let lines = paragraphLines(
          inlines, size: options.bodySize, bold: false, alignment: alignment, indent: 0)
        appendLines(lines, keepLast: keep, to: &items)
        items.append(.space(paragraphAfter))
      case .list(let ordered, let start, let entries):
        appendList(ordered: ordered, start: start, entries: entries, keepLast: keep, to: &items)
        items.append(.space(paragraphAfter))
      case .table(let header, let rows):
        appendTable(header: header, rows: rows, keepLast: keep, to: &items)
        items.append(.space(options.bodySize))
      }
    }
    return items
  }

  /// Lines with orphan and widow control: a paragraph's first line stays with its second, and
  /// its last line is never alone at the top of a page. `keepLast` keeps the last line with
  /// what follows (see `BlockKeeping`).
  private func appendLines(_ lines: [PDFLineItem], keepLast: Bool, to items: inout [PDFItem]) {
    for (index, line) in lines.enumerated() {
      let keep =
        (keepLast && index == lines.count - 1) || (lines.count >= 2 && index == 0)
        || (lines.count >= 3 && index == lines.count - 2)
      items.append(.line(line, keepWithNext: keep))
    }
  }

  /// A width in points as 1/1000 em of `size`, rounded so that a column sized to its text's
  /// exact width is not one unit short of holding it.
  static func thousandths(_ points: Double, size: Double) -> Int {
    Int((points * 1000 / size + 0.01).rounded(.down))
  }

  private func lineHeight(_ size: Double) -> Double { size * options.lineSpacing }

  /// Distance from the top of a line box to the baseline: the em box (ideographic, from -0.12
  /// to 0.88 em) centred in the line.
  private func baseline(height: Double, size: Double) -> Double { (height - size) / 2 + size * 0.88 }

  /// The most extra space justification may put at one break opportunity, in 1/1000 em.
  /// Text extractors read a gap of 0.1 em between ideographs as a word space (pypdf does,
  /// poppler sometimes), which would put spaces into copied Chinese; a line that would need
  /// more (a long number or address went to the next line) stays ragged instead.
  static let maximumStretch = 80.0

  func paragraphLines(
    _ inlines: [Inline], size: Double, bold: Bool, alignment: Alignment, indent: Double
  ) -> [PDFLineItem] {
    let available = contentWidth - indent
    let height = lineHeight(size)
    var items: [PDFLineItem] = []
    for hard in PDFLineBreaker.hardLines(inlines, font: font, bold: bold) {
      let lines = PDFLineBreaker.lines([hard], maxWidth: Self.thousandths(available, size: size))
      for (index, glyphs) in lines.enumerated() {
        let width = Double(PDFLineBreaker.width(glyphs)) * size / 1000
        var run = PDFTextRun(x: indent, glyphs: glyphs, size: size)
        switch alignment {
        case .left:
          // Justified like a Chinese letter: every line but a paragraph's last fills the measure.
          if index < lines.count - 1 {
            let gaps = Set(
              glyphs.indices.dropLast().filter {
                PDFLineBreaker.canBreak(between: glyphs[$0], and: glyphs[$0 + 1])
              })
            let stretch = (available - width) * 1000 / size / Double(max(gaps.count, 1))
            if !gaps.isEmpty && stretch > 0 && stretch <= Self.maximumStretch {
              run.stretch = stretch
              run.stretchAfter = gaps
            }
          }
        case .center: run.x = indent + max(0, (available - width) / 2)
        case .right: run.x = indent + max(0, available - width)
        }
        items.append(PDFLineItem(runs: [run], height: height, baseline: baseline(height: height, size: size)))
      }
    }
    return items
  }

  private func appendList(
    ordered: Bool, start: Int, entries: [[Inline]], keepLast: Bool, to items: inout [PDFItem]
  ) {
    let size = options.bodySize
    let markers: [[PDFGlyph]] = entries.indices.map { index in
      let text = ordered ? "\(start + index)." : "●"
      return PDFLineBreaker.hardLines([.text(text)], font: font, bold: false).first ?? []
    }
    let bulletScale = 0.5
    let markerWidths = markers.map {
      Double(PDFLineBreaker.width($0)) * size / 1000 * (ordered ? 1 : bulletScale)
    }
    let gap = size * 0.5
    let hang = max(size * 2, (markerWidths.max() ?? 0) + gap)
    for (index, entry) in entries.enumerated() {
      var lines = paragraphLines(entry, size: size, bold: false, alignment: .left, indent: hang)
      if lines.isEmpty { continue }
      // Numbers are right-aligned against the text so "9." and "10." line up on the dot.
      let markerX = hang - gap - markerWidths[index]
      let marker =
        ordered
        ? PDFTextRun(x: markerX, glyphs: markers[index], size: size)
        : PDFTextRun(
          x: markerX, glyphs: markers[index], size: size * bulletScale,
          rise: size * 0.38 * (1 - bulletScale))
      lines[0].runs.insert(marker, at: 0)
      appendLines(lines, keepLast: keepLast && index == entries.count - 1, to: &items)
      if index < entries.count - 1 { items.append(.space(size * 0.15)) }
    }
  }

  private func appendTable(header: [[Inline]], rows: [[[Inline]]], keepLast: Bool, to items: inout [PDFItem])
  {
    let columns = header.count
    guard columns > 0 else { return }
    let size = options.tableSize
    let paddingX = size * 0.4
    let paddingY = size * 0.3
    let leading = size * 1.4
    func normalized(_ row: [[Inline]]) -> [[Inline]] {
      row.count >= columns
        ? Array(row.prefix(columns)) : row + Array(repeating: [], count: columns - row.count)
    }
    let headerHard = header.map { PDFLineBreaker.hardLines($0, font: font, bold: true) }
    let bodyHard = rows.map { normalized($0).map { PDFLineBreaker.hardLines($0, font: font, bold: false) } }
    let all = [headerHard] + bodyHard

    // Column widths: see `ColumnWidths` for the levels. Per cell: the width of its longest
    // unbreakable unit (all of it when short), and of its widest line.
    func points(_ thousandths: Int) -> Double { Double(thousandths) * size / 1000 }
    let measured = all.map { row in
      row.map { cell in
        let whole = points(PDFLineBreaker.naturalWidth(cell))
        let unit = points(PDFLineBreaker.longestUnit(cell))
        return (least: max(unit, whole <= size * Self.wholeCellEms ? whole : 0), whole: whole)
      }
    }
    func column(_ value: (_ least: Double, _ whole: Double) -> Double) -> [Double] {
      (0..<columns).map { index in measured.map { value($0[index].least, $0[index].whole) }.max() ?? 0 }
    }
    let least = column { least, _ in least }
    let short = column { least, whole in whole <= size * Self.shortCellEms ? whole : least }
    let whole = column { _, whole in max(whole, size * 2) }
    // Padding may shrink to a third of itself before any unit is broken.
    let minimumPadding = paddingX / 3
    let widths = ColumnWidths.distribute(
      levels: [
        least.map { $0 + 2 * minimumPadding },
        least.map { $0 + 2 * paddingX },
        short.map { $0 + 2 * paddingX },
        whole.map { $0 + 2 * paddingX },
      ], available: contentWidth)
    let paddings = zip(widths, least).map { width, least in
      min(paddingX, max(minimumPadding, (width - least) / 2))
    }
    var columnX: [Double] = []
    var x = 0.0
    for width in widths {
      columnX.append(x)
      x += width
    }

    func row(_ hard: [[[PDFGlyph]]], isHeader: Bool) -> PDFTableRowItem {
      let cells = hard.enumerated().map { column, lines in
        PDFLineBreaker.lines(
          lines, maxWidth: Self.thousandths(widths[column] - 2 * paddings[column], size: size))
      }
      return PDFTableRowItem(
        columnX: columnX, columnWidth: widths, cells: cells,
        alignments: Array(repeating: isHeader ? .center : .left, count: columns), size: size,
        leading: leading, paddingX: paddings, paddingY: paddingY, shaded: isHeader)
    }
    let headerRow = row(headerHard, isHeader: true)
    items.append(.row(headerRow, header: nil, keepWithNext: !bodyHard.isEmpty || keepLast))
    for (index, hard) in bodyHard.enumerated() {
      items.append(
        .row(
          row(hard, isHeader: false), header: headerRow, keepWithNext: keepLast && index == bodyHard.count - 1
        ))
    }
  }

  /// A cell whose text is at most this many ems wide stays on one line when the table has room.
  static let shortCellEms = 8.0
  /// A cell whose text is at most this many ems wide (`序号`, `10公斤`) is never broken when the
  /// table can hold it.
  static let wholeCellEms = 4.0

  /// The page numbers at the foot of every page, centred.
  func addPageNumbers(to pages: inout [PDFPage]) {
    let size = options.bodySize * 0.75
    for index in pages.indices {
      let text = Words.phrase(
        "document-layout.pdf-page-number", language: english ? "en" : "zh-Hans",
        ["page": String(index + 1), "pages": String(pages.count)])
      let glyphs = PDFLineBreaker.hardLines([.text(text)], font: font, bold: false).first ?? []
      let width = Double(PDFLineBreaker.width(glyphs)) * size / 1000
      let run = PDFTextRun(x: 0, glyphs: glyphs, size: size)
      pages[index].drawText(
        run, x: (options.pageWidth - width) / 2, baseline: options.marginBottom * 0.45)
    }
  }
}
