import Foundation

/// Runs `Tests/Oracles/eml_report.py` (Python's `email` package, `policy.default`) over message
/// files, the independent check of what a mail client sees in them.
public enum MailOracle {
  /// What Python's email package read from one message.
  public struct Report: Decodable, Sendable {
    public struct Attachment: Decodable, Sendable {
      public var filename: String?
      public var contentType: String
      public var legacyName: String?
      public var disposition: String?
      public var transferEncoding: String?
      public var size: Int
      public var sha256: String
    }
    public struct Address: Decodable, Sendable {
      public var displayName: String
      public var addrSpec: String
    }
    public var file: String
    public var headerNames: [String]
    public var subject: String?
    public var from: String?
    public var to: String?
    public var bcc: String?
    public var cc: String?
    public var date: String?
    public var dateISO: String?
    public var messageID: String?
    public var mimeVersion: String?
    public var contentType: String
    public var defects: [String]
    public var structure: [String]
    public var fromMailboxes: [Address]
    public var toMailboxes: [Address]
    public var plain: String?
    public var html: String?
    public var attachments: [Attachment]
  }

  public struct Unavailable: Error, CustomStringConvertible {
    public var description: String
  }

  /// True when the tests run in CI, where a missing oracle is a failure, not a skip.
  public static var isCI: Bool { Fixtures.isCI }

  /// The interpreter: `Fixtures.python` (`$REDRESS_PYTHON`, else `.venv/bin/python3`), else the
  /// shared `venv` beside the worktrees, else the system's python3: the oracle needs only the
  /// standard library.
  public static var python: URL? {
    if let p = Fixtures.python { return p }
    let candidates = [
      Fixtures.repositoryRoot.deletingLastPathComponent().appendingPathComponent("venv/bin/python3").path,
      "/usr/bin/python3", "/usr/local/bin/python3",
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map {
      URL(fileURLWithPath: $0)
    }
  }

  public static var script: URL {
    Fixtures.repositoryRoot.appendingPathComponent("Tests/Oracles/eml_report.py")
  }

  /// Parses every file with Python and returns one report per file, in order. Throws
  /// `Unavailable` when no interpreter is found.
  public static func reports(_ files: [URL]) throws -> [Report] {
    guard let python else {
      throw Unavailable(description: "no Python interpreter (set REDRESS_PYTHON or run `make test-deps`)")
    }
    let process = Process()
    process.executableURL = python
    process.arguments = [script.path] + files.map(\.path)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Unavailable(
        description: "eml_report.py failed (\(process.terminationStatus)): "
          + String(decoding: errData, as: UTF8.self))
    }
    return try JSONDecoder().decode([Report].self, from: data)
  }

  /// The lowercase hex SHA-256 of a file, by Python's hashlib (the same oracle).
  public static func sha256(_ files: [URL]) throws -> [String] {
    guard let python else {
      throw Unavailable(description: "no Python interpreter (set REDRESS_PYTHON or run `make test-deps`)")
    }
    let process = Process()
    process.executableURL = python
    process.arguments =
      [
        "-c",
        "import hashlib,sys\nfor p in sys.argv[1:]: print(hashlib.sha256(open(p,'rb').read()).hexdigest())",
      ]
      + files.map(\.path)
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  /// Problems with the raw octets of a message, against RFC 5322 and RFC 2047: a line not ended
  /// by CRLF, a bare CR or LF, a line over 998 octets, a non-ASCII octet, an encoded word over
  /// 75 characters. Empty when the message is clean.
  public static func rawProblems(_ data: Data) -> [String] {
    var problems: [String] = []
    let bytes = [UInt8](data)
    var lineStart = 0
    var lineNumber = 1
    var i = 0
    if bytes.last != 0x0A || bytes.count < 2 || bytes[bytes.count - 2] != 0x0D {
      problems.append("the message does not end with CRLF")
    }
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x0D {
        if i + 1 >= bytes.count || bytes[i + 1] != 0x0A { problems.append("line \(lineNumber): bare CR") }
        let length = i - lineStart
        if length > 998 { problems.append("line \(lineNumber): \(length) octets") }
        let line = String(decoding: bytes[lineStart..<i], as: UTF8.self)
        problems += encodedWordProblems(line).map { "line \(lineNumber): \($0)" }
        i += 2
        lineStart = i
        lineNumber += 1
        continue
      }
      if b == 0x0A { problems.append("line \(lineNumber): bare LF") }
      if b >= 0x80 { problems.append("line \(lineNumber): non-ASCII octet \(b)") }
      i += 1
    }
    return problems
  }

  /// Encoded words (`=?charset?enc?text?=`) on a line that are longer than 75 characters.
  static func encodedWordProblems(_ line: String) -> [String] {
    var problems: [String] = []
    var rest = Substring(line)
    while let start = rest.range(of: "=?") {
      let after = rest[start.upperBound...]
      // charset ? encoding ? text ?=
      let pieces = after.split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
      guard pieces.count >= 4, pieces[3].hasPrefix("=") else {
        rest = after
        continue
      }
      let length = 2 + pieces[0].count + 1 + pieces[1].count + 1 + pieces[2].count + 2
      if length > 75 { problems.append("encoded word of \(length) characters") }
      rest = after.dropFirst(pieces[0].count + pieces[1].count + pieces[2].count + 4)
    }
    return problems
  }
}
