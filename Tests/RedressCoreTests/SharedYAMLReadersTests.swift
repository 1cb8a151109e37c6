import Foundation
import Testing
import Yams

@testable import RedressCore

/// The layer every YAML format of `legal/` and `templates/` shares: one schema check with one
/// wording, one reader of texts in several languages, one reader of citations through the
/// source registry.
struct SharedYAMLReadersTests {
  private static func read(_ yaml: String, _ body: (YAMLNodeReader, [String: Node], Node) -> Void) throws
    -> [String]
  {
    let node = try YAMLDocumentLoader.load(data: Data(yaml.utf8), file: "f.yaml")
    let r = YAMLNodeReader(file: "f.yaml")
    guard case .mapping(let map) = node else { return ["not a mapping"] }
    var top: [String: Node] = [:]
    for (k, v) in map { top[k.string ?? ""] = v }
    body(r, top, node)
    return r.diagnostics.map(\.description)
  }

  // MARK: Schema

  @Test func schemaIsCheckedWithOneWording() throws {
    let version = SchemaVersion(current: 2, oldest: 2, olderAdvice: "routes moved")
    func check(_ yaml: String) throws -> [String] {
      try Self.read(yaml) { r, top, root in r.schema(top, of: root, reads: version) }
    }
    #expect(try check("schema: 2\n") == [])
    #expect(try check("x: 1\n") == ["f.yaml:1:1: error: schema: missing 'schema: 2'"])
    #expect(try check("x: 1\nschema: ~\n") == ["f.yaml:2:9: error: schema: missing 'schema: 2'"])
    #expect(
      try check("schema: 3\n") == [
        "f.yaml:1:9: error: schema: schema 3 is newer than this redress reads (2): update redress"
      ])
    #expect(
      try check("schema: 1\n") == [
        "f.yaml:1:9: error: schema: schema 1 is older than this redress reads (2): routes moved"
      ])
    #expect(
      try check("schema: two\n") == ["f.yaml:1:9: error: schema: expected a whole number, got \"two\""])
  }

  /// Every format of `legal/` refuses a newer schema with the same message at the same place.
  @Test func everyFormatSaysTheSame() throws {
    let newer = "schema: schema 9 is newer than this redress reads ("
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "schema-\(UUID().uuidString)/cn", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    func messages(_ body: () throws -> Void) -> [String] {
      do {
        try body()
        return []
      } catch let e as DiagnosticsError {
        return e.diagnostics.filter { $0.path == "schema" }.map { "\($0.path): \($0.message)" }
      } catch {
        return ["\(error)"]
      }
    }
    try "schema: 9\ntexts: []\n".write(
      to: folder.appendingPathComponent("zh-Hant.yaml"), atomically: true, encoding: .utf8)
    try "schema: 9\nregions: []\n".write(
      to: folder.appendingPathComponent("regions.yaml"), atomically: true, encoding: .utf8)
    let found = [
      messages { _ = try TraditionalTexts.load(directory: folder) },
      messages { _ = try RegionNames.load(jurisdiction: "cn", legal: folder.deletingLastPathComponent()) },
      messages {
        _ = try HolidayCalendarLoader.readYear(
          data: Data("schema: 9\n".utf8), file: "2030.yaml", calendar: "cn")
      },
      messages {
        _ = try ClockCatalogLoader.read(data: Data("schema: 9\n".utf8), file: "clocks.yaml", sources: [:])
      },
    ]
    for (i, m) in found.enumerated() {
      #expect(m.count == 1, "format \(i): \(m)")
      #expect(m.first?.hasPrefix(newer) == true, "format \(i): \(m)")
      #expect(m.first?.hasSuffix("): update redress") == true, "format \(i): \(m)")
    }
  }

  // MARK: Localized texts

  @Test func aTextIsAMappingOfLanguagesWithItsZhHantDerived() throws {
    let table = TraditionalTexts(texts: ["消费者协会": "消費者協會"])
    let texts = LocalizedTextReader(traditional: table)
    var read: [[String: String]] = []
    let problems = try Self.read(
      """
      a: {zh-Hans: " 消费者协会 ", en: association}
      b: {zh-Hans: 未知, en: unknown}
      c: {zh-Hans: 市场, zh-Hant: 市場, en: market}
      d: {zh-Hans: 只有中文}
      e: {zh-Hans: "", en: blank}
      f: 第二条
      """
    ) { r, top, root in
      for key in ["a", "b", "c", "d", "e"] {
        read.append(texts.text(top[key], path: key, parent: root, reader: r))
      }
      read.append(texts.text(top["f"], path: "f", parent: root, allowPlain: true, reader: r))
      read.append(texts.text(top["g"], path: "g", parent: root, reader: r))
      read.append(texts.text(top["f"], path: "f", parent: root, reader: r))
    }
    #expect(read[0] == ["zh-Hans": "消费者协会", "zh-Hant": "消費者協會", "en": "association"])
    #expect(read[1] == ["zh-Hans": "未知", "en": "unknown"])
    #expect(read[2] == ["zh-Hans": "市场", "zh-Hant": "市場", "en": "market"])
    #expect(read[5] == ["zh-Hans": "第二条", "en": "第二条"])
    #expect(texts.untranslated == ["未知", "只有中文"])
    #expect(
      problems == [
        "f.yaml:4:4: error: d.en: missing the en text",
        "f.yaml:5:14: error: e.zh-Hans: missing the zh-Hans text",
        "f.yaml:1:1: error: g: missing key 'g': a text in zh-Hans and en",
        "f.yaml:6:4: error: f: expected a mapping with keys such as zh-Hans, zh-Hant, en, got \"第二条\"",
      ])
  }

  /// A clock's route gives its languages beside its other keys.
  @Test func languagesBesideOtherKeys() throws {
    let texts = LocalizedTextReader(traditional: nil)
    var read: [String: String] = [:]
    let problems = try Self.read("route: {id: x, zh-Hans: 撤回, en: withdraw}\nother: {id: y, en: only}\n") {
      r, top, _ in
      if let m = r.mapping(top["route"]!, path: "route", allowed: ["id", "zh-Hans", "en"]) {
        read = texts.text(in: m, at: top["route"]!, path: "route", reader: r)
      }
      if let m = r.mapping(top["other"]!, path: "other", allowed: ["id", "zh-Hans", "en"]) {
        _ = texts.text(in: m, at: top["other"]!, path: "other", reader: r)
      }
    }
    #expect(read == ["zh-Hans": "撤回", "en": "withdraw"])
    #expect(texts.untranslated == [])
    #expect(problems == ["f.yaml:2:8: error: other.zh-Hans: missing the zh-Hans text"])
  }

  // MARK: Citations

  @Test func citationsResolveThroughTheRegistry() throws {
    let pack = """
      schema: 1
      sources:
        law: {name: {zh-Hans: 《法》, en: Law}, kind: regulation}
      """
    let root = try YAMLDocumentLoader.load(data: Data(pack.utf8), file: "pack.yaml")
    guard case .mapping(let map) = root else { return }
    let sources = SourceRegistry.parse(
      map.first { $0.key.string == "sources" }?.value, parent: root, reader: YAMLNodeReader(file: "pack.yaml")
    )
    let registry = CitationReader(sources: sources)
    var cited: [Citation] = []
    let problems = try Self.read(
      """
      good: [{source: law, article: 第二条, confidence: regulation}]
      bad:
        - {source: lwa, article: 第二条, confidence: regulation}
        - {source: law, article: 第二条, confidence: statute}
      none: []
      """
    ) { r, top, root in
      cited = registry.citations(top["good"], path: "good", parent: root, reader: r)
      _ = registry.citations(top["bad"], path: "bad", parent: root, reader: r)
      _ = registry.citations(top["none"], path: "none", parent: root, reader: r)
      _ = registry.citations(top["absent"], path: "absent", parent: root, requireOne: false, reader: r)
    }
    #expect(cited.map(\.source) == ["《法》"])
    #expect(cited.map(\.article) == ["第二条"])
    #expect(cited.map(\.sourceKey) == ["law"])
    #expect(
      problems == [
        "f.yaml:3:14: error: bad[0].source: no source 'lwa' under 'sources' in pack.yaml",
        "f.yaml:4:45: error: bad[1].confidence: 'law' is a source of kind regulation; a citation of it cannot claim statute",
        "f.yaml:5:7: error: none: at least one citation is needed",
      ])
  }
}
