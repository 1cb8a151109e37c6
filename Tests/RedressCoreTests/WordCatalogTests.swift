import Foundation
import RedressCore
import RedressTestSupport
import Testing

/// The interface wording (`templates/words/<language>/*.yaml`): every key in every language with
/// the same placeholders, every key the Swift sources name present, and the reader's own rules.
@Suite struct WordCatalogTests {
  static let templates = Fixtures.repositoryRoot.appendingPathComponent("templates", isDirectory: true)

  static func catalogs() throws -> [String: WordCatalog] {
    var out: [String: WordCatalog] = [:]
    for language in WordCatalog.languages {
      out[language] = try WordCatalog.load(templates: templates, language: language)
    }
    return out
  }

  @Test func everyLanguageHasTheSameAreasKeysAndPlaceholders() throws {
    let catalogs = try Self.catalogs()
    let hans = try #require(catalogs["zh-Hans"])
    #expect(hans.entries.count > 10)
    let areas = WordCatalog.areas(in: WordCatalog.folder(templates: Self.templates, language: "zh-Hans"))
    for language in WordCatalog.languages {
      let catalog = try #require(catalogs[language])
      #expect(
        WordCatalog.areas(in: WordCatalog.folder(templates: Self.templates, language: language)) == areas,
        "\(language): the same files as zh-Hans")
      let missing = Set(hans.entries.keys).subtracting(catalog.entries.keys).sorted()
      let extra = Set(catalog.entries.keys).subtracting(hans.entries.keys).sorted()
      #expect(missing == [], "\(language) lacks these keys")
      #expect(extra == [], "\(language) has keys zh-Hans lacks")
      for (key, entry) in catalog.entries {
        guard let reference = hans.entries[key] else { continue }
        // The union over a key's forms: a `one` form may say "1 file" without `{count}`.
        func names(_ e: WordCatalog.Entry) -> Set<String> {
          e.texts.map(WordCatalog.placeholders(in:)).reduce(Set()) { $0.union($1) }.subtracting(["count"])
        }
        // A translation may leave out a value its sentence does not need (English says "longer
        // than the manifest says" without the number), never name one the program does not give.
        #expect(
          names(entry).isSubset(of: names(reference)),
          "\(language) \(key): placeholders \(names(entry).sorted()) against zh-Hans \(names(reference).sorted())"
        )
      }
    }
  }

  /// Every literal key the sources name (`phrase("area.key"`) exists; a key the code asks for
  /// and the catalogue lacks would print `⟨area.key⟩`.
  @Test func everyKeyTheSourcesNameExists() throws {
    let hans = try WordCatalog.load(templates: Self.templates, language: "zh-Hans")
    let sources = Fixtures.repositoryRoot.appendingPathComponent("Sources", isDirectory: true)
    let pattern = try Regex(#"phrase\(\s*"([a-z0-9_-]+(?:\.[a-z0-9_-]+)+)""#)
    var named = 0
    let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
    while let url = files?.nextObject() as? URL {
      guard url.pathExtension == "swift" else { continue }
      let text = try String(contentsOf: url, encoding: .utf8)
      for match in text.matches(of: pattern) {
        guard let key = match.output[1].substring.map(String.init) else { continue }
        named += 1
        #expect(hans.entries[key] != nil, "\(url.lastPathComponent) names \(key), which no catalogue has")
      }
    }
    #expect(named > 10)
  }

  @Test func placeholdersAreFilledAndOtherBracesKept() {
    #expect(WordCatalog.fill("{a} 与 {b}", ["a": "甲", "b": "乙"]) == "甲 与 乙")
    #expect(WordCatalog.fill("{a} {unknown} {", ["a": "x"]) == "x {unknown} {")
    #expect(WordCatalog.placeholders(in: "{id}：{n} 个 {not a name} {") == ["id", "n"])
  }

  @Test func countsPickTheirForm() {
    let catalog = WordCatalog(
      language: "en",
      entries: ["t.files": .count(one: "1 file", other: "{count} files"), "t.zh": .text("{count} 个文件")])
    #expect(catalog.phrase("t.files", count: 1) == "1 file")
    #expect(catalog.phrase("t.files", count: 3) == "3 files")
    #expect(catalog.phrase("t.zh", count: 1) == "1 个文件")
    #expect(catalog.phrase("t.absent") == "⟨t.absent⟩")
    let broken = WordCatalog(language: "en", problem: "area.yaml:3:5: error: words.x: expected a text")
    #expect(
      broken.phrase("area.x")
        == "⟨area.x⟩ (the wording cannot be read: area.yaml:3:5: error: words.x: expected a text)")
  }

  @Test func aBrokenFileIsReportedWithItsLine() throws {
    let folder = try Fixtures.temporaryDirectory("words")
    defer { try? FileManager.default.removeItem(at: folder) }
    let dir = folder.appendingPathComponent("words/en", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try "schema: 1\nwords:\n  good: \"x\"\n  Bad Key: \"y\"\n  list: [1, 2]\n".write(
      to: dir.appendingPathComponent("area.yaml"), atomically: true, encoding: .utf8)
    try "words:\n  a: \"b\"\n".write(
      to: dir.appendingPathComponent("other.yaml"), atomically: true, encoding: .utf8)
    do {
      _ = try WordCatalog.load(templates: folder, language: "en")
      Issue.record("a broken catalogue loaded")
    } catch let error as DiagnosticsError {
      let text = error.description
      #expect(text.contains("area.yaml:4"), "\(text)")
      #expect(text.contains("area.yaml:5"), "\(text)")
      #expect(text.contains("other.yaml"), "\(text)")
      #expect(text.contains("schema"), "\(text)")
    }
  }

  /// A data folder with rules but no `templates/words/` (a test's fixture, a user's own rules)
  /// does not blank the wording of commands running beside it.
  @Test func aFolderWithoutWordsKeepsTheWording() throws {
    let folder = try Fixtures.temporaryDirectory("no-words")
    defer { try? FileManager.default.removeItem(at: folder) }
    Words.use(templates: Self.templates)
    Words.use(templates: folder)
    #expect(
      Words.phrase("common.no-stored-case", language: "en", ["reference": "x"])
        == "no stored case 'x'; `redress list` shows the stored cases")
  }
}
