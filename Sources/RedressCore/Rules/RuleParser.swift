import Foundation
import Yams

/// Reads one rule file of a pack (`schema`, `rules:`) against the pack's tables: each rule's id,
/// severity per venue, texts, condition (`ConditionParser`), values, citations and examples.
/// Rule files are read side by side, one parser each.
final class RuleParser {
  let jurisdiction: String
  let tables: PackTables
  private let r: YAMLNodeReader
  /// Reads the rules' texts; remembers those the zh-Hant table lacks.
  private let localized: LocalizedTextReader

  static let ruleKeys = [
    "id", "severity", "summary", "rationale", "when", "unless", "fields", "values", "message",
    "advice", "citations", "examples",
  ]

  private init(file: String, jurisdiction: String, tables: PackTables, traditional: TraditionalTexts) {
    self.jurisdiction = jurisdiction
    self.tables = tables
    self.r = YAMLNodeReader(file: file)
    self.localized = LocalizedTextReader(traditional: traditional)
  }

  /// The rules of the file at `url`, every problem found in it, and its Simplified texts that
  /// `traditional` lacks.
  static func parse(
    at url: URL, jurisdiction: String, tables: PackTables, traditional: TraditionalTexts
  ) -> ([Rule], [Diagnostic], [String]) {
    do {
      let node = try YAMLDocumentLoader.load(contentsOf: url, displayName: url.path, resolver: .basic)
      let parser = RuleParser(
        file: url.path, jurisdiction: jurisdiction, tables: tables, traditional: traditional)
      let rules = parser.parseFile(node)
      return (rules, parser.r.diagnostics, parser.localized.untranslated)
    } catch let e as DiagnosticsError {
      return ([], e.diagnostics, [])
    } catch {
      return ([], [Diagnostic(.error, file: url.path, message: "\(error)")], [])
    }
  }

  private var conditions: ConditionParser {
    ConditionParser(reader: r, amounts: tables.amounts, amountIDs: tables.amountIDs)
  }

  private func texts(_ node: Node?, path: String, parent: Node?, required: Bool = true) -> [String: String] {
    localized.text(node, path: path, parent: parent, required: required, reader: r)
  }

  private func parseCitations(_ node: Node?, path: String, parent: Node) -> [Citation] {
    CitationReader(sources: tables.sources, traditional: localized.traditional).citations(
      node, path: path, parent: parent, reader: r)
  }

  private func parseFile(_ root: Node) -> [Rule] {
    guard let m = r.mapping(root, path: "", allowed: ["schema", "rules"]) else { return [] }
    r.schema(m, of: root, reads: RulePack.schemaVersion)
    guard let rn = m["rules"] else {
      r.error("missing key 'rules'", at: root, path: "rules")
      return []
    }
    guard let list = r.sequence(rn, path: "rules") else { return [] }
    var out: [Rule] = []
    for (i, n) in list.enumerated() {
      if let rule = parseRule(n, path: "rules[\(i)]") { out.append(rule) }
    }
    return out
  }

