import Foundation
import RedressFiles
import RedressTestSupport
import Testing
import ZIPFoundation

@testable import RedressDocuments

#if canImport(Glibc)
  import Glibc
#endif

/// The bundle's zip writer checked by independent readers: Python's `zipfile` (which checks
/// every CRC-32 and the ZIP64 records), Info-ZIP's `unzip -t`, and ZIPFoundation. ZIP64 is
/// exercised without writing 4 GiB by lowering the writer's thresholds.
@Suite struct ZipWriterTests {
  struct Member {
    var name: String
    var method: ZipMethod
    var bytes: [UInt8]
  }

  /// Bytes that do not compress (a stand-in for a photo or video).
  static func noise(_ count: Int, seed: UInt64) -> [UInt8] {
    var x = seed | 1
    return (0..<count).map { _ in
      x ^= x << 13
      x ^= x >> 7
      x ^= x << 17
      return UInt8(truncatingIfNeeded: x)
    }
  }

  /// Text that does (deflated members).
  static func text(count: Int) -> [UInt8] {
    var out: [UInt8] = []
    var line = 0
    while out.count < count {
      out += Array("第\(line)行：洗衣机漏水，商家未答复。line \(line)\n".utf8)
      line += 1
    }
    return Array(out.prefix(count))
  }

  static var members: [Member] {
    [
      Member(name: "证据01-电子发票.xml", method: .deflated, bytes: text(count: 40_000)),
      Member(name: "证据02-照片.jpg", method: .stored, bytes: noise(300_000, seed: 7)),
      Member(name: "empty.txt", method: .deflated, bytes: []),
      Member(name: "empty.jpg", method: .stored, bytes: []),
      // Larger than one chunk: read, hashed and written on two threads.
      Member(name: "视频/漏水.mp4", method: .stored, bytes: noise(3 << 20 | 12_345, seed: 11)),
      Member(name: "long.log", method: .deflated, bytes: text(count: 2 << 20 | 777)),
    ]
  }

  /// Writes `members` to a new zip in `folder`; returns its URL and what `observe` saw of each.
  static func write(
    _ members: [Member], in folder: URL, zip64Limit: UInt64 = UInt64(UInt32.max), zip64Count: UInt64 = 0xFFFF
  ) throws -> (URL, [[UInt8]]) {
    let url = folder.appendingPathComponent("t.zip")
    let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    #expect(fd >= 0)
    defer { close(fd) }
    let zip = ZipWriter(
      fd: fd, modified: Date(timeIntervalSince1970: 1_792_000_000), zip64Limit: zip64Limit,
      zip64Count: zip64Count)
    var observed: [[UInt8]] = []
    for m in members {
      var position = 0
      var seen: [UInt8] = []
      let size = try zip.add(
        name: m.name, method: m.method, expectedSize: Int64(m.bytes.count),
        read: { buffer in
          // Short reads, as a pipe or a network file system may give.
          let n = min(buffer.count, m.bytes.count - position, 700_001)
          for i in 0..<n { buffer[i] = m.bytes[position + i] }
          position += n
          return n
        },
        observe: { seen += $0 })
      #expect(size == Int64(m.bytes.count))
      observed.append(seen)
    }
    try zip.finish()
    return (url, observed)
  }

  /// Python's zipfile reads every member back (checking its CRC-32) and lists name, method,
  /// size and the UTF-8 flag; the bytes are compared by SHA-256.
  static func pythonReads(_ zip: URL, expecting members: [Member]) throws {
    guard Fixtures.python != nil else {
      if Fixtures.isCI { Issue.record("no Python: set REDRESS_PYTHON or run make test-deps") }
      return
    }
    let script = """
      import hashlib, sys, zipfile
      with zipfile.ZipFile(sys.argv[1]) as z:
          assert z.testzip() is None
          for i in z.infolist():
              print(i.filename, i.compress_type, i.file_size, i.flag_bits & 0x800,
                    hashlib.sha256(z.read(i)).hexdigest(), sep="\\t")
      """
    let result = try ProcessRunner.python(script, [zip.path])
    #expect(result.exitCode == 0, "\(result.stderr)")
    let expected = members.map { m in
      [
        m.name, "\(m.method.rawValue)", "\(m.bytes.count)", "2048",
        SHA256StreamHex.of(m.bytes),
      ].joined(separator: "\t")
    }
    #expect(result.stdout.split(separator: "\n").map(String.init) == expected)
  }

