import Foundation
import PostgresNIO
import RedressCore

/// The versioned schema of the register (PostgreSQL). As with the local store's, a migration
/// once released is never edited: a change is a new one appended to `migrations`. The
/// database owner applies them with `redress store init`; advocates' connections only check
/// that the schema is the one this redress knows.
///
/// Who sees what is the server's business, by row-level security, so that it holds for
/// anyone connecting with `psql` as well:
/// - `stored_case`: a role sees the cases it owns (`owner_role`) or is assigned to
///   (`assigned`), and members of `redress_supervisor` see every case. A trigger records who
///   wrote each save (`written_by`) and counts versions; only the owner or a supervisor can
///   change who owns or is assigned to a case.
/// - `case_event`, `evidence_file`, `case_clock_digest`: a row is visible exactly when its
///   case is.
/// - `evidence_blob`, `blob_chunk`: an evidence file's bytes, in chunks of 1 MiB, named by
///   a random id and labelled with their SHA-256. A blob is visible to the role that uploaded
///   it and to whoever sees a case linked to it. The same bytes are stored once per role, not
///   once per register: a shared blob would tell one advocate (by its existence) that another
///   holds the same file, and a role could not prove it holds bytes it only names by hash.
///   A role may link its case only to a blob it uploaded (`redress_may_link`).
enum PostgresSchema {
  /// The newest version this redress knows.
  static var latest: Int { migrations.count }

