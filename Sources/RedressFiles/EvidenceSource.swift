import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An evidence file opened for reading, known to be a regular file. Owns its descriptor.
public final class EvidenceSource {
  public let fileDescriptor: Int32
  /// The size when it was opened.
  public let size: Int64
  /// How messages name it (the path as written in the case file, or as given).
  public let displayName: String

  package init(fileDescriptor: Int32, size: Int64, displayName: String) {
    self.fileDescriptor = fileDescriptor
    self.size = size
    self.displayName = displayName
  }

  deinit { close(fileDescriptor) }

  /// Opens `relativePath` (as written in `evidence[].file`) below the case folder `base`
  /// without following a symbolic link anywhere on the way, so the file read is the one the
  /// path names inside that folder. Refuses absolute paths, `..`, symbolic links, folders,
  /// devices, pipes and sockets with a message that names the path.
  public static func open(relativePath: String, under base: URL) throws -> EvidenceSource {
    func refuse(_ why: String) -> FileError {
      FileError(.refused, "\"\(relativePath)\" \(why)", file: relativePath)
    }
    if relativePath.hasPrefix("/") || relativePath.hasPrefix("~") {
      throw refuse("is an absolute path; give the path relative to the case file's folder")
    }
    let parts = relativePath.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
    if parts.contains("..") {
      throw refuse("leaves the case file's folder; put the evidence beside or below the case file")
    }
    guard let name = parts.last else { throw refuse("is not a file name") }
    var dir = PrivateFiles.systemOpen(base.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard dir >= 0 else { throw FileError.io("cannot open the case folder", base.path) }
    defer { close(dir) }
    for (i, part) in parts.dropLast().enumerated() {
      let next = openat(dir, String(part), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      if next < 0 {
        let code = errno
        let prefix = parts[...i].joined(separator: "/")
        switch code {
        case ENOENT: throw refuse("does not exist: there is no folder \"\(prefix)\" next to the case file")
        case ELOOP, ENOTDIR:
          var st = stat()
          if fstatat(dir, String(part), &st, AT_SYMLINK_NOFOLLOW) == 0, st.st_mode & S_IFMT == S_IFLNK {
            throw refuse("goes through \"\(prefix)\", a symbolic link; put the files themselves there")
          }
          throw refuse("goes through \"\(prefix)\", which is not a folder")
        default: throw FileError.io("cannot open", prefix, errno: code)
        }
      }
      close(dir)
      dir = next
    }
    // Look before opening, so that opening never touches a device or blocks on a pipe.
    var before = stat()
    guard fstatat(dir, String(name), &before, AT_SYMLINK_NOFOLLOW) == 0 else {
      let code = errno
      if code == ENOENT { throw refuse("does not exist next to the case file (looked in \(base.path))") }
      throw FileError.io("cannot read", relativePath, errno: code)
    }
    try checkKind(before.st_mode, refuse)
    let fd = openat(dir, String(name), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
    guard fd >= 0 else {
      let code = errno
      if code == ELOOP { throw refuse("is a symbolic link; put the file itself there") }
      throw FileError.io("cannot open", relativePath, errno: code)
    }
    return try adopt(fd, expecting: before, displayName: relativePath, refuse)
  }

  /// Opens a file given by any path (the interview's drag-and-drop), refusing what is not a
  /// regular file. The last component may not be a symbolic link.
  public static func open(path: String) throws -> EvidenceSource {
    func refuse(_ why: String) -> FileError { FileError(.refused, "\"\(path)\" \(why)") }
    var before = stat()
    guard lstat(path, &before) == 0 else {
      let code = errno
      if code == ENOENT { throw refuse("does not exist") }
      throw FileError.io("cannot read", path, errno: code)
    }
    try checkKind(before.st_mode, refuse)
    let fd = PrivateFiles.systemOpen(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
    guard fd >= 0 else { throw FileError.io("cannot open", path) }
    return try adopt(fd, expecting: before, displayName: path, refuse)
  }

  private static func checkKind(_ mode: mode_t, _ refuse: (String) -> FileError) throws {
    switch mode & S_IFMT {
    case S_IFREG: return
    case S_IFLNK: throw refuse("is a symbolic link; put the file itself there")
    case S_IFDIR: throw refuse("is a folder; name a file")
    case S_IFIFO: throw refuse("is a named pipe (FIFO), not a file")
    case S_IFCHR, S_IFBLK: throw refuse("is a device, not a file")
    case S_IFSOCK: throw refuse("is a socket, not a file")
    default: throw refuse("is not a regular file")
    }
  }

  private static func adopt(
    _ fd: Int32, expecting before: stat, displayName: String, _ refuse: (String) -> FileError
  ) throws -> EvidenceSource {
    var after = stat()
    guard fstat(fd, &after) == 0 else {
      close(fd)
      throw FileError.io("cannot read", displayName)
    }
    guard after.st_mode & S_IFMT == S_IFREG, after.st_dev == before.st_dev, after.st_ino == before.st_ino
    else {
      close(fd)
      throw refuse("changed while it was being opened; try again")
    }
    // Back to blocking reads; ask for read-ahead.
    let flags = fcntl(fd, F_GETFL)
    if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
    #if os(Linux)
      _ = posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL)
    #endif
    return EvidenceSource(fileDescriptor: fd, size: Int64(after.st_size), displayName: displayName)
  }
}
