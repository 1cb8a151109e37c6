import Foundation
import RedressCore
import RedressStore

/// The holiday calendars and clock catalogs a command needs, read from `legal/` once and kept
/// for the rest of the command (a `status` over many cases reads each file once).
final class TrackingData {
  let legal: URL
  /// The user's imported notices (`calendars/` in the store folder); nil for none.
  let imported: URL?
  /// Whether the calendars and clock catalogs read their Traditional Chinese tables: only
  /// output in zh-Hant (the interface's language, or a zh-Hant case's letter) needs them.
  let traditional: Bool
  private var calendars: [String: HolidayCalendar] = [:]
  private var trackers: [String: CaseTracker] = [:]
  private var catalogs: [String: ClockCatalog] = [:]
  private var missingCatalogs: Set<String> = []
  private var legalKeyCache: String?
  private var dueClocks: [String: [String: DueClock]] = [:]

  init(legal: URL, imported: URL? = nil, traditional: Bool = true) {
    self.legal = legal
    self.imported = imported
    self.traditional = traditional
  }

  /// `documentLanguage`: the language of a document the command writes with these texts
  /// (a follow-up letter is in its case's language, whatever the interface's).
  convenience init(_ env: CommandEnvironment, documentLanguage: String? = nil) throws {
    self.init(
      legal: try env.data().legal, imported: env.userCalendarsDirectory,
      traditional: env.language == .zhHant || documentLanguage == "zh-Hant")
  }

  /// The calendar `name`; an unknown name is a usage error that lists the known ones.
  func calendar(_ name: String) throws -> HolidayCalendar {
    if let cached = calendars[name] { return cached }
    do {
      let calendar = try HolidayCalendarLoader.load(
        name: name, legal: legal, imported: imported, traditional: traditional)
      calendars[name] = calendar
      return calendar
    } catch let error as HolidayCalendarLoader.UnknownCalendar {
      throw UserError(error.description)
    }
  }

  /// The clock catalog of a jurisdiction; nil when `legal/<jurisdiction>/clocks.yaml` does
  /// not exist (such a case has no clocks). A file that exists but is wrong is an error.
  func catalog(jurisdiction: String) throws -> ClockCatalog? {
    if let cached = catalogs[jurisdiction] { return cached }
    if missingCatalogs.contains(jurisdiction) { return nil }
    // A jurisdiction is a folder name under legal/ (`cn`); anything else has no clocks.
    guard Self.isJurisdictionName(jurisdiction) else {
      missingCatalogs.insert(jurisdiction)
      return nil
    }
    let file = legal.appendingPathComponent("\(jurisdiction)/clocks.yaml")
    guard FileManager.default.fileExists(atPath: file.path) else {
      missingCatalogs.insert(jurisdiction)
      return nil
    }
    let catalog = try ClockCatalogLoader.load(
      jurisdiction: jurisdiction, legal: legal, traditional: traditional)
    catalogs[jurisdiction] = catalog
    return catalog
  }

  /// The tracker for a jurisdiction (its catalog and calendar); nil when it has no catalog.
  func tracker(jurisdiction: String) throws -> CaseTracker? {
    if let cached = trackers[jurisdiction] { return cached }
    guard let catalog = try catalog(jurisdiction: jurisdiction) else { return nil }
    let tracker = CaseTracker(catalog: catalog, calendar: try calendar(catalog.calendar))
    trackers[jurisdiction] = tracker
    return tracker
  }

  /// What tracking reads of a case: its id, jurisdiction, venue, filing record and party
  /// names, and whether it is a draft (which decides draft against ready before filing).
  struct Input {
    var id: String
    var jurisdiction: String
    var venue: Venue
    var filing: Filing?
    var respondentName: String?
    var complainantName: String?
    var isDraft: Bool
    var region: String?
    var settled: Bool

    /// The fields tracking reads of `caseFile` (the store may give only those: names and
    /// `filing`). `isDraft` is what the store records; nil judges it from the case's required
    /// contents.
    init(id: String, caseFile c: CaseFile, isDraft: Bool?) {
      self.id = id
      self.jurisdiction = c.effectiveJurisdiction
      self.venue = c.effectiveVenue
      self.filing = c.filing
      self.respondentName = c.respondent?.name
      self.complainantName = c.complainant?.name
      self.isDraft =
        isDraft ?? (CaseTracker.stage(of: c.filing) == nil && !CaseValidator.missingRequiredFields(c).isEmpty)
      self.region = c.region
      self.settled = CaseTracker.settled(c)
    }

