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
      caseId: "sample-2026", date: "2026年11月22日", addressee: "某市消费者协会", honorific: "贵会",
      complainant: PersonFields(
        name: "王小明", gender: "男", idNumber: "11010519491231002X", phone: "13800138000",
        email: "x@example.com", address: "北京市朝阳区某某路1号", postcode: "100020", evidenceRefs: "证据3"),
      agent: AgentFields(
        name: "李律师", relationship: "律师", phone: "13900139000", authority: "一般代理",
        evidenceRefs: "证据2"),
      respondentName: "某某电器销售有限公司", itemSummary: "滚筒洗衣机", filedOn: "2026年10月10日",
      acceptedOn: "2026年10月12日", reference: "GD2026101200001",
      window: WindowFields(
        length: "十五日", duty: "处理完毕", basis: "通常做法", practice: true, start: "2026年10月12日",
        due: "2026年10月27日", passed: true, daysOverdue: "26"),
      previousFollowUps: [DateLine(date: "2026年11月1日", note: "电话催办")],
      replyBy: "2026年11月30日", calendarNote: "2027年的国务院放假通知尚未收录，上述日期按《全国年节及纪念日放假办法》规定的节日推算，以通知公布的安排为准。")
  }
}
