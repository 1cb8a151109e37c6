import Foundation
import RedressTestSupport
import Testing

/// Golden files beside the tests: compared byte for byte; `REDRESS_RECORD=1` rewrites them and
/// the run fails once, so nothing is blessed silently.
enum Golden {
  static let folder = Fixtures.repositoryRoot.appendingPathComponent("Tests/RedressDocumentsTests/Goldens")

  static func check(_ data: Data, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = folder.appendingPathComponent(name)
    if Fixtures.isRecording {
      try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      do {
        try data.write(to: url)
        Issue.record("recorded \(name); run again without REDRESS_RECORD", sourceLocation: sourceLocation)
      } catch {
        Issue.record("could not record \(name): \(error)", sourceLocation: sourceLocation)
      }
      return
    }
    guard let expected = try? Data(contentsOf: url) else {
      Issue.record(
        "missing golden \(name); run with REDRESS_RECORD=1 to create it", sourceLocation: sourceLocation)
      return
    }
    if expected != data {
      let actualURL = FileManager.default.temporaryDirectory.appendingPathComponent("actual-\(name)")
      try? data.write(to: actualURL)
      let message =
        "\(name) differs from its golden; the new output is at \(actualURL.path) "
        + "(diff it; re-record with REDRESS_RECORD=1 if the change is right)"
      Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
  }
}

/// The Python interpreter that has the test oracles: `$REDRESS_PYTHON`, else `.venv/bin/python3`
/// under the repository root. Tests that need it run when it is there, and always in CI
/// (`CI=true`), where its absence is a failure, not a skip.
enum Python {
  static var interpreter: URL? {
    let environment = ProcessInfo.processInfo.environment
    if let explicit = environment["REDRESS_PYTHON"], !explicit.isEmpty {
      return URL(fileURLWithPath: explicit)
    }
    let venv = Fixtures.repositoryRoot.appendingPathComponent(".venv/bin/python3")
    return FileManager.default.isExecutableFile(atPath: venv.path) ? venv : nil
  }

  static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

  /// Whether tests that need Python should run: it is there, or this is CI.
  static var shouldRun: Bool { interpreter != nil || isCI }

  /// Runs `script` with `arguments`; returns standard output, or records an issue and returns
  /// nil when Python is missing or the script fails.
  static func run(
    _ script: String, arguments: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
  ) -> String? {
    guard let interpreter else {
      Issue.record(
        "no Python with the test oracles: set REDRESS_PYTHON or run `make test-deps`",
        sourceLocation: sourceLocation)
      return nil
    }
    let process = Process()
    process.executableURL = interpreter
    process.arguments = ["-c", script] + arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      Issue.record("could not start \(interpreter.path): \(error)", sourceLocation: sourceLocation)
      return nil
    }
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      Issue.record(
        "python failed (\(process.terminationStatus)): \(String(decoding: errData, as: UTF8.self))",
        sourceLocation: sourceLocation)
      return nil
    }
    return String(decoding: outData, as: UTF8.self)
  }
}

/// A fresh temporary folder for one test.
func makeTemporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("redress-documents-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}
