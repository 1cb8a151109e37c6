import Foundation
import RedressTestSupport
import Testing

/// `--lang zh-Hant` prints Traditional Chinese: the output of `rules`, `rules explain` (every
/// rule), `deadline`, `check` (the shared examples and a stored case), `calendar` (notices and
/// the statute) and `status` holds no
/// character that OpenCC's `s2hk` (the converter `scripts/derive-zh-hant` derives zh-Hant with)
/// would still convert, except in the case's own data (names, descriptions), which is masked
/// first: the user's words are printed as the user wrote them.
@Suite struct ZhHantOutputEndToEndTests {
  static let opencc = URL(fileURLWithPath: "/usr/bin/opencc")
  static var toolsPresent: Bool { FileManager.default.isExecutableFile(atPath: opencc.path) }

  /// The texts of a case file: every value (comments left out) that holds a Chinese character.
  static func caseTexts(_ files: [URL]) throws -> [String] {
    var texts: Set<String> = []
    for file in files {
      for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
        var value = line.drop { $0 == " " || $0 == "-" }
        if value.hasPrefix("#") { continue }
        if let comment = value.range(of: " #") { value = value[..<comment.lowerBound] }
        if let colon = value.range(of: ": ") { value = value[colon.upperBound...] }
        let text = value.trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
        if text.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) {
          texts.insert(text)
        }
      }
    }
    return texts.sorted { $0.count > $1.count }
  }

  /// `text` with each case text (and the start of one cut short with `…` in a table column)
  /// replaced by `＊`.
  static func masked(_ text: String, _ caseTexts: [String]) -> String {
    var out = text
    for t in caseTexts {
      out = out.replacingOccurrences(of: t, with: String(repeating: "＊", count: t.count))
      let chars = Array(t)
      for n in stride(from: chars.count - 1, through: 2, by: -1) {
        let cut = String(chars[0..<n]) + "…"
        out = out.replacingOccurrences(of: cut, with: String(repeating: "＊", count: n + 1))
      }
    }
    return out
  }

  /// The characters `s2hk` converts, each with the line it is on.
  static func simplified(in text: String) throws -> [String] {
    let r = try ProcessRunner.run(opencc, ["-c", "s2hk.json"], stdin: Data(text.utf8))
    #expect(r.exitCode == 0, "\(r.stderr)")
    let converted = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    let original = text.split(separator: "\n", omittingEmptySubsequences: false)
    var found: [String] = []
    for (a, b) in zip(original, converted) where a != b {
      let changed = zip(a, b).filter { $0 != $1 }.map { String($0.0) }.joined()
      found.append("\(changed.isEmpty ? "(length)" : changed) in: \(a)")
    }
    return found
  }

  @Test(.enabled(if: toolsPresent || Fixtures.isCI, "needs opencc (make test-deps)"))
  func fiveCommandsPrintNoSimplifiedCharacters() throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: ProcessRunner.redressBinary.path), "build redress first")
    let store = try Fixtures.temporaryDirectory("zh-hant-store")
    defer { try? FileManager.default.removeItem(at: store) }
    let environment = [
      "REDRESS_DATA": Fixtures.repositoryRoot.path, "REDRESS_HOME": store.path, "LANG": "C.UTF-8",
    ]
    func run(_ arguments: [String], language: String = "zh-Hant") throws -> String {
      let r = try ProcessRunner.redress(arguments + ["--lang", language], environment: environment)
      #expect(r.exitCode <= 1, "\(arguments): \(r.stderr)")
      return r.stdout
    }
    // A stored case with an open clock (overdue: its routes and their citations are printed)
    // and one answered.
    _ = try run(["import", Fixtures.washerCase.path])
    _ = try run(["import", Fixtures.foodAgentCase.path])
    let stored = try #require(
      try JSONSerialization.jsonObject(with: Data(try run(["list", "--format", "json"]).utf8))
        as? [[String: Any]])
    let ids = stored.compactMap { $0["case"] as? String }
    #expect(ids.count == 2)
    let food = try #require(ids.first { $0 != "washer-2026" })
    _ = try run(["file", food, "--on", "2026-11-20"])

    let rules = try run(["rules"])
    let ruleIDs = try run(["rules"], language: "en").split(separator: "\n").filter { $0.hasPrefix("cn.") }
      .map { String($0.split(separator: " ")[0]) }
    #expect(ruleIDs.count > 30)
    var outputs: [(String, String)] = [("rules", rules)]
    for id in ruleIDs { outputs.append(("rules explain \(id)", try run(["rules", "explain", id]))) }
    outputs += [
      ("deadline", try run(["deadline", "--from", "2025-01-20", "--days", "15"])),
      (
        "deadline --working-days",
        try run(["deadline", "--from", "2025-09-26", "--days", "5", "--working-days"])
      ),
      (
        "deadline provisional",
        try run(["deadline", "--from", "2030-01-20", "--days", "15", "--today", "2030-11-02"])
      ),
      ("check washer", try run(["check", Fixtures.washerCase.path, "--today", "2026-11-22"])),
      ("check food-agent", try run(["check", Fixtures.foodAgentCase.path, "--today", "2026-11-22"])),
      ("check stored", try run(["check", "washer-2026"])),
      // A year of two notices with their numbers, and a year the statute alone decides.
      ("calendar 2020", try run(["calendar", "2020"])),
      ("calendar 2031", try run(["calendar", "2031"])),
      ("status", try run(["status"])),
    ]
    let texts = try Self.caseTexts([Fixtures.washerCase, Fixtures.foodAgentCase])
    #expect(texts.contains("王小明"))
    for (name, output) in outputs {
      #expect(
        output.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(name) printed no Chinese")
      let found = try Self.simplified(in: Self.masked(output, texts))
      #expect(
        found.isEmpty,
        "\(name): Simplified characters outside the case's data:\n\(found.joined(separator: "\n"))")
    }
    // The status table has Traditional words of its own, and the overdue case's routes.
    let status = try #require(outputs.last?.1)
    #expect(status.contains("狀態"))
    #expect(status.contains("下一步可以"))
  }
}
