import Foundation
import GRDB
import RedressCore
import RedressFiles
import RedressTestSupport
import Testing

@testable import RedressStore

@Suite struct CaseStoreTests {
  @Test func migrationsAreIdempotent() throws {
    let dir = try TempFolder()
    let storeURL = dir.path("store")
    for _ in 0..<3 {
      let store = try #require(try CaseStore.open(at: storeURL, create: true))
      let applied = try store.queue.read { db in
        try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
      }
      #expect(
        applied == [
          "v1: cases, events, evidence", "v2: clock digests", "v3: region, settlement, how a case ended",
          "v4: every clock in the digest",
        ])
      #expect(try store.queue.read(StoreSchema.migrator.hasCompletedMigrations))
      let mode = try store.queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
      #expect(mode == "wal")
    }
  }

  @Test func openWithoutCreateLeavesNothing() throws {
    let dir = try TempFolder()
    #expect(try CaseStore.open(at: dir.path("none"), create: false) == nil)
    #expect(!FileManager.default.fileExists(atPath: dir.path("none").path))
  }

  @Test func foldersAre0700AndFiles0600() throws {
    let dir = try TempFolder()
    let storeURL = dir.path("a/b/store")
    let store = try #require(try CaseStore.open(at: storeURL, create: true))
    let source = try TempFolder()
    let loaded = try sampleCase(id: "perm", in: source, evidence: ["evidence/a.jpg": "A"])
    _ = try store.importCase(loaded, replace: false)
    // The store is open, so the WAL and shared-memory files exist now.
    for folder in ["a", "a/b", "a/b/store", "a/b/store/evidence", "a/b/store/evidence/tmp"] {
      #expect(mode(dir.path(folder).path) == 0o700, "\(folder)")
    }
    let blob = try #require(try store.fetch("perm")?.evidence.first?.blob)
    #expect(mode(store.blobs.url(for: blob).deletingLastPathComponent().path) == 0o700)
    for file in ["redress.sqlite", "redress.sqlite-wal", "redress.sqlite-shm", "redress.lock"] {
      let path = storeURL.appendingPathComponent(file).path
      #expect(FileManager.default.fileExists(atPath: path), "\(file)")
      #expect(mode(path) == 0o600, "\(file)")
    }
    #expect(mode(store.blobs.url(for: blob).path) == 0o600)
  }

  @Test func importFetchRoundTrip() throws {
    let dir = try TempFolder()
    let store = try #require(try CaseStore.open(at: dir.path("store"), create: true))
    let source = try TempFolder()
    let loaded = try sampleCase(
      id: "round", in: source, evidence: ["evidence/a.jpg": "first", "evidence/b.txt": "second"])
    let outcome = try store.importCase(loaded, replace: false)
    #expect(
      outcome == .init(id: "round", evidenceFiles: 2, evidenceBytes: 11, replaced: false, isDraft: false))
    let stored = try #require(try store.fetch("round"))
    #expect(stored.caseFile == loaded.caseFile)
    #expect(stored.yaml == CaseFileWriter.yaml(for: loaded.caseFile))
    #expect(stored.evidence.map(\.file) == ["evidence/a.jpg", "evidence/b.txt"])
    let reloaded = try #require(try store.load("round"))
    #expect(try Data(contentsOf: reloaded.evidenceURL(for: "evidence/b.txt")) == Data("second".utf8))
    #expect(reloaded.evidenceProblem("evidence/a.jpg") == nil)
    #expect(reloaded.evidenceProblem("evidence/zzz.jpg") != nil)
  }

  @Test func washerExampleRoundTrips() throws {
    let dir = try TempFolder()
    let store = try #require(try CaseStore.open(at: dir.path("store"), create: true))
    let washer = try LoadedCase.load(contentsOf: Fixtures.washerCase)
    _ = try store.importCase(washer, replace: false)
    let stored = try #require(try store.fetch("washer-2026"))
    #expect(stored.caseFile == washer.caseFile)
    let summary = try #require(try store.summaries().first)
    #expect(summary.stage == .answered)
    #expect(summary.caseFile.respondent?.name == "某某电器销售有限公司")
    #expect(summary.caseFile.complainant?.name == "王小明")
    #expect(summary.caseFile.filing == washer.caseFile.filing)
    #expect(summary.caseFile.venue == .consumerAssociation)
    #expect(summary.caseFile.purchase?.date == CalendarDate(iso: "2026-10-01"))
    #expect(summary.evidenceCount == 2)
  }

  @Test func duplicateIDIsAnErrorUnlessReplacing() throws {
    let dir = try TempFolder()
    let store = try #require(try CaseStore.open(at: dir.path("store"), create: true))
    let source = try TempFolder()
    let first = try sampleCase(id: "dup", in: source, evidence: ["evidence/a.jpg": "one"])
    _ = try store.importCase(first, replace: false)
    let error = #expect(throws: StoreError.self) { try store.importCase(first, replace: false) }
    #expect(error?.kind == .duplicateID)
    #expect(error?.message.contains("--replace") == true)

    var changed = first
    changed.caseFile.complainant?.name = "李四"
    changed.caseFile.evidence = []
    let outcome = try store.importCase(changed, replace: true)
    #expect(outcome.replaced)
    let stored = try #require(try store.fetch("dup"))
    #expect(stored.caseFile.complainant?.name == "李四")
    #expect(stored.evidence.isEmpty)
  }

  @Test func assignsIDsPerDay() throws {
    let dir = try TempFolder()
    // 2026-11-22 12:00 UTC is the same day in every time zone from UTC-11 to UTC+11.
    let noon = Date(timeIntervalSince1970: 1_795_348_800)
    let store = try #require(try CaseStore.open(at: dir.path("store"), create: true, clock: { noon }))
    var c = CaseFile()
    c.complainant = Complainant()
    let a = try store.saveDraft(c)
    let b = try store.saveDraft(c)
    #expect(a == "case-20261122-1")
    #expect(b == "case-20261122-2")
    #expect(CaseID.isValid(a))
    #expect(try store.fetch(a)?.caseFile.id == a)
    try store.delete(a)
    #expect(try store.saveDraft(c) == "case-20261122-1")
  }

  @Test func draftsAreSavedAndUpdatedInPlace() throws {
    let dir = try TempFolder()
    let store = try #require(try CaseStore.open(at: dir.path("store"), create: true))
    var c = CaseFile()
    c.id = "draft-1"
    var person = Complainant()
    person.name = "王"
    c.complainant = person
    try store.saveDraft(c)
    let first = try #require(try store.fetch("draft-1"))
    #expect(first.isDraft)
    #expect(try store.summaries().first?.stage == .draft)

    // An evidence file added to the draft stays mapped through later saves.
    let source = try TempFolder()
    try source.write("photo.jpg", Data("jpeg".utf8))
    let attachment = try store.ingest(try EvidenceSource.open(path: source.path("photo.jpg").path))
    var e = Evidence()
    e.id = "E1"
    e.file = "evidence/photo.jpg"
    c.evidence = [e]
    try store.saveDraft(c, evidence: ["evidence/photo.jpg": attachment])
    c.complainant?.phone = "13800138000"
    try store.saveDraft(c)
    let later = try #require(try store.fetch("draft-1"))
    #expect(later.caseFile.complainant?.phone == "13800138000")
    #expect(later.evidence.map(\.file) == ["evidence/photo.jpg"])
    #expect(later.evidence.first?.originalName == "photo.jpg")
    #expect(later.createdAt == first.createdAt)

    // Removing the item from the case drops the mapping.
    c.evidence = []
    try store.saveDraft(c)
    #expect(try store.fetch("draft-1")?.evidence.isEmpty == true)

    try store.save(c, draft: false)
    #expect(try store.fetch("draft-1")?.isDraft == false)
    #expect(try store.summaries().first?.stage == .ready)
  }

  @Test func updateEditsOneCaseInOneTransaction() throws {
    let dir = try TempFolder()
    let store = try #require(try CaseStore.open(at: dir.path("store"), create: true))
    let washer = try LoadedCase.load(contentsOf: Fixtures.washerCase)
    _ = try store.importCase(washer, replace: false)
    try store.update("washer-2026") { c in
      var event = FilingEvent()
      event.date = EventDate(date: CalendarDate(iso: "2026-10-25")!)
      event.kind = .closed
      c.filing?.events.append(event)
    }
    #expect(try store.summaries().first?.stage == .closed)
    #expect(try store.fetch("washer-2026")?.caseFile.filing?.events.count == 2)
    // Evidence mapping survives an update.
    #expect(try store.fetch("washer-2026")?.evidence.count == 2)
    let missing = #expect(throws: StoreError.self) { try store.update("nope") { _ in } }
    #expect(missing?.kind == .notFound)
    // A throwing change leaves the case as it was.
    struct Stop: Error {}
    #expect(throws: Stop.self) {
      try store.update("washer-2026") { c in
        c.filing = nil
        throw Stop()
      }
    }
    #expect(try store.fetch("washer-2026")?.caseFile.filing?.events.count == 2)
  }

  @Test func identicalEvidenceIsStoredOnce() throws {
    let dir = try TempFolder()
    let store = try #require(try CaseStore.open(at: dir.path("store"), create: true))
    let a = try TempFolder()
    let b = try TempFolder()
    _ = try store.importCase(
      try sampleCase(id: "a", in: a, evidence: ["evidence/x.jpg": "same bytes"]), replace: false)
    _ = try store.importCase(
      try sampleCase(id: "b", in: b, evidence: ["other/y.jpg": "same bytes", "evidence/z.jpg": "other"]),
      replace: false)
    #expect(store.blobs.allBlobs().count == 2)
    let digest = SHA256Stream.digest(Data("same bytes".utf8))
    #expect(try store.fetch("a")?.evidence.first?.blob.sha256 == digest)
    #expect(try store.fetch("b")?.evidence.first { $0.file == "other/y.jpg" }?.blob.sha256 == digest)
  }

  @Test func verifyFindsAFlippedBitAndAMissingCopy() throws {
    let dir = try TempFolder()
    let store = try #require(try CaseStore.open(at: dir.path("store"), create: true))
    let source = try TempFolder()
    let loaded = try sampleCase(
      id: "v", in: source,
      evidence: ["evidence/a.jpg": "aaaa", "evidence/b.jpg": "bbbb", "evidence/c.jpg": "cccc"])
    _ = try store.importCase(loaded, replace: false)
    #expect(try store.verify("v").allSatisfy { $0.problem == nil })

    let stored = try #require(try store.fetch("v"))
    let a = store.blobs.url(for: stored.evidence[0].blob)
    var bytes = [UInt8](try Data(contentsOf: a))
    bytes[2] ^= 0x01
    try Data(bytes).write(to: a)
    try FileManager.default.removeItem(at: store.blobs.url(for: stored.evidence[1].blob))

    let checks = try store.verify("v")
    #expect(checks.map(\.file) == ["evidence/a.jpg", "evidence/b.jpg", "evidence/c.jpg"])
    #expect(checks.map(\.problem) == [.changed, .missing, nil])
  }

  @Test func cleanupRemovesOnlyAbandonedFiles() throws {
    let dir = try TempFolder()
    let store = try #require(try CaseStore.open(at: dir.path("store"), create: true))
    let source = try TempFolder()
    _ = try store.importCase(
      try sampleCase(id: "kept", in: source, evidence: ["e/a.jpg": "kept"]), replace: false)
    let orphan = try store.ingest(
      try EvidenceSource.open(path: try source.write("o.jpg", Data("orphan".utf8)).path))
    let fresh = try store.ingest(
      try EvidenceSource.open(path: try source.write("f.jpg", Data("fresh".utf8)).path))
    let old = Date(timeIntervalSinceNow: -3 * 24 * 3600)
    for url in [
      store.blobs.url(for: orphan.blob),
      store.blobs.url(for: try #require(try store.fetch("kept")?.evidence.first?.blob)),
    ] {
      try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: url.path)
    }
    let tmp = store.blobs.temporaryFolder
    let abandoned = tmp.appendingPathComponent("x.part")
    let busy = tmp.appendingPathComponent("y.part")
    try Data("x".utf8).write(to: abandoned)
    try Data("y".utf8).write(to: busy)
    for url in [abandoned, busy] {
      try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: url.path)
    }
    let held = open(busy.path, O_RDONLY)
    defer { close(held) }
    #expect(flock(held, LOCK_EX) == 0)

    try store.collectGarbage()
    let fm = FileManager.default
    #expect(!fm.fileExists(atPath: store.blobs.url(for: orphan.blob).path))
    #expect(fm.fileExists(atPath: store.blobs.url(for: fresh.blob).path))
    #expect(try store.verify("kept").allSatisfy { $0.problem == nil })
    #expect(!fm.fileExists(atPath: abandoned.path))
    #expect(fm.fileExists(atPath: busy.path))
  }

  /// Several connections (as separate processes would have) saving at once: every save
  /// waits its turn and lands.
  @Test func concurrentWritersAllSucceed() async throws {
    let dir = try TempFolder()
    let storeURL = dir.path("store")
    try await withThrowingTaskGroup(of: Void.self) { group in
      for w in 0..<4 {
        group.addTask {
          let store = try #require(try CaseStore.open(at: storeURL, create: true))
          for i in 0..<25 {
            var c = CaseFile()
            c.id = "w\(w)-\(i)"
            try store.save(c, draft: false, mode: .insert)
          }
        }
      }
      try await group.waitForAll()
    }
    let store = try #require(try CaseStore.open(at: storeURL, create: false))
    #expect(try store.summaries().count == 100)
  }

  /// The index reads events for many cases in one pass; each case must get its own, in
  /// order, whatever its id (Chinese ids sort by bytes in SQLite).
  @Test func summariesMatchEventsToTheirCases() throws {
    let dir = try TempFolder()
    let store = try #require(try CaseStore.open(at: dir.path("store"), create: true))
    let ids = ["b", "a", "投诉-2", "a-1", "投诉-10", "z", "Z"]
    for (n, id) in ids.enumerated() {
      var c = CaseFile()
      c.id = id
      var f = Filing()
      f.filedOn = CalendarDate(iso: "2026-10-01")!.adding(days: n)
      for k in 0..<n {
        var e = FilingEvent()
        e.date = EventDate(date: f.filedOn!.adding(days: k), minuteOfDay: k == 1 ? 14 * 60 + 30 : nil)
        e.kind = k == n - 1 ? .response : .followUp
        e.note = "\(id) #\(k)"
        f.events.append(e)
      }
      c.filing = n == 0 ? nil : f
      try store.save(c, draft: n == 0)
    }
    let summaries = try store.summaries()
    #expect(Set(summaries.map(\.id)) == Set(ids))
    for s in summaries {
      let stored = try #require(try store.fetch(s.id))
      #expect(s.caseFile.filing == stored.caseFile.filing, "\(s.id)")
      #expect(s.stage == CaseTracker.stage(of: stored.caseFile, isDraft: stored.isDraft))
    }
    #expect(summaries.first { $0.id == "b" }?.stage == .draft)
    #expect(summaries.first { $0.id == "a" }?.stage == .answered)
  }

  @Test func reimportingSmallEvidenceRepairsADamagedCopy() throws {
    let dir = try TempFolder()
    let store = try #require(try CaseStore.open(at: dir.path("store"), create: true))
    let source = try TempFolder()
    let loaded = try sampleCase(id: "small", in: source, evidence: ["evidence/a.txt": "original bytes"])
    _ = try store.importCase(loaded, replace: false)
    let blob = try #require(try store.fetch("small")?.evidence.first?.blob)
    let url = store.blobs.url(for: blob)
    var before = stat()
    #expect(lstat(url.path, &before) == 0)
    // Same bytes again: nothing is rewritten.
    _ = try store.importCase(loaded, replace: true)
    var after = stat()
    #expect(lstat(url.path, &after) == 0)
    #expect(after.st_ino == before.st_ino)
    // A damaged copy is replaced by a fresh one.
    try Data("0riginal bytes".utf8).write(to: url)
    #expect(try store.verify("small").first?.problem == .changed)
    _ = try store.importCase(loaded, replace: true)
    #expect(try store.verify("small").first?.problem == nil)
  }
}
