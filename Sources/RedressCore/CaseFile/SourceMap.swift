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

  public init(caseFile: CaseFile, sourceMap: SourceMap, baseDirectory: URL, url: URL?) {
    self.caseFile = caseFile
    self.sourceMap = sourceMap
    self.baseDirectory = baseDirectory
    self.url = url
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
