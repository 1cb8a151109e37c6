import Foundation
import RedressDocuments
import RedressTestSupport
import Testing

/// `templates/CONTEXTS.md` is generated from the contexts; it must be current.
@Suite struct ContextReferenceTests {
  @Test func contextsReferenceIsCurrent() {
    let url = Fixtures.repositoryRoot.appendingPathComponent("templates/CONTEXTS.md")
    expectGolden(ContextReference.markdown(), at: url)
  }
}
