import Foundation
import RedressCore

extension CommandEnvironment {
  /// Loads `CASE` as `cli.md` defines it: a path to a case file (a path that exists wins),
  /// else the id of a case in the store. Throws `DiagnosticsError` for a bad file and
  /// `UserError` when nothing matches.
  public func loadCase(_ reference: String) throws -> LoadedCase {
    let url = resolve(reference)
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) {
      if isDir.boolValue {
        throw UserError(words.isAFolder(reference))
      }
      return try LoadedCase.load(contentsOf: url, displayName: reference)
    }
    if let stored = try loadStoredCase(reference) { return stored }
    throw UserError(words.noCaseFileOrStoredCase(reference))
  }
}
