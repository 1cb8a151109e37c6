import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Copies one file descriptor to another and hashes the bytes on the way, in one pass and in
/// constant memory: the calling thread reads 1 MiB chunks with `read(2)` and hashes them while
/// a second thread writes the chunks already read. A ring of eight buffers connects the two,
/// so reading, hashing and writing overlap and neither side waits for the other for long.
/// Buffered writes start their writeback as they go (`Writeback`), so the final fsync is
/// short; direct writes (`DirectIO`) skip the page cache altogether.
enum HashingCopier {
  static let chunkSize = 1 << 20
  static let bufferCount = 8
  /// How often writeback of what was written is started (Linux), so the final fsync has
  /// little left to do.
  static let writebackWindow: Int64 = 16 << 20

  struct Result {
    var digest: SHA256Digest
    var size: Int64
  }

  /// Reads `input` to its end, writes every byte to `output` and returns the SHA-256 of
  /// what was read. `progress` is called on the calling thread with the bytes done so far.
  static func copy(
    from input: Int32, inputName: String, to output: Int32, outputName: String,
    progress: ((Int64) -> Void)? = nil
  ) throws -> Result {
    let ring = Ring(count: bufferCount, size: chunkSize)
    ring.direct = DirectIO.isOn(output)
    let writer = Thread { [ring] in ring.writeLoop(to: output) }
    writer.stackSize = 1 << 20
    writer.start()

    let hasher = SHA256Stream()
    var total: Int64 = 0
    var readError: StoreError?
    while true {
      guard let index = ring.takeFree() else { break }  // the writer failed
      let buffer = ring.buffer(index)
      let n = readSome(input, buffer)
      if n < 0 {
        readError = StoreError.io("cannot read", inputName)
        ring.giveBack(index)
        break
      }
      if n == 0 {
        ring.giveBack(index)
        break
      }
      ring.queue(index, length: n)
      hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
      total += Int64(n)
      progress?(total)
    }
    ring.finish()
    ring.waitForWriter()
    if let e = readError { throw e }
    if let code = ring.writeErrno { throw StoreError.io("cannot write", outputName, errno: code) }
    return Result(digest: hasher.finalize(), size: total)
  }

  private static func readSome(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
    while true {
      let n = read(fd, buffer.baseAddress!, buffer.count)
      if n < 0 && errno == EINTR { continue }
      return n
    }
  }

  /// The buffers and the two queues between reader and writer. All state is guarded by
  /// `condition`; a buffer is owned by exactly one side at a time.
  private final class Ring: @unchecked Sendable {
    private let storage: UnsafeMutableRawPointer
    private let size: Int
    private let condition = NSCondition()
    private var free: [Int]
    private var pending: [(index: Int, length: Int)] = []
    private var finished = false
    private var writerDone = false
    private(set) var writeErrno: Int32?
    /// The output was opened with O_DIRECT: whole aligned chunks go straight to the disk.
    var direct = false

    init(count: Int, size: Int) {
      self.size = size
      storage = UnsafeMutableRawPointer.allocate(byteCount: count * size, alignment: 4096)
      free = Array(0..<count)
    }

    deinit { storage.deallocate() }

    func buffer(_ index: Int) -> UnsafeMutableRawBufferPointer {
      UnsafeMutableRawBufferPointer(start: storage + index * size, count: size)
    }

    /// A buffer to read into; nil once the writer has failed.
    func takeFree() -> Int? {
      condition.lock()
      defer { condition.unlock() }
      while free.isEmpty && writeErrno == nil { condition.wait() }
      return writeErrno == nil ? free.removeLast() : nil
    }

    func giveBack(_ index: Int) {
      condition.lock()
      free.append(index)
      condition.unlock()
    }

    func queue(_ index: Int, length: Int) {
      condition.lock()
      pending.append((index, length))
      condition.broadcast()
      condition.unlock()
    }

    func finish() {
      condition.lock()
      finished = true
      condition.broadcast()
      condition.unlock()
    }

    func waitForWriter() {
      condition.lock()
      while !writerDone { condition.wait() }
      condition.unlock()
    }

    func writeLoop(to fd: Int32) {
      var written: Int64 = 0
      var flushedUpTo: Int64 = 0
      while true {
        condition.lock()
        while pending.isEmpty && !finished { condition.wait() }
        if pending.isEmpty {
          writerDone = true
          condition.broadcast()
          condition.unlock()
          return
        }
        let (index, length) = pending.removeFirst()
        condition.unlock()

        if direct && length % DirectIO.alignment != 0 {
          // The last, partial chunk cannot go direct.
          DirectIO.turnOff(fd)
          direct = false
        }
        var failure = writeAll(fd, UnsafeRawBufferPointer(rebasing: buffer(index)[0..<length]))
        if failure == EINVAL && direct {
          DirectIO.turnOff(fd)
          direct = false
          failure = writeAll(fd, UnsafeRawBufferPointer(rebasing: buffer(index)[0..<length]))
        }
        written += Int64(length)
        if failure == nil, !direct, written - flushedUpTo >= HashingCopier.writebackWindow {
          Writeback.start(fd, offset: flushedUpTo, length: written - flushedUpTo)
          flushedUpTo = written
        }

        condition.lock()
        free.append(index)
        if let code = failure {
          writeErrno = code
          writerDone = true
          condition.broadcast()
          condition.unlock()
          return
        }
        condition.broadcast()
        condition.unlock()
      }
    }

    private func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
      var offset = 0
      while offset < bytes.count {
        let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
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

/// Starts writeback of a written range without waiting for it (Linux `sync_file_range`,
/// which Glibc's Swift module does not export; looked up once at run time). Elsewhere a no-op.
enum Writeback {
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

  static func start(_ fd: Int32, offset: Int64, length: Int64) {
    // SYNC_FILE_RANGE_WRITE = 2
    _ = syncFileRange?(fd, offset, length, 2)
  }
}
