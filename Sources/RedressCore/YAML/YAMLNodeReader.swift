import Yams

/// Reads typed values out of a composed YAML tree, remembering every problem with its line,
/// column and field path instead of stopping at the first. Shared by every YAML file redress
/// reads (case files, rule packs, calendars), so all of them report errors the same way.
public final class YAMLNodeReader {
  public let file: String
  public private(set) var diagnostics: [Diagnostic] = []
  /// How many more nodes may be visited: a file of repeated aliases (the "billion laughs"
  /// shape) expands to far more nodes than it has bytes, and must end in an error.
  private var budget: Int
  public private(set) var budgetExhausted = false
  /// Where each field path was read (line, column), so that later checks can point at it.
  public private(set) var locations: [String: SourceLocation] = [:]

  public init(file: String, nodeBudget: Int = 2_000_000) {
    self.file = file
    self.budget = nodeBudget
  }

  // MARK: Reporting

  public func error(_ message: String, at node: Node?, path: String) {
    report(.error, message, at: node, path: path)
  }

  public func report(_ severity: Diagnostic.Severity, _ message: String, at node: Node?, path: String) {
    let mark = node?.mark
    diagnostics.append(
      Diagnostic(
        severity, file: file, line: mark?.line, column: mark?.column, path: path, message: message))
  }

  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// The value of `key` in `map` (the mapping `parent` at `path`), or nil after reporting
  /// `missing key 'KEY'` (the one wording of every format) at the key's null value or at the
  /// mapping that lacks it.
  public func required(_ key: String, in map: [String: Node], parent: Node, path: String) -> Node? {
    if let node = map[key], !Self.isNull(node) { return node }
    error("missing key '\(key)'", at: map[key] ?? parent, path: path.isEmpty ? key : "\(path).\(key)")
    return nil
  }

  /// Counts a visit; false (after one error) once the budget is spent.
  private func visit(_ node: Node, path: String) -> Bool {
    if budgetExhausted { return false }
    if let mark = node.mark, locations[path] == nil {
      locations[path] = SourceLocation(line: mark.line, column: mark.column)
    }
    budget -= 1
    if budget < 0 {
      budgetExhausted = true
      error(
        "the document expands to too many values (repeated YAML aliases?); a case file needs none",
        at: node, path: path)
      return false
    }
    return true
  }

  // MARK: Shapes

  /// A node that stands for "absent": `null`, `~` or an empty plain scalar.
  public static func isNull(_ node: Node) -> Bool {
    guard case .scalar(let s) = node, s.style == .plain || s.style == .any else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(s.string)
  }

