import Foundation
import Yams

/// The tables of `pack.yaml` that rule files refer to: its venues, its source registry and its
/// computed amounts (in the order they are defined).
struct PackTables: Sendable {
  var venues: [RulePack.VenueInfo] = []
  var sources: [String: RulePack.Source] = [:]
  var amounts: [String: AmountFormula] = [:]
  var amountIDs: [String] = []
}

/// Reads a pack: `pack.yaml` (its name, venues, sources, labels, amounts, examples and the list
/// of rule files), then the rule files side by side (`RuleParser`, one per file, over the same
/// `PackTables`), then the checks across files (a rule id defined twice).
final class PackParser {
  let directory: URL
  let jurisdiction: String
  private var diagnostics: [Diagnostic] = []
  private var r: YAMLNodeReader
  private var tables = PackTables()
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

  /// Reads the conditions and field paths of `pack.yaml` (an amount's `applies-if`), against
  /// the amounts defined above the one being read.
  private var conditions: ConditionParser {
    ConditionParser(reader: r, amounts: tables.amounts, amountIDs: tables.amountIDs)
  }

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
    let (tables, traditional, jurisdiction) = (self.tables, self.traditional, self.jurisdiction)
    let urls = files.map { directory.appendingPathComponent($0) }
    DispatchQueue.concurrentPerform(iterations: urls.count) { i in
      results.set(
        i, RuleParser.parse(at: urls[i], jurisdiction: jurisdiction, tables: tables, traditional: traditional)
      )
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
      venues: tables.venues, sources: tables.sources, labels: labels, rules: rules, directory: directory,
      exampleBase: exampleBase, exampleToday: exampleToday, amounts: tables.amounts,
      amountIDs: tables.amountIDs,
      traditional: traditional, missingTraditional: missingTraditional, calendarName: calendarName)
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
      tables.venues.append(.init(venue: venue, names: texts(v, path: "venues.\(key)", parent: node)))
    }
    if tables.venues.isEmpty { r.error("a pack has at least one venue", at: node, path: "venues") }
  }

  private func parseSources(_ node: Node?, parent: Node) {
    tables.sources = SourceRegistry.parse(node, parent: parent, reader: r)
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
        conditions.unknownField(key, at: k, path: "labels.\(key)", candidates: CaseFieldSchema.allPaths)
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
      if let c = m["applies-if"] {
        formula.appliesIf = conditions.condition(c, path: "\(p).applies-if", scope: nil)
      }
      if m["label"] != nil { formula.label = texts(m["label"], path: "\(p).label", parent: v) }
      tables.amounts[id] = formula
      tables.amountIDs.append(id)
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
    if let c = m["only-if"] { onlyIf = conditions.condition(c, path: "\(path).only-if", scope: nil) }
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
      guard let ref = conditions.fieldRef(n, path: "\(path).\(key)", scope: nil) else { return nil }
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
      guard let ref = conditions.fieldRef(m["multiply"]!, path: "\(path).multiply", scope: nil) else {
        return nil
      }
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
      guard tables.amounts[id] != nil else {
        r.error(
          "no amount '\(id)' defined above this one" + conditions.suggestion(id, tables.amountIDs),
          at: m["amount"],
          path: "\(path).amount")
        return nil
      }
      return .init(value: .amount(id), ifAbsent: leaveOut, onlyIf: onlyIf)
    }
  }

  func parseCitations(_ node: Node?, path: String, parent: Node) -> [Citation] {
    CitationReader(sources: tables.sources).citations(node, path: path, parent: parent, reader: r)
  }
}
