import Foundation
import RedressCore

/// Where the interview stands in a case, kept beside the draft so that `redress new` can
/// resume where the person stopped.
public struct InterviewProgress: Codable, Hashable, Sendable {
  /// The id of the section the person was in (`purchase`), or `review`.
  public var section: String
  /// Keys of the questions answered so far (`purchase.items[0].name`).
  public var answered: [String]

  public init(section: String, answered: [String] = []) {
    self.section = section
    self.answered = answered
  }
}

/// A case as the interview finds it in the store.
public struct DraftRecord: Sendable {
  public var caseFile: CaseFile
  /// Nil for a case that was never interviewed (imported) or was finished.
  public var progress: InterviewProgress?
  public var isDraft: Bool
  public var savedAt: Date?

  public init(caseFile: CaseFile, progress: InterviewProgress?, isDraft: Bool, savedAt: Date?) {
    self.caseFile = caseFile
    self.progress = progress
    self.isDraft = isDraft
    self.savedAt = savedAt
  }
}

/// The store as the interview uses it: every accepted answer is saved at once, atomically,
/// so a closed terminal loses nothing.
public protocol DraftStore: AnyObject {
  /// True when a case or a draft with this id exists.
  func contains(id: String) throws -> Bool
  /// Saves the case (its `id` set) as a draft or as a finished case, replacing any earlier
  /// version atomically, with where the interview stands (nil to forget it).
  func save(_ caseFile: CaseFile, progress: InterviewProgress?, draft: Bool) throws
  /// Unfinished interviews, the most recently saved first.
  func drafts() throws -> [DraftRecord]
  /// A stored case or draft by id.
  func load(id: String) throws -> DraftRecord?
  /// A stored case with its evidence paths resolving to the stored copies (for documents).
  func loadedCase(id: String) throws -> LoadedCase?
}

/// What the store made of an evidence file.
public struct IngestedEvidence: Sendable {
  /// The value for `evidence[].file` (`evidence/photo.jpg`).
  public var file: String
  /// The stored copy.
  public var storedURL: URL
  public var sha256: String?
  public var size: Int64

  public init(file: String, storedURL: URL, sha256: String?, size: Int64) {
    self.file = file
    self.storedURL = storedURL
    self.sha256 = sha256
    self.size = size
  }
}

/// Copies an evidence file into the store (hashing it on the way).
public protocol EvidenceIngestor: AnyObject {
  /// `progress(done, total)` is called as bytes are copied; returning false asks to abandon
  /// the copy (the person pressed Ctrl-C) where the store can.
  func ingest(_ source: URL, caseID: String, progress: (Int64, Int64) -> Bool) throws -> IngestedEvidence
}

/// The admissibility rules (`rules.md`) as the interview asks them.
public protocol AdmissibilityChecker {
  func findings(for caseFile: CaseFile, today: CalendarDate) throws -> [Finding]
  /// The most a punitive claim can ask for in this case (offered as the claim's amount);
  /// nil when no basis is alleged.
  func statutoryMaximum(for caseFile: CaseFile) -> Money?
  func claimAmounts(for caseFile: CaseFile) -> [ClaimCalculator.Entry]
}

extension AdmissibilityChecker {
  public func statutoryMaximum(for caseFile: CaseFile) -> Money? { nil }
  /// Every amount the law gives the case (`redress claim`); none without a rule pack.
  public func claimAmounts(for caseFile: CaseFile) -> [ClaimCalculator.Entry] { [] }
}

/// One file the end of the interview wrote.
public struct ProducedDocument: Sendable {
  /// What it is, for the person: 投诉书（PDF）.
  public var label: String
  public var url: URL
  public init(label: String, url: URL) {
    self.label = label
    self.url = url
  }
}

/// Writes the filing's documents (letter, evidence list, power of attorney, bundle).
public protocol DocumentProducer {
  /// `findings` are the rule pack's findings on the case (the letter cites its legal bases);
  /// `amounts` what the law gives it (the letter states the unused prepaid balance).
  func produce(
    for loaded: LoadedCase, findings: [Finding], amounts: [ClaimCalculator.Entry], today: CalendarDate,
    into folder: URL
  ) throws -> [ProducedDocument]
}

/// No rules available: every check says so, and the interview goes on without findings
/// (never claiming that nothing was found).
public struct NoAdmissibilityChecks: AdmissibilityChecker {
  public struct Unavailable: Error, CustomStringConvertible {
    public var description: String { "no rule engine in this build" }
  }
  public init() {}
  public func findings(for caseFile: CaseFile, today: CalendarDate) throws -> [Finding] {
    throw Unavailable()
  }
}
