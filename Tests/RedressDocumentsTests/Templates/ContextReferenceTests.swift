import Foundation
import RedressDocuments
import RedressTestSupport
import Testing

/// `templates/CONTEXTS.md` is generated from the contexts; it must be current.
@Suite struct ContextReferenceTests {
  @Test func contextsReferenceIsCurrent() throws {
    let url = Fixtures.repositoryRoot.appendingPathComponent("templates/CONTEXTS.md")
    let generated = ContextReference.markdown()
    if Fixtures.isRecording {
      try generated.write(to: url, atomically: true, encoding: .utf8)
      Issue.record("recorded \(url.path); run again without REDRESS_RECORD")
      return
    }
    let current = try? String(contentsOf: url, encoding: .utf8)
    #expect(
      current == generated,
      "templates/CONTEXTS.md is stale: REDRESS_RECORD=1 swift test --filter ContextReferenceTests")
  }
}
