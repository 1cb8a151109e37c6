import Foundation
import GRDB
import GRDBSQLite
import RedressCore
import RedressFiles

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The case store: one folder holding `redress.sqlite` (SQLite in WAL mode, through GRDB) and
/// `evidence/` (every evidence file under its SHA-256). Several redress processes may use one
/// store at once: writes wait for each other (busy timeout) instead of failing, and every
/// change of a case is one transaction, so a killed process leaves a case whole or absent.
///
/// A case is stored as its case-file YAML (the truth, so the case file round-trips) plus an
/// index of the fields `list` and `status` need. Its evidence files are mapped from the paths
/// the case file names (`evidence/invoice.xml`) to the stored copies.
public final class CaseStore: Sendable {
  public static let databaseName = "redress.sqlite"
  static let lockName = "redress.lock"

  /// The store folder.
  public let directory: URL
  public let blobs: BlobStore
  let queue: DatabaseQueue
  /// Called when a new case needs an id and for timestamps; a seam for tests.
  let clock: @Sendable () -> Date

  private init(directory: URL, queue: DatabaseQueue, clock: @escaping @Sendable () -> Date) {
    self.directory = directory
    self.blobs = BlobStore(root: directory)
    self.queue = queue
    self.clock = clock
  }

  public var databaseURL: URL { directory.appendingPathComponent(Self.databaseName) }

