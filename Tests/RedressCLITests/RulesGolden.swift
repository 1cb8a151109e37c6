import Foundation
import RedressTestSupport
import Testing

/// Compares `actual` with a golden file beside the tests; `REDRESS_RECORD=1` rewrites it, and
/// the recording run fails once so that nothing is blessed silently.
func expectRulesGolden(
  _ actual: String, _ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
  let url = Fixtures.repositoryRoot.appendingPathComponent(path)
  if Fixtures.isRecording {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try actual.write(to: url, atomically: true, encoding: .utf8)
    Issue.record("recorded \(path); run again without REDRESS_RECORD", sourceLocation: sourceLocation)
    return
  }
  let expected = try? String(contentsOf: url, encoding: .utf8)
  #expect(
    expected != nil, "no golden \(path); record it with REDRESS_RECORD=1", sourceLocation: sourceLocation)
  if let expected, expected != actual {
    let a = actual.components(separatedBy: "\n")
    let e = expected.components(separatedBy: "\n")
    let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
    Issue.record(
      "\(path) differs from the output at line \(first + 1):\n  golden: \(first < e.count ? e[first] : "<end>")\n  actual: \(first < a.count ? a[first] : "<end>")\nre-record with REDRESS_RECORD=1 after reading the diff",
      sourceLocation: sourceLocation)
  }
}
