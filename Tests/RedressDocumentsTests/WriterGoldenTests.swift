import Foundation
import RedressDocuments
import Testing

@Suite struct WriterGoldenTests {
  @Test func textGolden() throws {
    DocumentGoldens.check(try TextWriter.render(SampleDocument.letter), named: "sample-letter.txt")
  }

  @Test func markdownGolden() throws {
    DocumentGoldens.check(try MarkdownWriter.render(SampleDocument.letter), named: "sample-letter.md")
  }

  @Test func htmlGolden() throws {
    DocumentGoldens.check(try HTMLWriter.render(SampleDocument.letter), named: "sample-letter.html")
  }
}
