import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Files and folders that hold personal data: folders owner-only (0700), files 0600,
/// whatever the umask. Also the small system-call helpers the store and the files share.
public enum PrivateFiles {
  public static let folderMode: mode_t = 0o700
  public static let fileMode: mode_t = 0o600

  /// Creates `url` and any missing parents with mode 0700 (a folder that already exists is
  /// left as it is).
  public static func makeFolder(_ url: URL) throws {
    let path = url.path
    var st = stat()
    if stat(path, &st) == 0 {
      guard st.st_mode & S_IFMT == S_IFDIR else {
        throw FileError(.notAFolder, "\(path) exists and is not a folder")
      }
      return
    }
    let parent = url.deletingLastPathComponent()
    if parent.path != path { try makeFolder(parent) }
    if mkdir(path, folderMode) != 0 {
      let code = errno
      if code == EEXIST, stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR { return }
      throw FileError.io("cannot create the folder", path, errno: code)
    }
    // mkdir's mode is cut by the umask, which can only make it stricter; make it exact.
    _ = chmod(path, folderMode)
  }

  /// Sets mode 0600 on `path` when it exists.
  public static func restrict(_ path: String) {
    var st = stat()
    if lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_mode & 0o777 != fileMode {
      _ = chmod(path, fileMode)
    }
  }

  /// Writes every byte of `buffer`, retrying short writes and interruptions.
  package static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, path: String) throws {
    var offset = 0
    while offset < buffer.count {
      let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
      if n < 0 {
        if errno == EINTR { continue }
        throw FileError.io("cannot write", path)
      }
      offset += n
    }
  }

  /// The modification time of a `stat` result, in whole seconds since 1970.
  package static func modifiedSeconds(_ st: stat) -> Int {
    #if canImport(Darwin)
      Int(st.st_mtimespec.tv_sec)
    #else
      Int(st.st_mtim.tv_sec)
    #endif
  }

  /// `open(2)`, callable from types that have an `open` of their own.
  package static func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
    #if canImport(Glibc)
      Glibc.open(path, flags, mode)
    #else
      Darwin.open(path, flags, mode)
    #endif
  }

  /// Flushes a folder's entries (after a rename into it) so the new name survives a crash.
  public static func syncFolder(_ path: String) {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if fd >= 0 {
      _ = fsync(fd)
      close(fd)
    }
  }
}
