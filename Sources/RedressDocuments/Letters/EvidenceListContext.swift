/// What the evidence list (证据清单, `templates/<language>/evidence-list.md`) prints: a header
/// naming the case and the parties, then one row per exhibit in the letter's numbering.
public struct EvidenceListContext: TemplateContext, Hashable {
  public static let kind = TemplateKind.evidenceList

  public var caseId: String?
  /// What the complaint is about (案由): `滚筒洗衣机质量问题`.
  public var matter: String?
  /// The body's reference, once the complaint is filed.
  public var reference: String?
  public var date: String
  public var complainantName: String?
  public var agentName: String?
  public var respondentName: String?
  /// For a service, what was contracted (`私教课`); nil for goods.
  public var serviceSummary: String?
  /// The unused prepaid balance claimed (`¥7,733.33`), for a prepaid purchase.
  public var prepaidBalance: String?
  /// How many exhibits.
  public var count: String
  public var items: [EvidenceLine]

  public static var sample: EvidenceListContext {
    EvidenceListContext(
      caseId: "sample-2026", matter: "front-loading washing machine: a quality defect",
      reference: "GD2026101200001",
      date: "22 November 2026", complainantName: "Wang Xiaoming", agentName: "Li Lawyer",
      respondentName: "Sample Appliance Sales Co., Ltd.", serviceSummary: "personal training sessions",
      prepaidBalance: "¥7,733.33", count: "1",
      items: [
        EvidenceLine(
          number: "1", reference: "Exhibit 1", title: "Electronic invoice", kind: "invoice",
          date: "1 October 2026",
          proves: "the date, the goods and the price", file: "Exhibit01-invoice.xml")
      ])
  }
}
