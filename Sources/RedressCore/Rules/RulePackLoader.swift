import Foundation
import Yams

/// Reads a rule pack (`legal/<jurisdiction>/pack.yaml` and the rule files it lists) and checks
/// it completely: unknown keys, operators and field names, operators applied to the wrong kind
/// of field, words a field cannot hold, missing languages, messages naming undefined values,
/// rules without citations or without both kinds of example, duplicate ids. Every problem is
/// reported with its file, line and column, all of them at once.
public enum RulePackLoader {
  public static func load(packAt legal: URL, jurisdiction: String) throws -> RulePack {
    let directory = legal.appendingPathComponent(jurisdiction, isDirectory: true)
    let packURL = directory.appendingPathComponent("pack.yaml")
    guard FileManager.default.fileExists(atPath: packURL.path) else {
      let known = RulePackDirectory.jurisdictions(in: legal)
      throw DiagnosticsError([
        Diagnostic(
          .error, file: packURL.path,
          message:
            "no rule pack for jurisdiction '\(jurisdiction)'"
            + (known.isEmpty ? "" : "; available: \(known.joined(separator: ", "))"))
      ])
    }
    let parser = PackParser(
      directory: directory, jurisdiction: jurisdiction,
      traditional: try TraditionalTexts.load(directory: directory))
    return try parser.parse(packURL)
  }
}

/// The parser is one class so that every helper shares the reader of the file being read and
/// the pack-wide tables (venues, sources, amounts).
final class PackParser {
  let directory: URL
  let jurisdiction: String
  private var diagnostics: [Diagnostic] = []
  private var r: YAMLNodeReader
  private var venues: [RulePack.VenueInfo] = []
  private var sources: [String: RulePack.Source] = [:]
  private var amounts: [String: AmountFormula] = [:]
  private var amountIDs: [String] = []
  /// The generated Traditional Chinese of the pack's texts (`zh-Hant.yaml`).
  let traditional: TraditionalTexts
  /// Reads the pack's texts; remembers those `traditional` lacks.
  private let localized: LocalizedTextReader

  init(directory: URL, jurisdiction: String, traditional: TraditionalTexts) {
    self.directory = directory
    self.jurisdiction = jurisdiction
    self.traditional = traditional
    self.localized = LocalizedTextReader(traditional: traditional)
    self.r = YAMLNodeReader(file: "")
  }

  static let packKeys = [
    "schema", "jurisdiction", "name", "venues", "sources", "amounts", "labels", "rule-files",
    "examples", "calendar",
  ]
  static let ruleKeys = [
    "id", "severity", "summary", "rationale", "when", "unless", "fields", "values", "message",
    "advice", "citations", "examples",
  ]

