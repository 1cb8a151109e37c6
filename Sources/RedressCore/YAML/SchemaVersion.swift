import Yams

/// The `schema: N` line a data file under `legal/` or `templates/` starts with: the version of
/// its format the file is written in. Every format checks it here, with one wording: a file
/// without it, or newer than this build reads, or (for a format that changed incompatibly)
/// older than it still reads, is refused at the `schema` line.
public struct SchemaVersion: Sendable {
  /// The newest schema this build reads.
  public let current: Int
  /// The oldest schema this build still reads (`current` unless older files stay readable).
  public let oldest: Int
  /// What to change in a file older than `oldest`, said after the refusal.
  public let olderAdvice: String?

  public init(current: Int, oldest: Int = 1, olderAdvice: String? = nil) {
    self.current = current
    self.oldest = min(oldest, current)
    self.olderAdvice = olderAdvice
  }
}

extension YAMLNodeReader {
  /// Checks the `schema` entry of a file's top-level mapping (`top`, read from `root`) against
  /// what this build reads; the schema number, or nil when it is missing or not a number.
  @discardableResult
  public func schema(_ top: [String: Node], of root: Node, reads version: SchemaVersion) -> Int? {
    guard let node = top["schema"], !Self.isNull(node) else {
      error("missing 'schema: \(version.current)'", at: top["schema"] ?? root, path: "schema")
      return nil
    }
    guard let schema = integer(node, path: "schema", range: 1...Int.max) else { return nil }
    if schema > version.current {
      error(
        "schema \(schema) is newer than this redress reads (\(version.current)): update redress", at: node,
        path: "schema")
    } else if schema < version.oldest {
      error(
        "schema \(schema) is older than this redress reads (\(version.oldest))"
          + (version.olderAdvice.map { ": \($0)" } ?? ""), at: node, path: "schema")
    }
    return schema
  }
}