    /// A stored case, from the store's index.
    init(_ row: TrackingRow) {
      self.id = row.id
      self.jurisdiction = row.jurisdiction ?? "cn"
      self.venue = row.venue ?? .consumerAssociation
      self.filing = row.filing
      self.respondentName = row.respondentName
      self.complainantName = row.complainantName
      self.isDraft = row.isDraft
      self.region = row.region
      self.settled = row.settled
    }
  }

  /// The status of every case, as of `today`. A case whose jurisdiction has no clocks gets a
  /// stage and no clocks.
  func statuses(of cases: [Input], today: CalendarDate) throws -> [TrackedCase] {
    var result: [TrackedCase] = []
    result.reserveCapacity(cases.count)
    var noClocks: CaseTracker?
    for c in cases {
      let tracker: CaseTracker
      if let found = try self.tracker(jurisdiction: c.jurisdiction) {
        tracker = found
      } else {
        tracker =
          noClocks
          ?? CaseTracker(
            catalog: ClockCatalog(
              jurisdiction: c.jurisdiction, calendar: "", counting: [:], clocks: [], routes: [:], file: ""),
            calendar: HolidayCalendar(name: "", years: []))
        noClocks = tracker
      }
      result.append(
        TrackedCase(
          status: tracker.status(
            venue: c.venue, region: c.region, filing: c.filing, settled: c.settled, id: c.id, today: today,
            isDraft: c.isDraft),
          respondentName: TrackedCase.nonBlank(c.respondentName),
          complainantName: TrackedCase.nonBlank(c.complainantName)))
    }
    return result
  }
}

// MARK: - Status from the stored clock digests

