import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