  static func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let s): return "\"\(s.string.prefix(60))\""
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
  }

  /// The entries of a mapping, keyed by their names. Unknown keys are errors naming the key
  /// and the keys that are allowed; duplicate keys are errors too.
  public func mapping(_ node: Node, path: String, allowed: [String]) -> [String: Node]? {
    guard visit(node, path: path) else { return nil }
    guard case .mapping(let map) = node else {
      error(
        "expected a mapping with keys such as \(allowed.prefix(3).joined(separator: ", ")), got \(Self.describe(node))",
        at: node, path: path)
      return nil
    }
    var result: [String: Node] = [:]
    for (keyNode, value) in map {
      guard visit(keyNode, path: path) else { return nil }
      guard case .scalar(let key) = keyNode else {
        error("a key must be a plain word, got \(Self.describe(keyNode))", at: keyNode, path: path)
        continue
      }
      let name = key.string
      let childPath = path.isEmpty ? name : "\(path).\(name)"
      if !allowed.contains(name) {
        var message = "unknown key '\(name)'"
        if let near = Self.nearest(name, in: allowed) {
          message += "; did you mean '\(near)'?"
        } else {
          message += "; expected one of: \(allowed.joined(separator: ", "))"
        }
        error(message, at: keyNode, path: childPath)
        continue
      }
      if result[name] != nil {
        error("key '\(name)' appears twice", at: keyNode, path: childPath)
        continue
      }
      result[name] = value
    }
    return result
  }

  /// The elements of a list (`null` is an empty list).
  public func sequence(_ node: Node, path: String) -> [Node]? {
    guard visit(node, path: path) else { return nil }
    if Self.isNull(node) { return [] }
    guard case .sequence(let seq) = node else {
      error("expected a list (lines starting with '- '), got \(Self.describe(node))", at: node, path: path)
      return nil
    }
    return Array(seq)
  }

  // MARK: Scalars

  /// The scalar's text, or nil for null; an error for a mapping or list.
  public func scalarText(_ node: Node, path: String, expected: String) -> String? {
    guard visit(node, path: path) else { return nil }
    if Self.isNull(node) { return nil }
    guard case .scalar(let s) = node else {
      error("expected \(expected), got \(Self.describe(node))", at: node, path: path)
      return nil
    }
    return s.string
  }

  public func string(_ node: Node?, path: String) -> String? {
    guard let node else { return nil }
    return scalarText(node, path: path, expected: "text")
  }

  public func bool(_ node: Node?, path: String) -> Bool? {
    guard let node, let text = scalarText(node, path: path, expected: "true or false") else {
      return nil
    }
    switch text {
    case "true", "True", "TRUE": return true
    case "false", "False", "FALSE": return false
    default:
      error("expected true or false, got \"\(text)\"", at: node, path: path)
      return nil
    }
  }

  public func date(_ node: Node?, path: String) -> CalendarDate? {
    guard let node, let text = scalarText(node, path: path, expected: "a date YYYY-MM-DD") else {
      return nil
    }
    guard let date = CalendarDate(iso: text) else {
      let looksRight = text.utf8.count == 10 && text.split(separator: "-").count == 3
      error(
        looksRight
          ? "\"\(text)\" is not a day of the calendar"
          : "expected a date YYYY-MM-DD, got \"\(text)\"", at: node, path: path)
      return nil
    }
    return date
  }

  public func eventDate(_ node: Node?, path: String) -> EventDate? {
    guard let node,
      let text = scalarText(node, path: path, expected: "a date YYYY-MM-DD or YYYY-MM-DDTHH:MM")
    else { return nil }
    guard let date = EventDate(text: text) else {
      error("expected a date YYYY-MM-DD or a time YYYY-MM-DDTHH:MM, got \"\(text)\"", at: node, path: path)
      return nil
    }
    return date
  }

  public func money(_ node: Node?, path: String) -> Money? {
    guard let node,
      let text = scalarText(node, path: path, expected: "a decimal amount such as \"2999.00\"")
    else { return nil }
    guard let money = Money(decimal: text) else {
      error("expected a decimal with at most two fraction digits, got \"\(text)\"", at: node, path: path)
      return nil
    }
    if money.minorUnits < 0 {
      error("expected an amount of zero or more, got \"\(text)\"", at: node, path: path)
      return nil
    }
    return money
  }

  public func integer(_ node: Node?, path: String, range: ClosedRange<Int>) -> Int? {
    guard let node, let text = scalarText(node, path: path, expected: "a whole number") else {
      return nil
    }
    guard let value = Int(text), text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") })
    else {
      error("expected a whole number, got \"\(text)\"", at: node, path: path)
      return nil
    }
    guard range.contains(value) else {
      error(
        "expected a whole number from \(range.lowerBound) to \(range.upperBound), got \(value)", at: node,
        path: path)
      return nil
    }
    return value
  }

  public func enumeration<E: CaseEnum>(_ node: Node?, path: String, as type: E.Type = E.self) -> E? {
    guard let node,
      let text = scalarText(node, path: path, expected: "one of \(E.allowedWords.joined(separator: ", "))")
    else { return nil }
    guard let value = E(rawValue: text) else {
      var message =
        "\"\(text)\" is not allowed here; expected one of: \(E.allowedWords.joined(separator: ", "))"
      if let near = Self.nearest(text, in: E.allowedWords) { message += " (did you mean '\(near)'?)" }
      error(message, at: node, path: path)
      return nil
    }
    return value
  }

  // MARK: Suggestions

  /// The allowed word closest to `word`, when it is close enough to be a typo.
  public static func nearest(_ word: String, in candidates: [String]) -> String? {
    let w = Array(word.lowercased())
    var best: (String, Int)?
    for candidate in candidates {
      let d = editDistance(w, Array(candidate.lowercased()))
      if d <= max(1, min(3, candidate.count / 3)), best == nil || d < best!.1 {
        best = (candidate, d)
      }
    }
    return best?.0
  }

  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    if a.count > 64 || b.count > 64 { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
