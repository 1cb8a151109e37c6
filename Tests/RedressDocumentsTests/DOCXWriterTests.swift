import Foundation
import RedressDocuments
import Testing

/// The Word document, read back by an independent reader (python-docx).
@Suite struct DOCXWriterTests {
  /// What python-docx sees in a .docx, as JSON.
  struct ReadBack: Decodable {
    struct Item: Decodable {
      var kind: String
      var style: String?
      var text: String?
      var align: String?
      var bold: [String]?
      var numbered: Bool?
      var start: Int?
      var format: String?
      var rows: [[String]]?
      var headerRepeats: Bool?
      var borders: Bool?
    }
    var title: String
    var language: String
    var body: [Item]
    var pageWidth: Int
    var pageHeight: Int
    var footer: String
    var footerFields: [String]
    var normalEastAsiaFont: String?
    var headingStyles: [String]
  }

  static let script = #"""
    import json, sys
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    d = docx.Document(sys.argv[1])
    numbering = d.part.numbering_part.element
    body = []
    for child in d.element.body.iterchildren():
        tag = child.tag.split('}')[1]
        if tag == 'p':
            p = Paragraph(child, d)
            num = child.xpath('./w:pPr/w:numPr/w:numId/@w:val')
            item = {'kind': 'p', 'style': p.style.name, 'text': p.text,
                    'align': p.alignment.name if p.alignment is not None else None,
                    'bold': [r.text for r in p.runs if r.bold], 'numbered': bool(num)}
            if num:
                starts = numbering.xpath('./w:num[@w:numId="%s"]/w:lvlOverride/w:startOverride/@w:val' % num[0])
                abstract = numbering.xpath('./w:num[@w:numId="%s"]/w:abstractNumId/@w:val' % num[0])[0]
                fmt = numbering.xpath('./w:abstractNum[@w:abstractNumId="%s"]/w:lvl/w:numFmt/@w:val' % abstract)[0]
                item['start'] = int(starts[0]) if starts else 1
                item['format'] = fmt
            body.append(item)
        elif tag == 'tbl':
            t = Table(child, d)
            first = t.rows[0]._tr
            body.append({'kind': 'table',
                         'rows': [[c.text for c in r.cells] for r in t.rows],
                         'headerRepeats': bool(first.xpath('./w:trPr/w:tblHeader')),
                         'borders': bool(child.xpath('./w:tblPr/w:tblBorders/w:insideH[@w:val="single"]'))})
    section = d.sections[0]
    footer_xml = section.footer._element
    rfonts = d.styles.element.xpath('./w:docDefaults/w:rPrDefault/w:rPr/w:rFonts')
    print(json.dumps({
        'title': d.core_properties.title,
        'language': d.core_properties.language,
        'body': body,
        'pageWidth': section.page_width.twips,
        'pageHeight': section.page_height.twips,
        'footer': '\n'.join(p.text for p in section.footer.paragraphs),
        'footerFields': [s.strip() for s in footer_xml.xpath('.//w:fldSimple/@w:instr')],
        'normalEastAsiaFont': rfonts[0].get(qn('w:eastAsia')) if rfonts else None,
        'headingStyles': [s.name for s in d.styles if s.name.startswith('Heading')],
    }, ensure_ascii=False))
    """#

  static func readBack(_ doc: DocumentModel) throws -> ReadBack? {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("doc.docx")
    try DOCXWriter.render(doc).write(to: url)
    guard let json = Python.run(script, arguments: [url.path]) else { return nil }
    return try JSONDecoder().decode(ReadBack.self, from: Data(json.utf8))
  }

  /// The model's blocks as python-docx items are expected to look.
  static func expectedItems(_ doc: DocumentModel) -> [ReadBack.Item] {
    var items: [ReadBack.Item] = []
    for block in doc.blocks {
      switch block {
      case .heading(let level, let inlines):
        items.append(.init(kind: "p", style: "Heading \(level)", text: inlines.plainText))
      case .paragraph(let inlines, let align):
        let alignName: String? =
          switch align {
          case .left: nil
          case .center: "CENTER"
          case .right: "RIGHT"
          }
        items.append(.init(kind: "p", style: "Normal", text: inlines.plainText, align: alignName))
      case .list(let ordered, let start, let listItems):
        for item in listItems {
          items.append(
            .init(
              kind: "p", style: "List Paragraph", text: item.plainText, numbered: true,
              start: ordered ? start : 1,
              format: ordered ? "decimal" : "bullet"))
        }
      case .table(let header, let rows):
        items.append(.init(kind: "table", rows: ([header] + rows).map { $0.map(\.plainText) }))
      }
    }
    return items
  }

  @Test(.enabled(if: Python.shouldRun))
  func sampleLetterReadsBackWithEveryParagraphAndCell() throws {
    let doc = SampleDocument.letter
    guard let read = try Self.readBack(doc) else { return }
    #expect(read.title == "投诉书")
    #expect(read.language == "zh-CN")
    #expect(read.pageWidth == 11906 && read.pageHeight == 16838)
    // python-docx leaves out the runs inside fields (the page numbers).
    #expect(read.footer == "第  页，共  页")
    #expect(read.footerFields == ["PAGE", "NUMPAGES"])
    #expect(read.normalEastAsiaFont == "宋体")
    #expect(Set(read.headingStyles).isSuperset(of: ["Heading 1", "Heading 2", "Heading 3"]))

    let expected = Self.expectedItems(doc)
    #expect(read.body.count == expected.count, "python-docx saw \(read.body.count) items")
    for (got, want) in zip(read.body, expected) {
      #expect(got.kind == want.kind)
      if want.kind == "table" {
        #expect(got.rows == want.rows)
        #expect(got.headerRepeats == true)
        #expect(got.borders == true)
      } else {
        #expect(got.style == want.style, "\(want.text ?? "")")
        #expect(got.text == want.text)
        #expect(got.align == want.align, "\(want.text ?? "")")
        #expect(got.numbered == (want.numbered ?? false))
        if want.numbered == true {
          #expect(got.start == want.start)
          #expect(got.format == want.format)
        }
      }
    }
    // Bold runs survive as bold.
    let bold = read.body.flatMap { $0.bold ?? [] }
    #expect(bold.contains("投诉人：") && bold.contains("¥3,199.00") && bold.contains("北京市朝阳区消费者协会"))
    // Hostile text is literal in a paragraph and in a cell.
    #expect(read.body.contains { $0.text?.hasSuffix(SampleDocument.hostile) == true })
    #expect(read.body.contains { $0.rows?.last?.last == SampleDocument.hostile })
  }

  @Test(.enabled(if: Python.shouldRun))
  func hostileTextInEverySlotComesOutLiterally() throws {
    let hostile = SampleDocument.hostile
    let doc = DocumentModel(
      title: hostile, language: "en",
      blocks: [
        .heading(level: 1, [.text(hostile)]),
        .paragraph(
          [.text(hostile), .strong(hostile), .text("\u{1}\u{8}\u{B}\u{FFFE}tab\there")], align: .right),
        .list(ordered: true, start: 3, items: [[.text(hostile)], [.strong("x")]]),
        .table(header: [[.text(hostile)]], rows: [[[.text(hostile)]]]),
      ])
    guard let read = try Self.readBack(doc) else { return }
    #expect(read.title == hostile)
    #expect(read.language == "en-US")
    #expect(read.footer == "Page  of ")
    #expect(read.body[0].text == hostile)
    // Control characters that XML cannot carry are dropped; a tab stays a tab.
    #expect(read.body[1].text == hostile + hostile + "tab\there")
    #expect(read.body[1].bold == [hostile])
    #expect(read.body[2].text == hostile && read.body[2].start == 3)
    #expect(read.body[4].rows == [[hostile], [hostile]])
  }

  @Test func outputIsDeterministic() throws {
    let first = try DOCXWriter.render(SampleDocument.letter)
    let second = try DOCXWriter.render(SampleDocument.letter)
    #expect(first == second)
    #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]))
  }

  @Test func documentXMLIsEscapedAndWellFormed() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("doc.docx")
    try DOCXWriter.render(SampleDocument.letter).write(to: url)
    let unzip = Process()
    unzip.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
    unzip.arguments = ["-p", url.path, "word/document.xml"]
    let pipe = Pipe()
    unzip.standardOutput = pipe
    try unzip.run()
    let xml = pipe.fileHandleForReading.readDataToEndOfFile()
    unzip.waitUntilExit()
    let text = String(decoding: xml, as: UTF8.self)
    #expect(text.contains("&lt;script&gt;"))
    #expect(!text.contains("<script>"))
    #expect(text.contains("]]&gt;"))
    #expect(text.contains("{{tags}}"))
    #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"))
    #expect(text.contains("xml:space=\"preserve\">&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; {{tags}}"))
  }
}
