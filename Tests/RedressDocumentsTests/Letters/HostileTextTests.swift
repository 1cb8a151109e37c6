import Foundation
import RedressCore
import RedressTestSupport
import Testing
import ZIPFoundation

@testable import RedressDocuments

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// User text that looks like markup, a template tag, XML or a table comes out literally in
/// every format: it is escaped for the Markdown subset before it reaches the template, and
/// the template's output is never rendered a second time.
@Suite struct HostileTextTests {
  static let hostile = "<script>alert(\"x\")</script> & {{complainant.name}} ]]> 'q' **b** | c\\d"

  static func hostileCase() throws -> CaseFile {
    var c = try LoadedCase.load(contentsOf: Fixtures.washerCase).caseFile
    c.complainant?.name = "王" + hostile
    c.respondent?.name = "某某公司" + hostile
    c.damage?.description = "漏水。" + hostile + "\n第二行 # 1. - -> x <-"
    c.negotiation?.attempts[0].summary = hostile
    c.claims[0].note = hostile
    c.evidence[0].title = "发票" + hostile
    c.evidence[0].proves = hostile
    return c
  }

  static func letter() throws -> DocumentModel {
    let documents = try CaseDocuments(
      caseFile: try hostileCase(), findings: [], today: CalendarDate(iso: "2026-11-22")!,
      templates: Fixtures.repositoryRoot.appendingPathComponent("templates"))
    return try documents.letter()
  }

  /// Every occurrence of user text in the model is the literal text (no markup survived).
  @Test func theModelHoldsTheTextLiterally() throws {
    let model = try Self.letter()
    var texts: [String] = []
    for block in model.blocks {
      switch block {
      case .heading(_, let inlines), .paragraph(let inlines, _): texts.append(inlines.plainText)
      case .list(_, _, let items): texts += items.map(\.plainText)
      case .table(let header, let rows): texts += (header + rows.flatMap { $0 }).map(\.plainText)
      }
    }
    let all = texts.joined(separator: "\n")
    #expect(all.components(separatedBy: Self.hostile).count - 1 >= 5)
    #expect(all.contains("第二行 # 1. - -> x <-"))
    // The tag in the user's text was not substituted.
    #expect(!all.contains("王王"))
    // No user text became bold.
    for block in model.blocks {
      if case .paragraph(let inlines, _) = block {
        for inline in inlines {
          if case .strong(let s) = inline { #expect(!s.contains("script") && s != "b") }
        }
      }
    }
  }

  @Test func textAndMarkdownAreLiteral() throws {
    let model = try Self.letter()
    // The text writer wraps lines: compare without whitespace.
    let txt = String(decoding: try DocumentFormat.txt.render(model), as: UTF8.self)
    #expect(txt.filter { !$0.isWhitespace }.contains(Self.hostile.filter { !$0.isWhitespace }))
    // The Markdown file (CommonMark) escapes every character a renderer would read as
    // markup: no raw tag survives, and removing the backslash escapes gives the text back.
    let md = String(decoding: try DocumentFormat.md.render(model), as: UTF8.self)
    #expect(!md.contains("<script>"))
    #expect(!md.contains("**b**"))
    var unescaped = ""
    var pending = false
    for c in md {
      if pending {
        if !(c.isASCII && c.isPunctuation || c.isASCII && c.isSymbol) { unescaped.append("\\") }
        unescaped.append(c)
        pending = false
      } else if c == "\\" {
        pending = true
      } else {
        unescaped.append(c)
      }
    }
    #expect(unescaped.filter { !$0.isWhitespace }.contains(Self.hostile.filter { !$0.isWhitespace }))
  }

  @Test func htmlEscapesEverything() throws {
    let html = String(decoding: try DocumentFormat.html.render(try Self.letter()), as: UTF8.self)
    #expect(!html.contains("<script>"))
    #expect(html.contains("&lt;script&gt;"))
    #expect(html.contains("{{complainant.name}}"))
    #expect(html.contains("]]&gt;"))
  }

  @Test func docxHoldsTheTextLiterally() throws {
    let data = try DocumentFormat.docx.render(try Self.letter())
    let archive = try Archive(data: data, accessMode: .read)
    let entry = try #require(archive["word/document.xml"])
    var xml = Data()
    _ = try archive.extract(entry) { xml.append($0) }
    let document = try XMLDocument(data: xml)
    let text = try #require(document.rootElement()?.stringValue)
    #expect(text.contains(Self.hostile))
    #expect(text.contains("王" + Self.hostile))
  }

  @Test func pdfTextIsLiteral() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let pdf = folder.appendingPathComponent("letter.pdf")
    try DocumentFormat.pdf.render(try Self.letter()).write(to: pdf)
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else {
      if ProcessInfo.processInfo.environment["CI"] == "true" {
        Issue.record("pdftotext is missing (make test-deps)")
      }
      return
    }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
    p.arguments = ["-enc", "UTF-8", pdf.path, "-"]
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    let squeezed = out.filter { !$0.isWhitespace }
    #expect(squeezed.contains(Self.hostile.filter { !$0.isWhitespace }))
  }
}
