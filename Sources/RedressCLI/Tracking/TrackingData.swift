import Foundation
import RedressCore
import RedressStore

/// The holiday calendars and clock catalogs a command needs, read from `legal/` once and kept
/// for the rest of the command (a `status` over many cases reads each file once).
final class TrackingData {
  let legal: URL
  private var calendars: [String: HolidayCalendar] = [:]
  private var trackers: [String: CaseTracker] = [:]
  private var missingCatalogs: Set<String> = []

  init(legal: URL) { self.legal = legal }

  convenience init(_ env: CommandEnvironment) throws { self.init(legal: try env.data().legal) }

  /// The calendar `name`; an unknown name is a usage error that lists the known ones.
  func calendar(_ name: String) throws -> HolidayCalendar {
    if let cached = calendars[name] { return cached }
    do {
      let calendar = try HolidayCalendarLoader.load(name: name, legal: legal)
      calendars[name] = calendar
      return calendar
    } catch let error as HolidayCalendarLoader.UnknownCalendar {
      throw UserError(error.description)
    }
  }

  /// The tracker for a jurisdiction; nil when `legal/<jurisdiction>/clocks.yaml` does not exist
  /// (such a case has no clocks). A file that exists but is wrong is an error.
  func tracker(jurisdiction: String) throws -> CaseTracker? {
    if let cached = trackers[jurisdiction] { return cached }
    if missingCatalogs.contains(jurisdiction) { return nil }
    // A jurisdiction is a folder name under legal/ (`cn`); anything else has no clocks.
    guard !jurisdiction.isEmpty,
      jurisdiction.unicodeScalars.allSatisfy({
        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
      })
    else {
      missingCatalogs.insert(jurisdiction)
      return nil
    }
    let file = legal.appendingPathComponent("\(jurisdiction)/clocks.yaml")
    guard FileManager.default.fileExists(atPath: file.path) else {
      missingCatalogs.insert(jurisdiction)
      return nil
    }
    let catalog = try ClockCatalogLoader.load(jurisdiction: jurisdiction, legal: legal)
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
    }

    /// A stored case, from the store's index.
    init(_ row: CaseStore.TrackingRow) {
      self.id = row.id
      self.jurisdiction = row.jurisdiction ?? "cn"
      self.venue = row.venue ?? .consumerAssociation
      self.filing = row.filing
      self.respondentName = row.respondentName
      self.complainantName = row.complainantName
      self.isDraft = row.isDraft
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
            venue: c.venue, filing: c.filing, id: c.id, today: today, isDraft: c.isDraft),
          respondentName: TrackedCase.nonBlank(c.respondentName),
          complainantName: TrackedCase.nonBlank(c.complainantName)))
    }
    return result
  }
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
