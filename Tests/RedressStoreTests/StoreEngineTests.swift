import Foundation
import RedressCore
import RedressFiles
import RedressTestSupport
import Testing

@testable import RedressStore

/// The store's behaviour through `CaseStoring`, one suite run on both engines: the local
/// SQLite store, and a PostgreSQL register on the test server (`make test` starts one and sets
/// `REDRESS_TEST_PG_URL`; without it only the local engine runs, and
/// `RegisterEndToEndTests.registerIsConfigured` says so, or fails under CI=true).
@Suite struct StoreEngineTests {
  enum Engine: String, CustomTestStringConvertible, Sendable {
    case sqlite, postgres
    var testDescription: String { rawValue }
    static var available: [Engine] { TestRegister.isAvailable ? [.sqlite, .postgres] : [.sqlite] }
  }

  /// A fresh store of one engine; `another()` opens a second handle (connection) on it.
  final class Fixture {
    let engine: Engine
    let folder: TempFolder
    let database: TestRegister.Database?
    let store: any CaseStoring

    init(_ engine: Engine) throws {
      self.engine = engine
      folder = try TempFolder()
      if engine == .postgres {
        let db = try TestRegister.makeDatabase()
        database = db
        _ = try PostgresCaseStore.initialize(
          try PostgresSettings(url: db.url(db.owner), environment: db.owner.environment),
          grant: db.advocates.map(\.name) + [db.supervisor.name])
      } else {
        database = nil
      }
      store = try Self.open(engine, folder, database, role: database?.advocates[0])
    }

    static func open(
      _ engine: Engine, _ folder: TempFolder, _ db: TestRegister.Database?, role: TestRegister.Role?
    )
      throws -> any CaseStoring
    {
      switch engine {
      case .sqlite:
        return try #require(try CaseStore.open(at: folder.path("store"), create: true))
      case .postgres:
        let db = try #require(db)
        let role = try #require(role)
        var env = role.environment
        env["HOME"] = folder.url.path
        return try PostgresCaseStore.open(
          try PostgresSettings(url: db.url(role), environment: env), workFolder: folder.path("work"))
      }
    }

    func another() throws -> any CaseStoring {
      try Self.open(engine, folder, database, role: database?.advocates[0])
    }

    /// Changes one byte of the stored copy of `blob` behind the store's back.
    func damage(_ blob: StoredBlob) throws {
      switch engine {
      case .sqlite:
        let url = (store as! CaseStore).blobs.url(for: blob)
        var data = try Data(contentsOf: url)
        data[0] ^= 0x01
        chmod(url.path, 0o600)
        try data.write(to: url)
      case .postgres:
        let db = try #require(database)
        let r = try TestRegister.psql(
          """
          UPDATE blob_chunk SET data = set_byte(data, 0, get_byte(data, 0) # 1)
          WHERE n = 0 AND blob_id IN (SELECT id FROM evidence_blob WHERE sha256 = '\(blob.sha256.hex)')
          """, database: db.name)
        #expect(r.exitCode == 0, "\(r.stderr)")
      }
    }
  }

  @Test(arguments: Engine.available) func importFetchLoadRoundTrip(_ engine: Engine) throws {
    let f = try Fixture(engine)
    let loaded = try sampleCase(
      id: "washer-2026", in: f.folder, evidence: ["evidence/a.txt": "发票", "evidence/b.txt": "照片"])
    let outcome = try f.store.importCase(loaded, replace: false)
    #expect(outcome.id == "washer-2026")
    #expect(outcome.evidenceFiles == 2)
    let stored = try #require(try f.store.fetch("washer-2026"))
    #expect(stored.caseFile.complainant?.name == "王小明")
    #expect(stored.evidence.map(\.file) == ["evidence/a.txt", "evidence/b.txt"])
    #expect(stored.evidence[0].blob.sha256 == SHA256Stream.digest(Data("发票".utf8)))
    let again = try #require(try f.store.load("washer-2026"))
    let url = try #require(again.storedEvidence?["evidence/b.txt"])
    #expect(try Data(contentsOf: url) == Data("照片".utf8))
    #expect(try f.store.summaries().map(\.id) == ["washer-2026"])
    #expect(try f.store.verify("washer-2026").allSatisfy { $0.problem == nil })
  }

  @Test(arguments: Engine.available) func aTakenIDIsRefusedUnlessReplacing(_ engine: Engine) throws {
    let f = try Fixture(engine)
    let loaded = try sampleCase(id: "dup", in: f.folder, evidence: ["evidence/a.txt": "x"])
    _ = try f.store.importCase(loaded, replace: false)
    #expect(throws: StoreError.self) { try f.store.importCase(loaded, replace: false) }
    do {
      _ = try f.store.importCase(loaded, replace: false)
    } catch let e as StoreError {
      #expect(e.kind == .duplicateID)
      #expect(e.message.contains("dup"))
    }
    #expect(try f.store.importCase(loaded, replace: true).replaced)
    #expect(try f.store.summaries().count == 1)
  }

  @Test(arguments: Engine.available) func idsAreAssignedPerDay(_ engine: Engine) throws {
    let f = try Fixture(engine)
    var c = CaseFile()
    c.respondent = Respondent()
    let first = try f.store.save(c, draft: true)
    let second = try f.store.save(c, draft: true)
    #expect(first.hasPrefix("case-") && first.hasSuffix("-1"))
    #expect(second.hasSuffix("-2"))
  }

