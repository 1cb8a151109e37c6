import CZlibRedress
import Foundation
import RedressFiles

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a zip member's bytes are kept.
public enum ZipMethod: UInt16, Sendable {
  /// As they are (media that is compressed already).
  case stored = 0
  /// Raw deflate (RFC 1951).
  case deflated = 8
}

/// A small zip writer (APPNOTE.TXT 6.3) for the evidence bundle, written to stream large
/// evidence at the speed of the disk: each member's bytes are read once, in 1 MiB chunks; the
/// calling thread reads and hands every chunk to `observe` (the bundle's SHA-256), while a
/// second thread computes the CRC-32 with zlib, deflates when asked and writes. The local
/// header is written before the bytes and its CRC-32 and sizes are filled in afterwards (no
/// data descriptors). Names are UTF-8 (general purpose bit 11); members get the Unix mode
/// 0644; ZIP64 records are used for a member of 4 GiB or more, an offset past 4 GiB, or more
/// than 65,534 members.
///
/// What was written is flushed as it goes (`FlushPacer`), so that the `fsync` the caller does
/// before renaming the zip into place has little left to do. Call `finish()` (or, on failure,
/// `stopSyncing()`) before closing the file.
final class ZipWriter {
  /// A member's size changed between `stat` and the end of reading it.
  struct SizeChanged: Error {
    var expected: Int64
    var read: Int64
  }

  /// A read or a write failed with this `errno`.
  struct IOFailure: Error {
    var reading: Bool
    var code: Int32
    var message: String { String(cString: strerror(code)) }
  }

  static let chunkSize = 1 << 20
  static let bufferCount = 8

  private struct Member {
    var name: [UInt8]
    var method: ZipMethod
    var crc: UInt32
    var compressedSize: UInt64
    var size: UInt64
    var offset: UInt64
    /// The local header has a ZIP64 extra field; the central one then carries both sizes too.
    var zip64: Bool
  }

  private let output: Output
  private var members: [Member] = []
  private let dosTime: UInt16
  private let dosDate: UInt16
  /// Sizes and offsets from this on get ZIP64 records: 0xFFFFFFFF, where the 32-bit fields
  /// overflow (tests lower it, to check the ZIP64 records without writing 4 GiB).
  private let zip64Limit: UInt64
  /// Member counts from this on get ZIP64 end records (65,535 marks "see ZIP64").
  private let zip64Count: UInt64

  /// Writes to `fd` (a new, empty file opened for writing), with `modified` as every member's
  /// time (local time, as zip tools show it).
  init(fd: Int32, modified: Date, zip64Limit: UInt64 = UInt64(UInt32.max), zip64Count: UInt64 = 0xFFFF) {
    output = Output(fd: fd)
    (dosTime, dosDate) = Self.dosDateTime(modified)
    self.zip64Limit = min(zip64Limit, UInt64(UInt32.max))
    self.zip64Count = min(zip64Count, 0xFFFF)
  }

