import Foundation

/// Two threads joined by a ring of buffers: the calling thread fills chunks (reading a file)
/// and looks at each one it has handed over (hashing it), while a worker thread consumes the
/// chunks already filled, in order (writing, compressing). Neither side waits for the other for
/// long, and memory stays at `buffers` × `size` bytes however long the stream. The store's
/// hashing copy and the bundle's zip writer both run on it.
public enum ChunkPipeline {
  public enum Outcome: Sendable, Equatable {
    /// Every chunk was consumed and `finish` ran.
    case completed
    /// `observe` asked to stop: the worker stopped after the chunk in progress, what was still
    /// queued was dropped and `finish` did not run.
    case stopped
  }

  /// Runs one stream through the pipeline.
  /// - `fill`: on the calling thread, puts the next bytes into the buffer and returns how many;
  ///   0 at the end. An error it throws stops the pipeline as `.stopped` does and is rethrown.
  /// - `observe`: on the calling thread, each chunk just handed to the worker (it may still be
  ///   read by the worker meanwhile: look, do not change); false stops the pipeline.
  /// - `consume`: on the worker, each chunk in order. An error it throws stops the pipeline and
  ///   is rethrown.
  /// - `finish`: on the worker, after the last chunk of a stream that came to its end.
  public static func run(
    buffers: Int, size: Int,
    fill: (UnsafeMutableRawBufferPointer) throws -> Int,
    observe: (UnsafeRawBufferPointer) -> Bool,
    consume: @escaping @Sendable (UnsafeRawBufferPointer) throws -> Void,
    finish: @escaping @Sendable () throws -> Void = {}
  ) throws -> Outcome {
    let ring = Ring(count: buffers, size: size, consume: consume, finish: finish)
    let worker = Thread { [ring] in ring.work() }
    worker.stackSize = 1 << 20
    worker.start()

    var fillError: Error?
    var stopped = false
    while let index = ring.takeFree() {  // nil once the worker has failed
      let buffer = ring.buffer(index)
      let n: Int
      do {
        n = try fill(buffer)
      } catch {
        fillError = error
        break
      }
      if n == 0 { break }
      ring.queue(index, length: n)
      if !observe(UnsafeRawBufferPointer(rebasing: buffer[0..<n])) {
        stopped = true
        break
      }
    }
    ring.end(stopping: stopped || fillError != nil)
    ring.waitForWorker()
    if stopped { return .stopped }
    if let fillError { throw fillError }
    if let error = ring.workerError { throw error }
    return .completed
  }

  /// The buffers and the queue between the two threads. All state is guarded by `condition`;
  /// a buffer is owned by one side at a time.
  private final class Ring: @unchecked Sendable {
    private let storage: UnsafeMutableRawPointer
    private let size: Int
    private let consume: @Sendable (UnsafeRawBufferPointer) throws -> Void
    private let finish: @Sendable () throws -> Void
    private let condition = NSCondition()
    private var free: [Int]
    private var pending: [(index: Int, length: Int)] = []
    private var ended = false
    private var stopping = false
    private var workerDone = false
    private(set) var workerError: Error?

    init(
      count: Int, size: Int, consume: @escaping @Sendable (UnsafeRawBufferPointer) throws -> Void,
      finish: @escaping @Sendable () throws -> Void
    ) {
      self.size = size
      self.consume = consume
      self.finish = finish
      // Page-aligned, so that a consumer may write the chunks with O_DIRECT.
      storage = UnsafeMutableRawPointer.allocate(byteCount: count * size, alignment: 4096)
      free = Array(0..<count)
    }

    deinit { storage.deallocate() }

    func buffer(_ index: Int) -> UnsafeMutableRawBufferPointer {
      UnsafeMutableRawBufferPointer(start: storage + index * size, count: size)
    }

    /// A buffer to fill; nil once the worker has failed.
    func takeFree() -> Int? {
      condition.lock()
      defer { condition.unlock() }
      while free.isEmpty && workerError == nil { condition.wait() }
      return workerError == nil ? free.removeLast() : nil
    }

    func queue(_ index: Int, length: Int) {
      condition.lock()
      pending.append((index, length))
      condition.broadcast()
      condition.unlock()
    }

    /// No more chunks. With `stopping`, what is queued is dropped and `finish` does not run.
    func end(stopping: Bool) {
      condition.lock()
      ended = true
      if stopping {
        self.stopping = true
        pending.removeAll()
      }
      condition.broadcast()
      condition.unlock()
    }

    func waitForWorker() {
      condition.lock()
      while !workerDone { condition.wait() }
      condition.unlock()
    }

    func work() {
      while true {
        condition.lock()
        while pending.isEmpty && !ended { condition.wait() }
        if pending.isEmpty || stopping {
          let runFinish = !stopping
          condition.unlock()
          var failure: Error?
          if runFinish {
            do { try finish() } catch { failure = error }
          }
          done(failure)
          return
        }
        let (index, length) = pending.removeFirst()
        condition.unlock()

        do {
          try consume(UnsafeRawBufferPointer(rebasing: buffer(index)[0..<length]))
        } catch {
          done(error)
          return
        }
        condition.lock()
        free.append(index)
        condition.broadcast()
        condition.unlock()
      }
    }

    private func done(_ failure: Error?) {
      condition.lock()
      if let failure { workerError = failure }
      workerDone = true
      condition.broadcast()
      condition.unlock()
    }
  }
}
