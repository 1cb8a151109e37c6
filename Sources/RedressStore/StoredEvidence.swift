import Foundation

/// One evidence file of a stored case.
public struct StoredEvidence: Hashable, Sendable {
  /// The path as written in `evidence[].file`.
  public var file: String
  /// The id of the (first) evidence item naming it.
  public var evidenceID: String?
  /// The file's name when it was copied in.
  public var originalName: String
  public var blob: StoredBlob
}
