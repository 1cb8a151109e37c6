import Foundation
import RedressCore

// What both engines of `CaseStoring` give and take besides cases themselves: the rows that
// tracking reads, how a save treats an id already stored, and what an import stored.

/// What `status` and `remind` read of a stored case: the index columns the clocks depend on
/// and the party names. Event notes are left out.
public struct TrackingRow: Sendable {
  public var id: String
  /// Whether the store holds it as a draft (decides draft against ready before filing).
  public var isDraft: Bool
  public var jurisdiction: String?
  public var venue: Venue?
  public var complainantName: String?
  public var respondentName: String?
  /// `filed_on`, `accepted_on`, `reference` and every event's date and kind; nil when none.
  public var filing: Filing?
  /// When it was last saved (seconds since 1970, as stored): which version of it was read.
  public var updatedAt: Double = 0
  /// The case's `region` (selects region clocks).
  public var region: String? = nil
  /// Whether `negotiation.settlement.reached` is true.
  public var settled = false
}

/// A stored case as `status` reads it from its clock digest: the digest, and the names and
/// jurisdiction it shows.
public struct DigestRow: Sendable {
  public var id: String
  public var jurisdiction: String
  public var respondentName: String?
  public var complainantName: String?
  public var digest: ClockDigest

  public init(
    id: String, jurisdiction: String, respondentName: String?, complainantName: String? = nil,
    digest: ClockDigest
  ) {
    self.id = id
    self.jurisdiction = jurisdiction
    self.respondentName = respondentName
    self.complainantName = complainantName
    self.digest = digest
  }
}

/// How `save` treats a case whose id is already stored.
public enum SaveMode: Sendable {
  /// It is an error (`StoreError.Kind.duplicateID`).
  case insert
  /// The stored case is replaced entirely, evidence included.
  case replace
  /// The stored case is updated; evidence files it already has stay mapped unless the
  /// case no longer names them.
  case update
}

/// What `importCase` stored.
public struct ImportOutcome: Hashable, Sendable {
  public var id: String
  /// Evidence files copied in (a file named by two items counts once).
  public var evidenceFiles: Int
  public var evidenceBytes: Int64
  /// A stored case with the same id was replaced.
  public var replaced: Bool
  public var isDraft: Bool
}
