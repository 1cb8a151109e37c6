import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files so that a reader (or a crash) never sees half of one: the bytes go to a new file
/// inside a private (0700) temporary folder next to the destination, are flushed to disk
/// (`fsync`), and the file is then renamed over the destination in one step; the folder is
/// synced too. On any failure the temporary folder is removed and the destination is untouched.
/// A destination that is a symbolic link or a folder is refused, never followed or replaced.
/// The temporary folder is locked (`flock`) while the writer lives; a temporary folder that a
/// killed writer left behind is removed by the next write into the same folder
/// (`AbandonedTemporaries`).
public enum AtomicFile {
  /// The prefix of the temporary folders (`mkdtemp` adds six letters or digits).
  public static let temporaryPrefix = ".redress-tmp-"

  /// Writes `data` to `url` with the given permissions (owner-only by default).
  public static func write(_ data: Data, to url: URL, permissions: mode_t = 0o600) throws {
    try write(to: url, permissions: permissions) { temporaryURL in
      let descriptor = open(
        temporaryURL.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, permissions)
      guard descriptor >= 0 else {
        throw AtomicFileError(path: url.path, action: "create a temporary file for", code: errno)
      }
      defer { close(descriptor) }
      try data.withUnsafeBytes { buffer in
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
          let written = posixWrite(descriptor, base + offset, buffer.count - offset)
          if written < 0 {
            if errno == EINTR { continue }
            throw AtomicFileError(path: url.path, action: "write", code: errno)
          }
          offset += written
        }
      }
    }
  }

  /// Creates the destination through `body`, which must create a regular file at the URL it is
  /// given (a path in a private temporary folder beside the destination, that does not exist
  /// yet; suits libraries that insist on creating the file themselves, such as a zip writer).
  /// When `body` returns, that file gets `permissions`, is flushed and renamed into place.
  public static func write(
    to url: URL, permissions: mode_t = 0o600, _ body: (_ temporaryURL: URL) throws -> Void
  ) throws {
    let destination = url.standardizedFileURL.path
    try refuseLinksAndFolders(destination)
    let folder = (destination as NSString).deletingLastPathComponent
    let name = (destination as NSString).lastPathComponent
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
      throw AtomicFileError(path: destination, message: "the folder \(folder) does not exist")
    }
    removeAbandonedTemporaries(in: folder)
    var template = Array(((folder.isEmpty ? "." : folder) + "/" + temporaryPrefix + "XXXXXX").utf8CString)
    let madeFolder = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    guard madeFolder != nil else {
      throw AtomicFileError(path: destination, action: "create a temporary folder beside", code: errno)
    }
    let temporaryFolder = String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let temporaryPath = (temporaryFolder as NSString).appendingPathComponent(name)
    // Held until the folder is gone: a cleanup by another run never takes a live writer's folder.
    let lock = AbandonedTemporaries.lock(temporaryFolder, kind: .folder)
    defer {
      try? FileManager.default.removeItem(atPath: temporaryFolder)
      if lock >= 0 { close(lock) }
    }

    try body(URL(fileURLWithPath: temporaryPath))

    var info = stat()
    guard lstat(temporaryPath, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      throw AtomicFileError(path: destination, message: "the writer did not produce a regular file")
    }
    let descriptor = open(temporaryPath, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw AtomicFileError(path: destination, action: "reopen the temporary file for", code: errno)
    }
    // The umask must neither loosen nor tighten what was asked for.
    let changed = fchmod(descriptor, permissions)
    let changeError = errno
    let synced = fsync(descriptor)
    let syncError = errno
    close(descriptor)
    if changed != 0 {
      throw AtomicFileError(path: destination, action: "set permissions of", code: changeError)
    }
    if synced != 0 { throw AtomicFileError(path: destination, action: "flush", code: syncError) }

    // Checked again right before the rename: a link that appeared meanwhile is still refused.
    try refuseLinksAndFolders(destination)
    if rename(temporaryPath, destination) != 0 {
      throw AtomicFileError(path: destination, action: "move the finished file to", code: errno)
    }
    let folderDescriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if folderDescriptor >= 0 {
      _ = fsync(folderDescriptor)
      close(folderDescriptor)
    }
  }

  /// Removes the temporary folders in `folder` that killed writers left behind (see
  /// `AbandonedTemporaries`); returns their names.
  @discardableResult
  public static func removeAbandonedTemporaries(
    in folder: String, minimumAge: TimeInterval = AbandonedTemporaries.defaultMinimumAge
  ) -> [String] {
    AbandonedTemporaries.remove(in: folder, kind: .folder, minimumAge: minimumAge) {
      AbandonedTemporaries.isTemplateName($0, prefix: temporaryPrefix)
    }
  }

  private static func refuseLinksAndFolders(_ path: String) throws {
    var info = stat()
    guard lstat(path, &info) == 0 else { return }
    switch info.st_mode & S_IFMT {
    case S_IFLNK:
      throw AtomicFileError(path: path, message: "is a symbolic link; refusing to write through it")
    case S_IFDIR:
      throw AtomicFileError(path: path, message: "is a folder")
    case S_IFREG:
      return
    default:
      throw AtomicFileError(path: path, message: "is not a regular file; refusing to replace it")
    }
  }
}

private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, buffer, count)
}

/// Why a file could not be written; the message names the file.
public struct AtomicFileError: Error, CustomStringConvertible, Sendable {
  public var path: String
  public var message: String

  init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  init(path: String, action: String, code: Int32) {
    self.path = path
    self.message = "could not \(action) it: \(String(cString: strerror(code)))"
  }

  public var description: String { "\(path): \(message)" }
}
