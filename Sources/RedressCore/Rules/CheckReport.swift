/// The result of `redress check`: the case, where and when it was checked, and the findings.
/// Its JSON is the shape `cli.md` fixes, with keys in the documented order.
public struct CheckReport: Sendable {
  /// The case id, or the case file's base name when the case has none.
  public var caseName: String
  public var jurisdiction: String
  public var venue: Venue
  public var today: CalendarDate
  public var findings: [Finding]

  public init(caseName: String, jurisdiction: String, venue: Venue, today: CalendarDate, findings: [Finding])
  {
    self.caseName = caseName
    self.jurisdiction = jurisdiction
    self.venue = venue
    self.today = today
    self.findings = findings
  }

  /// True exactly when no finding is `block`.
  public var admissible: Bool { RuleEngine.isAdmissible(findings) }

  /// The report as JSON, texts in `language` (`message`, `advice`, `summary`, citations).
  public func json(language: String) -> String {
    let findingsJSON: [OrderedJSON] = findings.map { f in
      var entries: [(String, OrderedJSON)] = [
        ("rule", .string(f.rule)),
        ("severity", .string(f.severity.rawValue)),
        ("message", .string(f.message(in: language))),
        ("fields", .array(f.fields.map { OrderedJSON.string($0) })),
        (
          "citations",
          .array(
            f.citations.map { c in
              var e: [(String, OrderedJSON)] = [
                ("source", .string(c.source(in: language))),
                ("article", .string(c.article(in: language))),
                ("confidence", .string(c.confidence.rawValue)),
              ]
              if let note = c.note(in: language) { e.append(("note", .string(note))) }
              return .object(e)
            })
        ),
        ("summary", .string(f.summary(in: language))),
      ]
      if let advice = f.advice(in: language) { entries.append(("advice", .string(advice))) }
      if f.provisional {
        entries.append(("provisional", .bool(true)))
        entries.append(("years_without_notice", .array(f.yearsWithoutNotice.map { OrderedJSON.int($0) })))
      }
      if f.dependsOnNotice { entries.append(("depends_on_notice", .bool(true))) }
      return .object(entries)
    }
    let doc = OrderedJSON.object([
      ("case", .string(caseName)),
      ("jurisdiction", .string(jurisdiction)),
      ("venue", .string(venue.rawValue)),
      ("today", .string(today.iso)),
      ("admissible", .bool(admissible)),
      ("findings", .array(findingsJSON)),
    ])
    return doc.text()
  }
}
