import Foundation
import RedressCore

extension CommandEnvironment {
  /// The stored case with this id, loaded so that its evidence paths resolve inside the
  /// store; nil when the store has no such case. (Filled in by the store.)
  func loadStoredCase(_ id: String) throws -> LoadedCase? {
    nil
  }
}
