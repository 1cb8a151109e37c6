import Foundation
import Yams

/// Whether a case-file field must be given (`case-file.md`; `rules.md`: `cn.missing-contents`
/// and `cn.incomplete-facts`).
public enum FieldPresence: String, Hashable, Sendable, CaseIterable {
  case optional
  /// Absent or blank leaves the complaint incomplete (`CaseValidator.missingRequiredFields`).
  case required
  /// Required when the section that holds it is present (the agent's name and phone).
  case requiredInSection = "required-in-section"
  /// Expected: its absence is a warning (`CaseValidator.missingExpectedFields`).
  case expected
}

/// A check the reader applies to a text field beyond its type: a value it names is refused
/// with the message returned, and never kept, so that a partial case stays writable.
public struct TextCheck: Sendable {
  /// How the field reference names the check ("a six-digit GB/T 2260 code").
  public let name: String
  let problem: @Sendable (String) -> String?

  public init(_ name: String, problem: @escaping @Sendable (String) -> String?) {
    self.name = name
    self.problem = problem
  }
}

/// What a field is, without its root type: for the rules' field schema and the field reference.
public struct CaseFieldDescription: Sendable {
  public let key: String
  public let type: CaseFieldSchema.FieldType
  public let presence: FieldPresence
  /// What the reader checks beyond the type, if anything.
  public let check: String?
  /// The fields of a section, or of each element of a list.
  public let children: [CaseFieldDescription]
}

/// The mapping a field is read from, with everything a field's reader needs.
struct FieldReadContext {
  let reader: YAMLNodeReader
  /// The entries of the mapping that holds the field.
  let entries: [String: Node]
  /// The path of that mapping (`""` for the root, `purchase.items[0]`).
  let path: String
  /// The mapping's own node, and the entries of the mapping around it (for checks across
  /// sections: a prepaid card needs `purchase.amount_paid` or its balance).
  let node: Node
  let parent: [String: Node]?

  func path(of key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}

/// One field of a case-file mapping, described once: its key, its type, whether it is
/// required, and where it lives in the model. The reader, the writer, the rules' field schema,
/// the validator's required fields and the field reference (`docs/case-file-fields.md`) are
/// walks over these tables (`CaseFile.fields` and the tables of each section); adding a field
/// to the case file is one line in its section's table.
public struct CaseField<Root>: @unchecked Sendable {
  public let description: CaseFieldDescription
  let read: (inout Root, FieldReadContext) -> Void
  /// The field's value as a YAML node, styled for its type; nil when absent (left out).
  let node: (Root) -> Node?
  let value: (Root) -> CaseFieldSchema.Value?
  /// Appends the paths of this field (and below) that `pass` requires and `root` lacks.
  let missing: (Root?, _ path: String, _ pass: FieldPresence, inout [String]) -> Void

  public var key: String { description.key }
  var isList: Bool {
    if case .list = description.type { return true }
    return false
  }
}

// MARK: Walks over a table

extension Array {
  /// Reads every field of a mapping into `root`, in table order (so that problems on one line
  /// keep their order).
  func read<Root>(into root: inout Root, _ context: FieldReadContext) where Element == CaseField<Root> {
    for field in self { field.read(&root, context) }
  }

  /// The mapping the writer emits for `root`: its present fields in table order.
  func node<Root>(of root: Root) -> Node where Element == CaseField<Root> {
    var pairs: [(Node, Node)] = []
    pairs.reserveCapacity(count)
    for field in self {
      if let value = field.node(root) { pairs.append((CaseFileWriter.plain(field.key), value)) }
    }
    return .mapping(Node.Mapping(pairs, .implicit, .block))
  }

  func values<Root>(of root: Root) -> CaseFieldSchema.Value where Element == CaseField<Root> {
    var entries: [String: CaseFieldSchema.Value] = [:]
    for field in self {
      if let v = field.value(root) { entries[field.key] = v }
    }
    return .section(entries)
  }

