import Foundation
import RedressCore
import RedressStore

/// A stored case as the store's index holds it: `id`, `caseFile` (only the fields tracking
/// needs; see `CaseSummary.caseFile`), `isDraft`, `stage`, `evidenceCount`, `createdAt`,
/// `updatedAt`. No YAML is parsed, so listing thousands of cases stays fast;
/// `env.loadStoredCase(id)` gives the whole case.
public typealias StoredCaseSummary = CaseSummary

extension CommandEnvironment {
  /// The case store (`storeLocation()`: a folder, or a team's register on PostgreSQL). With
  /// `create` a missing local store is created; without it, nil when there is none yet (a
  /// read command never creates a store). A register that cannot be reached is an error.
  func openStore(create: Bool) throws -> (any CaseStoring)? {
    let location = try storeLocation()
    do {
      var work: URL?
      if case .postgres(let settings) = location {
        work = StoreLocation.workFolder(for: settings, under: storeDirectory)
      }
      return try location.open(create: create, workFolder: work)
    } catch let e as StoreError where e.kind == .unusableStore || e.kind == .permission {
      throw UserError(e.message, exitCode: 3)
    }
  }

  /// The stored case with this id, loaded so that its evidence paths resolve inside the
  /// store (`LoadedCase.evidenceURL(for:)`); nil when the store has no such case.
  func loadStoredCase(_ id: String) throws -> LoadedCase? {
    guard CaseID.isValid(id), let store = try openStore(create: false) else { return nil }
    return try store.load(id)
  }

  /// Every stored case (drafts included), ordered by id. See `StoredCaseSummary.caseFile`
  /// for the fields present.
  func storedCases() throws -> [StoredCaseSummary] {
    guard let store = try openStore(create: false) else { return [] }
    return try store.summaries()
  }

  /// The store and the id of a stored case, or an error that says what to do. For the
  /// commands that change a stored case (`file`, `log`).
  func requireStoredCase(_ reference: String) throws -> (any CaseStoring, String) {
    let store = try openStore(create: false)
    if let store, CaseID.isValid(reference), try store.contains(reference) {
      return (store, reference)
    }
    let url = resolve(reference)
    if FileManager.default.fileExists(atPath: url.path) {
      throw UserError(words.notAStoredCase(reference))
    }
    throw UserError(words.noStoredCase(reference))
  }
}