  /// Adds a member. `read` fills the buffer it is given from the member's source and returns
  /// how many bytes it put there (0 at the end); `observe` sees every chunk read, in order, on
  /// the calling thread. Exactly `expectedSize` bytes must come (else `SizeChanged`). Returns
  /// the size read.
  @discardableResult
  func add(
    name: String, method: ZipMethod, expectedSize: Int64,
    read: (UnsafeMutableRawBufferPointer) throws -> Int, observe: (UnsafeRawBufferPointer) -> Void
  ) throws -> Int64 {
    let nameBytes = Array(name.utf8)
    precondition(nameBytes.count <= 0xFFFF, "a zip member name has at most 65,535 bytes")
    let limit = zip64Limit
    let bound = method == .stored ? UInt64(expectedSize) : Self.deflateBound(UInt64(expectedSize))
    let zip64 = UInt64(expectedSize) >= limit || bound >= limit
    var member = Member(
      name: nameBytes, method: method, crc: 0, compressedSize: 0, size: 0, offset: output.offset, zip64: zip64
    )

    var header = ByteWriter()
    header.u32(0x0403_4B50)
    header.u16(zip64 ? 45 : 20)  // version needed to extract
    header.u16(0x0800)  // UTF-8 names
    header.u16(method.rawValue)
    header.u16(dosTime)
    header.u16(dosDate)
    header.u32(0)  // CRC-32, filled in below
    header.u32(zip64 ? UInt32.max : 0)
    header.u32(zip64 ? UInt32.max : 0)
    header.u16(UInt16(nameBytes.count))
    header.u16(zip64 ? 20 : 0)
    header.bytes(nameBytes)
    if zip64 {
      header.u16(0x0001)
      header.u16(16)
      header.u64(0)
      header.u64(0)
    }
    try output.write(header.data)

    let encoder = try Encoder(method: method, output: output)
    let size = try Self.pump(expectedSize: expectedSize, encoder: encoder, read: read, observe: observe)
    member.crc = encoder.crc
    member.size = UInt64(size)
    member.compressedSize = encoder.written
    guard zip64 || (member.size < limit && member.compressedSize < limit) else {
      // Cannot happen: the sizes were checked against the bound above.
      throw IOFailure(reading: false, code: EFBIG)
    }

    var patch = ByteWriter()
    patch.u32(member.crc)
    if zip64 {
      try output.patch(patch.data, at: member.offset + 14)
      var sizes = ByteWriter()
      sizes.u64(member.size)
      sizes.u64(member.compressedSize)
      try output.patch(sizes.data, at: member.offset + 30 + UInt64(nameBytes.count) + 4)
    } else {
      patch.u32(UInt32(member.compressedSize))
      patch.u32(UInt32(member.size))
      try output.patch(patch.data, at: member.offset + 14)
    }
    members.append(member)
    return size
  }

  /// Writes the central directory and the end records. The zip is complete afterwards (the
  /// caller flushes and renames it).
  func finish() throws {
    let limit = zip64Limit
    let directoryOffset = output.offset
    var directory = ByteWriter()
    for m in members {
      let bigSizes = m.zip64 || m.size >= limit || m.compressedSize >= limit
      let bigOffset = m.offset >= limit
      var extra = ByteWriter()
      if bigSizes {
        extra.u64(m.size)
        extra.u64(m.compressedSize)
      }
      if bigOffset { extra.u64(m.offset) }
      let needsZip64 = bigSizes || bigOffset
      directory.u32(0x0201_4B50)
      directory.u16(needsZip64 ? 0x032D : 0x0314)  // made by: Unix, spec 4.5 or 2.0
      directory.u16(needsZip64 ? 45 : 20)
      directory.u16(0x0800)
      directory.u16(m.method.rawValue)
      directory.u16(dosTime)
      directory.u16(dosDate)
      directory.u32(m.crc)
      directory.u32(bigSizes ? UInt32.max : UInt32(m.compressedSize))
      directory.u32(bigSizes ? UInt32.max : UInt32(m.size))
      directory.u16(UInt16(m.name.count))
      directory.u16(needsZip64 ? UInt16(4 + extra.data.count) : 0)
      directory.u16(0)  // comment
      directory.u16(0)  // disk
      directory.u16(0)  // internal attributes
      directory.u32(UInt32(0o100644) << 16)  // a regular file, rw-r--r--
      directory.u32(bigOffset ? UInt32.max : UInt32(m.offset))
      directory.bytes(m.name)
      if needsZip64 {
        directory.u16(0x0001)
        directory.u16(UInt16(extra.data.count))
        directory.bytes(extra.data)
      }
      if directory.data.count >= 1 << 20 {
        try output.write(directory.data)
        directory = ByteWriter()
      }
    }
    try output.write(directory.data)
    let directorySize = output.offset - directoryOffset
    let count = UInt64(members.count)

    var end = ByteWriter()
    let zip64End = count >= zip64Count || directoryOffset >= limit || directorySize >= limit
    if zip64End {
      let recordOffset = output.offset
      end.u32(0x0606_4B50)
      end.u64(44)  // the size of the rest of this record
      end.u16(0x032D)
      end.u16(45)
      end.u32(0)
      end.u32(0)
      end.u64(count)
      end.u64(count)
      end.u64(directorySize)
      end.u64(directoryOffset)
      end.u32(0x0706_4B50)  // the locator
      end.u32(0)
      end.u64(recordOffset)
      end.u32(1)
    }
    end.u32(0x0605_4B50)
    end.u16(0)
    end.u16(0)
    // Only the fields too small for their value say "see the ZIP64 record" (APPNOTE 4.4.1.4).
    end.u16(count >= zip64Count ? 0xFFFF : UInt16(count))
    end.u16(count >= zip64Count ? 0xFFFF : UInt16(count))
    end.u32(directorySize >= limit ? UInt32.max : UInt32(directorySize))
    end.u32(directoryOffset >= limit ? UInt32.max : UInt32(directoryOffset))
    end.u16(0)  // comment
    try output.write(end.data)
    if let code = stopSyncing() { throw IOFailure(reading: false, code: code) }
  }

