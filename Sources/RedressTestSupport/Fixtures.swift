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
