/// What the power of attorney (授权委托书, `templates/<language>/power-of-attorney.md`) prints
/// for the consumer to sign: principal and agent, the matter (this complaint against this
/// respondent, to this body), the powers and their limits, the term (办法 Art. 10: matters,
/// powers and term, signed by the consumer). The date is left for the consumer to write.
public struct PowerOfAttorneyContext: TemplateContext, Hashable {
  public static let kind = TemplateKind.powerOfAttorney

  public var caseId: String?
  public var principal: PersonFields
  public var agent: AgentFields
  public var respondentName: String?
  /// The body the complaint goes to.
  public var addressee: String
  /// `2026年10月20日`: the purchase the dispute is about.
  public var purchaseDate: String?
  /// `进口婴儿配方奶粉`.
  public var itemSummary: String?
  public var powers: [PowerLine]
  /// What the agent may not do without the consumer's own written consent.
  public var limits: String
  public var term: String

  public struct PowerLine: TemplateFields, Hashable {
    public var number: String
    public var text: String
    public var end: String
  }

  public static var sample: PowerOfAttorneyContext {
    PowerOfAttorneyContext(
      caseId: "sample-2026",
      principal: PersonFields(
        name: "陈大文", gender: "男", idNumber: "110105194912310021", phone: "13711112222",
        email: "chen@example.com", address: "深圳市福田区某某花园", postcode: "518000", evidenceRefs: "证据5"),
      agent: AgentFields(
        name: "陈小文", relationship: "近亲属", phone: "13622223333", authority: "一般代理",
        evidenceRefs: "证据4"),
      respondentName: "深圳某某母婴用品店", addressee: "某市市场监督管理局", purchaseDate: "2026年10月20日",
      itemSummary: "进口婴儿配方奶粉",
      powers: [PowerLine(number: "1", text: "代为提交投诉材料", end: "。")],
      limits: "受托人无权代为和解。", term: "至本投诉处理终结之日止。")
  }
}
