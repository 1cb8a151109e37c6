import Foundation
import RedressCore
import RedressFiles
import RedressTestSupport
import Testing

@testable import RedressStore

@Suite struct EvidenceIngestTests {
  static let chunk = HashingCopier.chunkSize
  /// Empty, around a page, around the 1 MiB chunk, and several chunks with a tail.
  static let sizes = [0, 1, 4095, 4096, 4097, chunk - 1, chunk, chunk + 1, 9 * chunk + 777]

  /// Where the copies go: the ordinary temporary folder, and tmpfs (`/dev/shm`), which before
  /// Linux 6.6 refuses O_DIRECT at open (the copy then falls back to ordinary writes).
  enum Place: String, CaseIterable {
    case disk, shm
    func folder() throws -> TempFolder? {
      switch self {
      case .disk: return try TempFolder()
      case .shm:
        guard FileManager.default.isWritableFile(atPath: "/dev/shm") else { return nil }
        return try TempFolder(under: URL(fileURLWithPath: "/dev/shm"))
      }
    }
  }

  static func pattern(_ size: Int) -> Data {
    var bytes = [UInt8](repeating: 0, count: size)
    for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: i &* 2_654_435_761 >> 7) }
    return Data(bytes)
  }

  /// Bytes and digest equal the source's, buffered and direct, on disk and on tmpfs.
  @Test(arguments: sizes, Place.allCases)
  func copiesAndHashesExactly(size: Int, place: Place) throws {
    guard let dir = try place.folder() else { return }
    let bytes = Self.pattern(size)
    let source = try dir.write("in.bin", bytes)
    for direct in [false, true] {
      var blobs = BlobStore(root: dir.path(direct ? "direct" : "store"))
      if direct { blobs.directWriteMinimum = 1 }
      var seen: Int64 = 0
      let blob = try blobs.ingest(try EvidenceSource.open(path: source.path)) { seen = $0 }
      #expect(blob.size == Int64(size))
      #expect(seen == Int64(size))
      #expect(blob.sha256 == SHA256Stream.digest(bytes))
      #expect(blob.relativePath == "evidence/\(blob.sha256.hex.prefix(2))/\(blob.sha256.hex)")
      #expect(try Data(contentsOf: blobs.url(for: blob)) == bytes)
      #expect(mode(blobs.url(for: blob).path) == 0o600)
      #expect(try FileManager.default.contentsOfDirectory(atPath: blobs.temporaryFolder.path).isEmpty)
    }
  }

  /// Large files go around the page cache (O_DIRECT) when asked; the last chunk is never
  /// aligned.
  @Test(arguments: [3 * (1 << 20), 3 * (1 << 20) + 4095, 17 * (1 << 20) + 1])
  func directWritesCopyExactly(size: Int) throws {
    let dir = try TempFolder()
    var bytes = [UInt8](repeating: 0, count: size)
    for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: (i &* 40503) >> 5) }
    let source = try dir.write("in.bin", Data(bytes))
    var blobs = BlobStore(root: dir.path("store"))
    blobs.directWriteMinimum = 1
    let blob = try blobs.ingest(try EvidenceSource.open(path: source.path))
    #expect(blob.sha256 == SHA256Stream.digest(Data(bytes)))
    #expect(try Data(contentsOf: blobs.url(for: blob)) == Data(bytes))
    #expect(mode(blobs.url(for: blob).path) == 0o600)
  }

  /// Stopping a copy after its first chunk: a cancellation error, no blob, no temporary file.
  @Test(arguments: Place.allCases)
  func aStoppedCopyLeavesNothing(place: Place) throws {
    guard let dir = try place.folder() else { return }
    let source = try dir.write("in.bin", Self.pattern(40 * Self.chunk + 5))
    let blobs = BlobStore(root: dir.path("store"))
    var calls: [Int64] = []
    let error = #expect(throws: StoreError.self) {
      try blobs.ingest(try EvidenceSource.open(path: source.path)) { done in
        calls.append(done)
        return false
      }
    }
    #expect(error?.kind == .cancelled)
    #expect(calls == [Int64(Self.chunk)])
    #expect(blobs.allBlobs().isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: blobs.temporaryFolder.path).isEmpty)
    // The store still takes the same file afterwards.
    let blob = try blobs.ingest(try EvidenceSource.open(path: source.path), continuing: { _ in true })
    #expect(blobs.check(blob) == nil)
  }

  /// Through the case store, the same: nothing to attach, nothing left behind.
  @Test func aStoppedCaseStoreIngestThrowsCancelled() throws {
    let dir = try TempFolder()
    let source = try dir.write("in.bin", Self.pattern(3 * Self.chunk))
    let store = try #require(try CaseStore.open(at: dir.path("store"), create: true))
    var calls = 0
    do {
      _ = try store.ingest(try EvidenceSource.open(path: source.path)) { _ in
        calls += 1
        return calls < 2
      }
      Issue.record("the copy was not stopped")
    } catch let e as StoreError {
      #expect(e.kind == .cancelled)
    }
    #expect(calls == 2)
    #expect(store.blobs.allBlobs().isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: store.blobs.temporaryFolder.path).isEmpty)
  }

  /// What a killed copy left in `evidence/tmp/` (unlocked, unchanged for a while) goes with
  /// the next copy into the store; a copy another process is still writing (locked) stays.
  @Test func theNextIngestRemovesWhatAKilledCopyLeft() throws {
    let dir = try TempFolder()
    let store = try #require(try CaseStore.open(at: dir.path("store"), create: true))
    let tmp = store.blobs.temporaryFolder
    try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    let killed = tmp.appendingPathComponent("\(UUID().uuidString).part")
    let live = tmp.appendingPathComponent("\(UUID().uuidString).part")
    let old = Date(timeIntervalSinceNow: -3600)
    for url in [killed, live] {
      try Self.pattern(5000).write(to: url)
      try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: url.path)
    }
    let held = AbandonedTemporaries.lock(live.path, kind: .file)
    try #require(held >= 0)
    defer { close(held) }

    let source = try dir.write("photo.jpg", Self.pattern(3 * Self.chunk))
    _ = try store.ingest(try EvidenceSource.open(path: source.path))
    #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path) == [live.lastPathComponent])
  }

  /// A copy larger than `FlushPacer.syncWindow` is synced on the pacer's thread as it goes;
  /// the copy is whole. (A sparse source: reading it costs nothing.)
  @Test func aLargeCopyIsSyncedAsItGoes() throws {
    let dir = try TempFolder()
    let source = try dir.write("big.bin", Data())
    let size = 2 * FlushPacer.syncWindow + 12_345
    #expect(truncate(source.path, off_t(size)) == 0)
    let blobs = BlobStore(root: dir.path("store"))
    let blob = try blobs.ingest(try EvidenceSource.open(path: source.path))
    #expect(blob.size == size)
    #expect(blob.sha256 == (try FileHasher.sha256(ofFileAt: source.path)).digest)
    #expect(blobs.check(blob) == nil)
  }

  @Test func importOfAHostileCaseStoresNothing() throws {
    let dir = try TempFolder()
    let store = try #require(try CaseStore.open(at: dir.path("store"), create: true))
    let source = try TempFolder()
    var loaded = try sampleCase(id: "hostile", in: source, evidence: ["evidence/ok.jpg": "fine"])
    #expect(mkfifo(source.path("evidence/pipe").path, 0o600) == 0)
    var e = Evidence()
    e.id = "E2"
    e.file = "evidence/pipe"
    loaded.caseFile.evidence.append(e)
    #expect(throws: StoreError.self) { try store.importCase(loaded, replace: false) }
    #expect(try store.contains("hostile") == false)
    #expect(try store.summaries().isEmpty)
  }
}
