import Foundation
import RedressCore
import RedressStore
import RedressTestSupport
import Testing

@testable import RedressCLI

/// `status` reads the clock digests the store keeps instead of counting every clock again:
/// its table must be exactly the table counted in full, on any day, after cases change, and
/// after the legal data changes.
@Suite struct StatusDigestTests {
  static let names: [String?] = [
    nil, "", "  ", "某某电器销售有限公司", "Acme Shoes Ltd", "杭州某某网络科技有限公司（旗舰店）第二分店售后服务中心",
    " 前后有空格的公司 ", "A very long English company name that is cut",
  ]

  /// A case of every kind: drafts, ready, filed, accepted, answered (before and after the due
  /// day), closed, events without dates, filings in 2027 (a year without calendar data), and a
  /// jurisdiction without clocks. Returns the case and whether it is saved as a draft.
  static func randomCase(_ n: Int, _ g: inout SplitMix64) -> (CaseFile, Bool) {
    var c = CaseFile()
    c.id = String(format: "case-%04d", n)
    c.venue = g.pick([.consumerAssociation, .marketRegulator])
    if g.below(12) == 0 { c.jurisdiction = "xx" }
    if let name = g.pick(names) {
      c.respondent = Respondent()
      c.respondent?.name = name
    }
    // Complainants by the case's number: the generator's sequence stays what it was.
    if let name = names.reversed()[n % names.count] {
      c.complainant = Complainant()
      c.complainant?.name = name
    }
    let kind = g.below(8)
    if kind <= 1 { return (c, kind == 0) }
    let start = CalendarDate(iso: "2025-12-01")!.adding(days: g.below(480))
    var f = Filing()
    f.filedOn = start
    if kind >= 3 && g.below(3) > 0 { f.acceptedOn = start.adding(days: g.below(10)) }
    func event(_ kind: FilingEventKind, after days: Int, dated: Bool = true) -> FilingEvent {
      var e = FilingEvent()
      e.kind = kind
      if dated { e.date = EventDate(date: start.adding(days: days), minuteOfDay: nil) }
      return e
    }
    // Region clocks (浙江, 上海) and a region without any.
    if g.below(3) == 0 { c.region = g.pick(["330106", "310104", "110105"]) }
    // An appraisal (open, or ended) pauses the regulator's mediation clock.
    if f.acceptedOn != nil && g.below(4) == 0 {
      f.events.append(event(.appraisalStart, after: 12))
      if g.below(2) == 0 { f.events.append(event(.appraisalEnd, after: 12 + g.below(30))) }
    }
    if kind >= 5 { f.events.append(event(.response, after: g.below(40), dated: g.below(6) > 0)) }
    if kind == 6 { f.events.append(event(.note, after: 3)) }
    if kind == 7 {
      f.events.append(event(g.pick([.closed, .refused, .withdrawn]), after: 20 + g.below(60)))
      if g.below(3) == 0 {
        c.negotiation = Negotiation()
        c.negotiation?.settlement = Settlement()
        c.negotiation?.settlement?.reached = true
      }
    }
    if kind == 4 && g.below(3) == 0 { f.events.append(event(.mediation, after: 15)) }
    // Accepted with no filing day recorded: the clocks' citations are taken on the day asked.
    if kind == 3 && f.acceptedOn != nil && n % 5 == 0 { f.filedOn = nil }
    c.filing = f
    return (c, false)
  }

  static let days = ["2025-11-30", "2026-01-15", "2026-10-20", "2026-11-22", "2027-02-10", "2027-09-01"].map {
    CalendarDate(iso: $0)!
  }

  /// The table counted in full, and the table from the digests (counting and keeping what is
  /// missing), plain and coloured.
  static func tables(
    _ store: CaseStore, _ data: TrackingData, today: CalendarDate
  ) throws -> (full: [String], digests: [String]) {
    let full = try data.statuses(of: try store.trackingRows().map(TrackingData.Input.init), today: today)
    let lines = try data.statusLines(store, today: today)
    var out: (full: [String], digests: [String]) = ([], [])
    for colour in [false, true] {
      let output = Output(colorOut: colour, colorErr: false, writeOut: { _ in }, writeErr: { _ in })
      for language in [InterfaceLanguage.zhHans, .en] {
        let words = TrackingWords(language: language)
        out.full.append(StatusReport.text(full, today: today, words: words, output: output))
        out.digests.append(StatusReport.text(lines, today: today, words: words, output: output))
      }
    }
    return out
  }

