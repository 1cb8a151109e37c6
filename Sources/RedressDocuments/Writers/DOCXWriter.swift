import Foundation
import RedressCore
import ZIPFoundation

/// A Word document (Office Open XML, WordprocessingML), its XML written directly by
/// `XMLText` and zipped with ZIPFoundation.
///
/// (Not through FoundationXML: on Linux, an `XMLElement` that outlives the `XMLDocument` it was
/// serialised through is freed twice and crashes the process in libxml2, seen here with
/// swift 6.3.1; a writer of our own is simpler, deterministic and escapes exactly.)
///
/// Real Word structures throughout: headings in the built-in styles `heading 1`–`3` (level 1
/// centred as the title), lists through `word/numbering.xml` (each numbered list restarts at
/// its own start number), tables as `w:tbl` with borders, fixed column widths and a repeating
/// header row, right and centred paragraphs through `w:jc`. Body text is 12 pt (小四) in 宋体
/// (SimSun; the font table names SimSun as the alternative) for Chinese and Times New Roman for
/// Latin text, with 1.5 line spacing. The page is A4 with 2.54 cm / 3.17 cm margins and a footer
/// `第 X 页，共 Y 页` (PAGE and NUMPAGES fields). The zip entries carry a fixed date, so the same
/// document always gives the same bytes.
public enum DOCXWriter: DocumentWriter {
  /// Text width of the page in twips: A4 width 11906 less the left and right margins.
  static let pageWidth = 11906
  static let pageHeight = 16838
  static let marginTopBottom = 1440
  static let marginLeftRight = 1800
  static var textWidth: Int { pageWidth - 2 * marginLeftRight }
  /// The Chinese fonts by the names Word knows them under (font names, not wording): 宋体
  /// (SimSun) for body text and the title, 黑体 (SimHei) for section headings.
  static let songti = "宋体"
  static let heiti = "黑体"