  /// `(name, SQL)`; `@schema@` stands for the quoted schema name.
  static let migrations: [(String, String)] = [
    (
      "v1: cases, events, evidence, digests, row-level security",
      """
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'redress_supervisor') THEN
          BEGIN
            CREATE ROLE redress_supervisor NOLOGIN;
          EXCEPTION WHEN insufficient_privilege THEN
            RAISE EXCEPTION 'there is no role redress_supervisor, and this role may not create it: '
              'a superuser runs CREATE ROLE redress_supervisor NOLOGIN, then store init again';
          END;
        END IF;
      END $$;

      CREATE FUNCTION redress_is_supervisor() RETURNS boolean LANGUAGE sql STABLE
        AS $$ SELECT pg_has_role(current_user, 'redress_supervisor', 'MEMBER') $$;

      CREATE TABLE stored_case (
        id text PRIMARY KEY,
        owner_role name NOT NULL DEFAULT current_user,
        assigned name[] NOT NULL DEFAULT '{}',
        written_by name NOT NULL DEFAULT current_user,
        version bigint NOT NULL DEFAULT 1,
        is_draft boolean NOT NULL,
        stage text NOT NULL,
        jurisdiction text,
        venue text,
        language text,
        addressee text,
        complainant_name text,
        respondent_name text,
        purchase_date bigint,
        filed_on bigint,
        accepted_on bigint,
        reference text,
        evidence_count bigint NOT NULL,
        created_at double precision NOT NULL,
        updated_at double precision NOT NULL,
        yaml text NOT NULL
      );

      CREATE FUNCTION redress_case_written() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.written_by := current_user;
        IF TG_OP = 'INSERT' THEN
          NEW.version := 1;
          IF NOT redress_is_supervisor() THEN
            NEW.owner_role := current_user;
            NEW.assigned := '{}';
          END IF;
        ELSE
          NEW.id := OLD.id;
          NEW.version := OLD.version + 1;
          IF NOT (OLD.owner_role = current_user OR redress_is_supervisor()) THEN
            NEW.owner_role := OLD.owner_role;
            NEW.assigned := OLD.assigned;
          END IF;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER stored_case_written BEFORE INSERT OR UPDATE ON stored_case
        FOR EACH ROW EXECUTE FUNCTION redress_case_written();

      CREATE TABLE case_event (
        case_id text NOT NULL REFERENCES stored_case(id) ON DELETE CASCADE,
        position bigint NOT NULL,
        day bigint,
        minute bigint,
        kind text,
        note text,
        written_by name NOT NULL DEFAULT current_user,
        written_at double precision NOT NULL,
        PRIMARY KEY (case_id, position)
      );

      CREATE TABLE evidence_blob (
        id bigint PRIMARY KEY,
        sha256 text NOT NULL,
        size bigint NOT NULL,
        uploaded_by name NOT NULL DEFAULT current_user,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX evidence_blob_sha256 ON evidence_blob (sha256, uploaded_by);

      CREATE TABLE blob_chunk (
        blob_id bigint NOT NULL,
        n bigint NOT NULL,
        data bytea NOT NULL,
        uploaded_by name NOT NULL DEFAULT current_user,
        PRIMARY KEY (blob_id, n)
      );
      -- Evidence is mostly compressed already (photos, PDF, video): do not try again.
      ALTER TABLE blob_chunk ALTER COLUMN data SET STORAGE EXTERNAL;

      CREATE TABLE evidence_file (
        case_id text NOT NULL REFERENCES stored_case(id) ON DELETE CASCADE,
        file text NOT NULL,
        evidence_id text,
        original_name text NOT NULL,
        size bigint NOT NULL,
        sha256 text NOT NULL,
        blob_id bigint NOT NULL REFERENCES evidence_blob(id),
        PRIMARY KEY (case_id, file)
      );
      CREATE INDEX evidence_file_blob ON evidence_file (blob_id);

      CREATE TABLE case_clock_digest (
        case_id text PRIMARY KEY REFERENCES stored_case(id) ON DELETE CASCADE,
        legal_key text NOT NULL,
        case_version bigint NOT NULL,
        jurisdiction text NOT NULL,
        respondent_name text,
        stage text NOT NULL,
        due bigint,
        due_clock text,
        answered boolean NOT NULL,
        weekday_only_years text
      );

      CREATE FUNCTION redress_may_link(p_blob bigint, p_role name) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = @schema@, pg_temp
        AS $$ SELECT EXISTS (SELECT 1 FROM evidence_blob WHERE id = p_blob AND uploaded_by = p_role) $$;

      ALTER TABLE stored_case ENABLE ROW LEVEL SECURITY;
      ALTER TABLE stored_case FORCE ROW LEVEL SECURITY;
      CREATE POLICY case_read ON stored_case FOR SELECT
        USING (owner_role = current_user OR current_user = ANY (assigned) OR redress_is_supervisor());
      CREATE POLICY case_insert ON stored_case FOR INSERT
        WITH CHECK (owner_role = current_user OR redress_is_supervisor());
      CREATE POLICY case_update ON stored_case FOR UPDATE
        USING (owner_role = current_user OR current_user = ANY (assigned) OR redress_is_supervisor());
      CREATE POLICY case_delete ON stored_case FOR DELETE
        USING (owner_role = current_user OR redress_is_supervisor());

      ALTER TABLE case_event ENABLE ROW LEVEL SECURITY;
      ALTER TABLE case_event FORCE ROW LEVEL SECURITY;
      CREATE POLICY event_case ON case_event
        USING (EXISTS (SELECT 1 FROM stored_case c WHERE c.id = case_event.case_id));

      ALTER TABLE case_clock_digest ENABLE ROW LEVEL SECURITY;
      ALTER TABLE case_clock_digest FORCE ROW LEVEL SECURITY;
      CREATE POLICY digest_case ON case_clock_digest
        USING (EXISTS (SELECT 1 FROM stored_case c WHERE c.id = case_clock_digest.case_id));

      ALTER TABLE evidence_file ENABLE ROW LEVEL SECURITY;
      ALTER TABLE evidence_file FORCE ROW LEVEL SECURITY;
      CREATE POLICY file_read ON evidence_file FOR SELECT
        USING (EXISTS (SELECT 1 FROM stored_case c WHERE c.id = evidence_file.case_id));
      CREATE POLICY file_insert ON evidence_file FOR INSERT
        WITH CHECK (EXISTS (SELECT 1 FROM stored_case c WHERE c.id = evidence_file.case_id)
          AND redress_may_link(blob_id, current_user));
      CREATE POLICY file_update ON evidence_file FOR UPDATE
        USING (EXISTS (SELECT 1 FROM stored_case c WHERE c.id = evidence_file.case_id));
      CREATE POLICY file_delete ON evidence_file FOR DELETE
        USING (EXISTS (SELECT 1 FROM stored_case c WHERE c.id = evidence_file.case_id));

      -- Not forced: redress_may_link runs as the owner and must see every blob.
      ALTER TABLE evidence_blob ENABLE ROW LEVEL SECURITY;
      CREATE POLICY blob_read ON evidence_blob FOR SELECT
        USING (uploaded_by = current_user
          OR EXISTS (SELECT 1 FROM evidence_file f WHERE f.blob_id = evidence_blob.id));
      CREATE POLICY blob_insert ON evidence_blob FOR INSERT WITH CHECK (uploaded_by = current_user);

      ALTER TABLE blob_chunk ENABLE ROW LEVEL SECURITY;
      CREATE POLICY chunk_read ON blob_chunk FOR SELECT
        USING (EXISTS (SELECT 1 FROM evidence_blob b WHERE b.id = blob_chunk.blob_id));
      CREATE POLICY chunk_insert ON blob_chunk FOR INSERT WITH CHECK (uploaded_by = current_user);
      CREATE POLICY chunk_delete ON blob_chunk FOR DELETE
        USING (uploaded_by = current_user
          AND NOT EXISTS (SELECT 1 FROM evidence_blob b WHERE b.id = blob_chunk.blob_id));
      """
    ),
    (
      "v2: an event keeps what it says and who wrote it",
      """
      ALTER TABLE case_event ADD COLUMN event_id uuid NOT NULL DEFAULT gen_random_uuid();
      ALTER TABLE case_event ADD CONSTRAINT case_event_event_id UNIQUE (event_id);

      -- Whoever inserts an event is recorded as its writer, whatever the statement says; an
      -- update may move an event (its position) and nothing else.
      CREATE FUNCTION redress_event_written() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          NEW.written_by := current_user;
          NEW.written_at := extract(epoch FROM clock_timestamp());
        ELSE
          NEW.event_id := OLD.event_id;
          NEW.case_id := OLD.case_id;
          NEW.day := OLD.day;
          NEW.minute := OLD.minute;
          NEW.kind := OLD.kind;
          NEW.note := OLD.note;
          NEW.written_by := OLD.written_by;
          NEW.written_at := OLD.written_at;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER case_event_written BEFORE INSERT OR UPDATE ON case_event
        FOR EACH ROW EXECUTE FUNCTION redress_event_written();
      """
    ),
    (
      "v3: region, settlement, every clock in the digest; assigning is refused, not ignored",
      """
      -- Tracking reads the case's region (region clocks) and whether a settlement is recorded
      -- (the routes after a case ended): as in the local store's v3, filled from each case's
      -- YAML by store init right after this migration (`backfill`).
      ALTER TABLE stored_case ADD COLUMN region text;
      ALTER TABLE stored_case ADD COLUMN settled boolean NOT NULL DEFAULT false;

      -- A digest keeps every clock of its case (ClockDigest.format 4), so that
      -- `status --format json` is written from the digests; the old ones are counted again.
      DELETE FROM case_clock_digest;
      ALTER TABLE case_clock_digest ADD COLUMN venue text;
      ALTER TABLE case_clock_digest ADD COLUMN ended_by text;
      ALTER TABLE case_clock_digest ADD COLUMN settled boolean NOT NULL DEFAULT false;
      ALTER TABLE case_clock_digest ADD COLUMN complainant_name text;
      ALTER TABLE case_clock_digest ADD COLUMN region text;
      ALTER TABLE case_clock_digest ADD COLUMN filed_on bigint;
      ALTER TABLE case_clock_digest ADD COLUMN clocks text;

      -- Who owns a case and who is assigned to it: only its owner or a supervisor changes
      -- that (`redress store assign`), and anyone else's attempt is refused with a reason
      -- instead of being silently undone; an assigned name must be a role of the server.
      CREATE OR REPLACE FUNCTION redress_case_written() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.written_by := current_user;
        IF TG_OP = 'INSERT' THEN
          NEW.version := 1;
          IF NOT redress_is_supervisor() THEN
            NEW.owner_role := current_user;
            NEW.assigned := '{}';
          END IF;
        ELSE
          NEW.id := OLD.id;
          IF (NEW.owner_role IS DISTINCT FROM OLD.owner_role OR NEW.assigned IS DISTINCT FROM OLD.assigned)
            AND NOT (OLD.owner_role = current_user OR redress_is_supervisor()) THEN
            RAISE EXCEPTION 'only the owner of case % (%) or a member of redress_supervisor may change who owns it or is assigned to it',
              OLD.id, OLD.owner_role USING ERRCODE = 'insufficient_privilege';
          END IF;
          -- Changing only who owns it or is assigned to it is not a new version of the case
          -- (an advocate's interview saving meanwhile is not told of a conflict).
          IF to_jsonb(NEW) - 'owner_role' - 'assigned' - 'version' - 'written_by'
              = to_jsonb(OLD) - 'owner_role' - 'assigned' - 'version' - 'written_by' THEN
            NEW.version := OLD.version;
            NEW.written_by := OLD.written_by;
          ELSE
            NEW.version := OLD.version + 1;
          END IF;
        END IF;
        -- A name newly assigned must be a role of the server (one dropped later stays listed).
        IF EXISTS (
            SELECT 1 FROM unnest(NEW.assigned) AS a(role)
            WHERE NOT (TG_OP = 'UPDATE' AND a.role = ANY (OLD.assigned))
              AND NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = a.role)) THEN
          RAISE EXCEPTION 'case %: there is no role % on the server to assign it to', NEW.id,
            (SELECT a.role FROM unnest(NEW.assigned) AS a(role)
              WHERE NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = a.role) LIMIT 1)
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NEW;
      END $$
      """
    ),
    (
      "v4: statistics after a bulk copy",
      """
      -- Right after `store migrate` copies a local store in, the server has no statistics on
      -- the new rows and plans the digests' query as a nested loop, checking row-level
      -- security once per digest, until autovacuum analyzes the tables (about a minute
      -- later). Only a table's owner may run ANALYZE, and the advocate who migrates is not
      -- the owner: this function, owned by the owner, runs it for the roles granted it
      -- (`store init --grant`). Statistics are no window into the rows: pg_stats hides those
      -- of a table under row-level security from anyone the policies apply to.
      CREATE FUNCTION redress_analyze() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = @schema@, pg_temp AS $$
      BEGIN
        ANALYZE stored_case;
        ANALYZE case_event;
        ANALYZE evidence_file;
        ANALYZE case_clock_digest;
        ANALYZE evidence_blob;
      END $$;
      REVOKE EXECUTE ON FUNCTION redress_analyze() FROM PUBLIC;

      -- Roles granted by an earlier `store init` may run it too: every role that may write
      -- cases here.
      DO $$
      DECLARE
        r name;
      BEGIN
        FOR r IN
          SELECT DISTINCT grantee FROM information_schema.role_table_grants
          WHERE table_schema = current_schema() AND table_name = 'stored_case' AND privilege_type = 'INSERT'
            AND grantee <> current_user
        LOOP
          EXECUTE format('GRANT EXECUTE ON FUNCTION redress_analyze() TO %I', r);
        END LOOP;
      END $$
      """
    ),
  ]

