import Foundation
import RedressTestSupport
import Testing

/// The built binary against a real PostgreSQL server (`scripts/with-postgres`, started by
/// `make test`): a team's register with row-level security, concurrent writers, killed
/// imports, and `store migrate` from a local store.
@Suite(.serialized) struct RegisterEndToEndTests {
  /// Visible in every run: either the server is there, or the note says why these are skipped;
  /// in CI (CI=true) a missing server is a failure, never a skip.
  @Test func registerIsConfigured() {
    if let note = TestRegister.skipNote {
      if ProcessInfo.processInfo.environment["CI"] == "true" {
        Issue.record("CI=true but REDRESS_TEST_PG_URL is not set: the PostgreSQL tests must run in CI")
      } else {
        print("note: \(note)")
      }
    }
    #expect(TestRegister.isAvailable || ProcessInfo.processInfo.environment["CI"] != "true")
  }

  @Test(.enabled(if: TestRegister.isAvailable, "needs REDRESS_TEST_PG_URL (make test)"))
  func advocatesSeeOnlyTheirOwnCasesAlsoThroughPsql() throws {
    let box = try RegisterBox()
    let (a1, a2) = (box.db.advocates[0], box.db.advocates[1])
    let evidence = Data("同一张发票".utf8)
    try box.writeCase("a.yaml", id: "case-a1", evidence: ["evidence/invoice.txt": evidence])
    try box.writeCase("b.yaml", id: "case-a2", evidence: ["evidence/invoice.txt": evidence])
    try box.writeCase("c.yaml", id: "case-a2-second")
    #expect(try box.run(a1, "import", box.path("a.yaml")).code == 0)
    #expect(try box.run(a2, "import", box.path("b.yaml"), box.path("c.yaml")).code == 0)

    #expect(try box.listedIDs(a1) == ["case-a1"])
    #expect(try box.listedIDs(a2) == ["case-a2", "case-a2-second"])
    #expect(try box.listedIDs(box.db.supervisor) == ["case-a1", "case-a2", "case-a2-second"])
    // Who wrote it is recorded and shown.
    let list = try box.run(box.db.supervisor, "list", "--format", "json")
    #expect(list.out.contains("\"written_by\": \"\(a1.name)\""), "\(list.out)")
    let text = try box.run(box.db.supervisor, "list", "--lang", "en")
    #expect(text.out.contains(a2.name))

    // The other's case cannot be reached by id, nor its evidence verified.
    let other = try box.run(a1, "verify", "case-a2")
    #expect(other.code >= 2, "\(other.out)")
    let log = try box.run(a1, "log", "case-a2", "--kind", "note", "--on", "2026-01-05")
    #expect(log.code >= 2)

    // psql as the advocate: the same separation, on every table, the shared bytes included.
    func count(_ table: String, _ role: TestRegister.Role) throws -> String {
      let r = try TestRegister.psql("SELECT count(*) FROM \(table)", database: box.db.name, role: role)
      #expect(r.exitCode == 0, "\(r.stderr)")
      return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    let ids = try TestRegister.psql("SELECT id FROM stored_case ORDER BY id", database: box.db.name, role: a1)
    #expect(ids.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "case-a1")
    #expect(try count("evidence_file", a1) == "1")
    #expect(try count("evidence_blob", a1) == "1")
    #expect(try count("stored_case", a2) == "2")
    #expect(try count("evidence_blob", a2) == "1")
    #expect(try count("stored_case", box.db.supervisor) == "3")
    // The blobs hold the same bytes, yet neither advocate finds the other's case through them.
    let linked = try TestRegister.psql(
      "SELECT count(*) FROM evidence_file f JOIN evidence_blob b ON b.id = f.blob_id", database: box.db.name,
      role: a2)
    #expect(linked.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
    // Writing into the other's case through psql is refused or touches nothing.
    let sneak = try TestRegister.psql(
      "UPDATE stored_case SET yaml = 'x' WHERE id = 'case-a2'", database: box.db.name, role: a1)
    #expect(sneak.exitCode == 0)
    let still = try TestRegister.psql(
      "SELECT yaml <> 'x' FROM stored_case WHERE id = 'case-a2'", database: box.db.name, role: a2)
    #expect(still.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "t")

    // An event's writer is the server's record: psql can neither forge nor rewrite it.
    #expect(try box.run(a1, "file", "case-a1", "--on", "2026-01-02").code == 0)
    #expect(
      try box.run(a1, "log", "case-a1", "--kind", "note", "--on", "2026-01-03", "--note", "mine").code == 0)
    let forged = try TestRegister.psql(
      """
      INSERT INTO case_event (case_id, position, kind, note, written_by, written_at)
      VALUES ('case-a1', 99, 'note', 'forged', '\(a2.name)', 0);
      UPDATE case_event SET note = 'rewritten', written_by = '\(a2.name)' WHERE note = 'mine';
      SELECT note || ':' || written_by FROM case_event WHERE case_id = 'case-a1' ORDER BY position
      """, database: box.db.name, role: a1)
    #expect(forged.exitCode == 0, "\(forged.stderr)")
    #expect(forged.stdout.split(separator: "\n") == ["mine:\(a1.name)", "forged:\(a1.name)"])
    // The owner assigns a case to a colleague, who then sees it (and only it of the owner's).
    let assign = try TestRegister.psql(
      "UPDATE stored_case SET assigned = array_append(assigned, '\(a2.name)') WHERE id = 'case-a1'",
      database: box.db.name, role: a1)
    #expect(assign.exitCode == 0, "\(assign.stderr)")
    #expect(try box.listedIDs(a2) == ["case-a1", "case-a2", "case-a2-second"])
    #expect(try box.run(a2, "verify", "case-a1").code == 0)
    // An assigned advocate cannot hand the case to someone else.
    _ = try TestRegister.psql(
      "UPDATE stored_case SET owner_role = '\(a2.name)', assigned = '{}' WHERE id = 'case-a1'",
      database: box.db.name, role: a2)
    #expect(try box.listedIDs(a1).contains("case-a1"))
    #expect(try box.listedIDs(a2).contains("case-a1"))
    _ = try TestRegister.psql(
      "UPDATE stored_case SET assigned = '{}' WHERE id = 'case-a1'", database: box.db.name, role: a1)

    // A taken id is refused, named, and nothing of the other's case is overwritten.
    try box.writeCase("clash.yaml", id: "case-a1")
    let clash = try box.run(a2, "import", "--replace", box.path("clash.yaml"))
    #expect(clash.code >= 2)
    #expect(clash.err.contains("case-a1"), "\(clash.err)")
    #expect(try box.run(a1, "verify", "case-a1").code == 0)
    #expect(try box.listedIDs(a2) == ["case-a2", "case-a2-second"])
  }