  static func legal(_ root: URL) -> URL { root.appendingPathComponent("legal") }

  /// The first line where two sets of tables differ, for a short failure message; nil when
  /// they are the same.
  static func difference(_ a: [String], _ b: [String]) -> String? {
    for (x, y) in zip(a, b) where x != y {
      let xs = x.split(separator: "\n", omittingEmptySubsequences: false)
      let ys = y.split(separator: "\n", omittingEmptySubsequences: false)
      for i in 0..<max(xs.count, ys.count) {
        let l = i < xs.count ? String(xs[i]) : "(none)"
        let r = i < ys.count ? String(ys[i]) : "(none)"
        if l != r { return "line \(i + 1): counted in full «\(l)», from digests «\(r)»" }
      }
    }
    return a.count == b.count ? nil : "\(a.count) tables against \(b.count)"
  }

  @Test func theTableFromDigestsIsTheTableCountedInFull() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redress-digests-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let store = try #require(try CaseStore.open(at: dir.appendingPathComponent("store"), create: true))
    var g = SplitMix64(seed: 20_261_122)
    for n in 0..<400 {
      let (c, draft) = Self.randomCase(n, &g)
      try store.save(c, draft: draft)
    }
    let data = TrackingData(legal: Self.legal(CommandHarness.dataRoot))

    // The first run counts every case and keeps the digests; later runs read them.
    for (i, day) in Self.days.enumerated() {
      let (full, digests) = try Self.tables(store, data, today: day)
      #expect(Self.difference(full, digests) == nil, "on \(day.iso)")
      if i == 0 {
        let kept = try store.clockDigests()
        #expect(kept.rows.count == 400)
        #expect(kept.legalKey == data.legalKey())
      }
    }
    // Every kind of line occurred, so that the comparison covered them.
    let lines = try data.statusLines(store, today: Self.days[3])
    #expect(Set(lines.map(\.state)) == Set(CaseState.allCases))
    #expect(lines.contains { !$0.yearsWithoutData.isEmpty })

    // Cases change: a response logged, a name changed, a case closed. Their digests go and
    // are counted again.
    for id in ["case-0003", "case-0010", "case-0100", "case-0399"] {
      _ = try store.update(id) { c in
        var e = FilingEvent()
        e.kind = id == "case-0100" ? .closed : .response
        e.date = EventDate(date: CalendarDate(iso: "2026-11-20")!, minuteOfDay: 600)
        var filing = c.filing ?? Filing()
        filing.filedOn = filing.filedOn ?? CalendarDate(iso: "2026-11-01")!
        filing.events.append(e)
        c.filing = filing
        c.respondent = Respondent()
        c.respondent?.name = "改过名字的公司"
      }
    }
    #expect(try store.clockDigests().rows.count == 396)
    let (full, digests) = try Self.tables(store, data, today: Self.days[3])
    #expect(Self.difference(full, digests) == nil)
    #expect(try store.clockDigests().rows.count == 400)

