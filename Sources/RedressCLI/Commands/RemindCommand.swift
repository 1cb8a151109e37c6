import ArgumentParser
import Foundation
import RedressCore
import RedressDocuments
import RedressFiles

struct RemindCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "remind",
    abstract: "Writes an iCalendar file with every open deadline.",
    discussion: """
      One all-day event per open clock of every stored case, on its due day, with a reminder \
      at 09:00 the day before. Each event keeps the same UID from one run to the next, so \
      importing a newer file into a calendar program updates the events instead of adding \
      copies. Without -o the calendar goes to standard output.
      """)

  @OptionGroup var global: GlobalOptions

  @Flag(help: "Write iCalendar (RFC 5545); the only format for now.") var ics = false
  @Option(
    name: [.customShort("o"), .long],
    help: ArgumentHelp("The file to write (default standard output).", valueName: "file"))
  var output: String?

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    guard ics else {
      throw UserError(
        "say which format to write: `redress remind --ics [-o FILE]` (iCalendar is the only one)")
    }
    let words = TrackingWords(language: env.language)
    let cases = try TrackingData(env).statuses(
      of: try env.trackedInputs(), today: CommandEnvironment.localToday())
    let events = ReminderCalendar.events(cases, words: words)
    let text = ICalendarWriter.document(
      events: events,
      stamp: ICalendarWriter.Stamp(secondsSince1970: Int64(Date().timeIntervalSince1970)),
      calendarName: words.pick("投诉期限（redress）", "投訴期限（redress）", "Complaint deadlines (redress)"),
      productVersion: RedressCommand.version)
    guard let output else {
      env.output.out(text, terminator: "")
      return 0
    }
    let url = env.resolve(output)
    do {
      try AtomicFile.write(Data(text.utf8), to: url)
    } catch let error as AtomicFileError {
      throw UserError(error.description)
    }
    let count = events.count
    env.output.err(
      words.pick(
        "已写入 \(output)：\(count) 个期限。导入日历程序即可；再次导入会更新，不会重复。",
        "已寫入 \(output)：\(count) 個期限。匯入日曆程式即可；再次匯入會更新，不會重複。",
        "Wrote \(output): \(count) deadline\(count == 1 ? "" : "s"). Import it into your calendar; importing a newer one updates the events."
      ))
    return 0
  }
}
