import Foundation
import RedressCore

/// Plain UTF-8 text, readable in Notepad or a terminal: wrapped at 72 columns (a Chinese
/// character counts two), the title centred and underlined with `=`, section headings underlined
/// with `-`, lists numbered with a hanging indent, tables as aligned columns when they fit and
/// as "label：value" records when they do not. Bold has no mark in plain text. Lines end in LF.
public enum TextWriter: DocumentWriter {
  /// The line width in display columns.
  public static let width = 72

  public static func render(_ doc: DocumentModel) throws -> Data {
    var out: [String] = []
    let chinese = doc.language.lowercased().hasPrefix("zh")
    for block in doc.writableBlocks {
      if !out.isEmpty { out.append("") }
      out += lines(for: block, chinese: chinese)
    }
    let text = out.map { $0.trimmingTrailingSpaces }.joined(separator: "\n") + "\n"
    return Data(text.utf8)
  }

  static func lines(for block: Block, chinese: Bool) -> [String] {
    switch block {
    case .heading(let level, let inlines):
      let wrapped = wrap(inlines, width: width)
      let underlineWidth = wrapped.map(DisplayWidth.of).max() ?? 0
      switch level {
      case 1:
        let rule = String(repeating: "=", count: underlineWidth)
        return (wrapped + [rule]).map { centred($0) }
      case 2:
        return wrapped + [String(repeating: "-", count: underlineWidth)]
      default:
        return wrapped
      }
    case .paragraph(let inlines, let align):
      let wrapped = wrap(inlines, width: width)
      switch align {
      case .left: return wrapped
      case .center: return wrapped.map { centred($0) }
      case .right: return wrapped.map { padded($0, to: width, right: true) }
      }
    case .list(let ordered, let start, let items):
      let markers = items.indices.map { ordered ? "\(start + $0). " : "- " }
      let markerWidth = markers.map(DisplayWidth.of).max() ?? 2
      var result: [String] = []
      for (item, marker) in zip(items, markers) {
        let body = wrap(item, width: width - markerWidth)
        for (offset, line) in body.enumerated() {
          let lead =
            offset == 0
            ? padded(marker, to: markerWidth, right: true) : String(repeating: " ", count: markerWidth)
          result.append(lead + line)
        }
      }
      return result
    case .table(let header, let rows):
      return tableLines(header: header, rows: rows, chinese: chinese)
    }
  }

  /// Wraps inlines, honouring their line breaks; always at least one line.
  static func wrap(_ inlines: [Inline], width: Int) -> [String] {
    inlines.lines.flatMap { LineWrapper.wrap($0.plainText, width: width) }
  }

  static func tableLines(header: [[Inline]], rows: [[[Inline]]], chinese: Bool) -> [String] {
    let columns = header.count
    guard columns > 0 else { return [] }
    let gap = 2
    let all = [header] + rows
    let widths = (0..<columns).map { column in
      all.map { row in row[column].lines.map { DisplayWidth.of($0.plainText) }.max() ?? 0 }.max() ?? 0
    }
    if widths.reduce(0, +) + gap * (columns - 1) <= width {
      var result: [String] = []
      func appendRow(_ row: [[Inline]]) {
        let cellLines = row.map { $0.lines.map(\.plainText) }
        let height = cellLines.map(\.count).max() ?? 1
        for lineIndex in 0..<height {
          let parts = (0..<columns).map { column -> String in
            let text = lineIndex < cellLines[column].count ? cellLines[column][lineIndex] : ""
            return padded(text, to: widths[column], right: false)
          }
          result.append(parts.joined(separator: String(repeating: " ", count: gap)))
        }
      }
      appendRow(header)
      result.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
      for row in rows { appendRow(row) }
      return result
    }
    // Too wide for columns: one record per row, "label：value" with a hanging indent.
    let separator = chinese ? "：" : ": "
    let labels = header.map { $0.plainText.replacingOccurrences(of: "\n", with: " ") }
    var result: [String] = []
    for (rowIndex, row) in rows.enumerated() {
      if rowIndex > 0 { result.append("") }
      for (label, cell) in zip(labels, row) {
        let lead = label + separator
        let indent = min(DisplayWidth.of(lead), width / 3)
        let body = wrap(cell, width: width - indent)
        let firstFits = DisplayWidth.of(lead) <= indent
        if firstFits {
          for (offset, line) in body.enumerated() {
            result.append((offset == 0 ? lead : String(repeating: " ", count: indent)) + line)
          }
        } else {
          result.append(lead)
          result += body.map { String(repeating: " ", count: indent) + $0 }
        }
      }
    }
    return result
  }

  static func centred(_ line: String) -> String {
    let w = DisplayWidth.of(line)
    guard w < width else { return line }
    return String(repeating: " ", count: (width - w) / 2) + line
  }

  static func padded(_ text: String, to target: Int, right: Bool) -> String {
    let fill = String(repeating: " ", count: max(0, target - DisplayWidth.of(text)))
    return right ? fill + text : text + fill
  }
}

extension String {
  var trimmingTrailingSpaces: String {
    var s = Substring(self)
    while let last = s.last, last == " " { s.removeLast() }
    return String(s)
  }
}
