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
        name: "Chen Dawen", gender: "male", idNumber: "110105194912310021", phone: "13711112222",
        email: "chen@example.com", address: "Sample Garden, Futian District, Shenzhen", postcode: "518000",
        evidenceRefs: "Exhibit 5"),
      agent: AgentFields(
        name: "Chen Xiaowen", relationship: "close relative", phone: "13622223333",
        authority: "general agency",
        evidenceRefs: "Exhibit 4"),
      respondentName: "Sample Baby Store, Shenzhen",
      addressee: "Sample City Administration for Market Regulation",
      purchaseDate: "20 October 2026",
      itemSummary: "imported infant formula",
      powers: [PowerLine(number: "1", text: "to submit the complaint", end: ".")],
      limits: "The agent may not settle.", term: "Until the complaint is closed.")
  }
}