  /// The functions an advocate's role may call (`store init --grant`), and the migration
  /// that makes each.
  static let functions: [(signature: String, since: Int)] = [("redress_analyze()", 4)]

  /// The tables and what an advocate's role may do with them (`store init --grant`).
  static let grants: [(privileges: String, table: String)] = [
    ("SELECT, INSERT, UPDATE, DELETE", "stored_case"),
    ("SELECT, INSERT, UPDATE, DELETE", "case_event"),
    ("SELECT, INSERT, UPDATE, DELETE", "evidence_file"),
    ("SELECT, INSERT, UPDATE, DELETE", "case_clock_digest"),
    ("SELECT, INSERT", "evidence_blob"),
    ("SELECT, INSERT, DELETE", "blob_chunk"),
    ("SELECT", "redress_migration"),
  ]

  /// The statements of a migration, one by one (the extended protocol takes one at a time):
  /// split at semicolons outside quotes, `$$` bodies and `--` comments.
  static func statements(_ sql: String) -> [String] {
    var out: [String] = []
    var current = ""
    var inDollar = false
    var inQuote = false
    var inComment = false
    let chars = Array(sql)
    var i = 0
    while i < chars.count {
      let c = chars[i]
      let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
      if inComment {
        if c == "\n" { inComment = false }
      } else if !inDollar && !inQuote && c == "-" && next == "-" {
        inComment = true
      } else if !inQuote && c == "$" && next == "$" {
        inDollar.toggle()
        current += "$$"
        i += 2
        continue
      } else if !inDollar && c == "'" {
        inQuote.toggle()
        current.append(c)
      } else if !inDollar && !inQuote && c == ";" {
        let s = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !s.isEmpty { out.append(s) }
        current = ""
      } else {
        current.append(c)
      }
      i += 1
    }
    let s = current.trimmingCharacters(in: .whitespacesAndNewlines)
    if !s.isEmpty { out.append(s) }
    return out
  }

