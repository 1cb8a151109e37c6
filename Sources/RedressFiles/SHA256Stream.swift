import CCrypto
import Foundation

/// A SHA-256 digest: 32 bytes, usually shown as 64 lower-case hex digits.
public struct SHA256Digest: Hashable, Sendable, CustomStringConvertible {
  public var bytes: [UInt8]

  public init(bytes: [UInt8]) {
    precondition(bytes.count == 32, "a SHA-256 digest has 32 bytes")
    self.bytes = bytes
  }

  /// Reads 64 hex digits (either case); nil for anything else.
  public init?(hex: some StringProtocol) {
    let utf8 = Array(hex.utf8)
    guard utf8.count == 64 else { return nil }
    var out = [UInt8](repeating: 0, count: 32)
    for i in 0..<32 {
      guard let hi = Self.nibble(utf8[2 * i]), let lo = Self.nibble(utf8[2 * i + 1]) else { return nil }
      out[i] = hi << 4 | lo
    }
    self.bytes = out
  }

  /// The digest as 64 lower-case hex digits (the form `sha256sum` and `openssl dgst` print).
  public var hex: String {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    out.reserveCapacity(64)
    for b in bytes {
      out.append(digits[Int(b >> 4)])
      out.append(digits[Int(b & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  public var description: String { hex }

  private static func nibble(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}

/// Incremental SHA-256 over OpenSSL's EVP API (SHA-NI where the CPU has it): feed it bytes
/// in pieces with `update`, then take the digest once with `finalize`.
///
/// One instance belongs to one thread at a time; it is not `Sendable`.
public final class SHA256Stream {
  private let context: OpaquePointer
  private var finished = false
  /// How many bytes have been hashed so far.
  public private(set) var byteCount: Int64 = 0

  public init() {
    guard let ctx = EVP_MD_CTX_new() else { fatalError("OpenSSL could not allocate a digest context") }
    guard EVP_DigestInit_ex(ctx, EVP_sha256(), nil) == 1 else {
      EVP_MD_CTX_free(ctx)
      fatalError("OpenSSL could not start SHA-256")
    }
    context = ctx
  }

  deinit { EVP_MD_CTX_free(context) }

  /// Hashes `buffer`'s bytes.
  public func update(_ buffer: UnsafeRawBufferPointer) {
    precondition(!finished, "SHA256Stream.update after finalize")
    guard let base = buffer.baseAddress, buffer.count > 0 else { return }
    guard EVP_DigestUpdate(context, base, buffer.count) == 1 else {
      fatalError("OpenSSL SHA-256 update failed")
    }
    byteCount += Int64(buffer.count)
  }

  public func update(_ data: some DataProtocol) {
    for region in data.regions { region.withUnsafeBytes { update($0) } }
  }

  /// The digest of everything hashed. Call once; the stream cannot be fed afterwards.
  public func finalize() -> SHA256Digest {
    precondition(!finished, "SHA256Stream.finalize called twice")
    finished = true
    var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    guard EVP_DigestFinal_ex(context, &out, &length) == 1, length == 32 else {
      fatalError("OpenSSL SHA-256 final failed")
    }
    return SHA256Digest(bytes: Array(out.prefix(32)))
  }

  /// The digest of `data` in one call.
  public static func digest(_ data: some DataProtocol) -> SHA256Digest {
    let s = SHA256Stream()
    s.update(data)
    return s.finalize()
  }
}
