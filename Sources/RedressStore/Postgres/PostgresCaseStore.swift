import Foundation
import PostgresNIO
import RedressCore
import RedressFiles

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A team's case register on a PostgreSQL server (`--store postgres://USER@HOST:PORT/DB`).
/// The same model as the local store (`CaseStore`): the case file's YAML is the truth, beside
/// it an index for `list` and `status`, the events, the evidence files mapped to blobs named by
/// SHA-256, and the clock digests. Who may see a case is the server's row-level security
/// (`PostgresSchema`), so every query here simply reads what the connected role may see.
///
/// Each change of a case is one transaction; an import sends the evidence's bytes inside the
/// same transaction as the case that records them, so a killed import leaves nothing.
public final class PostgresCaseStore: CaseStoring, @unchecked Sendable {
  /// Evidence travels in chunks of this size (1 MiB), at most `inFlight` of them unanswered.
  static let chunkSize = 1 << 20
  static let inFlight = 4

  let session: PostgresSession
  public let settings: PostgresSettings
  public let workFolder: URL
  /// Serialises use of the one connection by threads of this process.
  private let lock = NSLock()
  let clock: @Sendable () -> Date

  init(session: PostgresSession, workFolder: URL, clock: @escaping @Sendable () -> Date) {
    self.session = session
    self.settings = session.settings
    self.workFolder = workFolder
    self.clock = clock
  }

  /// Connects and checks the schema. `workFolder`: where this machine keeps what stays local
  /// (the interview's progress); by default a folder under the temporary folder.
  public static func open(
    _ settings: PostgresSettings, workFolder: URL? = nil, clock: @escaping @Sendable () -> Date = { Date() }
  ) throws -> PostgresCaseStore {
    let session = try PostgresSession.connect(settings)
    try PostgresSchema.check(session)
    let folder =
      workFolder
      ?? FileManager.default.temporaryDirectory.appendingPathComponent(
        "redress-register-\(getuid())", isDirectory: true)
    return PostgresCaseStore(session: session, workFolder: folder, clock: clock)
  }

  /// `redress store init`: creates or migrates the schema, enables row-level security and
  /// grants `roles` what an advocate needs. Returns the migrations applied and the roles.
  public static func initialize(_ settings: PostgresSettings, grant roles: [String]) throws -> (
    applied: [String], granted: [String]
  ) {
    let session = try PostgresSession.connect(settings)
    let outcome = try PostgresSchema.initialize(session, grant: roles)
    return (outcome.applied, outcome.granted)
  }

  public var displayName: String { settings.description }
  public var writer: String? { settings.user }

