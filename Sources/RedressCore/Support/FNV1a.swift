/// FNV-1a, 64 bits (Fowler, Noll, Vo): a small, fast hash of bytes, for keys and identifiers
/// that must be stable from run to run. Not for security: anyone can make two inputs collide.
public struct FNV1a: Sendable {
  public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
  public static let prime: UInt64 = 0x0000_0100_0000_01B3

  public private(set) var value: UInt64

  /// Starts from `start` (the standard offset basis unless a caller needs several independent
  /// hashes of the same bytes).
  public init(start: UInt64 = offsetBasis) { value = start }

  public mutating func update(_ bytes: some Sequence<UInt8>) {
    // Contiguous bytes (Data, arrays, a string's UTF-8) in one loop over a buffer: Data's
    // own iterator costs a call per byte, which made `status` spend 9 ms hashing `legal/`.
    let hashed: UInt64? = bytes.withContiguousStorageIfAvailable { buffer in
      var v = value
      for byte in buffer {
        v ^= UInt64(byte)
        v &*= Self.prime
      }
      return v
    }
    if let hashed {
      value = hashed
      return
    }
    for byte in bytes {
      value ^= UInt64(byte)
      value &*= Self.prime
    }
  }
}
