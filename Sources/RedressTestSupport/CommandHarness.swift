import ArgumentParser
import Foundation
import RedressCLI

/// Runs a redress command in this process, with its output captured: what the user would
/// see and the exit code, without a subprocess. Parses as the binary does; a usage error
/// gives argument-parser's message and exit code, a failure the command's own report.
public enum CommandHarness {
  public struct Result: Sendable {
    public var code: Int32
    public var out: String
    public var err: String
  }

  /// Runs `redress ARGUMENTS` with `environment` as its whole environment (`LANG`,
  /// `REDRESS_DATA`, `HOME` …) in `currentDirectory` (default: this process's).
  public static func run(
    _ arguments: [String], environment: [String: String], currentDirectory: URL? = nil
  ) -> Result {
    let (output, read) = Output.capturing()
    let code: Int32
    do {
      let command = try RedressCommand.parseAsRoot(try GlobalOptions.commandLine(arguments))
      guard let runnable = command as? any RedressRunnable else {
        return Result(code: 64, out: "", err: "not a runnable redress command: \(arguments)")
      }
      let env = CommandEnvironment(
        global: runnable.global, output: output, environment: environment,
        currentDirectory: currentDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
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
}
