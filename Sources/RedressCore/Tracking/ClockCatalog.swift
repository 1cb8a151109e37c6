import Foundation
import Yams

/// The clocks of one jurisdiction, read from `legal/<jurisdiction>/clocks.yaml`: for each venue,
/// what starts a clock, how long it runs, on which calendar, what stops it, its citations, and
/// which routes to offer once it has run out (消法 Art. 39).
public struct ClockCatalog: Sendable {
  public var jurisdiction: String
  /// The holiday calendar the clocks count on (`legal/calendars/<calendar>/`).
  public var calendar: String
  /// How each unit counts, with its legal basis (shown beside a computed deadline).
  public var counting: [DeadlineUnit: CountingRule]
  public var clocks: [ClockDefinition]
  public var routes: [String: Route]
  /// The file it was read from, as shown in messages.
  public var file: String

  public init(
    jurisdiction: String, calendar: String, counting: [DeadlineUnit: CountingRule],
    clocks: [ClockDefinition], routes: [String: Route], file: String
  ) {
    self.jurisdiction = jurisdiction
    self.calendar = calendar
    self.counting = counting
    self.clocks = clocks
    self.routes = routes
    self.file = file
  }

  /// The clocks of a venue, in file order.
  public func clocks(for venue: Venue) -> [ClockDefinition] { clocks.filter { $0.venue == venue } }
}

extension ClockCatalog {
  /// Text in the interface languages, keyed `zh-Hans`, `zh-Hant`, `en`.
  public struct Text: Hashable, Sendable {
    public var values: [String: String]
    public init(_ values: [String: String]) { self.values = values }

    /// The text in `language`, else Simplified Chinese, else English.
    public func text(in language: String) -> String {
      values[language] ?? values["zh-Hans"] ?? values["en"] ?? ""
    }
  }

  /// How a unit of time is counted, and on what authority.
  public struct CountingRule: Hashable, Sendable {
    public var text: Text
    public var citations: [Citation]
    public init(text: Text, citations: [Citation]) {
      self.text = text
      self.citations = citations
    }
  }

  /// A route a consumer can take next (消法 Art. 39), with its basis.
  public struct Route: Hashable, Sendable {
    public var id: String
    public var text: Text
    public var citations: [Citation]
    public init(id: String, text: Text, citations: [Citation]) {
      self.id = id
      self.text = text
      self.citations = citations
    }
  }
}

/// What starts a clock.
public enum ClockStart: String, CaseEnum {
  case filedOn = "filed-on"
  case acceptedOn = "accepted-on"
  case acceptedOnElseFiledOn = "accepted-on-else-filed-on"

  public func date(in filing: Filing?) -> CalendarDate? {
    switch self {
    case .filedOn: return filing?.filedOn
    case .acceptedOn: return filing?.acceptedOn
    case .acceptedOnElseFiledOn: return filing?.acceptedOn ?? filing?.filedOn
    }
  }
}

/// What stops a clock: a logged event, or the acceptance being recorded.
public enum ClockCloser: String, CaseEnum {
  case response, closed, accepted
}

/// One clock of a venue.
public struct ClockDefinition: Hashable, Sendable {
  /// `cn.cca.response-window`; with the case id it makes a calendar entry's stable UID.
  public var id: String
  public var venue: Venue
  public var name: ClockCatalog.Text
  public var starts: ClockStart
  public var length: Int
  public var unit: DeadlineUnit
  public var closedBy: [ClockCloser]
  /// True when the length is office practice, not law: outputs call it a practice window.
  public var practice: Bool
  public var explanation: ClockCatalog.Text
  public var citations: [Citation]
  /// Ids of the routes to offer once the clock has run out.
  public var whenOverdue: [String]

  public init(
    id: String, venue: Venue, name: ClockCatalog.Text, starts: ClockStart, length: Int, unit: DeadlineUnit,
    closedBy: [ClockCloser], practice: Bool, explanation: ClockCatalog.Text, citations: [Citation],
    whenOverdue: [String]
  ) {
    self.id = id
    self.venue = venue
    self.name = name
    self.starts = starts
    self.length = length
    self.unit = unit
    self.closedBy = closedBy
    self.practice = practice
    self.explanation = explanation
    self.citations = citations
    self.whenOverdue = whenOverdue
  }
}

/// Reads `legal/<jurisdiction>/clocks.yaml`, reporting every problem with file, line and column.
public enum ClockCatalogLoader {
  public static let schema = 1
  static let languages = ["zh-Hans", "zh-Hant", "en"]

