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
  /// Per venue, the routes to offer once its clock has run out and once the case has ended
  /// (`refused`, `withdrawn`, `closed`) with no settlement recorded.
  public var nextRoutes: [Venue: NextRoutes]
  /// The file it was read from, as shown in messages.
  public var file: String

  public init(
    jurisdiction: String, calendar: String, counting: [DeadlineUnit: CountingRule],
    clocks: [ClockDefinition], routes: [String: Route], nextRoutes: [Venue: NextRoutes] = [:], file: String
  ) {
    self.jurisdiction = jurisdiction
    self.calendar = calendar
    self.counting = counting
    self.clocks = clocks
    self.routes = routes
    self.nextRoutes = nextRoutes
    self.file = file
  }

  /// The routes of a venue for each situation, in file order.
  public struct NextRoutes: Hashable, Sendable {
    public var overdue: [Route]
    public var ended: [Route]
    public init(overdue: [Route], ended: [Route]) {
      self.overdue = overdue
      self.ended = ended
    }
  }

  /// The clocks of a venue, in file order: its general clocks and, for a case whose `region`
  /// has region clocks of the venue, those, in place of the general clocks they replace.
  public func clocks(for venue: Venue, region: String? = nil) -> [ClockDefinition] {
    let all = clocks.filter { $0.venue == venue }
    let regional = all.contains { $0.applies(to: region) && $0.region != nil }
    return all.filter { d in
      if d.region != nil { return d.applies(to: region) }
      return !(regional && d.replacedByRegion)
    }
  }

  /// The routes to offer a case of `venue` in `state`: once overdue, the venue's `overdue`
  /// routes; once ended by `refused`, `withdrawn` or `closed` with no settlement recorded, its
  /// `ended` routes; otherwise none.
  public func routes(venue: Venue, state: CaseState, ended: FilingEventKind?, settled: Bool) -> [Route] {
    switch state {
    case .overdue: return nextRoutes[venue]?.overdue ?? []
    case .closed: return ended != nil && !settled ? nextRoutes[venue]?.ended ?? [] : []
    default: return []
    }
  }
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
  case response, mediation, closed, refused, withdrawn, accepted

  /// The event kind that closes, nil for `accepted` (a date of the filing, not an event).
  public var eventKind: FilingEventKind? {
    switch self {
    case .response: return .response
    case .mediation: return .mediation
    case .closed: return .closed
    case .refused: return .refused
    case .withdrawn: return .withdrawn
    case .accepted: return nil
    }
  }

  /// The events that end a case: every clock closes with them (`rules.md`).
  public static let endOfCase: [ClockCloser] = [.closed, .refused, .withdrawn]
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
  /// A GB/T 2260 prefix (`33` 浙江): the clock runs only for cases whose `region` starts with
  /// it. Nil for a clock of the whole jurisdiction.
  public var region: String?
  /// True for a general clock that a region clock of its venue replaces.
  public var replacedByRegion: Bool
  /// True when appraisal time is not counted (`appraisal-start` … `appraisal-end`).
  public var appraisalPauses: Bool
  /// What else a reader must know (an extension the program does not model).
  public var note: ClockCatalog.Text?

  public init(
    id: String, venue: Venue, name: ClockCatalog.Text, starts: ClockStart, length: Int, unit: DeadlineUnit,
    closedBy: [ClockCloser], practice: Bool, explanation: ClockCatalog.Text, citations: [Citation],
    region: String? = nil, replacedByRegion: Bool = false, appraisalPauses: Bool = false,
    note: ClockCatalog.Text? = nil
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
    self.region = region
    self.replacedByRegion = replacedByRegion
    self.appraisalPauses = appraisalPauses
    self.note = note
  }

  /// Whether the clock runs for a case of `region` (always, for a clock of no region).
  public func applies(to region: String?) -> Bool {
    guard let prefix = self.region else { return true }
    return region?.hasPrefix(prefix) ?? false
  }

  /// Whether a letter may say that a legal deadline has passed when this clock runs out: not
  /// for practice, nor for a clock whose every citation is at confidence practice.
  public var isLegalDeadline: Bool {
    !practice && citations.contains { $0.confidence != .practice }
  }
}

/// Reads `legal/<jurisdiction>/clocks.yaml`, reporting every problem with file, line and column.
/// Its citations name sources of the pack's registry (`sources:` in `pack.yaml`).
public enum ClockCatalogLoader {
  public static let schema = 2
  /// Schema 1 gave one list of routes for every venue.
  static let schemaVersion = SchemaVersion(
    current: schema, oldest: 2, olderAdvice: "routes are given per venue under next_routes")
  static let languages = LocalizedTextReader.languages

