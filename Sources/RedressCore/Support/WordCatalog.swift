import Foundation
import RedressData
import Yams

/// The interface wording of one area (`store`, `tracking`, …) in one language, read from
/// `templates/words/<language>/<area>.yaml`. A translator edits those files; Swift only names
/// the key and gives the values of its placeholders.
///
/// A file:
///
///     schema: 1
///     words:
///       is-a-folder: "{reference} 是一个文件夹"
///       evidence-files:            # a count: `one` for 1, `other` for every other number
///         one: "1 evidence file"
///         other: "{count} evidence files"
///       weekday:                   # a group: its keys are `weekday.mon`, …
///         mon: "周一"
///
/// A key is `area.name` (`store.is-a-folder`, `tracking.weekday.mon`). `{name}` in a text is a
/// placeholder filled from the caller's values; no language of a key names a placeholder its
/// zh-Hans lacks (a test checks), and every key exists in every language: a missing key shows
/// as `⟨area.key⟩` and fails the tests, never a silent fallback to another language.
/// zh-Hant is generated from zh-Hans by `scripts/derive-zh-hant`.
public struct WordCatalog: Sendable {
  public static let schema = 1
  public static let folderName = "words"
  public static let languages = ["zh-Hans", "zh-Hant", "en"]

  public enum Entry: Sendable, Equatable {
    case text(String)
    /// English counts: `one` for exactly 1, `other` for the rest.
    case count(one: String, other: String)

    public var texts: [String] {
      switch self {
      case .text(let t): return [t]
      case .count(let one, let other): return [one, other]
      }
    }
  }

  public let language: String
  public private(set) var entries: [String: Entry]

  /// Why the wording could not be read (a broken file: its first diagnostic, with file and
  /// line), shown beside a key that has no text, so a user who edits a wording file learns
  /// where it is broken.
  public var problem: String?

  public init(language: String, entries: [String: Entry] = [:], problem: String? = nil) {
    self.language = language
    self.entries = entries
    self.problem = problem
  }

  /// The text of `key` with its placeholders filled.
  public func phrase(_ key: String, _ values: [String: String] = [:]) -> String {
    guard let entry = entries[key] else { return missing(key) }
    switch entry {
    case .text(let t): return Self.fill(t, values)
    case .count(_, let other): return Self.fill(other, values)
    }
  }

  /// The text of a counted `key`: `{count}` is `count`, and a key with `one`/`other` forms
  /// takes the form for the number.
  public func phrase(_ key: String, count: Int, _ values: [String: String] = [:]) -> String {
    guard let entry = entries[key] else { return missing(key) }
    var all = values
    all["count"] = String(count)
    switch entry {
    case .text(let t): return Self.fill(t, all)
    case .count(let one, let other): return Self.fill(count == 1 ? one : other, all)
    }
  }

  func missing(_ key: String) -> String {
    guard let problem else { return "⟨\(key)⟩" }
    return "⟨\(key)⟩ (the wording cannot be read: \(problem))"
  }

  // MARK: Placeholders

