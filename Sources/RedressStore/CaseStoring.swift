import Foundation
import RedressCore
import RedressFiles

/// What the commands need of a case store, whichever engine holds it: the local SQLite store
/// (`CaseStore`, one folder) or a team's register on a PostgreSQL server (`PostgresCaseStore`).
/// Both keep a case as its case-file YAML plus an index for `list` and `status`, its events,
/// its evidence content-addressed by SHA-256, and the clock digests `status` reads.
public protocol CaseStoring: AnyObject, Sendable {
  /// How messages name the store: a folder path, or the URL of the register (never a
  /// password: a URL carrying one is refused before anything connects).
  var displayName: String { get }
  /// A private local folder for what stays on this machine (the interview's progress).
  var workFolder: URL { get }
  /// The database role this store writes as (nil for the local store: one person).
  var writer: String? { get }

  func contains(_ id: String) throws -> Bool
  /// The whole stored case, or nil (also when it belongs to someone this role may not see).
  func fetch(_ id: String) throws -> StoredCase?
  /// `stored` as a `LoadedCase` whose evidence paths resolve to local files (the register's
  /// blobs are fetched into a private folder first, each re-hashed on arrival).
  func loaded(_ stored: StoredCase) throws -> LoadedCase
  /// Every stored case this role may see, ordered by id, from the index alone.
  func summaries() throws -> [CaseSummary]
  func trackingRows() throws -> [TrackingRow]
  /// The clock digests counted on the legal data with key `legalKey`, in id order, and how
  /// many cases are stored (those without a current digest are to be counted afresh). Without
  /// `clocks`, the digests' `clocks` are left empty (the table of `status` needs none of them).
  func currentDigests(legalKey: String, clocks: Bool) throws -> (caseCount: Int, rows: [DigestRow])
  func keepDigests(
    _ digests: [(row: TrackingRow, jurisdiction: String, digest: ClockDigest)], legalKey: String
  ) throws
  /// Stores `caseFile` in one transaction (see `CaseStore.save`). With `expectedVersion`, the
  /// save is refused (`StoreError.Kind.conflict`) when the stored case changed since that
  /// version was read.
  func saveReporting(
    _ caseFile: CaseFile, draft: Bool, evidence: [String: EvidenceAttachment], mode: SaveMode,
    expectedVersion: CaseVersion?
  ) throws -> (id: String, replaced: Bool)
  /// Reads, changes and saves one case in one transaction (concurrent changes wait).
  @discardableResult
  func update(_ id: String, draft: Bool?, _ change: (inout CaseFile) throws -> Void) throws -> CaseFile
  func delete(_ id: String) throws
  /// Copies an evidence file in while hashing it; `continuing` may stop the copy.
  func ingest(_ source: EvidenceSource, originalName: String?, continuing: ((Int64) -> Bool)?) throws
    -> EvidenceAttachment
  /// A case file with its evidence, into the store: the whole case or nothing.
  func importCase(
    _ loaded: LoadedCase, replace: Bool, draft: Bool, progress: ((String, Int64, Int64) -> Void)?
  ) throws -> ImportOutcome
  /// Re-hashes the stored copy of one evidence file of case `caseID` (from the server, for
  /// the register): nil when it matches. `verify` checks a whole case with it.
  func check(_ evidence: StoredEvidence, of caseID: String) throws -> BlobProblem?
  /// Removes what interrupted imports left behind.
  func collectGarbage() throws
  /// Where the stored copy of `blob` is, for a message.
  func blobDescription(_ blob: StoredBlob) -> String
  /// Which version of a stored case is current: who saved it and when (nil when not stored).
  func version(of id: String) throws -> CaseVersion?
}

/// A saved state of a stored case: a number that grows with every save, who saved it (the
/// database role; nil in the local store) and when.
public struct CaseVersion: Hashable, Sendable {
  public var number: Int64
  public var writer: String?
  public var savedAt: Date
  public init(number: Int64, writer: String?, savedAt: Date) {
    self.number = number
    self.writer = writer
    self.savedAt = savedAt
  }
}