  @Test(.enabled(if: TestRegister.isAvailable, "needs REDRESS_TEST_PG_URL (make test)"))
  func theOwnerOrASupervisorAssignsACaseAndTheServerRefusesAnyoneElse() throws {
    let box = try RegisterBox()
    let (a1, a2, sup) = (box.db.advocates[0], box.db.advocates[1], box.db.supervisor)
    try box.writeCase("a.yaml", id: "case-a1", evidence: ["evidence/a.txt": Data("发票".utf8)])
    try box.writeCase("b.yaml", id: "case-a2")
    #expect(try box.run(a1, "import", box.path("a.yaml")).code == 0)
    #expect(try box.run(a2, "import", box.path("b.yaml")).code == 0)
    func version(_ id: String) throws -> String {
      try TestRegister.psql(
        "SELECT version || ':' || written_by FROM stored_case WHERE id = '\(id)'", database: box.db.name
      )
      .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    let before = try version("case-a1")

    // The owner assigns it: the colleague sees it and works on it, through redress and psql.
    let assign = try box.run(a1, "store", "assign", "case-a1", a2.name, "--lang", "en")
    #expect(assign.code == 0, "\(assign.err)")
    #expect(assign.out.contains("owned by \(a1.name), assigned to \(a2.name)"), "\(assign.out)")
    #expect(try box.listedIDs(a2) == ["case-a1", "case-a2"])
    #expect(try box.run(a2, "verify", "case-a1").code == 0)
    let seen = try TestRegister.psql(
      "SELECT id FROM stored_case ORDER BY id", database: box.db.name, role: a2)
    #expect(seen.stdout.split(separator: "\n") == ["case-a1", "case-a2"])
    // Assigning is not a new version of the case (no one's interview is told of a conflict).
    #expect(try version("case-a1") == before)
    // Twice is the same as once.
    #expect(try box.run(a1, "store", "assign", "case-a1", a2.name).code == 0)
    #expect(
      try TestRegister.psql("SELECT assigned FROM stored_case WHERE id = 'case-a1'", database: box.db.name)
        .stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "{\(a2.name)}")
    // `list --format json` shows who owns it and who it is assigned to.
    let listed = try box.run(a1, "list", "--format", "json")
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as? [[String: Any]])
    let row = try #require(rows.first { $0["case"] as? String == "case-a1" })
    #expect(row["owner"] as? String == a1.name)
    #expect(row["assigned"] as? [String] == [a2.name], "\(listed.out)")

