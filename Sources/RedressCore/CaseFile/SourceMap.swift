import Foundation

/// A line and column in a source file, both 1-based.
public struct SourceLocation: Hashable, Sendable {
  public var line: Int
  public var column: Int
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
}

/// Where each field of a case file was written, so that a problem found after reading (a bad
/// check character, a date out of order) still names its line.
public struct SourceMap: Sendable {
  public var file: String
  public var locations: [String: SourceLocation]

  public init(file: String, locations: [String: SourceLocation] = [:]) {
    self.file = file
    self.locations = locations
  }

  /// The location of `path`, or of its nearest parent that was written (a missing field is
  /// reported at the mapping that should hold it).
  public func location(of path: String) -> SourceLocation? {
    var p = path
    while true {
      if let l = locations[p] { return l }
      if let dot = p.lastIndex(where: { $0 == "." || $0 == "[" }) {
        p = String(p[..<dot])
      } else {
        return locations[""]
      }
    }
  }

  public func diagnostic(_ severity: Diagnostic.Severity, _ path: String, _ message: String)
    -> Diagnostic
  {
    let l = location(of: path)
    return Diagnostic(severity, file: file, line: l?.line, column: l?.column, path: path, message: message)
  }
}

/// A case file as read from disk: the case, where its fields were written, and the folder
/// its evidence paths are relative to.
public struct LoadedCase: Sendable {
  public var caseFile: CaseFile
  public var sourceMap: SourceMap
  /// The folder that holds the case file; `evidence[].file` is relative to it.
  public var baseDirectory: URL
  public var url: URL?
  /// For a case held in the store: the stored copy of each `evidence[].file` path (the
  /// store keeps evidence under its SHA-256, not under the case's own paths). Nil for a case
  /// file on disk, whose paths are relative to `baseDirectory`.
  public var storedEvidence: [String: URL]?

  public init(
    caseFile: CaseFile, sourceMap: SourceMap, baseDirectory: URL, url: URL?,
    storedEvidence: [String: URL]? = nil
  ) {
    self.caseFile = caseFile
    self.sourceMap = sourceMap
    self.baseDirectory = baseDirectory
    self.url = url
    self.storedEvidence = storedEvidence
  }

  /// The file that holds the bytes of the evidence path `file` (as written in
  /// `evidence[].file`): the stored copy for a stored case, else `file` below the case
  /// file's folder. Read evidence through this, never by joining paths yourself.
  public func evidenceURL(for file: String) -> URL {
    if let stored = storedEvidence {
      return stored[file] ?? baseDirectory.appendingPathComponent("(not in the store)/\(file)")
    }
    return baseDirectory.appendingPathComponent(file)
  }

  /// Why the evidence path `file` cannot be used, or nil.
  public func evidenceProblem(_ file: String) -> String? {
    guard let stored = storedEvidence else {
      return CaseValidator.evidencePathProblem(file, base: baseDirectory)
    }
    guard let url = stored[file] else {
      return "\"\(file)\" was never copied into the store; import the case again with the file beside it"
    }
    var st = stat()
    guard lstat(url.path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else {
      return "the stored copy of \"\(file)\" is missing (\(url.path)); `redress verify` checks every file"
    }
    return nil
  }

  /// Reads and decodes a case file; throws `DiagnosticsError` listing every problem.
  public static func load(contentsOf url: URL, displayName: String? = nil) throws -> LoadedCase {
    let name = displayName ?? url.path
    let node = try YAMLDocumentLoader.load(contentsOf: url, displayName: name)
    let (c, map) = try CaseFileReader.decodeWithLocations(node, file: name)
    return LoadedCase(
      caseFile: c, sourceMap: map, baseDirectory: url.deletingLastPathComponent(), url: url)
  }
}
