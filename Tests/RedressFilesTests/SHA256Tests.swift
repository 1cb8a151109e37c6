import Foundation
import RedressFiles
import RedressTestSupport
import Testing

// Test vectors: FIPS 180-2, Appendix B ("abc", the 448-bit message, one million 'a'), and
// the well-known digest of the empty string.
@Suite struct SHA256Tests {
  @Test func publishedVectors() {
    #expect(
      SHA256Stream.digest(Data()).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256Stream.digest(Data("abc".utf8)).hex
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256Stream.digest(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)).hex
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test func millionAInPieces() {
    let s = SHA256Stream()
    let piece = Data(repeating: UInt8(ascii: "a"), count: 999)
    var left = 1_000_000
    while left > 0 {
      let n = min(left, piece.count)
      s.update(piece.prefix(n))
      left -= n
    }
    #expect(s.byteCount == 1_000_000)
    #expect(s.finalize().hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func hexRoundTrip() {
    let d = SHA256Stream.digest(Data("abc".utf8))
    #expect(SHA256Digest(hex: d.hex) == d)
    #expect(SHA256Digest(hex: d.hex.uppercased()) == d)
    #expect(SHA256Digest(hex: "abc") == nil)
    #expect(SHA256Digest(hex: String(repeating: "g", count: 64)) == nil)
  }

  /// `openssl dgst -sha256` is the independent oracle for whole files.
  @Test func fileHasherAgreesWithOpenSSL() throws {
    let dir = try TempFolder()
    let url = dir.url.appendingPathComponent("blob.bin")
    var bytes = [UInt8](repeating: 0, count: 3 << 20 + 12345)
    var x: UInt32 = 2_463_534_242
    for i in bytes.indices {
      x ^= x << 13
      x ^= x >> 17
      x ^= x << 5
      bytes[i] = UInt8(truncatingIfNeeded: x)
    }
    try Data(bytes).write(to: url)
    let ours = try FileHasher.sha256(of: url)
    #expect(ours.size == Int64(bytes.count))
    let openssl = try ProcessRunner.run(
      URL(fileURLWithPath: "/usr/bin/openssl"), ["dgst", "-sha256", "-r", url.path])
    try #require(openssl.exitCode == 0, "openssl failed: \(openssl.stderr)")
    #expect(openssl.stdout.hasPrefix(ours.hex + " "))
  }
}
