import Foundation
import RedressDocuments
import RedressTestSupport
import Testing

@Suite struct WriterGoldenTests {
  @Test func textGolden() throws {
    expectGolden(
      try TextWriter.render(SampleDocument.letter),
      at: DocumentGoldens.folder.appendingPathComponent("sample-letter.txt"))
  }

  @Test func markdownGolden() throws {
    expectGolden(
      try MarkdownWriter.render(SampleDocument.letter),
      at: DocumentGoldens.folder.appendingPathComponent("sample-letter.md"))
  }

  @Test func htmlGolden() throws {
    expectGolden(
      try HTMLWriter.render(SampleDocument.letter),
      at: DocumentGoldens.folder.appendingPathComponent("sample-letter.html"))
  }
}
