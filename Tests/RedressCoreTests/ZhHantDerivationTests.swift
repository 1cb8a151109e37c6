import Foundation
import RedressCore
import RedressTestSupport
import Testing

/// Traditional Chinese is derived from Simplified Chinese by `scripts/derive-zh-hant` (OpenCC
/// `s2hk` and the reviewed `scripts/zh-Hant-overrides.tsv`), never kept by hand: the committed
/// zh-Hant files must be exactly what the script writes, and no text may lack its zh-Hant (a
/// missing one is a failure here, never a silent fallback to Simplified characters).
@Suite struct ZhHantDerivationTests {
  /// The script needs Debian's `opencc` command and python3 with PyYAML (`make test-deps`).
  static let toolsPresent: Bool = {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/opencc") else { return false }
    let probe = try? ProcessRunner.run(
      URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import yaml"])
    return probe?.exitCode == 0
  }()

  @Test(.enabled(if: toolsPresent || Fixtures.isCI, "needs opencc and python3-yaml (make test-deps)"))
  func committedZhHantIsWhatTheScriptDerives() throws {
    let root = Fixtures.repositoryRoot
    let result = try ProcessRunner.run(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["python3", root.appendingPathComponent("scripts/derive-zh-hant").path, "--check"],
      currentDirectory: root)
    #expect(
      result.exitCode == 0,
      "zh-Hant is stale: run scripts/derive-zh-hant and commit what it rewrites\n\(result.stdout)\(result.stderr)"
    )
  }

  @Test func everyTextOfThePackHasItsZhHant() throws {
    let pack = try RulePackLoader.load(packAt: RuleFixtures.legal, jurisdiction: "cn")
    #expect(
      pack.missingTraditional == [], "texts without zh-Hant: run scripts/derive-zh-hant")
    #expect(pack.traditional.texts.count > 100)
    for rule in pack.rules {
      for texts in [rule.summary, rule.messageTexts, rule.adviceTexts] where texts["zh-Hans"] != nil {
        #expect(texts["zh-Hant"] != nil, "\(rule.id)")
      }
      // Articles are Chinese without a language mapping: the table gives their zh-Hant too.
      for c in rule.citations where c.article.unicodeScalars.contains(where: { $0.value >= 0x4E00 }) {
        #expect(pack.traditional[c.article] != nil, "\(rule.id): \(c.article)")
      }
    }
    for venue in pack.venues { #expect(venue.names["zh-Hant"] != nil) }
  }

  @Test func everyClockTextHasItsZhHant() throws {
    let catalog = try ClockCatalogLoader.load(jurisdiction: "cn", legal: RuleFixtures.legal)
    for clock in catalog.clocks {
      #expect(clock.name.values["zh-Hant"] != nil, "\(clock.id)")
      #expect(clock.explanation.values["zh-Hant"] != nil, "\(clock.id)")
    }
    for (id, route) in catalog.routes {
      #expect(route.text.values["zh-Hant"] != nil, "route \(id)")
    }
  }
}
