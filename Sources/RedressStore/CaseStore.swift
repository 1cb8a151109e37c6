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

  /// Every stored case, ordered by id, from the index alone (no YAML is parsed, so this stays
  /// fast for thousands of cases). See `CaseSummary.caseFile` for which fields are present.
  public func summaries() throws -> [CaseSummary] {
    // Columns are read straight from the statement: at 10,000 cases the cost of a `Row` per
    // case is most of the time.
    try database {
      try queue.read { db in
        let events = try EventWalk(db, notes: true)

        let statement = try db.makeStatement(
          sql: """
            SELECT id, is_draft, stage, jurisdiction, venue, language, addressee, complainant_name,
              respondent_name, purchase_date, filed_on, accepted_on, reference, evidence_count,
              created_at, updated_at
            FROM stored_case ORDER BY id
            """)
        let cursor = try String.fetchCursor(statement)
        let s = statement.sqliteStatement
        func text(_ i: CInt) -> String? { String.fromStatement(s, atUncheckedIndex: i) }
        func date(_ i: CInt) -> CalendarDate? {
          Int.fromStatement(s, atUncheckedIndex: i).map(CalendarDate.init(julianDay:))
        }
        var out: [CaseSummary] = []
        out.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stored_case") ?? 0)
        while let id = try cursor.next() {
          var c = CaseFile()
          c.id = id
          c.jurisdiction = text(3)
          c.venue = text(4).flatMap(Venue.init(rawValue:))
          c.language = text(5).flatMap(DocumentLanguage.init(rawValue:))
          c.addressee = text(6)
          if let name = text(7) {
            var p = Complainant()
            p.name = name
            c.complainant = p
          }
          if let name = text(8) {
            var r = Respondent()
            r.name = name
            c.respondent = r
          }
          if let d = date(9) {
            var p = Purchase()
            p.date = d
            c.purchase = p
          }
          var f = Filing()
          f.filedOn = date(10)
          f.acceptedOn = date(11)
          f.reference = text(12)
          f.events = try events.take(for: id)
          if f.filedOn != nil || f.acceptedOn != nil || f.reference != nil || !f.events.isEmpty {
            c.filing = f
          }
          out.append(
            CaseSummary(
              id: id, isDraft: Bool(sqliteStatement: s, index: 1),
              stage: text(2).flatMap(CaseStage.init(rawValue:)) ?? .draft, caseFile: c,
              evidenceCount: Int(sqliteStatement: s, index: 13) ?? 0,
              createdAt: Date(timeIntervalSince1970: Double(sqliteStatement: s, index: 14)),
              updatedAt: Date(timeIntervalSince1970: Double(sqliteStatement: s, index: 15))))
        }
        return out
      }
    }
  }

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

  /// Every stored case's `TrackingRow`, ordered by id: only the columns tracking needs, read
  /// straight from the statements (the fixed cost of `status` over thousands of cases is
  /// SQLite's per-column work, so fewer columns is faster).
  public func trackingRows() throws -> [TrackingRow] {
    try database {
      try queue.read { db in
        let events = try EventWalk(db, notes: false)

        let statement = try db.makeStatement(
          sql: """
            SELECT id, is_draft, jurisdiction, venue, complainant_name, respondent_name, filed_on,
              accepted_on, reference, updated_at, region, settled
            FROM stored_case ORDER BY id
            """)
        let cursor = try String.fetchCursor(statement)
        let s = statement.sqliteStatement
        func text(_ i: CInt) -> String? { String.fromStatement(s, atUncheckedIndex: i) }
        func date(_ i: CInt) -> CalendarDate? {
          Int.fromStatement(s, atUncheckedIndex: i).map(CalendarDate.init(julianDay:))
        }
        var rows: [TrackingRow] = []
        while let id = try cursor.next() {
          var f = Filing()
          f.filedOn = date(6)
          f.acceptedOn = date(7)
          f.reference = text(8)
          f.events = try events.take(for: id)
          let hasFiling = f.filedOn != nil || f.acceptedOn != nil || f.reference != nil || !f.events.isEmpty
          rows.append(
            TrackingRow(
              id: id, isDraft: Bool(sqliteStatement: s, index: 1), jurisdiction: text(2),
              venue: text(3).flatMap(Venue.init(rawValue:)), complainantName: text(4),
              respondentName: text(5),
              filing: hasFiling ? f : nil, updatedAt: Double(sqliteStatement: s, index: 9), region: text(10),
              settled: Bool(sqliteStatement: s, index: 11)))
        }
        return rows
      }
    }
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

  /// The clock digests the store keeps, read in one pass over one table: the key of the legal
  /// data they were counted on (nil when none is kept), how many cases are stored, and the
  /// digests in id order. Cases saved since their digest was counted have none: when
  /// `rows.count` is less than `caseCount`, the cases missing are to be counted afresh.
  public func clockDigests(clocks withClocks: Bool = true) throws -> (
    legalKey: String?, caseCount: Int, rows: [DigestRow]
  ) {
    try database {
      try queue.read { db in
        let key = try String.fetchOne(db, sql: "SELECT legal_key FROM clock_digest_key WHERE id = 1")
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM stored_case") ?? 0
        guard key != nil else { return (nil, count, []) }
        let statement = try db.makeStatement(
          sql: """
            SELECT case_id, jurisdiction, respondent_name, stage, due, due_clock, answered,
              weekday_only_years, venue, ended_by, settled, complainant_name, region, filed_on,
              \(withClocks ? "clocks" : "NULL")
            FROM case_clock_digest ORDER BY case_id
            """)
        // SQLite's column functions straight: jurisdictions, stages, clock ids, venues and
        // regions repeat down their columns, so their bytes are matched against the few values
        // already seen in that column instead of making a string (and an enum) of each.
        let s = statement.sqliteStatement
        var jurisdictions = RepeatedColumn<String>()
        var stages = RepeatedColumn(CaseStage.init(rawValue:))
        var dueClocks = RepeatedColumn<String>()
        var venues = RepeatedColumn(Venue.init(rawValue:))
        var endings = RepeatedColumn(FilingEventKind.init(rawValue:))
        var regions = RepeatedColumn<String>()
        func text(_ i: CInt) -> String? {
          guard let p = sqlite3_column_text(s, i) else { return nil }
          return String(
            decoding: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(s, i))), as: UTF8.self)
        }
        func integer(_ i: CInt) -> Int? {
          sqlite3_column_type(s, i) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(s, i))
        }
        var rows: [DigestRow] = []
        rows.reserveCapacity(count)
        var clockIDs: [String] = []
        while true {
          let code = sqlite3_step(s)
          if code == SQLITE_DONE { break }
          guard code == SQLITE_ROW else {
            throw DatabaseError(
              resultCode: ResultCode(rawValue: code),
              message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
          }
          guard let id = text(0), let stage = stages.value(s, 3) ?? nil else {
            continue
          }
          // A digest whose clocks do not read is counted again (and kept anew).
          var clocks: [ClockDigest.Clock] = []
          if withClocks {
            guard let read = ClockDigest.clocks(fromText: text(14) ?? "", ids: &clockIDs) else { continue }
            clocks = read
          }
          let years = text(7).map { $0.split(separator: ",").compactMap { Int($0) } } ?? []
          rows.append(
            DigestRow(
              id: id, jurisdiction: jurisdictions.value(s, 1) ?? "", respondentName: text(2),
              complainantName: text(11),
              digest: ClockDigest(
                stage: stage, due: integer(4).map(CalendarDate.init(julianDay:)),
                dueClockID: dueClocks.value(s, 5),
                answered: sqlite3_column_int64(s, 6) != 0, yearsWithoutData: years,
                venue: (venues.value(s, 8) ?? nil) ?? .consumerAssociation,
                endedBy: endings.value(s, 9) ?? nil,
                settled: sqlite3_column_int64(s, 10) != 0, region: regions.value(s, 12),
                filedOn: integer(13).map(CalendarDate.init(julianDay:)), clocks: clocks)))
        }
        return (key, count, rows)
      }
    }
  }

  /// Keeps the digests of cases counted on the legal data with key `legalKey`: each with the
  /// tracking row it was counted from and the jurisdiction it was counted in. A digest is kept
  /// only for a case still stored as it was read (a case saved since, whose `updatedAt`
  /// changed, or deleted, gets none). When `legalKey` is not the key the kept digests were
  /// counted on, those are dropped first.
  public func keepDigests(
    _ digests: [(row: TrackingRow, jurisdiction: String, digest: ClockDigest)], legalKey: String
  ) throws {
    try database {
      try queue.write { db in
        let kept = try String.fetchOne(db, sql: "SELECT legal_key FROM clock_digest_key WHERE id = 1")
        if kept != legalKey {
          try db.execute(sql: "DELETE FROM case_clock_digest")
          try db.execute(
            sql: "INSERT OR REPLACE INTO clock_digest_key (id, legal_key) VALUES (1, ?)",
            arguments: [legalKey])
        }
        let statement = try db.makeStatement(
          sql: """
            INSERT OR REPLACE INTO case_clock_digest
              (case_id, jurisdiction, respondent_name, stage, due, due_clock, answered, weekday_only_years,
                venue, ended_by, settled, complainant_name, region, filed_on, clocks)
            SELECT id, ?, respondent_name, ?, ?, ?, ?, ?, ?, ?, ?, complainant_name, ?, ?, ?
            FROM stored_case WHERE id = ? AND updated_at = ?
            """)
        for (row, jurisdiction, d) in digests {
          // Clocks that cannot be written as text are not kept: the case is counted each time.
          guard let clocks = d.clocksText else { continue }
          try statement.execute(arguments: [
            jurisdiction, d.stage.rawValue, d.due?.julianDay, d.dueClockID, d.answered,
            d.yearsWithoutData.isEmpty ? nil : d.yearsWithoutData.map(String.init).joined(separator: ","),
            d.venue.rawValue, d.endedBy?.rawValue, d.settled, d.region, d.filedOn?.julianDay, clocks, row.id,
            row.updatedAt,
          ])
        }
      }
    }
  }

  // MARK: - Writing

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
