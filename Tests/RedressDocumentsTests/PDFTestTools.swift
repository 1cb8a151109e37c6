import Foundation
import RedressTestSupport
import Testing

/// The independent readers the PDF tests check our files with: poppler (pdftotext, pdfinfo,
/// pdffonts), qpdf and Python's pypdf. On a developer machine without them the tests that need
/// them are skipped; in CI (`CI=true`) a missing tool fails the test instead.
enum PDFTestTools {
  static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

  static func executable(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return nil
  }

  /// The interpreter with the Python oracles: `$REDRESS_PYTHON`, else `.venv/bin/python3`.
  static var python: URL? {
    if let explicit = ProcessInfo.processInfo.environment["REDRESS_PYTHON"], !explicit.isEmpty {
      return FileManager.default.isExecutableFile(atPath: explicit) ? URL(fileURLWithPath: explicit) : nil
    }
    let venv = Fixtures.repositoryRoot.appendingPathComponent(".venv/bin/python3")
    return FileManager.default.isExecutableFile(atPath: venv.path) ? venv : nil
  }

  static let popplerAndQPDF = ["pdftotext", "pdfinfo", "pdffonts", "qpdf"]

  /// True when the tests should run: the tools are here, or we are in CI (where their absence
  /// must fail rather than pass silently).
  static var shouldRun: Bool { isCI || popplerAndQPDF.allSatisfy { executable($0) != nil } }

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs a tool; a missing tool is recorded as a test failure.
  static func run(_ tool: String, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation)
    throws -> Result
  {
    guard let url = tool.hasPrefix("/") ? URL(fileURLWithPath: tool) : executable(tool) else {
      Issue.record(
        "\(tool) is not installed (make test-deps installs poppler-utils, poppler-data, qpdf)",
        sourceLocation: sourceLocation)
      throw MissingTool(name: tool)
    }
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  struct MissingTool: Error {
    var name: String
  }

  /// Writes `data` to a fresh temporary file and returns its path.
  static func temporaryFile(_ data: Data, name: String = "test.pdf") throws -> String {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("redress-pdf-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try data.write(to: url)
    return url.path
  }
}
