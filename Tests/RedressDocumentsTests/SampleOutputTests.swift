import Foundation
import RedressDocuments
import RedressFiles
import Testing

/// Writes the sample letter in every format into `$REDRESS_SAMPLE_OUT` for looking at by hand
/// (LibreOffice, a browser, pdftoppm). Does nothing unless that variable is set.
@Suite struct SampleOutputTests {
  @Test(.enabled(if: ProcessInfo.processInfo.environment["REDRESS_SAMPLE_OUT"] != nil))
  func writeSamplesForInspection() throws {
    let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["REDRESS_SAMPLE_OUT"]!)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for format in DocumentFormat.allCases where format != .pdf {
      let data = try format.render(SampleDocument.letter)
      try AtomicFile.write(data, to: folder.appendingPathComponent("sample-letter.\(format.fileExtension)"))
    }
  }
}
