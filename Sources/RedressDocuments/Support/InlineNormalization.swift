/// Clean-up every writer applies to a model built by hand or from user data: a newline inside
/// a text run becomes a line break, characters that no format can carry (C0 controls other than
/// tab, DEL, C1 controls, U+FFFE/U+FFFF) are dropped, and empty runs disappear.
extension Array where Element == Inline {
  var normalized: [Inline] {
    var result: [Inline] = []
    func append(_ text: String, strong: Bool) {
      let clean = text.droppingUnwritableScalars
      guard !clean.isEmpty else { return }
      switch result.last {
      case .text(let previous)? where !strong:
        result[result.count - 1] = .text(previous + clean)
      case .strong(let previous)? where strong:
        result[result.count - 1] = .strong(previous + clean)
      default:
        result.append(strong ? .strong(clean) : .text(clean))
      }
    }
    for inline in self {
      switch inline {
      case .lineBreak:
        result.append(.lineBreak)
      case .text(let s), .strong(let s):
        let isStrong: Bool
        if case .strong = inline { isStrong = true } else { isStrong = false }
        let pieces = s.splitByNewlines
        for (offset, piece) in pieces.enumerated() {
          if offset > 0 { result.append(.lineBreak) }
          append(piece, strong: isStrong)
        }
      }
    }
    return result
  }

  /// The inlines split into lines at each line break.
  var lines: [[Inline]] {
    var result: [[Inline]] = [[]]
    for inline in self {
      if case .lineBreak = inline {
        result.append([])
      } else {
        result[result.count - 1].append(inline)
      }
    }
    return result
  }
}

extension String {
  /// A one-line form for metadata (titles): line ends become spaces, unwritable scalars go.
  var asOneLine: String {
    splitByNewlines.joined(separator: " ").droppingUnwritableScalars
  }

  /// The text without scalars that XML 1.0 forbids or that mean nothing on paper.
  var droppingUnwritableScalars: String {
    if unicodeScalars.allSatisfy({ $0.isWritable }) { return self }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: unicodeScalars.filter { $0.isWritable })
    return String(view)
  }

  /// Split at `\r\n`, `\r` and `\n`.
  var splitByNewlines: [String] {
    var pieces: [String] = []
    var current = String.UnicodeScalarView()
    var previousWasCR = false
    for scalar in unicodeScalars {
      if scalar == "\n" && previousWasCR {
        previousWasCR = false
        continue
      }
      previousWasCR = scalar == "\r"
      if scalar == "\r" || scalar == "\n" {
        pieces.append(String(current))
        current = String.UnicodeScalarView()
      } else {
        current.append(scalar)
      }
    }
    pieces.append(String(current))
    return pieces
  }
}

extension Unicode.Scalar {
  var isWritable: Bool {
    let v = value
    if v == 0x09 { return true }
    if v < 0x20 || (0x7F...0x9F).contains(v) { return false }
    if v == 0xFFFE || v == 0xFFFF { return false }
    return true
  }
}

extension Block {
  /// The block with its inline runs normalized.
  var normalized: Block {
    switch self {
    case .heading(let level, let inlines):
      return .heading(level: Swift.min(Swift.max(level, 1), 3), inlines.normalized)
    case .paragraph(let inlines, let align):
      return .paragraph(inlines.normalized, align: align)
    case .list(let ordered, let start, let items):
      return .list(ordered: ordered, start: start, items: items.map(\.normalized))
    case .table(let header, let rows):
      // Pad short rows (and the header) rather than drop a cell a writer cannot place.
      let width = ([header.count] + rows.map(\.count)).max() ?? 0
      func padded(_ cells: [[Inline]]) -> [[Inline]] {
        cells.map(\.normalized) + Swift.Array(repeating: [], count: width - cells.count)
      }
      return .table(header: padded(header), rows: rows.map(padded))
    }
  }
}

extension DocumentModel {
  /// The blocks as every writer takes them: normalized, without tables that have no column.
  var writableBlocks: [Block] {
    blocks.map(\.normalized).filter { block in
      if case .table(let header, _) = block { return !header.isEmpty }
      return true
    }
  }
}
