import Foundation
import RedressFiles
import RedressTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The hashing copy, its flush pacer and `FileHasher.copy`: errors name the output, a copy
/// never overwrites.
@Suite struct HashingCopierTests {
  static func pattern(_ size: Int) -> Data {
    var bytes = [UInt8](repeating: 0, count: size)
    for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: i &* 2_654_435_761 >> 7) }
    return Data(bytes)
  }

  /// File mode bits (the permission part) of `path`.
  func mode(_ path: String) -> mode_t {
    var st = stat()
    guard lstat(path, &st) == 0 else { return 0 }
    return st.st_mode & 0o777
  }

  /// A failing write (a full device) surfaces as an error naming the output.
  @Test func aWriteErrorIsReported() throws {
    let dir = try TempFolder()
    let source = try dir.write("in.bin", Self.pattern(3 * HashingCopier.chunkSize + 1))
    let input = try EvidenceSource.open(path: source.path)
    let full = open("/dev/full", O_WRONLY | O_CLOEXEC)
    try #require(full >= 0)
    defer { close(full) }
    let error = #expect(throws: FileError.self) {
      try HashingCopier.copy(
        from: input.fileDescriptor, inputName: "in.bin", to: full, outputName: "/dev/full",
        expectedSize: input.size)
    }
    #expect(error?.kind == .io)
    #expect(error?.message.hasPrefix("cannot write /dev/full") == true)
  }

  /// A sync that fails is reported (a later fsync might not report it again).
  @Test func aFailedSyncIsReported() {
    let pacer = FlushPacer(fd: -1)
    #expect(pacer.wrote(upTo: 1000) == nil)
    _ = pacer.wrote(upTo: FlushPacer.syncWindow)
    #expect(pacer.finish() == EBADF)
    #expect(pacer.wrote(upTo: 2 * FlushPacer.syncWindow) == EBADF)
  }

  @Test func copyRefusesToOverwrite() throws {
    let dir = try TempFolder()
    let source = try dir.write("a.txt", Data("abc".utf8))
    let target = try dir.write("b.txt", Data("old".utf8))
    #expect(throws: FileError.self) {
      try FileHasher.copy(try EvidenceSource.open(path: source.path), to: target)
    }
    #expect(try Data(contentsOf: target) == Data("old".utf8))
    let fresh = dir.path("c.txt")
    let r = try FileHasher.copy(try EvidenceSource.open(path: source.path), to: fresh)
    #expect(r.hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(mode(fresh.path) == 0o600)
  }
}