    // The assigned advocate may not hand it on or take it over: refused by the server, through
    // redress (exit 3, naming the owner) and through psql alike.
    let handOn = try box.run(a2, "store", "assign", "case-a1", sup.name, "--lang", "en")
    #expect(handOn.code == 3, "\(handOn.out) \(handOn.err)")
    #expect(handOn.err.contains("only the owner of case case-a1 (\(a1.name))"), "\(handOn.err)")
    #expect(try box.run(a2, "store", "unassign", "case-a1", a2.name).code == 3)
    for sql in [
      "UPDATE stored_case SET assigned = '{}' WHERE id = 'case-a1'",
      "UPDATE stored_case SET owner_role = '\(a2.name)' WHERE id = 'case-a1'",
    ] {
      let r = try TestRegister.psql(sql, database: box.db.name, role: a2)
      #expect(r.exitCode != 0, "\(sql): \(r.stdout)")
      #expect(r.stderr.contains("only the owner of case case-a1"), "\(r.stderr)")
    }
    // Someone who does not see the case cannot assign it (it is not there for them).
    try box.writeCase("c.yaml", id: "case-a1-private")
    #expect(try box.run(a1, "import", box.path("c.yaml")).code == 0)
    let stranger = try box.run(a2, "store", "assign", "case-a1-private", a2.name)
    #expect(stranger.code == 2, "\(stranger.err)")
    #expect(!(try box.listedIDs(a2)).contains("case-a1-private"))
    // A role the server does not have: refused, through redress and psql.
    let nobody = try box.run(a1, "store", "assign", "case-a1", "no_such_role_x", "--lang", "en")
    #expect(nobody.code == 2)
    #expect(nobody.err.contains("no role 'no_such_role_x'"), "\(nobody.err)")
    let forged = try TestRegister.psql(
      "UPDATE stored_case SET assigned = array_append(assigned, 'no_such_role_x') WHERE id = 'case-a1'",
      database: box.db.name, role: a1)
    #expect(forged.exitCode != 0)

    // A supervisor (not the owner) takes it back; the colleague no longer sees it.
    let back = try box.run(sup, "store", "unassign", "case-a1", a2.name, "--lang", "en")
    #expect(back.code == 0, "\(back.err)")
    #expect(back.out.contains("assigned to no one else"), "\(back.out)")
    #expect(try box.listedIDs(a2) == ["case-a2"])
    #expect(try box.run(a2, "verify", "case-a1").code >= 2)

