import Foundation
import RedressCore
import RedressTestSupport
import Testing

@testable import RedressStore

/// The register's statistics after bulk writes: right after `store migrate` fills the tables,
/// or a `status` keeps the digests of many cases at once, the server's planner would otherwise
/// see empty or old tables until autovacuum comes by (a nested loop over every digest instead
/// of a merge join), and only the tables' owner may run ANALYZE.
@Suite struct PostgresStatisticsTests {
  /// Migration v4: `redress_analyze()`, which runs ANALYZE as the tables' owner, may be
  /// called by every role granted before it (and by those `store init --grant` names after),
  /// and by no one else.
  @Test(.enabled(if: TestRegister.isAvailable, "needs REDRESS_TEST_PG_URL (make test)"))
  func migrationFourLetsGrantedRolesRefreshStatisticsAndNoOneElse() throws {
    let db = try TestRegister.makeDatabase(advocates: 3)
    let (a1, a2, a3) = (db.advocates[0], db.advocates[1], db.advocates[2])
    let owner = try PostgresSettings(url: db.url(db.owner), environment: db.owner.environment)
    _ = try PostgresSchema.initialize(try PostgresSession.connect(owner), grant: [a1.name], upTo: 3)
    let insert = try TestRegister.psql(
      """
      INSERT INTO stored_case (id, is_draft, stage, evidence_count, created_at, updated_at, yaml)
      SELECT 'c-' || g, false, 'ready', 0, 1, 1, 'version: 1' FROM generate_series(1, 20) g
      """, database: db.name, role: a1)
    #expect(insert.exitCode == 0, "\(insert.stderr)")

    // The owner migrates to the latest schema, naming a3 only: a1 was granted before.
    _ = try PostgresCaseStore.initialize(owner, grant: [a3.name])
    func analyzed() throws -> String {
      try TestRegister.psql(
        "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'stored_case'",
        database: db.name
      ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    #expect(try analyzed() == "f")
    var env = a1.environment
    env["HOME"] = FileManager.default.temporaryDirectory.path
    let store = try PostgresCaseStore.open(try PostgresSettings(url: db.url(a1), environment: env))
    try store.refreshStatistics()
    #expect(try analyzed() == "t")
    // The statistics (most common values, histograms of the columns: names among them) are
    // no window into another advocate's cases: pg_stats shows none of a table under row-level
    // security to a role its policies apply to.
    func statistics(_ role: TestRegister.Role?) throws -> Int {
      Int(
        try TestRegister.psql(
          "SELECT count(*) FROM pg_stats WHERE tablename = 'stored_case'", database: db.name, role: role
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }
    #expect(try statistics(nil) > 0)
    #expect(try statistics(a1) == 0)
    #expect(try TestRegister.psql("SELECT redress_analyze()", database: db.name, role: a3).exitCode == 0)

    // A role that may connect but was never granted anything is refused.
    let other = try TestRegister.psql("SELECT redress_analyze()", database: db.name, role: a2)
    #expect(other.exitCode != 0)
    #expect(other.stderr.contains("permission denied"), "\(other.stderr)")
  }

  /// Keeping the digests of `PostgresCaseStore.bulkDigests` cases or more at once refreshes the
  /// statistics (as the advocate, through `redress_analyze()`); fewer leave them to autovacuum.
  @Test(.enabled(if: TestRegister.isAvailable, "needs REDRESS_TEST_PG_URL (make test)"))
  func keepingTheDigestsOfManyCasesRefreshesTheStatistics() throws {
    let db = try TestRegister.makeDatabase(advocates: 1)
    let a1 = db.advocates[0]
    let owner = try PostgresSettings(url: db.url(db.owner), environment: db.owner.environment)
    _ = try PostgresCaseStore.initialize(owner, grant: [a1.name])
    let many = PostgresCaseStore.bulkDigests
    let insert = try TestRegister.psql(
      """
      INSERT INTO stored_case (id, is_draft, stage, evidence_count, created_at, updated_at, yaml)
      SELECT 'c-' || lpad(g::text, 4, '0'), false, 'ready', 0, 1, 1, 'version: 1'
      FROM generate_series(1, \(many + 10)) g
      """, database: db.name, role: a1)
    #expect(insert.exitCode == 0, "\(insert.stderr)")
    var env = a1.environment
    env["HOME"] = FileManager.default.temporaryDirectory.path
    let store = try PostgresCaseStore.open(try PostgresSettings(url: db.url(a1), environment: env))
    let rows = try store.trackingRows()
    #expect(rows.count == many + 10)
    func digests(_ rows: ArraySlice<TrackingRow>) -> [(
      row: TrackingRow, jurisdiction: String, digest: ClockDigest
    )] {
      rows.map {
        (
          $0, "cn",
          ClockDigest(stage: .ready, due: nil, dueClockID: nil, answered: false, yearsWithoutData: [])
        )
      }
    }
    func analyzed() throws -> String {
      try TestRegister.psql(
        "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'case_clock_digest'",
        database: db.name
      ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // A case given twice keeps one digest (one statement may not update a row twice).
    try store.keepDigests(digests(rows.prefix(10)) + digests(rows.prefix(3)), legalKey: "k")
    #expect(try analyzed() == "f")
    #expect(try store.currentDigests(legalKey: "k", clocks: false).rows.count == 10)
    try store.keepDigests(digests(rows.dropFirst(10)), legalKey: "k")
    #expect(try analyzed() == "t")
    #expect(try store.currentDigests(legalKey: "k", clocks: false).rows.count == many + 10)
  }
}
