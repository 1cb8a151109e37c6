import Foundation
import RedressDocuments
import Testing

/// An independent reading of HTML (ours, or GitHub's cmark-gfm rendering of our Markdown) back
/// into blocks and runs, by Python's own `html.parser`, to compare with the document model.
enum HTMLStructure {
  struct Run: Decodable, Equatable {
    var kind: String  // "t" text, "b" bold, "br" line break
    var text: String

    init(kind: String, text: String) {
      self.kind = kind
      self.text = text
    }

    init(from decoder: Decoder) throws {
      var container = try decoder.unkeyedContainer()
      kind = try container.decode(String.self)
      text = try container.decode(String.self)
    }
  }

  struct ParsedBlock: Decodable {
    var kind: String
    var level: Int?
    var align: String?
    var ordered: Bool?
    var start: Int?
    var runs: [Run]?
    var items: [[Run]]?
    var rows: [[[Run]]]?
  }

  struct ParsedDocument: Decodable {
    var blocks: [ParsedBlock]
    var unexpected: [String]
    var title: String?
    var lang: String?
    var scriptElements: Int
  }

  static let script = #"""
    import json, sys
    from html.parser import HTMLParser

    BLOCK_TAGS = {'h1', 'h2', 'h3', 'p', 'ol', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td'}
    KNOWN = BLOCK_TAGS | {'strong', 'br', 'html', 'head', 'body', 'main', 'meta', 'title', 'style', 'div'}

    class Reader(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.blocks, self.unexpected = [], []
            self.runs = None
            self.list = self.table = self.row = None
            self.strong = 0
            self.title = None
            self.in_title = self.in_style = False
            self.lang = None
            self.scripts = 0
        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == 'script':
                self.scripts += 1
            if tag not in KNOWN:
                self.unexpected.append(tag)
            if tag == 'html':
                self.lang = a.get('lang')
            elif tag == 'title':
                self.in_title = True
                self.title = ''
            elif tag == 'style':
                self.in_style = True
            elif tag in ('h1', 'h2', 'h3', 'p'):
                if self.list is not None or self.table is not None:
                    return  # a paragraph inside a list item or cell: its runs belong to it
                self.runs = []
                block = {'kind': 'paragraph' if tag == 'p' else 'heading', 'runs': self.runs}
                if tag != 'p':
                    block['level'] = int(tag[1])
                block['align'] = a.get('class')
                self.blocks.append(block)
            elif tag in ('ol', 'ul'):
                self.runs = None
                self.list = {'kind': 'list', 'ordered': tag == 'ol', 'start': int(a.get('start', '1')), 'items': []}
                self.blocks.append(self.list)
            elif tag == 'li':
                self.runs = []
                self.list['items'].append(self.runs)
            elif tag == 'table':
                self.runs = None
                self.table = {'kind': 'table', 'rows': []}
                self.blocks.append(self.table)
            elif tag == 'tr':
                self.runs = None
                self.row = []
                self.table['rows'].append(self.row)
            elif tag in ('th', 'td'):
                self.runs = []
                self.row.append(self.runs)
            elif tag == 'strong':
                self.strong += 1
            elif tag == 'br':
                if self.runs is not None:
                    self.runs.append(['br', ''])
        def handle_startendtag(self, tag, attrs):
            self.handle_starttag(tag, attrs)
        def handle_endtag(self, tag):
            if tag == 'title':
                self.in_title = False
            elif tag == 'style':
                self.in_style = False
            elif tag == 'strong':
                self.strong -= 1
            elif tag in ('ol', 'ul'):
                self.list = None
                self.runs = None
            elif tag == 'table':
                self.table = None
                self.runs = None
            elif tag in ('h1', 'h2', 'h3', 'th', 'td', 'li') or (tag == 'p' and self.list is None):
                self.runs = None
        def handle_data(self, data):
            if self.in_title:
                self.title += data
            elif self.runs is not None and not self.in_style:
                kind = 'b' if self.strong > 0 else 't'
                if self.runs and self.runs[-1][0] == kind:
                    self.runs[-1][1] += data
                else:
                    self.runs.append([kind, data])

    def read(html):
        r = Reader()
        r.feed(html)
        r.close()
        return {'blocks': r.blocks, 'unexpected': r.unexpected, 'title': r.title, 'lang': r.lang,
                'scriptElements': r.scripts}

    request = json.load(open(sys.argv[1], encoding='utf-8'))
    out = []
    for source in request['documents']:
        if request['mode'] == 'markdown':
            import cmarkgfm
            from cmarkgfm.cmark import Options
            source = cmarkgfm.github_flavored_markdown_to_html(source, options=Options.CMARK_OPT_UNSAFE)
        out.append(read(source))
    print(json.dumps(out, ensure_ascii=False))
    """#

  /// Reads each document (HTML, or Markdown rendered by cmark-gfm first) back into blocks.
  static func read(_ documents: [String], markdown: Bool) throws -> [ParsedDocument]? {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let request = folder.appendingPathComponent("request.json")
    let payload: [String: Any] = ["mode": markdown ? "markdown" : "html", "documents": documents]
    try JSONSerialization.data(withJSONObject: payload).write(to: request)
    guard let output = Python.run(script, arguments: [request.path]) else { return nil }
    return try JSONDecoder().decode([ParsedDocument].self, from: Data(output.utf8))
  }

  /// Runs of the model, in the same shape; a newline inside a text run is a line break, as
  /// every writer treats it.
  static func runs(_ inlines: [Inline]) -> [Run] {
    var pieces: [Run] = []
    for inline in inlines {
      switch inline {
      case .text(let s), .strong(let s):
        let kind: String
        if case .strong = inline { kind = "b" } else { kind = "t" }
        for (offset, line) in s.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
          if offset > 0 { pieces.append(Run(kind: "br", text: "")) }
          pieces.append(Run(kind: kind, text: String(line)))
        }
      case .lineBreak:
        pieces.append(Run(kind: "br", text: ""))
      }
    }
    var result: [Run] = []
    for run in pieces {
      if let last = result.last, last.kind == run.kind, run.kind != "br" {
        result[result.count - 1].text += run.text
      } else if !(run.kind != "br" && run.text.isEmpty) {
        result.append(run)
      }
    }
    return result
  }

  /// What a reader of the rendered page sees, whitespace aside: the visible characters with
  /// line breaks (but none at the edges), and separately the characters shown bold.
  static func visible(_ runs: [Run]) -> (text: String, bold: String) {
    var text = ""
    var bold = ""
    for run in runs {
      switch run.kind {
      case "br":
        text += "\n"
      default:
        let visible = run.text.filter { !$0.isWhitespace }
        text += visible
        if run.kind == "b" { bold += visible }
      }
    }
    while text.first == "\n" { text.removeFirst() }
    while text.last == "\n" { text.removeLast() }
    return (text, bold)
  }
}
