import Foundation
import ZIPFoundation

/// FlateDecode (§7.4.4) wants a zlib stream (RFC 1950). ZIPFoundation, already a dependency
/// for the docx and the bundle, exposes raw deflate (RFC 1951); wrapping it in the two-byte
/// zlib header and the Adler-32 trailer gives the stream PDF readers expect.
enum PDFFlate {
  static func zlibStream(_ data: Data) throws -> Data {
    var out = Data([0x78, 0x9C])
    let size = Int64(data.count)
    _ = try Data.compress(
      size: size, bufferSize: 64 * 1024,
      provider: { position, chunk in
        let start = Int(position)
        return data.subdata(in: start..<min(start + chunk, data.count))
      },
      consumer: { out.append($0) })
    let checksum = adler32(data)
    out.append(contentsOf: [
      UInt8(checksum >> 24), UInt8((checksum >> 16) & 0xFF), UInt8((checksum >> 8) & 0xFF),
      UInt8(checksum & 0xFF),
    ])
    return out
  }

  static func adler32(_ data: Data) -> UInt32 {
    var a: UInt32 = 1
    var b: UInt32 = 0
    let modulus: UInt32 = 65_521
    data.withUnsafeBytes { raw in
      var index = 0
      let count = raw.count
      while index < count {
        // 5552 bytes is the most that can be summed before b could overflow 32 bits.
        let end = min(index + 5552, count)
        while index < end {
          a += UInt32(raw[index])
          b += a
          index += 1
        }
        a %= modulus
        b %= modulus
      }
    }
    return (b << 16) | a
  }
}