    // The legal data changes (a calendar year goes): every digest is counted again.
    let other = dir.appendingPathComponent("data")
    let calendars = other.appendingPathComponent("legal/calendars/cn")
    try FileManager.default.createDirectory(at: calendars, withIntermediateDirectories: true)
    let source = Self.legal(CommandHarness.dataRoot)
    try FileManager.default.copyItem(
      at: source.appendingPathComponent("cn").resolvingSymlinksInPath(),
      to: other.appendingPathComponent("legal/cn"))
    for year in [2024, 2025] {
      try FileManager.default.copyItem(
        at: source.appendingPathComponent("calendars/cn/\(year).yaml").resolvingSymlinksInPath(),
        to: calendars.appendingPathComponent("\(year).yaml"))
    }
    let changed = TrackingData(legal: Self.legal(other))
    #expect(changed.legalKey() != data.legalKey())
    for day in Self.days.suffix(3) {
      let (full, digests) = try Self.tables(store, changed, today: day)
      #expect(Self.difference(full, digests) == nil, "on \(day.iso) with 2026 removed")
    }
    #expect(try store.clockDigests().legalKey == changed.legalKey())
    #expect(try changed.statusLines(store, today: Self.days[3]).contains { $0.yearsWithoutData == [2026] })
  }

  enum Engine: String, CustomTestStringConvertible, Sendable {
    case sqlite, postgres
    var testDescription: String { rawValue }
    static var available: [Engine] { TestRegister.isAvailable ? [.sqlite, .postgres] : [.sqlite] }
  }

  /// A fresh store of `engine`: a folder, or a database of its own on the test server
  /// (`make test` starts one), opened as an advocate.
  static func store(_ engine: Engine, in dir: URL) throws -> any CaseStoring {
    switch engine {
    case .sqlite:
      return try #require(try CaseStore.open(at: dir.appendingPathComponent("store"), create: true))
    case .postgres:
      let db = try TestRegister.makeDatabase(advocates: 1)
      _ = try PostgresCaseStore.initialize(
        try PostgresSettings(url: db.url(db.owner), environment: db.owner.environment),
        grant: [db.advocates[0].name])
      var env = db.advocates[0].environment
      env["HOME"] = dir.path
      return try PostgresCaseStore.open(
        try PostgresSettings(url: db.url(db.advocates[0]), environment: env),
        workFolder: dir.appendingPathComponent("work"))
    }
  }

  /// The first line where two texts differ, for a short failure message; nil when the same.
  static func firstDifference(_ a: String, _ b: String) -> String? {
    difference([a], [b])
  }

  /// `status --format json` written from the digests is byte for byte the JSON counted in full
  /// from the case files themselves (not from the store's index), in every language, on days
  /// before, during and after the clocks, with region clocks, appraisals, refusals,
  /// settlements, years without a notice and cases accepted without a filing day; on both
  /// engines. The direct writer is held to `OrderedJSON`'s bytes on the way.
  @Test(arguments: Engine.available) func theJSONFromDigestsIsTheJSONCountedInFull(_ engine: Engine) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redress-digests-json-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let store = try Self.store(engine, in: dir)
    var g = SplitMix64(seed: 20_261_207)
    var inputs: [TrackingData.Input] = []
    for n in 0..<300 {
      let (c, draft) = Self.randomCase(n, &g)
      try store.save(c, draft: draft)
      inputs.append(TrackingData.Input(id: c.id!, caseFile: c, isDraft: draft))
    }
    let data = TrackingData(legal: Self.legal(CommandHarness.dataRoot))
    #expect(try store.currentDigests(legalKey: data.legalKey(), clocks: true).rows.isEmpty)
    let words = [InterfaceLanguage.zhHans, .zhHant, .en].map { TrackingWords(language: $0) }

    var seen: [TrackedCase] = []
    for (i, day) in Self.days.enumerated() {
      let full = try data.statuses(of: inputs, today: day)
      let stored = try data.trackedCases(store, today: day)
      if i == 0 {
        // The first run counted every case and kept the digests; the later ones read them.
        #expect(try store.currentDigests(legalKey: data.legalKey(), clocks: true).rows.count == 300)
      }
      for w in words {
        let expected = StatusReport.json(full, today: day, words: w).text()
        #expect(StatusReport.jsonText(full, today: day, words: w) == expected)
        // Standard output gets it in pieces (between two cases): the same bytes.
        var pieces: [[UInt8]] = []
        StatusReport.streamJSON(full, today: day, words: w, chunkSize: 4000) { pieces.append($0) }
        #expect(pieces.count > 2)
        #expect(String(decoding: pieces.joined(), as: UTF8.self) == expected)
        let fromDigests = StatusReport.jsonText(stored, today: day, words: w)
        #expect(
          Self.firstDifference(expected, fromDigests) == nil, "\(engine) on \(day.iso) in \(w.code)")
      }
      // The table from the digests too (`status`).
      let output = Output(colorOut: false, colorErr: false, writeOut: { _ in }, writeErr: { _ in })
      let table = StatusReport.text(full, today: day, words: words[2], output: output)
      let lines = try data.statusLines(store, today: day)
      #expect(
        Self.firstDifference(table, StatusReport.text(lines, today: day, words: words[2], output: output))
          == nil,
        "\(engine) on \(day.iso)")
      seen += stored
    }
    // The comparison covered every kind of case.
    #expect(Set(seen.map(\.status.state)) == Set(CaseState.allCases))
    #expect(seen.contains { $0.status.region?.hasPrefix("33") == true && $0.status.clocks.count > 0 })
    #expect(seen.contains { $0.status.clocks.contains { $0.appraisalDays > 0 } })
    #expect(seen.contains { $0.status.clocks.contains(where: \.paused) })
    #expect(seen.contains { $0.status.endedBy == .refused && !$0.status.nextRoutes.isEmpty })
    #expect(seen.contains { $0.status.settled && $0.status.endedBy != nil })
    #expect(seen.contains { !$0.status.yearsWithoutData.isEmpty })
    #expect(seen.contains { $0.status.filedOn == nil && $0.status.dueClock != nil })
    #expect(seen.contains { $0.status.clocks.contains(where: \.closedLate) })
    #expect(StatusReport.jsonText([], today: Self.days[0], words: words[0]) == "[]")
  }

  @Test func digestClocksReadBackFromTheirText() {
    let digest = ClockDigest(
      stage: .accepted, due: CalendarDate(iso: "2027-01-04"), dueClockID: "cn.samr.mediation",
      answered: false,
      yearsWithoutData: [2027], venue: .marketRegulator, region: "330106",
      filedOn: CalendarDate(iso: "2026-11-30"),
      clocks: [
        .init(
          id: "cn.samr.decision", status: .closed, start: CalendarDate(iso: "2026-11-30"),
          unadjusted: CalendarDate(iso: "2026-12-09"), due: CalendarDate(iso: "2026-12-09"),
          closedOn: CalendarDate(iso: "2026-12-01"), closedBy: .accepted),
        .init(
          id: "cn.samr.mediation", status: .open, start: CalendarDate(iso: "2026-12-01"),
          unadjusted: CalendarDate(iso: "2027-01-30"), due: CalendarDate(iso: "2027-02-01"), paused: false,
          appraisalDays: 12, yearsWithoutData: [2027, 2028]),
        .init(id: "cn.zj.other", status: .notStarted),
        .init(id: "cn.zj.paused", status: .open, start: CalendarDate(iso: "2026-12-01"), paused: true),
      ])
    let text = digest.clocksText
    #expect(text != nil)
    #expect(ClockDigest.clocks(fromText: text ?? "") == digest.clocks)
    #expect(ClockDigest.clocks(fromText: "") == [])
    #expect(ClockDigest.clocks(fromText: "x q - - - - - - 0 -") == nil)
    #expect(ClockDigest.clocks(fromText: "x o 1 2") == nil)
    var odd = digest
    odd.clocks[0].id = "an id with spaces"
    #expect(odd.clocksText == nil)
  }

  @Test func ordinalsArePositionsInAllCases() {
    #expect(CaseStage.allCases.map(\.ordinal) == Array(CaseStage.allCases.indices))
    #expect(CaseState.allCases.map(\.ordinal) == Array(CaseState.allCases.indices))
  }

  @Test func dueDaysAreWrittenAsISODates() {
    var buffer = [UInt8](repeating: 0, count: 11)
    for (iso, estimate) in [("2026-01-05", false), ("2027-12-31", true), ("0999-03-09", false)] {
      let n = StatusReport.writeISO(CalendarDate(iso: iso)!, into: &buffer, estimate: estimate)
      #expect(String(decoding: buffer[0..<n], as: UTF8.self) == iso + (estimate ? "*" : ""))
    }
  }
}
