import RedressCore

/// The small Markdown that document templates are written in, and its parser to a
/// `DocumentModel`.
///
/// Blocks (separated by blank lines; a heading, list item, table row or `->` line also starts a
/// new block by itself):
/// - `# Title`, `## Section`, `### Subsection`; an optional closing run of `#` is dropped.
/// - Paragraphs: consecutive lines join. Two lines join with a space, except where either side
///   of the join is a Chinese (East Asian wide) character: then they join with nothing, so a
///   Chinese sentence may be wrapped freely in a template. A line ending in two spaces or in a
///   backslash ends with a hard line break (`Inline.lineBreak`), and so does `<br>` anywhere.
/// - `-> text` is a right-aligned paragraph, `-> text <-` a centred one.
/// - `- item` bulleted and `1. item` numbered lists (one level; the first number is the list's
///   start). An item's following lines that start no block continue it. Blank lines between
///   items of the same kind keep one list.
/// - Pipe tables: a header row, a separator row `|---|---|` (colons allowed and ignored), then
///   rows; every row must have as many cells as the header; leading pipe required, trailing
///   pipe optional.
///
/// Inline: `**bold**`, `<br>` (also `<br/>`, `<br />`), and a backslash before any ASCII
/// punctuation character, a space or a tab gives that character literally (`\*`, `\|`, `\\`).
///
/// Mistakes a template author may make (a table row with the wrong number of cells, `####`,
/// `* item`, an unclosed `**`, a `---` rule, a `>` quote, a code fence) are errors with a line
/// number; every problem in the text is reported at once.
///
/// User text is never Markdown: it goes through `escape(_:)` before it is substituted into a
/// template, so whatever it contains comes out literally.
public enum MarkdownSubset {
  /// Parses Markdown-subset text into a document. The title, when not given, is the text of
  /// the first level-1 heading.
  public static func parse(
    _ text: String, title: String? = nil, language: String = "zh-Hans"
  ) throws -> DocumentModel {
    let blocks = try parseBlocks(text)
    let firstHeading = blocks.lazy.compactMap { block -> String? in
      if case .heading(1, let inlines) = block {
        return inlines.plainText.replacingOccurrences(of: "\n", with: " ")
      }
      return nil
    }.first
    return DocumentModel(title: title ?? firstHeading ?? "", language: language, blocks: blocks)
  }

  /// Parses Markdown-subset text into blocks; throws `MarkdownSubsetError` listing every
  /// problem with its line.
  public static func parseBlocks(_ text: String) throws -> [Block] {
    var parser = MarkdownSubsetParser(text: text)
    parser.run()
    if !parser.problems.isEmpty { throw MarkdownSubsetError(problems: parser.problems) }
    return parser.blocks
  }

  /// Escapes arbitrary user text so that, substituted anywhere in a template line (paragraph,
  /// list item, table cell, heading, bold run), parsing yields exactly that text.
  ///
  /// - Every character the parser gives a meaning to (`\ * _ | < > # - + . = ` ``` ` ```) gets a
  ///   backslash, so `**`, `|`, `# `, `1. `, `-> ` and `<br>` typed by a user stay literal.
  /// - Line ends (`\n`, `\r\n`, `\r`) become `<br>`, so the result is always one line: user
  ///   text can never end the enclosing paragraph, list item or table row. A blank line in the
  ///   user's text (a paragraph break) therefore becomes two line breaks, which every writer
  ///   shows as an empty line inside the same block.
  /// - Spaces and tabs at the very start and end get a backslash too, so they survive the
  ///   trimming of lines and cells.
  public static func escape(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    let firstContent = scalars.firstIndex { !isLineSpace($0) } ?? scalars.count
    let lastContent = scalars.lastIndex { !isLineSpace($0) } ?? -1
    var out = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\r" || scalar == "\n" {
        out.append(contentsOf: "<br>".unicodeScalars)
        if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
      } else if escapedScalars.contains(scalar)
        || (isLineSpace(scalar) && (index < firstContent || index > lastContent))
      {
        out.append("\\")
        out.append(scalar)
      } else {
        out.append(scalar)
      }
      index += 1
    }
    return String(out)
  }

  /// The characters `escape(_:)` protects: everything the parser reads as syntax.
  static let escapedScalars: Set<Unicode.Scalar> = [
    "\\", "*", "_", "|", "<", ">", "#", "-", "+", ".", "=", "`",
  ]

  static func isLineSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }
}

