import Foundation
import RedressCore
import RedressTestSupport

@testable import RedressCLI

/// The tracking and calendar tests' setting for the shared in-process `CommandHarness`: the
/// repository's data folders trimmed to what they need, and a fixed interface language.
extension CommandHarness {
  /// A data folder for these tests: the repository's `legal/cn/`, the `cn` calendar's 2024 to
  /// 2026 files (so that 2027 stays a year without a notice however many years are added
  /// later) and its statute file (the holidays of a year without a notice), and a
  /// `templates/` holding only the interface wording (`templates/words`, which every command
  /// prints through, and which the process shares with the tests running beside these), so
  /// that the tests do not depend on which document templates have landed.
  static let dataRoot: URL = {
    let fm = FileManager.default
    let root = fm.temporaryDirectory.appendingPathComponent(
      "redress-cli-data-\(ProcessInfo.processInfo.processIdentifier)")
    let legal = Fixtures.repositoryRoot.appendingPathComponent("legal")
    let calendars = root.appendingPathComponent("legal/calendars/cn")
    try? fm.createDirectory(at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
    try? fm.createSymbolicLink(
      at: root.appendingPathComponent("templates/words"),
      withDestinationURL: Fixtures.repositoryRoot.appendingPathComponent("templates/words"))
    try? fm.createDirectory(at: calendars, withIntermediateDirectories: true)
    try? fm.createSymbolicLink(
      at: root.appendingPathComponent("legal/cn"), withDestinationURL: legal.appendingPathComponent("cn"))
    for file in (2024...2026).map({ "\($0).yaml" }) + ["statute.yaml"] {
      try? fm.createSymbolicLink(
        at: calendars.appendingPathComponent(file),
        withDestinationURL: legal.appendingPathComponent("calendars/cn/\(file)"))
    }
    return root
  }()

  static func environment(language: String = "en_US.UTF-8", store: URL? = nil) -> [String: String] {
    var env = ["REDRESS_DATA": dataRoot.path, "LANG": language, "HOME": NSTemporaryDirectory()]
    if let store { env["REDRESS_HOME"] = store.path }
    return env
  }

  static func run(_ arguments: [String], language: String = "en_US.UTF-8", store: URL? = nil) -> Result {
    run(arguments, environment: environment(language: language, store: store))
  }

  /// An environment for calling the report functions directly.
  static func commandEnvironment(language: InterfaceLanguage) -> (
    CommandEnvironment, () -> (out: String, err: String)
  ) {
    var global = GlobalOptions()
    global.lang = language
    let (output, read) = Output.capturing()
    return (CommandEnvironment(global: global, output: output, environment: environment()), read)
  }
}
