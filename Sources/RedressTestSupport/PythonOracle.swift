import Foundation

/// Runs an independent checker written in Python (a PyPI package such as `chinesecalendar` or
/// `icalendar`). The interpreter is `$REDRESS_PYTHON`, else `.venv/bin/python3` under the
/// repository root (`make test-deps` creates it). Tests that need it run when it is there and
/// always in CI (`CI=true`), where its absence is a failure, never a skip.
public enum PythonOracle {
  public struct Missing: Error, CustomStringConvertible {
    public var description: String {
      "no Python interpreter for the test oracles: set REDRESS_PYTHON or run `make test-deps` (creates .venv)"
    }
  }

  public struct Failed: Error, CustomStringConvertible {
    public var status: Int32
    public var stderr: String
    public var description: String { "the Python oracle exited \(status): \(stderr)" }
  }

  public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

  public static var interpreter: URL? {
    let fm = FileManager.default
    if let explicit = ProcessInfo.processInfo.environment["REDRESS_PYTHON"], !explicit.isEmpty {
      return fm.isExecutableFile(atPath: explicit) ? URL(fileURLWithPath: explicit) : nil
    }
    let venv = Fixtures.repositoryRoot.appendingPathComponent(".venv/bin/python3")
    return fm.isExecutableFile(atPath: venv.path) ? venv : nil
  }

  /// Whether a test that needs the oracle should run: when it is present, and always in CI.
  public static var shouldRun: Bool { interpreter != nil || isCI }

  /// Runs `script` (Python source) with `arguments`; returns its standard output. Throws when
  /// the interpreter is missing or the script fails.
  public static func run(script: String, arguments: [String] = [], input: Data? = nil) throws -> Data {
    guard let python = interpreter else { throw Missing() }
    let process = Process()
    process.executableURL = python
    process.arguments = ["-c", script] + arguments
    let out = Pipe()
    let inPipe = Pipe()
    // Standard error goes to a file, so that only one pipe needs reading while the child runs.
    let errURL = FileManager.default.temporaryDirectory
      .appendingPathComponent("redress-oracle-\(UUID().uuidString).err")
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errURL) }
    let errHandle = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = errHandle
    process.standardInput = inPipe
    try process.run()
    if let input { inPipe.fileHandleForWriting.write(input) }
    try inPipe.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try errHandle.close()
    let errData = (try? Data(contentsOf: errURL)) ?? Data()
    guard process.terminationStatus == 0 else {
      throw Failed(status: process.terminationStatus, stderr: String(decoding: errData, as: UTF8.self))
    }
    return outData
  }
}
