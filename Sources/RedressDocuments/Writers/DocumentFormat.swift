import Foundation

/// A writer of one output format: a pure function from the document model to the file's bytes.
public protocol DocumentWriter {
  static func render(_ doc: DocumentModel) throws -> Data
}

/// The formats a document can be written in, as the `--format` option names them.
public enum DocumentFormat: String, CaseIterable, Sendable, Hashable {
  case txt, md, html, docx, pdf

  /// The file name extension, without the dot.
  public var fileExtension: String { rawValue }

  /// The media type, for e-mail attachments and manifests.
  public var mediaType: String {
    switch self {
    case .txt: return "text/plain; charset=utf-8"
    case .md: return "text/markdown; charset=utf-8"
    case .html: return "text/html; charset=utf-8"
    case .docx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    case .pdf: return "application/pdf"
    }
  }

  /// Whether the output is text (UTF-8) rather than a binary container.
  public var isText: Bool {
    switch self {
    case .txt, .md, .html: return true
    case .docx, .pdf: return false
    }
  }

  /// Renders `doc` in this format.
  public func render(_ doc: DocumentModel) throws -> Data {
    switch self {
    case .txt: return try TextWriter.render(doc)
    case .md: return try MarkdownWriter.render(doc)
    case .html: return try HTMLWriter.render(doc)
    case .docx: return try DOCXWriter.render(doc)
    case .pdf: return try PDFWriter.render(doc)
    }
  }
}
