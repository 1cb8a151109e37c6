import Foundation
import RedressTestSupport
import Testing

@testable import RedressDocuments

/// How the Word documents are laid out, read back by python-docx: table columns wide enough for
/// their numbers and model numbers, and the close of a letter kept with the text it closes.
@Suite struct DOCXLayoutTests {
  /// For every table: the grid, each cell's left and right margin, text and boldness, and the
  /// cells too narrow for their unbreakable tokens. Token widths come from pypdf's copy of
  /// Adobe's Times-Roman and Times-Bold metrics (Times New Roman's widths) at 10.5 pt; a token
  /// is a run of ASCII letters, digits and signs, with ¥ (a full em in a Chinese document,
  /// where 宋体 draws it, else Times's 500); a short cell (at most four ems) counts whole.
  static let tableScript = #"""
    import json, re, sys
    import docx
    from docx.oxml.ns import qn
    from pypdf._codecs.core_font_metrics import CORE_FONT_METRICS as M

    d = docx.Document(sys.argv[1])
    chinese = sys.argv[2] == 'zh'
    regular = M['Times-Roman'].character_widths
    bold = M['Times-Bold'].character_widths

    def width(text, is_bold):
        table = bold if is_bold else regular
        total = 0
        for c in text:
            if c == '\u00a5':
                total += 1000 if chinese else 500
            elif ' ' <= c <= '~':
                total += table[c]
            else:
                total += 1000
        return total * 210 / 1000  # twips at 10.5 pt

