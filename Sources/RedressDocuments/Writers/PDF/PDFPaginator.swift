/// One page's content stream as it is being drawn, and the font codes it uses (for the
/// ToUnicode map).
struct PDFPage {
  var content = ""
  var usedCodes = Set<UInt16>()

  /// Draws a run with its baseline at `baseline` points from the bottom of the page. Bold
  /// glyphs are filled and stroked (render mode 2) with a thin line, since STSong-Light has
  /// no bold face; a glyph that stands in for other text carries it as /ActualText; a
  /// justified line gets its extra space as TJ adjustments at its break opportunities only,
  /// so numbers and Latin words are never letter-spaced.
  mutating func drawText(_ run: PDFTextRun, x: Double, baseline: Double) {
    guard !run.glyphs.isEmpty else { return }
    var out = "BT\n/F1 \(PDFSyntax.number(run.size)) Tf\n"
    if run.glyphs.contains(where: \.bold) { out += "\(PDFSyntax.number(run.size * 0.03)) w\n" }
    out += "1 0 0 1 \(PDFSyntax.number(x)) \(PDFSyntax.number(baseline)) Tm\n"
    if run.rise != 0 { out += "\(PDFSyntax.number(run.rise)) Ts\n" }
    let adjustment = "-" + PDFSyntax.number(run.stretch)
    var bold = false
    var parts: [String] = []
    var codes: [UInt8] = []
    func closeCodes() {
      if !codes.isEmpty { parts.append(PDFSyntax.hex(codes)) }
      codes = []
    }
    func flush() {
      closeCodes()
      if parts.count == 1 && parts[0].hasPrefix("<") {
        out += parts[0] + " Tj\n"
      } else if !parts.isEmpty {
        out += "[" + parts.joined(separator: " ") + "] TJ\n"
      }
      parts = []
    }
    for (index, glyph) in run.glyphs.enumerated() {
      usedCodes.insert(glyph.code)
      if glyph.bold != bold {
        flush()
        bold = glyph.bold
        out += bold ? "2 Tr\n" : "0 Tr\n"
      }
      let bytes = [UInt8(glyph.code >> 8), UInt8(glyph.code & 0xFF)]
      if let actual = glyph.actualText {
        flush()
        out += "/Span << /ActualText \(PDFSyntax.textString(actual)) >> BDC "
        out += PDFSyntax.hex(bytes) + " Tj EMC\n"
      } else {
        codes.append(contentsOf: bytes)
      }
      if run.stretch > 0 && run.stretchAfter.contains(index) {
        closeCodes()
        parts.append(adjustment)
      }
    }
    flush()
    if bold { out += "0 Tr\n" }
    if run.rise != 0 { out += "0 Ts\n" }
    content += out + "ET\n"
  }

  mutating func fillRectangle(x: Double, y: Double, width: Double, height: Double, gray: Double) {
    content +=
      "\(PDFSyntax.number(gray)) g \(PDFSyntax.number(x)) \(PDFSyntax.number(y)) "
      + "\(PDFSyntax.number(width)) \(PDFSyntax.number(height)) re f 0 g\n"
  }

  mutating func strokeRectangle(x: Double, y: Double, width: Double, height: Double, lineWidth: Double) {
    content +=
      "\(PDFSyntax.number(lineWidth)) w 0 G \(PDFSyntax.number(x)) \(PDFSyntax.number(y)) "
      + "\(PDFSyntax.number(width)) \(PDFSyntax.number(height)) re S\n"
  }
}

/// Places items on pages top to bottom: keeps chains of `keepWithNext` items together when
/// they fit on a page, drops space at the top of a page, repeats a table's header row on
/// every page the table continues on, and splits a row line by line when it is taller than
/// what is left (and would not fit on a fresh page either).
struct PDFPaginator {
  let options: PDFOptions

  private var contentHeight: Double { options.pageHeight - options.marginTop - options.marginBottom }

