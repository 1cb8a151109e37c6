import Foundation
import GRDB
import RedressCore

/// The versioned schema of the store. A migration, once released, is never edited: a change
/// is a new migration appended here.
///
/// The case file's YAML (`case_document.yaml`) is the truth; `stored_case` and `case_event`
/// are an index of it, rewritten whenever the case is saved, so that `list` and `status` can
/// run over thousands of cases without parsing a YAML document (and, the YAML being in a
/// table of its own, without reading one from disk). Times are seconds since 1970 (UTC);
/// calendar days are Julian day numbers (`CalendarDate.julianDay`), an event's time of day
/// minutes after midnight.
enum StoreSchema {
  static var migrator: DatabaseMigrator {
    var m = DatabaseMigrator()
    m.registerMigration("v1: cases, events, evidence") { db in
      try db.execute(
        sql: """
          CREATE TABLE stored_case (
            id TEXT NOT NULL PRIMARY KEY,
            is_draft BOOLEAN NOT NULL,
            stage TEXT NOT NULL,
            jurisdiction TEXT,
            venue TEXT,
            language TEXT,
            addressee TEXT,
            complainant_name TEXT,
            respondent_name TEXT,
            purchase_date INTEGER,
            filed_on INTEGER,
            accepted_on INTEGER,
            reference TEXT,
            evidence_count INTEGER NOT NULL,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
          );
          CREATE TABLE case_document (
            case_id TEXT NOT NULL PRIMARY KEY REFERENCES stored_case(id) ON DELETE CASCADE,
            yaml TEXT NOT NULL
          );
          CREATE TABLE case_event (
            case_id TEXT NOT NULL REFERENCES stored_case(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            day INTEGER,
            minute INTEGER,
            kind TEXT,
            note TEXT,
            PRIMARY KEY (case_id, position)
          );
          CREATE TABLE evidence_file (
            case_id TEXT NOT NULL REFERENCES stored_case(id) ON DELETE CASCADE,
            file TEXT NOT NULL,
            evidence_id TEXT,
            original_name TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            blob_path TEXT NOT NULL,
            PRIMARY KEY (case_id, file)
          );
          CREATE INDEX evidence_file_sha256 ON evidence_file(sha256);
          """)
    }
    m.registerMigration("v2: clock digests") { db in
      // A cache of what `status` needs of each case (`ClockDigest`, with the names it shows),
      // one row per stored case, in id order, so that `status` reads one table from start to
      // end. Every digest was counted on the legal data whose key `clock_digest_key` holds;
      // when that data changes, they are all counted again. Saving a case deletes its row (by
      // the cascade, as the case's index row is replaced).
      try db.execute(
        sql: """
          CREATE TABLE case_clock_digest (
            case_id TEXT NOT NULL PRIMARY KEY REFERENCES stored_case(id) ON DELETE CASCADE,
            jurisdiction TEXT NOT NULL,
            respondent_name TEXT,
            stage TEXT NOT NULL,
            due INTEGER,
            due_clock TEXT,
            answered BOOLEAN NOT NULL,
            weekday_only_years TEXT
          ) WITHOUT ROWID;
          CREATE TABLE clock_digest_key (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            legal_key TEXT NOT NULL
          );
          """)
    }
    m.registerMigration("v3: region, settlement, how a case ended") { db in
      // Tracking reads the case's region (region clocks) and whether a settlement is recorded
      // (the routes after a case ended); a digest keeps the venue, the event that ended the
      // case and the settlement, from which `status` words the routes. Cases stored before
      // get both from their YAML; digests are counted again (ClockDigest.format changed).
      try db.execute(
        sql: """
          ALTER TABLE stored_case ADD COLUMN region TEXT;
          ALTER TABLE stored_case ADD COLUMN settled BOOLEAN NOT NULL DEFAULT 0;
          DELETE FROM case_clock_digest;
          DELETE FROM clock_digest_key;
          ALTER TABLE case_clock_digest ADD COLUMN venue TEXT;
          ALTER TABLE case_clock_digest ADD COLUMN ended_by TEXT;
          ALTER TABLE case_clock_digest ADD COLUMN settled BOOLEAN NOT NULL DEFAULT 0;
          """)
      let rows = try Row.fetchAll(db, sql: "SELECT case_id, yaml FROM case_document")
      for row in rows {
        let id: String = row["case_id"]
        let yaml: String = row["yaml"]
        // A stored document was written by redress; one that no longer reads keeps no region.
        guard let c = try? CaseFileReader.read(text: yaml, file: id) else { continue }
        try db.execute(
          sql: "UPDATE stored_case SET region = ?, settled = ? WHERE id = ?",
          arguments: [c.region, CaseTracker.settled(c), id])
      }
    }
    m.registerMigration("v4: every clock in the digest") { db in
      // `status --format json` details every clock of every case: a digest keeps them
      // (`ClockDigest.clocksText`), with the case's region, filing day and complainant, so
      // that the JSON is written from the digests as the table is. Digests are counted again
      // (ClockDigest.format changed).
      try db.execute(
        sql: """
          DELETE FROM case_clock_digest;
          DELETE FROM clock_digest_key;
          ALTER TABLE case_clock_digest ADD COLUMN complainant_name TEXT;
          ALTER TABLE case_clock_digest ADD COLUMN region TEXT;
          ALTER TABLE case_clock_digest ADD COLUMN filed_on INTEGER;
          ALTER TABLE case_clock_digest ADD COLUMN clocks TEXT;
          """)
    }
    return m
  }
}
