import Foundation
import Yams

/// Reads a case file (version 1) into a `CaseFile`. Every problem of shape is reported with
/// its line, column and field path, all of them at once: unknown keys, wrong types, bad
/// enumerations, impossible dates, malformed amounts, a newer `version`, YAML syntax errors.
/// Missing required fields are not errors here: see `CaseValidator`.
public enum CaseFileReader {
  /// Reads the file at `url`; `displayName` is how messages name it (the path as typed).
  public static func read(contentsOf url: URL, displayName: String? = nil) throws -> CaseFile {
    let name = displayName ?? url.path
    let node = try YAMLDocumentLoader.load(contentsOf: url, displayName: name)
    return try decode(node, file: name)
  }

  /// Reads a case file from its text.
  public static func read(text: String, file: String) throws -> CaseFile {
    let node = try YAMLDocumentLoader.load(data: Data(text.utf8), file: file)
    return try decode(node, file: file)
  }

  /// Maps a composed tree to a case; throws `DiagnosticsError` with every problem found.
  public static func decode(_ node: Node, file: String) throws -> CaseFile {
    try decodeWithLocations(node, file: file).0
  }

  /// As `decode`, also returning where each field was written.
  public static func decodeWithLocations(_ node: Node, file: String) throws -> (CaseFile, SourceMap) {
    let (c, map, diagnostics) = decodeLeniently(node, file: file)
    if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticsError(diagnostics) }
    return (c, map)
  }

  /// Decodes as much as can be decoded, returning the problems beside the partial case, so
  /// that `validate` can report shape errors and content errors in one pass.
  public static func decodeLeniently(_ node: Node, file: String) -> (CaseFile, SourceMap, [Diagnostic]) {
    let r = YAMLNodeReader(file: file)
    var c = CaseFile()
    func finish() -> (CaseFile, SourceMap, [Diagnostic]) {
      (c, SourceMap(file: file, locations: r.locations), CaseValidator.sorted(r.diagnostics))
    }
    guard case .mapping = node else {
      r.error(
        "expected a case file (a mapping that starts with 'version: 1'), got \(YAMLNodeReader.describe(node))",
        at: node, path: "")
      return finish()
    }
    guard let m = r.mapping(node, path: "", allowed: CaseFile.fields.map(\.key)) else { return finish() }
    if let v = m["version"] {
      if let version = r.integer(v, path: "version", range: 1...Int.max) {
        if version > CaseFile.currentVersion {
          r.error(
            "this file is version \(version); this redress reads version \(CaseFile.currentVersion) and older: update redress",
            at: v, path: "version")
          return finish()
        }
        c.version = version
      }
    } else {
      r.error("missing key 'version'; a case file starts with 'version: 1'", at: node, path: "version")
    }
    CaseFile.fields.read(into: &c, FieldReadContext(reader: r, entries: m, path: "", node: node, parent: nil))
    return finish()
  }
}

/// The rule for case ids: what a store, a file name and a command line all accept.
public enum CaseID {
  public static let rule =
    "a case id is 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit"

  public static func isValid(_ id: String) -> Bool {
    guard (1...64).contains(id.utf8.count), let first = id.unicodeScalars.first,
      first.properties.isAlphabetic || ("0"..."9").contains(first)
    else { return false }
    return id.unicodeScalars.allSatisfy {
      $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
    }
  }
}
