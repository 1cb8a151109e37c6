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
      files), filed_on and updated (UTC).
      """)

  @OptionGroup var global: GlobalOptions

  @Option(help: "text or json.") var format: String = "text"

  func validate() throws {
    guard ["text", "json"].contains(format) else {
      throw ValidationError("--format must be text or json, not '\(format)'")
    }
  }

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    let cases = try env.storedCases()
    if format == "json" {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      let data = try encoder.encode(cases.map(Entry.init))
      env.output.out(String(decoding: data, as: UTF8.self))
      return 0
    }
    if cases.isEmpty {
      env.output.out("No stored cases. `redress new` starts one; `redress import FILE` adds a case file.")
      return 0
    }
    var table = TextTable(header: ["CASE", "STAGE", "COMPLAINANT", "RESPONDENT", "EVIDENCE", "UPDATED"])
    for c in cases {
      table.add([
        c.id, c.stage.rawValue, c.caseFile.complainant?.name ?? "–", c.caseFile.respondent?.name ?? "–",
        "\(c.evidenceCount)", Self.localDay(c.updatedAt),
      ])
    }
    let lines = table.render()
    env.output.out(env.output.style(lines[0], .bold))
    for line in lines.dropFirst() { env.output.out(line) }
    return 0
  }

  static func localDay(_ date: Date) -> String {
    let p = Calendar.current.dateComponents([.year, .month, .day], from: date)
    return CalendarDate(year: p.year!, month: p.month!, day: p.day!)?.iso ?? ""
  }

  /// One case in `list --format json`.
  struct Entry: Encodable {
    var summary: StoredCaseSummary
    init(_ summary: StoredCaseSummary) { self.summary = summary }

    enum Key: String, CodingKey {
      case `case`, stage, complainant, respondent, draft, evidence
      case filedOn = "filed_on"
      case updated
    }

    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: Key.self)
      try c.encode(summary.id, forKey: .case)
      try c.encode(summary.stage.rawValue, forKey: .stage)
      try c.encode(summary.caseFile.complainant?.name, forKey: .complainant)
      try c.encode(summary.caseFile.respondent?.name, forKey: .respondent)
      try c.encode(summary.isDraft, forKey: .draft)
      try c.encode(summary.evidenceCount, forKey: .evidence)
      try c.encode(summary.caseFile.filing?.filedOn?.iso, forKey: .filedOn)
      let iso = ISO8601DateFormatter()
      try c.encode(iso.string(from: summary.updatedAt), forKey: .updated)
    }
  }
}