  private func parseRule(_ node: Node, path: String) -> Rule? {
    guard let m = r.mapping(node, path: path, allowed: Self.ruleKeys) else { return nil }
    let line = node.mark?.line ?? 0
    var id = ""
    if let s = r.string(m["id"], path: "\(path).id") {
      id = s
      if !Self.isRuleID(s, jurisdiction: jurisdiction) {
        r.error(
          "a rule id is '\(jurisdiction).' followed by lower-case words joined by '-' (\(jurisdiction).time-barred)",
          at: m["id"], path: "\(path).id")
      }
    } else {
      r.error("missing key 'id'", at: node, path: path)
    }
    let p = id.isEmpty ? path : id
    let severities = parseSeverity(m["severity"], path: "\(p).severity", parent: node)
    let summary = texts(m["summary"], path: "\(p).summary", parent: node)
    let rationale = texts(m["rationale"], path: "\(p).rationale", parent: node)
    var when: Condition?
    if let w = m["when"] {
      when = conditions.condition(w, path: "\(p).when", scope: nil)
    } else {
      r.error("missing key 'when': the condition under which the rule fires", at: node, path: p)
    }
    let unless = m["unless"].flatMap { conditions.condition($0, path: "\(p).unless", scope: nil) }
    var fields: [String] = []
    if let f = m["fields"], let list = r.sequence(f, path: "\(p).fields") {
      for (i, n) in list.enumerated() {
        guard let s = r.string(n, path: "\(p).fields[\(i)]") else { continue }
        if CaseFieldSchema.type(of: s) == nil {
          conditions.unknownField(s, at: n, path: "\(p).fields[\(i)]", candidates: CaseFieldSchema.allPaths)
        } else {
          fields.append(s)
        }
      }
    }
    let reportsMissing = when.map(Self.containsMissing) ?? false
    if fields.isEmpty && !reportsMissing && m["fields"] == nil {
      r.error("missing key 'fields': the case fields a finding of this rule is about", at: node, path: p)
    }
    let values = parseValues(m["values"], path: "\(p).values")
    let names = Set(values.map(\.name) + ["today", "fields"])
    let messageTexts = texts(m["message"], path: "\(p).message", parent: node)
    let adviceTexts = texts(m["advice"], path: "\(p).advice", parent: node)
    let messages = templates(messageTexts, node: m["message"], path: "\(p).message", names: names)
    let advice = templates(adviceTexts, node: m["advice"], path: "\(p).advice", names: names)
    let citations = parseCitations(m["citations"], path: "\(p).citations", parent: node)
    for (name, value) in values {
      if case .cites(let key) = value, !citations.contains(where: { $0.sourceKey == key }) {
        r.error(
          "the value '\(name)' names the citations of '\(key)', but the rule cites none of it",
          at: m["values"],
          path: "\(p).values.\(name)")
      }
    }
    // A citation at practice only because its text's article numbers are unchecked is law all
    // the same: the message need not call it practice.
    if citations.contains(where: { $0.confidence == .practice && !$0.articleUnchecked }) {
      for (lang, marker) in [("zh-Hans", "实务"), ("en", "practice")]
      where !(messageTexts[lang] ?? "").contains(marker) && messageTexts[lang] != nil {
        r.error(
          "a rule citing practice says so in its message: the \(lang) message should contain '\(marker)'",
          at: m["message"], path: "\(p).message.\(lang)")
      }
    }
    let examples = parseExamples(m["examples"], path: "\(p).examples", parent: node)
    guard !id.isEmpty, let when else { return nil }
    return Rule(
      id: id, file: r.file, line: line, severities: severities, summary: summary, rationale: rationale,
      messageTexts: messageTexts, adviceTexts: adviceTexts, citations: citations, fields: fields,
      examples: examples, when: when, unless: unless, values: values, messages: messages, advice: advice)
  }

  static func isRuleID(_ s: String, jurisdiction: String) -> Bool {
    guard s.hasPrefix(jurisdiction + ".") else { return false }
    let rest = s.dropFirst(jurisdiction.count + 1)
    let words = rest.split(separator: "-", omittingEmptySubsequences: false)
    return !words.isEmpty
      && words.allSatisfy { w in
        !w.isEmpty && w.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
      }
  }

  static func containsMissing(_ c: Condition) -> Bool {
    switch c {
    case .missing: return true
    case .all(let parts), .any(let parts): return parts.contains(where: containsMissing)
    case .not(let inner): return containsMissing(inner)
    default: return false
    }
  }

  private func parseSeverity(_ node: Node?, path: String, parent: Node) -> [Venue: FindingSeverity] {
    guard let node else {
      r.error("missing key 'severity': block, warn or info (or one per venue)", at: parent, path: path)
      return [:]
    }
    var out: [Venue: FindingSeverity] = [:]
    if case .mapping = node {
      guard let m = r.mapping(node, path: path, allowed: tables.venues.map(\.venue.rawValue)) else {
        return [:]
      }
      for v in tables.venues {
        if let s: FindingSeverity = r.enumeration(m[v.venue.rawValue], path: "\(path).\(v.venue.rawValue)") {
          out[v.venue] = s
        } else if m[v.venue.rawValue] == nil {
          r.error("missing the severity for venue \(v.venue.rawValue)", at: node, path: path)
        }
      }
    } else if let s: FindingSeverity = r.enumeration(node, path: path) {
      for v in tables.venues { out[v.venue] = s }
    }
    return out
  }