  /// Ends the syncing that goes on while the zip is written (`FlushPacer`); returns the `errno`
  /// of a sync that failed. `finish()` calls it; call it before closing the file after a failure.
  @discardableResult
  func stopSyncing() -> Int32? { output.pacer.finish() }

  // MARK: Reading, hashing, encoding and writing

  /// Moves one member's bytes from `read` to the encoder. Small members are done on the calling
  /// thread; larger ones through a ring of buffers, the encoder on a second thread.
  private static func pump(
    expectedSize: Int64, encoder: Encoder, read: (UnsafeMutableRawBufferPointer) throws -> Int,
    observe: (UnsafeRawBufferPointer) -> Void
  ) throws -> Int64 {
    if expectedSize < chunkSize {
      // One buffer, one pass: read to the end (a byte past the expected size shows growth).
      let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Int(expectedSize) + 1, alignment: 16)
      defer { buffer.deallocate() }
      var total = 0
      while total < buffer.count {
        let n = try read(UnsafeMutableRawBufferPointer(rebasing: buffer[total...]))
        if n == 0 { break }
        total += n
      }
      guard Int64(total) == expectedSize else {
        throw SizeChanged(expected: expectedSize, read: Int64(total))
      }
      let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<total])
      observe(bytes)
      try encoder.consume(bytes)
      try encoder.finish()
      return Int64(total)
    }

    var total: Int64 = 0
    _ = try ChunkPipeline.run(
      buffers: bufferCount, size: chunkSize,
      fill: { buffer in
        let n = try read(buffer)
        total += Int64(n)
        if total > expectedSize { throw SizeChanged(expected: expectedSize, read: total) }
        return n
      },
      observe: { chunk in
        observe(chunk)
        return true
      },
      consume: { try encoder.consume($0) }, finish: { try encoder.finish() })
    guard total == expectedSize else { throw SizeChanged(expected: expectedSize, read: total) }
    return total
  }

  /// zlib's `deflateBound` for the default settings: the most raw deflate can make of `n` bytes.
  static func deflateBound(_ n: UInt64) -> UInt64 { n + (n >> 12) + (n >> 14) + (n >> 25) + 13 + 64 }

  /// The MS-DOS time and date of `date` in local time (1980 to 2107, two-second steps).
  static func dosDateTime(_ date: Date) -> (time: UInt16, date: UInt16) {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    guard localtime_r(&seconds, &parts) != nil else { return (0, 0x21) }
    let year = Int(parts.tm_year) + 1900
    if year < 1980 { return (0, 0x21) }  // 1980-01-01 00:00:00
    if year > 2107 { return (0xBF7D, 0xFF9F) }  // 2107-12-31 23:59:58
    let time = UInt16(parts.tm_hour) << 11 | UInt16(parts.tm_min) << 5 | UInt16(parts.tm_sec / 2)
    let day = UInt16(year - 1980) << 9 | UInt16(parts.tm_mon + 1) << 5 | UInt16(parts.tm_mday)
    return (time, day)
  }

  /// The zip file: sequential writes that keep count of the offset, patches of bytes already
  /// written, and flushing paced as it goes.
  private final class Output: @unchecked Sendable {
    let fd: Int32
    private(set) var offset: UInt64 = 0
    let pacer: FlushPacer

    init(fd: Int32) {
      self.fd = fd
      pacer = FlushPacer(fd: fd)
    }

    func write(_ bytes: [UInt8]) throws {
      try bytes.withUnsafeBytes { try write($0) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
      var done = 0
      while done < bytes.count {
        let n = systemWrite(fd, bytes.baseAddress! + done, bytes.count - done)
        if n < 0 {
          if errno == EINTR { continue }
          throw IOFailure(reading: false, code: errno)
        }
        done += n
      }
      offset += UInt64(bytes.count)
      if let code = pacer.wrote(upTo: Int64(offset)) { throw IOFailure(reading: false, code: code) }
    }

    func patch(_ bytes: [UInt8], at position: UInt64) throws {
      let n = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, off_t(position)) }
      if n != bytes.count { throw IOFailure(reading: false, code: n < 0 ? errno : EIO) }
    }
  }

  /// CRC-32 and, for a deflated member, raw deflate; then the output. Used by one thread at a
  /// time (the ring hands it from one to the other).
  private final class Encoder: @unchecked Sendable {
    let method: ZipMethod
    let output: Output
    private(set) var crc: UInt32 = 0
    /// Bytes written for the member (compressed size).
    private(set) var written: UInt64 = 0
    private var stream: UnsafeMutablePointer<z_stream>?
    private var buffer: UnsafeMutableRawBufferPointer?

    init(method: ZipMethod, output: Output) throws {
      self.method = method
      self.output = output
      if method == .deflated {
        let s = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        s.initialize(to: z_stream())
        let status = deflateInit2_(
          s, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
          Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
          s.deallocate()
          throw IOFailure(reading: false, code: ENOMEM)
        }
        stream = s
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 << 10, alignment: 16)
      }
    }

    deinit {
      if let stream {
        deflateEnd(stream)
        stream.deallocate()
      }
      buffer?.deallocate()
    }

    func consume(_ bytes: UnsafeRawBufferPointer) throws {
      guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
      crc = UInt32(
        truncatingIfNeeded: crc32(uLong(crc), base.assumingMemoryBound(to: Bytef.self), uInt(bytes.count)))
      if method == .stored {
        try output.write(bytes)
        written += UInt64(bytes.count)
      } else {
        try deflate(bytes, flush: Z_NO_FLUSH)
      }
    }

    func finish() throws {
      if method == .deflated { try deflate(UnsafeRawBufferPointer(start: nil, count: 0), flush: Z_FINISH) }
    }

    private func deflate(_ bytes: UnsafeRawBufferPointer, flush: Int32) throws {
      guard let stream, let buffer else { return }
      stream.pointee.next_in = UnsafeMutablePointer(
        mutating: bytes.baseAddress?.assumingMemoryBound(to: Bytef.self))
      stream.pointee.avail_in = uInt(bytes.count)
      while true {
        stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(buffer.count)
        let status = CZlibRedress.deflate(stream, flush)
        guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
          throw IOFailure(reading: false, code: EIO)
        }
        let produced = buffer.count - Int(stream.pointee.avail_out)
        if produced > 0 {
          try output.write(UnsafeRawBufferPointer(rebasing: buffer[0..<produced]))
          written += UInt64(produced)
        }
        if flush == Z_FINISH {
          if status == Z_STREAM_END { return }
        } else if stream.pointee.avail_in == 0 && stream.pointee.avail_out != 0 {
          return
        }
      }
    }
  }
}

/// Little-endian fields of zip records.
private struct ByteWriter {
  var data: [UInt8] = []

  mutating func u16(_ v: UInt16) {
    data.append(UInt8(truncatingIfNeeded: v))
    data.append(UInt8(truncatingIfNeeded: v >> 8))
  }

  mutating func u32(_ v: UInt32) {
    for shift in stride(from: 0, to: 32, by: 8) { data.append(UInt8(truncatingIfNeeded: v >> UInt32(shift))) }
  }

  mutating func u64(_ v: UInt64) {
    for shift in stride(from: 0, to: 64, by: 8) { data.append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
  }

  mutating func bytes(_ b: [UInt8]) { data.append(contentsOf: b) }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, buffer, count)
}
