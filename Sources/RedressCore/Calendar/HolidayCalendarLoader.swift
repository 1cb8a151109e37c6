import Foundation
import Yams

/// Reads a holiday calendar from `legal/calendars/<name>/`: one file per year, named
/// `YYYY.yaml`, each naming the notice it comes from, and `statute.yaml`, the holidays the
/// statute fixes by itself for the years without a notice; then the year files the user
/// imported (`redress calendar import`), which replace the statute for their year. Every
/// problem in every file is reported at once, in compiler style with file, line and column: a
/// bad date, a date more than a few days outside the file's year, two holidays claiming the
/// same day, a make-up working day that is also a rest day or is not a weekend day, a
/// statutory holiday of the year that is not a rest day, a file not named after its year.
public enum HolidayCalendarLoader {
  /// The schema number this build reads.
  public static let schema = 1
  /// The schema of the year files and `statute.yaml`.
  static let schemaVersion = SchemaVersion(current: schema)
  /// No announced holiday is longer than this; a longer range is a typo.
  public static let longestHoliday = 14
  /// How many days before 1 January or after 31 December a year's notice may reach (元旦's
  /// rest days can begin in late December: 2022-12-31 for 2023).
  public static let daysBeyondYear = 7
  /// The statute file's name beside the year files.
  public static let statuteFile = "statute.yaml"

