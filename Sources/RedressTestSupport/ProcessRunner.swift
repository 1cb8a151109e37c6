import Foundation

/// Runs a program to completion and returns what it printed, for end-to-end tests that drive
/// the built `redress` binary and for test oracles written in Python.
public struct ProcessResult: Sendable {
  public var exitCode: Int32
  public var stdout: String
  public var stderr: String
  public var stdoutData: Data
}

public enum ProcessRunner {
  /// The built binary: `.build/debug/redress` under the repository root (or
  /// `$REDRESS_BINARY`).
  public static var redressBinary: URL {
    if let p = ProcessInfo.processInfo.environment["REDRESS_BINARY"] { return URL(fileURLWithPath: p) }
    return Fixtures.repositoryRoot.appendingPathComponent(".build/debug/redress")
  }

  /// Runs `redress` with `arguments`; standard input is empty, colour is off.
  public static func redress(
    _ arguments: [String], environment: [String: String] = [:], currentDirectory: URL? = nil,
    stdin: Data? = nil
  ) throws -> ProcessResult {
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (k, v) in environment { env[k] = v }
    return try run(
      redressBinary, arguments, environment: env, currentDirectory: currentDirectory, stdin: stdin)
  }

  public static func run(
    _ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
    currentDirectory: URL? = nil, stdin: Data? = nil
  ) throws -> ProcessResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    let outPipe = Pipe()
    let errPipe = Pipe()
    let inPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = inPipe
    try process.run()
    if let stdin { inPipe.fileHandleForWriting.write(stdin) }
    try? inPipe.fileHandleForWriting.close()
    // Read both pipes concurrently so that neither fills up and blocks the child.
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
      errData = errPipe.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return ProcessResult(
      exitCode: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self), stdoutData: outData)
  }

  /// Runs a Python snippet with the oracle interpreter; `arguments` become `sys.argv[1:]`.
  public static func python(_ script: String, _ arguments: [String] = []) throws -> ProcessResult {
    guard let python = Fixtures.python else {
      throw OracleMissing(what: "python3 with the test oracles (run `make test-deps`)")
    }
    return try run(python, ["-c", script] + arguments)
  }
}

/// A test oracle or tool is not installed.
public struct OracleMissing: Error, CustomStringConvertible {
  public var what: String
  public var description: String { "missing test tool: \(what)" }
}
