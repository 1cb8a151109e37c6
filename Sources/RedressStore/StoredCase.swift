import Foundation
import RedressCore

/// A stored case in full.
public struct StoredCase: Sendable {
  public var id: String
  public var caseFile: CaseFile
  /// Where each field sits in `yaml`.
  public var sourceMap: SourceMap
  /// The case file as stored (what `export --yaml` writes).
  public var yaml: String
  /// An unfinished interview.
  public var isDraft: Bool
  public var createdAt: Date
  public var updatedAt: Date
  /// The stored evidence files, by the path the case file names them with.
  public var evidence: [StoredEvidence]
  /// The version read (who saved it and when), for a later save's version check.
  public var version: CaseVersion? = nil
}