extension TrackingData {
  /// What the digests depend on besides the case: the tracker's counting (`ClockDigest.format`,
  /// and redress's version), every jurisdiction's clock catalog and every holiday calendar
  /// file, shipped or imported (`redress calendar import`). Their names, sizes and bytes are hashed, so any change to `legal/` that could move a
  /// due day makes every digest stale; nothing is parsed. The hash is FNV-1a (64 bits), not
  /// SHA-256: it guards against edits, not against an adversary, and starting OpenSSL would
  /// cost `status` more than reading every digest of a hundred cases.
  func legalKey() -> String {
    if let legalKeyCache { return legalKeyCache }
    var hasher = FNV1a()
    func feed(_ text: String) { hasher.update(text.utf8) }
    feed("redress \(RedressCommand.version) clock digest \(ClockDigest.format)\n")
    let manager = FileManager.default
    var files: [(name: String, url: URL)] = []
    for name in (try? manager.contentsOfDirectory(atPath: legal.path)) ?? []
    where Self.isJurisdictionName(name) {
      let catalog = legal.appendingPathComponent("\(name)/clocks.yaml")
      if manager.fileExists(atPath: catalog.path) { files.append(("\(name)/clocks.yaml", catalog)) }
    }
    // legal/calendars/<calendar>/<year>.yaml; a calendar that is a file, not a folder, has
    // no files of its own and changes nothing here.
    let calendars = legal.appendingPathComponent("calendars", isDirectory: true)
    for name in (try? manager.contentsOfDirectory(atPath: calendars.path)) ?? [] where !name.hasPrefix(".") {
      let folder = calendars.appendingPathComponent(name, isDirectory: true)
      // Every file the loader looks at (it reports a misnamed one), not only `.yaml` ones.
      for file in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] where !file.hasPrefix(".") {
        files.append(("calendars/\(name)/\(file)", folder.appendingPathComponent(file)))
      }
    }
    // The user's imported notices: imported/<calendar>/<year>.yaml.
    if let imported {
      for name in (try? manager.contentsOfDirectory(atPath: imported.path)) ?? [] where !name.hasPrefix(".") {
        let folder = imported.appendingPathComponent(name, isDirectory: true)
        for file in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] where !file.hasPrefix(".") {
          files.append(("imported/\(name)/\(file)", folder.appendingPathComponent(file)))
        }
      }
    }
    var total = 0
    for file in files.sorted(by: { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }) {
      // A file that cannot be read counts as different content; counting then reports it.
      let bytes = (try? Data(contentsOf: file.url)) ?? Data("unreadable".utf8)
      feed("\(file.name)\u{0}\(bytes.count)\u{0}")
      hasher.update(bytes)
      total += bytes.count
    }
    let key = "fnv1a64:" + String(hasher.value, radix: 16) + ":\(files.count):\(total)"
    legalKeyCache = key
    return key
  }

  static func isJurisdictionName(_ j: String) -> Bool {
    !j.isEmpty
      && j.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }

  /// The clock `id` of a jurisdiction's catalog with its overdue routes (one shared instance
  /// per clock); nil when the catalog has no such clock.
  func dueClock(_ id: String, jurisdiction: String) throws -> DueClock? {
    if let known = dueClocks[jurisdiction] { return known[id] }
    var byID: [String: DueClock] = [:]
    // The catalog alone: a line from a digest needs no calendar.
    if let catalog = try catalog(jurisdiction: jurisdiction) {
      for d in catalog.clocks where byID[d.id] == nil {
        byID[d.id] = DueClock(
          definition: d, routes: catalog.nextRoutes[d.venue]?.overdue ?? [], calendarName: catalog.calendar)
      }
    }
    dueClocks[jurisdiction] = byID
    return byID[id]
  }

  /// Every stored case's status line as of `today`. The store keeps a `ClockDigest` per case;
  /// cases without one counted on the current `legal/` data (saved since, or the data changed)
  /// are counted in full here, and their digests kept for next time.
  func statusLines(_ store: any CaseStoring, today: CalendarDate) throws -> [StatusLine] {
    let key = legalKey()
    let kept = try store.currentDigests(legalKey: key, clocks: false)
    var lines: [StatusLine] = []
    lines.reserveCapacity(kept.caseCount)
    do {
      for row in kept.rows {
        var clock: DueClock?
        // A digest naming a clock the catalog does not have is counted again below.
        if let id = row.digest.dueClockID {
          guard let found = try dueClock(id, jurisdiction: row.jurisdiction) else { continue }
          clock = found
        }
        var line = StatusLine(
          digest: row.digest, id: row.id, respondentName: TrackedCase.nonBlank(row.respondentName),
          clock: clock, today: today)
        if line.state == .closed, let catalog = try catalog(jurisdiction: row.jurisdiction) {
          line.routes = catalog.routes(
            venue: row.digest.venue, state: .closed, ended: row.digest.endedBy, settled: row.digest.settled)
          line.venue = row.digest.venue
        }
        lines.append(line)
      }
    }
    if lines.count < kept.caseCount {
      for t in try countAfresh(store, except: lines.lazy.map(\.id), today: today, legalKey: key) {
        lines.append(StatusLine(t))
      }
    }
    return lines
  }

  /// The stored cases other than `counted`, counted in full as of `today`; their digests are
  /// kept for next time.
  private func countAfresh(
    _ store: any CaseStoring, except counted: some Sequence<String>, today: CalendarDate, legalKey key: String
  ) throws -> [TrackedCase] {
    // Only now is a set of the ids worth making: most runs find every digest current.
    let counted = Set(counted)
    let tracking = try store.trackingRows().filter { !counted.contains($0.id) }
    let inputs = tracking.map(Input.init)
    let statuses = try statuses(of: inputs, today: today)
    var fresh: [(row: TrackingRow, jurisdiction: String, digest: ClockDigest)] = []
    for ((row, input), t) in zip(zip(tracking, inputs), statuses) {
      fresh.append((row, input.jurisdiction, ClockDigest(t.status)))
    }
    // Keeping digests saves time next time; it is not part of the answer: a store that
    // cannot be written to (read-only, or busy) still shows its status.
    try? store.keepDigests(fresh, legalKey: key)
    return statuses
  }

  /// Every stored case's whole status as of `today` (what `status --format json` details),
  /// from the digests the store keeps as `statusLines` does: each digest with the clocks of its
  /// case's venue and region in the catalog. Cases without a current digest, or whose digest
  /// does not fit the catalog, are counted in full and their digests kept.
  func trackedCases(_ store: any CaseStoring, today: CalendarDate) throws -> [TrackedCase] {
    let key = legalKey()
    let kept = try store.currentDigests(legalKey: key, clocks: true)
    var cases: [TrackedCase] = []
    cases.reserveCapacity(kept.caseCount)
    var definitions: [String: [ClockDefinition]] = [:]
    for row in kept.rows {
      let catalog = try catalog(jurisdiction: row.jurisdiction)
      var clocks: [ClockDefinition] = []
      if let catalog {
        let d = row.digest
        let slot = "\(row.jurisdiction)\u{0}\(d.venue.rawValue)\u{0}\(d.region.map { "r" + $0 } ?? "-")"
        if let known = definitions[slot] {
          clocks = known
        } else {
          clocks = catalog.clocks(for: d.venue, region: d.region)
          definitions[slot] = clocks
        }
      }
      guard let status = row.digest.status(id: row.id, catalog: catalog, definitions: clocks, today: today)
      else { continue }
      cases.append(
        TrackedCase(
          status: status, respondentName: TrackedCase.nonBlank(row.respondentName),
          complainantName: TrackedCase.nonBlank(row.complainantName)))
    }
    if cases.count < kept.caseCount {
      cases += try countAfresh(store, except: cases.lazy.map(\.id), today: today, legalKey: key)
    }
    return cases
  }
}

