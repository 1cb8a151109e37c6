import Foundation

/// Base64 as MIME writes it (RFC 2045 §6.8): lines of 76 characters, each ended by CRLF.
enum Base64Lines {
  static let lineLength = 76
  /// 57 octets make one full line of 76 characters.
  static let octetsPerLine = 57
  /// Octets read and encoded at a time: a whole number of lines.
  static let chunkOctets = octetsPerLine * 2048

  /// The exact number of octets `encode` writes for `count` octets of input. Empty input is
  /// one empty line, so the part still ends with the CRLF its boundary line needs.
  static func encodedLength(of count: Int64) -> Int64 {
    if count == 0 { return 2 }
    let characters = (count + 2) / 3 * 4
    let lines = (characters + Int64(lineLength) - 1) / Int64(lineLength)
    return characters + 2 * lines
  }

  /// Encodes one chunk. Every chunk but the last must be a whole number of lines
  /// (a multiple of 57 octets) so that lines continue across chunks.
  static func encode(_ data: Data) -> Data {
    if data.isEmpty { return Data("\r\n".utf8) }
    let encoded = Array(data.base64EncodedData())
    var out = Data(capacity: encoded.count + encoded.count / lineLength * 2 + 2)
    var start = 0
    while start < encoded.count {
      let end = min(start + lineLength, encoded.count)
      out.append(contentsOf: encoded[start..<end])
      out.append(contentsOf: [0x0D, 0x0A])
      start = end
    }
    return out
  }
}
