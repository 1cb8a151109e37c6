import Foundation
import Yams

/// Runs the examples of a pack's rules: each example's case fragment is merged over the
/// pack's base case (mappings merge key by key, lists and values replace, `null` removes),
/// read as a case file, and checked. An example that applies must make its rule fire (with the
/// fields, words and severity it names); one that does not apply must not. A failure is
/// reported at the example's own line in the pack file.
public enum RuleExampleRunner {
  public struct Report: Sendable {
    /// How many examples ran.
    public var checked: Int
    /// One diagnostic per failing example, at the example's file and line.
    public var failures: [Diagnostic]
  }

  public static func run(_ engine: RuleEngine, only ruleID: String? = nil) -> Report {
    let pack = engine.pack
    let base: Node
    do {
      base = try YAMLDocumentLoader.load(contentsOf: pack.exampleBase, displayName: pack.exampleBase.path)
      _ = try CaseFileReader.decode(base, file: pack.exampleBase.path)
    } catch let e as DiagnosticsError {
      return Report(checked: 0, failures: e.diagnostics)
    } catch {
      return Report(
        checked: 0, failures: [Diagnostic(.error, file: pack.exampleBase.path, message: "\(error)")])
    }
    var report = Report(checked: 0, failures: [])
    for rule in pack.rules where ruleID == nil || rule.id == ruleID {
      for (index, example) in rule.examples.enumerated() {
        report.checked += 1
        if let problem = check(example, number: index + 1, of: rule, base: base, engine: engine) {
          report.failures.append(
            Diagnostic(
              .error, file: example.file, line: example.line, column: example.column, path: rule.id,
              message: problem))
        }
      }
    }
    return report
  }

  /// The case an example describes: its fragment merged over the base case.
  public static func exampleCase(_ example: RuleExample, engine: RuleEngine) throws -> CaseFile {
    let base = try YAMLDocumentLoader.load(
      contentsOf: engine.pack.exampleBase, displayName: engine.pack.exampleBase.path)
    return try CaseFileReader.decode(merge(base, example.fragment.node), file: example.file)
  }

  private static func check(
    _ example: RuleExample, number: Int, of rule: Rule, base: Node, engine: RuleEngine
  ) -> String? {
    let label = "example \(number) (\(example.kind.rawValue)\(example.note.map { ": \($0)" } ?? ""))"
    let c: CaseFile
    do {
      c = try CaseFileReader.decode(merge(base, example.fragment.node), file: example.file)
    } catch let e as DiagnosticsError {
      let reasons = e.diagnostics.map { d in
        (d.line.map { "line \($0): " } ?? "") + (d.path.isEmpty ? "" : "\(d.path): ") + d.message
      }
      return "\(label): the merged case is not a valid case file: " + reasons.joined(separator: "; ")
    } catch {
      return "\(label): \(error)"
    }
    let today = example.today ?? engine.pack.exampleToday
    let finding = engine.evaluate(rule: rule.id, on: c, today: today)
    switch example.kind {
    case .doesNotApply:
      guard let f = finding else { return nil }
      return "\(label): the rule fired but should not: \(f.message(in: "en"))"
    case .applies:
      guard let f = finding else {
        return "\(label): the rule did not fire on \(today.iso) but should"
      }
      if let expected = example.expectedFields, expected != f.fields {
        return "\(label): the finding names fields \(f.fields), expected \(expected)"
      }
      if let severity = example.severity, severity != f.severity {
        return "\(label): the finding is a \(f.severity.rawValue), expected a \(severity.rawValue)"
      }
      if let says = example.says, !f.messages.values.contains(where: { $0.contains(says) }) {
        return
          "\(label): no message contains \"\(says)\": \(f.message(in: "zh-Hans")) / \(f.message(in: "en"))"
      }
      return nil
    }
  }

  /// `over` merged into `base`: mappings key by key (a `null` value removes the key), any other
  /// value replaces. Marks are kept, so problems point at the line that wrote the value.
  static func merge(_ base: Node, _ over: Node) -> Node {
    guard case .mapping(let b) = base, case .mapping(let o) = over else { return over }
    var overrides: [String: Node] = [:]
    for (k, v) in o {
      if let key = k.string { overrides[key] = v }
    }
    var pairs: [(Node, Node)] = []
    var used = Set<String>()
    for (k, v) in b {
      guard let key = k.string, let replacement = overrides[key] else {
        pairs.append((k, v))
        continue
      }
      used.insert(key)
      if YAMLNodeReader.isNull(replacement) { continue }
      pairs.append((k, merge(v, replacement)))
    }
    for (k, v) in o {
      guard let key = k.string, !used.contains(key) else { continue }
      if YAMLNodeReader.isNull(v) { continue }
      pairs.append((k, v))
    }
    return .mapping(Node.Mapping(pairs, b.tag, b.style, b.mark))
  }
}
