import ArgumentParser
import Foundation
import RedressCore

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
    try PrivateFileWriter.write(Data(text.utf8), to: url, shownAs: output)
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

/// Writes a file the way redress writes every output: to a temporary name in the same folder,
/// owner-only (0600), then renamed over the target, so that a failure or a kill never leaves a
/// partial file where a complete one is expected.
enum PrivateFileWriter {
  static func write(_ data: Data, to url: URL, shownAs name: String) throws {
    let folder = url.deletingLastPathComponent()
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else {
      throw UserError("cannot write \(name): the folder \(folder.path) does not exist")
    }
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue {
      throw UserError("cannot write \(name): it is a folder")
    }
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
    let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw UserError("cannot write \(name): \(String(cString: strerror(errno)))")
    }
    var failure: String?
    data.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          failure = String(cString: strerror(errno))
          return
        }
        offset += n
      }
    }
    if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
    close(fd)
    if failure == nil, rename(temporary.path, url.path) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(temporary.path)
      throw UserError("cannot write \(name): \(failure)")
    }
  }
}
