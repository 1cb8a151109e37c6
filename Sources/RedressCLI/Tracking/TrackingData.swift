import Foundation
import RedressCore

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

  /// A case to track: its id, its case file (the store may give only the fields tracking
  /// reads: names and `filing`), and whether the store holds it as a draft (nil: judge from
  /// the case's required contents).
  struct Input {
    var id: String
    var caseFile: CaseFile
    var isDraft: Bool?
  }

  /// The status of every case, as of `today`. A case whose jurisdiction has no clocks gets a
  /// stage and no clocks.
  func statuses(of cases: [Input], today: CalendarDate) throws -> [TrackedCase] {
    var result: [TrackedCase] = []
    result.reserveCapacity(cases.count)
    for stored in cases {
      let c = stored.caseFile
      let tracker =
        try tracker(jurisdiction: c.effectiveJurisdiction)
        ?? CaseTracker(
          catalog: ClockCatalog(
            jurisdiction: c.effectiveJurisdiction, calendar: "", counting: [:], clocks: [], routes: [:],
            file: ""), calendar: HolidayCalendar(name: "", years: []))
      result.append(
        TrackedCase(
          caseFile: c, status: tracker.status(of: c, id: stored.id, today: today, isDraft: stored.isDraft)))
    }
    return result
  }
}

extension CommandEnvironment {
  /// Every stored case as tracking input.
  func trackedInputs() throws -> [TrackingData.Input] {
    // The summary's case file holds only the fields tracking reads, so required contents
    // cannot be judged from it: the store's draft flag decides draft against ready.
    try storedCases().map { TrackingData.Input(id: $0.id, caseFile: $0.caseFile, isDraft: $0.isDraft) }
  }
}

/// A case and its status, for the status table, its JSON and the reminder calendar.
struct TrackedCase {
  var caseFile: CaseFile
  var status: CaseStatus

  var id: String { status.caseID }
  var respondentName: String? { nonBlank(caseFile.respondent?.name) }
  var complainantName: String? { nonBlank(caseFile.complainant?.name) }

  private func nonBlank(_ s: String?) -> String? {
    guard let s = s?.trimmingCharacters(in: .whitespacesAndNewlines), !s.isEmpty else { return nil }
    return s
  }
}