  /// Opens the store in `directory`. With `create`, a missing store is created (folders 0700,
  /// files 0600); without it, a folder with no store gives nil and nothing is written.
  public static func open(
    at directory: URL, create: Bool, clock: @escaping @Sendable () -> Date = { Date() }
  ) throws -> CaseStore? {
    let dbPath = directory.appendingPathComponent(databaseName).path
    if !create && !FileManager.default.fileExists(atPath: dbPath) { return nil }
    try StoreError.converting { try PrivateFiles.makeFolder(directory) }

    // Creating the database and running migrations happen under a file lock, so two
    // processes opening a new store at once do not race to create the same tables.
    let lockPath = directory.appendingPathComponent(lockName).path
    let lock = PrivateFiles.systemOpen(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, PrivateFiles.fileMode)
    guard lock >= 0 else { throw StoreError.io("cannot open the store lock", lockPath) }
    defer { close(lock) }
    while flock(lock, LOCK_EX) != 0 && errno == EINTR {}

    // SQLite gives the -wal and -shm files the mode of the database file: make that 0600
    // before SQLite first opens it.
    let created = PrivateFiles.systemOpen(dbPath, O_RDWR | O_CREAT | O_CLOEXEC, PrivateFiles.fileMode)
    if created >= 0 { close(created) }
    for suffix in ["", "-wal", "-shm"] { PrivateFiles.restrict(dbPath + suffix) }

    var config = Configuration()
    config.busyMode = .timeout(60)
    config.foreignKeysEnabled = true
    config.label = "redress store"
    // One connection in write-ahead-log mode (set once in the file, below), as GRDB's pool
    // would set it up, but without the pool's making sure a -wal file exists: when it does
    // not (SQLite deletes it when the last connection closes, so at every start), the pool
    // writes and flushes a table created and dropped, which every command that only reads
    // (status, list) paid for.
    config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
    let queue: DatabaseQueue
    do {
      queue = try DatabaseQueue(path: dbPath, configuration: config)
      try queue.writeWithoutTransaction { db in
        if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
          guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
            throw StoreError(.unusableStore, "cannot put the store \(dbPath) in write-ahead-log mode")
          }
        }
      }
      let migrator = StoreSchema.migrator
      let (complete, superseded) = try queue.read { db in
        (try migrator.hasCompletedMigrations(db), try migrator.hasBeenSuperseded(db))
      }
      if superseded {
        throw StoreError(
          .unusableStore,
          "the store in \(directory.path) was written by a newer redress; update redress to use it")
      }
      if !complete { try migrator.migrate(queue) }
    } catch let e as StoreError {
      throw e
    } catch let e as DatabaseError {
      throw StoreError(.unusableStore, "cannot open the store \(dbPath): \(e.message ?? "\(e)")")
    }
    for suffix in ["", "-wal", "-shm"] { PrivateFiles.restrict(dbPath + suffix) }
    return CaseStore(directory: directory, queue: queue, clock: clock)
  }

  // MARK: - Reading

  /// Whether a case with this id is stored.
  public func contains(_ id: String) throws -> Bool {
    try database {
      try queue.read { db in
        try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM stored_case WHERE id = ?)", arguments: [id])
          ?? false
      }
    }
  }

  /// The whole stored case, or nil.
  public func fetch(_ id: String) throws -> StoredCase? {
    let found: (Row, [Row])? = try database {
      try queue.read { db in
        guard
          let row = try Row.fetchOne(
            db,
            sql: """
              SELECT d.yaml, c.is_draft, c.created_at, c.updated_at
              FROM stored_case c JOIN case_document d ON d.case_id = c.id WHERE c.id = ?
              """, arguments: [id])
        else { return nil }
        let evidence = try Row.fetchAll(
          db,
          sql: """
            SELECT file, evidence_id, original_name, size, sha256 FROM evidence_file
            WHERE case_id = ? ORDER BY file
            """, arguments: [id])
        return (row, evidence)
      }
    }
    guard let (row, evidenceRows) = found else { return nil }
    let yaml: String = row["yaml"]
    let name = "\(id) (stored case)"
    let node = try YAMLDocumentLoader.load(data: Data(yaml.utf8), file: name)
    let (caseFile, map) = try CaseFileReader.decodeWithLocations(node, file: name)
    let evidence = evidenceRows.compactMap { r -> StoredEvidence? in
      guard let digest = SHA256Digest(hex: r["sha256"] as String) else { return nil }
      return StoredEvidence(
        file: r["file"], evidenceID: r["evidence_id"], originalName: r["original_name"],
        blob: StoredBlob(sha256: digest, size: r["size"]))
    }
    let updated: Double = row["updated_at"]
    return StoredCase(
      id: id, caseFile: caseFile, sourceMap: map, yaml: yaml, isDraft: row["is_draft"],
      createdAt: Date(timeIntervalSince1970: row["created_at"]),
      updatedAt: Date(timeIntervalSince1970: updated), evidence: evidence,
      version: CaseVersion(
        number: Self.versionNumber(updated), writer: nil, savedAt: Date(timeIntervalSince1970: updated)))
  }

  /// `stored` as a `LoadedCase` whose evidence paths resolve to the stored copies.
  public func loaded(_ stored: StoredCase) -> LoadedCase {
    var map: [String: URL] = [:]
    for e in stored.evidence { map[e.file] = blobs.url(for: e.blob) }
    return LoadedCase(
      caseFile: stored.caseFile, sourceMap: stored.sourceMap, baseDirectory: directory, url: nil,
      storedEvidence: map)
  }

  // MARK: - Writing

  // `save(_:draft:evidence:mode:expectedVersion:)` and `saveDraft` come from `CaseStoring`:
  // `caseFile` is stored in one transaction and its id returned (assigned when the case has
  // none: `case-YYYYMMDD-N`, the day of saving in local time). `evidence` maps paths named by
  // `evidence[].file` to copies already in the store (`ingest`). Cheap enough to call after
  // every answer of the interview.

  /// `save`, also telling whether a stored case was replaced (decided inside the transaction).
  /// With `expectedVersion`, refused when the stored case was saved since that version.
  public func saveReporting(
    _ caseFile: CaseFile, draft: Bool, evidence: [String: EvidenceAttachment], mode: SaveMode,
    expectedVersion: CaseVersion?
  ) throws -> (id: String, replaced: Bool) {
    let now = clock()
    return try database {
      try queue.writeWithoutTransaction { db in
        var saved = (id: "", replaced: false)
        try db.inTransaction(.immediate) {
          if let expected = expectedVersion, let id = caseFile.id,
            let current = try Double.fetchOne(
              db, sql: "SELECT updated_at FROM stored_case WHERE id = ?", arguments: [id]),
            Self.versionNumber(current) != expected.number
          {
            throw StoreError.conflict(
              id,
              CaseVersion(
                number: Self.versionNumber(current), writer: nil,
                savedAt: Date(timeIntervalSince1970: current)))
          }
          saved = try write(caseFile, draft: draft, evidence: evidence, mode: mode, now: now, db)
          return .commit
        }
        return saved
      }
    }
  }

  /// Reads the stored case, lets `change` edit it, and saves it, all in one transaction, so
  /// two commands changing one case do not lose each other's change. Returns the new case.
  @discardableResult
  public func update(
    _ id: String, draft: Bool?, _ change: (inout CaseFile) throws -> Void
  ) throws -> CaseFile {
    let now = clock()
    return try database {
      try queue.writeWithoutTransaction { db in
        var result = CaseFile()
        try db.inTransaction(.immediate) {
          guard
            let row = try Row.fetchOne(
              db,
              sql: """
                SELECT d.yaml, c.is_draft FROM stored_case c JOIN case_document d ON d.case_id = c.id
                WHERE c.id = ?
                """, arguments: [id])
          else {
            throw StoreError(.notFound, "no stored case '\(id)'; `redress list` shows the stored cases")
          }
          var c = try CaseFileReader.read(text: row["yaml"], file: "\(id) (stored case)")
          try change(&c)
          c.id = id
          _ = try write(c, draft: draft ?? row["is_draft"], evidence: [:], mode: .update, now: now, db)
          result = c
          return .commit
        }
        return result
      }
    }
  }

  /// Removes a case (its evidence copies stay until no case uses them and a later import
  /// cleans up).
  public func delete(_ id: String) throws {
    try database {
      try queue.write { db in
        try db.execute(sql: "DELETE FROM stored_case WHERE id = ?", arguments: [id])
      }
    }
  }

  private func write(
    _ input: CaseFile, draft: Bool, evidence: [String: EvidenceAttachment], mode: SaveMode, now: Date,
    _ db: Database
  ) throws -> (id: String, replaced: Bool) {
    var c = input
    let id: String
    if let given = c.id {
      guard CaseID.isValid(given) else { throw StoreError(.invalidCase, "'\(given)': \(CaseID.rule)") }
      id = given
    } else {
      id = try nextID(now, db)
      c.id = id
    }
    let existing = try Row.fetchOne(
      db, sql: "SELECT created_at FROM stored_case WHERE id = ?", arguments: [id])
    if existing != nil && mode == .insert {
      throw StoreError(
        .duplicateID, "a case with id '\(id)' is already stored; use --replace to replace it")
    }
    let createdAt: Double = existing?["created_at"] ?? now.timeIntervalSince1970

    // Evidence: the new copies, plus (when updating) the old mapping of paths still named.
    var mapping: [String: EvidenceAttachment] = [:]
    if existing != nil && mode == .update {
      for r in try Row.fetchAll(
        db, sql: "SELECT file, original_name, size, sha256 FROM evidence_file WHERE case_id = ?",
        arguments: [id])
      {
        if let digest = SHA256Digest(hex: r["sha256"] as String) {
          mapping[r["file"]] = EvidenceAttachment(
            blob: StoredBlob(sha256: digest, size: r["size"]), originalName: r["original_name"])
        }
      }
    }
    for (file, attachment) in evidence { mapping[file] = attachment }
    var rows: [(file: String, evidenceID: String?, attachment: EvidenceAttachment)] = []
    var seen: Set<String> = []
    for item in c.evidence {
      guard let file = item.file, !seen.contains(file), let attachment = mapping[file] else { continue }
      seen.insert(file)
      // The copy must still be there now, inside the transaction that records it: a cleanup
      // run deletes unreferenced copies only inside a transaction of its own.
      var st = stat()
      guard lstat(blobs.url(for: attachment.blob).path, &st) == 0 else {
        throw StoreError(
          .io, "the stored copy of \"\(file)\" disappeared before it was recorded; run the import again")
      }
      rows.append((file, item.id, attachment))
    }

    if existing != nil {
      try db.execute(sql: "DELETE FROM stored_case WHERE id = ?", arguments: [id])
    }
    let stage = CaseTracker.stage(of: c, isDraft: draft)
    try db.execute(
      sql: """
        INSERT INTO stored_case (id, is_draft, stage, jurisdiction, venue, language, addressee,
          complainant_name, respondent_name, purchase_date, filed_on, accepted_on, reference,
          evidence_count, created_at, updated_at, region, settled)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        id, draft, stage.rawValue, c.jurisdiction, c.venue?.rawValue,
        c.language?.rawValue, c.addressee, c.complainant?.name, c.respondent?.name,
        c.purchase?.date?.julianDay,
        c.filing?.filedOn?.julianDay, c.filing?.acceptedOn?.julianDay, c.filing?.reference, rows.count,
        createdAt,
        now.timeIntervalSince1970, c.region, CaseTracker.settled(c),
      ])
    try db.execute(
      sql: "INSERT INTO case_document (case_id, yaml) VALUES (?, ?)",
      arguments: [id, CaseFileWriter.yaml(for: c)])
    for (i, e) in (c.filing?.events ?? []).enumerated() {
      try db.execute(
        sql: "INSERT INTO case_event (case_id, position, day, minute, kind, note) VALUES (?, ?, ?, ?, ?, ?)",
        arguments: [id, i, e.date?.date.julianDay, e.date?.minuteOfDay, e.kind?.rawValue, e.note])
    }
    for r in rows {
      try db.execute(
        sql: """
          INSERT INTO evidence_file (case_id, file, evidence_id, original_name, size, sha256, blob_path)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          id, r.file, r.evidenceID, r.attachment.originalName, r.attachment.blob.size,
          r.attachment.blob.sha256.hex, r.attachment.blob.relativePath,
        ])
    }
    return (id, existing != nil)
  }

  /// `case-YYYYMMDD-N`: the first N not yet used that day.
  private func nextID(_ now: Date, _ db: Database) throws -> String {
    let parts = Calendar.current.dateComponents([.year, .month, .day], from: now)
    let day = String(format: "%04d%02d%02d", parts.year!, parts.month!, parts.day!)
    let prefix = "case-\(day)-"
    let taken = try String.fetchAll(
      db, sql: "SELECT id FROM stored_case WHERE id LIKE ?", arguments: ["\(prefix)%"])
    let numbers = Set(taken.compactMap { Int($0.dropFirst(prefix.count)) })
    var n = 1
    while numbers.contains(n) { n += 1 }
    return "\(prefix)\(n)"
  }

  // MARK: - Evidence

  /// Like `ingest(_:originalName:progress:)`, but `continuing` (given the bytes copied so far)
  /// can stop the copy by returning false: it then throws a `StoreError` of kind `.cancelled`
  /// and nothing is stored (the interview's Ctrl-C during a large copy).
  public func ingest(
    _ source: EvidenceSource, originalName: String? = nil, continuing: ((Int64) -> Bool)?
  ) throws -> EvidenceAttachment {
    let blob = try blobs.ingest(source, continuing: continuing)
    let name = originalName ?? (source.displayName as NSString).lastPathComponent
    return EvidenceAttachment(blob: blob, originalName: name)
  }

  /// Re-hashes the stored copy of one evidence file (`verify` comes from `CaseStoring`).
  public func check(_ evidence: StoredEvidence, of caseID: String) throws -> BlobProblem? {
    blobs.check(evidence.blob)
  }

  /// Removes what interrupted imports left behind: temporary files no process is writing,
  /// and stored copies no case refers to that are older than `minimumAge` seconds. Runs in a
  /// write transaction, so it never races a save that is recording a copy.
  public func collectGarbage() throws { try collectGarbage(minimumAge: 24 * 3600) }

  /// `collectGarbage()` with copies at least `minimumAge` seconds old removed.
  public func collectGarbage(minimumAge: TimeInterval) throws {
    blobs.removeAbandonedTemporaryFiles()
    let cutoff = Int(clock().timeIntervalSince1970 - minimumAge)
    let candidates = blobs.allBlobs().filter { $0.modified <= cutoff }
    guard !candidates.isEmpty else { return }
    try database {
      try queue.writeWithoutTransaction { db in
        try db.inTransaction(.immediate) {
          let used = Set(try String.fetchAll(db, sql: "SELECT DISTINCT blob_path FROM evidence_file"))
          for c in candidates where !used.contains(c.relativePath) {
            unlink(directory.appendingPathComponent(c.relativePath).path)
          }
          return .commit
        }
      }
    }
  }

  /// The version of a stored case: its save time in microseconds.
  static func versionNumber(_ updatedAt: Double) -> Int64 { Int64((updatedAt * 1_000_000).rounded()) }

  public func version(of id: String) throws -> CaseVersion? {
    let updated = try database {
      try queue.read { db in
        try Double.fetchOne(db, sql: "SELECT updated_at FROM stored_case WHERE id = ?", arguments: [id])
      }
    }
    return updated.map {
      CaseVersion(number: Self.versionNumber($0), writer: nil, savedAt: Date(timeIntervalSince1970: $0))
    }
  }

  /// Runs `body`, turning SQLite errors into `StoreError`s a person can read.
  func database<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let e as DatabaseError {
      throw StoreError(.io, "the store \(databaseURL.path) failed: \(e.message ?? "\(e)")")
    }
  }
}
