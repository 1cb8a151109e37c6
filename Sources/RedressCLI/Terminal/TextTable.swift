import RedressCore

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

  /// Columns `text` takes in a terminal (`DisplayWidth`).
  static func width(_ text: String) -> Int { DisplayWidth.of(text) }
}