  func paginate(_ items: [PDFItem]) -> [PDFPage] {
    var pages: [PDFPage] = [PDFPage()]
    var y = 0.0  // distance from the top of the text block

    func newPage() {
      pages.append(PDFPage())
      y = 0
    }

    for index in items.indices {
      switch items[index] {
      case .space(let height):
        if y == 0 { continue }
        if y + height > contentHeight { newPage() } else { y += height }
      case .line(let line, _):
        if y > 0 && y + chainHeight(from: index, in: items) > contentHeight + 0.001 { newPage() }
        let baseline = pageY(y + line.baseline)
        for run in line.runs {
          pages[pages.count - 1].drawText(run, x: options.marginLeft + run.x, baseline: baseline)
        }
        y += line.height
      case .row(let row, let header, _):
        var start = 0
        let headerHeight = header?.fullHeight ?? 0
        let restHeight = row.height(lines: row.lineCount)
        if y > 0 && y + chainHeight(from: index, in: items) > contentHeight + 0.001 {
          let fitsOnFreshPage = headerHeight + restHeight <= contentHeight
          if fitsOnFreshPage || linesThatFit(row, below: y) < 2 {
            newPage()
            if let header { draw(header, lines: 0..<header.lineCount, at: &y, on: &pages) }
          }
        }
        while start < row.lineCount {
          var count = min(row.lineCount - start, linesThatFit(row, below: y))
          if count < 1 && y > 0 {
            newPage()
            if let header { draw(header, lines: 0..<header.lineCount, at: &y, on: &pages) }
            continue
          }
          count = max(count, 1)
          draw(row, lines: start..<(start + count), at: &y, on: &pages)
          start += count
          if start < row.lineCount {
            newPage()
            if let header { draw(header, lines: 0..<header.lineCount, at: &y, on: &pages) }
          }
        }
      }
    }
    if pages.count > 1 && pages[pages.count - 1].content.isEmpty { pages.removeLast() }
    return pages
  }

  /// The height of the item at `index` and every item it keeps with. A chain taller than a
  /// page cannot be kept together anyway: then only the item's own height counts.
  private func chainHeight(from index: Int, in items: [PDFItem]) -> Double {
    var height = 0.0
    var own: Double?
    var position = index
    loop: while position < items.count {
      switch items[position] {
      case .space(let space):
        if position == index { return space }
        height += space
      case .line(let line, let keep):
        height += line.height
        own = own ?? height
        if !keep { break loop }
      case .row(let row, _, let keep):
        height += row.fullHeight
        own = own ?? height
        if !keep { break loop }
      }
      // Taller than a page already: the answer is `own` whatever follows (a long chain of
      // kept lines would otherwise be walked again from each of its lines).
      if own != nil && height > contentHeight { break loop }
      position += 1
    }
    return height > contentHeight ? (own ?? 0) : height
  }

  private func linesThatFit(_ row: PDFTableRowItem, below y: Double) -> Int {
    let room = contentHeight - y - 2 * row.paddingY
    return room < 0 ? 0 : Int((room + 0.001) / row.leading)
  }

  /// Page coordinate (from the bottom) of a distance from the top of the text block.
  private func pageY(_ y: Double) -> Double { options.pageHeight - options.marginTop - y }

  private func draw(_ row: PDFTableRowItem, lines: Range<Int>, at y: inout Double, on pages: inout [PDFPage])
  {
    let height = row.height(lines: lines.count)
    let bottom = pageY(y + height)
    var page = pages[pages.count - 1]
    for column in row.columnX.indices {
      let x = options.marginLeft + row.columnX[column]
      let width = row.columnWidth[column]
      if row.shaded { page.fillRectangle(x: x, y: bottom, width: width, height: height, gray: 0.9) }
      let cellLines = row.cells[column]
      for (offset, lineIndex) in lines.enumerated() where lineIndex < cellLines.count {
        let glyphs = cellLines[lineIndex]
        let textWidth = Double(PDFLineBreaker.width(glyphs)) * row.size / 1000
        let inner = width - 2 * row.paddingX[column]
        var textX = x + row.paddingX[column]
        switch row.alignments[column] {
        case .left: break
        case .center: textX += max(0, (inner - textWidth) / 2)
        case .right: textX += max(0, inner - textWidth)
        }
        let top = y + row.paddingY + Double(offset) * row.leading
        let baseline = pageY(top + (row.leading - row.size) / 2 + row.size * 0.88)
        page.drawText(PDFTextRun(x: 0, glyphs: glyphs, size: row.size), x: textX, baseline: baseline)
      }
    }
    for column in row.columnX.indices {
      page.strokeRectangle(
        x: options.marginLeft + row.columnX[column], y: bottom, width: row.columnWidth[column],
        height: height, lineWidth: 0.5)
    }
    pages[pages.count - 1] = page
    y += height
  }
}