  static func unzipTests(_ zip: URL) throws {
    let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["unzip", "-tq", zip.path])
    #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
  }

  @Test func independentReadersAcceptTheZip() throws {
    let folder = try Fixtures.temporaryDirectory("zipwriter")
    defer { try? FileManager.default.removeItem(at: folder) }
    let members = Self.members
    let (zip, observed) = try Self.write(members, in: folder)
    #expect(observed == members.map(\.bytes))
    try Self.pythonReads(zip, expecting: members)
    try Self.unzipTests(zip)
    // ZIPFoundation checks the CRC-32 while extracting.
    let archive = try Archive(url: zip, accessMode: .read)
    for m in members {
      let entry = try #require(archive[m.name])
      var bytes = Data()
      _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
      #expect(bytes == Data(m.bytes), "\(m.name)")
      #expect(entry.isCompressed == (m.method == .deflated))
    }
  }

  /// Every ZIP64 record (local and central extra fields, the ZIP64 end record and its
  /// locator), as a bundle over 4 GiB or with 65,535 members or more would have them.
  @Test func zip64RecordsAreRead() throws {
    let folder = try Fixtures.temporaryDirectory("zipwriter64")
    defer { try? FileManager.default.removeItem(at: folder) }
    let members = Self.members
    // Limit 1, not 0: ZIPFoundation ignores a ZIP64 offset of 0 (a real one is past 4 GiB).
    let (zip, _) = try Self.write(members, in: folder, zip64Limit: 1, zip64Count: 0)
    let bytes = [UInt8](try Data(contentsOf: zip))
    func count(_ signature: [UInt8]) -> Int {
      var n = 0
      for i in 0..<(bytes.count - 4) where Array(bytes[i..<i + 4]) == signature { n += 1 }
      return n
    }
    #expect(count([0x50, 0x4B, 0x06, 0x06]) == 1)  // ZIP64 end of central directory
    #expect(count([0x50, 0x4B, 0x06, 0x07]) == 1)  // its locator
    try Self.pythonReads(zip, expecting: members)
    try Self.unzipTests(zip)
    let archive = try Archive(url: zip, accessMode: .read)
    #expect(Array(archive).map(\.path) == members.map(\.name))
  }

  @Test func moreThan65534MembersGetZip64EndRecords() throws {
    let folder = try Fixtures.temporaryDirectory("zipwriter-many")
    defer { try? FileManager.default.removeItem(at: folder) }
    let members = (0..<65_600).map { Member(name: "f\($0).jpg", method: .stored, bytes: [UInt8($0 & 0xFF)]) }
    let (zip, _) = try Self.write(members, in: folder)
    guard Fixtures.python != nil else {
      if Fixtures.isCI { Issue.record("no Python: set REDRESS_PYTHON or run make test-deps") }
      return
    }
    let result = try ProcessRunner.python(
      """
      import sys, zipfile
      with zipfile.ZipFile(sys.argv[1]) as z:
          assert z.testzip() is None
          names = z.namelist()
          print(len(names), names[-1], z.read(names[-1])[0])
      """, [zip.path])
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stdout == "65600 f65599.jpg \(65_599 & 0xFF)\n")
  }

  @Test func aSourceThatChangesSizeIsAnError() throws {
    let folder = try Fixtures.temporaryDirectory("zipwriter-size")
    defer { try? FileManager.default.removeItem(at: folder) }
    for (expected, actual) in [(10, 9), (10, 11), (3 << 20, (3 << 20) - 1), (3 << 20, (3 << 20) + 5)] {
      let url = folder.appendingPathComponent("s\(expected)-\(actual).zip")
      let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
      defer { close(fd) }
      let zip = ZipWriter(fd: fd, modified: Date())
      var position = 0
      #expect(throws: ZipWriter.SizeChanged.self) {
        try zip.add(
          name: "a.mp4", method: .stored, expectedSize: Int64(expected),
          read: { buffer in
            let n = min(buffer.count, actual - position)
            position += n
            return n
          }, observe: { _ in })
      }
    }
  }

  @Test func dosTimeIsLocalAndClamped() {
    #expect(ZipWriter.dosDateTime(Date(timeIntervalSince1970: 0)) == (0, 0x21))
    let (time, date) = ZipWriter.dosDateTime(Date(timeIntervalSince1970: 1_792_000_000))
    var seconds = time_t(1_792_000_000)
    var parts = tm()
    localtime_r(&seconds, &parts)
    #expect(Int(date >> 9) + 1980 == Int(parts.tm_year) + 1900)
    #expect(Int(date >> 5 & 0xF) == Int(parts.tm_mon) + 1)
    #expect(Int(date & 0x1F) == Int(parts.tm_mday))
    #expect(Int(time >> 11) == Int(parts.tm_hour))
    #expect(Int(time >> 5 & 0x3F) == Int(parts.tm_min))
  }
}

/// SHA-256 as hex, for comparing with Python's hashlib.
enum SHA256StreamHex {
  static func of(_ bytes: [UInt8]) -> String {
    let s = SHA256Stream()
    s.update(bytes)
    return s.finalize().hex
  }
}