extension CaseStoring {
  /// Re-hashes every stored evidence file of case `id` and reports each one, with what is
  /// wrong with it; an evidence path the store never received is reported as missing. One
  /// implementation for both engines: each re-hashes its own copy (`check`).
  public func verify(_ id: String) throws -> [EvidenceCheck] {
    guard let stored = try fetch(id) else {
      throw StoreError(.notFound, "no stored case '\(id)'; `redress list` shows the stored cases")
    }
    var checks: [EvidenceCheck] = []
    var byFile: [String: StoredEvidence] = [:]
    for e in stored.evidence { byFile[e.file] = e }
    var seen: Set<String> = []
    for item in stored.caseFile.evidence {
      guard let file = item.file, seen.insert(file).inserted else { continue }
      if let e = byFile[file] {
        checks.append(
          EvidenceCheck(file: file, evidenceID: item.id, stored: e, problem: try check(e, of: id)))
      } else {
        checks.append(EvidenceCheck(file: file, evidenceID: item.id, stored: nil, problem: .missing))
      }
    }
    return checks
  }

  /// The stored case as a `LoadedCase` whose evidence paths resolve to local copies.
  public func load(_ id: String) throws -> LoadedCase? {
    guard let stored = try fetch(id) else { return nil }
    return try loaded(stored)
  }

  @discardableResult
  public func save(
    _ caseFile: CaseFile, draft: Bool, evidence: [String: EvidenceAttachment] = [:],
    mode: SaveMode = .update, expectedVersion: CaseVersion? = nil
  ) throws -> String {
    try saveReporting(
      caseFile, draft: draft, evidence: evidence, mode: mode, expectedVersion: expectedVersion
    )
    .id
  }

  @discardableResult
  public func saveDraft(_ caseFile: CaseFile, evidence: [String: EvidenceAttachment] = [:]) throws -> String {
    try save(caseFile, draft: true, evidence: evidence, mode: .update)
  }

  @discardableResult
  public func update(_ id: String, _ change: (inout CaseFile) throws -> Void) throws -> CaseFile {
    try update(id, draft: nil, change)
  }

  public func ingest(
    _ source: EvidenceSource, originalName: String? = nil, progress: ((Int64) -> Void)? = nil
  ) throws -> EvidenceAttachment {
    guard let progress else { return try ingest(source, originalName: originalName, continuing: nil) }
    return try ingest(source, originalName: originalName) { done in
      progress(done)
      return true
    }
  }

  public func importCase(
    _ loaded: LoadedCase, replace: Bool, draft: Bool = false
  ) throws -> ImportOutcome {
    try importCase(loaded, replace: replace, draft: draft, progress: nil)
  }
}

/// Where a store is: a folder (the local store) or a PostgreSQL register's URL.
public enum StoreLocation: Sendable, Equatable {
  case folder(URL)
  case postgres(PostgresSettings)

  /// `text` as given to `--store` or `$REDRESS_STORE`: a `postgres://` or `postgresql://` URL
  /// names a register; anything else is a folder, resolved by `resolve`.
  public static func parse(
    _ text: String, environment: [String: String], resolve: (String) -> URL
  ) throws -> StoreLocation {
    let lower = text.lowercased()
    if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
      return .postgres(try PostgresSettings(url: text, environment: environment))
    }
    return .folder(resolve(text))
  }

  /// Opens the store. A folder with no store gives nil unless `create`; a register always
  /// opens (its schema must exist: `redress store init`). `workFolder`: where a register's
  /// local companions live on this machine (the interview's progress).
  public func open(create: Bool, workFolder: URL? = nil) throws -> (any CaseStoring)? {
    switch self {
    case .folder(let url): return try CaseStore.open(at: url, create: create)
    case .postgres(let settings): return try PostgresCaseStore.open(settings, workFolder: workFolder)
    }
  }

  /// The folder of this machine's companions of a register, below the local store's folder:
  /// `registers/USER@HOST_PORT_DB`.
  public static func workFolder(for settings: PostgresSettings, under local: URL) -> URL {
    let name = "\(settings.user)@\(settings.host)_\(settings.port)_\(settings.database)"
    let safe = String(name.map { $0.isLetter || $0.isNumber || "@._-".contains($0) ? $0 : "_" })
    return local.appendingPathComponent("registers", isDirectory: true).appendingPathComponent(
      safe, isDirectory: true)
  }
}
