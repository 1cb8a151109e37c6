import ArgumentParser
import Foundation
import RedressCore

struct ListCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "Lists the stored cases.",
    discussion: """
      The JSON form is an array with one object per case: case, stage (draft, ready, filed,
      accepted, answered, closed), complainant, respondent, draft, evidence (how many
      files), filed_on and updated (UTC); in a team's register also written_by, owner and
      assigned (database roles).
      """)

  @OptionGroup var global: GlobalOptions

  @Option(help: "text or json.") var format: OutputFormat = .text

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    let cases = try env.storedCases()
    if format == .json {
      env.output.out(Self.json(cases))
      return 0
    }
    if cases.isEmpty {
      env.output.out(env.words.noStoredCases)
      return 0
    }
    let stages = TrackingWords(language: env.language)
    // A register's cases also say who saved them last (the database role).
    let register = cases.contains { $0.writer != nil }
    var table = TextTable(header: env.words.listHeader + (register ? [env.words.writerHeader] : []))
    for c in cases {
      table.add(
        [
          c.id, stages.stage(c.stage), c.caseFile.complainant?.name ?? "–",
          c.caseFile.respondent?.name ?? "–",
          "\(c.evidenceCount)", Self.localDay(c.updatedAt),
        ] + (register ? [c.writer ?? "–"] : []))
    }
    var lines = table.render()
    lines[0] = env.output.style(lines[0], .bold)
    // One write for the whole table: thousands of cases should not cost thousands of calls.
    env.output.out(lines.joined(separator: "\n"))
    return 0
  }

  /// The local calendar day of `date` (`localtime_r`, much cheaper than `Calendar` per row).
  static func localDay(_ date: Date) -> String {
    var t = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    guard localtime_r(&t, &parts) != nil,
      let day = CalendarDate(
        year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    else { return "" }
    return day.iso
  }

  /// `list --format json`: one object per case with `case`, `stage`, `complainant`,
  /// `respondent` (names or null), `draft`, `evidence` (count), `filed_on` and `updated`
  /// (UTC, ISO 8601); a register's cases also `written_by`, `owner` and `assigned` (roles).
  /// Written directly: JSONEncoder takes most of a second for 10,000 cases.
  static func json(_ cases: [StoredCaseSummary]) -> String {
    if cases.isEmpty { return "[]" }
    var out = "[\n"
    out.reserveCapacity(cases.count * 220)
    for (i, c) in cases.enumerated() {
      out += "  {\"case\": "
      Self.appendJSON(c.id, to: &out)
      out += ", \"stage\": \""
      out += c.stage.rawValue
      out += "\", \"complainant\": "
      Self.appendJSON(c.caseFile.complainant?.name, to: &out)
      out += ", \"respondent\": "
      Self.appendJSON(c.caseFile.respondent?.name, to: &out)
      out += c.isDraft ? ", \"draft\": true, \"evidence\": " : ", \"draft\": false, \"evidence\": "
      out += String(c.evidenceCount)
      out += ", \"filed_on\": "
      Self.appendJSON(c.caseFile.filing?.filedOn?.iso, to: &out)
      out += ", \"updated\": \""
      out += Self.utcTimestamp(c.updatedAt)
      if let writer = c.writer {
        // A register's: who saved it last and who owns it (database roles).
        out += "\", \"written_by\": "
        Self.appendJSON(writer, to: &out)
        out += ", \"owner\": "
        Self.appendJSON(c.owner, to: &out)
        out += ", \"assigned\": ["
        for (k, role) in c.assigned.enumerated() {
          if k > 0 { out += ", " }
          Self.appendJSON(role, to: &out)
        }
        out += i == cases.count - 1 ? "]}\n" : "]},\n"
      } else {
        out += i == cases.count - 1 ? "\"}\n" : "\"},\n"
      }
    }
    out += "]"
    return out
  }

  /// `2026-11-22T12:31:53Z`.
  static func utcTimestamp(_ date: Date) -> String {
    var t = time_t(date.timeIntervalSince1970.rounded(.down))
    var p = tm()
    guard gmtime_r(&t, &p) != nil else { return "" }
    func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return
      "\(p.tm_year + 1900)-\(two(p.tm_mon + 1))-\(two(p.tm_mday))T\(two(p.tm_hour)):\(two(p.tm_min)):\(two(p.tm_sec))Z"
  }

  /// A JSON string (`OrderedJSON.quote`), or `null`.
  static func appendJSON(_ s: String?, to out: inout String) {
    if let s { OrderedJSON.quote(s, into: &out) } else { out += "null" }
  }
}
