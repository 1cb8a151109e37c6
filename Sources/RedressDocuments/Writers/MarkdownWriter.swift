import Foundation

/// CommonMark (with GitHub's pipe tables) from the document model. Text is escaped so that
/// GitHub and any CommonMark renderer show it literally: `*`, `_`, `<`, `|`, `#`, `$` … get a
/// backslash, a line that would start a list, quote or heading gets its marker escaped, and
/// spaces at a line's edge become character references. Line breaks are a trailing backslash
/// in paragraphs and list items, `<br>` in table cells and headings. Bold is `**…**` where
/// CommonMark's flanking rules allow it and `<strong>…</strong>` where they would not (as in
/// `金额为**¥100**元`). Markdown has no paragraph alignment: aligned paragraphs are written
/// as ordinary ones.
public enum MarkdownWriter: DocumentWriter {
  public static func render(_ doc: DocumentModel) throws -> Data {
    var parts: [String] = []
    var previousList: (ordered: Bool, alternate: Bool)?
    for block in doc.writableBlocks {
      var listState: (ordered: Bool, alternate: Bool)?
      let text: String
      switch block {
      case .heading(let level, let inlines):
        let body = lineStrings(inlines).joined(separator: "<br>")
        text = String(repeating: "#", count: level) + (body.isEmpty ? "" : " " + body)
      case .paragraph(let inlines, _):
        let lines = lineStrings(inlines.trimmingLineBreaks)
        text = lines.joined(separator: "\\\n")
      case .list(let ordered, let start, let items):
        // Two lists in a row would merge into one; a different marker keeps them apart.
        let alternate = previousList.map { $0.ordered == ordered && !$0.alternate } ?? false
        listState = (ordered, alternate)
        text = items.enumerated().map { offset, item in
          let marker: String
          if ordered {
            marker = "\(start + offset)" + (alternate ? ")" : ".")
          } else {
            marker = alternate ? "*" : "-"
          }
          let indent = String(repeating: " ", count: marker.count + 1)
          let lines = lineStrings(item.trimmingLineBreaks)
          if lines.allSatisfy(\.isEmpty) { return marker }
          return marker + " " + lines.joined(separator: "\\\n" + indent)
        }.joined(separator: "\n")
      case .table(let header, let rows):
        func row(_ cells: [[Inline]]) -> String {
          let rendered = cells.map { cell -> String in
            let body = lineStrings(cell).joined(separator: "<br>")
            return body.isEmpty ? " " : " \(body) "
          }
          return "|" + rendered.joined(separator: "|") + "|"
        }
        let separator = "|" + header.map { _ in " --- " }.joined(separator: "|") + "|"
        text = ([row(header), separator] + rows.map(row)).joined(separator: "\n")
      }
      previousList = listState
      if text.isEmpty { continue }
      parts.append(text)
    }
    return Data((parts.joined(separator: "\n\n") + "\n").utf8)
  }

  /// Each line of the inlines rendered on its own.
  static func lineStrings(_ inlines: [Inline]) -> [String] {
    inlines.lines.map(renderLine)
  }

  private struct Segment {
    var text: String
    var strong: Bool
  }

