import Foundation
import RedressCore

/// A case as the store holds it. (The store issue replaces this file with the real thing.)
public struct StoredCaseSummary: Sendable {
  public var id: String
  public var caseFile: CaseFile
  public init(id: String, caseFile: CaseFile) {
    self.id = id
    self.caseFile = caseFile
  }
}

extension CommandEnvironment {
  /// The stored case with this id, loaded so that its evidence paths resolve inside the
  /// store; nil when the store has no such case.
  func loadStoredCase(_ id: String) throws -> LoadedCase? {
    nil
  }

  /// Every stored case (drafts included), ordered by id.
  func storedCases() throws -> [StoredCaseSummary] {
    []
  }
}
