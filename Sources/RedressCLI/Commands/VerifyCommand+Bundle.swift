import Foundation
import RedressCore

// `redress verify FILE.zip`: `VerifyCommand` routes every path that ends in .zip, or names an
// existing file, here; the check itself is `BundleVerifier` (RedressDocuments) and its report
// is printed by `CommandEnvironment.verifyBundle` (BundleCommand.swift).
extension VerifyCommand {
  func verifyBundle(at url: URL, displayName: String, env: CommandEnvironment) throws -> Int32 {
    try env.verifyBundle(at: url, displayName: displayName)
  }
}