  /// Replaces each `{name}` whose name is among `values`; any other brace stays as written.
  public static func fill(_ template: String, _ values: [String: String]) -> String {
    guard !values.isEmpty, template.contains("{") else { return template }
    var out = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      out += rest[..<open]
      let after = rest[rest.index(after: open)...]
      if let close = after.firstIndex(of: "}"), let value = values[String(after[..<close])] {
        out += value
        rest = after[after.index(after: close)...]
      } else {
        out += "{"
        rest = after
      }
    }
    out += rest
    return out
  }

  /// The placeholder names of a text: `{name}` with a name of ASCII letters, digits, `_`, `-`.
  public static func placeholders(in text: String) -> Set<String> {
    var names: Set<String> = []
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{") {
      let after = rest[rest.index(after: open)...]
      guard let close = after.firstIndex(of: "}") else { break }
      let name = after[..<close]
      if !name.isEmpty,
        name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
      {
        names.insert(String(name))
        rest = after[after.index(after: close)...]
      } else {
        rest = after
      }
    }
    return names
  }

  // MARK: Reading

  /// The folder of a language under `templates/`.
  public static func folder(templates: URL, language: String) -> URL {
    templates.appendingPathComponent(folderName, isDirectory: true)
      .appendingPathComponent(language, isDirectory: true)
  }

  /// The areas (file stems) of a language folder, sorted.
  public static func areas(in folder: URL) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
  }

  /// Every area of a language: all problems of all files at once.
  public static func load(templates: URL, language: String) throws -> WordCatalog {
    let folder = folder(templates: templates, language: language)
    var catalog = WordCatalog(language: language)
    var problems: [Diagnostic] = []
    let areas = areas(in: folder)
    if areas.isEmpty {
      throw DiagnosticsError([
        Diagnostic(.error, file: folder.path, message: "no wording files (*.yaml) in this folder")
      ])
    }
    for area in areas {
      do {
        catalog.entries.merge(try loadArea(area, folder: folder)) { a, _ in a }
      } catch let error as DiagnosticsError {
        problems += error.diagnostics
      }
    }
    if !problems.isEmpty { throw DiagnosticsError(problems) }
    return catalog
  }

  /// One area's file: its keys, prefixed with `area.`.
  public static func loadArea(_ area: String, folder: URL) throws -> [String: Entry] {
    let url = folder.appendingPathComponent("\(area).yaml")
    let node = try YAMLDocumentLoader.load(contentsOf: url, displayName: url.path)
    let r = YAMLNodeReader(file: url.path)
    guard let top = r.mapping(node, path: "", allowed: ["schema", "words"]) else {
      throw DiagnosticsError(r.diagnostics)
    }
    if let schemaNode = top["schema"] {
      if let schema = r.integer(schemaNode, path: "schema", range: 1...1000), schema > Self.schema {
        r.error(
          "schema \(schema) is newer than this build reads (\(Self.schema))", at: schemaNode, path: "schema")
      }
    } else {
      r.error("missing 'schema: \(Self.schema)'", at: node, path: "schema")
    }
    var entries: [String: Entry] = [:]
    if let words = top["words"] {
      read(words, key: area, path: "words", into: &entries, reader: r)
    } else {
      r.error("missing 'words:'", at: node, path: "words")
    }
    if r.hasErrors { throw DiagnosticsError(r.diagnostics) }
    return entries
  }

  private static func read(
    _ node: Node, key: String, path: String, into entries: inout [String: Entry], reader r: YAMLNodeReader
  ) {
    if case .scalar = node {
      if let text = r.string(node, path: path) { entries[key] = .text(text) }
      return
    }
    guard case .mapping(let mapping) = node else {
      r.error("expected a text, a group of texts, or `one`/`other` forms", at: node, path: path)
      return
    }
    let names = mapping.keys.compactMap(\.string)
    if Set(names) == ["one", "other"] {
      if let one = r.string(mapping["one"], path: "\(path).one"),
        let other = r.string(mapping["other"], path: "\(path).other")
      {
        entries[key] = .count(one: one, other: other)
      }
      return
    }
    for (k, v) in mapping {
      guard let name = k.string, !name.isEmpty,
        name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") })
      else {
        r.error("a key is lower-case ASCII letters, digits, '-' or '_'", at: k, path: path)
        continue
      }
      read(v, key: "\(key).\(name)", path: "\(path).\(name)", into: &entries, reader: r)
    }
  }
}

/// The word catalogues of the running process, one per language, each area read on first use
/// (a command reads only the files of the words it prints). The command environment points
/// them at the data folder in use (`--data`); otherwise the data folder is located as
/// `DataLocator` does.
public enum Words {
  private final class State: @unchecked Sendable {
    let lock = NSLock()
    var templates: URL?
    /// The `--data` and `$REDRESS_DATA` values `templates` was located for.
    var locatedFor: [String?]?
    var areas: [String: [String: WordCatalog.Entry]] = [:]  // "lang/area" → entries
    var failures: [String: DiagnosticsError] = [:]
  }

  private static let state = State()

  /// Uses the `templates/` folder of the data in use (and forgets what was read from another).
  /// A data folder without interface wording (`templates/words/`: a test's or a user's folder
  /// of rules only) leaves the wording where it was, so it never blanks another command's words.
  public static func use(templates: URL) {
    var isFolder: ObjCBool = false
    let words = templates.appendingPathComponent(WordCatalog.folderName, isDirectory: true)
    guard FileManager.default.fileExists(atPath: words.path, isDirectory: &isFolder), isFolder.boolValue
    else { return }
    state.lock.lock()
    defer { state.lock.unlock() }
    if state.templates?.standardizedFileURL != templates.standardizedFileURL {
      state.templates = templates
      state.locatedFor = nil
      state.areas = [:]
      state.failures = [:]
    }
  }

