import Foundation
import RedressCore

/// One self-contained HTML file: UTF-8, the document's language on `<html lang>`, a viewport
/// for phones, and embedded CSS that prints on A4 with page margins in a serif face (Song for
/// Chinese). No script, no external resource. Every piece of text is escaped (`& < > " '`), so
/// user text such as `<script>` or `]]>` shows literally.
public enum HTMLWriter: DocumentWriter {
  public static func render(_ doc: DocumentModel) throws -> Data {
    let language = languageTag(doc.language)
    var body: [String] = []
    for block in doc.writableBlocks {
      switch block {
      case .heading(let level, let inlines):
        body.append("<h\(level)>\(html(inlines))</h\(level)>")
      case .paragraph(let inlines, let align):
        let attribute = align == .left ? "" : " class=\"\(align.rawValue)\""
        body.append("<p\(attribute)>\(html(inlines))</p>")
      case .list(let ordered, let start, let items):
        let tag = ordered ? "ol" : "ul"
        let startAttribute = ordered && start != 1 ? " start=\"\(start)\"" : ""
        body.append("<\(tag)\(startAttribute)>")
        body += items.map { "<li>\(html($0))</li>" }
        body.append("</\(tag)>")
      case .table(let header, let rows):
        // Columns of short entries (编号, 证据名称) do not wrap, so that the long ones take the
        // width rather than squeezing them to a character per line on a phone.
        let short = (0..<header.count).map { column in
          ([header] + rows).allSatisfy { row in
            row[column].lines.allSatisfy { DisplayWidth.of($0.plainText) <= 12 }
          }
        }
        func cells(_ row: [[Inline]], tag: String) -> String {
          zip(row, short).map { cell, isShort in
            "<\(tag)\(isShort ? " class=\"short\"" : "")>\(html(cell))</\(tag)>"
          }.joined()
        }
        body.append("<div class=\"table\"><table>")
        body.append("<thead><tr>" + cells(header, tag: "th") + "</tr></thead>")
        body.append("<tbody>")
        body += rows.map { "<tr>" + cells($0, tag: "td") + "</tr>" }
        body.append("</tbody></table></div>")
      }
    }
    let page = """
      <!DOCTYPE html>
      <html lang="\(escape(language))">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escape(doc.title.asOneLine))</title>
      <style>
      \(css(chinese: language.lowercased().hasPrefix("zh")))</style>
      </head>
      <body>
      <main>
      \(body.joined(separator: "\n"))
      </main>
      </body>
      </html>

      """
    return Data(page.utf8)
  }

  /// The document's language as an attribute value: a BCP 47 tag, else `und`.
  static func languageTag(_ language: String) -> String {
    let allowed = language.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    return !language.isEmpty && allowed ? language : "und"
  }

  static func html(_ inlines: [Inline]) -> String {
    inlines.map { inline in
      switch inline {
      case .text(let s): return escape(s)
      case .strong(let s): return "<strong>\(escape(s))</strong>"
      case .lineBreak: return "<br>"
      }
    }.joined()
  }

  /// Text and attribute values escaped for HTML.
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  static func css(chinese: Bool) -> String {
    let serif =
      chinese
      ? "\"Songti SC\", \"STSong\", \"SimSun\", \"宋体\", \"Noto Serif CJK SC\", \"Source Han Serif SC\", "
        + "\"Noto Serif SC\", \"Times New Roman\", serif"
      : "\"Times New Roman\", Times, \"Noto Serif\", \"Songti SC\", \"SimSun\", \"Noto Serif CJK SC\", serif"
    return """
      @page { size: A4; margin: 25mm 25mm 22mm 25mm; }
      html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
      body { margin: 0; padding: 1.25rem; background: #fff; color: #111;
        font-family: \(serif);
        font-size: 16px; line-height: 1.8; overflow-wrap: break-word; }
      main { max-width: 42em; margin: 0 auto; }
      h1 { font-size: 1.6em; text-align: center; letter-spacing: 0.08em; margin: 0.4em 0 1em; }
      h2 { font-size: 1.2em; margin: 1.4em 0 0.5em; }
      h3 { font-size: 1.05em; margin: 1.1em 0 0.4em; }
      p { margin: 0 0 0.7em; }
      p.right { text-align: right; }
      p.center { text-align: center; }
      ol, ul { margin: 0 0 0.7em; padding-left: 2em; }
      li { margin: 0.15em 0; }
      .table { overflow-x: auto; margin: 0.4em 0 1em; }
      table { border-collapse: collapse; width: 100%; }
      th, td { border: 1px solid #333; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
      th { background: #eee; font-weight: bold; }
      th.short, td.short { white-space: nowrap; }
      @media (max-width: 600px) {
        body { padding: 0.8rem; font-size: 15px; }
        th, td { padding: 0.25em 0.35em; }
      }
      @media print {
        body { padding: 0; font-size: 12pt; line-height: 1.7; }
        main { max-width: none; }
        .table { overflow: visible; }
        thead { display: table-header-group; }
        tr, li { break-inside: avoid; }
        h1, h2, h3 { break-after: avoid; }
      }

      """
  }
}
