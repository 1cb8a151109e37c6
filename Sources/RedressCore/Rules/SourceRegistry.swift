import Yams

/// The period a text was in force, both ends included; an open end is nil.
public struct InForce: Hashable, Sendable {
  public var from: CalendarDate?
  public var until: CalendarDate?

  public init(from: CalendarDate? = nil, until: CalendarDate? = nil) {
    self.from = from
    self.until = until
  }

  /// In force at every day (a source with one text and no dates).
  public static let always = InForce()

  public func contains(_ day: CalendarDate) -> Bool {
    if let from, day < from { return false }
    if let until, day > until { return false }
    return true
  }

  /// `2020-01-01..2026-04-14`, `2026-04-15..`, or nil when always.
  public var description: String? {
    if from == nil && until == nil { return nil }
    return "\(from?.iso ?? "")..\(until?.iso ?? "")"
  }
}

/// One text of a source: the statute as revised, or a rule that replaced an earlier one under
/// another name. A source that never changed has one version, in force always.
public struct SourceVersion: Hashable, Sendable {
  /// `2019`, `2026`; nil for a source with one text.
  public let id: String?
  public let names: [String: String]
  /// The short name a Chinese lawyer uses (消法).
  public let shortNames: [String: String]
  public let notes: [String: String]
  public let inForce: InForce
  /// False while the text's article numbers have not been read from the official text: a
  /// citation of it then names no article, or cites at confidence `practice`.
  public let articlesChecked: Bool
}

/// The instruments that rules (`pack.yaml`, `sources:`) and clocks (`clocks.yaml`) cite, each
/// with the texts it has had and the days each was in force. A citation names a source and
/// (for a source with several texts) a version; which citations apply to a case is decided by
/// its reference day (`rules.md`: the filing day once filed, else today), so that a replaced
/// rule is never cited as current. The next change of a statute is a new version here and a
/// citation of it in the rules, with no change to the program.
public enum SourceRegistry {
  static let sourceKeys = ["name", "short", "kind", "note", "in-force", "versions"]
  static let versionKeys = ["version", "name", "short", "note", "in-force", "articles-checked"]

  /// Reads the `sources:` mapping of `pack.yaml`.
  static func parse(_ node: Node?, parent: Node, reader r: YAMLNodeReader) -> [String: RulePack.Source] {
    guard let node else {
      r.error("missing key 'sources'", at: parent, path: "sources")
      return [:]
    }
    guard case .mapping(let map) = node else {
      r.error("expected a mapping from a short key to the source", at: node, path: "sources")
      return [:]
    }
    // As before the shared reader, the registry's texts keep only the zh-Hant they give.
    let texts = LocalizedTextReader(traditional: nil)
    var sources: [String: RulePack.Source] = [:]
    for (k, v) in map {
      guard let key = r.scalarText(k, path: "sources", expected: "a key") else { continue }
      let p = "sources.\(key)"
      guard let m = r.mapping(v, path: p, allowed: sourceKeys) else { continue }
      let kind: CitationConfidence = r.enumeration(m["kind"], path: "\(p).kind") ?? .practice
      if m["kind"] == nil { r.error("missing key 'kind': statute, regulation or practice", at: v, path: p) }
      var versions: [SourceVersion] = []
      if let vn = m["versions"] {
        for extra in ["name", "short", "note", "in-force"] where m[extra] != nil {
          r.error(
            "a source with versions gives '\(extra)' per version, not for the whole source", at: m[extra],
            path: "\(p).\(extra)")
        }
        guard let list = r.sequence(vn, path: "\(p).versions") else { continue }
        if list.count < 2 {
          r.error(
            "a source with 'versions' has at least two; otherwise give name and in-force", at: vn, path: p)
        }
        var seen: Set<String> = []
        for (i, item) in list.enumerated() {
          let vp = "\(p).versions[\(i)]"
          guard let vm = r.mapping(item, path: vp, allowed: versionKeys) else { continue }
          guard let id = r.string(vm["version"], path: "\(vp).version") else {
            if vm["version"] == nil {
              r.error("missing key 'version': a name for this text", at: item, path: vp)
            }
            continue
          }
          if !seen.insert(id).inserted {
            r.error("version '\(id)' appears twice", at: vm["version"], path: vp)
          }
          let inForce = parseInForce(vm["in-force"], path: "\(vp).in-force", reader: r)
          if inForce == .always {
            r.error(
              "a version says when it was in force: in-force: {from: DATE, until: DATE}", at: item, path: vp)
          }
          versions.append(
            SourceVersion(
              id: id, names: texts.text(vm["name"], path: "\(vp).name", parent: item, reader: r),
              shortNames: texts.text(
                vm["short"], path: "\(vp).short", parent: item, required: false, reader: r),
              notes: texts.text(vm["note"], path: "\(vp).note", parent: item, required: false, reader: r),
              inForce: inForce,
              articlesChecked: r.bool(vm["articles-checked"], path: "\(vp).articles-checked") ?? true))
        }
        // The versions follow each other: one ends the day before the next starts.
        for (a, b) in zip(versions, versions.dropFirst()) {
          guard let until = a.inForce.until, let from = b.inForce.from, until.adding(days: 1) == from else {
            r.error(
              "version '\(b.id ?? "")' must start the day after version '\(a.id ?? "")' ends (in-force.until, in-force.from)",
              at: vn, path: "\(p).versions")
            continue
          }
        }
      } else {
        versions.append(
          SourceVersion(
            id: nil, names: texts.text(m["name"], path: "\(p).name", parent: v, reader: r),
            shortNames: texts.text(m["short"], path: "\(p).short", parent: v, required: false, reader: r),
            notes: texts.text(m["note"], path: "\(p).note", parent: v, required: false, reader: r),
            inForce: parseInForce(m["in-force"], path: "\(p).in-force", reader: r), articlesChecked: true))
      }
      guard let latest = versions.last else { continue }
      sources[key] = RulePack.Source(
        key: key, names: latest.names, shortNames: latest.shortNames, kind: kind, notes: latest.notes,
        versions: versions)
    }
    return sources
  }

  static func parseInForce(_ node: Node?, path: String, reader r: YAMLNodeReader) -> InForce {
    guard let node, !YAMLNodeReader.isNull(node) else { return .always }
    guard let m = r.mapping(node, path: path, allowed: ["from", "until"]) else { return .always }
    let result = InForce(
      from: r.date(m["from"], path: "\(path).from"), until: r.date(m["until"], path: "\(path).until"))
    if let from = result.from, let until = result.until, until < from {
      r.error("'until' is before 'from'", at: m["until"], path: "\(path).until")
    }
    return result
  }
}

extension Array where Element == Citation {
  /// The citations whose text was in force on `day` (the case's reference day).
  public func inForce(on day: CalendarDate) -> [Citation] {
    // Almost every citation names a text in force always: keep the array as it is then.
    guard contains(where: { !$0.inForce.contains(day) }) else { return self }
    return filter { $0.inForce.contains(day) }
  }
}