  private func templates(
    _ texts: [String: String], node: Node?, path: String, names: Set<String>
  ) -> [String: MessageTemplate] {
    var out: [String: MessageTemplate] = [:]
    for (lang, text) in texts {
      switch MessageTemplate.parse(text) {
      case .failure(let e):
        r.error("\(e.reason); write a value as {name}", at: node, path: "\(path).\(lang)")
      case .success(let t):
        for name in t.placeholders where !names.contains(name) {
          r.error(
            "the text names {\(name)}, which is not a value of this rule"
              + conditions.suggestion(name, Array(names)) + " (define it under 'values:')",
            at: node, path: "\(path).\(lang)")
        }
        out[lang] = t
      }
    }
    return out
  }

  private func parseValues(_ node: Node?, path: String) -> [(name: String, value: RuleValue)] {
    guard let node else { return [] }
    guard case .mapping(let map) = node else {
      r.error("expected a mapping from a value's name to what it is", at: node, path: path)
      return []
    }
    var out: [(name: String, value: RuleValue)] = []
    for (k, v) in map {
      guard let name = r.scalarText(k, path: path, expected: "a name") else { continue }
      let p = "\(path).\(name)"
      if name == "today" || name == "fields" {
        r.error("'\(name)' is given already; choose another name", at: k, path: p)
        continue
      }
      guard
        let m = r.mapping(
          v, path: p,
          allowed: ["field", "first-of", "plus", "rolled", "amount", "texts", "optional", "cases", "cites"])
      else { continue }
      if let cn = m["cases"] {
        guard let list = r.sequence(cn, path: "\(p).cases") else { continue }
        var cases: [ValueCase] = []
        for (i, item) in list.enumerated() {
          let cp = "\(p).cases[\(i)]"
          guard let cm = r.mapping(item, path: cp, allowed: ["if", "text"]) else { continue }
          var condition: Condition?
          if let c = cm["if"] { condition = conditions.condition(c, path: "\(cp).if", scope: nil) }
          var templates: [String: MessageTemplate] = [:]
          for (lang, text) in texts(cm["text"], path: "\(cp).text", parent: item) {
            switch MessageTemplate.parse(text) {
            case .success(let t): templates[lang] = t
            case .failure(let e):
              r.error("\(e.reason); write a value as {name}", at: cm["text"], path: "\(cp).text.\(lang)")
            }
          }
          cases.append(ValueCase(condition: condition, texts: templates))
        }
        if list.isEmpty { r.error("'cases' needs at least one case", at: cn, path: "\(p).cases") }
        out.append((name, .cases(cases)))
      } else if let c = m["cites"] {
        guard let key = r.string(c, path: "\(p).cites") else { continue }
        if tables.sources[key] == nil {
          r.error(
            "no source '\(key)' under 'sources' in pack.yaml"
              + conditions.suggestion(key, Array(tables.sources.keys)), at: c,
            path: "\(p).cites")
          continue
        }
        out.append((name, .cites(key)))
      } else if let a = m["amount"] {
        guard let id = r.string(a, path: "\(p).amount") else { continue }
        if tables.amounts[id] == nil {
          r.error(
            "no amount '\(id)' in the pack" + conditions.suggestion(id, tables.amountIDs), at: a,
            path: "\(p).amount")
          continue
        }
        let optional = m["optional"].flatMap { r.bool($0, path: "\(p).optional") } ?? false
        out.append((name, optional ? .optional(.amount(id)) : .amount(id)))
      } else if m["plus"] != nil || m["first-of"] != nil || m["rolled"] != nil {
        if let term = conditions.dateTerm(v, path: p, scope: nil) { out.append((name, .date(term))) }
      } else if let f = m["field"], let t = m["texts"] {
        guard let ref = conditions.fieldRef(f, path: "\(p).field", scope: nil, allowListElement: true) else {
          continue
        }
        guard case .word(let allowed) = ref.type else {
          r.error(
            "'texts' chooses by a word, but '\(ref.path)' is \(ref.type.noun)", at: f, path: "\(p).field")
          continue
        }
        guard case .mapping(let map) = t else {
          r.error("expected a mapping from a word of '\(ref.path)' to its text", at: t, path: "\(p).texts")
          continue
        }
        var table: [String: [String: String]] = [:]
        for (wk, wv) in map {
          guard let w = conditions.word(wk, path: "\(p).texts", allowed: allowed, field: ref.path) else {
            continue
          }
          table[w] = texts(wv, path: "\(p).texts.\(w)", parent: t)
        }
        out.append((name, .choice(ref, table)))
      } else if let f = m["field"] {
        if let ref = conditions.fieldRef(f, path: "\(p).field", scope: nil, allowListElement: true) {
          out.append((name, .field(ref)))
        }
      } else {
        r.error(
          "a value is {field: PATH}, {field: PATH, plus: 3 years, rolled: true}, {field: PATH, texts: {WORD: TEXT}} or {amount: ID}",
          at: v, path: p)
      }
    }
    return out
  }