    out = []
    for t in d.element.body.iterchildren(qn('w:tbl')):
        grid = [int(c.get(qn('w:w'))) for c in t.iterchildren(qn('w:tblGrid')).__next__()]
        default = t.xpath('./w:tblPr/w:tblCellMar/w:left/@w:w')
        problems = []
        for r, tr in enumerate(t.iterchildren(qn('w:tr'))):
            for c, tc in enumerate(tr.iterchildren(qn('w:tc'))):
                margin = tc.xpath('./w:tcPr/w:tcMar/w:left/@w:w') or default
                right = tc.xpath('./w:tcPr/w:tcMar/w:right/@w:w') or default
                inner = grid[c] - int(margin[0]) - int(right[0])
                text = ''.join(p.text for p in docx.table._Cell(tc, None).paragraphs)
                is_bold = bool(tc.xpath('.//w:rPr/w:b'))
                tokens = re.findall(r'[!-~\u00a5]+', text)
                whole = width(text, is_bold)
                if whole <= 4 * 210:
                    tokens.append(text)
                for token in tokens:
                    if width(token, is_bold) > inner:
                        problems.append('row %d column %d: %r needs %d twips, has %d'
                                        % (r, c, token, width(token, is_bold), inner))
        out.append({'grid': grid, 'problems': problems})
    print(json.dumps(out, ensure_ascii=False))
    """#

  struct TableReport: Decodable {
    var grid: [Int]
    var problems: [String]
  }

  static func tables(_ doc: DocumentModel) throws -> [TableReport]? {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("doc.docx")
    try DOCXWriter.render(doc).write(to: url)
    let language = doc.language.hasPrefix("zh") ? "zh" : "en"
    guard let json = Python.run(tableScript, arguments: [url.path, language]) else { return nil }
    return try JSONDecoder().decode([TableReport].self, from: Data(json.utf8))
  }

  @Test(.enabled(if: Python.shouldRun), arguments: GoldenDocumentTests.samples)
  func tableColumnsHoldTheirLongestTokens(sample: GoldenDocumentTests.Sample) throws {
    for (name, model) in try GoldenDocumentTests.models(sample) {
      guard let tables = try Self.tables(model) else { return }
      for table in tables {
        #expect(table.grid.reduce(0, +) == DOCXWriter.textWidth, "\(sample) \(name): \(table.grid)")
        #expect(table.problems.isEmpty, "\(sample) \(name): \(table.problems)")
      }
    }
  }

  /// The nine-column items table of the letter, in English (long header words) and with longer
  /// model numbers and amounts: the table can still hold every token, so none is broken.
  @Test(.enabled(if: Python.shouldRun))
  func aCrowdedTableGivesUpMarginBeforeTokens() throws {
    let header = [
      "No.", "Item", "Brand", "Model", "Specification", "Origin", "Quantity", "Unit price", "Amount",
    ]
    let row = ["1", "滚筒洗衣机", "某牌", "XQG100-14BD", "10公斤", "江苏无锡", "1", "¥12,999.00", "¥12,999.00"]
    let doc = DocumentModel(
      title: "t", language: "en",
      blocks: [.table(header: header.map { [.text($0)] }, rows: [row.map { [.text($0)] }])])
    guard let tables = try Self.tables(doc) else { return }
    #expect(tables.count == 1 && tables[0].problems.isEmpty, "\(tables)")
    let layout = DOCXTableLayout(
      header: header.map { [.text($0)] }, rows: [row.map { [.text($0)] }], tableWidth: DOCXWriter.textWidth,
      chinese: false)
    #expect(layout.margins.contains { $0 < DOCXTableLayout.cellMargin }, "\(layout.margins)")
  }

  @Test func hyphensAreKeptOnlyInCellsThatWrap() throws {
    let long = "投诉人购买的洗衣机型号为XQG100-14，安装后即出现异响和漏水，经检测系减震器断裂所致，已多次报修。"
    let doc = DocumentModel(
      title: "t", language: "zh-Hans",
      blocks: [
        .table(
          header: [[.text("型号")], [.text("说明")]],
          rows: [[[.text("XQG100-14")], [.text(long)]]])
      ])
    let xml = try Self.documentXML(doc)
    // The model number alone in its cell fits: written as typed.
    #expect(xml.contains(">XQG100-14</w:t>"))
    // In the long cell, which wraps, Word must not break after the hyphen.
    #expect(xml.contains(">投诉人购买的洗衣机型号为XQG100</w:t><w:noBreakHyphen/><w:t xml:space=\"preserve\">14，"))
    #expect(
      DOCXWriter.splitAtInnerHyphens("A-1 -x 2026-11-22 a- -b 中-文") == [
        "A", "1 -x 2026", "11", "22 a- -b 中-文",
      ])
  }

  @Test(.enabled(if: Python.shouldRun))
  func theCloseOfALetterKeepsWithTheTextItCloses() throws {
    let doc = PDFLayoutTests.letterEnd(filler: 2, sentenceLines: 2)
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("doc.docx")
    try DOCXWriter.render(doc).write(to: url)
    let script = #"""
      import json, sys
      import docx
      d = docx.Document(sys.argv[1])
      print(json.dumps({
          'texts': [p.text for p in d.paragraphs],
          'keeps': [bool(p.paragraph_format.keep_with_next) for p in d.paragraphs],
          'widowControl': d.styles['Normal'].paragraph_format.widow_control,
      }, ensure_ascii=False))
      """#
    struct Keeps: Decodable {
      var texts: [String]
      var keeps: [Bool]
      var widowControl: Bool?
    }
    guard let json = Python.run(script, arguments: [url.path]) else { return }
    let read = try JSONDecoder().decode(Keeps.self, from: Data(json.utf8))
    let kept = read.keeps
    // Two fillers, the closing paragraph, 此致, addressee, signature, date, 附, two list items.
    #expect(kept == [false, false, true, true, true, true, false, true, false, false], "\(read.texts)")
    #expect(read.widowControl == true)
  }

  static func documentXML(_ doc: DocumentModel) throws -> String {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("doc.docx")
    try DOCXWriter.render(doc).write(to: url)
    let unzip = Process()
    unzip.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
    unzip.arguments = ["-p", url.path, "word/document.xml"]
    let pipe = Pipe()
    unzip.standardOutput = pipe
    try unzip.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    unzip.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
