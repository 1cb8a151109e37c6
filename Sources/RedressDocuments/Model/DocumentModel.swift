/// A rendered document before it is written in a format: what the templates produce (through
/// the Markdown subset) and what every writer (txt, md, html, docx, pdf) consumes.
public struct DocumentModel: Hashable, Sendable {
  /// The document's title, for metadata (PDF /Title, HTML <title>, docx core properties).
  public var title: String
  /// BCP 47 language of the text: zh-Hans, zh-Hant or en.
  public var language: String
  public var blocks: [Block]

  public init(title: String, language: String, blocks: [Block]) {
    self.title = title
    self.language = language
    self.blocks = blocks
  }
}

/// One block of a document.
public enum Block: Hashable, Sendable {
  /// A heading, level 1 (the title) to 3.
  case heading(level: Int, [Inline])
  /// A paragraph; `align` is left unless the template asked otherwise (`-> text` right,
  /// `-> text <-` centred in the Markdown subset).
  case paragraph([Inline], align: Alignment)
  /// A list; `start` is the first number of an ordered list.
  case list(ordered: Bool, start: Int, items: [[Inline]])
  /// A table with a header row; every row has as many cells as the header.
  case table(header: [[Inline]], rows: [[[Inline]]])
}

/// Text inside a block.
public enum Inline: Hashable, Sendable {
  case text(String)
  case strong(String)
  /// A line break inside a paragraph or cell (user text with several lines).
  case lineBreak
}

public enum Alignment: String, Hashable, Sendable {
  case left, center, right
}

extension Array where Element == Inline {
  /// The plain text of a run of inlines, line breaks as "\n".
  public var plainText: String {
    map {
      switch $0 {
      case .text(let s), .strong(let s): return s
      case .lineBreak: return "\n"
      }
    }.joined()
  }
}