  /// Loads the clocks of `jurisdiction` from the `legal/` folder.
  public static func load(jurisdiction: String, legal: URL) throws -> ClockCatalog {
    let url = legal.appendingPathComponent("\(jurisdiction)/clocks.yaml")
    let display = "legal/\(jurisdiction)/clocks.yaml"
    let node = try YAMLDocumentLoader.load(contentsOf: url, displayName: display)
    let traditional = try TraditionalTexts.load(directory: url.deletingLastPathComponent())
    return try read(node, file: display, traditional: traditional)
  }

  /// `traditional` gives the zh-Hant of a text that has none of its own (the pack's generated
  /// `zh-Hant.yaml`).
  public static func read(data: Data, file: String, traditional: TraditionalTexts = .empty) throws
    -> ClockCatalog
  {
    try read(try YAMLDocumentLoader.load(data: data, file: file), file: file, traditional: traditional)
  }

  static func read(_ root: Node, file: String, traditional: TraditionalTexts = .empty) throws -> ClockCatalog
  {
    let r = YAMLNodeReader(file: file, nodeBudget: 100_000)
    guard
      let top = r.mapping(
        root, path: "", allowed: ["schema", "jurisdiction", "calendar", "counting", "clocks", "routes"])
    else { throw DiagnosticsError(r.diagnostics) }
    func need(_ key: String, _ map: [String: Node], _ parent: Node, _ path: String) -> Node? {
      if let n = map[key], !YAMLNodeReader.isNull(n) { return n }
      r.error(
        "required key '\(key)' is missing", at: map[key] ?? parent,
        path: path.isEmpty ? key : "\(path).\(key)")
      return nil
    }
    if let n = need("schema", top, root, ""), let s = r.integer(n, path: "schema", range: 1...Int.max),
      s != schema
    {
      r.error(
        "schema \(s) is newer than this redress reads (\(schema)); update redress", at: n, path: "schema")
    }
    let jurisdiction = need("jurisdiction", top, root, "").flatMap { r.string($0, path: "jurisdiction") }
    let calendar = need("calendar", top, root, "").flatMap { r.string($0, path: "calendar") }

    var counting: [DeadlineUnit: ClockCatalog.CountingRule] = [:]
    if let n = need("counting", top, root, ""),
      let map = r.mapping(n, path: "counting", allowed: DeadlineUnit.allowedWords)
    {
      for unit in DeadlineUnit.allCases {
        let path = "counting.\(unit.rawValue)"
        guard let ruleNode = need(unit.rawValue, map, n, "counting"),
          let m = r.mapping(ruleNode, path: path, allowed: languages + ["citations"])
        else { continue }
        let text = localized(m, parent: ruleNode, path: path, reader: r, traditional: traditional)
        let citations = m["citations"].map { readCitations($0, path: "\(path).citations", reader: r) } ?? []
        counting[unit] = ClockCatalog.CountingRule(text: text, citations: citations)
      }
    }

    var routes: [String: ClockCatalog.Route] = [:]
    var routeOrder: [String] = []
    if let n = need("routes", top, root, ""), let list = r.sequence(n, path: "routes") {
      for (i, item) in list.enumerated() {
        let path = "routes[\(i)]"
        guard let m = r.mapping(item, path: path, allowed: ["id"] + languages + ["citations"]) else {
          continue
        }
        guard let id = need("id", m, item, path).flatMap({ r.string($0, path: "\(path).id") }) else {
          continue
        }
        if routes[id] != nil {
          r.error("route id '\(id)' appears twice", at: m["id"], path: "\(path).id")
          continue
        }
        let text = localized(m, parent: item, path: path, reader: r, traditional: traditional)
        let citations = m["citations"].map { readCitations($0, path: "\(path).citations", reader: r) } ?? []
        routes[id] = ClockCatalog.Route(id: id, text: text, citations: citations)
        routeOrder.append(id)
      }
    }

    var clocks: [ClockDefinition] = []
    if let n = need("clocks", top, root, ""), let list = r.sequence(n, path: "clocks") {
      var seen: Set<String> = []
      for (i, item) in list.enumerated() {
        let path = "clocks[\(i)]"
        guard
          let m = r.mapping(
            item, path: path,
            allowed: [
              "id", "venue", "name", "starts", "length", "unit", "closed_by", "practice", "explanation",
              "citations", "when_overdue",
            ])
        else { continue }
        let id = need("id", m, item, path).flatMap { r.string($0, path: "\(path).id") }
        if let id, !seen.insert(id).inserted {
          r.error("clock id '\(id)' appears twice", at: m["id"], path: "\(path).id")
        }
        let venue: Venue? = need("venue", m, item, path).flatMap { r.enumeration($0, path: "\(path).venue") }
        let name = need("name", m, item, path).flatMap { n in
          r.mapping(n, path: "\(path).name", allowed: languages).map {
            localized($0, parent: n, path: "\(path).name", reader: r, traditional: traditional)
          }
        }
        let starts: ClockStart? = need("starts", m, item, path).flatMap {
          r.enumeration($0, path: "\(path).starts")
        }
        let length = need("length", m, item, path).flatMap {
          r.integer($0, path: "\(path).length", range: 1...DeadlineCalculator.maximumLength)
        }
        let unit: DeadlineUnit? = need("unit", m, item, path).flatMap {
          r.enumeration($0, path: "\(path).unit")
        }
        var closedBy: [ClockCloser] = []
        if let n = need("closed_by", m, item, path), let l = r.sequence(n, path: "\(path).closed_by") {
          for (j, c) in l.enumerated() {
            if let v: ClockCloser = r.enumeration(c, path: "\(path).closed_by[\(j)]") { closedBy.append(v) }
          }
          if l.isEmpty {
            r.error("a clock needs at least one event that closes it", at: n, path: "\(path).closed_by")
          }
        }
        let practice = need("practice", m, item, path).flatMap { r.bool($0, path: "\(path).practice") }
        let explanation = need("explanation", m, item, path).flatMap { n in
          r.mapping(n, path: "\(path).explanation", allowed: languages).map {
            localized($0, parent: n, path: "\(path).explanation", reader: r, traditional: traditional)
          }
        }
        var citations: [Citation] = []
        if let n = need("citations", m, item, path) {
          citations = readCitations(n, path: "\(path).citations", reader: r)
          if citations.isEmpty {
            r.error("a clock needs at least one citation", at: n, path: "\(path).citations")
          }
        }
        var overdue: [String] = []
        if let n = m["when_overdue"], let l = r.sequence(n, path: "\(path).when_overdue") {
          for (j, c) in l.enumerated() {
            let p = "\(path).when_overdue[\(j)]"
            guard let route = r.string(c, path: p) else { continue }
            if routes[route] == nil {
              var message = "no route '\(route)' under 'routes'"
              if let near = YAMLNodeReader.nearest(route, in: routeOrder) {
                message += "; did you mean '\(near)'?"
              }
              r.error(message, at: c, path: p)
            }
            overdue.append(route)
          }
        }
        if let id, let venue, let name, let starts, let length, let unit, let practice, let explanation {
          clocks.append(
            ClockDefinition(
              id: id, venue: venue, name: name, starts: starts, length: length, unit: unit,
              closedBy: closedBy,
              practice: practice, explanation: explanation, citations: citations, whenOverdue: overdue))
        }
      }
    }
    if r.hasErrors { throw DiagnosticsError(r.diagnostics) }
    return ClockCatalog(
      jurisdiction: jurisdiction ?? "", calendar: calendar ?? "", counting: counting, clocks: clocks,
      routes: routes, file: file)
  }

