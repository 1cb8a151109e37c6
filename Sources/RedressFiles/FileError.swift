import Foundation

/// A file primitive's failure, worded for the person at the terminal: what went wrong and
/// which file. `kind` lets callers tell the cases apart without parsing text; the store turns
/// it into its own `StoreError` of the same wording (`StoreError.init(_:)`).
public struct FileError: Error, CustomStringConvertible, Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// A file that may not be read as evidence (symbolic link, device, folder, a path that
    /// leaves its folder…).
    case refused
    /// A path that must be a folder is something else.
    case notAFolder
    /// A read or write failed (disk full, permissions…).
    case io
    /// The caller stopped a copy (its progress callback said so); the partial copy is gone.
    case cancelled
  }

  public var kind: Kind
  public var message: String
  /// For `refused`: the path as the caller gave it (relative, as written in a case file), so
  /// a caller can point at the line that names it.
  public var file: String?

  public init(_ kind: Kind, _ message: String, file: String? = nil) {
    self.kind = kind
    self.message = message
    self.file = file
  }

  public var description: String { message }

  /// A copy to `path` that the caller stopped.
  package static func cancelled(_ path: String) -> FileError {
    FileError(.cancelled, "copying stopped before the end (\(path) removed); nothing was stored")
  }

  /// A failed system call on `path`, with the system's own reason.
  package static func io(_ what: String, _ path: String, errno code: Int32 = errno) -> FileError {
    FileError(.io, "\(what) \(path): \(String(cString: strerror(code)))")
  }
}