  @Test(arguments: Engine.available) func concurrentUpdatesLoseNoEvent(_ engine: Engine) throws {
    let f = try Fixture(engine)
    let loaded = try sampleCase(id: "busy", in: f.folder)
    _ = try f.store.importCase(loaded, replace: false)
    let stores = try (0..<8).map { _ in try f.another() }
    DispatchQueue.concurrentPerform(iterations: 24) { i in
      let store = stores[i % stores.count]
      do {
        try store.update("busy") { c in
          var filing = c.filing ?? Filing()
          var e = FilingEvent()
          e.date = EventDate(date: CalendarDate(iso: "2026-01-03")!)
          e.kind = .note
          e.note = "n\(i)"
          filing.events.append(e)
          c.filing = filing
        }
      } catch {
        Issue.record("update \(i): \(error)")
      }
    }
    let stored = try #require(try f.store.fetch("busy"))
    #expect(stored.caseFile.filing?.events.count == 24)
    #expect(Set(stored.caseFile.filing?.events.compactMap(\.note) ?? []).count == 24)
  }

  @Test(arguments: Engine.available) func aStaleSaveIsRefusedWithWhoAndWhen(_ engine: Engine) throws {
    let f = try Fixture(engine)
    _ = try f.store.importCase(try sampleCase(id: "edit", in: f.folder), replace: false)
    let mine = try #require(try f.store.fetch("edit"))
    let other = try f.another()
    Thread.sleep(forTimeInterval: 0.01)
    try other.update("edit") { c in c.respondent?.name = "改过的名字" }
    var c = mine.caseFile
    c.complainant?.name = "我的修改"
    do {
      try f.store.save(c, draft: false, expectedVersion: mine.version)
      Issue.record("a save over a newer version was not refused")
    } catch let e as StoreError {
      #expect(e.kind == .conflict)
      #expect(e.message.contains("edit"))
      if engine == .postgres { #expect(e.message.contains(f.database!.advocates[0].name)) }
    }
    // Nothing of the other's change was lost.
    #expect(try f.store.fetch("edit")?.caseFile.respondent?.name == "改过的名字")
    // With the current version the save goes through.
    try f.store.save(c, draft: false, expectedVersion: try f.store.version(of: "edit"))
    #expect(try f.store.fetch("edit")?.caseFile.complainant?.name == "我的修改")
  }

  @Test(arguments: Engine.available) func verifyFindsAChangedByte(_ engine: Engine) throws {
    let f = try Fixture(engine)
    _ = try f.store.importCase(
      try sampleCase(id: "v", in: f.folder, evidence: ["evidence/a.txt": "abcdef"]), replace: false)
    let blob = try #require(try f.store.fetch("v")?.evidence.first?.blob)
    try f.damage(blob)
    let checks = try f.store.verify("v")
    #expect(checks.map(\.problem) == [.changed])
  }

  @Test(arguments: Engine.available) func digestsAreKeptUntilTheCaseChanges(_ engine: Engine) throws {
    let f = try Fixture(engine)
    _ = try f.store.importCase(try sampleCase(id: "d1", in: f.folder), replace: false)
    _ = try f.store.importCase(try sampleCase(id: "d2", in: f.folder, caseName: "two.yaml"), replace: false)
    let rows = try f.store.trackingRows()
    #expect(rows.map(\.id) == ["d1", "d2"])
    let digest = ClockDigest(stage: .ready, due: nil, dueClockID: nil, answered: false, yearsWithoutData: [])
    try f.store.keepDigests(rows.map { ($0, "cn", digest) }, legalKey: "k1")
    let kept = try f.store.currentDigests(legalKey: "k1", clocks: true)
    #expect(kept.caseCount == 2)
    #expect(kept.rows.map(\.id) == ["d1", "d2"])
    #expect(try f.store.currentDigests(legalKey: "k2", clocks: true).rows.isEmpty)
    try f.store.update("d1") { c in c.respondent?.name = "新名字" }
    #expect(try f.store.currentDigests(legalKey: "k1", clocks: true).rows.map(\.id) == ["d2"])
  }

  /// A digest is kept only for the case as it was read: one saved (or deleted) between the
  /// reading and the keeping gets none, on either engine.
  @Test(arguments: Engine.available) func aCaseSavedAfterItWasReadGetsNoDigest(_ engine: Engine) throws {
    let f = try Fixture(engine)
    for (id, name) in [("s1", "one.yaml"), ("s2", "two.yaml"), ("s3", "three.yaml")] {
      _ = try f.store.importCase(try sampleCase(id: id, in: f.folder, caseName: name), replace: false)
    }
    let read = try f.store.trackingRows()
    try f.store.update("s2") { c in c.respondent?.name = "新名字" }
    try f.store.delete("s3")
    let digest = ClockDigest(stage: .ready, due: nil, dueClockID: nil, answered: false, yearsWithoutData: [])
    try f.store.keepDigests(read.map { ($0, "cn", digest) }, legalKey: "k1")
    let kept = try f.store.currentDigests(legalKey: "k1", clocks: false)
    #expect(kept.rows.map(\.id) == ["s1"])
    #expect(kept.caseCount == 2)
  }

  @Test(arguments: Engine.available) func manyConcurrentImportsAllLand(_ engine: Engine) throws {
    let f = try Fixture(engine)
    let cases = try (0..<12).map { i in
      try sampleCase(
        id: "many-\(i)", in: f.folder, evidence: ["evidence/f\(i).txt": "file \(i)"], caseName: "c\(i).yaml")
    }
    let stores = try (0..<12).map { _ in try f.another() }
    DispatchQueue.concurrentPerform(iterations: 12) { i in
      do {
        _ = try stores[i].importCase(cases[i], replace: false)
      } catch {
        Issue.record("import \(i): \(error)")
      }
    }
    #expect(try f.store.summaries().count == 12)
    for i in 0..<12 { #expect(try f.store.verify("many-\(i)").allSatisfy { $0.problem == nil }) }
  }
}
