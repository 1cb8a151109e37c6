import Foundation
import RedressCore
import RedressTestSupport
import Testing

/// Every example of every rule of the `cn` pack, each reported at its own line in the pack.
@Suite struct RuleExamplesTests {
  @Test func everyExampleOfEveryRuleHolds() throws {
    let engine = try RuleFixtures.engine()
    let report = RuleExampleRunner.run(engine)
    #expect(report.checked >= 2 * engine.pack.rules.count)
    for failure in report.failures {
      Issue.record(
        Comment(rawValue: failure.description),
        sourceLocation: Testing.SourceLocation(
          fileID: "legal/\(URL(fileURLWithPath: failure.file).lastPathComponent)", filePath: failure.file,
          line: failure.line ?? 1, column: failure.column ?? 1))
    }
  }
}