  /// One line of inlines (no breaks) as Markdown that starts a line of its own.
  static func renderLine(_ inlines: [Inline]) -> String {
    // Whitespace at the edges of a bold run moves outside it.
    var segments: [Segment] = []
    func appendPlain(_ s: String) {
      guard !s.isEmpty else { return }
      if let last = segments.last, !last.strong {
        segments[segments.count - 1].text += s
      } else {
        segments.append(Segment(text: s, strong: false))
      }
    }
    for inline in inlines {
      switch inline {
      case .text(let s):
        appendPlain(s)
      case .strong(let s):
        let core = s.trimmingCharacters(in: .whitespaces)
        guard !core.isEmpty else {
          appendPlain(s)
          continue
        }
        let leading = String(s.prefix { $0.isWhitespace && $0 != "\n" })
        let trailing = String(String(s.reversed()).prefix { $0.isWhitespace && $0 != "\n" }.reversed())
        appendPlain(leading)
        segments.append(Segment(text: core, strong: true))
        appendPlain(trailing)
      case .lineBreak:
        break
      }
    }
    // Escape each segment; the first plain one starts the line.
    var rendered: [String] = []
    for (offset, segment) in segments.enumerated() {
      var text = segment.text
      var prefix = ""
      var suffix = ""
      if offset == 0 {
        let leading = text.prefix { $0 == " " || $0 == "\t" }
        prefix = leading.map { $0 == "\t" ? "&#9;" : "&#32;" }.joined()
        text.removeFirst(leading.count)
      }
      if offset == segments.count - 1 {
        let trailing = text.reversed().prefix { $0 == " " || $0 == "\t" }
        suffix = trailing.map { $0 == "\t" ? "&#9;" : "&#32;" }.joined()
        text.removeLast(trailing.count)
      }
      rendered.append(prefix + escape(text, atLineStart: offset == 0) + suffix)
    }
    // Decide, for each bold run, whether `**` would be recognised where it stands.
    var out = ""
    for (offset, segment) in segments.enumerated() {
      let body = rendered[offset]
      guard segment.strong else {
        out += body
        continue
      }
      let before = out.last
      let after = offset + 1 < rendered.count ? rendered[offset + 1].first : nil
      if canOpen(before: before, first: body.first) && canClose(last: body.last, after: after) {
        out += "**" + body + "**"
      } else {
        out += "<strong>" + body + "</strong>"
      }
    }
    return out
  }

  /// Characters escaped wherever they stand.
  static let alwaysEscaped: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "#", "$"]
  /// Characters escaped where they would open a block at the start of a line.
  static let lineStartEscaped: Set<Character> = ["-", "+", "="]

  /// Text escaped for CommonMark and GitHub.
  static func escape(_ text: String, atLineStart: Bool) -> String {
    let characters = Array(text)
    var out = ""
    var index = 0
    if atLineStart {
      // "12. " or "3) " would start an ordered list.
      let digits = characters.prefix { $0.isASCII && $0.isNumber }.count
      if digits > 0, digits < characters.count, characters[digits] == "." || characters[digits] == ")" {
        out += String(characters[0..<digits]) + "\\" + String(characters[digits])
        index = digits + 1
      } else if let first = characters.first, lineStartEscaped.contains(first) {
        out += "\\" + String(first)
        index = 1
      }
    }
    while index < characters.count {
      let c = characters[index]
      if alwaysEscaped.contains(c) {
        out += "\\" + String(c)
      } else if c == "&", index + 1 < characters.count,
        characters[index + 1] == "#" || (characters[index + 1].isASCII && characters[index + 1].isLetter)
      {
        out += "\\&"
      } else {
        out.append(c)
      }
      index += 1
    }
    return out
  }

  /// Punctuation as every CommonMark version agrees on it (ASCII punctuation and Unicode P*).
  static func isSurelyPunctuation(_ c: Character) -> Bool {
    (c.isASCII && (c.isPunctuation || c.isSymbol)) || c.isPunctuation
  }

  /// Punctuation as some CommonMark version may count it (P* or S*).
  static func mayBePunctuation(_ c: Character) -> Bool { c.isPunctuation || c.isSymbol }

  /// `**` before `first` opens bold under every CommonMark version (left-flanking).
  static func canOpen(before: Character?, first: Character?) -> Bool {
    guard let first, !first.isWhitespace else { return false }
    if !mayBePunctuation(first) { return true }
    guard let before else { return true }
    return before.isWhitespace || isSurelyPunctuation(before)
  }

  /// `**` after `last` closes bold under every CommonMark version (right-flanking).
  static func canClose(last: Character?, after: Character?) -> Bool {
    guard let last, !last.isWhitespace else { return false }
    if !mayBePunctuation(last) { return true }
    guard let after else { return true }
    return after.isWhitespace || isSurelyPunctuation(after)
  }
}

extension Array where Element == Inline {
  /// Without line breaks at the start or the end (Markdown would show a stray backslash).
  var trimmingLineBreaks: [Inline] {
    var slice = self[...]
    while case .lineBreak? = slice.first { slice = slice.dropFirst() }
    while case .lineBreak? = slice.last { slice = slice.dropLast() }
    return Array(slice)
  }
}
