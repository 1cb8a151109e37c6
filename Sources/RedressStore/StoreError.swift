import Foundation
import RedressFiles

/// A store failure worded for the person at the terminal: what went wrong, which case or
/// file, and what to do. `kind` lets callers tell the cases apart without parsing text.
public struct StoreError: Error, CustomStringConvertible, Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// A case with this id is already stored (import without `--replace`).
    case duplicateID
    /// No stored case has this id.
    case notFound
    /// The case itself cannot be stored (an invalid id…).
    case invalidCase
    /// An evidence file cannot be used (symlink, device, folder, outside the case folder…).
    case badEvidence
    /// The store was written by a newer redress, or its files are unusable.
    case unusableStore
    /// A read or write failed (disk full, permissions…).
    case io
    /// An export target already holds files.
    case targetExists
    /// The caller stopped a copy (its progress callback said so, e.g. on Ctrl-C); nothing was
    /// stored and the partial copy is gone.
    case cancelled
    /// The case was saved by someone else since it was read (a version check); nothing of
    /// this save was written.
    case conflict
    /// The register refused: this role may not do that (row-level security, privileges).
    case permission
  }

  public var kind: Kind
  public var message: String
  /// For `badEvidence`: the evidence path as written in the case file, so a caller can
  /// point at the line that names it.
  public var evidenceFile: String?

  public init(_ kind: Kind, _ message: String, evidenceFile: String? = nil) {
    self.kind = kind
    self.message = message
    self.evidenceFile = evidenceFile
  }

  public var description: String { message }

  /// A save refused because `id` was saved since it was read: says who saved it and when.
  static func conflict(_ id: String, _ current: CaseVersion) -> StoreError {
    let when = ISO8601DateFormatter().string(from: current.savedAt)
    let who = current.writer.map { " by \($0)" } ?? ""
    return StoreError(
      .conflict,
      "case '\(id)' was changed\(who) at \(when) after you opened it; this save was refused and "
        + "nothing of that change was overwritten: reopen it (`redress edit \(id)`) and add yours again")
  }

  /// A failed system call on `path`, with the system's own reason.
  static func io(_ what: String, _ path: String, errno code: Int32 = errno) -> StoreError {
    StoreError(.io, "\(what) \(path): \(String(cString: strerror(code)))")
  }

  /// The same failure of a file primitive, as the store reports it: a refused evidence file
  /// is `badEvidence` (naming the path as written), a path that is not a folder makes the
  /// store `unusableStore`.
  public init(_ e: FileError) {
    switch e.kind {
    case .refused: self.init(.badEvidence, e.message, evidenceFile: e.file)
    case .notAFolder: self.init(.unusableStore, e.message)
    case .io: self.init(.io, e.message)
    case .cancelled: self.init(.cancelled, e.message)
    }
  }

  /// Runs `body`, reporting a file primitive's failure as a `StoreError` (`init(_:)`), so
  /// the store's callers see one error type whatever failed.
  static func converting<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let e as FileError {
      throw StoreError(e)
    }
  }
}
