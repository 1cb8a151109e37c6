import Foundation
import RedressCore

// SEAM for the documents work (issue 5): `redress verify FILE.zip` re-hashes an evidence
// bundle. Replace this file with the real check; `VerifyCommand` already routes every path
// that ends in .zip, or names an existing file, here. Return 0 when every member matches,
// 1 when any changed or is missing (naming each), and throw for a bundle that cannot be read.
extension VerifyCommand {
  func verifyBundle(at url: URL, displayName: String, env: CommandEnvironment) throws -> Int32 {
    throw UserError("verifying a bundle (\(displayName)) is not available in this build yet")
  }
}
