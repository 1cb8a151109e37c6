import ArgumentParser
import Foundation
import RedressCore
import RedressFiles

/// `redress calendar YEAR` (the rest days and make-up working days of a year, each with its
/// basis) and `redress calendar import FILE` (adds a year's State Council notice).
struct CalendarCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "calendar",
    abstract: "Shows a year's holidays, or adds a year's State Council notice.",
    discussion: """
      `redress calendar 2027` lists the rest days of each holiday and the make-up working days \
      (调休上班) of a year, each with its basis: a State Council notice, or, for a year whose \
      notice redress does not know yet, the holidays 《全国年节及纪念日放假办法》 fixes by \
      itself (provisional: no 补假 or 调休 is guessed). `redress calendar import FILE` adds a \
      notice written as a calendar file (the format of legal/calendars/cn/*.yaml, see \
      CONTRIBUTING.md) to your data, after checking it; from then on it replaces the \
      statutory fallback for its year.
      """,
    subcommands: [Show.self, Import.self],
    defaultSubcommand: Show.self)

  struct Show: RedressRunnable {
    static let configuration = CommandConfiguration(
      commandName: "show", abstract: "The rest days and make-up working days of a year.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The year, such as 2027.", valueName: "year")) var year: Int
    @Option(help: ArgumentHelp("The holiday calendar under legal/calendars/.", valueName: "name"))
    var calendar: String = "cn"
    @Option(help: "text or json.") var format: OutputFormat = .text

    func execute(_ env: CommandEnvironment) throws -> Int32 {
      guard (1900...2999).contains(year) else {
        throw UserError("year: expected a year from 1900 to 2999, got \(year)")
      }
      let holidays = try TrackingData(env).calendar(calendar)
      let view = YearView(calendar: holidays, year: year)
      let words = TrackingWords(language: env.language)
      switch format {
      case .json: env.output.out(view.json(words: words).text())
      case .text: env.output.out(view.text(words: words, output: env.output))
      }
      return 0
    }
  }

  struct Import: RedressRunnable {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Adds a year's State Council notice (a calendar file) to your data, after checking it.",
      discussion: """
        The file is checked as redress checks its own calendar files, and more: every date is \
        a real day inside its year (or a few days from it: 元旦 can begin in late December), \
        no day is both a rest day and a working day, every make-up working day is a Saturday \
        or Sunday, and every holiday the statute fixes for the year lies inside a rest period. \
        A file with a problem is refused with its file, line and reason, and nothing is added. \
        It is stored as calendars/<calendar>/<year>.yaml in the store folder (--store, \
        $REDRESS_HOME, else ${XDG_DATA_HOME:-~/.local/share}/redress), readable by you only. A \
        notice that a later version of redress ships for the same year replaces it, unless \
        yours follows a later notice.
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The calendar file, such as 2027.yaml.", valueName: "file")) var file: String
    @Option(help: ArgumentHelp("The holiday calendar under legal/calendars/.", valueName: "name"))
    var calendar: String = "cn"

    func execute(_ env: CommandEnvironment) throws -> Int32 {
      let data = try TrackingData(env)
      // The shipped calendar: an unknown name is refused, and its statute checks the file.
      let shipped = try data.calendar(calendar)
      let url = env.resolve(file)
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue
      else {
        throw UserError("\(file): no such file")
      }
      let bytes: Data
      do {
        bytes = try Data(contentsOf: url)
      } catch {
        throw UserError("\(file): cannot be read (\(error.localizedDescription))")
      }
      let year = try HolidayCalendarLoader.readYear(
        data: bytes, file: file, calendar: calendar, statute: shipped.statute)
      let folder = env.userCalendarsDirectory.appendingPathComponent(calendar, isDirectory: true)
      let destination = folder.appendingPathComponent("\(year.year).yaml")
      let replacing = FileManager.default.fileExists(atPath: destination.path)
      do {
        try Self.makeOwnerOnlyFolders(folder)
        try AtomicFile.write(bytes, to: destination, permissions: 0o600)
      } catch {
        throw UserError("\(destination.path): cannot be written (\(error))")
      }
      let words = TrackingWords(language: env.language)
      env.output.out(words.imported(year, path: destination.path, replacing: replacing))
      // A shipped notice that outranks the imported one is used instead: say so.
      if let own = shipped.years[year.year], own.source == .shipped,
        own.latestNoticeDate >= year.latestNoticeDate
      {
        env.output.err(
          env.output.styleErr("warning:", .yellow) + " " + words.shippedOutranks(own, imported: year))
      }
      return 0
    }

    /// Creates `folder` and its missing parents, each readable by the owner only.
    static func makeOwnerOnlyFolders(_ folder: URL) throws {
      let manager = FileManager.default
      var missing: [URL] = []
      var current = folder
      while !manager.fileExists(atPath: current.path) {
        missing.append(current)
        let parent = current.deletingLastPathComponent()
        if parent.path == current.path { break }
        current = parent
      }
      for url in missing.reversed() {
        try manager.createDirectory(
          at: url, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
      }
    }
  }
}

/// One year of a calendar as `redress calendar YEAR` shows it.
struct YearView {
  struct Day {
    var date: CalendarDate
    var holiday: HolidayCalendar.Holiday
  }

  let calendar: HolidayCalendar
  let year: Int
  /// The year's notice, when it has one.
  let notice: HolidayCalendar.Year?
  /// Each holiday of the year with its rest days (and make-up working days for a notice).
  let holidays: [HolidayCalendar.Holiday]

  init(calendar: HolidayCalendar, year: Int) {
    self.calendar = calendar
    self.year = year
    self.notice = calendar.years[year]
    self.holidays = notice?.holidays ?? calendar.statutoryHolidays(in: year)
  }

  var basis: HolidayCalendar.Basis { notice == nil ? .statute : .notice }

  var restDays: [Day] {
    holidays.flatMap { h in
      stride(from: h.rest.lowerBound.julianDay, through: h.rest.upperBound.julianDay, by: 1).map {
        Day(date: CalendarDate(julianDay: $0), holiday: h)
      }
    }.sorted { $0.date < $1.date }
  }

  var workingDays: [Day] {
    holidays.flatMap { h in h.makeUpWorkingDays.map { Day(date: $0, holiday: h) } }.sorted {
      $0.date < $1.date
    }
  }

  func json(words: TrackingWords) -> OrderedJSON {
    let basis = self.basis.rawValue
    func day(_ d: Day) -> OrderedJSON {
      .object([("date", .date(d.date)), ("holiday", .string(d.holiday.name)), ("basis", .string(basis))])
    }
    var members: [(String, OrderedJSON)] = [
      ("calendar", .string(calendar.name)),
      ("year", .int(year)),
      ("basis", .string(basis)),
      ("provisional", .bool(notice == nil)),
      ("rest_days", .array(restDays.map(day))),
      ("working_days", .array(workingDays.map(day))),
    ]
    if let notice {
      members.append(("notice", Self.noticeJSON(notice.notice)))
      if !notice.amendments.isEmpty {
        members.append(("amendments", .array(notice.amendments.map(Self.noticeJSON))))
      }
      members.append(("source", .string(notice.source.rawValue)))
      members.append(("file", .string(notice.file)))
    } else if let statute = calendar.statute {
      let text = statute.text(for: year)
      members.append(
        (
          "statute",
          .object([
            ("title", .string(statute.title)), ("article", .string(statute.article)),
            ("revision", .string(text?.revision)),
          ])
        ))
      members.append(("note", .string(words.provisional([year], calendar: calendar.name))))
    }
    return .object(members)
  }

  static func noticeJSON(_ n: HolidayCalendar.Notice) -> OrderedJSON {
    .object([
      ("title", .string(n.title)), ("number", .string(n.number)), ("date", .date(n.date)),
      ("url", .string(n.url)),
    ])
  }

  /// A holiday's name in the interface language (zh-Hant from the calendar's generated table).
  func holidayName(_ h: HolidayCalendar.Holiday, words: TrackingWords) -> String {
    words.language == .zhHant ? calendar.holidayName(h.name, in: words.code) : h.name(in: words.code)
  }

  func text(words: TrackingWords, output: Output) -> String {
    var lines: [String] = []
    lines.append(output.style(words.calendarHeading(year, calendar: calendar.name), .bold))
    if let notice {
      lines.append(words.calendarNoticeBasis(notice, calendar: calendar))
    } else {
      let statute = calendar.statute
      func shown(_ text: String?) -> String? { text.map { calendar.text($0, in: words.code) } }
      lines.append(
        words.calendarStatuteBasis(
          title: shown(statute?.title), article: shown(statute?.article),
          revision: shown(statute?.text(for: year)?.revision)))
    }
    lines.append("")
    lines.append(words.phrase("calendar.rest-days"))
    let names = holidays.map { holidayName($0, words: words) }
    let width = names.map(DisplayWidth.of).max() ?? 0
    if holidays.isEmpty { lines.append("  " + words.phrase("calendar.none")) }
    for (h, name) in zip(holidays, names) {
      let count = h.rest.lowerBound.days(until: h.rest.upperBound) + 1
      let span =
        count == 1
        ? words.dated(h.rest.lowerBound)
        : words.dated(h.rest.lowerBound) + words.phrase("calendar.to") + words.dated(h.rest.upperBound)
          + words.phrase("calendar.days", count: count)
      lines.append("  " + DisplayWidth.pad(name, to: width) + "  " + span)
    }
    lines.append("")
    lines.append(words.phrase("calendar.make-up-days"))
    let work = workingDays
    if work.isEmpty {
      lines.append(
        "  "
          + (notice == nil
            ? words.phrase("calendar.not-guessed")
            : words.phrase("calendar.none")))
    }
    for d in work {
      lines.append("  " + words.dated(d.date) + "  " + holidayName(d.holiday, words: words))
    }
    if notice == nil {
      lines.append("")
      lines.append(output.style(words.provisional([year], calendar: calendar.name), .yellow))
    }
    return lines.joined(separator: "\n")
  }
}
