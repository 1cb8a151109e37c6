import ArgumentParser
import Foundation
import RedressCore

struct DeadlineCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "deadline",
    abstract: "Counts a deadline on the holiday calendar: N days or N working days from a date.",
    discussion: """
      N days: the start day is not counted; when the last day is a rest day (a holiday, a \
      Saturday or a Sunday) the deadline moves to the next working day, and a Saturday or \
      Sunday worked to make up for a holiday (调休) is a working day. N working days: the Nth \
      working day after the start day. A year with no State Council notice counts on the \
      holidays the 放假办法 fixes by itself (元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆) and the \
      weekends; such a result is provisional, and the output says so.
      """)

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp("The start day, YYYY-MM-DD (not counted).", valueName: "date"))
  var from: CalendarDate
  // Unconditional, so that `--days -1` reaches the check below and gets a clear message.
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("How many days (0 to \(DeadlineCalculator.maximumLength)).", valueName: "n"))
  var days: Int
  @Flag(name: .customLong("working-days"), help: "Count working days instead of calendar days.")
  var workingDays = false
  @Option(help: ArgumentHelp("The holiday calendar under legal/calendars/.", valueName: "name"))
  var calendar: String = "cn"
  @Option(help: "text or json.") var format: OutputFormat = .text
  @Option(
    help: ArgumentHelp(
      "Today, YYYY-MM-DD (default today): from 1 November a missing notice for next year is pointed out.",
      valueName: "date"))
  var today: CalendarDate?

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    let data = try TrackingData(env)
    let holidays = try data.calendar(calendar)
    let unit: DeadlineUnit = workingDays ? .workingDays : .days
    let result: Deadline
    do {
      result = try DeadlineCalculator(calendar: holidays).deadline(from: from, length: days, unit: unit)
    } catch let failure as DeadlineCalculator.Failure {
      throw UserError("--days: \(failure)")
    }
    let words = TrackingWords(language: env.language)
    let nextYear = TrackingWords.nextYearWithoutNotice(
      today: today ?? CommandEnvironment.localToday(), calendar: holidays)
    switch format {
    case .json:
      var json = Self.json(result, calendar: holidays, words: words)
      if let nextYear, case .object(var members) = json {
        members.append(("next_year_without_notice", .int(nextYear)))
        members.append(("next_year_note", .string(words.nextYearMissing(nextYear))))
        json = .object(members)
      }
      env.output.out(json.text())
    case .text:
      let rule = try? data.tracker(jurisdiction: calendar)?.catalog.counting[unit]
      var text = Self.text(result, calendar: holidays, rule: rule, words: words, output: env.output)
      if let nextYear { text += "\n" + env.output.style(words.nextYearMissing(nextYear), .dim) }
      env.output.out(text)
    }
    return 0
  }

  /// The JSON of `cli.md` (`from`, `days`, `working_days`, `calendar`, `due`, `unadjusted`,
  /// `provisional`, `years_without_notice`), with extras: what the due day moved off, and a
  /// note when the result is provisional.
  static func json(_ d: Deadline, calendar: HolidayCalendar, words: TrackingWords) -> OrderedJSON {
    var members: [(String, OrderedJSON)] = [
      ("from", .date(d.from)),
      ("days", .int(d.length)),
      ("working_days", .bool(d.unit == .workingDays)),
      ("calendar", .string(calendar.name)),
      ("due", .date(d.due)),
      ("unadjusted", .date(d.unadjusted)),
    ]
    // Why the due day moved: off a `holiday` (named) or a `weekend`; null when it did not.
    switch d.movedOff {
    case .holiday(let name):
      members += [("moved_off", .string("holiday")), ("holiday", .string(name))]
    case .weekend:
      members.append(("moved_off", .string("weekend")))
    case .workday, .makeUpWorkday, nil:
      members.append(("moved_off", .null))
    }
    members.append(("provisional", .bool(d.provisional)))
    members.append(("years_without_notice", .array(d.yearsWithoutData.map { .int($0) })))
    if d.provisional {
      members.append(("note", .string(words.provisional(d.yearsWithoutData, calendar: calendar.name))))
    }
    return .object(members)
  }

  static func text(
    _ d: Deadline, calendar: HolidayCalendar, rule: ClockCatalog.CountingRule?, words: TrackingWords,
    output: Output
  ) -> String {
    var rows: [(String, String)] = []
    rows.append(
      (
        words.pick("起算日", "起算日", "From"),
        words.dated(d.from) + words.pick("，当日不计入", "，當日不計入", ", not counted")
      ))
    rows.append((words.pick("期间", "期間", "Period"), words.length(d.length, d.unit)))
    if d.unit == .days, let moved = d.movedOff {
      rows.append(
        (
          words.pick("期间届满", "期間屆滿", "Ends on"),
          words.dated(d.unadjusted) + words.pick("，", "，", ", ") + words.dayKind(moved, calendar: calendar)
            + words.pick("，顺延", "，順延", ", so it moves to the next working day")
        ))
    }
    rows.append(
      (
        words.pick("到期日", "到期日", "Due"),
        output.style(words.dated(d.due), .bold) + (d.provisional ? words.provisionalMark : "")
      ))
    if let rule {
      rows.append((words.pick("计算方法", "計算方法", "How"), rule.text.text(in: words.code)))
      rows.append(
        (
          words.pick("依据", "依據", "Basis"),
          rule.citations.map(words.citation).joined(separator: words.pick("；", "；", "; "))
        ))
    }
    let width = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
    var lines = rows.map { DisplayWidth.pad($0.0, to: width) + "  " + $0.1 }
    if d.provisional {
      lines.append(output.style(words.provisional(d.yearsWithoutData, calendar: calendar.name), .yellow))
    }
    return lines.joined(separator: "\n")
  }
}