/// Problems found in Markdown-subset text, each with its 1-based line (and column where one
/// place is to blame).
public struct MarkdownSubsetError: Error, Hashable, Sendable, CustomStringConvertible {
  public struct Problem: Hashable, Sendable {
    public var line: Int
    public var column: Int?
    public var message: String

    public init(line: Int, column: Int? = nil, message: String) {
      self.line = line
      self.column = column
      self.message = message
    }
  }

  public var problems: [Problem]

  public init(problems: [Problem]) { self.problems = problems }

  public var description: String {
    problems.map { problem in
      let place = problem.column.map { "line \(problem.line), column \($0)" } ?? "line \(problem.line)"
      return "\(place): \(problem.message)"
    }.joined(separator: "\n")
  }

  /// The problems as compiler-style diagnostics against `file` (the template's name).
  public func diagnostics(file: String) -> [Diagnostic] {
    problems.map { Diagnostic(.error, file: file, line: $0.line, column: $0.column, message: $0.message) }
  }
}

// MARK: - The parser

private typealias Scalars = ArraySlice<Unicode.Scalar>

private enum LineKind {
  case blank
  case heading(level: Int, content: Scalars)
  case bullet(content: Scalars)
  case ordered(number: Int, content: Scalars)
  case tableRow(content: Scalars)
  case aligned(content: Scalars)
  case text(content: Scalars)
  case unsupported(String)

  var continuesParagraph: Bool {
    if case .text = self { return true }
    return false
  }
}

private enum Token {
  case text(String)
  case strongMark(line: Int, column: Int)
  case hardBreak
  case softBreak
}

/// One line of a block's inline content, trimmed, with its line number and whether it ends in
/// a hard break.
private struct ContentLine {
  var number: Int
  var scalars: Scalars
  var hardBreak: Bool
}

private struct MarkdownSubsetParser {
  var lines: [[Unicode.Scalar]] = []
  var index = 0
  var blocks: [Block] = []
  var problems: [MarkdownSubsetError.Problem] = []

