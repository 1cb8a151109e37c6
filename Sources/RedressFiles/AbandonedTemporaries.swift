import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Temporary files and folders that a killed writer left behind, and how to tell them from
/// ones a live writer is still filling. Every writer holds an exclusive `flock` on its
/// temporary (the file itself, or the folder) for its whole life, so the kernel drops the lock
/// when the process dies, however it dies. A cleanup removes an entry only when all of these
/// hold: its name matches the writer's strict pattern; it is of the expected kind (a regular
/// file or a real folder, never a symbolic link, which is never followed); it belongs to the
/// user running redress; neither it nor (for a folder) anything directly in it has been changed
/// for `minimumAge` seconds (covering the instant between creating a temporary and locking it);
/// and its lock can be taken without waiting,
/// which proves that no process holds it. The lock is held while the entry is removed.
public enum AbandonedTemporaries {
  /// How long a temporary must be left unchanged before a cleanup looks at its lock.
  public static let defaultMinimumAge: TimeInterval = 10

  /// What kind of entry a writer leaves.
  public enum Kind: Sendable {
    /// A regular file, locked itself (the store's `evidence/tmp/*.part`).
    case file
    /// A folder, locked itself, removed with everything in it.
    case folder
  }

  /// Takes an exclusive lock on the temporary at `path` (file or folder) and returns the
  /// descriptor that holds it; closing the descriptor releases the lock. Returns -1 when the
  /// temporary cannot be opened (the caller carries on unlocked; a cleanup then treats it by
  /// age alone, which is why the writer keeps it fresh or finishes quickly).
  public static func lock(_ path: String, kind: Kind) -> Int32 {
    let flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | (kind == .folder ? O_DIRECTORY : 0)
    let fd = PrivateFiles.systemOpen(path, flags)
    guard fd >= 0 else { return -1 }
    while flock(fd, LOCK_EX) != 0 {
      if errno != EINTR {
        close(fd)
        return -1
      }
    }
    return fd
  }

  /// Removes the abandoned temporaries in `folder` whose names satisfy `matches`; returns the
  /// names removed. Errors are ignored: a cleanup never stops the work it precedes.
  @discardableResult
  public static func remove(
    in folder: String, kind: Kind, minimumAge: TimeInterval = defaultMinimumAge,
    matches: (String) -> Bool
  ) -> [String] {
    let parent = PrivateFiles.systemOpen(
      folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard parent >= 0 else { return [] }
    defer { close(parent) }
    let now = Date().timeIntervalSince1970
    var removed: [String] = []
    for name in entryNames(parent) where matches(name) {
      var st = stat()
      guard fstatat(parent, name, &st, AT_SYMLINK_NOFOLLOW) == 0,
        st.st_mode & S_IFMT == (kind == .folder ? S_IFDIR : S_IFREG),
        st.st_uid == geteuid(),
        now - Double(PrivateFiles.modifiedSeconds(st)) >= minimumAge
      else { continue }
      let flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | (kind == .folder ? O_DIRECTORY : 0)
      let fd = openat(parent, name, flags)
      guard fd >= 0 else { continue }
      defer { close(fd) }
      // The entry opened must be the one inspected (not one swapped in meanwhile).
      var opened = stat()
      guard fstat(fd, &opened) == 0, opened.st_ino == st.st_ino, opened.st_dev == st.st_dev,
        kind == .file || !hasRecentEntry(fd, since: now - minimumAge),
        flock(fd, LOCK_EX | LOCK_NB) == 0
      else { continue }
      switch kind {
      case .file:
        if unlinkat(parent, name, 0) == 0 { removed.append(name) }
      case .folder:
        removeContents(of: fd, depth: 0)
        if unlinkat(parent, name, AT_REMOVEDIR) == 0 { removed.append(name) }
      }
    }
    return removed
  }

  /// True for `prefix` followed by exactly `length` ASCII letters and digits (an `mkdtemp`
  /// or `mkstemp` name such as `.redress-tmp-Ab12Cd`).
  public static func isTemplateName(_ name: String, prefix: String, length: Int = 6) -> Bool {
    guard name.hasPrefix(prefix) else { return false }
    let rest = name.utf8.dropFirst(prefix.utf8.count)
    return rest.count == length
      && rest.allSatisfy {
        (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0)
      }
  }

  /// True for `prefix` followed by a UUID in its canonical text form, then `suffix`.
  public static func isUUIDName(_ name: String, prefix: String, suffix: String = "") -> Bool {
    guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return false }
    let rest = name.dropFirst(prefix.count).dropLast(suffix.count)
    return rest.count == 36 && UUID(uuidString: String(rest)) != nil
  }

  /// Whether anything directly in the folder open at `fd` changed after `cutoff` (a writer
  /// filling a file inside does not change the folder's own time; this also guards a writer
  /// on a file system where `flock` is not available).
  private static func hasRecentEntry(_ fd: Int32, since cutoff: TimeInterval) -> Bool {
    entryNames(fd).contains { name in
      var st = stat()
      return fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0
        && Double(PrivateFiles.modifiedSeconds(st)) > cutoff
    }
  }

  // MARK: Removal without following links

  /// The names in the folder open at `fd` (without `.` and `..`).
  private static func entryNames(_ fd: Int32) -> [String] {
    let copy = dup(fd)
    guard copy >= 0 else { return [] }
    guard let dir = fdopendir(copy) else {
      close(copy)
      return []
    }
    defer { closedir(dir) }
    rewinddir(dir)
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// Empties the folder open at `fd`; sub-folders are entered through `openat` with
  /// `O_NOFOLLOW`, so a symbolic link inside is removed as a link, never followed.
  private static func removeContents(of fd: Int32, depth: Int) {
    guard depth < 16 else { return }
    for name in entryNames(fd) {
      var st = stat()
      guard fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
      if st.st_mode & S_IFMT == S_IFDIR {
        let sub = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if sub >= 0 {
          removeContents(of: sub, depth: depth + 1)
          close(sub)
        }
        _ = unlinkat(fd, name, AT_REMOVEDIR)
      } else {
        _ = unlinkat(fd, name, 0)
      }
    }
  }
}
