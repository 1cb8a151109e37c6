import ArgumentParser
import Foundation
import RedressCore
import RedressTestSupport

@testable import RedressCLI

/// Runs a redress command in this process with captured output, the repository's data
/// folders and a fixed interface language: what the user would see, without a subprocess.
enum CommandHarness {
  struct Result {
    var code: Int32
    var out: String
    var err: String
  }

  /// A data folder for these tests: the repository's `legal/cn/`, the `cn` calendar's 2024 to
  /// 2026 files (so that 2027 stays a year without a notice however many years are added
  /// later) and its statute file (the holidays of a year without a notice), and an empty
  /// `templates/`, so that the tests do not depend on which templates
  /// have landed.
  static let dataRoot: URL = {
    let fm = FileManager.default
    let root = fm.temporaryDirectory.appendingPathComponent(
      "redress-cli-data-\(ProcessInfo.processInfo.processIdentifier)")
    let legal = Fixtures.repositoryRoot.appendingPathComponent("legal")
    let calendars = root.appendingPathComponent("legal/calendars/cn")
    try? fm.createDirectory(at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
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
    let (output, read) = Output.capturing()
    let code: Int32
    do {
      let command = try RedressCommand.parseAsRoot(arguments)
      guard let runnable = command as? any RedressRunnable else {
        return Result(code: 99, out: "", err: "not a redress command: \(arguments)")
      }
      let env = CommandEnvironment(
        global: runnable.global, output: output, environment: environment(language: language, store: store))
      do {
        code = try runnable.execute(env)
      } catch {
        code = env.report(error)
      }
    } catch {
      output.err(RedressCommand.fullMessage(for: error))
      code = RedressCommand.exitCode(for: error).rawValue
    }
    let (out, err) = read()
    return Result(code: code, out: out, err: err)
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
