import Yams

/// Reads the `citations:` lists of `legal/` (a rule's, an amount's, a clock's, a counting
/// rule's), each citation a source of the jurisdiction's registry (`sources:` in `pack.yaml`,
/// `SourceRegistry`) with its article and the confidence it is cited at: an unknown source, a
/// confidence stronger than the source's kind, an article of a text whose numbers were never
/// checked, a version the source does not have, are refused with file, line and path. One
/// reader for every format, so that no citation under `legal/` bypasses the registry.
public struct CitationReader {
  /// The registry, by source key.
  public let sources: [String: RulePack.Source]
  /// The file that holds the registry, as messages name it.
  public let registryFile: String
  private let texts = LocalizedTextReader(traditional: nil)

  public init(sources: [String: RulePack.Source], registryFile: String = "pack.yaml") {
    self.sources = sources
    self.registryFile = registryFile
  }

  /// The citations at `node` (a list), resolved through the registry, and checked to cite
  /// every text of a source with several (`checkCoverage`). `requireOne`: a missing or empty
  /// list is an error.
  public func citations(
    _ node: Node?, path: String, parent: Node, requireOne: Bool = true, reader r: YAMLNodeReader
  ) -> [Citation] {
    let cited = list(node, path: path, parent: parent, requireOne: requireOne, reader: r)
    if let node { checkCoverage(cited, node: node, path: path, reader: r) }
    return cited
  }

  /// The citations of a `citations:` list, each resolved through `sources`: a citation of a
  /// source with several texts names its `version`, or names none and no article (it then
  /// stands for whichever text is in force on the day). `requireOne`: an empty list is an error.
  private func list(
    _ node: Node?, path: String, parent: Node, requireOne: Bool, reader r: YAMLNodeReader
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
      let article = texts.text(m["article"], path: "\(p).article", parent: n, allowPlain: true, reader: r)
      guard let confidence: CitationConfidence = r.enumeration(m["confidence"], path: "\(p).confidence")
      else {
        if m["confidence"] == nil {
          r.error("missing key 'confidence': statute, regulation or practice", at: n, path: p)
        }
        continue
      }
      if confidence.strength > source.kind.strength {
        r.error(
          "'\(key)' is a source of kind \(source.kind.rawValue); a citation of it cannot claim \(confidence.rawValue)",
          at: m["confidence"], path: "\(p).confidence")
      }
      let notes = texts.text(m["note"], path: "\(p).note", parent: n, required: false, reader: r)
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
  private func checkCoverage(_ citations: [Citation], node: Node, path: String, reader r: YAMLNodeReader) {
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

extension CitationConfidence {
  /// How strong a claim the confidence makes: a citation may not claim more than its source is.
  var strength: Int {
    switch self {
    case .statute: return 2
    case .regulation: return 1
    case .practice: return 0
    }
  }
}
