/// What a rule condition may name: every field path of the case file (version 1) with its
/// type, and the case's values as a tree that conditions read. Paths are written as in the
/// case file (`purchase.amount_paid`); an element of a list is `[]` (`purchase.items[].name`).
/// Both are walks over the case file's field tables (`CaseFile.fields`), so a rule can never
/// name a field the case file does not have.
public enum CaseFieldSchema {
  /// The kind of value at a path; decides which operators a condition may apply to it.
  public enum FieldType: Hashable, Sendable {
    /// Free text; blank text counts as absent.
    case text
    /// One of the listed kebab-case words.
    case word([String])
    /// true or false; absent counts as false for `is-true`.
    case flag
    case date
    case money
    case number
    /// A mapping of further fields (`purchase`).
    case section
    /// A list of elements (`claims`); empty counts as absent.
    case list

    /// How a message names the type ("a date").
    public var noun: String {
      switch self {
      case .text: return "text"
      case .word: return "a word from a fixed list"
      case .flag: return "true or false"
      case .date: return "a date"
      case .money: return "an amount of money"
      case .number: return "a whole number"
      case .section: return "a section"
      case .list: return "a list"
      }
    }
  }

  public struct Field: Hashable, Sendable {
    public let path: String
    public let type: FieldType
  }

  /// The day the check runs; usable wherever a date field is.
  public static let today = "today"
  /// The reference day of a case (`rules.md`): `filing.filed_on` once filed, else today;
  /// usable wherever a date field is.
  public static let referenceDay = "reference-day"

  /// Every field path of `CaseFile`, in the order of `case-file.md`: the field tables
  /// (`CaseFile.fields`) flattened.
  public static let fields: [Field] = {
    var out: [Field] = []
    func walk(_ fields: [CaseFieldDescription], _ prefix: String) {
      for f in fields {
        let path = prefix + f.key
        out.append(Field(path: path, type: f.type))
        switch f.type {
        case .section: walk(f.children, path + ".")
        case .list: walk(f.children, path + "[].")
        default: break
        }
      }
    }
    walk(CaseFile.fields.map(\.description), "")
    return out
  }()

  /// The type at `path`, nil when the case file has no such field.
  public static func type(of path: String) -> FieldType? { byPath[path] }

  static let byPath: [String: FieldType] = Dictionary(
    uniqueKeysWithValues: fields.map { ($0.path, $0.type) })

  /// Every path, for "did you mean" suggestions.
  public static var allPaths: [String] { fields.map(\.path) }

  // MARK: Values

  /// A value of the case as conditions see it. Blank text, empty lists and absent optionals
  /// are simply not in the tree.
  public indirect enum Value: Hashable, Sendable {
    case text(String)
    case word(String)
    case flag(Bool)
    case date(CalendarDate)
    case money(Money)
    case number(Int)
    case section([String: Value])
    case list([Value])

    /// The child at `key` of a section.
    public subscript(key: String) -> Value? {
      if case .section(let s) = self { return s[key] }
      return nil
    }
  }

  /// The case as a tree of values keyed like the case file.
  public static func values(of c: CaseFile) -> Value { CaseFile.fields.values(of: c) }
}
