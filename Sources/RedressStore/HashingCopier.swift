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
enum HashingCopier {
  static let chunkSize = 1 << 20
  static let bufferCount = 8

  struct Result {
    var digest: SHA256Digest
    var size: Int64
  }

  /// Reads `input` to its end, writes every byte to `output` and returns the SHA-256 of
  /// what was read. `expectedSize` (the input's size when opened) lets the output's blocks be
  /// reserved up front. `progress` is called on the calling thread after each chunk with the
  /// bytes done so far; when it returns false the copy stops: both threads end promptly and
  /// the copy throws `StoreError.cancelled` (the caller removes the partial output).
  static func copy(
    from input: Int32, inputName: String, to output: Int32, outputName: String,
    expectedSize: Int64? = nil, progress: ((Int64) -> Bool)? = nil
  ) throws -> Result {
    if let expectedSize, expectedSize > Int64(chunkSize) {
      if let code = Preallocation.reserve(output, size: expectedSize) {
        throw StoreError.io("cannot write", outputName, errno: code)
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
          if n < 0 { throw StoreError.io("cannot read", inputName) }
          return n
        },
        observe: { chunk in
          hasher.update(chunk)
          total += Int64(chunk.count)
          return progress?(total) ?? true
        },
        consume: { chunk in
          if let code = sink.write(chunk) { throw StoreError.io("cannot write", outputName, errno: code) }
        })
    } catch {
      _ = sink.pacer.finish()
      throw error
    }
    // The pacer's syncing is over before the caller's fsync and close.
    let syncFailure = sink.pacer.finish()
    if outcome == .stopped { throw StoreError.cancelled(outputName) }
    if let code = syncFailure { throw StoreError.io("cannot write", outputName, errno: code) }
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
enum DirectIO {
  static let alignment = 4096

  /// The `O_DIRECT` open flag, or 0 where it is unknown.
  static var flag: Int32 {
    #if os(Linux) && (arch(x86_64) || arch(i386))
      return 0o40000
    #elseif os(Linux) && (arch(arm64) || arch(arm))
      return 0o200000
    #else
      return 0
    #endif
  }

  static func isOn(_ fd: Int32) -> Bool {
    flag != 0 && fcntl(fd, F_GETFL) & flag != 0
  }

  static func turnOff(_ fd: Int32) {
    let flags = fcntl(fd, F_GETFL)
    if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~flag) }
  }
}

/// Paces the flushing of a large file while it is written: writeback of every 8 MiB starts as
/// soon as it is written (`Writeback`), and every 32 MiB a thread of the pacer's own syncs the
/// file (`fdatasync`) while writing goes on, so that the disk's cache flush overlaps with the
/// copying and hashing instead of all coming in the final `fsync`. On the benchmark machine (a
/// virtual disk shared with other work, 2 cores) a 1 GiB import takes 1.15 to 1.25 s this way
/// (medians of rounds of 5 to 11 runs; `cp` + `openssl dgst -sha256` 1.01 to 1.06 s, `openssl
/// dgst` alone 0.79 s): the disk's durable write rate is the limit, not hashing. Windows of
/// 8/32, 16/64 and 16/128 MiB, with or without preallocation, measured within that noise of
/// each other. What is slower: writeback alone and one fsync at the end (1.8 s, 0.8 s of it in
/// the fsync), and direct writes (O_DIRECT in 1 to 8 MiB chunks, one or two writers, with or
/// without O_DSYNC or paced fdatasync: 2.2 to 2.8 s), because the disk's cache then has to be
/// flushed at the end all at once. The caller still calls `fsync` before renaming the file into
/// place, after `finish()`.
public final class FlushPacer: @unchecked Sendable {
  public static let startWindow: Int64 = 8 << 20
  public static let syncWindow: Int64 = 32 << 20

  private let fd: Int32
  private var started: Int64 = 0
  private var syncRequestedAt: Int64 = 0
  // Shared with the syncing thread, under `condition`.
  private let condition = NSCondition()
  private var threadStarted = false
  private var requested = false
  private var stopping = false
  private var threadDone = false
  private var failure: Int32?

  /// Paces `fd`, which must stay open until `finish()` has returned.
  public init(fd: Int32) { self.fd = fd }

  deinit { _ = finish() }

  /// Call after each write, with the number of bytes written so far (from one thread). Returns
  /// the `errno` of a failed sync: the write has failed (a later `fsync` may not report it
  /// again).
  public func wrote(upTo written: Int64) -> Int32? {
    if written - started >= Self.startWindow {
      Writeback.start(fd, offset: started, length: written - started)
      started = written
    }
    condition.lock()
    defer { condition.unlock() }
    if let failure { return failure }
    if written - syncRequestedAt >= Self.syncWindow {
      syncRequestedAt = written
      requested = true
      if !threadStarted {
        threadStarted = true
        let thread = Thread { [self] in syncLoop() }
        thread.stackSize = 1 << 16
        thread.start()
      }
      condition.broadcast()
    }
    return nil
  }

  /// Stops the syncing thread and waits for it; returns the `errno` of a failed sync. Call it
  /// before the final `fsync` and before closing the file.
  public func finish() -> Int32? {
    condition.lock()
    defer { condition.unlock() }
    stopping = true
    condition.broadcast()
    while threadStarted && !threadDone { condition.wait() }
    return failure
  }

  private func syncLoop() {
    condition.lock()
    while true {
      while !requested && !stopping { condition.wait() }
      if !requested { break }
      requested = false
      condition.unlock()
      #if os(Linux)
        let status = fdatasync(fd)
      #else
        let status = fsync(fd)
      #endif
      let code = status == 0 ? nil : errno
      condition.lock()
      if let code, failure == nil { failure = code }
    }
    threadDone = true
    condition.broadcast()
    condition.unlock()
  }
}

/// Starts writeback of a written range without waiting for it (Linux `sync_file_range`,
/// which Glibc's Swift module does not export; looked up once at run time). Elsewhere a no-op.
public enum Writeback {
  private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32

  private static let syncFileRange: SyncFileRange? = {
    #if os(Linux)
      guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "sync_file_range") else {
        return nil
      }
      return unsafeBitCast(symbol, to: SyncFileRange.self)
    #else
      return nil
    #endif
  }()

  public static func start(_ fd: Int32, offset: Int64, length: Int64) {
    // SYNC_FILE_RANGE_WRITE = 2
    _ = syncFileRange?(fd, offset, length, 2)
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