  /// Uses the data folder that `--data` (`explicit`) and `$REDRESS_DATA` (`dataVariable`)
  /// select, located by `locate` only when they differ from the last call's.
  public static func useData(explicit: String?, dataVariable: String?, locate: () -> URL?) {
    let key = [explicit, dataVariable]
    state.lock.lock()
    let known = state.locatedFor == key
    state.lock.unlock()
    guard !known, let templates = locate() else { return }
    use(templates: templates)
    state.lock.lock()
    state.locatedFor = key
    state.lock.unlock()
  }

  /// Reads every area of `language` now, so that a broken wording file is reported as an
  /// error of the command (with file and line) rather than shown as `⟨key⟩` later.
  public static func check(language: String) throws {
    guard let templates = templatesFolder() else { return }
    let folder = WordCatalog.folder(templates: templates, language: language)
    var problems: [Diagnostic] = []
    for area in WordCatalog.areas(in: folder) {
      if case .failure(let error) = entries(language: language, area: area) { problems += error.diagnostics }
    }
    if !problems.isEmpty { throw DiagnosticsError(problems) }
  }

  /// The text of `area.key` in `language`.
  public static func phrase(_ key: String, language: String, _ values: [String: String] = [:]) -> String {
    catalog(for: key, language: language).phrase(key, values)
  }

  /// The text of a counted `area.key` in `language`.
  public static func phrase(_ key: String, language: String, count: Int, _ values: [String: String] = [:])
    -> String
  {
    catalog(for: key, language: language).phrase(key, count: count, values)
  }

  private static func catalog(for key: String, language: String) -> WordCatalog {
    let area = key.split(separator: ".", maxSplits: 1).first.map(String.init) ?? key
    switch entries(language: language, area: area) {
    case .success(let entries): return WordCatalog(language: language, entries: entries)
    case .failure(let error):
      return WordCatalog(language: language, problem: error.diagnostics.first?.description)
    }
  }

  private static func templatesFolder() -> URL? {
    state.lock.lock()
    let known = state.templates
    state.lock.unlock()
    if let known { return known }
    guard let located = try? DataLocator.locate() else { return nil }
    use(templates: located.templates)
    return located.templates
  }

  private static func entries(language: String, area: String) -> Result<
    [String: WordCatalog.Entry], DiagnosticsError
  > {
    guard let templates = templatesFolder() else { return .success([:]) }
    let id = "\(language)/\(area)"
    state.lock.lock()
    if let found = state.areas[id] {
      state.lock.unlock()
      return .success(found)
    }
    if let failed = state.failures[id] {
      state.lock.unlock()
      return .failure(failed)
    }
    state.lock.unlock()
    let folder = WordCatalog.folder(templates: templates, language: language)
    let result: Result<[String: WordCatalog.Entry], DiagnosticsError>
    if FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(area).yaml").path) {
      do {
        result = .success(try WordCatalog.loadArea(area, folder: folder))
      } catch let error as DiagnosticsError {
        result = .failure(error)
      } catch {
        result = .failure(DiagnosticsError([Diagnostic(.error, file: folder.path, message: "\(error)")]))
      }
    } else {
      result = .success([:])
    }
    state.lock.lock()
    switch result {
    case .success(let e): state.areas[id] = e
    case .failure(let f): state.failures[id] = f
    }
    state.lock.unlock()
    return result
  }
}

extension InterfaceLanguage {
  /// The interface text of `key` (`area.name`) in this language, from
  /// `templates/words/<language>/<area>.yaml`, with its `{placeholders}` filled.
  public func phrase(_ key: String, _ values: [String: String] = [:]) -> String {
    Words.phrase(key, language: rawValue, values)
  }

  /// A counted text: `{count}` is `count`; English picks its `one`/`other` form.
  public func phrase(_ key: String, count: Int, _ values: [String: String] = [:]) -> String {
    Words.phrase(key, language: rawValue, count: count, values)
  }
}
