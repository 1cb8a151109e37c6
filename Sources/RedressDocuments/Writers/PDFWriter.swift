import Foundation

// Placeholder so that this branch builds: the real PDF writer lands from the `pdf` branch and
// replaces this file whole at merge.

/// Writes a document as PDF (placeholder: not available in this build).
public enum PDFWriter {
  public struct Options: Sendable {
    public init() {}
  }

  public struct NotAvailable: Error, CustomStringConvertible {
    public var description: String { "PDF output is not available in this build yet" }
  }

  public static func render(_ doc: DocumentModel, options: Options = Options()) throws -> Data {
    throw NotAvailable()
  }
}
