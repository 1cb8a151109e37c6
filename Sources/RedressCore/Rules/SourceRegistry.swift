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
              id: id, names: texts(vm["name"], path: "\(vp).name", parent: item, reader: r),
              shortNames: texts(vm["short"], path: "\(vp).short", parent: item, required: false, reader: r),
              notes: texts(vm["note"], path: "\(vp).note", parent: item, required: false, reader: r),
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
            id: nil, names: texts(m["name"], path: "\(p).name", parent: v, reader: r),
            shortNames: texts(m["short"], path: "\(p).short", parent: v, required: false, reader: r),
            notes: texts(m["note"], path: "\(p).note", parent: v, required: false, reader: r),
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

  /// A text in several languages: a mapping with `zh-Hans` and `en` (and optionally
  /// `zh-Hant`), or, where `allowPlain`, one string for every language (an empty article).
  static func texts(
    _ node: Node?, path: String, parent: Node?, required: Bool = true, allowPlain: Bool = false,
    reader r: YAMLNodeReader
  ) -> [String: String] {
    guard let node, !YAMLNodeReader.isNull(node) else {
      if required {
        r.error(
          "missing key '\(path.split(separator: ".").last ?? "")': a text in \(RulePack.requiredLanguages.joined(separator: " and "))",
          at: parent, path: path)
      }
      return [:]
    }
    if allowPlain, case .scalar(let s) = node {
      let text = PackParser.trimmed(s.string)
      return Dictionary(uniqueKeysWithValues: RulePack.requiredLanguages.map { ($0, text) })
    }
    guard let m = r.mapping(node, path: path, allowed: RulePack.languages) else { return [:] }
    var out: [String: String] = [:]
    for lang in RulePack.languages {
      if let t = r.string(m[lang], path: "\(path).\(lang)") { out[lang] = PackParser.trimmed(t) }
    }
    for lang in RulePack.requiredLanguages where out[lang] == nil {
      r.error("missing the \(lang) text", at: node, path: path)
    }
    return out
  }

  /// The citations of a `citations:` list, each resolved through `sources`: a citation of a
  /// source with several texts names its `version`, or names none and no article (it then
  /// stands for whichever text is in force on the day). `requireOne`: an empty list is an error.
  static func citations(
    _ node: Node?, path: String, parent: Node, sources: [String: RulePack.Source], requireOne: Bool = true,
    reader r: YAMLNodeReader, registryFile: String = "pack.yaml"
  ) -> [Citation] {
    guard let node else {
      if requireOne { r.error("missing key 'citations': where the rule comes from", at: parent, path: path) }
      return []
    }
    guard let list = r.sequence(node, path: path) else { return [] }
    if list.isEmpty && requireOne { r.error("at least one citation is needed", at: node, path: path) }
    var out: [Citation] = []
    for (i, n) in list.enumerated() {
      let p = "\(path)[\(i)]"
      guard let m = r.mapping(n, path: p, allowed: ["source", "version", "article", "confidence", "note"])
      else {
        continue
      }
      guard let key = r.string(m["source"], path: "\(p).source") else {
        if m["source"] == nil { r.error("missing key 'source'", at: n, path: p) }
        continue
      }
      guard let source = sources[key] else {
        var message = "no source '\(key)' under 'sources' in \(registryFile)"
        if let near = YAMLNodeReader.nearest(key, in: Array(sources.keys)) {
          message += "; did you mean '\(near)'?"
        }
        r.error(message, at: m["source"], path: "\(p).source")
        continue
      }
      let article = texts(m["article"], path: "\(p).article", parent: n, allowPlain: true, reader: r)
      guard let confidence: CitationConfidence = r.enumeration(m["confidence"], path: "\(p).confidence")
      else {
        if m["confidence"] == nil {
          r.error("missing key 'confidence': statute, regulation or practice", at: n, path: p)
        }
        continue
      }
      if PackParser.strength(confidence) > PackParser.strength(source.kind) {
        r.error(
          "'\(key)' is a source of kind \(source.kind.rawValue); a citation of it cannot claim \(confidence.rawValue)",
          at: m["confidence"], path: "\(p).confidence")
      }
      let notes = texts(m["note"], path: "\(p).note", parent: n, required: false, reader: r)
      let hasArticle = !(article["zh-Hans"] ?? "").isEmpty
      var versions = source.versions
      if let vn = m["version"] {
        guard let id = r.string(vn, path: "\(p).version") else { continue }
        guard let v = source.versions.first(where: { $0.id == id }) else {
          let known = source.versions.compactMap(\.id)
          r.error(
            known.isEmpty
              ? "'\(key)' has one text; leave out 'version'"
              : "'\(key)' has no version '\(id)'; its versions: \(known.joined(separator: ", "))",
            at: vn, path: "\(p).version")
          continue
        }
        versions = [v]
      } else if versions.count > 1 && hasArticle {
        r.error(
          "'\(key)' has several texts (\(versions.compactMap(\.id).joined(separator: ", "))) whose articles differ: name the 'version' this article belongs to",
          at: n, path: p)
        continue
      }
      for v in versions {
        if hasArticle && !v.articlesChecked && confidence != .practice {
          r.error(
            "the article numbers of '\(key)' version \(v.id ?? "") have not been checked: cite it with article \"\" or at confidence practice",
            at: m["confidence"], path: "\(p).confidence")
        }
        out.append(
          Citation(
            source: v.names["zh-Hans"] ?? key, article: article["zh-Hans"] ?? "",
            confidence: confidence, sourceNames: v.names, articleNames: article,
            notes: notes.isEmpty ? v.notes : notes, sourceKey: key, version: v.id, shortNames: v.shortNames,
            inForce: v.inForce, articleUnchecked: !v.articlesChecked))
      }
    }
    return out
  }

  /// Whether `citations` (of one rule or clock) give, for every source with several texts that
  /// they cite, a citation of each text: otherwise some days would cite none of it. Reports at
  /// `node`.
  static func checkCoverage(
    _ citations: [Citation], sources: [String: RulePack.Source], node: Node, path: String,
    reader r: YAMLNodeReader
  ) {
    var cited: [String: Set<String>] = [:]
    for c in citations {
      guard let key = c.sourceKey, let v = c.version else { continue }
      cited[key, default: []].insert(v)
    }
    for (key, versions) in cited.sorted(by: { $0.key < $1.key }) {
      guard let source = sources[key] else { continue }
      let missing = source.versions.filter { !versions.contains($0.id ?? "") }
      for v in missing {
        r.error(
          "cites '\(key)' but not its version '\(v.id ?? "")' (in force \(v.inForce.description ?? "")): add a citation of it, with article \"\" at confidence practice where its article is not known",
          at: node, path: path)
      }
    }
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
