import Foundation

/// A failure the user can act on: the message says what went wrong and what to do; the
/// command ends with `exitCode` (2 unless said otherwise).
public struct UserError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public var exitCode: Int32
  public init(_ message: String, exitCode: Int32 = 2) {
    self.message = message
    self.exitCode = exitCode
  }
  public var description: String { message }
}
