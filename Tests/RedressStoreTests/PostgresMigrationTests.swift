import Foundation
import RedressCore
import RedressTestSupport
import Testing

@testable import RedressStore

/// `store init` on a register of an older schema: migration v3 fills in every case's region
/// and settlement from its YAML, whoever owns the case, without making it a new version or
/// naming the owner as its writer, and leaves row-level security and the writers' trigger on.
@Suite struct PostgresMigrationTests {
  @Test(.enabled(if: TestRegister.isAvailable, "needs REDRESS_TEST_PG_URL (make test)"))
  func migrationThreeFillsInRegionAndSettlementOfEveryCase() throws {
    let db = try TestRegister.makeDatabase(advocates: 1)
    let a1 = db.advocates[0]
    let owner = try PostgresSettings(url: db.url(db.owner), environment: db.owner.environment)
    let old = try PostgresSchema.initialize(try PostgresSession.connect(owner), grant: [a1.name], upTo: 2)
    #expect(old.applied.count == 2)

    // A case as redress at schema 2 stored it, written by the advocate (not visible to the owner).
    var c = CaseFile()
    c.id = "zj-1"
    c.region = "330106"
    c.negotiation = Negotiation()
    c.negotiation?.settlement = Settlement()
    c.negotiation?.settlement?.reached = true
    let yaml = CaseFileWriter.yaml(for: c)
    let insert = try TestRegister.psql(
      """
      INSERT INTO stored_case (id, is_draft, stage, evidence_count, created_at, updated_at, yaml)
      VALUES ('zj-1', false, 'ready', 0, 1, 1, $yaml$\(yaml)$yaml$);
      INSERT INTO stored_case (id, is_draft, stage, evidence_count, created_at, updated_at, yaml)
      VALUES ('plain', false, 'ready', 0, 1, 1, 'version: 1' || chr(10) || 'id: plain' || chr(10))
      """, database: db.name, role: a1)
    #expect(insert.exitCode == 0, "\(insert.stderr)")

    let now = try PostgresCaseStore.initialize(owner, grant: [a1.name])
    #expect(now.applied.count == PostgresSchema.latest - 2)
    let rows = try TestRegister.psql(
      "SELECT id, coalesce(region, '-'), settled, version, written_by FROM stored_case ORDER BY id",
      database: db.name)
    #expect(
      rows.stdout.split(separator: "\n") == ["plain|-|f|1|\(a1.name)", "zj-1|330106|t|1|\(a1.name)"],
      "\(rows.stdout) \(rows.stderr)")
    let guards = try TestRegister.psql(
      """
      SELECT relforcerowsecurity, (SELECT tgenabled FROM pg_trigger WHERE tgname = 'stored_case_written')
      FROM pg_class WHERE relname = 'stored_case'
      """, database: db.name)
    #expect(guards.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "t|O")

    // The advocate's status now counts the region clocks and the settlement.
    var env = a1.environment
    env["HOME"] = FileManager.default.temporaryDirectory.path
    let store = try PostgresCaseStore.open(try PostgresSettings(url: db.url(a1), environment: env))
    let row = try #require(try store.trackingRows().first { $0.id == "zj-1" })
    #expect(row.region == "330106")
    #expect(row.settled)
  }
}
