import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Copies one file descriptor to another and hashes the bytes on the way, in one pass and in
/// constant memory (`ChunkPipeline`): the calling thread reads 1 MiB chunks with `read(2)` and
/// hashes them while a second thread writes the chunks already read, through a ring of eight
/// buffers. The output is preallocated when the size is known (`Preallocation`), and buffered
/// writes are flushed as they go (`FlushPacer`), so the final fsync is short; direct writes
/// (`DirectIO`) skip the page cache altogether.
package enum HashingCopier {
  package static let chunkSize = 1 << 20
  package static let bufferCount = 8

  package struct Result {
    package var digest: SHA256Digest
    package var size: Int64
  }

  /// Reads `input` to its end, writes every byte to `output` and returns the SHA-256 of
  /// what was read. `expectedSize` (the input's size when opened) lets the output's blocks be
  /// reserved up front. `progress` is called on the calling thread after each chunk with the
  /// bytes done so far; when it returns false the copy stops: both threads end promptly and
  /// the copy throws `FileError.cancelled` (the caller removes the partial output).
  package static func copy(
    from input: Int32, inputName: String, to output: Int32, outputName: String,
    expectedSize: Int64? = nil, progress: ((Int64) -> Bool)? = nil
  ) throws -> Result {
    if let expectedSize, expectedSize > Int64(chunkSize) {
      if let code = Preallocation.reserve(output, size: expectedSize) {
        throw FileError.io("cannot write", outputName, errno: code)
      }
    }
    let sink = Sink(fd: output)
    let hasher = SHA256Stream()
    var total: Int64 = 0
    let outcome: ChunkPipeline.Outcome
    do {
      outcome = try ChunkPipeline.run(
        buffers: bufferCount, size: chunkSize,
        fill: { buffer in
          let n = readSome(input, buffer)
          if n < 0 { throw FileError.io("cannot read", inputName) }
          return n
        },
        observe: { chunk in
          hasher.update(chunk)
          total += Int64(chunk.count)
          return progress?(total) ?? true
        },
        consume: { chunk in
          if let code = sink.write(chunk) { throw FileError.io("cannot write", outputName, errno: code) }
        })
    } catch {
      _ = sink.pacer.finish()
      throw error
    }
    // The pacer's syncing is over before the caller's fsync and close.
    let syncFailure = sink.pacer.finish()
    if outcome == .stopped { throw FileError.cancelled(outputName) }
    if let code = syncFailure { throw FileError.io("cannot write", outputName, errno: code) }
    if let expectedSize, total < expectedSize, expectedSize > Int64(chunkSize) {
      // The input shrank while it was copied: give back the blocks reserved past the end.
      _ = ftruncate(output, off_t(total))
    }
    return Result(digest: hasher.finalize(), size: total)
  }

  private static func readSome(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
    while true {
      let n = read(fd, buffer.baseAddress!, buffer.count)
      if n < 0 && errno == EINTR { continue }
      return n
    }
  }

  /// The writing side, used by the pipeline's worker thread only: ordinary or direct writes,
  /// and the pacer that flushes them as they go.
  private final class Sink: @unchecked Sendable {
    let fd: Int32
    let pacer: FlushPacer
    /// The output was opened with O_DIRECT: whole aligned chunks go straight to the disk.
    private var direct: Bool
    private var written: Int64 = 0

    init(fd: Int32) {
      self.fd = fd
      pacer = FlushPacer(fd: fd)
      direct = DirectIO.isOn(fd)
    }

    /// Writes one chunk; the `errno` of a failed write or sync.
    func write(_ chunk: UnsafeRawBufferPointer) -> Int32? {
      if direct && chunk.count % DirectIO.alignment != 0 {
        // The last, partial chunk cannot go direct.
        DirectIO.turnOff(fd)
        direct = false
      }
      var failure = writeAll(chunk)
      if failure == EINVAL && direct {
        DirectIO.turnOff(fd)
        direct = false
        failure = writeAll(chunk)
      }
      written += Int64(chunk.count)
      if failure == nil, !direct { failure = pacer.wrote(upTo: written) }
      return failure
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) -> Int32? {
      var offset = 0
      while offset < bytes.count {
        let n = systemWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += n
      }
      return nil
    }
  }
}

/// Writing around the page cache (Linux `O_DIRECT`): the copy goes from our buffer to the
/// disk without the kernel copying it into the cache and flushing it again, which leaves the
/// CPU to hashing. Used for large files only; any file system that refuses it gets ordinary
/// writes.
package enum DirectIO {
  package static let alignment = 4096

  /// The `O_DIRECT` open flag, or 0 where it is unknown.
  package static var flag: Int32 {
    #if os(Linux) && (arch(x86_64) || arch(i386))
      return 0o40000
    #elseif os(Linux) && (arch(arm64) || arch(arm))
      return 0o200000
    #else
      return 0
    #endif
  }

  package static func isOn(_ fd: Int32) -> Bool {
    flag != 0 && fcntl(fd, F_GETFL) & flag != 0
  }

  package static func turnOff(_ fd: Int32) {
    let flags = fcntl(fd, F_GETFL)
    if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~flag) }
  }
}

/// Reserves the blocks of a file about to be written (Linux `fallocate` with
/// `FALLOC_FL_KEEP_SIZE`, which Glibc's Swift module does not export; looked up once at run
/// time). The writes then find their blocks already allocated (less fragmentation; 3 to 10 %
/// faster in a C prototype of the copy, within the noise in redress itself), and a disk too
/// full for the file is reported before anything is copied.
/// The file's size stays what was written. Elsewhere, and on file systems that cannot
/// preallocate, nothing happens.
enum Preallocation {
  private typealias Fallocate = @convention(c) (Int32, Int32, Int64, Int64) -> Int32

  private static let fallocate: Fallocate? = {
    #if os(Linux)
      guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "fallocate") else { return nil }
      return unsafeBitCast(symbol, to: Fallocate.self)
    #else
      return nil
    #endif
  }()

  /// Nil when the blocks are reserved or the file system cannot reserve them; the `errno`
  /// when there is no room (ENOSPC, EDQUOT).
  static func reserve(_ fd: Int32, size: Int64) -> Int32? {
    guard let fallocate, size > 0 else { return nil }
    while true {
      // FALLOC_FL_KEEP_SIZE = 1
      if fallocate(fd, 1, 0, size) == 0 { return nil }
      let code = errno
      if code == EINTR { continue }
      return code == ENOSPC || code == EDQUOT ? code : nil
    }
  }
}

/// `write(2)`, by a name no method shadows.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, buffer, count)
}
