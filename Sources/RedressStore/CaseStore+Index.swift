import Foundation
import GRDB
import GRDBSQLite
import RedressCore

// The index's readers: columns read straight from SQLite's statements, where a `Row` per case
// would be most of the time of `list` and `status` at thousands of cases (the one place the
// store works below GRDB's records), and the clock digests kept for `status`.
extension CaseStore {
  /// Every stored case, ordered by id, from the index alone (no YAML is parsed, so this stays
  /// fast for thousands of cases). See `CaseSummary.caseFile` for which fields are present.
  public func summaries() throws -> [CaseSummary] {
    try readIndex(
      """
      SELECT id, is_draft, stage, jurisdiction, venue, language, addressee, complainant_name,
        respondent_name, purchase_date, filed_on, accepted_on, reference, evidence_count,
        created_at, updated_at
      FROM stored_case ORDER BY id
      """, notes: true
    ) { row in
      var c = CaseFile()
      c.id = row.id
      c.jurisdiction = row.text(3)
      c.venue = row.text(4).flatMap(Venue.init(rawValue:))
      c.language = row.text(5).flatMap(DocumentLanguage.init(rawValue:))
      c.addressee = row.text(6)
      if let name = row.text(7) {
        var p = Complainant()
        p.name = name
        c.complainant = p
      }
      if let name = row.text(8) {
        var r = Respondent()
        r.name = name
        c.respondent = r
      }
      if let d = row.date(9) {
        var p = Purchase()
        p.date = d
        c.purchase = p
      }
      c.filing = row.filing(filedOn: 10, acceptedOn: 11, reference: 12)
      return CaseSummary(
        id: row.id, isDraft: row.bool(1), stage: row.text(2).flatMap(CaseStage.init(rawValue:)) ?? .draft,
        caseFile: c, evidenceCount: row.int(13) ?? 0, createdAt: Date(timeIntervalSince1970: row.double(14)),
        updatedAt: Date(timeIntervalSince1970: row.double(15)))
    }
  }

  /// Every stored case's `TrackingRow`, ordered by id: only the columns tracking needs (the
  /// fixed cost of `status` over thousands of cases is SQLite's per-column work, so fewer
  /// columns is faster).
  public func trackingRows() throws -> [TrackingRow] {
    try readIndex(
      """
      SELECT id, is_draft, jurisdiction, venue, complainant_name, respondent_name, filed_on,
        accepted_on, reference, updated_at, region, settled
      FROM stored_case ORDER BY id
      """, notes: false
    ) { row in
      TrackingRow(
        id: row.id, isDraft: row.bool(1), jurisdiction: row.text(2),
        venue: row.text(3).flatMap(Venue.init(rawValue:)), complainantName: row.text(4),
        respondentName: row.text(5), filing: row.filing(filedOn: 6, acceptedOn: 7, reference: 8),
        updatedAt: row.double(9), region: row.text(10), settled: row.bool(11))
    }
  }

  /// One row of the index as `readIndex` hands it over: its columns by position, read straight
  /// from the statement (at 10,000 cases the cost of a GRDB `Row` per case is most of the
  /// time), and the case's events.
  struct IndexRow {
    let statement: SQLiteStatement
    let id: String
    let events: [FilingEvent]

    func text(_ i: CInt) -> String? { String.fromStatement(statement, atUncheckedIndex: i) }
    func date(_ i: CInt) -> CalendarDate? {
      Int.fromStatement(statement, atUncheckedIndex: i).map(CalendarDate.init(julianDay:))
    }
    func int(_ i: CInt) -> Int? { Int(sqliteStatement: statement, index: i) }
    func bool(_ i: CInt) -> Bool { Bool(sqliteStatement: statement, index: i) }
    func double(_ i: CInt) -> Double { Double(sqliteStatement: statement, index: i) }

    /// The filing from the columns of `filed_on`, `accepted_on` and `reference`, with the
    /// events; nil when there is none of them.
    func filing(filedOn: CInt, acceptedOn: CInt, reference: CInt) -> Filing? {
      var f = Filing()
      f.filedOn = date(filedOn)
      f.acceptedOn = date(acceptedOn)
      f.reference = text(reference)
      f.events = events
      return f.filedOn != nil || f.acceptedOn != nil || f.reference != nil || !f.events.isEmpty ? f : nil
    }
  }

  /// One value per row of `sql`, a query of `stored_case` whose first column is `id` and which
  /// is ordered by id (the events are walked beside it in the same order). `notes`: whether the
  /// events keep their notes.
  private func readIndex<T>(_ sql: String, notes: Bool, _ make: (IndexRow) throws -> T) throws -> [T] {
    try database {
      try queue.read { db in
        let events = try EventWalk(db, notes: notes)
        let statement = try db.makeStatement(sql: sql)
        let cursor = try String.fetchCursor(statement)
        var out: [T] = []
        out.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stored_case") ?? 0)
        while let id = try cursor.next() {
          out.append(
            try make(IndexRow(statement: statement.sqliteStatement, id: id, events: try events.take(for: id)))
          )
        }
        return out
      }
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
}