  /// Loads the clocks of `jurisdiction` from the `legal/` folder. `traditional` reads the
  /// pack's zh-Hant table for the texts without a `zh-Hant` of their own: a command that
  /// prints nothing in zh-Hant passes false and does not read it (it is the largest file
  /// of the pack).
  public static func load(jurisdiction: String, legal: URL, traditional readTraditional: Bool = true) throws
    -> ClockCatalog
  {
    let url = legal.appendingPathComponent("\(jurisdiction)/clocks.yaml")
    let display = "legal/\(jurisdiction)/clocks.yaml"
    let node = try YAMLDocumentLoader.load(contentsOf: url, displayName: display)
    let traditional =
      readTraditional ? try TraditionalTexts.load(directory: url.deletingLastPathComponent()) : .empty
    let sources = try loadSources(jurisdiction: jurisdiction, legal: legal, traditional: traditional)
    return try read(node, file: display, sources: sources, traditional: traditional)
  }

  /// The source registry of a jurisdiction (`sources:` in `legal/<jurisdiction>/pack.yaml`).
  public static func loadSources(
    jurisdiction: String, legal: URL, traditional: TraditionalTexts? = nil
  ) throws -> [String: RulePack.Source] {
    let display = "legal/\(jurisdiction)/pack.yaml"
    let root = try YAMLDocumentLoader.load(
      contentsOf: legal.appendingPathComponent("\(jurisdiction)/pack.yaml"), displayName: display,
      resolver: .basic)
    let r = YAMLNodeReader(file: display)
    guard case .mapping(let map) = root else {
      r.error("expected a mapping", at: root, path: "")
      throw DiagnosticsError(r.diagnostics)
    }
    let node = map.first { $0.key.scalar?.string == "sources" }?.value
    let sources = SourceRegistry.parse(node, parent: root, reader: r, traditional: traditional)
    if r.hasErrors { throw DiagnosticsError(r.diagnostics) }
    return sources
  }

  /// `traditional` gives the zh-Hant of a text that has none of its own (the pack's generated
  /// `zh-Hant.yaml`).
  public static func read(
    data: Data, file: String, sources: [String: RulePack.Source], traditional: TraditionalTexts = .empty
  ) throws -> ClockCatalog {
    try read(
      try YAMLDocumentLoader.load(data: data, file: file), file: file, sources: sources,
      traditional: traditional)
  }

