import Foundation

/// An evidence file copied into the store and not yet (or already) recorded for a case.
public struct EvidenceAttachment: Hashable, Sendable {
  public var blob: StoredBlob
  public var originalName: String
  public init(blob: StoredBlob, originalName: String) {
    self.blob = blob
    self.originalName = originalName
  }
}
