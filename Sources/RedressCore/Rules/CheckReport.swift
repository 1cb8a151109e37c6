/// The result of `redress check`: the case, where and when it was checked, and the findings.
/// Its JSON is the shape `cli.md` fixes, with keys in the documented order.
public struct CheckReport: Sendable {
  /// The case id, or the case file's base name when the case has none.
  public var caseName: String
  public var jurisdiction: String
  public var venue: Venue
  public var today: CalendarDate
  public var findings: [Finding]
  /// The errors `validate` reports in the case's facts (`CaseValidator.factProblems`). A
  /// finding reads the fields it lists: one that reads a wrong field (a purchase after the
  /// problem was found, a date in the future) is only as right as that field, and says so.
  public var factProblems: [Diagnostic] = []

  public init(caseName: String, jurisdiction: String, venue: Venue, today: CalendarDate, findings: [Finding])
  {
    self.caseName = caseName
    self.jurisdiction = jurisdiction
    self.venue = venue
    self.today = today
    self.findings = findings
  }

  /// The fact problems in the fields `finding` names or its rule read (a field, anything
  /// inside it, or any element of a list read as `list[]`).
  public func problems(of finding: Finding) -> [Diagnostic] {
    let prefixes = (finding.fields + finding.fieldsRead).map { path in
      path.range(of: "[]").map { String(path[..<$0.lowerBound]) } ?? path
    }
    return factProblems.filter { d in
      prefixes.contains { d.path == $0 || d.path.hasPrefix($0 + ".") || d.path.hasPrefix($0 + "[") }
    }
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
      let problems = self.problems(of: f)
      if !problems.isEmpty {
        entries.append(
          (
            "field_problems",
            .array(
              problems.map { d in
                .object([("field", .string(d.path)), ("line", .int(d.line)), ("message", .string(d.message))])
              })
          ))
      }
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