  /// What calendar `name` holds, from its folders' file names alone (no file is read): the
  /// years with a notice (`2027.yaml`, shipped or imported) and whether the statute is there.
  /// For a note that needs no day of the calendar (is next year's notice missing?); nil for
  /// an unknown calendar. A year file that `load` would refuse still counts here.
  public static func contents(name: String, legal: URL, imported: URL? = nil) -> (
    years: Set<Int>, statute: Bool
  )? {
    guard availableCalendars(in: legal).contains(name) else { return nil }
    let fm = FileManager.default
    let shipped = legal.appendingPathComponent("calendars/\(name)", isDirectory: true)
    var folders = [shipped]
    if let imported { folders.append(imported.appendingPathComponent(name, isDirectory: true)) }
    var years: Set<Int> = []
    for folder in folders {
      for file in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] {
        let stem = file.dropLast(".yaml".count)
        guard file.hasSuffix(".yaml"), stem.count == 4, stem.allSatisfy(\.isASCII), let year = Int(stem)
        else { continue }
        years.insert(year)
      }
    }
    return (years, fm.fileExists(atPath: shipped.appendingPathComponent(statuteFile).path))
  }

  /// The calendars present under `legal/calendars/`.
  public static func availableCalendars(in legal: URL) -> [String] {
    let folder = legal.appendingPathComponent("calendars", isDirectory: true)
    let fm = FileManager.default
    let names = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { name in
      var isDir: ObjCBool = false
      return !name.hasPrefix(".")
        && fm.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDir)
        && isDir.boolValue
    }.sorted()
  }

  /// Loads calendar `name` from `legal` (the `legal/` data folder) and, when given, the
  /// user's imported notices under `imported/<name>/`. Throws `UnknownCalendar` when there is
  /// no such folder and `DiagnosticsError` when a file is wrong.
  ///
  /// A year with both a shipped and an imported notice: the shipped one is used (it came
  /// with a later version of redress and was reviewed), unless the imported one follows a
  /// notice dated later than every notice the shipped file follows (a correction published
  /// after that version).
  ///
  /// `traditional` reads the holiday names' Traditional Chinese (`zh-Hant.yaml`): a command
  /// that prints no holiday name in zh-Hant passes false and does not read the file.
  public static func load(
    name: String, legal: URL, imported: URL? = nil, traditional readTraditional: Bool = true
  ) throws -> HolidayCalendar {
    let available = availableCalendars(in: legal)
    guard available.contains(name) else { throw UnknownCalendar(name: name, available: available) }
    let folder = legal.appendingPathComponent("calendars/\(name)", isDirectory: true)
    var problems: [Diagnostic] = []
    var statute: StatutoryHolidays?
    let statuteURL = folder.appendingPathComponent(statuteFile)
    if FileManager.default.fileExists(atPath: statuteURL.path) {
      do {
        statute = try readStatute(
          contentsOf: statuteURL, file: "legal/calendars/\(name)/\(statuteFile)", calendar: name, legal: legal
        )
      } catch let error as DiagnosticsError {
        problems += error.diagnostics
      }
    }
    var years = try readFolder(
      folder, display: "legal/calendars/\(name)", calendar: name, statute: statute, source: .shipped,
      problems: &problems)
    if let imported {
      let userFolder = imported.appendingPathComponent(name, isDirectory: true)
      let mine = try readFolder(
        userFolder, display: userFolder.path, calendar: name, statute: statute, source: .imported,
        problems: &problems)
      for year in mine {
        if let i = years.firstIndex(where: { $0.year == year.year }) {
          if year.latestNoticeDate > years[i].latestNoticeDate { years[i] = year }
        } else {
          years.append(year)
        }
      }
    }
    var traditional = TraditionalTexts.empty
    if readTraditional {
      do {
        traditional = try TraditionalTexts.load(directory: folder)
      } catch let error as DiagnosticsError {
        problems += error.diagnostics
      }
    }
    if !problems.isEmpty { throw DiagnosticsError(problems) }
    var calendar = HolidayCalendar(name: name, years: years, statute: statute)
    calendar.traditional = traditional
    return calendar
  }

  /// The year files of one folder (`display` names it in messages).
  static func readFolder(
    _ folder: URL, display folderName: String, calendar name: String, statute: StatutoryHolidays?,
    source: HolidayCalendar.Source, problems: inout [Diagnostic]
  ) throws -> [HolidayCalendar.Year] {
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    var years: [HolidayCalendar.Year] = []
    for file in files where !file.hasPrefix(".") && file != statuteFile && file != TraditionalTexts.fileName {
      let display = "\(folderName)/\(file)"
      let isYAML = file.hasSuffix(".yaml") || file.hasSuffix(".yml")
      guard isYAML else { continue }
      let stem = file.split(separator: ".").first.map(String.init) ?? ""
      guard file.hasSuffix(".yaml"), stem.count == 4, let year = Int(stem), stem.allSatisfy(\.isASCII)
      else {
        problems.append(
          Diagnostic(
            .error, file: display,
            message: "a year file must be named after its year, such as 2027.yaml"))
        continue
      }
      do {
        let node = try YAMLDocumentLoader.load(
          contentsOf: folder.appendingPathComponent(file), displayName: display)
        var read = try readYear(node, file: display, calendar: name, expectedYear: year, statute: statute)
        read.source = source
        years.append(read)
      } catch let error as DiagnosticsError {
        problems += error.diagnostics
      }
    }
    return years
  }

  /// Reads one year file's text (for tests and tools that check a file before it is added).
  /// With `statute`, every statutory holiday of the year must lie inside a rest period.
  public static func readYear(
    data: Data, file: String, calendar: String, expectedYear: Int? = nil, statute: StatutoryHolidays? = nil
  ) throws -> HolidayCalendar.Year {
    let node = try YAMLDocumentLoader.load(data: data, file: file)
    return try readYear(node, file: file, calendar: calendar, expectedYear: expectedYear, statute: statute)
  }

  /// A calendar name with no folder under `legal/calendars/`.
  public struct UnknownCalendar: Error, CustomStringConvertible, Sendable {
    public var name: String
    public var available: [String]
    public var description: String {
      "no holiday calendar '\(name)'; available: "
        + (available.isEmpty ? "none (legal/calendars/ is empty)" : available.joined(separator: ", "))
    }
  }

  // MARK: Reading

  static func readYear(
    _ root: Node, file: String, calendar: String, expectedYear: Int?, statute: StatutoryHolidays? = nil
  ) throws -> HolidayCalendar.Year {
    let r = YAMLNodeReader(file: file, nodeBudget: 100_000)
    guard
      let top = r.mapping(
        root, path: "", allowed: ["schema", "calendar", "year", "notice", "amendments", "holidays"])
    else { throw DiagnosticsError(r.diagnostics) }

    r.schema(top, of: root, reads: schemaVersion)
    if let node = r.required("calendar", in: top, parent: root, path: ""),
      let name = r.string(node, path: "calendar"), name != calendar
    {
      r.error(
        "this file is in the folder of calendar '\(calendar)' but says '\(name)'", at: node, path: "calendar")
    }
    var year = expectedYear ?? 0
    if let node = r.required("year", in: top, parent: root, path: ""),
      let value = r.integer(node, path: "year", range: 1900...2999)
    {
      if let expectedYear, value != expectedYear {
        r.error("the file is named \(expectedYear).yaml but says year \(value)", at: node, path: "year")
      }
      if expectedYear == nil { year = value }
    }

    var notice: HolidayCalendar.Notice?
    if let node = r.required("notice", in: top, parent: root, path: "") {
      notice = readNotice(node, path: "notice", reader: r)
    }
    var amendments: [HolidayCalendar.Notice] = []
    if let node = top["amendments"], let list = r.sequence(node, path: "amendments") {
      for (i, item) in list.enumerated() {
        if let n = readNotice(item, path: "amendments[\(i)]", reader: r) { amendments.append(n) }
      }
    }

    var holidays: [HolidayCalendar.Holiday] = []
    if let node = r.required("holidays", in: top, parent: root, path: ""),
      let list = r.sequence(node, path: "holidays")
    {
      if list.isEmpty { r.error("expected at least one holiday", at: node, path: "holidays") }
      var restOwner: [CalendarDate: (name: String, line: Int?)] = [:]
      var workOwner: [CalendarDate: (name: String, line: Int?)] = [:]
      var pendingWork: [(date: CalendarDate, node: Node, path: String, holiday: String)] = []
      for (index, item) in list.enumerated() {
        let path = "holidays[\(index)]"
        guard
          let map = r.mapping(
            item, path: path, allowed: ["name", "name_en", "rest", "make_up_working_days", "note"])
        else { continue }
        let name = r.required("name", in: map, parent: item, path: path).flatMap {
          r.string($0, path: "\(path).name")
        }
        let label = name ?? "holiday \(index + 1)"
        let englishName = map["name_en"].flatMap { r.string($0, path: "\(path).name_en") }
        let note = map["note"].flatMap { r.string($0, path: "\(path).note") }

        var rest: ClosedRange<CalendarDate>?
        if let node = r.required("rest", in: map, parent: item, path: path) {
          rest = readRange(node, path: "\(path).rest", year: year, reader: r)
        }
        if let rest {
          var day = rest.lowerBound
          while day <= rest.upperBound {
            if let owner = restOwner[day] {
              r.error(
                "\(day.iso) is already a rest day of \(owner.name)\(owner.line.map { " (line \($0))" } ?? "")",
                at: map["rest"], path: "\(path).rest")
            } else {
              restOwner[day] = (label, map["rest"]?.mark?.line)
            }
            day = day.adding(days: 1)
          }
        }

        var work: [CalendarDate] = []
        if let node = map["make_up_working_days"],
          let days = r.sequence(node, path: "\(path).make_up_working_days")
        {
          for (j, dayNode) in days.enumerated() {
            let dayPath = "\(path).make_up_working_days[\(j)]"
            guard let date = r.date(dayNode, path: dayPath) else { continue }
            guard inYear(date, year: year, node: dayNode, path: dayPath, reader: r) else { continue }
            if !date.isWeekend {
              r.error(
                "\(date.iso) is a \(weekdayName(date)); a make-up working day (调休上班) is a Saturday or Sunday",
                at: dayNode, path: dayPath)
              continue
            }
            if let owner = workOwner[date] {
              r.error(
                "\(date.iso) is already a make-up working day of \(owner.name)\(owner.line.map { " (line \($0))" } ?? "")",
                at: dayNode, path: dayPath)
              continue
            }
            workOwner[date] = (label, dayNode.mark?.line)
            pendingWork.append((date, dayNode, dayPath, label))
            work.append(date)
          }
        }
        if let name, let rest {
          holidays.append(
            HolidayCalendar.Holiday(
              name: name, englishName: englishName, rest: rest, makeUpWorkingDays: work, note: note))
        }
      }
      // Checked once every holiday's rest days are known: a day cannot be both.
      for pending in pendingWork {
        if let owner = restOwner[pending.date] {
          r.error(
            "\(pending.date.iso) is listed as a make-up working day of \(pending.holiday) but is also a rest day of \(owner.name)\(owner.line.map { " (line \($0))" } ?? "")",
            at: pending.node, path: pending.path)
        }
      }
    }

    // Every holiday the statute fixes for the year must be a rest day of the notice: a notice
    // moves the days around them, never the holidays themselves. Checked when every holiday's
    // rest days could be read (a wrong range is reported by itself).
    var listCount = -1
    if case .sequence(let entries)? = top["holidays"] { listCount = entries.count }
    let everyRestRead = listCount == holidays.count
    if let statute, year != 0, everyRestRead, let list = top["holidays"] {
      for fixed in statute.holidays(in: year) {
        var day = fixed.rest.lowerBound
        while day <= fixed.rest.upperBound {
          if !holidays.contains(where: { $0.rest.contains(day) }) {
            r.error(
              "\(day.iso) (\(weekdayName(day))) is a statutory holiday (\(fixed.name), \(statute.title)) but is not inside any rest period of this notice",
              at: list, path: "holidays")
          }
          day = day.adding(days: 1)
        }
      }
    }

    if r.hasErrors { throw DiagnosticsError(r.diagnostics) }
    guard let notice else { throw DiagnosticsError(r.diagnostics) }
    return HolidayCalendar.Year(
      year: year, notice: notice, amendments: amendments,
      holidays: holidays.sorted { $0.rest.lowerBound < $1.rest.lowerBound }, file: file)
  }

  private static func readNotice(_ node: Node, path: String, reader r: YAMLNodeReader) -> HolidayCalendar
    .Notice?
  {
    guard
      let map = r.mapping(
        node, path: path, allowed: ["title", "number", "date", "url", "basis", "reprints", "note"])
    else { return nil }
    func need(_ key: String) -> Node? { r.required(key, in: map, parent: node, path: path) }
    let title = need("title").flatMap { r.string($0, path: "\(path).title") }
    let date = need("date").flatMap { r.date($0, path: "\(path).date") }
    let url = need("url").flatMap { r.string($0, path: "\(path).url") }
    if let url, let n = map["url"], !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
      r.error("expected the notice's web address (https://…), got \"\(url)\"", at: n, path: "\(path).url")
    }
    let number = map["number"].flatMap { r.string($0, path: "\(path).number") }
    let basis = map["basis"].flatMap { r.string($0, path: "\(path).basis") }
    let note = map["note"].flatMap { r.string($0, path: "\(path).note") }
    var reprints: [String] = []
    if let n = map["reprints"], let list = r.sequence(n, path: "\(path).reprints") {
      for (i, item) in list.enumerated() {
        if let s = r.string(item, path: "\(path).reprints[\(i)]") { reprints.append(s) }
      }
    }
    guard let title, let date, let url else { return nil }
    return HolidayCalendar.Notice(
      title: title, number: number, date: date, url: url, basis: basis, reprints: reprints, note: note)
  }

  /// `rest: 2025-01-01` (one day) or `rest: {from: 2025-01-28, to: 2025-02-04}`.
  private static func readRange(
    _ node: Node, path: String, year: Int, reader r: YAMLNodeReader
  ) -> ClosedRange<CalendarDate>? {
    if case .mapping = node {
      guard let map = r.mapping(node, path: path, allowed: ["from", "to"]) else { return nil }
      guard let fromNode = map["from"], let toNode = map["to"] else {
        r.error("expected both 'from' and 'to' (the first and the last rest day)", at: node, path: path)
        return nil
      }
      guard let from = r.date(fromNode, path: "\(path).from"), let to = r.date(toNode, path: "\(path).to")
      else { return nil }
      guard inYear(from, year: year, node: fromNode, path: "\(path).from", reader: r),
        inYear(to, year: year, node: toNode, path: "\(path).to", reader: r)
      else { return nil }
      guard from <= to else {
        r.error(
          "the rest days end (\(to.iso)) before they start (\(from.iso))", at: toNode, path: "\(path).to")
        return nil
      }
      let length = from.days(until: to) + 1
      guard length <= longestHoliday else {
        r.error(
          "\(length) rest days in a row; no announced holiday is longer than \(longestHoliday) days, check the dates",
          at: toNode, path: "\(path).to")
        return nil
      }
      return from...to
    }
    guard let day = r.date(node, path: path) else { return nil }
    guard inYear(day, year: year, node: node, path: path, reader: r) else { return nil }
    return day...day
  }

  private static func inYear(
    _ date: CalendarDate, year: Int, node: Node, path: String, reader r: YAMLNodeReader
  ) -> Bool {
    guard year != 0, date.year != year else { return true }
    if let first = CalendarDate(year: year, month: 1, day: 1),
      let last = CalendarDate(year: year, month: 12, day: 31),
      date >= first.adding(days: -daysBeyondYear), date <= last.adding(days: daysBeyondYear)
    {
      return true
    }
    r.error(
      "\(date.iso) is not in \(year) nor within \(daysBeyondYear) days of it; each file holds its own year's notice (put it in \(date.year).yaml)",
      at: node, path: path)
    return false
  }

  private static func weekdayName(_ date: CalendarDate) -> String {
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][date.weekday - 1]
  }
}
