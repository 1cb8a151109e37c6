import ArgumentParser
import RedressCore

struct StatusCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Every stored case with its stage, due day, days left and state.",
    discussion: """
      The due day is the earliest among the case's open clocks (the consumer association's \
      15-day practice window; the market regulator's 7 working days to decide and 60 days of \
      mediation). Overdue cases come first, with the routes open next (消法 Art. 39).
      """)

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp("The day to count from, YYYY-MM-DD (default today).", valueName: "date"))
  var today: CalendarDate?
  @Option(help: "text or json.") var format: OutputFormat = .text

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    let day = today ?? CommandEnvironment.localToday()
    let words = TrackingWords(language: env.language)
    switch format {
    case .json:
      // Every clock of every case, from the digests the store keeps (as the table below).
      var cases: [TrackedCase] = []
      let data = try TrackingData(env)
      if let store = try env.openStore(create: false) {
        cases = try data.trackedCases(store, today: day)
      }
      StatusReport.streamJSON(cases, today: day, words: words) { env.output.write(utf8: $0) }
      env.output.write(utf8: [0x0A])
    case .text:
      // The table needs no clock but the due one: it comes from the digests the store keeps.
      var lines: [StatusLine] = []
      let data = try TrackingData(env)
      if let store = try env.openStore(create: false) {
        lines = try data.statusLines(store, today: day)
      }
      var text = StatusReport.textBytes(lines, today: day, words: words, output: env.output)
      // From 1 November: next year's notice, if it is still missing (the folder's file
      // names tell; the table needs no day of the calendar).
      if !lines.isEmpty,
        let calendar = HolidayCalendarLoader.contents(name: "cn", legal: data.legal, imported: data.imported),
        let year = TrackingWords.nextYearWithoutNotice(
          today: day, noticeYears: calendar.years, hasStatute: calendar.statute)
      {
        text += [0x0A, 0x0A]
        text += env.output.style(words.nextYearMissing(year), .dim).utf8
      }
      // The table of thousands of cases goes out as the bytes it was written in.
      text.append(0x0A)
      env.output.write(utf8: text)
    }
    return 0
  }
}