  /// The paths `pass` requires that `root` lacks: a mapping's own fields in table order
  /// (sections walked in place), then its lists.
  func missing<Root>(in root: Root?, path: String, pass: FieldPresence, into out: inout [String])
  where Element == CaseField<Root> {
    for field in self where !field.isList { field.missing(root, path, pass, &out) }
    for field in self where field.isList { field.missing(root, path, pass, &out) }
  }
}

// MARK: One constructor per type

extension CaseField {
  private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  private static func blank(_ s: String) -> Bool { s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

  /// A scalar field: `decode` reads it (reporting its own problems), `emit` writes it.
  private static func scalar<V>(
    _ key: String, _ kp: WritableKeyPath<Root, V?>, _ type: CaseFieldSchema.FieldType,
    _ presence: FieldPresence, check: String? = nil, isBlank: @escaping (V) -> Bool = { _ in false },
    decode: @escaping (FieldReadContext, String) -> V?,
    emit: @escaping (V) -> Node,
    value: @escaping (V) -> CaseFieldSchema.Value?
  ) -> CaseField {
    CaseField(
      description: CaseFieldDescription(key: key, type: type, presence: presence, check: check, children: []),
      read: { root, context in
        if let v = decode(context, context.path(of: key)) { root[keyPath: kp] = v }
      },
      node: { root in root[keyPath: kp].map(emit) },
      value: { root in root[keyPath: kp].flatMap(value) },
      missing: { root, path, pass, out in
        guard presence == pass, pass != .requiredInSection || root != nil else { return }
        if let v = root?[keyPath: kp], !isBlank(v) { return }
        out.append(join(path, key))
      })
  }

  /// Free text; `check` refuses values the type allows but the field does not.
  public static func text(
    _ key: String, _ kp: WritableKeyPath<Root, String?>, _ presence: FieldPresence = .optional,
    check: TextCheck? = nil
  ) -> CaseField {
    scalar(
      key, kp, .text, presence, check: check?.name, isBlank: blank,
      decode: { context, path in
        let node = context.entries[key]
        guard let s = context.reader.string(node, path: path) else { return nil }
        if let problem = check?.problem(s) {
          context.reader.error(problem, at: node, path: path)
          return nil
        }
        return s
      },
      emit: CaseFileWriter.text,
      value: { $0.allSatisfy(\.isWhitespace) ? nil : .text($0) })
  }

  /// One of an enumeration's kebab-case words.
  public static func word<E: CaseEnum>(
    _ key: String, _ kp: WritableKeyPath<Root, E?>, _ presence: FieldPresence = .optional
  ) -> CaseField {
    scalar(
      key, kp, .word(E.allowedWords), presence,
      decode: { context, path in context.reader.enumeration(context.entries[key], path: path, as: E.self) },
      emit: { CaseFileWriter.plain($0.rawValue) },
      value: { .word($0.rawValue) })
  }

  public static func date(
    _ key: String, _ kp: WritableKeyPath<Root, CalendarDate?>, _ presence: FieldPresence = .optional
  ) -> CaseField {
    scalar(
      key, kp, .date, presence,
      decode: { context, path in context.reader.date(context.entries[key], path: path) },
      emit: { CaseFileWriter.plain($0.iso) },
      value: { .date($0) })
  }

  /// A day with an optional time of day (`filing.events[].date`); rules see the day.
  public static func dateTime(
    _ key: String, _ kp: WritableKeyPath<Root, EventDate?>, _ presence: FieldPresence = .optional
  ) -> CaseField {
    scalar(
      key, kp, .date, presence, check: "YYYY-MM-DD or YYYY-MM-DDTHH:MM",
      decode: { context, path in context.reader.eventDate(context.entries[key], path: path) },
      emit: { CaseFileWriter.plain($0.description) },
      value: { .date($0.date) })
  }

  public static func money(
    _ key: String, _ kp: WritableKeyPath<Root, Money?>, _ presence: FieldPresence = .optional
  ) -> CaseField {
    scalar(
      key, kp, .money, presence,
      decode: { context, path in context.reader.money(context.entries[key], path: path) },
      emit: { CaseFileWriter.text($0.text) },
      value: { .money($0) })
  }

  public static func number(
    _ key: String, _ kp: WritableKeyPath<Root, Int?>, range: ClosedRange<Int>,
    _ presence: FieldPresence = .optional
  ) -> CaseField {
    scalar(
      key, kp, .number, presence, check: "\(range.lowerBound) to \(range.upperBound)",
      decode: { context, path in context.reader.integer(context.entries[key], path: path, range: range) },
      emit: { CaseFileWriter.plain(String($0)) },
      value: { .number($0) })
  }

  /// true or false.
  public static func flag(
    _ key: String, _ kp: WritableKeyPath<Root, Bool?>, _ presence: FieldPresence = .optional
  ) -> CaseField {
    scalar(
      key, kp, .flag, presence,
      decode: { context, path in context.reader.bool(context.entries[key], path: path) },
      emit: { CaseFileWriter.plain($0 ? "true" : "false") },
      value: { .flag($0) })
  }

  /// A mapping of further fields; absent, `null` and `{}`-with-nothing-set are kept apart as
  /// the file has them. `check` runs after the section's fields are read.
  static func section<S>(
    _ key: String, _ kp: WritableKeyPath<Root, S?>, _ fields: [CaseField<S>], make: @escaping () -> S,
    check: ((inout S, FieldReadContext) -> Void)? = nil
  ) -> CaseField {
    CaseField(
      description: CaseFieldDescription(
        key: key, type: .section, presence: .optional, check: nil, children: fields.map(\.description)),
      read: { root, context in
        let r = context.reader
        let path = context.path(of: key)
        guard let node = context.entries[key], !YAMLNodeReader.isNull(node),
          let entries = r.mapping(node, path: path, allowed: fields.map(\.key))
        else { return }
        var s = make()
        let inner = FieldReadContext(
          reader: r, entries: entries, path: path, node: node, parent: context.entries)
        fields.read(into: &s, inner)
        check?(&s, inner)
        root[keyPath: kp] = s
      },
      node: { root in root[keyPath: kp].map { fields.node(of: $0) } },
      value: { root in root[keyPath: kp].map { fields.values(of: $0) } },
      missing: { root, path, pass, out in
        fields.missing(in: root?[keyPath: kp], path: join(path, key), pass: pass, into: &out)
      })
  }

  /// A list of mappings. An empty list is left out when writing, unless `writeEmpty` (then
  /// `key: []`). A required or expected list is missing when no element `counts`.
  static func list<E>(
    _ key: String, _ kp: WritableKeyPath<Root, [E]>, _ fields: [CaseField<E>], make: @escaping () -> E,
    _ presence: FieldPresence = .optional, counts: @escaping (E) -> Bool = { _ in true },
    writeEmpty: Bool = false
  ) -> CaseField {
    CaseField(
      description: CaseFieldDescription(
        key: key, type: .list, presence: presence, check: nil, children: fields.map(\.description)),
      read: { root, context in
        let r = context.reader
        let path = context.path(of: key)
        guard let node = context.entries[key], let elements = r.sequence(node, path: path) else { return }
        for (i, element) in elements.enumerated() {
          let elementPath = "\(path)[\(i)]"
          guard let entries = r.mapping(element, path: elementPath, allowed: fields.map(\.key)) else {
            continue
          }
          var e = make()
          fields.read(
            into: &e,
            FieldReadContext(reader: r, entries: entries, path: elementPath, node: element, parent: nil))
          root[keyPath: kp].append(e)
          if r.budgetExhausted { break }
        }
      },
      node: { root in
        let elements = root[keyPath: kp]
        if elements.isEmpty && !writeEmpty { return nil }
        return .sequence(Node.Sequence(elements.map { fields.node(of: $0) }, .implicit, .block))
      },
      value: { root in
        let elements = root[keyPath: kp].map { fields.values(of: $0) }
        return elements.isEmpty ? nil : .list(elements)
      },
      missing: { root, path, pass, out in
        guard presence == pass, pass != .requiredInSection || root != nil else { return }
        if root?[keyPath: kp].contains(where: counts) == true { return }
        out.append(join(path, key))
      })
  }

  /// A field read, written and valued by hand (`version`, which the reader checks first).
  static func custom(
    _ description: CaseFieldDescription, read: @escaping (inout Root, FieldReadContext) -> Void,
    node: @escaping (Root) -> Node?, value: @escaping (Root) -> CaseFieldSchema.Value?
  ) -> CaseField {
    CaseField(
      description: description, read: read, node: node, value: value, missing: { _, _, _, _ in })
  }
}