  static func read(
    _ root: Node, file: String, sources: [String: RulePack.Source], traditional: TraditionalTexts = .empty
  ) throws -> ClockCatalog {
    let r = YAMLNodeReader(file: file, nodeBudget: 100_000)
    guard
      let top = r.mapping(
        root, path: "",
        allowed: ["schema", "jurisdiction", "calendar", "counting", "clocks", "routes", "next_routes"])
    else { throw DiagnosticsError(r.diagnostics) }
    func need(_ key: String, _ map: [String: Node], _ parent: Node, _ path: String) -> Node? {
      r.required(key, in: map, parent: parent, path: path)
    }
    let registry = CitationReader(sources: sources, registryFile: "pack.yaml", traditional: traditional)
    func citations(_ node: Node, path: String, requireOne: Bool) -> [Citation] {
      registry.citations(node, path: path, parent: node, requireOne: requireOne, reader: r)
    }
    let texts = LocalizedTextReader(traditional: traditional)
    func localized(_ node: Node, path: String) -> ClockCatalog.Text {
      ClockCatalog.Text(texts.text(node, path: path, parent: node, reader: r))
    }
    r.schema(top, of: root, reads: schemaVersion)
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
        let text = ClockCatalog.Text(texts.text(in: m, at: ruleNode, path: path, reader: r))
        let cited = m["citations"].map { citations($0, path: "\(path).citations", requireOne: true) } ?? []
        counting[unit] = ClockCatalog.CountingRule(text: text, citations: cited)
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
        let text = ClockCatalog.Text(texts.text(in: m, at: item, path: path, reader: r))
        let cited = m["citations"].map { citations($0, path: "\(path).citations", requireOne: false) } ?? []
        routes[id] = ClockCatalog.Route(id: id, text: text, citations: cited)
        routeOrder.append(id)
      }
    }
    func routeList(_ node: Node, path: String) -> [ClockCatalog.Route] {
      guard let l = r.sequence(node, path: path) else { return [] }
      var out: [ClockCatalog.Route] = []
      for (j, c) in l.enumerated() {
        let p = "\(path)[\(j)]"
        guard let id = r.string(c, path: p) else { continue }
        guard let route = routes[id] else {
          var message = "no route '\(id)' under 'routes'"
          if let near = YAMLNodeReader.nearest(id, in: routeOrder) { message += "; did you mean '\(near)'?" }
          r.error(message, at: c, path: p)
          continue
        }
        out.append(route)
      }
      return out
    }

    var nextRoutes: [Venue: ClockCatalog.NextRoutes] = [:]
    if let n = need("next_routes", top, root, ""),
      let map = r.mapping(n, path: "next_routes", allowed: Venue.allowedWords)
    {
      for venue in Venue.allCases {
        let path = "next_routes.\(venue.rawValue)"
        guard let vn = need(venue.rawValue, map, n, "next_routes"),
          let m = r.mapping(vn, path: path, allowed: ["overdue", "ended"])
        else { continue }
        let overdue = need("overdue", m, vn, path).map { routeList($0, path: "\(path).overdue") } ?? []
        let ended = need("ended", m, vn, path).map { routeList($0, path: "\(path).ended") } ?? []
        // The other body is offered bare only once the case has ended (rules.md, "When a window
        // passes"): while this venue holds the dispute the other would refuse it.
        for route in overdue where Venue(rawValue: route.id) != nil {
          r.error(
            "route '\(route.id)' is another body: while the case is still held by \(venue.rawValue) offer it only after withdrawal",
            at: m["overdue"], path: "\(path).overdue")
        }
        nextRoutes[venue] = ClockCatalog.NextRoutes(overdue: overdue, ended: ended)
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
              "citations", "region", "replaced_by_region", "appraisal_pauses", "note",
            ])
        else { continue }
        let id = need("id", m, item, path).flatMap { r.string($0, path: "\(path).id") }
        if let id, !seen.insert(id).inserted {
          r.error("clock id '\(id)' appears twice", at: m["id"], path: "\(path).id")
        }
        let venue: Venue? = need("venue", m, item, path).flatMap { r.enumeration($0, path: "\(path).venue") }
        let name = need("name", m, item, path).map { localized($0, path: "\(path).name") }
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
          let missing = ClockCloser.endOfCase.filter { !closedBy.contains($0) }
          if !missing.isEmpty && closedBy.count == l.count {
            r.error(
              "every clock closes when the case ends: add \(missing.map(\.rawValue).joined(separator: ", "))",
              at: n, path: "\(path).closed_by")
          }
        }
        let practice = need("practice", m, item, path).flatMap { r.bool($0, path: "\(path).practice") }
        let explanation = need("explanation", m, item, path).map {
          localized($0, path: "\(path).explanation")
        }
        let note = m["note"].map { localized($0, path: "\(path).note") }
        var region: String?
        if let n = m["region"], let text = r.string(n, path: "\(path).region") {
          let digits = text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
          if !digits || ![2, 4, 6].contains(text.utf8.count)
            || !RegionCode.provinces.contains(String(text.prefix(2)))
          {
            r.error(
              "expected the first 2, 4 or 6 digits of a GB/T 2260 code, such as \"33\" (浙江), got \"\(text)\"",
              at: n, path: "\(path).region")
          } else {
            region = text
          }
        }
        let replaced =
          m["replaced_by_region"].flatMap { r.bool($0, path: "\(path).replaced_by_region") } ?? false
        let pauses = m["appraisal_pauses"].flatMap { r.bool($0, path: "\(path).appraisal_pauses") } ?? false
        var cited: [Citation] = []
        if let n = need("citations", m, item, path) {
          cited = citations(n, path: "\(path).citations", requireOne: true)
        }
        if let id, let venue, let name, let starts, let length, let unit, let practice, let explanation {
          clocks.append(
            ClockDefinition(
              id: id, venue: venue, name: name, starts: starts, length: length, unit: unit,
              closedBy: closedBy, practice: practice, explanation: explanation, citations: cited,
              region: region, replacedByRegion: replaced, appraisalPauses: pauses, note: note))
        }
      }
    }
    if r.hasErrors { throw DiagnosticsError(r.diagnostics) }
    return ClockCatalog(
      jurisdiction: jurisdiction ?? "", calendar: calendar ?? "", counting: counting, clocks: clocks,
      routes: routes, nextRoutes: nextRoutes, file: file)
  }
}
