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
    for byte in bytes {
      value ^= UInt64(byte)
      value &*= Self.prime
    }
  }
}
