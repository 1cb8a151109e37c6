import Foundation
import Yams

/// Reads the condition language of rule packs (`rules.md`): `all`/`any`/`not`, presence and
/// list operators, comparisons of dates, money, words, texts, flags and numbers, `missing`, and
/// the field paths, date terms and money terms they name, each checked against the case file's
/// field schema (`CaseFieldSchema`) and the pack's amounts.
struct ConditionParser {
  let r: YAMLNodeReader
  /// The pack's amounts that a money term may name (`{amount: ID}`).
  let amounts: [String: AmountFormula]
  let amountIDs: [String]

  init(reader: YAMLNodeReader, amounts: [String: AmountFormula], amountIDs: [String]) {
    self.r = reader
    self.amounts = amounts
    self.amountIDs = amountIDs
  }

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

  func word(_ node: Node, path: String, allowed: [String], field: String) -> String? {
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

  func unknownField(_ text: String, at node: Node, path: String, candidates: [String]) {
    var message = "the case file has no field '\(text)'"
    if let near = YAMLNodeReader.nearest(text, in: candidates) {
      message += "; did you mean '\(near)'?"
    } else {
      message += "; fields are named as in the case file, such as purchase.amount_paid (see docs/rules.md)"
    }
    r.error(message, at: node, path: path)
  }

  func suggestion(_ word: String, _ candidates: [String]) -> String {
    YAMLNodeReader.nearest(word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
  }
}
