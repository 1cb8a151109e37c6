import RedressDocuments

/// The plain-text part of a message from a rendered document: like the text writer, but
/// without hard line wrapping, because mail clients wrap to their own window (and a Chinese
/// sentence broken at column 72 reads badly on a phone). Paragraphs are separated by a blank
/// line, lists keep their markers, a table becomes one line per row with cells joined by
/// " | ". Lines end in LF here; the message writes them as CRLF.
public enum MailPlainText {
  public static func render(_ doc: DocumentModel) -> String {
    var paragraphs: [String] = []
    for block in doc.blocks {
      switch block {
      case .heading(_, let inlines), .paragraph(let inlines, _):
        paragraphs.append(inlines.plainText)
      case .list(let ordered, let start, let items):
        paragraphs.append(
          items.enumerated().map { (ordered ? "\(start + $0.offset). " : "- ") + $0.element.plainText }
            .joined(separator: "\n"))
      case .table(let header, let rows):
        guard !header.isEmpty else { continue }
        paragraphs.append(
          ([header] + rows).map { row in
            row.map { $0.plainText.replacingOccurrences(of: "\n", with: " ") }
              .joined(separator: " | ")
          }.joined(separator: "\n"))
      }
    }
    return paragraphs.joined(separator: "\n\n") + "\n"
  }
}