  private func parseExamples(_ node: Node?, path: String, parent: Node) -> [RuleExample] {
    guard let node else {
      r.error(
        "missing key 'examples': cases the rule applies to and cases it does not", at: parent, path: path)
      return []
    }
    guard let m = r.mapping(node, path: path, allowed: ["applies", "does-not-apply"]) else { return [] }
    var out: [RuleExample] = []
    for kind in [RuleExample.Kind.applies, .doesNotApply] {
      let p = "\(path).\(kind.rawValue)"
      guard let listNode = m[kind.rawValue] else {
        r.error("missing key '\(kind.rawValue)': every rule has both kinds of example", at: node, path: path)
        continue
      }
      guard let list = r.sequence(listNode, path: p) else { continue }
      if list.isEmpty { r.error("at least one example is needed", at: listNode, path: p) }
      for (i, n) in list.enumerated() {
        let ep = "\(p)[\(i)]"
        guard
          let em = r.mapping(n, path: ep, allowed: ["note", "today", "case", "fields", "says", "severity"])
        else {
          continue
        }
        var severity: FindingSeverity?
        if let sn = em["severity"], let word = r.string(sn, path: "\(ep).severity") {
          if kind == .doesNotApply {
            r.error("'severity' is for an example the rule applies to", at: sn, path: "\(ep).severity")
          } else if let s = FindingSeverity(rawValue: word) {
            severity = s
          } else {
            r.error("expected block, warn or info, got \"\(word)\"", at: sn, path: "\(ep).severity")
          }
        }
        if let c = em["case"], !YAMLNodeReader.isNull(c) {
          guard case .mapping = c else {
            r.error(
              "'case' is a part of a case file (a mapping), merged over the base case", at: c,
              path: "\(ep).case")
            continue
          }
        }
        var expected: [String]?
        if let f = em["fields"], let list = r.sequence(f, path: "\(ep).fields") {
          expected = list.enumerated().compactMap { r.string($0.element, path: "\(ep).fields[\($0.offset)]") }
        }
        out.append(
          RuleExample(
            kind: kind, note: r.string(em["note"], path: "\(ep).note"),
            today: r.date(em["today"], path: "\(ep).today"), expectedFields: expected,
            says: r.string(em["says"], path: "\(ep).says"), severity: severity, file: r.file,
            line: n.mark?.line ?? 0,
            column: n.mark?.column ?? 0,
            fragment: YAMLFragment(node: em["case"] ?? Node.mapping(Node.Mapping([])))))
      }
    }
    return out
  }
}
