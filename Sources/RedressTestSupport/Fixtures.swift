import Foundation

/// Paths the tests share: the repository root, the shared examples beside it, and golden
/// files. Goldens are re-recorded only when `REDRESS_RECORD=1` is set, and a run that records
/// fails once so that nothing is blessed silently.
public enum Fixtures {
  /// The repository root (the folder with Package.swift).
  public static let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url
      }
    }
    fatalError("cannot find the repository root above \(#filePath)")
  }()

  /// `../shared/examples` as seen from the repository root.
  public static var sharedExamples: URL {
    repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/examples")
  }

  /// The example case of `case-file.md` (the washing machine).
  public static var washerCase: URL { sharedExamples.appendingPathComponent("washer.yaml") }
  /// The food-safety case filed by an agent.
  public static var foodAgentCase: URL { sharedExamples.appendingPathComponent("food-agent.yaml") }

  public static var isRecording: Bool { ProcessInfo.processInfo.environment["REDRESS_RECORD"] == "1" }
}

extension Fixtures {
  /// The Python interpreter for test oracles: `$REDRESS_PYTHON`, else the project's `.venv`.
  /// Nil when neither exists; tests then fail under CI and are skipped only on a developer's
  /// machine that has not run `make test-deps`.
  public static var python: URL? {
    let env = ProcessInfo.processInfo.environment
    if let p = env["REDRESS_PYTHON"], FileManager.default.isExecutableFile(atPath: p) {
      return URL(fileURLWithPath: p)
    }
    let venv = repositoryRoot.appendingPathComponent(".venv/bin/python3")
    return FileManager.default.isExecutableFile(atPath: venv.path) ? venv : nil
  }

  /// True when running under CI, where a missing tool is a failure, never a skip.
  public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

  /// A fresh temporary folder, removed by the caller.
  public static func temporaryDirectory(_ label: String = "redress-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
