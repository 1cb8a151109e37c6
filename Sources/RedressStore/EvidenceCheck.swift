import Foundation

/// The result of re-hashing one stored evidence file.
public struct EvidenceCheck: Hashable, Sendable {
  public var file: String
  public var evidenceID: String?
  /// Nil when the store never received the file.
  public var stored: StoredEvidence?
  /// Nil when the stored copy matches.
  public var problem: BlobProblem?
}