  init(text: String) {
    var current: [Unicode.Scalar] = []
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      if scalar == "\n" && previousWasCR {
        previousWasCR = false
        continue
      }
      previousWasCR = scalar == "\r"
      if scalar == "\r" || scalar == "\n" {
        lines.append(current)
        current = []
      } else {
        current.append(scalar)
      }
    }
    lines.append(current)
  }

  var lineNumber: Int { index + 1 }

  mutating func problem(_ message: String, line: Int, column: Int? = nil) {
    problems.append(.init(line: line, column: column, message: message))
  }

  mutating func run() {
    while index < lines.count {
      switch classify(index) {
      case .blank:
        index += 1
      case .unsupported(let message):
        problem(message, line: lineNumber)
        index += 1
      case .heading(let level, let content):
        let inlines = headingInlines(content, line: lineNumber)
        if !inlines.isEmpty { blocks.append(.heading(level: level, inlines)) }
        index += 1
      case .bullet, .ordered:
        parseList()
      case .tableRow:
        parseTable()
      case .aligned, .text:
        parseParagraph()
      }
    }
  }

  // MARK: Lines

  func classify(_ lineIndex: Int) -> LineKind {
    let line = lines[lineIndex][...]
    let start = line.firstIndex { !MarkdownSubset.isLineSpace($0) } ?? line.endIndex
    let s = line[start...]
    guard let first = s.first else { return .blank }
    let next: Unicode.Scalar? = s.count > 1 ? s[s.startIndex + 1] : nil
    let nextIsSpace = next.map(MarkdownSubset.isLineSpace) ?? true

    if first == "#" {
      let hashes = s.prefix { $0 == "#" }.count
      if hashes == s.count || MarkdownSubset.isLineSpace(s[s.startIndex + hashes]) {
        if hashes > 3 {
          return .unsupported(
            "headings have three levels (#, ##, ###); this line has \(hashes) '#'; "
              + "write \\# for a literal '#'")
        }
        return .heading(level: hashes, content: s.dropFirst(hashes))
      }
      return .text(content: s)
    }
    if isRule(s) {
      return .unsupported(
        "a line of '\(String(first))' (a rule or an underlined heading) is not supported; "
          + "use #, ## or ### for headings and a blank line between paragraphs")
    }
    if first == "-" {
      if nextIsSpace { return .bullet(content: s.dropFirst()) }
      if next == ">" {
        let afterArrow = s.dropFirst(2)
        if afterArrow.first.map(MarkdownSubset.isLineSpace) ?? true {
          return .aligned(content: afterArrow)
        }
      }
      return .text(content: s)
    }
    if (first == "*" || first == "+") && nextIsSpace {
      return .unsupported(
        "bulleted list items start with '- ' in templates, not '\(String(first)) '; "
          + "write \\\(String(first)) for a literal '\(String(first))'")
    }
    if first.properties.numericType == .decimal, first.isASCII {
      let digits = s.prefix { $0.isASCII && $0.properties.numericType == .decimal }
      if digits.count <= 9, digits.count < s.count, s[digits.endIndex] == ".",
        s.count == digits.count + 1 || MarkdownSubset.isLineSpace(s[digits.endIndex + 1])
      {
        let number = Int(String(String.UnicodeScalarView(digits))) ?? 1
        return .ordered(number: number, content: s[(digits.endIndex + 1)...])
      }
      return .text(content: s)
    }
    if first == "|" { return .tableRow(content: s) }
    if first == ">" {
      return .unsupported("block quotes ('>') are not supported; write \\> for a literal '>'")
    }
    if first == "`" && s.starts(with: "```".unicodeScalars) {
      return .unsupported("code blocks ('```') are not supported; write \\` for a literal '`'")
    }
    return .text(content: s)
  }

  /// `---`, `***`, `___` or `===` (spaces allowed between): a thematic break or a setext
  /// underline in CommonMark, neither of which the subset has.
  func isRule(_ s: Scalars) -> Bool {
    let marks = s.filter { !MarkdownSubset.isLineSpace($0) }
    guard marks.count >= 3, let mark = marks.first, "-*_=".unicodeScalars.contains(mark) else {
      return false
    }
    return marks.allSatisfy { $0 == mark }
  }

  // MARK: Blocks

  mutating func parseParagraph() {
    var alignment = Alignment.left
    var contentLines: [ContentLine] = []
    switch classify(index) {
    case .aligned(let content):
      alignment = .right
      contentLines.append(trimmedLine(content, number: lineNumber))
    case .text(let content):
      contentLines.append(trimmedLine(content, number: lineNumber))
    default:
      return
    }
    index += 1
    while index < lines.count, case .text(let content) = classify(index) {
      contentLines.append(trimmedLine(content, number: lineNumber))
      index += 1
    }
    if alignment == .right, var last = contentLines.last {
      let s = last.scalars
      if s.count >= 2, s[s.endIndex - 2] == "<", s[s.endIndex - 1] == "-",
        !isEscaped(s, at: s.endIndex - 2)
      {
        alignment = .center
        last.scalars = trimmed(s.dropLast(2)).scalars
        contentLines[contentLines.count - 1] = last
      }
    }
    let inlines = inlines(of: contentLines)
    if !inlines.isEmpty { blocks.append(.paragraph(inlines, align: alignment)) }
  }

  mutating func parseList() {
    let ordered: Bool
    let start: Int
    switch classify(index) {
    case .bullet:
      ordered = false
      start = 1
    case .ordered(let number, _):
      ordered = true
      start = number
    default:
      return
    }
    var items: [[Inline]] = []
    while index < lines.count {
      let content: Scalars
      switch classify(index) {
      case .bullet(let c) where !ordered: content = c
      case .ordered(_, let c) where ordered: content = c
      default: content = []
      }
      var contentLines = [trimmedLine(content, number: lineNumber)]
      index += 1
      while index < lines.count, case .text(let more) = classify(index) {
        contentLines.append(trimmedLine(more, number: lineNumber))
        index += 1
      }
      items.append(inlines(of: contentLines))
      var lookahead = index
      while lookahead < lines.count, case .blank = classify(lookahead) { lookahead += 1 }
      guard lookahead < lines.count else { break }
      let sameKind: Bool
      switch classify(lookahead) {
      case .bullet: sameKind = !ordered
      case .ordered: sameKind = ordered
      default: sameKind = false
      }
      guard sameKind else { break }
      index = lookahead
    }
    blocks.append(.list(ordered: ordered, start: start, items: items))
  }

  mutating func parseTable() {
    let headerLine = lineNumber
    guard case .tableRow(let headerContent) = classify(index) else { return }
    let header = cells(of: headerContent)
    index += 1
    var separatorOK = false
    if index < lines.count, case .tableRow(let separator) = classify(index) {
      let separatorCells = cells(of: separator)
      if separatorCells.allSatisfy(isSeparatorCell) {
        separatorOK = true
        if separatorCells.count != header.count {
          problem(
            "the separator row has \(separatorCells.count) cells, the header row (line \(headerLine)) "
              + "has \(header.count)", line: lineNumber)
        }
        index += 1
      }
    }
    if !separatorOK {
      problem(
        "a table needs a separator row such as |---|---| right under its header row; "
          + "write \\| for a literal '|' at the start of a line", line: headerLine)
      while index < lines.count, case .tableRow = classify(index) { index += 1 }
      return
    }
    let headerInlines = header.map { cellInlines($0, line: headerLine) }
    var rows: [[[Inline]]] = []
    while index < lines.count, case .tableRow(let rowContent) = classify(index) {
      let rowCells = cells(of: rowContent)
      if rowCells.count != header.count {
        problem(
          "this table row has \(rowCells.count) cells, the header row (line \(headerLine)) has "
            + "\(header.count); write \\| for a literal '|' inside a cell", line: lineNumber)
      } else {
        rows.append(rowCells.map { cellInlines($0, line: lineNumber) })
      }
      index += 1
    }
    blocks.append(.table(header: headerInlines, rows: rows))
  }

  /// The cells of a table row (which starts with `|`); a trailing `|` is optional.
  func cells(of row: Scalars) -> [Scalars] {
    let s = trimmed(row).scalars
    var result: [Scalars] = []
    var cellStart = s.startIndex + 1
    var i = cellStart
    while i < s.endIndex {
      if s[i] == "\\" && i + 1 < s.endIndex {
        i += 2
        continue
      }
      if s[i] == "|" {
        result.append(s[cellStart..<i])
        cellStart = i + 1
      }
      i += 1
    }
    let rest = s[cellStart..<s.endIndex]
    if !rest.allSatisfy(MarkdownSubset.isLineSpace) { result.append(rest) }
    return result
  }

  func isSeparatorCell(_ cell: Scalars) -> Bool {
    var s = trimmed(cell).scalars
    if s.first == ":" { s = s.dropFirst() }
    if s.last == ":" { s = s.dropLast() }
    return !s.isEmpty && s.allSatisfy { $0 == "-" }
  }

  // MARK: Inline content

  mutating func headingInlines(_ content: Scalars, line: Int) -> [Inline] {
    var s = trimmed(content).scalars
    // An optional closing run of '#', when it stands alone after a space.
    let closing = s.reversed().prefix { $0 == "#" }.count
    if closing > 0 {
      let runStart = s.endIndex - closing
      if runStart == s.startIndex
        || (MarkdownSubset.isLineSpace(s[runStart - 1]) && !isEscaped(s, at: runStart - 1))
      {
        s = trimmed(s[s.startIndex..<runStart]).scalars
      }
    }
    return inlines(of: [ContentLine(number: line, scalars: s, hardBreak: false)])
  }

  mutating func cellInlines(_ cell: Scalars, line: Int) -> [Inline] {
    inlines(of: [ContentLine(number: line, scalars: trimmed(cell).scalars, hardBreak: false)])
  }

  func trimmedLine(_ content: Scalars, number: Int) -> ContentLine {
    let (scalars, hardBreak) = trimmed(content)
    return ContentLine(number: number, scalars: scalars, hardBreak: hardBreak)
  }

  /// Strips spaces and tabs at both ends, except a space or tab kept by a backslash; reports a
  /// hard break (two or more trailing spaces, or a trailing unescaped backslash, which is
  /// removed).
  func trimmed(_ s: Scalars) -> (scalars: Scalars, hardBreak: Bool) {
    var low = s.startIndex
    while low < s.endIndex && MarkdownSubset.isLineSpace(s[low]) { low += 1 }
    var high = s.endIndex
    var trailing = 0
    while high > low && MarkdownSubset.isLineSpace(s[high - 1]) {
      high -= 1
      trailing += 1
    }
    if trailing > 0 && high > low && s[high - 1] == "\\" && !isEscaped(s[low..<high], at: high - 1) {
      high += 1
      trailing -= 1
    }
    var hardBreak = trailing >= 2
    if !hardBreak && high > low && s[high - 1] == "\\" && !isEscaped(s[low..<high], at: high - 1) {
      high -= 1
      hardBreak = true
    }
    return (s[low..<high], hardBreak)
  }

  /// Whether the scalar at `position` is preceded by an odd run of backslashes.
  func isEscaped(_ s: Scalars, at position: Int) -> Bool {
    var count = 0
    var i = position - 1
    while i >= s.startIndex && s[i] == "\\" {
      count += 1
      i -= 1
    }
    return count % 2 == 1
  }

  mutating func inlines(of contentLines: [ContentLine]) -> [Inline] {
    var tokens: [Token] = []
    for (offset, line) in contentLines.enumerated() {
      tokens += self.tokens(of: line.scalars, line: line.number)
      if offset < contentLines.count - 1 {
        tokens.append(line.hardBreak ? .hardBreak : .softBreak)
      }
    }
    return assemble(resolvingSoftBreaks(tokens))
  }

  func tokens(of s: Scalars, line: Int) -> [Token] {
    var result: [Token] = []
    var buffer = String.UnicodeScalarView()
    func flush() {
      if !buffer.isEmpty {
        result.append(.text(String(buffer)))
        buffer = String.UnicodeScalarView()
      }
    }
    var i = s.startIndex
    while i < s.endIndex {
      let scalar = s[i]
      if scalar == "\\", i + 1 < s.endIndex, isEscapable(s[i + 1]) {
        buffer.append(s[i + 1])
        i += 2
      } else if scalar == "*", i + 1 < s.endIndex, s[i + 1] == "*" {
        flush()
        result.append(.strongMark(line: line, column: i + 1))
        i += 2
      } else if scalar == "<", let length = breakTagLength(s, at: i) {
        flush()
        result.append(.hardBreak)
        i += length
      } else {
        buffer.append(scalar)
        i += 1
      }
    }
    flush()
    return result
  }

  func isEscapable(_ scalar: Unicode.Scalar) -> Bool {
    guard scalar.isASCII else { return false }
    let v = scalar.value
    return (0x21...0x2F).contains(v) || (0x3A...0x40).contains(v) || (0x5B...0x60).contains(v)
      || (0x7B...0x7E).contains(v) || scalar == " " || scalar == "\t"
  }

  /// The length of `<br>`, `<br/>` or `<br />` (any case) at `i`, if one is there.
  func breakTagLength(_ s: Scalars, at i: Int) -> Int? {
    for form in ["<br>", "<br/>", "<br />"] {
      let pattern = Array(form.unicodeScalars)
      guard i + pattern.count <= s.endIndex else { continue }
      let candidate = String(String.UnicodeScalarView(s[i..<(i + pattern.count)])).lowercased()
      if candidate == form { return pattern.count }
    }
    return nil
  }

  /// A soft break joins with a space, or with nothing next to a wide (CJK) character.
  func resolvingSoftBreaks(_ tokens: [Token]) -> [Token] {
    var result: [Token] = []
    for (offset, token) in tokens.enumerated() {
      guard case .softBreak = token else {
        result.append(token)
        continue
      }
      var before: Unicode.Scalar?
      for earlier in tokens[..<offset].reversed() {
        if case .text(let s) = earlier, let last = s.unicodeScalars.last {
          before = last
          break
        }
        if case .hardBreak = earlier { break }
      }
      var after: Unicode.Scalar?
      for later in tokens[(offset + 1)...] {
        if case .text(let s) = later, let first = s.unicodeScalars.first {
          after = first
          break
        }
        if case .hardBreak = later { break }
      }
      guard let before, let after else { continue }
      if !DisplayWidth.isWide(before) && !DisplayWidth.isWide(after) { result.append(.text(" ")) }
    }
    return result
  }

  mutating func assemble(_ tokens: [Token]) -> [Inline] {
    var result: [Inline] = []
    var openStrong: (line: Int, column: Int)?
    var buffer = ""
    func flush() {
      guard !buffer.isEmpty else { return }
      let inline: Inline = openStrong == nil ? .text(buffer) : .strong(buffer)
      switch (result.last, inline) {
      case (.text(let a)?, .text(let b)):
        result[result.count - 1] = .text(a + b)
      case (.strong(let a)?, .strong(let b)):
        result[result.count - 1] = .strong(a + b)
      default:
        result.append(inline)
      }
      buffer = ""
    }
    for token in tokens {
      switch token {
      case .text(let s):
        buffer += s
      case .strongMark(let line, let column):
        flush()
        openStrong = openStrong == nil ? (line, column) : nil
      case .hardBreak:
        flush()
        result.append(.lineBreak)
      case .softBreak:
        break
      }
    }
    flush()
    if let openStrong {
      problem(
        "'**' starts bold text that is never closed; write \\* for a literal '*'",
        line: openStrong.line, column: openStrong.column)
    }
    return result
  }
}
