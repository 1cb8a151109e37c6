import Mustache

/// The value a template sees: text, a yes/no flag, a list or a group of named values. Every
/// typed context (`LetterContext` and the others) becomes one of these through
/// `TemplateValue.make(from:)`, the single place where a context turns into template input, and
/// where every piece of text is escaped for the Markdown subset on its way in.
public indirect enum TemplateValue: Hashable, Sendable {
  case text(String)
  case flag(Bool)
  case list([TemplateValue])
  /// Named values, in declaration order.
  case group([(String, TemplateValue)])
  /// An absent optional: the key exists, a section over it renders nothing.
  case null

  public static func == (lhs: TemplateValue, rhs: TemplateValue) -> Bool {
    switch (lhs, rhs) {
    case (.text(let a), .text(let b)): return a == b
    case (.flag(let a), .flag(let b)): return a == b
    case (.list(let a), .list(let b)): return a == b
    case (.group(let a), .group(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    case (.null, .null): return true
    default: return false
    }
  }

  public func hash(into hasher: inout Hasher) {
    switch self {
    case .text(let s):
      hasher.combine(0)
      hasher.combine(s)
    case .flag(let b):
      hasher.combine(1)
      hasher.combine(b)
    case .list(let l):
      hasher.combine(2)
      hasher.combine(l)
    case .group(let g):
      hasher.combine(3)
      for (k, v) in g {
        hasher.combine(k)
        hasher.combine(v)
      }
    case .null: hasher.combine(4)
    }
  }

  /// The value named `key` of a group.
  public subscript(key: String) -> TemplateValue? {
    guard case .group(let entries) = self else { return nil }
    return entries.first { $0.0 == key }?.1
  }

  /// What swift-mustache renders: `String`, `Bool`, `[Any]` and `[String: Any]`. An absent
  /// optional stays as a null value under its key: it prints nothing and hides its section,
  /// and, unlike a missing key, it stops mustache from looking the name up in the enclosing
  /// groups (an exhibit without a date must not print the letter's date).
  public var mustacheInput: Any {
    switch self {
    case .text(let s): return s
    case .flag(let b): return b
    case .list(let items): return items.map(\.mustacheInput)
    case .group(let entries):
      var dictionary: [String: Any] = [:]
      for (key, value) in entries { dictionary[key] = value.mustacheInput }
      return dictionary
    case .null: return AbsentValue()
    }
  }
}

/// An absent optional as mustache sees it: null, printed as nothing.
struct AbsentValue: MustacheCustomRenderable {
  var renderText: String { "" }
  var isNull: Bool { true }
}

/// A typed context, or a part of one, that templates may read. Conformance is a promise that
/// every stored property is `String`, `Bool`, an optional or array of those, or another
/// `TemplateFields` value: values are formatted (dates, money, enumerations) before they get
/// here, never by the template.
public protocol TemplateFields: Sendable {}

extension TemplateValue {
  /// Turns a context into template input. Property names become keys in snake_case
  /// (`idNumber` is `{{id_number}}`); strings pass through `escape` (the Markdown subset's
  /// escaping, so user text can never become markup or a tag); blank strings count as absent.
  /// A property of any other type is a programming error, caught by the tag-check tests.
  public static func make(from context: any TemplateFields, escape: (String) -> String)
    -> TemplateValue
  {
    var names: [String: String] = [:]
    return convert(context, escape: escape, names: &names)
  }

  /// The same value with every text passed through `transform` (what `make` with that
  /// `escape` gives, without reading the context again).
  public func mappingText(_ transform: (String) -> String) -> TemplateValue {
    switch self {
    case .text(let s): return .text(transform(s))
    case .flag, .null: return self
    case .list(let items): return .list(items.map { $0.mappingText(transform) })
    case .group(let entries): return .group(entries.map { ($0.0, $0.1.mappingText(transform)) })
    }
  }

  /// `names` remembers the snake_case form of each property name met.
  private static func convert(_ value: Any, escape: (String) -> String, names: inout [String: String])
    -> TemplateValue
  {
    switch value {
    case let s as String:
      return s.allSatisfy(\.isWhitespace) ? .null : .text(escape(s))
    case let b as Bool:
      return .flag(b)
    case let fields as any TemplateFields:
      let mirror = Mirror(reflecting: fields)
      var entries: [(String, TemplateValue)] = []
      for child in mirror.children {
        guard let label = child.label else { continue }
        let key: String
        if let known = names[label] {
          key = known
        } else {
          key = snakeCase(label)
          names[label] = key
        }
        entries.append((key, convert(child.value, escape: escape, names: &names)))
      }
      return .group(entries)
    default:
      break
    }
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .optional:
      guard let wrapped = mirror.children.first?.value else { return .null }
      return convert(wrapped, escape: escape, names: &names)
    case .collection:
      var items: [TemplateValue] = []
      for child in mirror.children { items.append(convert(child.value, escape: escape, names: &names)) }
      return .list(items)
    default:
      preconditionFailure(
        "template contexts hold String, Bool, lists and TemplateFields only, got \(type(of: value))")
    }
  }

  /// `idNumber` → `id_number`.
  static func snakeCase(_ name: String) -> String {
    var out = ""
    for c in name {
      if c.isUppercase {
        out.append("_")
        out.append(contentsOf: c.lowercased())
      } else {
        out.append(c)
      }
    }
    return out
  }
}
