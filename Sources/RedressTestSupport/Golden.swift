import Foundation
import Testing

/// Compares output with a golden file kept beside the tests. With `REDRESS_RECORD=1` the
/// golden is (re)written and the comparison fails once, so that a recording is never
/// mistaken for a pass; a reviewer reads the diff of the golden in the commit.
public enum Golden {
  /// Returns nil when `actual` matches the golden at `url`, else a message saying why not.
  public static func mismatch(_ actual: String, golden url: URL) -> String? {
    mismatch(Data(actual.utf8), golden: url)
  }

  public static func mismatch(_ actual: Data, golden url: URL) -> String? {
    let fm = FileManager.default
    if Fixtures.isRecording {
      try? fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? actual.write(to: url)
      return "recorded \(url.lastPathComponent); run again without REDRESS_RECORD to compare"
    }
    guard let expected = fm.contents(atPath: url.path) else {
      return "no golden \(url.path); run with REDRESS_RECORD=1 to record it, then read it"
    }
    if expected == actual { return nil }
    let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(e.count, a.count) {
      let el = i < e.count ? String(e[i]) : "<end of file>"
      let al = i < a.count ? String(a[i]) : "<end of file>"
      if el != al {
        return "\(url.lastPathComponent):\(i + 1) differs\n  expected: \(el)\n  actual:   \(al)"
      }
    }
    return "\(url.lastPathComponent) differs (bytes)"
  }
}

/// Records an issue at the caller when `actual` differs from the golden file at `url`
/// (`Golden.mismatch`: `REDRESS_RECORD=1` rewrites it and fails once).
public func expectGolden(
  _ actual: String, at url: URL, sourceLocation: SourceLocation = #_sourceLocation
) {
  expectGolden(Data(actual.utf8), at: url, sourceLocation: sourceLocation)
}

public func expectGolden(
  _ actual: Data, at url: URL, sourceLocation: SourceLocation = #_sourceLocation
) {
  if let problem = Golden.mismatch(actual, golden: url) {
    Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
  }
}
