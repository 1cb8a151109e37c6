/// What the follow-up letter (催办函, `templates/<language>/follow-up.md`) prints: when the
/// complaint was filed and under which reference, the window that applied (with its basis,
/// and whether it is law or only practice), its due day, and the date by which a written
/// answer is asked for.
public struct FollowUpContext: TemplateContext, Hashable {
  public static let kind = TemplateKind.followUp

  public var caseId: String?
  public var date: String
  public var addressee: String
  /// `贵会`, `贵局`.
  public var honorific: String
  public var complainant: PersonFields
  public var agent: AgentFields?
  public var respondentName: String?
  public var itemSummary: String?
  public var filedOn: String
  public var acceptedOn: String?
  public var reference: String?
  public var window: WindowFields
  public var previousFollowUps: [DateLine]
  /// The day by which a written answer is asked for.
  public var replyBy: String
  /// Set when a date above was computed from weekdays alone (no holiday data for its year).
  public var calendarNote: String?

  public struct WindowFields: TemplateFields, Hashable {
    /// `十五日`, `七个工作日`.
    public var length: String
    /// What should have happened within it.
    public var duty: String
    /// The citation, or the practice it rests on.
    public var basis: String
    /// True when the window is practice: the letter must not call it a legal deadline.
    public var practice: Bool
    /// True when the letter may state that a legal deadline has passed: the window is law (not
    /// practice, not cited at practice confidence), the acceptance day is recorded, and the
    /// due day is not provisional. Otherwise it asks without asserting.
    public var asserted: Bool
    /// What the letter asks the body for (the body's own duty for this window).
    public var request: String
    /// The day the window counts from (not itself counted).
    public var start: String
    public var due: String
    /// True when today is after the due day.
    public var passed: Bool
    /// Whole days since the due day (only when passed).
    public var daysOverdue: String?
  }

  public struct DateLine: TemplateFields, Hashable {
    public var date: String
    public var note: String?
  }

  public static var sample: FollowUpContext {
    FollowUpContext(
      caseId: "sample-2026", date: "22 November 2026", addressee: "Sample City Consumer Association",
      honorific: "the Association",
      complainant: PersonFields(
        name: "Wang Xiaoming", gender: "male", idNumber: "11010519491231002X", phone: "13800138000",
        email: "x@example.com", address: "1 Sample Road, Chaoyang District, Beijing", postcode: "100020",
        evidenceRefs: "Exhibit 3"),
      agent: AgentFields(
        name: "Li Lawyer", relationship: "lawyer", phone: "13900139000", authority: "general agency",
        evidenceRefs: "Exhibit 2"),
      respondentName: "Sample Appliance Sales Co., Ltd.", itemSummary: "front-loading washing machine",
      filedOn: "10 October 2026",
      acceptedOn: "12 October 2026", reference: "GD2026101200001",
      window: WindowFields(
        length: "15 days", duty: "dealt with", basis: "common practice", practice: true, asserted: false,
        request: "deal with this complaint promptly and tell the complainant in writing by 30 November 2026",
        start: "12 October 2026",
        due: "27 October 2026", passed: true, daysOverdue: "26"),
      previousFollowUps: [DateLine(date: "1 November 2026", note: "by telephone")],
      replyBy: "30 November 2026",
      calendarNote: "The holiday notice for 2027 is not yet known; the dates count the statutory holidays.")
  }
}
