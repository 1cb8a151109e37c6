/// A plain text table for the terminal, aligned by display width (a Chinese character takes
/// two columns).
struct TextTable {
  var header: [String]
  var rows: [[String]] = []

  init(header: [String]) { self.header = header }

  mutating func add(_ row: [String]) { rows.append(row) }

  /// The lines, columns separated by two spaces, no trailing blanks.
  func render() -> [String] {
    let all = [header] + rows
    let cellWidths = all.map { $0.map(Self.width) }
    var widths = [Int](repeating: 0, count: header.count)
    for row in cellWidths {
      for (i, w) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], w) }
    }
    return zip(all, cellWidths).map { row, rowWidths in
      var line = ""
      for (i, cell) in row.enumerated() {
        line += cell
        if i < row.count - 1 { line += String(repeating: " ", count: widths[i] - rowWidths[i] + 2) }
      }
      return line
    }
  }

  /// Columns `text` takes in a terminal: East Asian wide and full-width characters count two.
  static func width(_ text: String) -> Int {
    var n = 0
    for s in text.unicodeScalars { n += s.isASCII ? 1 : (isWide(s) ? 2 : 1) }
    return n
  }

  private static func isWide(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}