  /// The `zh-Hans`, `zh-Hant` and `en` texts of a mapping; Simplified Chinese and English are
  /// required; Traditional Chinese, when not given, is the generated form of the Simplified
  /// (`traditional`), and is missing only when that table is not current.
  private static func localized(
    _ map: [String: Node], parent: Node, path: String, reader r: YAMLNodeReader,
    traditional: TraditionalTexts
  ) -> ClockCatalog.Text {
    var values: [String: String] = [:]
    for language in languages {
      let key = path.isEmpty ? language : "\(path).\(language)"
      if let n = map[language], let s = r.string(n, path: key), !s.isEmpty {
        values[language] = s
      } else if language != "zh-Hant" {
        r.error("required key '\(language)' is missing", at: map[language] ?? parent, path: key)
      }
    }
    if values["zh-Hant"] == nil, let hans = values["zh-Hans"], let hant = traditional[hans] {
      values["zh-Hant"] = hant
    }
    return ClockCatalog.Text(values)
  }

  static func readCitations(_ node: Node, path: String, reader r: YAMLNodeReader) -> [Citation] {
    guard let list = r.sequence(node, path: path) else { return [] }
    var result: [Citation] = []
    for (i, item) in list.enumerated() {
      let p = "\(path)[\(i)]"
      guard let m = r.mapping(item, path: p, allowed: ["source", "article", "confidence"]) else { continue }
      func need(_ key: String) -> Node? {
        if let n = m[key], !YAMLNodeReader.isNull(n) { return n }
        r.error("required key '\(key)' is missing", at: m[key] ?? item, path: "\(p).\(key)")
        return nil
      }
      let source = need("source").flatMap { r.string($0, path: "\(p).source") }
      let article = need("article").flatMap { r.string($0, path: "\(p).article") }
      let confidence: CitationConfidence? = need("confidence").flatMap {
        r.enumeration($0, path: "\(p).confidence")
      }
      if let source, let article, let confidence {
        result.append(Citation(source: source, article: article, confidence: confidence))
      }
    }
    return result
  }
}