  /// An identifier quoted for SQL.
  static func quote(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// What `store init` did.
  public struct InitOutcome: Sendable {
    public var applied: [String]
    public var version: Int
    public var granted: [String]
  }

  /// Creates or migrates the schema and grants `roles` (and `redress_supervisor`) what an
  /// advocate needs, in one transaction. Run by the database owner.
  /// `upTo`: the last migration to apply (tests make an older register with it).
  static func initialize(_ session: PostgresSession, grant roles: [String], upTo: Int? = nil) throws
    -> InitOutcome
  {
    try session.transaction {
      // One init at a time, whoever runs it.
      try session.execute("SELECT pg_advisory_xact_lock(7265647265737301)")
      try session.execute(
        """
        CREATE TABLE IF NOT EXISTS redress_migration (
          version bigint PRIMARY KEY, name text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now(), applied_by name NOT NULL DEFAULT current_user)
        """)
      let schemaRow = try session.query("SELECT current_schema()")
      guard let schema = try schemaRow.first.flatMap({ try Cells($0).text(0) }) else {
        throw StoreError(.unusableStore, "the register has no schema to create tables in (search_path)")
      }
      let done = try session.query("SELECT coalesce(max(version), 0) FROM redress_migration")
      let current = try done.first.flatMap { try Cells($0).int(0) } ?? 0
      if current > latest {
        throw StoreError(
          .unusableStore, "the register was set up by a newer redress (schema \(current)); update redress")
      }
      var applied: [String] = []
      for (index, (name, sql)) in migrations.enumerated()
      where index + 1 > current && index + 1 <= (upTo ?? latest) {
        for statement in statements(sql.replacingOccurrences(of: "@schema@", with: quote(schema))) {
          try session.execute(PostgresQuery(unsafeSQL: statement))
        }
        if index + 1 == 3 { try backfillRegionAndSettlement(session) }
        try session.execute("INSERT INTO redress_migration (version, name) VALUES (\(index + 1), \(name))")
        applied.append(name)
      }
      var granted: [String] = []
      for role in ["redress_supervisor"] + roles where !granted.contains(role) {
        let exists = try session.query("SELECT 1 FROM pg_roles WHERE rolname = \(role)")
        guard !exists.isEmpty else {
          throw StoreError(
            .invalidCase,
            "there is no role '\(role)' on the server; create it first (CREATE ROLE \(quote(role)) LOGIN)")
        }
        try session.execute(
          PostgresQuery(unsafeSQL: "GRANT USAGE ON SCHEMA \(quote(schema)) TO \(quote(role))"))
        for g in grants {
          try session.execute(
            PostgresQuery(unsafeSQL: "GRANT \(g.privileges) ON \(g.table) TO \(quote(role))"))
        }
        for f in functions where f.since <= (upTo ?? latest) {
          try session.execute(
            PostgresQuery(unsafeSQL: "GRANT EXECUTE ON FUNCTION \(f.signature) TO \(quote(role))"))
        }
        granted.append(role)
      }
      return InitOutcome(applied: applied, version: latest, granted: granted)
    }
  }

  /// Migration v3: every stored case's region and settlement, read from its YAML. Run by the
  /// tables' owner inside the migration's transaction: row-level security is lifted for the
  /// owner and the trigger that records writers and versions is off meanwhile, so that every
  /// case is filled in and none looks saved again by the owner.
  static func backfillRegionAndSettlement(_ session: PostgresSession) throws {
    try session.execute("ALTER TABLE stored_case NO FORCE ROW LEVEL SECURITY")
    try session.execute("ALTER TABLE stored_case DISABLE TRIGGER stored_case_written")
    for row in try session.query("SELECT id, yaml FROM stored_case") {
      let x = Cells(row)
      guard let id = try x.text(0), let yaml = try x.text(1),
        // A stored document was written by redress; one that no longer reads keeps no region.
        let c = try? CaseFileReader.read(text: yaml, file: id)
      else { continue }
      try session.execute(
        "UPDATE stored_case SET region = \(c.region), settled = \(CaseTracker.settled(c)) WHERE id = \(id)")
    }
    try session.execute("ALTER TABLE stored_case ENABLE TRIGGER stored_case_written")
    try session.execute("ALTER TABLE stored_case FORCE ROW LEVEL SECURITY")
  }

  /// Checks that the register's schema is the one this redress knows.
  static func check(_ session: PostgresSession) throws {
    let rows: [PostgresRow]
    do {
      rows = try session.query("SELECT coalesce(max(version), 0) FROM redress_migration")
    } catch let e as StoreError where e.kind == .unusableStore || e.kind == .permission {
      throw StoreError(
        .unusableStore,
        "the register \(session.settings) is not set up for redress, or this role may not use it: "
          + "the database owner runs `redress store init --grant \(session.settings.user)` (\(e.message))")
    }
    let version = try rows.first.flatMap { try Cells($0).int(0) } ?? 0
    if version > latest {
      throw StoreError(
        .unusableStore, "the register \(session.settings) was set up by a newer redress; update redress")
    }
    if version < latest {
      throw StoreError(
        .unusableStore,
        "the register \(session.settings) has an older schema (\(version)); the database owner runs "
          + "`redress store init` to migrate it")
    }
  }
}