  func parse(_ packURL: URL) throws -> RulePack {
    let root = try load(packURL)
    guard let m = r.mapping(root, path: "", allowed: Self.packKeys) else {
      throw DiagnosticsError(r.diagnostics)
    }
    let schema = r.schema(m, of: root, reads: RulePack.schemaVersion)
    if let j = r.string(m["jurisdiction"], path: "jurisdiction"), j != jurisdiction {
      r.error(
        "the pack in folder '\(jurisdiction)' says jurisdiction '\(j)'", at: m["jurisdiction"],
        path: "jurisdiction")
    } else if m["jurisdiction"] == nil {
      r.error("missing key 'jurisdiction'", at: root, path: "jurisdiction")
    }
    let name = texts(m["name"], path: "name", parent: root)
    let calendarName = m["calendar"].flatMap { r.string($0, path: "calendar") } ?? jurisdiction
    parseVenues(m["venues"], parent: root)
    parseSources(m["sources"], parent: root)
    parseAmounts(m["amounts"])
    let labels = parseLabels(m["labels"])
    var exampleBase = directory.appendingPathComponent("examples/base.yaml")
    var exampleToday = CalendarDate(year: 2026, month: 11, day: 22)!
    if let e = m["examples"], let em = r.mapping(e, path: "examples", allowed: ["base-case", "today"]) {
      if let b = r.string(em["base-case"], path: "examples.base-case") {
        exampleBase = directory.appendingPathComponent(b)
        if !FileManager.default.fileExists(atPath: exampleBase.path) {
          r.error("no file \(b) in \(directory.path)", at: em["base-case"], path: "examples.base-case")
        }
      } else {
        r.error("missing key 'base-case': the case every example is merged over", at: e, path: "examples")
      }
      if let t = r.date(em["today"], path: "examples.today") { exampleToday = t }
    } else if m["examples"] == nil {
      r.error("missing key 'examples' (base-case and today of the rule examples)", at: root, path: "examples")
    }
    var files: [String] = []
    if let f = m["rule-files"], let list = r.sequence(f, path: "rule-files") {
      for (i, n) in list.enumerated() {
        if let s = r.string(n, path: "rule-files[\(i)]") { files.append(s) }
      }
      if list.isEmpty { r.error("a pack lists at least one rule file", at: f, path: "rule-files") }
    } else if m["rule-files"] == nil {
      r.error("missing key 'rule-files'", at: root, path: "rule-files")
    }
    diagnostics += r.diagnostics
    // The rule files only read the tables above, so they are read side by side: reading the
    // pack is most of what `redress check` spends.
    let results = FileResults(count: files.count)
    let (venues, sources, amounts, amountIDs) = (self.venues, self.sources, self.amounts, self.amountIDs)
    let traditional = self.traditional
    let (directory, jurisdiction, urls) = (
      self.directory, self.jurisdiction, files.map { self.directory.appendingPathComponent($0) }
    )
    DispatchQueue.concurrentPerform(iterations: urls.count) { i in
      let parser = PackParser(directory: directory, jurisdiction: jurisdiction, traditional: traditional)
      parser.venues = venues
      parser.sources = sources
      parser.amounts = amounts
      parser.amountIDs = amountIDs
      let (rules, diagnostics) = parser.parseRuleFile(at: urls[i])
      results.set(i, (rules, diagnostics, parser.localized.untranslated))
    }
    var missingTraditional = localized.untranslated
    var rules: [Rule] = []
    var firstLine: [String: (String, Int)] = [:]
    for (fileRules, fileDiagnostics, fileMissing) in results.all {
      diagnostics += fileDiagnostics
      missingTraditional += fileMissing
      for rule in fileRules {
        if let (file, line) = firstLine[rule.id] {
          diagnostics.append(
            Diagnostic(
              .error, file: rule.file, line: rule.line, path: "id",
              message: "rule '\(rule.id)' is defined twice; first at \(file):\(line)"))
          continue
        }
        firstLine[rule.id] = (rule.file, rule.line)
        rules.append(rule)
      }
    }
    if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticsError(diagnostics) }
    return RulePack(
      jurisdiction: jurisdiction, schema: schema ?? RulePack.currentSchema, name: name,
      venues: venues, sources: sources, labels: labels, rules: rules, directory: directory,
      exampleBase: exampleBase, exampleToday: exampleToday, amounts: amounts, amountIDs: amountIDs,
      traditional: traditional, missingTraditional: missingTraditional, calendarName: calendarName)
  }

  /// The rules of one file and every problem found in it.
  func parseRuleFile(at url: URL) -> ([Rule], [Diagnostic]) {
    do {
      let node = try load(url)
      let rules = parseRuleFile(node)
      return (rules, r.diagnostics)
    } catch let e as DiagnosticsError {
      return ([], e.diagnostics)
    } catch {
      return ([], [Diagnostic(.error, file: url.path, message: "\(error)")])
    }
  }

  /// Results of the files read side by side, in file order.
  final class FileResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [([Rule], [Diagnostic], [String])]
    init(count: Int) { slots = Array(repeating: ([], [], []), count: count) }
    func set(_ i: Int, _ value: ([Rule], [Diagnostic], [String])) { lock.withLock { slots[i] = value } }
    var all: [([Rule], [Diagnostic], [String])] { lock.withLock { slots } }
  }

  private func load(_ url: URL) throws -> Node {
    let node = try YAMLDocumentLoader.load(contentsOf: url, displayName: url.path, resolver: .basic)
    r = YAMLNodeReader(file: url.path)
    return node
  }

  // MARK: Texts

  /// A text in several languages (`LocalizedTextReader`), its zh-Hant from `traditional`.
  func texts(_ node: Node?, path: String, parent: Node?, required: Bool = true) -> [String: String] {
    localized.text(node, path: path, parent: parent, required: required, reader: r)
  }

  // MARK: Venues, sources, labels

  private func parseVenues(_ node: Node?, parent: Node) {
    guard let node else {
      r.error("missing key 'venues'", at: parent, path: "venues")
      return
    }
    guard case .mapping(let map) = node else {
      r.error("expected a mapping from venue to its names", at: node, path: "venues")
      return
    }
    for (k, v) in map {
      guard let key = r.scalarText(k, path: "venues", expected: "a venue") else { continue }
      guard let venue = Venue(rawValue: key) else {
        r.error(
          "unknown venue '\(key)'; a case file names one of: \(Venue.allowedWords.joined(separator: ", "))",
          at: k, path: "venues.\(key)")
        continue
      }
      venues.append(.init(venue: venue, names: texts(v, path: "venues.\(key)", parent: node)))
    }
    if venues.isEmpty { r.error("a pack has at least one venue", at: node, path: "venues") }
  }

  private func parseSources(_ node: Node?, parent: Node) {
    sources = SourceRegistry.parse(node, parent: parent, reader: r)
  }

  private func parseLabels(_ node: Node?) -> [String: [String: String]] {
    guard let node, case .mapping(let map) = node else {
      if let node { r.error("expected a mapping from a field path to its names", at: node, path: "labels") }
      return [:]
    }
    var out: [String: [String: String]] = [:]
    for (k, v) in map {
      guard let key = r.scalarText(k, path: "labels", expected: "a field path") else { continue }
      if CaseFieldSchema.type(of: key) == nil {
        unknownField(key, at: k, path: "labels.\(key)", candidates: CaseFieldSchema.allPaths)
        continue
      }
      out[key] = texts(v, path: "labels.\(key)", parent: node)
    }
    return out
  }

  // MARK: Amounts

  private func parseAmounts(_ node: Node?) {
    guard let node else { return }
    guard case .mapping(let map) = node else {
      r.error("expected a mapping from an amount's id to its formula", at: node, path: "amounts")
      return
    }
    for (k, v) in map {
      guard let id = r.scalarText(k, path: "amounts", expected: "an id") else { continue }
      let p = "amounts.\(id)"
      guard
        let m = r.mapping(
          v, path: p,
          allowed: ["summary", "larger-of", "first-of", "citations", "basis", "label", "applies-if"])
      else {
        continue
      }
      let summary = texts(m["summary"], path: "\(p).summary", parent: v)
      let citations = parseCitations(m["citations"], path: "\(p).citations", parent: v)
      var terms: [AmountFormula.Term] = []
      var mode = AmountFormula.Mode.largest
      let modes = ["larger-of", "first-of"].filter { m[$0] != nil }
      if modes.count > 1 {
        r.error("an amount is either 'larger-of' or 'first-of', not both", at: v, path: p)
      } else if let key = modes.first, let lo = m[key], let list = r.sequence(lo, path: "\(p).\(key)") {
        if key == "first-of" { mode = .first }
        for (i, t) in list.enumerated() {
          if let term = parseAmountTerm(t, path: "\(p).\(key)[\(i)]") { terms.append(term) }
        }
        if list.isEmpty { r.error("'\(key)' needs at least one term", at: lo, path: "\(p).\(key)") }
      } else if modes.isEmpty {
        r.error(
          "missing key 'larger-of' (the terms whose largest is the amount) or 'first-of' (the first term that has a value)",
          at: v, path: p)
      }
      var formula = AmountFormula(
        id: id, terms: terms, summary: summary, citations: citations,
        basis: m["basis"].flatMap { r.string($0, path: "\(p).basis") })
      formula.mode = mode
      if let c = m["applies-if"] { formula.appliesIf = condition(c, path: "\(p).applies-if", scope: nil) }
      if m["label"] != nil { formula.label = texts(m["label"], path: "\(p).label", parent: v) }
      amounts[id] = formula
      amountIDs.append(id)
    }
  }

  private func parseAmountTerm(_ node: Node, path: String) -> AmountFormula.Term? {
    guard
      let m = r.mapping(
        node, path: path,
        allowed: [
          "field", "multiply", "by", "fixed", "amount", "unused-share", "units-total", "units-used",
          "if-absent",
          "only-if",
        ])
    else { return nil }
    var onlyIf: Condition?
    if let c = m["only-if"] { onlyIf = condition(c, path: "\(path).only-if", scope: nil) }
    var leaveOut = AmountFormula.Term.IfAbsent.absent
    if let a = m["if-absent"], let s = r.string(a, path: "\(path).if-absent") {
      if let v = AmountFormula.Term.IfAbsent(rawValue: s), v != .absent {
        leaveOut = v
      } else {
        r.error(
          "'if-absent' takes 'leave-out' (the term is skipped when its field is absent) or 'zero' (the field counts as 0)",
          at: a, path: "\(path).if-absent")
      }
    }
    let kinds = ["field", "multiply", "fixed", "amount", "unused-share"].filter { m[$0] != nil }
    guard kinds.count == 1 else {
      r.error(
        "a term is one of: field, multiply (with by), fixed, amount, unused-share (with units-total and units-used)",
        at: node, path: path)
      return nil
    }
    func typedField(_ key: String, _ type: CaseFieldSchema.FieldType, _ noun: String) -> FieldRef? {
      guard let n = m[key] else {
        r.error("missing key '\(key)'", at: node, path: path)
        return nil
      }
      guard let ref = fieldRef(n, path: "\(path).\(key)", scope: nil) else { return nil }
      guard ref.type == type else {
        r.error("'\(ref.path)' is \(ref.type.noun), not \(noun)", at: n, path: "\(path).\(key)")
        return nil
      }
      return ref
    }
    switch kinds[0] {
    case "field":
      guard let ref = typedField("field", .money, "an amount of money") else { return nil }
      return .init(value: .field(ref), ifAbsent: leaveOut, onlyIf: onlyIf)
    case "unused-share":
      guard let amount = typedField("unused-share", .money, "an amount of money"),
        let total = typedField("units-total", .number, "a whole number"),
        let used = typedField("units-used", .number, "a whole number")
      else { return nil }
      return .init(
        value: .unusedShare(amount: amount, total: total, used: used), ifAbsent: leaveOut, onlyIf: onlyIf)
    case "multiply":
      guard let ref = fieldRef(m["multiply"]!, path: "\(path).multiply", scope: nil) else { return nil }
      guard ref.type == .money else {
        r.error(
          "'\(ref.path)' is \(ref.type.noun), not an amount of money", at: m["multiply"],
          path: "\(path).multiply")
        return nil
      }
      guard let by = r.integer(m["by"], path: "\(path).by", range: 1...1000) else {
        if m["by"] == nil {
          r.error("missing key 'by': the whole number to multiply by", at: node, path: path)
        }
        return nil
      }
      return .init(value: .multiple(ref, Int64(by)), ifAbsent: leaveOut, onlyIf: onlyIf)
    case "fixed":
      guard let money = r.money(m["fixed"], path: "\(path).fixed") else { return nil }
      return .init(value: .fixed(money), ifAbsent: leaveOut, onlyIf: onlyIf)
    default:
      guard let id = r.string(m["amount"], path: "\(path).amount") else { return nil }
      guard amounts[id] != nil else {
        r.error(
          "no amount '\(id)' defined above this one" + suggestion(id, amountIDs), at: m["amount"],
          path: "\(path).amount")
        return nil
      }
      return .init(value: .amount(id), ifAbsent: leaveOut, onlyIf: onlyIf)
    }
  }

  // MARK: Rules

  private func parseRuleFile(_ root: Node) -> [Rule] {
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
      when = condition(w, path: "\(p).when", scope: nil)
    } else {
      r.error("missing key 'when': the condition under which the rule fires", at: node, path: p)
    }
    let unless = m["unless"].flatMap { condition($0, path: "\(p).unless", scope: nil) }
    var fields: [String] = []
    if let f = m["fields"], let list = r.sequence(f, path: "\(p).fields") {
      for (i, n) in list.enumerated() {
        guard let s = r.string(n, path: "\(p).fields[\(i)]") else { continue }
        if CaseFieldSchema.type(of: s) == nil {
          unknownField(s, at: n, path: "\(p).fields[\(i)]", candidates: CaseFieldSchema.allPaths)
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
      guard let m = r.mapping(node, path: path, allowed: venues.map(\.venue.rawValue)) else { return [:] }
      for v in venues {
        if let s: FindingSeverity = r.enumeration(m[v.venue.rawValue], path: "\(path).\(v.venue.rawValue)") {
          out[v.venue] = s
        } else if m[v.venue.rawValue] == nil {
          r.error("missing the severity for venue \(v.venue.rawValue)", at: node, path: path)
        }
      }
    } else if let s: FindingSeverity = r.enumeration(node, path: path) {
      for v in venues { out[v.venue] = s }
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
              + suggestion(name, Array(names)) + " (define it under 'values:')",
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
          if let c = cm["if"] { condition = self.condition(c, path: "\(cp).if", scope: nil) }
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
        if sources[key] == nil {
          r.error(
            "no source '\(key)' under 'sources' in pack.yaml" + suggestion(key, Array(sources.keys)), at: c,
            path: "\(p).cites")
          continue
        }
        out.append((name, .cites(key)))
      } else if let a = m["amount"] {
        guard let id = r.string(a, path: "\(p).amount") else { continue }
        if amounts[id] == nil {
          r.error("no amount '\(id)' in the pack" + suggestion(id, amountIDs), at: a, path: "\(p).amount")
          continue
        }
        let optional = m["optional"].flatMap { r.bool($0, path: "\(p).optional") } ?? false
        out.append((name, optional ? .optional(.amount(id)) : .amount(id)))
      } else if m["plus"] != nil || m["first-of"] != nil || m["rolled"] != nil {
        if let term = dateTerm(v, path: p, scope: nil) { out.append((name, .date(term))) }
      } else if let f = m["field"], let t = m["texts"] {
        guard let ref = fieldRef(f, path: "\(p).field", scope: nil, allowListElement: true) else { continue }
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
          guard let w = word(wk, path: "\(p).texts", allowed: allowed, field: ref.path) else { continue }
          table[w] = texts(wv, path: "\(p).texts.\(w)", parent: t)
        }
        out.append((name, .choice(ref, table)))
      } else if let f = m["field"] {
        if let ref = fieldRef(f, path: "\(p).field", scope: nil, allowListElement: true) {
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

  func parseCitations(_ node: Node?, path: String, parent: Node) -> [Citation] {
    CitationReader(sources: sources).citations(node, path: path, parent: parent, reader: r)
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
        guard let em = r.mapping(n, path: ep, allowed: ["note", "today", "case", "fields", "says"]) else {
          continue
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
            says: r.string(em["says"], path: "\(ep).says"), file: r.file, line: n.mark?.line ?? 0,
            column: n.mark?.column ?? 0,
            fragment: YAMLFragment(node: em["case"] ?? Node.mapping(Node.Mapping([])))))
      }
    }
    return out
  }

  // MARK: Conditions

  static let compositeOperators = ["all", "any", "not"]
  static let presenceOperators = ["is-true", "is-absent", "is-present", "is-empty"]
  static let listOperators = ["some", "none"]
  static let comparisonOperators =
    ["equals", "one-of"] + DateComparison.allCases.map(\.rawValue) + MoneyComparison.allCases.map(\.rawValue)
  static let operators =
    compositeOperators + presenceOperators + listOperators + comparisonOperators + ["missing"]
  static let conditionKeys = operators + ["field", "where"]

  /// `scope` is the list path when inside `where` (fields are named from the element).
  func condition(_ node: Node, path: String, scope: String?) -> Condition? {
    guard let m = r.mapping(node, path: path, allowed: Self.conditionKeys) else { return nil }
    let ops = Self.operators.filter { m[$0] != nil }
    guard ops.count == 1, let op = ops.first else {
      if ops.isEmpty {
        r.error(
          "a condition needs one operator: \(Self.operators.joined(separator: ", "))", at: node, path: path)
      } else {
        r.error(
          "one operator per condition, found \(ops.joined(separator: " and ")); combine conditions with 'all:' or 'any:'",
          at: node, path: path)
      }
      return nil
    }
    let arg = m[op]!
    let p = "\(path).\(op)"
    let isComparison = Self.comparisonOperators.contains(op)
    if m["field"] != nil && !isComparison {
      r.error(
        "'field' goes with a comparison (equals, one-of, before, more-than, …), not with '\(op)'",
        at: m["field"], path: "\(path).field")
    }
    if m["where"] != nil && !Self.listOperators.contains(op) {
      r.error("'where' goes with 'some' or 'none', not with '\(op)'", at: m["where"], path: "\(path).where")
    }
    switch op {
    case "all", "any":
      guard let list = r.sequence(arg, path: p) else { return nil }
      if list.isEmpty { r.error("'\(op)' needs at least one condition", at: arg, path: p) }
      let parts = list.enumerated().compactMap {
        condition($0.element, path: "\(p)[\($0.offset)]", scope: scope)
      }
      guard parts.count == list.count else { return nil }
      return op == "all" ? .all(parts) : .any(parts)
    case "not":
      return condition(arg, path: p, scope: scope).map { .not($0) }
    case "is-true", "is-absent", "is-present", "is-empty":
      guard let ref = fieldRef(arg, path: p, scope: scope) else { return nil }
      switch op {
      case "is-true":
        guard ref.type == .flag else {
          return wrongType(ref, "is-true", wants: "true or false", at: arg, path: p)
        }
        return .isTrue(ref)
      case "is-empty":
        guard ref.type == .list else { return wrongType(ref, "is-empty", wants: "a list", at: arg, path: p) }
        return .isEmpty(ref)
      case "is-absent": return .isAbsent(ref)
      default: return .isPresent(ref)
      }
    case "some", "none":
      guard let ref = fieldRef(arg, path: p, scope: scope) else { return nil }
      guard ref.type == .list else { return wrongType(ref, op, wants: "a list", at: arg, path: p) }
      guard scope == nil else {
        r.error("'\(op)' cannot be used inside 'where'", at: arg, path: p)
        return nil
      }
      var inner: Condition?
      if let w = m["where"] {
        guard let c = condition(w, path: "\(path).where", scope: ref.path) else { return nil }
        inner = c
      }
      return op == "some" ? .some(ref, inner) : .none(ref, inner)
    case "missing":
      guard scope == nil else {
        r.error("'missing' cannot be used inside 'where'", at: arg, path: p)
        return nil
      }
      return missing(arg, path: p)
    default:
      return comparison(op, m, node: node, path: path, scope: scope)
    }
  }

  private func wrongType(
    _ ref: FieldRef, _ op: String, wants: String, at node: Node, path: String
  ) -> Condition? {
    r.error("'\(op)' needs \(wants), but '\(ref.path)' is \(ref.type.noun)", at: node, path: path)
    return nil
  }

  private func comparison(
    _ op: String, _ m: [String: Node], node: Node, path: String, scope: String?
  ) -> Condition? {
    guard let fieldNode = m["field"] else {
      r.error("'\(op)' compares a field: add 'field: PATH'", at: node, path: path)
      return nil
    }
    guard let ref = fieldRef(fieldNode, path: "\(path).field", scope: scope) else { return nil }
    let arg = m[op]!
    let p = "\(path).\(op)"
    if let dc = DateComparison(rawValue: op) {
      guard ref.type == .date else {
        return wrongType(ref, op, wants: "a date", at: fieldNode, path: "\(path).field")
      }
      let left = DateTerm(base: ref.isToday ? .today : .firstOf([ref]), offset: nil)
      guard let right = dateTerm(arg, path: p, scope: scope) else { return nil }
      return .date(left, dc, right)
    }
    if let mc = MoneyComparison(rawValue: op) {
      guard ref.type == .money else {
        return wrongType(ref, op, wants: "an amount of money", at: fieldNode, path: "\(path).field")
      }
      guard let right = moneyTerm(arg, path: p, scope: scope) else { return nil }
      return .money(.field(ref), mc, right)
    }
    if op == "one-of" {
      guard case .word(let allowed) = ref.type else {
        return wrongType(ref, op, wants: "a word from a fixed list", at: fieldNode, path: "\(path).field")
      }
      guard let list = r.sequence(arg, path: p) else { return nil }
      var words: [String] = []
      for (i, n) in list.enumerated() {
        if let w = word(n, path: "\(p)[\(i)]", allowed: allowed, field: ref.path) { words.append(w) }
      }
      guard words.count == list.count, !words.isEmpty else {
        if list.isEmpty { r.error("'one-of' needs at least one word", at: arg, path: p) }
        return nil
      }
      return .oneOf(ref, words)
    }
    // equals
    if case .mapping = arg {
      guard let am = r.mapping(arg, path: p, allowed: ["field"]), let f = am["field"],
        let other = fieldRef(f, path: "\(p).field", scope: nil)
      else { return nil }
      guard Self.comparable(ref.type, other.type) else {
        r.error(
          "cannot compare '\(ref.path)' (\(ref.type.noun)) with '\(other.path)' (\(other.type.noun))", at: f,
          path: "\(p).field")
        return nil
      }
      return .equals(ref, .field(other))
    }
    switch ref.type {
    case .word(let allowed):
      return word(arg, path: p, allowed: allowed, field: ref.path).map { .equals(ref, .word($0)) }
    case .text:
      return r.string(arg, path: p).map { .equals(ref, .text($0)) }
    case .flag:
      return r.bool(arg, path: p).map { .equals(ref, .flag($0)) }
    case .number:
      return r.integer(arg, path: p, range: Int.min...Int.max).map { .equals(ref, .number($0)) }
    case .date, .money, .section, .list:
      r.error(
        "'equals' does not apply to '\(ref.path)' (\(ref.type.noun)); "
          + (ref.type == .date
            ? "use before, after, on-or-before or on-or-after"
            : ref.type == .money
              ? "use more-than, less-than, at-least or at-most" : "use some, none or is-empty"),
        at: arg, path: p)
      return nil
    }
  }

  static func comparable(_ a: CaseFieldSchema.FieldType, _ b: CaseFieldSchema.FieldType) -> Bool {
    switch (a, b) {
    case (.text, .text), (.text, .word), (.word, .text), (.word, .word), (.flag, .flag), (.number, .number):
      return true
    default: return false
    }
  }

  private func word(_ node: Node, path: String, allowed: [String], field: String) -> String? {
    guard let w = r.string(node, path: path) else { return nil }
    guard allowed.contains(w) else {
      var message = "'\(field)' never holds \"\(w)\"; it holds one of: \(allowed.joined(separator: ", "))"
      if let near = YAMLNodeReader.nearest(w, in: allowed) { message += " (did you mean '\(near)'?)" }
      r.error(message, at: node, path: path)
      return nil
    }
    return w
  }

  func dateTerm(_ node: Node, path: String, scope: String?) -> DateTerm? {
    if case .scalar = node {
      guard let s = r.string(node, path: path) else { return nil }
      if s == "today" { return DateTerm(base: .today, offset: nil) }
      if let d = CalendarDate(iso: s) { return DateTerm(base: .literal(d), offset: nil) }
      guard let ref = dateFieldRef(node, text: s, path: path, scope: scope) else { return nil }
      guard ref.type == .date else {
        r.error("'\(ref.path)' is \(ref.type.noun), not a date", at: node, path: path)
        return nil
      }
      return DateTerm(base: .firstOf([ref]), offset: nil)
    }
    guard let m = r.mapping(node, path: path, allowed: ["field", "first-of", "plus", "rolled"]) else {
      return nil
    }
    var rolled = false
    if let rn = m["rolled"], let b = r.bool(rn, path: "\(path).rolled") { rolled = b }
    var offset: DateOffset?
    if let pn = m["plus"], let text = r.string(pn, path: "\(path).plus") {
      offset = DateOffset(text: text)
      if offset == nil {
        r.error(
          "expected a period such as '7 days', '6 months' or '3 years', got \"\(text)\"", at: pn,
          path: "\(path).plus")
        return nil
      }
    }
    var refs: [FieldRef] = []
    var paths: [(Node, String)] = []
    if let f = m["field"] { paths.append((f, "\(path).field")) }
    if let fo = m["first-of"], let list = r.sequence(fo, path: "\(path).first-of") {
      for (i, n) in list.enumerated() { paths.append((n, "\(path).first-of[\(i)]")) }
    }
    guard m["field"] == nil || m["first-of"] == nil else {
      r.error("give either 'field' or 'first-of', not both", at: node, path: path)
      return nil
    }
    guard !paths.isEmpty else {
      r.error(
        "a date is 'field: PATH' or 'first-of: [PATH, PATH]', optionally with 'plus'", at: node, path: path)
      return nil
    }
    for (n, p) in paths {
      if let s = r.string(n, path: p), s == "today" {
        refs.append(FieldRef(path: "today", type: .date, keys: [], inElement: false))
        continue
      }
      guard let ref = dateFieldRef(n, text: r.string(n, path: p), path: p, scope: scope) else { return nil }
      guard ref.type == .date else {
        r.error("'\(ref.path)' is \(ref.type.noun), not a date", at: n, path: p)
        return nil
      }
      refs.append(ref)
    }
    if refs.count == 1 && refs[0].isToday { return DateTerm(base: .today, offset: offset, rolled: rolled) }
    return DateTerm(base: .firstOf(refs), offset: offset, rolled: rolled)
  }

  /// A date field named in a date term. Inside `where` a name is the element's field; a name
  /// the element does not have but the case has (`purchase.received_on`) is the case's, so a
  /// list element's date can be compared with a date of the case.
  private func dateFieldRef(_ node: Node, text: String?, path: String, scope: String?) -> FieldRef? {
    if let list = scope, let text, CaseFieldSchema.type(of: "\(list)[].\(text)") == nil,
      CaseFieldSchema.type(of: text) != nil
    {
      return fieldRef(node, path: path, scope: nil)
    }
    return fieldRef(node, path: path, scope: scope)
  }

  private func moneyTerm(_ node: Node, path: String, scope: String?) -> MoneyTerm? {
    if case .scalar = node {
      guard let s = r.string(node, path: path) else { return nil }
      if let m = Money(decimal: s) { return .literal(m) }
      r.error(
        "expected an amount such as \"500.00\", {amount: ID} or {field: PATH}, got \"\(s)\"", at: node,
        path: path)
      return nil
    }
    guard let m = r.mapping(node, path: path, allowed: ["amount", "field"]) else { return nil }
    if let a = m["amount"], m["field"] == nil {
      guard let id = r.string(a, path: "\(path).amount") else { return nil }
      guard amounts[id] != nil else {
        r.error("no amount '\(id)' in the pack" + suggestion(id, amountIDs), at: a, path: "\(path).amount")
        return nil
      }
      return .amount(id)
    }
    if let f = m["field"], m["amount"] == nil {
      guard let ref = fieldRef(f, path: "\(path).field", scope: scope) else { return nil }
      guard ref.type == .money else {
        r.error("'\(ref.path)' is \(ref.type.noun), not an amount of money", at: f, path: "\(path).field")
        return nil
      }
      return .field(ref)
    }
    r.error("give either 'amount' or 'field'", at: node, path: path)
    return nil
  }

  private func missing(_ node: Node, path: String) -> Condition? {
    guard let list = r.sequence(node, path: path) else { return nil }
    var out: [Requirement] = []
    for (i, n) in list.enumerated() {
      let p = "\(path)[\(i)]"
      var fieldNode = n
      var guardRef: FieldRef?
      if case .mapping = n {
        guard let m = r.mapping(n, path: p, allowed: ["field", "if-present"]), let f = m["field"] else {
          r.error("an entry is a field path, or {field: PATH, if-present: SECTION}", at: n, path: p)
          continue
        }
        fieldNode = f
        if let g = m["if-present"] { guardRef = fieldRef(g, path: "\(p).if-present", scope: nil) }
      }
      guard let text = r.string(fieldNode, path: p) else { continue }
      guard CaseFieldSchema.type(of: text) != nil else {
        unknownField(text, at: fieldNode, path: p, candidates: CaseFieldSchema.allPaths)
        continue
      }
      if let range = text.range(of: "[].", options: .backwards) {
        let listPath = String(text[..<range.lowerBound])
        let rest = text[range.upperBound...].split(separator: ".").map(String.init)
        guard let listRef = fieldRef(Node(listPath), path: p, scope: nil) else { continue }
        let ref = FieldRef(path: text, type: CaseFieldSchema.type(of: text)!, keys: rest, inElement: true)
        out.append(
          Requirement(
            reportedPath: listPath, field: ref, list: listRef, elementKeys: rest, ifPresent: guardRef))
      } else {
        guard let ref = fieldRef(fieldNode, path: p, scope: nil) else { continue }
        out.append(
          Requirement(reportedPath: text, field: ref, list: nil, elementKeys: [], ifPresent: guardRef))
      }
    }
    guard out.count == list.count, !out.isEmpty else {
      if list.isEmpty { r.error("'missing' needs at least one field", at: node, path: path) }
      return nil
    }
    return .missing(out)
  }

  // MARK: Fields

  /// Resolves a field path written in a condition. At the top level a path names a field from
  /// the top of the case; inside `where`, from the list element. `[]` is accepted only where
  /// `allowListElement` says (values and fields, which read the element a condition matched).
  func fieldRef(_ node: Node, path: String, scope: String?, allowListElement: Bool = false) -> FieldRef? {
    guard let text = r.string(node, path: path) else {
      if !YAMLNodeReader.isNull(node) { return nil }
      r.error("expected a field path such as purchase.amount_paid", at: node, path: path)
      return nil
    }
    if text == CaseFieldSchema.today || text == CaseFieldSchema.referenceDay {
      return FieldRef(path: text, type: .date, keys: [], inElement: false)
    }
    if let list = scope {
      let absolute = "\(list)[].\(text)"
      guard !text.contains("["), let type = CaseFieldSchema.type(of: absolute) else {
        let prefix = "\(list)[]."
        let names = CaseFieldSchema.allPaths.filter { $0.hasPrefix(prefix) }.map {
          String($0.dropFirst(prefix.count))
        }
        var message = "an element of \(list) has no field '\(text)'"
        if let near = YAMLNodeReader.nearest(text, in: names) {
          message += "; did you mean '\(near)'?"
        } else {
          message += "; inside 'where', name fields of the element: \(names.joined(separator: ", "))"
        }
        r.error(message, at: node, path: path)
        return nil
      }
      return FieldRef(
        path: absolute, type: type, keys: text.split(separator: ".").map(String.init), inElement: true)
    }
    guard let type = CaseFieldSchema.type(of: text) else {
      unknownField(
        text, at: node, path: path,
        candidates: CaseFieldSchema.allPaths + [CaseFieldSchema.today, CaseFieldSchema.referenceDay])
      return nil
    }
    if text.contains("[]") && !allowListElement {
      let list = String(text[..<text.range(of: "[]")!.lowerBound])
      r.error(
        "a condition names a list's elements through 'some: \(list)' with 'where:'; '\(text)' names no single value",
        at: node, path: path)
      return nil
    }
    var keys: [String] = []
    for part in text.split(separator: ".") {
      if part.hasSuffix("[]") {
        keys.append(String(part.dropLast(2)))
        keys.append("[]")
      } else {
        keys.append(String(part))
      }
    }
    return FieldRef(path: text, type: type, keys: keys, inElement: false)
  }

  private func unknownField(_ text: String, at node: Node, path: String, candidates: [String]) {
    var message = "the case file has no field '\(text)'"
    if let near = YAMLNodeReader.nearest(text, in: candidates) {
      message += "; did you mean '\(near)'?"
    } else {
      message += "; fields are named as in the case file, such as purchase.amount_paid (see docs/rules.md)"
    }
    r.error(message, at: node, path: path)
  }

  private func suggestion(_ word: String, _ candidates: [String]) -> String {
    YAMLNodeReader.nearest(word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
  }
}
