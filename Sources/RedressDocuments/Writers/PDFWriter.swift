import Foundation

/// How a PDF is laid out. The defaults give an A4 letter in the form Chinese offices expect:
/// margins close to GB/T 9704's, a centred title, body text in 12 pt (小四) Song at 1.5 line
/// spacing, tables in 10.5 pt (五号), page numbers at the foot.
public struct PDFOptions: Hashable, Sendable {
  /// Page width and height in points (1/72 inch): A4.
  public var pageWidth: Double = 595.28
  public var pageHeight: Double = 841.89
  /// Margins in points: top 25 mm, bottom 25 mm, left 28 mm, right 26 mm.
  public var marginTop: Double = 70.87
  public var marginBottom: Double = 70.87
  public var marginLeft: Double = 79.37
  public var marginRight: Double = 73.70
  /// Body text size in points and the line height as a multiple of it.
  public var bodySize: Double = 12
  public var lineSpacing: Double = 1.5
  /// Table text size in points.
  public var tableSize: Double = 10.5
  /// When set, written as /CreationDate and /ModDate. Left nil, the file carries no date and
  /// the same document always gives the same bytes; pass a fixed date for reproducible goldens.
  public var creationDate: Date?
  /// Compress content streams with FlateDecode. Off gives readable streams for debugging.
  public var compress: Bool = true

  public init() {}

  public init(creationDate: Date?, compress: Bool = true) {
    self.creationDate = creationDate
    self.compress = compress
  }
}

public enum PDFWriterError: Error, Equatable, CustomStringConvertible {
  /// The margins leave no room for text.
  case pageTooSmall
  /// A text size or the line spacing is not a positive number.
  case invalidTextSize

  public var description: String {
    switch self {
    case .pageTooSmall: return "the page margins leave no room for text"
    case .invalidTextSize: return "text sizes and line spacing must be positive numbers"
    }
  }
}

/// Writes a `DocumentModel` as a PDF, natively: no external tool, no font file.
///
/// Text is set in STSong-Light, a standard non-embedded Chinese font (see `PDFSongFont` for
/// why, rather than embedding a subset of a free font), with a ToUnicode map so it can be
/// searched and copied. Lines break the Chinese way (`PDFLineBreaker`); headings stay with
/// what follows them; tables repeat their header row on each page and split long rows;
/// every page is numbered `第 1 页 / 共 3 页` (`Page 1 of 3` in English). The same document
/// and options always give the same bytes.
public enum PDFWriter {
  public static func render(_ doc: DocumentModel, options: PDFOptions = .init()) throws -> Data {
    let sizes = [options.bodySize, options.tableSize, options.lineSpacing]
    guard sizes.allSatisfy({ $0.isFinite && $0 > 0 }) else { throw PDFWriterError.invalidTextSize }
    guard options.pageWidth - options.marginLeft - options.marginRight > options.bodySize * 4,
      options.pageHeight - options.marginTop - options.marginBottom > options.bodySize * 6
    else { throw PDFWriterError.pageTooSmall }
    let font = PDFSongFont()
    let layout = PDFLayout(options: options, font: font, english: doc.language.hasPrefix("en"))
    let items = layout.items(for: doc.blocks)
    var pages = PDFPaginator(options: options).paginate(items)
    layout.addPageNumbers(to: &pages)

    var file = PDFFileBuilder(compress: options.compress)
    let catalog = file.reserve()
    let pagesRoot = file.reserve()
    let info = file.reserve()
    var usedCodes = Set<UInt16>()
    for page in pages { usedCodes.formUnion(page.usedCodes) }
    let fontReference = try font.writeObjects(into: &file, usedCodes: usedCodes)

    var kids: [String] = []
    for page in pages {
      let content = try file.addStream(content: Data(page.content.utf8))
      let pageObject = file.add(
        "<< /Type /Page /Parent \(pagesRoot.text)"
          + " /MediaBox [0 0 \(PDFSyntax.number(options.pageWidth)) \(PDFSyntax.number(options.pageHeight))]"
          + " /Resources << /Font << /F1 \(fontReference.text) >> >> /Contents \(content.text) >>")
      kids.append(pageObject.text)
    }
    file.set(
      pagesRoot, "<< /Type /Pages /Kids [\(kids.joined(separator: " "))] /Count \(pages.count) >>")
    file.set(
      catalog,
      "<< /Type /Catalog /Pages \(pagesRoot.text) /Lang \(PDFSyntax.textString(doc.language))"
        + " /ViewerPreferences << /DisplayDocTitle true >> >>")
    var infoEntries =
      "<< /Title \(PDFSyntax.textString(doc.title)) /Producer (redress) /Creator (redress)"
    if let date = options.creationDate {
      let stamp = PDFSyntax.date(date)
      infoEntries += " /CreationDate \(stamp) /ModDate \(stamp)"
    }
    file.set(info, infoEntries + " >>")
    return file.data(root: catalog, info: info)
  }
}