    // The local store has no one to assign to: refused, saying why.
    let local = try box.runLocal(box.path("local"), "store", "assign", "case-a1", a2.name, "--lang", "en")
    #expect(local.code == 2)
    #expect(local.err.contains("local store belongs to one person"), "\(local.err)")
  }

  @Test(.enabled(if: TestRegister.isAvailable, "needs REDRESS_TEST_PG_URL (make test)"))
  func concurrentLogsAndImportsAllLand() throws {
    let box = try RegisterBox()
    let a1 = box.db.advocates[0]
    try box.writeCase("busy.yaml", id: "busy")
    #expect(try box.run(a1, "import", box.path("busy.yaml")).code == 0)
    #expect(try box.run(a1, "file", "busy", "--on", "2026-01-02").code == 0)
    let logs = try (0..<24).map { i in
      try box.start(a1, ["log", "busy", "--kind", "note", "--on", "2026-01-03", "--note", "n\(i)"])
    }
    for r in logs.map({ $0.finish() }) { #expect(r.code == 0, "\(r.err)") }
    let events = try TestRegister.psql(
      "SELECT count(*), count(DISTINCT note) FROM case_event WHERE case_id = 'busy'", database: box.db.name)
    #expect(events.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "24|24")

    for i in 0..<12 {
      try box.writeCase(
        "many\(i).yaml", id: "many-\(i)", evidence: ["evidence/f.txt": Data("file \(i)".utf8)])
    }
    let imports = try (0..<12).map { i in try box.start(a1, ["import", box.path("many\(i).yaml")]) }
    for r in imports.map({ $0.finish() }) { #expect(r.code == 0, "\(r.err)") }
    let ids = try box.listedIDs(a1)
    #expect(ids.filter { $0.hasPrefix("many-") }.count == 12)
    for i in 0..<12 { #expect(try box.run(a1, "verify", "many-\(i)").code == 0) }
  }

  @Test(.enabled(if: TestRegister.isAvailable, "needs REDRESS_TEST_PG_URL (make test)"))
  func killedImportsLeaveEveryListedCaseVerifying() throws {
    let box = try RegisterBox()
    let a1 = box.db.advocates[0]
    try FileManager.default.createDirectory(atPath: box.path("evidence"), withIntermediateDirectories: true)
    let video = box.path("evidence/video.mp4")
    // 200 MiB of varied bytes (not sparse zeros), written once.
    #expect(FileManager.default.createFile(atPath: video, contents: nil))
    let handle = try #require(FileHandle(forWritingAtPath: video))
    var block = Data(count: 1 << 20)
    for i in 0..<200 {
      block.withUnsafeMutableBytes { p in
        for j in stride(from: 0, to: p.count, by: 4096) { p[j] = UInt8(truncatingIfNeeded: i &+ j >> 12) }
      }
      handle.write(block)
    }
    try handle.close()
    var landed = 0
    for (i, delay) in [0.3, 1.0, 2.0].enumerated() {
      try box.writeCase("big\(i).yaml", id: "big-\(i)", evidenceFiles: ["evidence/video.mp4"])
      let running = try box.start(a1, ["import", box.path("big\(i).yaml")])
      Thread.sleep(forTimeInterval: delay)
      kill(running.process.processIdentifier, SIGKILL)
      _ = running.finish()
      let ids = try box.listedIDs(a1)
      for id in ids {
        let v = try box.run(a1, "verify", id)
        #expect(v.code == 0, "\(id) after a kill at \(delay) s: \(v.out) \(v.err)")
      }
      landed = ids.count
    }
    #expect(landed < 3)
    // Nothing half-written is left behind on the server.
    let orphans = try TestRegister.psql(
      "SELECT count(*) FROM blob_chunk c WHERE NOT EXISTS (SELECT 1 FROM evidence_blob b WHERE b.id = c.blob_id)",
      database: box.db.name)
    #expect(orphans.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
  }

  @Test(.enabled(if: TestRegister.isAvailable, "needs REDRESS_TEST_PG_URL (make test)"))
  func migrateThenVerifyAndAgainAddsNothing() throws {
    let box = try RegisterBox()
    let a1 = box.db.advocates[0]
    let local = box.path("local-store")
    try box.writeCase("m1.yaml", id: "m-1", evidence: ["evidence/a.txt": Data("aaa".utf8)])
    try box.writeCase("m2.yaml", id: "m-2", evidence: ["evidence/b.txt": Data("bbb".utf8)])
    let imported = try box.runLocal(local, "import", box.path("m1.yaml"), box.path("m2.yaml"))
    #expect(imported.code == 0, "\(imported.err)")
    #expect(
      try box.runLocal(local, "log", "m-1", "--kind", "note", "--on", "2026-01-02", "--note", "x").code == 0)

    let first = try box.runLocal(local, "store", "migrate", "--to", box.db.url(a1), env: a1.environment)
    #expect(first.code == 0, "\(first.out) \(first.err)")
    #expect(!first.err.contains("warning"), "\(first.err)")
    // The copy is analyzed by the migration itself (ANALYZE, not autovacuum's), so that the
    // next status is planned on the rows copied.
    let analyzed = try TestRegister.psql(
      "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'stored_case'",
      database: box.db.name)
    #expect(analyzed.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "t", "\(analyzed.stderr)")
    #expect(try box.listedIDs(a1) == ["m-1", "m-2"])
    for id in ["m-1", "m-2"] { #expect(try box.run(a1, "verify", id).code == 0) }
    let again = try box.runLocal(local, "store", "migrate", "--to", box.db.url(a1), env: a1.environment)
    #expect(again.code == 0, "\(again.err)")
    let counts = try TestRegister.psql(
      "SELECT (SELECT count(*) FROM stored_case), (SELECT count(*) FROM case_event), (SELECT count(*) FROM evidence_blob)",
      database: box.db.name)
    #expect(counts.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "2|1|2")

    // A different case under a taken id is refused by name.
    let other = try box.run(box.db.advocates[1], "import", box.path("m1.yaml"))
    #expect(other.code >= 2)
    #expect(other.err.contains("m-1"))
  }

  @Test(.enabled(if: TestRegister.isAvailable, "needs REDRESS_TEST_PG_URL (make test)"))
  func aPasswordIsNeverTakenFromTheURLNorShown() throws {
    let box = try RegisterBox()
    let a1 = box.db.advocates[0]
    let (host, port) = TestRegister.hostPort
    let withPassword = "postgres://\(a1.name):\(a1.password)@\(host):\(port)/\(box.db.name)"
    let r = try box.runRaw(["list", "--store", withPassword], env: [:])
    #expect(r.code >= 2)
    #expect(r.err.contains("PGPASSWORD"))
    #expect(!r.err.contains(a1.password) && !r.out.contains(a1.password))
    // A wrong password: refused, and the message never repeats it.
    let wrong = try box.runRaw(["list", "--store", box.db.url(a1)], env: ["PGPASSWORD": "not-it-123"])
    #expect(wrong.code >= 2)
    #expect(!wrong.err.contains("not-it-123"), "\(wrong.err)")
    // ~/.pgpass is used at 0600 and ignored (with a warning) when others may read it.
    let pgpass = box.path(".pgpass")
    try Data("\(host):\(port):\(box.db.name):\(a1.name):\(a1.password)\n".utf8).write(
      to: URL(fileURLWithPath: pgpass))
    chmod(pgpass, 0o644)
    let loose = try box.runRaw(["list", "--store", box.db.url(a1)], env: [:])
    #expect(loose.code >= 2)
    #expect(loose.err.contains("0600"), "\(loose.err)")
    chmod(pgpass, 0o600)
    let tight = try box.runRaw(["list", "--store", box.db.url(a1)], env: [:])
    #expect(tight.code == 0, "\(tight.err)")
    // sslmode=require against a server without TLS (one that answers the TLS request with
    // "no", as a server with ssl=off does): refused, never sent in the clear.
    let plain = try NoTLSServer()
    let tls = try box.runRaw(
      ["list", "--store", "postgres://\(a1.name)@127.0.0.1:\(plain.port)/\(box.db.name)?sslmode=require"],
      env: a1.environment)
    #expect(tls.code >= 2)
    #expect(tls.err.contains("TLS"), "\(tls.err)")
    #expect(plain.receivedAfterRefusal() == 0, "nothing was sent after the server refused TLS")
    // The same through REDRESS_STORE.
    let viaEnv = try box.runRaw(["list"], env: ["REDRESS_STORE": box.db.url(a1)])
    #expect(viaEnv.code == 0, "\(viaEnv.err)")
  }
}

/// A database of its own on the test server, `store init` run by its owner, two advocates
/// and a supervisor; runs the binary as one of them with a clean environment.
extension RegisterEndToEndTests {
  /// TLS as libpq does it, against a real certificate: the test server's is for the name
  /// `localhost` only and signed by an authority made for the run (`scripts/with-postgres`).
  /// verify-full checks the authority and the name, verify-ca the authority only, require
  /// neither unless a root certificate is named; a wrong authority or name is refused, with
  /// the reason and without the password.
  @Test(.enabled(if: TestRegister.isAvailable, "needs REDRESS_TEST_PG_URL (make test)"))
  func tlsModesAreHonouredAgainstARealCertificate() throws {
    let ca = try #require(TestRegister.certificateAuthority, "with-postgres sets REDRESS_TEST_PG_CA")
    let other = try #require(TestRegister.otherCertificateAuthority)
    let box = try RegisterBox()
    let advocate = box.db.advocates[0]
    try box.writeCase("a.yaml", id: "tls-case")
    #expect(try box.run(advocate, "import", box.path("a.yaml")).code == 0)
    let port = TestRegister.hostPort.port
    func list(_ host: String, _ query: String, env: [String: String] = [:]) throws -> (
      code: Int32, out: String, err: String
    ) {
      let url =
        "postgres://\(advocate.name)@\(host):\(port)/\(box.db.name)" + (query.isEmpty ? "" : "?" + query)
      return try box.runRaw(
        ["list", "--format", "json", "--store", url],
        env: advocate.environment.merging(env) { $1 })
    }
    func listed(_ r: (code: Int32, out: String, err: String)) -> Bool {
      r.code == 0 && r.out.contains("\"tls-case\"")
    }
    func refused(_ r: (code: Int32, out: String, err: String), _ what: String) {
      #expect(r.code >= 2, "\(what): \(r.out) \(r.err)")
      #expect(!r.err.isEmpty, "\(what) says why")
      #expect(!r.err.contains(advocate.password) && !r.out.contains(advocate.password))
    }

    // The authority and the certificate's name: connected.
    let full = try list("localhost", "sslmode=verify-full&sslrootcert=\(ca)")
    #expect(listed(full), "\(full.err)")
    // The same from libpq's variables.
    #expect(listed(try list("localhost", "", env: ["PGSSLMODE": "verify-full", "PGSSLROOTCERT": ca])))
    // The address where the certificate names localhost: the name does not match.
    refused(try list("127.0.0.1", "sslmode=verify-full&sslrootcert=\(ca)"), "verify-full, wrong name")
    // verify-ca checks the authority only.
    #expect(listed(try list("127.0.0.1", "sslmode=verify-ca&sslrootcert=\(ca)")))
    // Another authority: refused by both.
    refused(try list("localhost", "sslmode=verify-full&sslrootcert=\(other)"), "verify-full, other CA")
    refused(try list("127.0.0.1", "sslmode=verify-ca&sslrootcert=\(other)"), "verify-ca, other CA")
    // require encrypts without checking, unless a root certificate is named (libpq).
    #expect(listed(try list("127.0.0.1", "sslmode=require")))
    refused(try list("127.0.0.1", "sslmode=require&sslrootcert=\(other)"), "require with a root certificate")
    // verify-full with no root certificate anywhere says where to put one.
    let none = try list("localhost", "sslmode=verify-full")
    refused(none, "verify-full without a root certificate")
    #expect(none.err.contains("root.crt"), "\(none.err)")
  }
}

final class RegisterBox {
  let root: URL
  let db: TestRegister.Database

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redress-e2e-register-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    db = try TestRegister.makeDatabase()
    let roles = (db.advocates + [db.supervisor]).flatMap { ["--grant", $0.name] }
    let r = try runRaw(["store", "init", "--store", db.url(db.owner)] + roles, env: db.owner.environment)
    guard r.code == 0 else { throw TestRegister.SetupFailed(message: "store init: \(r.err)") }
    try TestRegister.makeSupervisor(db.supervisor)
  }
  deinit { try? FileManager.default.removeItem(at: root) }

  func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  /// A small case file with evidence written beside it.
  func writeCase(
    _ name: String, id: String, evidence: [String: Data] = [:], evidenceFiles: [String] = []
  ) throws {
    var text = "version: 1\nid: \(id)\ncomplainant:\n  name: 王小明\nrespondent:\n  name: 某某公司\n"
    let files = evidence.keys.sorted() + evidenceFiles
    if !files.isEmpty { text += "evidence:\n" }
    for (i, file) in files.enumerated() {
      if let data = evidence[file] {
        let url = root.appendingPathComponent(file)
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
      }
      text += "  - id: E\(i + 1)\n    kind: other\n    title: 材料\(i + 1)\n    file: \(file)\n"
    }
    try Data(text.utf8).write(to: root.appendingPathComponent(name))
  }

  func start(_ role: TestRegister.Role, _ args: [String]) throws -> StoreBox.Running {
    try startRaw(args + ["--store", db.url(role)], env: role.environment)
  }

  func startRaw(_ args: [String], env: [String: String]) throws -> StoreBox.Running {
    let p = Process()
    p.executableURL = ProcessRunner.redressBinary
    p.arguments = args
    p.currentDirectoryURL = root
    var environment = ["HOME": root.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "NO_COLOR": "1"]
    for (k, v) in env { environment[k] = v }
    p.environment = environment
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    return StoreBox.Running(process: p, out: out, err: err)
  }

  func run(_ role: TestRegister.Role, _ args: String...) throws -> (code: Int32, out: String, err: String) {
    try start(role, args).finish()
  }

  func runRaw(_ args: [String], env: [String: String]) throws -> (code: Int32, out: String, err: String) {
    try startRaw(args, env: env).finish()
  }

  /// Runs against a local store folder.
  func runLocal(_ store: String, _ args: String..., env: [String: String] = [:]) throws -> (
    code: Int32, out: String, err: String
  ) {
    try startRaw(args + ["--store", store], env: env).finish()
  }

  func listedIDs(_ role: TestRegister.Role) throws -> [String] {
    let r = try run(role, "list", "--format", "json")
    #expect(r.code == 0, "\(r.err)")
    let list = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
    return list.compactMap { $0["case"] as? String }
  }
}

/// A server on 127.0.0.1 that answers a PostgreSQL TLS request (SSLRequest) with "N", as a
/// server without TLS does, then counts what the client sends after that.
final class NoTLSServer: @unchecked Sendable {
  let port: Int
  private let listener: Int32
  private let done = DispatchSemaphore(value: 0)
  private var after = -1

  init() throws {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var size = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) }
    }
    guard fd >= 0, bound == 0, listen(fd, 1) == 0 else {
      throw TestRegister.SetupFailed(message: "cannot listen on 127.0.0.1")
    }
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &size) }
    }
    listener = fd
    port = Int(UInt16(bigEndian: address.sin_port))
    Thread.detachNewThread { [self] in
      let client = accept(fd, nil, nil)
      defer {
        if client >= 0 { close(client) }
        done.signal()
      }
      guard client >= 0 else { return }
      var request = [UInt8](repeating: 0, count: 8)
      guard recv(client, &request, 8, Int32(MSG_WAITALL)) == 8 else { return }
      // Length 8, then the SSLRequest code 80877103.
      guard request == [0, 0, 0, 8, 0x04, 0xD2, 0x16, 0x2F] else { return }
      _ = send(client, [UInt8(ascii: "N")], 1, 0)
      var timeout = timeval(tv_sec: 2, tv_usec: 0)
      setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
      var buffer = [UInt8](repeating: 0, count: 4096)
      var total = 0
      while true {
        let n = recv(client, &buffer, buffer.count, 0)
        if n <= 0 { break }
        total += n
      }
      after = total
    }
  }

  /// How many bytes the client sent after the refusal (-1: no TLS request came).
  func receivedAfterRefusal() -> Int {
    _ = done.wait(timeout: .now() + 10)
    return after
  }

  deinit { close(listener) }
}
