import Foundation
import RedressCore
import RedressTestSupport
import Testing

/// `docs/rules.md` is generated from the packs and must be current: after changing a pack,
/// re-record it with `REDRESS_RECORD=1` (or `redress rules doc --data . > docs/rules.md`).
@Suite struct RulesDocumentationTests {
  @Test func docsRulesMdIsCurrent() throws {
    let legal = RuleFixtures.legal
    let packs = try RulePackDirectory.jurisdictions(in: legal).map {
      try RuleEngine.load(packAt: legal, jurisdiction: $0).pack
    }
    let markdown = RulePackDocumentation.markdown(for: packs)
    #expect(markdown.contains("#### `cn.time-barred`"))
    #expect(!markdown.contains(RuleFixtures.legal.deletingLastPathComponent().path))
    expectGolden(markdown, at: Fixtures.repositoryRoot.appendingPathComponent("docs/rules.md"))
  }
}
