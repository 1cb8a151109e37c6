import Foundation
import GRDB
import RedressCore
import RedressTestSupport
import Testing

@testable import RedressStore

/// The clock digests the store keeps for `status`: kept against a key of the legal data,
/// dropped when their case is saved or deleted, never kept for a case that changed after it
/// was read, and all dropped when the key changes.
@Suite struct ClockDigestStoreTests {
  /// A store whose clock moves one second at each reading, so that every save has its own time.
  static func store(in dir: TempFolder) throws -> CaseStore {
    final class Ticks: @unchecked Sendable {
      let lock = NSLock()
      var now = Date(timeIntervalSince1970: 1_790_000_000)
      func next() -> Date {
        lock.lock()
        defer { lock.unlock() }
        now += 1
        return now
      }
    }
    let ticks = Ticks()
    return try #require(try CaseStore.open(at: dir.path("store"), create: true, clock: { ticks.next() }))
  }

  static func caseFile(_ id: String, respondent: String = "某某电器销售有限公司", filed: String? = nil) -> CaseFile {
    var c = CaseFile()
    c.id = id
    c.respondent = Respondent()
    c.respondent?.name = respondent
    if let filed {
      var f = Filing()
      f.filedOn = CalendarDate(iso: filed)
      c.filing = f
    }
    return c
  }

  static let waiting = ClockDigest(
    stage: .filed, due: CalendarDate(iso: "2026-10-26"), dueClockID: "cn.cca.response-window",
    answered: false,
    yearsWithoutData: [])
  static let estimated = ClockDigest(
    stage: .accepted, due: CalendarDate(iso: "2027-01-04"), dueClockID: "cn.samr.mediation", answered: true,
    yearsWithoutData: [2027, 2028])

  /// Keeps `digest` for every stored case, as read now.
  static func keepAll(_ store: CaseStore, key: String, _ digest: (String) -> ClockDigest) throws {
    try store.keepDigests(store.trackingRows().map { ($0, "cn", digest($0.id)) }, legalKey: key)
  }

  @Test func keptDigestsReadBackInIDOrderWithTheirNames() throws {
    let dir = try TempFolder()
    let store = try Self.store(in: dir)
    try store.save(Self.caseFile("b-case", respondent: "乙公司", filed: "2026-10-10"), draft: false)
    try store.save(Self.caseFile("a-case", respondent: "Acme Ltd"), draft: false)

    let none = try store.clockDigests()
    #expect(none.legalKey == nil)
    #expect(none.caseCount == 2)
    #expect(none.rows.isEmpty)

    try Self.keepAll(store, key: "k1") { $0 == "a-case" ? Self.estimated : Self.waiting }
    let kept = try store.clockDigests()
    #expect(kept.legalKey == "k1")
    #expect(kept.caseCount == 2)
    #expect(kept.rows.map(\.id) == ["a-case", "b-case"])
    #expect(kept.rows.map(\.respondentName) == ["Acme Ltd", "乙公司"])
    #expect(kept.rows.map(\.jurisdiction) == ["cn", "cn"])
    #expect(kept.rows.map(\.digest) == [Self.estimated, Self.waiting])
  }

  @Test func savingOrDeletingACaseDropsItsDigest() throws {
    let dir = try TempFolder()
    let store = try Self.store(in: dir)
    for id in ["one", "two", "three"] { try store.save(Self.caseFile(id), draft: false) }
    try Self.keepAll(store, key: "k1") { _ in Self.waiting }
    #expect(try store.clockDigests().rows.count == 3)

    try store.save(Self.caseFile("one", filed: "2026-11-01"), draft: false, mode: .replace)
    _ = try store.update("two") { $0.respondent?.name = "改名公司" }
    try store.delete("three")
    let after = try store.clockDigests()
    #expect(after.caseCount == 2)
    #expect(after.rows.isEmpty)
  }

  @Test func aCaseSavedAfterItWasReadGetsNoDigest() throws {
    let dir = try TempFolder()
    let store = try Self.store(in: dir)
    try store.save(Self.caseFile("early"), draft: false)
    try store.save(Self.caseFile("late"), draft: false)
    let read = try store.trackingRows()
    // Saved again (and one deleted) between counting and keeping.
    try store.save(Self.caseFile("late", filed: "2026-11-02"), draft: false)
    try store.save(Self.caseFile("gone"), draft: false)
    let gone = try #require(try store.trackingRows().first { $0.id == "gone" })
    try store.delete("gone")

    try store.keepDigests((read + [gone]).map { ($0, "cn", Self.waiting) }, legalKey: "k1")
    let kept = try store.clockDigests()
    #expect(kept.rows.map(\.id) == ["early"])
    #expect(kept.caseCount == 2)
  }

  @Test func anotherKeyDropsEveryDigestCountedOnTheOldOne() throws {
    let dir = try TempFolder()
    let store = try Self.store(in: dir)
    for id in ["x", "y"] { try store.save(Self.caseFile(id), draft: false) }
    try Self.keepAll(store, key: "old") { _ in Self.waiting }
    let x = try #require(try store.trackingRows().first { $0.id == "x" })
    try store.keepDigests([(x, "cn", Self.estimated)], legalKey: "new")
    let kept = try store.clockDigests()
    #expect(kept.legalKey == "new")
    #expect(kept.rows.map(\.id) == ["x"])
    #expect(kept.rows.first?.digest == Self.estimated)
  }

  @Test func aStoreOfTheFirstSchemaGainsTheDigestTableAndKeepsItsCases() throws {
    let dir = try TempFolder()
    let folder = dir.path("store")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    // A store as the first release left it: schema v1 and one case.
    do {
      let queue = try DatabaseQueue(path: folder.appendingPathComponent(CaseStore.databaseName).path)
      try StoreSchema.migrator.migrate(queue, upTo: "v1: cases, events, evidence")
      try queue.write { db in
        try db.execute(
          sql: """
            INSERT INTO stored_case (id, is_draft, stage, respondent_name, evidence_count, created_at, updated_at)
            VALUES ('old-case', 0, 'ready', '旧公司', 0, 1, 1)
            """)
        try db.execute(
          sql: "INSERT INTO case_document (case_id, yaml) VALUES ('old-case', 'version: 1\nid: old-case\n')")
      }
    }
    let store = try #require(try CaseStore.open(at: folder, create: false))
    let none = try store.clockDigests()
    #expect(none.legalKey == nil)
    #expect(none.caseCount == 1)
    try Self.keepAll(store, key: "k1") { _ in Self.waiting }
    #expect(try store.clockDigests().rows.map(\.respondentName) == ["旧公司"])
  }
}
