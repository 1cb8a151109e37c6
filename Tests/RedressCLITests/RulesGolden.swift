import Foundation
import RedressTestSupport
import Testing

/// Compares `actual` with the golden file at `path` (from the repository root) through the
/// shared `Golden` helper: `REDRESS_RECORD=1` rewrites it and fails once.
func expectRulesGolden(
  _ actual: String, _ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
  if let problem = Golden.mismatch(actual, golden: Fixtures.repositoryRoot.appendingPathComponent(path)) {
    Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
  }
}