/// A clock of a catalog as a status line names it: its definition, the routes it offers when
/// overdue, and the calendar it is counted on. A class: thousands of lines share one.
final class DueClock {
  let definition: ClockDefinition
  let routes: [ClockCatalog.Route]
  let calendarName: String
  var id: String { definition.id }

  init(definition: ClockDefinition, routes: [ClockCatalog.Route], calendarName: String) {
    self.definition = definition
    self.routes = routes
    self.calendarName = calendarName
  }
}

/// One row of `status`'s table: a case's stage, state, due day and days left as of a day, and
/// the clock the due day comes from.
struct StatusLine {
  var id: String
  var respondentName: String?
  var stage: CaseStage
  var state: CaseState
  var due: CalendarDate?
  var daysLeft: Int?
  var clock: DueClock?
  var yearsWithoutData: [Int]
  /// The routes offered once the case has ended (`closed` state); empty otherwise (an overdue
  /// case's routes are its clock's).
  var routes: [ClockCatalog.Route] = []
  var venue: Venue?
  var endedBy: FilingEventKind?

  init(
    id: String, respondentName: String?, stage: CaseStage, state: CaseState, due: CalendarDate?,
    daysLeft: Int?, clock: DueClock?, yearsWithoutData: [Int]
  ) {
    self.id = id
    self.respondentName = respondentName
    self.stage = stage
    self.state = state
    self.due = due
    self.daysLeft = daysLeft
    self.clock = clock
    self.yearsWithoutData = yearsWithoutData
  }

  /// The line of a case counted in full.
  init(_ t: TrackedCase) {
    let s = t.status
    self.init(
      id: t.id, respondentName: t.respondentName, stage: s.stage, state: s.state, due: s.due,
      daysLeft: s.daysLeft,
      clock: s.dueClock.map {
        DueClock(definition: $0.definition, routes: $0.routesWhenOverdue, calendarName: s.calendarName)
      },
      yearsWithoutData: s.yearsWithoutData)
    if s.state == .closed {
      routes = s.nextRoutes
      venue = s.venue
    }
    endedBy = s.endedBy
  }

  /// The line of a case from its stored digest.
  init(digest d: ClockDigest, id: String, respondentName: String?, clock: DueClock?, today: CalendarDate) {
    self.init(
      id: id, respondentName: respondentName, stage: d.stage, state: d.state(today: today), due: d.due,
      daysLeft: d.daysLeft(today: today), clock: clock, yearsWithoutData: d.yearsWithoutData)
    endedBy = d.endedBy
  }

  var calendarName: String { clock?.calendarName ?? "" }
}

extension CommandEnvironment {
  /// Every stored case as tracking input.
  func trackedInputs() throws -> [TrackingData.Input] {
    // The store's index holds only the fields tracking reads, so required contents cannot be
    // judged from it: the store's draft flag decides draft against ready.
    guard let store = try openStore(create: false) else { return [] }
    return try store.trackingRows().map(TrackingData.Input.init)
  }
}

/// A case and its status, for the status table, its JSON and the reminder calendar. A class:
/// sorting and grouping thousands of cases then moves references, not the statuses.
final class TrackedCase {
  let status: CaseStatus
  /// The names, trimmed; nil when absent or blank.
  let respondentName: String?
  let complainantName: String?

  init(status: CaseStatus, respondentName: String?, complainantName: String?) {
    self.status = status
    self.respondentName = respondentName
    self.complainantName = complainantName
  }

  var id: String { status.caseID }

  /// `s` without leading and trailing white space; nil when nothing is left.
  static func nonBlank(_ s: String?) -> String? {
    guard let s else { return nil }
    // Foundation's `whitespacesAndNewlines` (Unicode's White_Space and U+200B), listed: a
    // property lookup per name is a noticeable part of `status` over thousands of cases.
    func isSpace(_ c: Unicode.Scalar) -> Bool {
      switch c.value {
      case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
        return true
      default:
        return false
      }
    }
    let scalars = s.unicodeScalars
    var lo = scalars.startIndex
    var hi = scalars.endIndex
    while lo < hi, isSpace(scalars[lo]) { lo = scalars.index(after: lo) }
    while hi > lo, isSpace(scalars[scalars.index(before: hi)]) { hi = scalars.index(before: hi) }
    if lo == hi { return nil }
    // Names are almost always trimmed already: keep the string itself then.
    return lo == scalars.startIndex && hi == scalars.endIndex ? s : String(Substring(scalars[lo..<hi]))
  }
}