  public static func render(_ doc: DocumentModel) throws -> Data {
    let language = WordLanguage(doc.language)
    var numbering = NumberingPlan()
    // The body is written out first, so that its elements are gone before the archive is made.
    let documentPart = XMLText.document(
      document(body: bodyElements(doc.writableBlocks, numbering: &numbering, chinese: language.isChinese)))
    let parts: [(String, XMLText.Pieces)] = [
      ("[Content_Types].xml", XMLText.document(contentTypes())),
      ("_rels/.rels", XMLText.document(packageRelationships())),
      ("docProps/core.xml", XMLText.document(coreProperties(title: doc.title.asOneLine, language: language))),
      ("docProps/app.xml", XMLText.document(appProperties())),
      ("word/document.xml", documentPart),
      ("word/styles.xml", XMLText.document(styles(language: language))),
      ("word/numbering.xml", XMLText.document(numberingPart(numbering))),
      ("word/settings.xml", XMLText.document(settings())),
      ("word/fontTable.xml", XMLText.document(fontTable())),
      ("word/footer1.xml", XMLText.document(footer(language: language))),
      ("word/_rels/document.xml.rels", XMLText.document(documentRelationships())),
    ]
    let archive = try Archive(data: Data(), accessMode: .create)
    for (path, pieces) in parts {
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(pieces.count), modificationDate: fixedDate,
        permissions: 0o644, compressionMethod: .deflate,
        provider: { position, size in
          let start = Int(position)
          return Data(pieces.bytes(start..<min(start + size, pieces.count)))
        })
    }
    guard let bytes = archive.data else { throw DOCXError.archive }
    return bytes
  }

  enum DOCXError: Error, CustomStringConvertible {
    case archive
    var description: String { "could not assemble the Word document in memory" }
  }

  /// 1980-01-01 00:00 UTC, the earliest date a zip entry can carry.
  static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

  // MARK: Namespaces

  static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  static let relationshipNamespace =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let packageRelationshipNamespace =
    "http://schemas.openxmlformats.org/package/2006/relationships"
  static let officeRelationshipType =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

  // MARK: The body

  /// Which numbering instance each list uses: one shared for bullets, one per numbered list so
  /// that each restarts at its own number.
  struct NumberingPlan {
    static let bulletNumID = 1
    var orderedStarts: [Int] = []

    mutating func addOrderedList(start: Int) -> Int {
      orderedStarts.append(start)
      return Self.bulletNumID + orderedStarts.count
    }
  }

  static func bodyElements(_ blocks: [Block], numbering: inout NumberingPlan, chinese: Bool)
    -> [XMLText.Element]
  {
    var elements: [XMLText.Element] = []
    // Headings keep with next through their style; the rest as `BlockKeeping` says.
    let keeps = BlockKeeping.keepsWithNext(blocks)
    for (index, block) in blocks.enumerated() {
      // A table's bottom border needs air before the next paragraph.
      let afterTable = elements.last?.name == "w:tbl"
      let keep = keeps[index]
      switch block {
      case .heading(let level, let inlines):
        elements.append(paragraph(inlines, style: "Heading\(level)"))
      case .paragraph(let inlines, let align):
        elements.append(
          paragraph(
            inlines, align: align == .left ? nil : align, spaceBefore: afterTable ? 240 : nil, keepNext: keep)
        )
      case .list(let ordered, let start, let items):
        let numID = ordered ? numbering.addOrderedList(start: start) : NumberingPlan.bulletNumID
        for (offset, item) in items.enumerated() {
          elements.append(
            paragraph(
              item, style: "ListParagraph", numID: numID, spaceBefore: afterTable && offset == 0 ? 240 : nil,
              keepNext: keep && offset == items.count - 1))
        }
      case .table(let header, let rows):
        elements.append(table(header: header, rows: rows, chinese: chinese, keepNext: keep))
      }
    }
    // Word wants a paragraph after a table that ends the document.
    if elements.last?.name == "w:tbl" { elements.append(element("w:p")) }
    return elements
  }

  static func paragraph(
    _ inlines: [Inline], style: String? = nil, align: Alignment? = nil, numID: Int? = nil,
    bold: Bool = false, tableCell: Bool = false, spaceBefore: Int? = nil, keepNext: Bool = false,
    keepHyphens: Bool = false
  ) -> XMLText.Element {
    var properties: [XMLText.Element] = []
    if let style = tableCell ? "TableText" : style {
      properties.append(element("w:pStyle", ["w:val": style]))
    }
    if keepNext { properties.append(element("w:keepNext")) }
    if let numID {
      properties.append(
        element(
          "w:numPr", [],
          [element("w:ilvl", ["w:val": "0"]), element("w:numId", ["w:val": String(numID)])]))
    }
    if let spaceBefore {
      properties.append(element("w:spacing", ["w:before": String(spaceBefore)]))
    }
    if let align {
      let value: String
      switch align {
      case .left: value = "left"
      case .center: value = "center"
      case .right: value = "right"
      }
      properties.append(element("w:jc", ["w:val": value]))
    }
    var children: [XMLText.Element] = []
    if !properties.isEmpty { children.append(element("w:pPr", [:], properties)) }
    children += runs(inlines, bold: bold, keepHyphens: keepHyphens)
    return element("w:p", [:], children)
  }

  /// The runs of inlines. With `keepHyphens`, a hyphen between two ASCII letters or digits
  /// ("XQG100-14") is written as Word's non-breaking hyphen, since Word would otherwise break
  /// after it; used in table cells that wrap, where a model number must stay whole.
  static func runs(_ inlines: [Inline], bold: Bool, keepHyphens: Bool = false) -> [XMLText.Element] {
    var result: [XMLText.Element] = []
    for inline in inlines {
      switch inline {
      case .lineBreak:
        result.append(element("w:r", [:], [element("w:br")]))
      case .text(let s), .strong(let s):
        var isBold = bold
        if case .strong = inline { isBold = true }
        var content: [XMLText.Element] = []
        if isBold { content.append(element("w:rPr", [:], [element("w:b"), element("w:bCs")])) }
        let pieces = s.split(separator: "\t", omittingEmptySubsequences: false)
        for (offset, piece) in pieces.enumerated() {
          if offset > 0 { content.append(element("w:tab")) }
          let parts = keepHyphens ? splitAtInnerHyphens(String(piece)) : [String(piece)]
          for (index, part) in parts.enumerated() {
            if index > 0 { content.append(element("w:noBreakHyphen")) }
            if !part.isEmpty {
              content.append(textElement("w:t", ["xml:space": "preserve"], part))
            }
          }
        }
        result.append(element("w:r", [:], content))
      }
    }
    return result
  }

  /// A table; `keepNext` keeps its last row on the page of the paragraph after it.
  /// `text` split at each hyphen that joins two ASCII letters or digits.
  static func splitAtInnerHyphens(_ text: String) -> [String] {
    let characters = Array(text)
    func joins(_ character: Character) -> Bool {
      character.isASCII && (character.isLetter || character.isNumber)
    }
    var parts = [""]
    for (index, character) in characters.enumerated() {
      if character == "-", index > 0, index + 1 < characters.count, joins(characters[index - 1]),
        joins(characters[index + 1])
      {
        parts.append("")
      } else {
        parts[parts.count - 1].append(character)
      }
    }
    return parts
  }

  static func table(header: [[Inline]], rows: [[[Inline]]], chinese: Bool, keepNext: Bool = false)
    -> XMLText.Element
  {
    let layout = DOCXTableLayout(header: header, rows: rows, tableWidth: textWidth, chinese: chinese)
    let widths = layout.widths
    let border = { (name: String) in
      element(name, ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "000000"])
    }
    let properties = element(
      "w:tblPr", [],
      [
        element("w:tblStyle", ["w:val": "TableGrid"]),
        element("w:tblW", ["w:w": String(textWidth), "w:type": "dxa"]),
        element(
          "w:tblBorders", [],
          ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"].map(border)),
        element("w:tblLayout", ["w:type": "fixed"]),
        element(
          "w:tblCellMar", [],
          [
            element("w:top", ["w:w": "28", "w:type": "dxa"]),
            element("w:left", ["w:w": String(DOCXTableLayout.cellMargin), "w:type": "dxa"]),
            element("w:bottom", ["w:w": "28", "w:type": "dxa"]),
            element("w:right", ["w:w": String(DOCXTableLayout.cellMargin), "w:type": "dxa"]),
          ]),
        element(
          "w:tblLook",
          [
            "w:val": "04A0", "w:firstRow": "1", "w:lastRow": "0", "w:firstColumn": "0",
            "w:lastColumn": "0", "w:noHBand": "1", "w:noVBand": "1",
          ]),
      ])
    let grid = element("w:tblGrid", [:], widths.map { element("w:gridCol", ["w:w": String($0)]) })
    func row(_ cells: [[Inline]], index: Int, keepNext: Bool = false) -> XMLText.Element {
      let isHeader = index == 0
      var rowProperties: [XMLText.Element] = [element("w:cantSplit")]
      if isHeader { rowProperties.append(element("w:tblHeader")) }
      var children: [XMLText.Element] = [element("w:trPr", [:], rowProperties)]
      for (column, (cell, width)) in zip(cells, widths).enumerated() {
        var cellProperties: [XMLText.Element] = [element("w:tcW", ["w:w": String(width), "w:type": "dxa"])]
        if isHeader {
          cellProperties.append(element("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": "E7E6E6"]))
        }
        let margin = layout.margins[column]
        if margin != DOCXTableLayout.cellMargin {
          cellProperties.append(
            element(
              "w:tcMar", [],
              [
                element("w:left", ["w:w": String(margin), "w:type": "dxa"]),
                element("w:right", ["w:w": String(margin), "w:type": "dxa"]),
              ]))
        }
        children.append(
          element(
            "w:tc", [],
            [
              element("w:tcPr", [:], cellProperties),
              paragraph(
                cell, align: .left, bold: isHeader, tableCell: true, keepNext: keepNext,
                keepHyphens: layout.wraps[index][column]),
            ]))
      }
      return element("w:tr", [:], children)
    }
    return element(
      "w:tbl", [],
      [properties, grid, row(header, index: 0, keepNext: keepNext && rows.isEmpty)]
        + rows.enumerated().map {
          XMLText.frozen(row($1, index: $0 + 1, keepNext: keepNext && $0 == rows.count - 1))
        })
  }

  static func document(body: [XMLText.Element]) -> XMLText.Element {
    let section = element(
      "w:sectPr", [],
      [
        element("w:footerReference", ["w:type": "default", "r:id": "rId5"]),
        element("w:pgSz", ["w:w": String(pageWidth), "w:h": String(pageHeight)]),
        element(
          "w:pgMar",
          [
            "w:top": String(marginTopBottom), "w:right": String(marginLeftRight),
            "w:bottom": String(marginTopBottom), "w:left": String(marginLeftRight),
            "w:header": "851", "w:footer": "992", "w:gutter": "0",
          ]),
        element("w:cols", ["w:space": "425"]),
      ])
    let root = element("w:document", [:], [element("w:body", [:], body + [section])])
    root.addNamespace(namespace("w", wordNamespace))
    root.addNamespace(namespace("r", relationshipNamespace))
    return root
  }

  // MARK: The other parts

  static func contentTypes() -> XMLText.Element {
    let main = "application/vnd.openxmlformats-officedocument.wordprocessingml."
    let overrides: [(String, String)] = [
      ("/word/document.xml", main + "document.main+xml"),
      ("/word/styles.xml", main + "styles+xml"),
      ("/word/numbering.xml", main + "numbering+xml"),
      ("/word/settings.xml", main + "settings+xml"),
      ("/word/fontTable.xml", main + "fontTable+xml"),
      ("/word/footer1.xml", main + "footer+xml"),
      ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
      ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
    ]
    let root = element(
      "Types", [],
      [
        element(
          "Default",
          ["Extension": "rels", "ContentType": "application/vnd.openxmlformats-package.relationships+xml"]),
        element("Default", ["Extension": "xml", "ContentType": "application/xml"]),
      ] + overrides.map { element("Override", ["PartName": $0.0, "ContentType": $0.1]) })
    root.addNamespace(namespace("", "http://schemas.openxmlformats.org/package/2006/content-types"))
    return root
  }

  static func relationships(_ entries: [(id: String, type: String, target: String)]) -> XMLText.Element {
    let root = element(
      "Relationships", [],
      entries.map { element("Relationship", ["Id": $0.id, "Type": $0.type, "Target": $0.target]) })
    root.addNamespace(namespace("", packageRelationshipNamespace))
    return root
  }

  static func packageRelationships() -> XMLText.Element {
    relationships([
      ("rId1", officeRelationshipType + "officeDocument", "word/document.xml"),
      (
        "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        "docProps/core.xml"
      ),
      ("rId3", officeRelationshipType + "extended-properties", "docProps/app.xml"),
    ])
  }

  static func documentRelationships() -> XMLText.Element {
    relationships([
      ("rId1", officeRelationshipType + "styles", "styles.xml"),
      ("rId2", officeRelationshipType + "numbering", "numbering.xml"),
      ("rId3", officeRelationshipType + "settings", "settings.xml"),
      ("rId4", officeRelationshipType + "fontTable", "fontTable.xml"),
      ("rId5", officeRelationshipType + "footer", "footer1.xml"),
    ])
  }

  static func coreProperties(title: String, language: WordLanguage) -> XMLText.Element {
    let root = element(
      "cp:coreProperties", [],
      [textElement("dc:title", [:], title), textElement("dc:language", [:], language.tag)])
    root.addNamespace(
      namespace("cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"))
    root.addNamespace(namespace("dc", "http://purl.org/dc/elements/1.1/"))
    root.addNamespace(namespace("dcterms", "http://purl.org/dc/terms/"))
    root.addNamespace(namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance"))
    return root
  }

  static func appProperties() -> XMLText.Element {
    let root = element("Properties", [:], [textElement("Application", [:], "redress")])
    root.addNamespace(
      namespace("", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"))
    return root
  }

  /// The fonts: 宋体 (SimSun) for Chinese, Times New Roman for Latin; 黑体 (SimHei) for section
  /// headings.
  static func fonts(eastAsia: String = songti) -> XMLText.Element {
    element(
      "w:rFonts",
      [
        "w:ascii": "Times New Roman", "w:hAnsi": "Times New Roman", "w:eastAsia": eastAsia,
        "w:cs": "Times New Roman",
      ])
  }

  static func size(_ halfPoints: Int) -> [XMLText.Element] {
    [element("w:sz", ["w:val": String(halfPoints)]), element("w:szCs", ["w:val": String(halfPoints)])]
  }

  static func styles(language: WordLanguage) -> XMLText.Element {
    var defaultFonts = fonts()
    if language.isChinese { defaultFonts = element("w:rFonts", fontAttributes(hint: true)) }
    let defaults = element(
      "w:docDefaults", [],
      [
        element(
          "w:rPrDefault", [],
          [
            element(
              "w:rPr", [],
              [defaultFonts, element("w:kern", ["w:val": "2"])] + size(24) + [
                element("w:lang", ["w:val": language.latinTag, "w:eastAsia": "zh-CN", "w:bidi": "ar-SA"])
              ])
          ]),
        element(
          "w:pPrDefault", [],
          [
            element(
              "w:pPr", [:], [element("w:spacing", ["w:after": "0", "w:line": "240", "w:lineRule": "auto"])])
          ]
        ),
      ])
    func style(
      _ id: String, name: String, type: String = "paragraph", isDefault: Bool = false,
      basedOn: String? = nil, next: String? = nil, extra: [XMLText.Element] = [],
      paragraph: [XMLText.Element] = [], run: [XMLText.Element] = [], tableProperties: XMLText.Element? = nil
    ) -> XMLText.Element {
      var attributes: [(String, String)] = [("w:type", type)]
      if isDefault { attributes.append(("w:default", "1")) }
      attributes.append(("w:styleId", id))
      var children: [XMLText.Element] = [element("w:name", ["w:val": name])]
      if let basedOn { children.append(element("w:basedOn", ["w:val": basedOn])) }
      if let next { children.append(element("w:next", ["w:val": next])) }
      children += extra
      if !paragraph.isEmpty { children.append(element("w:pPr", [:], paragraph)) }
      if !run.isEmpty { children.append(element("w:rPr", [:], run)) }
      if let tableProperties { children.append(tableProperties) }
      return element("w:style", attributes, children)
    }
    let bodySpacing = element("w:spacing", ["w:after": "120", "w:line": "360", "w:lineRule": "auto"])
    let heading = { (level: Int) -> XMLText.Element in
      let (before, after, halfPoints, eastAsia, align): (Int, Int, Int, String, String?) =
        switch level {
        case 1: (240, 360, 36, songti, "center")
        case 2: (240, 120, 28, heiti, nil)
        default: (180, 60, 24, heiti, nil)
        }
      var paragraph: [XMLText.Element] = [
        element("w:keepNext"), element("w:keepLines"),
        element(
          "w:spacing",
          ["w:before": String(before), "w:after": String(after), "w:line": "360", "w:lineRule": "auto"]),
      ]
      if let align { paragraph.append(element("w:jc", ["w:val": align])) }
      paragraph.append(element("w:outlineLvl", ["w:val": String(level - 1)]))
      return style(
        "Heading\(level)", name: "heading \(level)", basedOn: "Normal", next: "Normal",
        extra: [element("w:uiPriority", ["w:val": "9"]), element("w:qFormat")],
        paragraph: paragraph,
        run: [fonts(eastAsia: eastAsia), element("w:b"), element("w:bCs")] + size(halfPoints))
    }
    let tableBorder = { (name: String) in
      element(name, ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "000000"])
    }
    let root = element(
      "w:styles", [],
      [
        defaults,
        style(
          "Normal", name: "Normal", isDefault: true, extra: [element("w:qFormat")],
          paragraph: [element("w:widowControl"), bodySpacing, element("w:jc", ["w:val": "left"])]),
        heading(1), heading(2), heading(3),
        style(
          "DefaultParagraphFont", name: "Default Paragraph Font", type: "character", isDefault: true,
          extra: [
            element("w:uiPriority", ["w:val": "1"]), element("w:semiHidden"), element("w:unhideWhenUsed"),
          ]),
        style(
          "TableNormal", name: "Normal Table", type: "table", isDefault: true,
          extra: [
            element("w:uiPriority", ["w:val": "99"]), element("w:semiHidden"), element("w:unhideWhenUsed"),
          ],
          tableProperties: element(
            "w:tblPr", [],
            [
              element("w:tblInd", ["w:w": "0", "w:type": "dxa"]),
              element(
                "w:tblCellMar", [],
                [
                  element("w:top", ["w:w": "0", "w:type": "dxa"]),
                  element("w:left", ["w:w": "108", "w:type": "dxa"]),
                  element("w:bottom", ["w:w": "0", "w:type": "dxa"]),
                  element("w:right", ["w:w": "108", "w:type": "dxa"]),
                ]),
            ])),
        style(
          "TableGrid", name: "Table Grid", type: "table", basedOn: "TableNormal",
          extra: [element("w:uiPriority", ["w:val": "39"])],
          tableProperties: element(
            "w:tblPr", [],
            [
              element(
                "w:tblBorders", [],
                ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"].map(tableBorder))
            ])),
        style(
          "ListParagraph", name: "List Paragraph", basedOn: "Normal",
          extra: [element("w:uiPriority", ["w:val": "34"]), element("w:qFormat")],
          paragraph: [element("w:spacing", ["w:after": "60"])]),
        style(
          "TableText", name: "Table Text", basedOn: "Normal",
          extra: [element("w:qFormat")],
          paragraph: [
            element("w:spacing", ["w:before": "0", "w:after": "0", "w:line": "300", "w:lineRule": "auto"])
          ],
          run: size(21)),
        style(
          "Footer", name: "footer", basedOn: "Normal",
          extra: [element("w:uiPriority", ["w:val": "99"]), element("w:unhideWhenUsed")],
          paragraph: [
            element("w:spacing", ["w:after": "0", "w:line": "240", "w:lineRule": "auto"]),
            element("w:jc", ["w:val": "center"]),
          ],
          run: size(18)),
      ])
    root.addNamespace(namespace("w", wordNamespace))
    return root
  }

  static func fontAttributes(hint: Bool) -> [(String, String)] {
    var attributes: [(String, String)] = [
      ("w:ascii", "Times New Roman"), ("w:hAnsi", "Times New Roman"), ("w:eastAsia", songti),
      ("w:cs", "Times New Roman"),
    ]
    if hint { attributes.append(("w:hint", "eastAsia")) }
    return attributes
  }

  static func numberingPart(_ plan: NumberingPlan) -> XMLText.Element {
    func abstract(_ id: Int, format: String, text: String) -> XMLText.Element {
      element(
        "w:abstractNum", ["w:abstractNumId": String(id)],
        [
          element("w:multiLevelType", ["w:val": "singleLevel"]),
          element(
            "w:lvl", ["w:ilvl": "0"],
            [
              element("w:start", ["w:val": "1"]),
              element("w:numFmt", ["w:val": format]),
              element("w:lvlText", ["w:val": text]),
              element("w:lvlJc", ["w:val": "left"]),
              element("w:pPr", [:], [element("w:ind", ["w:left": "840", "w:hanging": "420"])]),
            ]),
        ])
    }
    var children: [XMLText.Element] = [
      abstract(0, format: "bullet", text: "•"),
      abstract(1, format: "decimal", text: "%1."),
      element(
        "w:num", ["w:numId": String(NumberingPlan.bulletNumID)], [element("w:abstractNumId", ["w:val": "0"])]),
    ]
    for (offset, start) in plan.orderedStarts.enumerated() {
      children.append(
        element(
          "w:num", ["w:numId": String(NumberingPlan.bulletNumID + offset + 1)],
          [
            element("w:abstractNumId", ["w:val": "1"]),
            element(
              "w:lvlOverride", ["w:ilvl": "0"], [element("w:startOverride", ["w:val": String(start)])]),
          ]))
    }
    let root = element("w:numbering", [:], children)
    root.addNamespace(namespace("w", wordNamespace))
    return root
  }

  static func settings() -> XMLText.Element {
    let root = element(
      "w:settings", [],
      [
        element("w:zoom", ["w:percent": "100"]),
        element("w:defaultTabStop", ["w:val": "420"]),
        element("w:characterSpacingControl", ["w:val": "compressPunctuation"]),
        element(
          "w:compat", [],
          [
            element(
              "w:compatSetting",
              [
                "w:name": "compatibilityMode", "w:uri": "http://schemas.microsoft.com/office/word",
                "w:val": "15",
              ])
          ]),
      ])
    root.addNamespace(namespace("w", wordNamespace))
    return root
  }

  /// Font table: lets Word (and LibreOffice) find a substitute for 宋体 and 黑体 by their
  /// English names and character set (GB2312).
  static func fontTable() -> XMLText.Element {
    func font(_ name: String, alternative: String?, family: String, panose: String, charset: String?)
      -> XMLText.Element
    {
      var children: [XMLText.Element] = []
      if let alternative { children.append(element("w:altName", ["w:val": alternative])) }
      children.append(element("w:panose1", ["w:val": panose]))
      if let charset { children.append(element("w:charset", ["w:val": charset])) }
      children.append(element("w:family", ["w:val": family]))
      children.append(element("w:pitch", ["w:val": "variable"]))
      return element("w:font", ["w:name": name], children)
    }
    let root = element(
      "w:fonts", [],
      [
        font(
          "Times New Roman", alternative: nil, family: "roman", panose: "02020603050405020304", charset: nil),
        font(songti, alternative: "SimSun", family: "auto", panose: "02010600030101010101", charset: "86"),
        font(heiti, alternative: "SimHei", family: "modern", panose: "02010609060101010101", charset: "86"),
      ])
    root.addNamespace(namespace("w", wordNamespace))
    return root
  }

  static func footer(language: WordLanguage) -> XMLText.Element {
    func field(_ instruction: String) -> XMLText.Element {
      element(
        "w:fldSimple", ["w:instr": " \(instruction) "], [element("w:r", [:], [textElement("w:t", [:], "1")])])
    }
    func text(_ s: String) -> XMLText.Element {
      element("w:r", [:], [textElement("w:t", ["xml:space": "preserve"], s)])
    }
    // The catalogue's sentence with its two numbers as Word fields: the text is cut where the
    // placeholders stand, every second piece is a field.
    let mark = "\u{0}"
    let sentence = Words.phrase(
      "document-layout.word-page-number", language: language.wordsLanguage,
      ["page": "\(mark)PAGE\(mark)", "pages": "\(mark)NUMPAGES\(mark)"])
    let pieces = sentence.components(separatedBy: mark)
    let content: [XMLText.Element] = pieces.indices.compactMap { i in
      if i % 2 == 1 { return field(pieces[i]) }
      return pieces[i].isEmpty ? nil : text(pieces[i])
    }
    let root = element(
      "w:ftr", [],
      [element("w:p", [:], [element("w:pPr", [:], [element("w:pStyle", ["w:val": "Footer"])])] + content)])
    root.addNamespace(namespace("w", wordNamespace))
    root.addNamespace(namespace("r", relationshipNamespace))
    return root
  }

  // MARK: XML

  static func element(
    _ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ children: [XMLText.Element] = []
  )
    -> XMLText.Element
  {
    element(name, attributes.map { ($0.key, $0.value) }, children)
  }

  static func element(_ name: String, _ attributes: [(String, String)], _ children: [XMLText.Element] = [])
    -> XMLText.Element
  {
    XMLText.Element(name, attributes: attributes, children: children)
  }

  static func textElement(_ name: String, _ attributes: KeyValuePairs<String, String>, _ text: String)
    -> XMLText.Element
  {
    let node = element(name, attributes)
    node.text = text
    return node
  }

  static func namespace(_ prefix: String, _ uri: String) -> (String, String) {
    (prefix.isEmpty ? "xmlns" : "xmlns:\(prefix)", uri)
  }
}

/// The document's language as Word tags it.
struct WordLanguage {
  var isChinese: Bool
  /// For dc:language.
  var tag: String
  /// For w:lang w:val (the Latin-script language).
  var latinTag: String
  /// The language of the fixed words (the page footer): a Chinese document of any script
  /// prints them as its templates do, in Simplified Chinese.
  var wordsLanguage: String { isChinese ? "zh-Hans" : "en" }

  init(_ bcp47: String) {
    let lower = bcp47.lowercased()
    if lower.hasPrefix("zh") {
      isChinese = true
      tag = lower.contains("hant") || lower.hasSuffix("-tw") || lower.hasSuffix("-hk") ? "zh-TW" : "zh-CN"
      latinTag = "en-US"
    } else {
      isChinese = false
      tag = lower.hasPrefix("en") ? "en-US" : (bcp47.isEmpty ? "en-US" : bcp47)
      latinTag = tag
    }
  }
}
