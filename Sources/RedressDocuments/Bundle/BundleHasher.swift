import CCrypto
import Foundation

/// SHA-256 for the bundle, fed in chunks. (Until the store's `SHA256Stream` lands in main;
/// then this forwards to it.)
final class BundleHasher {
  private let context: OpaquePointer

  init() {
    context = EVP_MD_CTX_new()!
    EVP_DigestInit_ex(context, EVP_sha256(), nil)
  }

  deinit { EVP_MD_CTX_free(context) }

  func update(_ data: Data) {
    data.withUnsafeBytes { buffer in
      if let base = buffer.baseAddress, buffer.count > 0 { EVP_DigestUpdate(context, base, buffer.count) }
    }
  }

  func finalizeHex() -> String {
    var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    EVP_DigestFinal_ex(context, &out, &length)
    return out.prefix(Int(length)).map { String(format: "%02x", $0) }.joined()
  }

  static func hex(_ data: Data) -> String {
    let h = BundleHasher()
    h.update(data)
    return h.finalizeHex()
  }
}
