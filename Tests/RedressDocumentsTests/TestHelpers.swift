import Foundation
import RedressTestSupport
import Testing

/// Goldens of this target, beside the tests (compared through `RedressTestSupport.Golden`).
enum DocumentGoldens {
  /// Where the writers' goldens are (compared with `expectGolden`).
  static let folder = Fixtures.repositoryRoot.appendingPathComponent("Tests/RedressDocumentsTests/Goldens")
}

/// The Python oracles (python-docx, cmark-gfm, html.parser): tests that need them run when the
/// interpreter is there, and always in CI (`CI=true`), where its absence is a failure.
enum Python {
  static var shouldRun: Bool { Fixtures.python != nil || Fixtures.isCI }

  /// Runs `script` with `arguments`; returns standard output, or records an issue and returns
  /// nil when Python is missing or the script fails.
  static func run(
    _ script: String, arguments: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
  ) -> String? {
    do {
      let result = try ProcessRunner.python(script, arguments)
      guard result.exitCode == 0 else {
        Issue.record(
          Comment(rawValue: "python failed (\(result.exitCode)): \(result.stderr)"),
          sourceLocation: sourceLocation)
        return nil
      }
      return result.stdout
    } catch {
      Issue.record(Comment(rawValue: "\(error)"), sourceLocation: sourceLocation)
      return nil
    }
  }
}

/// A fresh temporary folder for one test.
func makeTemporaryFolder() throws -> URL {
  try Fixtures.temporaryDirectory("redress-documents-tests")
}
