import Foundation
import RedressCore

/// A stored case as the index knows it, without parsing its YAML.
public struct CaseSummary: Hashable, Sendable {
  public var id: String
  public var isDraft: Bool
  public var stage: CaseStage
  /// Only the fields `list`, `status` and `remind` need: `id`, `jurisdiction`, `venue`,
  /// `language`, `addressee`, `complainant.name`, `respondent.name`, `purchase.date` and the
  /// whole `filing` (events included). Every other field is absent here: load the case
  /// (`CaseStore.load`) for the whole of it.
  public var caseFile: CaseFile
  /// How many evidence files are stored for it.
  public var evidenceCount: Int
  public var createdAt: Date
  public var updatedAt: Date
  /// In a register: the role that saved it last, the role that owns it, the roles it is
  /// assigned to (`redress store assign`), and who wrote each of `caseFile.filing.events` (in
  /// their order). Nil and empty in the local store.
  public var writer: String? = nil
  public var owner: String? = nil
  public var assigned: [String] = []
  public var eventWriters: [String?] = []

  public init(
    id: String, isDraft: Bool = false, stage: CaseStage? = nil, caseFile: CaseFile, evidenceCount: Int = 0,
    createdAt: Date = Date(), updatedAt: Date = Date()
  ) {
    self.id = id
    self.isDraft = isDraft
    self.stage = stage ?? CaseTracker.stage(of: caseFile, isDraft: isDraft)
    self.caseFile = caseFile
    self.evidenceCount = evidenceCount
    self.createdAt = createdAt
    self.updatedAt = updatedAt
  }

  /// A summary of a whole `caseFile` under `id` (tests, callers outside the store): a draft
  /// exactly when required contents are missing.
  public init(id: String, caseFile: CaseFile) {
    self.init(
      id: id, isDraft: !CaseValidator.missingRequiredFields(caseFile).isEmpty, stage: nil, caseFile: caseFile)
  }
}