  private func locked<T>(_ body: () throws -> T) throws -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }

  // MARK: - Reading

  public func contains(_ id: String) throws -> Bool {
    try locked { try !session.query("SELECT 1 FROM stored_case WHERE id = \(id)").isEmpty }
  }

  public func version(of id: String) throws -> CaseVersion? {
    try locked {
      guard
        let row = try session.query(
          "SELECT version, written_by::text, updated_at FROM stored_case WHERE id = \(id)"
        )
        .first
      else { return nil }
      let c = Cells(row)
      return CaseVersion(
        number: Int64(try c.int(0) ?? 0), writer: try c.text(1),
        savedAt: Date(timeIntervalSince1970: try c.double(2)))
    }
  }

  public func fetch(_ id: String) throws -> StoredCase? {
    let found: (String, Bool, Double, Double, CaseVersion, [StoredEvidence])? = try locked {
      guard
        let row = try session.query(
          """
          SELECT yaml, is_draft, created_at, updated_at, version, written_by::text
          FROM stored_case WHERE id = \(id)
          """
        ).first
      else { return nil }
      let c = Cells(row)
      var evidence: [StoredEvidence] = []
      for r in try session.query(
        """
        SELECT file, evidence_id, original_name, size, sha256 FROM evidence_file
        WHERE case_id = \(id) ORDER BY file COLLATE "C"
        """)
      {
        let e = Cells(r)
        guard let digest = SHA256Digest(hex: try e.text(4) ?? "") else { continue }
        evidence.append(
          StoredEvidence(
            file: try e.text(0) ?? "", evidenceID: try e.text(1), originalName: try e.text(2) ?? "",
            blob: StoredBlob(sha256: digest, size: Int64(try e.int(3) ?? 0))))
      }
      let updated = try c.double(3)
      return (
        try c.text(0) ?? "", try c.bool(1), try c.double(2), updated,
        CaseVersion(
          number: Int64(try c.int(4) ?? 0), writer: try c.text(5),
          savedAt: Date(timeIntervalSince1970: updated)),
        evidence
      )
    }
    guard let (yaml, isDraft, created, updated, version, evidence) = found else { return nil }
    let name = "\(id) (stored case)"
    let node = try YAMLDocumentLoader.load(data: Data(yaml.utf8), file: name)
    let (caseFile, map) = try CaseFileReader.decodeWithLocations(node, file: name)
    var stored = StoredCase(
      id: id, caseFile: caseFile, sourceMap: map, yaml: yaml, isDraft: isDraft,
      createdAt: Date(timeIntervalSince1970: created), updatedAt: Date(timeIntervalSince1970: updated),
      evidence: evidence)
    stored.version = version
    return stored
  }

  /// The case with its evidence fetched into a private local folder (each file re-hashed as
  /// it arrives), so that letters, bundles and exports read them as files.
  public func loaded(_ stored: StoredCase) throws -> LoadedCase {
    var map: [String: URL] = [:]
    let folder = try LocalCopies.folder()
    for e in stored.evidence {
      let target = folder.appendingPathComponent(e.blob.sha256.hex)
      if !FileManager.default.fileExists(atPath: target.path) {
        try fetchBlob(caseID: stored.id, file: e.file, expected: e.blob, to: target)
      }
      map[e.file] = target
    }
    return LoadedCase(
      caseFile: stored.caseFile, sourceMap: stored.sourceMap, baseDirectory: folder, url: nil,
      storedEvidence: map)
  }

  /// Events of every visible case, by case id.
  private func events(notes: Bool) throws -> [String: [(FilingEvent, String?)]] {
    var out: [String: [(FilingEvent, String?)]] = [:]
    for r in try session.query(
      "SELECT case_id, day, minute, kind, note, written_by::text FROM case_event ORDER BY case_id, position")
    {
      let c = Cells(r)
      var e = FilingEvent()
      if let day = try c.int(1) {
        e.date = EventDate(date: CalendarDate(julianDay: day), minuteOfDay: try c.int(2))
      }
      e.kind = try c.text(3).flatMap(FilingEventKind.init(rawValue:))
      if notes { e.note = try c.text(4) }
      out[try c.text(0) ?? "", default: []].append((e, try c.text(5)))
    }
    return out
  }

  public func summaries() throws -> [CaseSummary] {
    try locked {
      let events = try events(notes: true)
      var out: [CaseSummary] = []
      for r in try session.query(
        """
        SELECT id, is_draft, stage, jurisdiction, venue, language, addressee, complainant_name,
          respondent_name, purchase_date, filed_on, accepted_on, reference, evidence_count,
          created_at, updated_at, written_by::text, owner_role::text, assigned::text[]
        FROM stored_case ORDER BY id COLLATE "C"
        """)
      {
        let x = Cells(r)
        let id = try x.text(0) ?? ""
        var c = CaseFile()
        c.id = id
        c.jurisdiction = try x.text(3)
        c.venue = try x.text(4).flatMap(Venue.init(rawValue:))
        c.language = try x.text(5).flatMap(DocumentLanguage.init(rawValue:))
        c.addressee = try x.text(6)
        if let name = try x.text(7) {
          var p = Complainant()
          p.name = name
          c.complainant = p
        }
        if let name = try x.text(8) {
          var p = Respondent()
          p.name = name
          c.respondent = p
        }
        if let d = try x.int(9) {
          var p = Purchase()
          p.date = CalendarDate(julianDay: d)
          c.purchase = p
        }
        var f = Filing()
        f.filedOn = try x.int(10).map(CalendarDate.init(julianDay:))
        f.acceptedOn = try x.int(11).map(CalendarDate.init(julianDay:))
        f.reference = try x.text(12)
        f.events = (events[id] ?? []).map(\.0)
        if f.filedOn != nil || f.acceptedOn != nil || f.reference != nil || !f.events.isEmpty { c.filing = f }
        var s = CaseSummary(
          id: id, isDraft: try x.bool(1), stage: try x.text(2).flatMap(CaseStage.init(rawValue:)) ?? .draft,
          caseFile: c, evidenceCount: try x.int(13) ?? 0,
          createdAt: Date(timeIntervalSince1970: try x.double(14)),
          updatedAt: Date(timeIntervalSince1970: try x.double(15)))
        s.writer = try x.text(16)
        s.owner = try x.text(17)
        s.assigned = try x.texts(18)
        s.eventWriters = (events[id] ?? []).map(\.1)
        out.append(s)
      }
      return out
    }
  }

  public func trackingRows() throws -> [TrackingRow] {
    try locked {
      let events = try events(notes: false)
      var rows: [TrackingRow] = []
      for r in try session.query(
        """
        SELECT id, is_draft, jurisdiction, venue, complainant_name, respondent_name, filed_on,
          accepted_on, reference, version, region, settled
        FROM stored_case ORDER BY id COLLATE "C"
        """)
      {
        let x = Cells(r)
        let id = try x.text(0) ?? ""
        var f = Filing()
        f.filedOn = try x.int(6).map(CalendarDate.init(julianDay:))
        f.acceptedOn = try x.int(7).map(CalendarDate.init(julianDay:))
        f.reference = try x.text(8)
        f.events = (events[id] ?? []).map(\.0)
        let hasFiling = f.filedOn != nil || f.acceptedOn != nil || f.reference != nil || !f.events.isEmpty
        rows.append(
          TrackingRow(
            id: id, isDraft: try x.bool(1), jurisdiction: try x.text(2),
            venue: try x.text(3).flatMap(Venue.init(rawValue:)), complainantName: try x.text(4),
            respondentName: try x.text(5), filing: hasFiling ? f : nil, updatedAt: Double(try x.int(9) ?? 0),
            region: try x.text(10), settled: try x.bool(11)))
      }
      return rows
    }
  }

  public func currentDigests(legalKey: String, clocks withClocks: Bool) throws -> (
    caseCount: Int, rows: [DigestRow]
  ) {
    try locked {
      let count =
        try session.query("SELECT count(*) FROM stored_case").first.flatMap { try Cells($0).int(0) } ?? 0
      var rows: [DigestRow] = []
      rows.reserveCapacity(count)
      var clockIDs: [String] = []
      for r in try session.query(
        """
        SELECT d.case_id, d.jurisdiction, d.respondent_name, d.stage, d.due, d.due_clock, d.answered,
          d.weekday_only_years, d.venue, d.ended_by, d.settled, d.complainant_name, d.region, d.filed_on,
          CASE WHEN \(withClocks) THEN d.clocks END
        FROM case_clock_digest d JOIN stored_case c ON c.id = d.case_id AND c.version = d.case_version
        WHERE d.legal_key = \(legalKey) ORDER BY d.case_id COLLATE "C"
        """)
      {
        let x = Cells(r)
        guard let id = try x.text(0), let stage = try x.text(3).flatMap(CaseStage.init(rawValue:)) else {
          continue
        }
        // A digest whose clocks do not read is counted again (and kept anew).
        var clocks: [ClockDigest.Clock] = []
        if withClocks {
          guard let read = ClockDigest.clocks(fromText: try x.text(14) ?? "", ids: &clockIDs) else {
            continue
          }
          clocks = read
        }
        let years = try x.text(7).map { $0.split(separator: ",").compactMap { Int($0) } } ?? []
        rows.append(
          DigestRow(
            id: id, jurisdiction: try x.text(1) ?? "", respondentName: try x.text(2),
            complainantName: try x.text(11),
            digest: ClockDigest(
              stage: stage, due: try x.int(4).map(CalendarDate.init(julianDay:)), dueClockID: try x.text(5),
              answered: try x.bool(6), yearsWithoutData: years,
              venue: try x.text(8).flatMap(Venue.init(rawValue:)) ?? .consumerAssociation,
              endedBy: try x.text(9).flatMap(FilingEventKind.init(rawValue:)), settled: try x.bool(10),
              region: try x.text(12), filedOn: try x.int(13).map(CalendarDate.init(julianDay:)),
              clocks: clocks)))
      }
      return (count, rows)
    }
  }

  /// How many digests kept at once make a bulk count (after `store migrate`, or a change to
  /// `legal/` that made every digest stale): the server's statistics then describe an empty or
  /// old table, and are refreshed at once instead of after autovacuum's next visit.
  static let bulkDigests = 500

  /// How many digests go to the server in one statement.
  static let digestsPerStatement = 2_000

  /// Keeps the digests, many cases to a statement: the digests travel as one JSON array that
  /// the server reads as rows (`jsonb_to_recordset`), joined with the cases as they are now, so
  /// that a case saved since it was read (another version) or not visible to this role gets
  /// none. One statement per case made the first `status` over 10,000 cases take about 6 s.
  public func keepDigests(
    _ digests: [(row: TrackingRow, jurisdiction: String, digest: ClockDigest)], legalKey: String
  ) throws {
    guard !digests.isEmpty else { return }
    // One digest per case (the last one given): a statement may not update a row twice.
    var position: [String: Int] = [:]
    var kept: [OrderedJSON] = []
    for (row, jurisdiction, d) in digests {
      // Clocks that cannot be written as text are not kept: the case is counted each time.
      guard let clocks = d.clocksText else { continue }
      let record = OrderedJSON.object([
        ("case_id", .string(row.id)), ("version", .int(Int(row.updatedAt))),
        ("jurisdiction", .string(jurisdiction)), ("stage", .string(d.stage.rawValue)),
        ("due", .int(d.due?.julianDay)), ("due_clock", .string(d.dueClockID)),
        ("answered", .bool(d.answered)),
        (
          "weekday_only_years",
          .string(
            d.yearsWithoutData.isEmpty ? nil : d.yearsWithoutData.map(String.init).joined(separator: ","))
        ),
        ("venue", .string(d.venue.rawValue)), ("ended_by", .string(d.endedBy?.rawValue)),
        ("settled", .bool(d.settled)), ("region", .string(d.region)),
        ("filed_on", .int(d.filedOn?.julianDay)),
        ("clocks", .string(clocks)),
      ])
      if let at = position[row.id] {
        kept[at] = record
      } else {
        position[row.id] = kept.count
        kept.append(record)
      }
    }
    try locked {
      try session.transaction {
        var start = 0
        while start < kept.count {
          let batch = OrderedJSON.array(
            Array(kept[start..<min(start + Self.digestsPerStatement, kept.count)]))
          start += Self.digestsPerStatement
          try session.execute(
            """
            INSERT INTO case_clock_digest (case_id, legal_key, case_version, jurisdiction, respondent_name,
              stage, due, due_clock, answered, weekday_only_years, venue, ended_by, settled,
              complainant_name, region, filed_on, clocks)
            SELECT s.id, \(legalKey), s.version, d.jurisdiction, s.respondent_name, d.stage, d.due, d.due_clock,
              d.answered, d.weekday_only_years, d.venue, d.ended_by, d.settled, s.complainant_name, d.region,
              d.filed_on, d.clocks
            FROM jsonb_to_recordset(\(batch.text(indent: 0))::jsonb) AS d(case_id text, version bigint,
              jurisdiction text, stage text, due bigint, due_clock text, answered boolean,
              weekday_only_years text, venue text, ended_by text, settled boolean, region text,
              filed_on bigint, clocks text)
            JOIN stored_case s ON s.id = d.case_id AND s.version = d.version
            ON CONFLICT (case_id) DO UPDATE SET legal_key = excluded.legal_key,
              case_version = excluded.case_version, jurisdiction = excluded.jurisdiction,
              respondent_name = excluded.respondent_name, stage = excluded.stage, due = excluded.due,
              due_clock = excluded.due_clock, answered = excluded.answered,
              weekday_only_years = excluded.weekday_only_years, venue = excluded.venue,
              ended_by = excluded.ended_by, settled = excluded.settled,
              complainant_name = excluded.complainant_name, region = excluded.region,
              filed_on = excluded.filed_on, clocks = excluded.clocks
            """)
        }
      }
    }
    // Like the digests themselves, only a saving of time: a role that may not refresh the
    // statistics still has its status.
    if digests.count >= Self.bulkDigests { try? refreshStatistics() }
  }

  // MARK: - Who a case is assigned to

  /// Who owns a case of the register and who else is assigned to it.
  public struct Assignment: Sendable, Equatable {
    public var id: String
    public var owner: String
    public var assigned: [String]
  }

  /// Assigns case `id` to `role` (`add`) or takes it back. The server decides who may: the
  /// case's owner or a member of `redress_supervisor` (the trigger of `stored_case` refuses
  /// anyone else, whether through redress or `psql`), and only to a role it has. A role already
  /// assigned (or, taking back, not assigned) changes nothing.
  public func assign(_ id: String, role: String, add: Bool) throws -> Assignment {
    try locked {
      try session.transaction {
        guard
          let row = try session.query(
            "SELECT owner_role::text, assigned::text[] FROM stored_case WHERE id = \(id) FOR UPDATE"
          ).first
        else {
          throw StoreError(
            .notFound, "no case '\(id)' that \(settings.user) may see in the register \(settings)")
        }
        let x = Cells(row)
        var current = Assignment(
          id: id, owner: try x.text(0) ?? "", assigned: try x.row[1].decode([String]?.self) ?? [])
        let there = current.assigned.contains(role)
        if add == there { return current }
        if add, try session.query("SELECT 1 FROM pg_roles WHERE rolname = \(role)").isEmpty {
          throw StoreError(
            .invalidCase,
            "there is no role '\(role)' on the server \(settings) to assign case '\(id)' to; the server's "
              + "administrator creates it (CREATE ROLE), the register's owner grants it (redress store init --grant)"
          )
        }
        let statement: PostgresQuery =
          add
          ? "UPDATE stored_case SET assigned = array_append(assigned, \(role)::name) WHERE id = \(id) RETURNING assigned::text[]"
          : "UPDATE stored_case SET assigned = array_remove(assigned, \(role)::name) WHERE id = \(id) RETURNING assigned::text[]"
        guard let changed = try session.query(statement).first else {
          throw StoreError(
            .permission,
            "\(settings.user) may not change who case '\(id)' is assigned to (its owner is \(current.owner))")
        }
        current.assigned = try Cells(changed).row[0].decode([String]?.self) ?? []
        return current
      }
    }
  }

  // MARK: - Writing

  public func saveReporting(
    _ caseFile: CaseFile, draft: Bool, evidence: [String: EvidenceAttachment], mode: SaveMode,
    expectedVersion: CaseVersion?
  ) throws -> (id: String, replaced: Bool) {
    let now = clock()
    return try locked {
      try session.transaction {
        try write(caseFile, draft: draft, evidence: evidence, mode: mode, expected: expectedVersion, now: now)
      }
    }
  }

  public func update(_ id: String, draft: Bool?, _ change: (inout CaseFile) throws -> Void) throws -> CaseFile
  {
    let now = clock()
    return try locked {
      try session.transaction {
        // FOR UPDATE: concurrent changes of one case wait for each other, so none is lost.
        guard
          let row = try session.query("SELECT yaml, is_draft FROM stored_case WHERE id = \(id) FOR UPDATE")
            .first
        else {
          throw StoreError(.notFound, "no stored case '\(id)'; `redress list` shows the stored cases")
        }
        let x = Cells(row)
        var c = try CaseFileReader.read(text: try x.text(0) ?? "", file: "\(id) (stored case)")
        try change(&c)
        c.id = id
        _ = try write(
          c, draft: draft ?? (try x.bool(1)), evidence: [:], mode: .update, expected: nil, now: now)
        return c
      }
    }
  }

  public func delete(_ id: String) throws {
    _ = try locked { try session.execute("DELETE FROM stored_case WHERE id = \(id)") }
  }

  /// Writes one case inside the caller's transaction.
  private func write(
    _ input: CaseFile, draft: Bool, evidence: [String: EvidenceAttachment], mode: SaveMode,
    expected: CaseVersion?, now: Date
  ) throws -> (id: String, replaced: Bool) {
    var c = input
    var id: String
    var existing: (version: Int64, writer: String?, updated: Double, created: Double)?
    if let given = c.id {
      guard CaseID.isValid(given) else { throw StoreError(.invalidCase, "'\(given)': \(CaseID.rule)") }
      id = given
      if let row = try session.query(
        "SELECT version, written_by::text, updated_at, created_at FROM stored_case WHERE id = \(id) FOR UPDATE"
      ).first {
        let x = Cells(row)
        existing = (Int64(try x.int(0) ?? 0), try x.text(1), try x.double(2), try x.double(3))
      }
    } else {
      id = try nextID(now)
      c.id = id
    }
    if existing != nil && mode == .insert { throw duplicate(id) }
    if let expected, let current = existing, current.version != expected.number {
      throw StoreError.conflict(
        id,
        CaseVersion(
          number: current.version, writer: current.writer,
          savedAt: Date(timeIntervalSince1970: current.updated)))
    }

    // Evidence: the case's files, each to a blob: new copies, else (updating) what it had.
    var old: [String: (evidenceID: String?, name: String, size: Int64, sha: String, blob: Int64)] = [:]
    if existing != nil {
      for r in try session.query(
        "SELECT file, evidence_id, original_name, size, sha256, blob_id FROM evidence_file WHERE case_id = \(id)"
      ) {
        let x = Cells(r)
        old[try x.text(0) ?? ""] = (
          try x.text(1), try x.text(2) ?? "", Int64(try x.int(3) ?? 0), try x.text(4) ?? "",
          Int64(try x.int(5) ?? 0)
        )
      }
    }
    struct Link {
      var file: String
      var evidenceID: String?
      var name: String
      var size: Int64
      var sha: String
      var blob: Int64?
    }
    var links: [Link] = []
    var seen: Set<String> = []
    for item in c.evidence {
      guard let file = item.file, seen.insert(file).inserted else { continue }
      if let a = evidence[file] {
        links.append(
          Link(
            file: file, evidenceID: item.id, name: a.originalName, size: a.blob.size, sha: a.blob.sha256.hex))
      } else if mode == .update, let o = old[file] {
        links.append(
          Link(file: file, evidenceID: item.id, name: o.name, size: o.size, sha: o.sha, blob: o.blob))
      }
    }
    let stage = CaseTracker.stage(of: c, isDraft: draft)
    let yaml = CaseFileWriter.yaml(for: c)
    let purchase = c.purchase?.date?.julianDay
    let filed = c.filing?.filedOn?.julianDay
    let accepted = c.filing?.acceptedOn?.julianDay
    let nowSeconds = now.timeIntervalSince1970
    if existing != nil {
      try session.execute(
        """
        UPDATE stored_case SET is_draft = \(draft), stage = \(stage.rawValue), jurisdiction = \(c.jurisdiction),
          venue = \(c.venue?.rawValue), language = \(c.language?.rawValue), addressee = \(c.addressee),
          complainant_name = \(c.complainant?.name), respondent_name = \(c.respondent?.name),
          purchase_date = \(purchase), filed_on = \(filed), accepted_on = \(accepted),
          reference = \(c.filing?.reference), evidence_count = \(links.count), updated_at = \(nowSeconds),
          yaml = \(yaml), region = \(c.region), settled = \(CaseTracker.settled(c))
        WHERE id = \(id)
        """)
      try session.execute("DELETE FROM case_clock_digest WHERE case_id = \(id)")
    } else {
      do {
        try session.execute("SAVEPOINT insert_case")
        try session.execute(
          """
          INSERT INTO stored_case (id, is_draft, stage, jurisdiction, venue, language, addressee,
            complainant_name, respondent_name, purchase_date, filed_on, accepted_on, reference,
            evidence_count, created_at, updated_at, yaml, region, settled)
          VALUES (\(id), \(draft), \(stage.rawValue), \(c.jurisdiction), \(c.venue?.rawValue),
            \(c.language?.rawValue), \(c.addressee), \(c.complainant?.name), \(c.respondent?.name),
            \(purchase), \(filed), \(accepted), \(c.filing?.reference), \(links.count), \(nowSeconds),
            \(nowSeconds), \(yaml), \(c.region), \(CaseTracker.settled(c)))
          """)
        try session.execute("RELEASE SAVEPOINT insert_case")
      } catch let e as StoreError where e.kind == .duplicateID {
        // Taken by a case this role may not see: refused, and nothing of it is touched.
        throw duplicate(id)
      }
    }

    // Events: one already stored stays (moved to its new place), keeping who wrote it and
    // when; the others are inserted (the server records the writer) or deleted.
    var previous: [(eventID: String, day: Int?, minute: Int?, kind: String?, note: String?)] = []
    if existing != nil {
      for r in try session.query(
        "SELECT event_id::text, day, minute, kind, note FROM case_event WHERE case_id = \(id) ORDER BY position"
      ) {
        let x = Cells(r)
        previous.append((try x.text(0) ?? "", try x.int(1), try x.int(2), try x.text(3), try x.text(4)))
      }
      if !previous.isEmpty {
        try session.execute("UPDATE case_event SET position = -position - 1 WHERE case_id = \(id)")
      }
    }
    for (i, e) in (c.filing?.events ?? []).enumerated() {
      let day = e.date?.date.julianDay
      let minute = e.date?.minuteOfDay
      let kind = e.kind?.rawValue
      if let match = previous.firstIndex(where: {
        $0.day == day && $0.minute == minute && $0.kind == kind && $0.note == e.note
      }) {
        try session.execute(
          "UPDATE case_event SET position = \(i) WHERE event_id = \(previous[match].eventID)::uuid")
        previous.remove(at: match)
      } else {
        try session.execute(
          """
          INSERT INTO case_event (case_id, position, day, minute, kind, note, written_at)
          VALUES (\(id), \(i), \(day), \(minute), \(kind), \(e.note), \(nowSeconds))
          """)
      }
    }
    if !previous.isEmpty {
      try session.execute("DELETE FROM case_event WHERE case_id = \(id) AND position < 0")
    }

    // Evidence rows: kept where unchanged, the others replaced.
    let wanted = Set(links.map(\.file))
    for (file, o) in old {
      let link = links.first { $0.file == file }
      if !wanted.contains(file) || link?.sha != o.sha || link?.size != o.size || link?.blob == nil {
        try session.execute("DELETE FROM evidence_file WHERE case_id = \(id) AND file = \(file)")
      }
    }
    for link in links {
      if let blob = link.blob, let o = old[link.file], o.blob == blob {
        if o.evidenceID != link.evidenceID || o.name != link.name {
          try session.execute(
            """
            UPDATE evidence_file SET evidence_id = \(link.evidenceID), original_name = \(link.name)
            WHERE case_id = \(id) AND file = \(link.file)
            """)
        }
        continue
      }
      guard
        let blobRow = try session.query(
          """
          SELECT id FROM evidence_blob WHERE sha256 = \(link.sha) AND size = \(link.size)
            AND uploaded_by = current_user ORDER BY uploaded_at DESC LIMIT 1
          """
        ).first, let blob = try Cells(blobRow).int(0)
      else {
        throw StoreError(
          .io,
          "the register has no copy of \"\(link.file)\" uploaded by \(settings.user); run the import again")
      }
      try session.execute(
        """
        INSERT INTO evidence_file (case_id, file, evidence_id, original_name, size, sha256, blob_id)
        VALUES (\(id), \(link.file), \(link.evidenceID), \(link.name), \(link.size), \(link.sha), \(blob))
        """)
    }
    return (id, existing != nil)
  }

  private func duplicate(_ id: String) -> StoreError {
    StoreError(
      .duplicateID,
      "a case with id '\(id)' is already in the register \(settings); it was not changed "
        + "(use --replace to replace a case of yours)")
  }

  /// `case-YYYYMMDD-N`: the first N free; ids this role cannot see are skipped by trying.
  private func nextID(_ now: Date) throws -> String {
    let parts = Calendar.current.dateComponents([.year, .month, .day], from: now)
    let prefix = String(format: "case-%04d%02d%02d-", parts.year!, parts.month!, parts.day!)
    var numbers: Set<Int> = []
    for r in try session.query("SELECT id FROM stored_case WHERE id LIKE \(prefix + "%")") {
      if let id = try Cells(r).text(0), let n = Int(id.dropFirst(prefix.count)) { numbers.insert(n) }
    }
    // Two sessions picking a number for the same day take turns (until their transactions end).
    try session.execute("SELECT pg_advisory_xact_lock(hashtext(\(prefix)))")
    var n = 1
    while true {
      while numbers.contains(n) { n += 1 }
      if try probeFree(prefix + String(n)) { return prefix + String(n) }
      numbers.insert(n)
    }
  }

  /// Whether no case (visible or not) has `id`: tried with an insert that is rolled back.
  private func probeFree(_ id: String) throws -> Bool {
    try session.execute("SAVEPOINT probe_id")
    do {
      try session.execute(
        """
        INSERT INTO stored_case (id, is_draft, stage, evidence_count, created_at, updated_at, yaml)
        VALUES (\(id), true, 'draft', 0, 0, 0, '')
        """)
      try session.execute("ROLLBACK TO SAVEPOINT probe_id")
      return true
    } catch let e as StoreError where e.kind == .duplicateID {
      try session.execute("ROLLBACK TO SAVEPOINT probe_id")
      return false
    }
  }

  // MARK: - Evidence

  public func ingest(_ source: EvidenceSource, originalName: String?, continuing: ((Int64) -> Bool)?) throws
    -> EvidenceAttachment
  {
    let blob = try locked { try session.transaction { try upload(source, continuing: continuing) } }
    let name = originalName ?? (source.displayName as NSString).lastPathComponent
    return EvidenceAttachment(blob: blob.blob, originalName: name)
  }

  /// Sends `source` to the register in chunks, hashing it on the way, inside the caller's
  /// transaction; reuses a blob of the same bytes this role already uploaded.
  func upload(_ source: EvidenceSource, continuing: ((Int64) -> Bool)?) throws -> (
    id: Int64, blob: StoredBlob
  ) {
    let blobID = Int64.random(in: 1...Int64.max)
    let hasher = SHA256Stream()
    var offset: Int64 = 0
    var n = 0
    var pending: [EventLoopFuture<PostgresQueryResult>] = []
    let allocator = ByteBufferAllocator()
    while true {
      var buffer = allocator.buffer(capacity: Self.chunkSize)
      var readError: Int32 = 0
      let got = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: Self.chunkSize) { raw -> Int in
        var filled = 0
        while filled < Self.chunkSize {
          let r = pread(
            source.fileDescriptor, raw.baseAddress! + filled, Self.chunkSize - filled,
            off_t(offset) + off_t(filled))
          if r < 0 {
            if errno == EINTR { continue }
            readError = errno
            return filled
          }
          if r == 0 { break }
          filled += r
        }
        return filled
      }
      if readError != 0 { throw StoreError.io("cannot read", source.displayName, errno: readError) }
      if got == 0 && n > 0 { break }
      buffer.withUnsafeReadableBytes { hasher.update($0) }
      offset += Int64(got)
      pending.append(
        session.send("INSERT INTO blob_chunk (blob_id, n, data) VALUES (\(blobID), \(n), \(buffer))"))
      n += 1
      if pending.count >= Self.inFlight { try session.wait(pending.removeFirst()) }
      if let continuing, !continuing(offset) {
        for f in pending { try? session.wait(f) }
        throw StoreError(
          .cancelled, "copying \(source.displayName) stopped before the end; nothing was stored")
      }
      if got < Self.chunkSize { break }
    }
    for f in pending { try session.wait(f) }
    let digest = hasher.finalize()
    let blob = StoredBlob(sha256: digest, size: offset)
    if let row = try session.query(
      """
      SELECT id FROM evidence_blob WHERE sha256 = \(digest.hex) AND size = \(offset)
        AND uploaded_by = current_user ORDER BY uploaded_at DESC LIMIT 1
      """
    ).first, let existing = try Cells(row).int(0) {
      try session.execute("DELETE FROM blob_chunk WHERE blob_id = \(blobID)")
      return (Int64(existing), blob)
    }
    try session.execute(
      "INSERT INTO evidence_blob (id, sha256, size) VALUES (\(blobID), \(digest.hex), \(offset))")
    return (blobID, blob)
  }

  public func importCase(
    _ loaded: LoadedCase, replace: Bool, draft: Bool, progress: ((String, Int64, Int64) -> Void)?
  ) throws -> ImportOutcome {
    if let id = loaded.caseFile.id, !replace, try contains(id) { throw duplicate(id) }
    let now = clock()
    return try locked {
      try session.transaction {
        var attachments: [String: EvidenceAttachment] = [:]
        var bytes: Int64 = 0
        for item in loaded.caseFile.evidence {
          guard let file = item.file, attachments[file] == nil else { continue }
          let source = try EvidenceSource.open(file, of: loaded)
          let size = source.size
          let sent = try upload(source) { done in
            progress?(file, done, size)
            return true
          }
          attachments[file] = EvidenceAttachment(
            blob: sent.blob, originalName: (file as NSString).lastPathComponent)
          bytes += sent.blob.size
        }
        let saved = try write(
          loaded.caseFile, draft: draft, evidence: attachments, mode: replace ? .replace : .insert,
          expected: nil,
          now: now)
        return ImportOutcome(
          id: saved.id, evidenceFiles: attachments.count, evidenceBytes: bytes, replaced: saved.replaced,
          isDraft: draft)
      }
    }
  }

  /// What `migrate` did with one case.
  public enum MigrateOutcome: Sendable, Equatable {
    /// Copied, with this many evidence files.
    case copied(Int)
    /// The register already holds it with the same contents.
    case alreadyThere
  }

  /// Has the server analyze the register's tables (`redress_analyze()`, schema v4) after bulk
  /// writes (`store migrate`, or the digests of many cases kept at once), so that the next
  /// `status` is planned on statistics of the rows written instead of waiting for autovacuum.
  /// Only the statistics change; a role not granted the function is refused (`store init
  /// --grant` grants it).
  public func refreshStatistics() throws {
    try locked { try session.execute("SELECT redress_analyze()") }
  }

  /// Copies one case of a local store into the register in one transaction, every evidence
  /// file hashed again on arrival and compared with what the local store recorded. A case
  /// already there with the same case file and evidence is left alone; an id taken by another
  /// case is refused (`duplicateID`), and nothing of that case is written.
  public func migrate(_ stored: StoredCase, from local: CaseStore) throws -> MigrateOutcome {
    if let there = try fetch(stored.id) {
      let same =
        there.yaml == stored.yaml
        && Set(there.evidence.map { [$0.file, $0.blob.sha256.hex] })
          == Set(stored.evidence.map { [$0.file, $0.blob.sha256.hex] })
      if same { return .alreadyThere }
      throw StoreError(
        .duplicateID, "the register already holds a different case with id '\(stored.id)'; it was not changed"
      )
    }
    let now = clock()
    return try locked {
      try session.transaction {
        var attachments: [String: EvidenceAttachment] = [:]
        for e in stored.evidence where attachments[e.file] == nil {
          let source = try StoreError.converting {
            try EvidenceSource.open(path: local.blobs.url(for: e.blob).path)
          }
          let sent = try upload(source, continuing: nil)
          guard sent.blob == e.blob else {
            throw StoreError(
              .badEvidence,
              "the local copy of \"\(e.file)\" no longer matches the SHA-256 the store recorded; "
                + "`redress verify \(stored.id)` shows it")
          }
          attachments[e.file] = EvidenceAttachment(blob: sent.blob, originalName: e.originalName)
        }
        _ = try write(
          stored.caseFile, draft: stored.isDraft, evidence: attachments, mode: .insert, expected: nil,
          now: now)
        return .copied(attachments.count)
      }
    }
  }

  /// Streams one blob of a case from the server, chunk by chunk (a few in flight), to `sink`.
  /// Returns false when the register has no (visible) copy.
  private func streamBlob(caseID: String, file: String, _ sink: (UnsafeRawBufferPointer) throws -> Void)
    throws
    -> Bool
  {
    guard
      let row = try session.query(
        "SELECT blob_id FROM evidence_file WHERE case_id = \(caseID) AND file = \(file)"
      ).first, let blobID = try Cells(row).int(0)
    else { return false }
    let window = 4
    var next = 0
    func request(_ from: Int) -> EventLoopFuture<PostgresQueryResult> {
      session.send(
        "SELECT n, data FROM blob_chunk WHERE blob_id = \(blobID) AND n >= \(from) AND n < \(from + window) ORDER BY n"
      )
    }
    var current = request(0)
    var sawAny = false
    while true {
      let result: PostgresQueryResult
      do {
        result = try current.wait()
      } catch {
        throw PostgresSession.describe(error, settings: settings, connecting: false)
      }
      if result.rows.isEmpty { break }
      next += window
      current = request(next)  // the next window travels while this one is hashed
      for r in result.rows {
        let x = Cells(r)
        guard let buffer = try x.bytes(1) else { continue }
        sawAny = true
        try buffer.withUnsafeReadableBytes { try sink($0) }
      }
      if result.rows.count < window {
        _ = try? current.wait()
        break
      }
    }
    return sawAny
  }

  private func fetchBlob(caseID: String, file: String, expected: StoredBlob, to target: URL) throws {
    let temp = target.path + ".\(UUID().uuidString).part"
    let fd = PrivateFiles.systemOpen(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, PrivateFiles.fileMode)
    guard fd >= 0 else { throw StoreError.io("cannot create", temp) }
    var ok = false
    defer {
      close(fd)
      if !ok { unlink(temp) }
    }
    let hasher = SHA256Stream()
    let found = try locked {
      try streamBlob(caseID: caseID, file: file) { bytes in
        hasher.update(bytes)
        try StoreError.converting { try PrivateFiles.writeAll(fd, bytes, path: temp) }
      }
    }
    guard found || expected.size == 0 else {
      throw StoreError(.io, "the register has no copy of \"\(file)\" of case \(caseID)")
    }
    guard hasher.finalize() == expected.sha256, hasher.byteCount == expected.size else {
      throw StoreError(
        .io,
        "the register's copy of \"\(file)\" of case \(caseID) does not match its SHA-256; `redress verify \(caseID)`"
      )
    }
    guard rename(temp, target.path) == 0 else { throw StoreError.io("cannot move into place", target.path) }
    ok = true
  }

  /// Re-hashes one evidence file of a case from the server's copy, chunk by chunk
  /// (`verify` comes from `CaseStoring`).
  public func check(_ evidence: StoredEvidence, of caseID: String) throws -> BlobProblem? {
    let hasher = SHA256Stream()
    let found = try locked { try streamBlob(caseID: caseID, file: evidence.file) { hasher.update($0) } }
    if !found && evidence.blob.size > 0 { return .missing }
    return hasher.finalize() == evidence.blob.sha256 && hasher.byteCount == evidence.blob.size
      ? nil : .changed
  }

  /// Nothing to collect: an import's bytes travel in the transaction that records them, and
  /// an interrupted one leaves nothing on the server.
  public func collectGarbage() throws {}

  public func blobDescription(_ blob: StoredBlob) -> String { "\(settings) (sha256 \(blob.sha256.hex))" }
}

/// The private folder (0700) of this process where evidence fetched from a register is kept
/// while a command uses it; removed when the process exits.
enum LocalCopies {
  nonisolated(unsafe) private static var made: URL?
  private static let lock = NSLock()

  static func folder() throws -> URL {
    lock.lock()
    defer { lock.unlock() }
    if let made { return made }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redress-evidence-\(getpid())-\(UUID().uuidString.prefix(8))", isDirectory: true)
    try StoreError.converting { try PrivateFiles.makeFolder(url) }
    made = url
    atexit {
      if let url = LocalCopies.made { try? FileManager.default.removeItem(at: url) }
    }
    return url
  }
}
