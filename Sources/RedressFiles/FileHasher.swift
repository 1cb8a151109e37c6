import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// SHA-256 of whole files in constant memory (1 MiB `read(2)` chunks), for anyone who needs
/// a file's digest: the store, the bundle and `verify`.
public enum FileHasher {
  public struct Result: Hashable, Sendable {
    public var digest: SHA256Digest
    public var size: Int64
    public var hex: String { digest.hex }
  }

  /// The digest and size of the file at `path` (symbolic links are followed).
  public static func sha256(ofFileAt path: String) throws -> Result {
    let fd = PrivateFiles.systemOpen(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw FileError.io("cannot open", path) }
    defer { close(fd) }
    return try sha256(of: fd, name: path)
  }

  public static func sha256(of url: URL) throws -> Result { try sha256(ofFileAt: url.path) }

  /// The digest of everything `fd` yields from its current position to its end.
  public static func sha256(of fd: Int32, name: String) throws -> Result {
    #if os(Linux)
      _ = posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL)
    #endif
    let size = HashingCopier.chunkSize
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 4096)
    defer { buffer.deallocate() }
    let hasher = SHA256Stream()
    var total: Int64 = 0
    while true {
      let n = read(fd, buffer, size)
      if n < 0 {
        if errno == EINTR { continue }
        throw FileError.io("cannot read", name)
      }
      if n == 0 { break }
      hasher.update(UnsafeRawBufferPointer(start: buffer, count: n))
      total += Int64(n)
    }
    return Result(digest: hasher.finalize(), size: total)
  }

  /// Copies `source` to a new file `destination` (mode 0600; it must not exist yet),
  /// hashing the bytes on the way in one pass, and flushes it. Returns the digest of what
  /// was copied. On failure the destination is removed.
  public static func copy(_ source: EvidenceSource, to destination: URL) throws -> Result {
    let path = destination.path
    let out = PrivateFiles.systemOpen(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, PrivateFiles.fileMode)
    guard out >= 0 else { throw FileError.io("cannot create", path) }
    var done = false
    defer {
      close(out)
      if !done { unlink(path) }
    }
    _ = fchmod(out, PrivateFiles.fileMode)
    let r = try HashingCopier.copy(
      from: source.fileDescriptor, inputName: source.displayName, to: out, outputName: path,
      expectedSize: source.size)
    guard fsync(out) == 0 else { throw FileError.io("cannot flush", path) }
    done = true
    return Result(digest: r.digest, size: r.size)
  }
}
