/// What the complaint letter (投诉书, `templates/<language>/letter.md`) prints, in the order a
/// consumer association reads it: the parties, the requests, the facts and reasons with
/// evidence references, the legal bases, the addressee, the signatures and the date.
public struct LetterContext: TemplateContext, Hashable {
  public static let kind = TemplateKind.letter

  public var caseId: String?
  /// The letter's date (`--today`, else the local date).
  public var date: String
  /// True when personal data is masked for a public posting (`--redact`).
  public var redacted: Bool
  /// The body addressed after 此致: the case's addressee, else the venue's generic name.
  public var addressee: String
  /// How the letter addresses that body politely: 贵会, 贵局.
  public var honorific: String
  public var complainant: PersonFields
  public var agent: AgentFields?
  public var respondent: RespondentFields
  /// 投诉请求, numbered.
  public var claims: [ClaimLine]
  public var purchase: PurchaseFields
  public var damage: DamageFields
  public var negotiation: NegotiationFields
  /// The legal bases the rule pack found, with their statute citations.
  public var legalBases: [LegalBasisLine]
  /// True when `legalBases` is not empty (a list section would repeat a heading).
  public var hasLegalBases: Bool
  public var evidence: EvidenceSummary

  public struct ClaimLine: TemplateFields, Hashable {
    public var number: String
    /// `退还货款`.
    public var request: String
    /// `¥2,999.00`.
    public var amount: String?
    /// The consumer's own words about the claim.
    public var note: String?
    /// `；` for every claim but the last, which ends with `。`.
    public var end: String
  }

  public struct PurchaseFields: TemplateFields, Hashable {
    /// True for a service (接受服务), false for goods (购买商品).
    public var isService: Bool
    public var date: String?
    public var channel: String?
    public var platform: String?
    public var orderNumber: String?
    public var receivedOn: String?
    public var amountPaid: String?
    public var warrantyUntil: String?
    public var evidenceRefs: String?
    public var items: [ItemLine]
    /// Set for a prepaid card, membership or package (预付式消费).
    public var prepaid: PrepaidFields?
  }

  /// A prepaid purchase: what was bought and used, and the unused balance claimed.
  public struct PrepaidFields: TemplateFields, Hashable {
    /// Units (sessions, visits) bought, `96`.
    public var unitsTotal: String?
    /// Of which used, `38`.
    public var unitsUsed: String?
    /// Bought minus used, `58`.
    public var unitsLeft: String?
    /// The unused balance the law gives (`ClaimCalculator`), `¥7,733.33`.
    public var balance: String?
    /// How it was computed, `12800.00 × (96 − 38) ÷ 96`; absent when the balance was given.
    public var computation: String?
    /// The business closed, moved or stopped serving.
    public var businessStopped: Bool
  }

  /// One row of the items table; an unknown cell holds the language's blank mark (—).
  public struct ItemLine: TemplateFields, Hashable {
    public var number: String
    public var name: String
    public var category: String
    public var brand: String
    public var model: String
    public var spec: String
    public var origin: String
    /// A service's term or number of sessions (期限或次数): the item's `spec`.
    public var term: String
    public var quantity: String
    public var unitPrice: String
    /// Quantity × unit price.
    public var amount: String
  }

  public struct DamageFields: TemplateFields, Hashable {
    public var category: String?
    public var discoveredOn: String?
    /// What happened, in the consumer's words, without its final full stop (the template
    /// ends the sentence after the evidence reference).
    public var description: String?
    public var personalInjury: Bool
    public var evidenceRefs: String?
  }

  public struct NegotiationFields: TemplateFields, Hashable {
    public var attempts: [AttemptLine]
    public var evidenceRefs: String?
  }

  public struct AttemptLine: TemplateFields, Hashable {
    public var number: String
    public var date: String?
    /// `通过电话`, `当面`.
    public var channel: String?
    public var with: String?
    public var summary: String?
    public var outcome: String?
  }

  public struct LegalBasisLine: TemplateFields, Hashable {
    public var number: String
    /// `《中华人民共和国消费者权益保护法》第二十四条`.
    public var citations: String
    public var text: String
  }

  public struct EvidenceSummary: TemplateFields, Hashable {
    /// How many exhibits.
    public var count: String
    /// `证据1至证据3`.
    public var all: String?
    public var items: [EvidenceLine]
  }

  public static var sample: LetterContext {
    let evidence = EvidenceLine(
      number: "1", reference: "Exhibit 1", title: "Electronic invoice", kind: "invoice",
      date: "1 October 2026",
      proves: "the date, the goods and the price", file: "Exhibit01-invoice.xml")
    return LetterContext(
      caseId: "sample-2026", date: "22 November 2026", redacted: true,
      addressee: "Sample City Consumer Association",
      honorific: "the Association",
      complainant: PersonFields(
        name: "Wang Xiaoming", gender: "male", idNumber: "110105********002X", phone: "138****8000",
        email: "x***@example.com", address: "Chaoyang District, Beijing (address withheld)",
        postcode: "100020",
        evidenceRefs: "Exhibit 3"),
      agent: AgentFields(
        name: "Li Lawyer", relationship: "lawyer", phone: "139****9000", authority: "general agency",
        evidenceRefs: "Exhibit 2"),
      respondent: RespondentFields(
        name: "Sample Appliance Sales Co., Ltd.", creditCode: "91350100M000100Y43",
        address: "8 Sample Avenue, Xuanwu District, Nanjing",
        postcode: "210000", phone: "025-84000000", store: "Sample Flagship Store"),
      claims: [
        ClaimLine(
          number: "1", request: "refund of the price", amount: "¥2,999.00", note: "return and refund",
          end: ".")
      ],
      purchase: PurchaseFields(
        isService: false, date: "1 October 2026", channel: "online shopping", platform: "JD.com",
        orderNumber: "3100000000001", receivedOn: "3 October 2026", amountPaid: "¥2,999.00",
        warrantyUntil: "3 October 2027", evidenceRefs: "Exhibit 1",
        items: [
          ItemLine(
            number: "1", name: "front-loading washing machine", category: "washing machine", brand: "Sample",
            model: "XQG100-14",
            spec: "10 kg", origin: "Wuxi, Jiangsu", term: "96 sessions", quantity: "1",
            unitPrice: "¥2,999.00",
            amount: "¥2,999.00")
        ],
        prepaid: PrepaidFields(
          unitsTotal: "96", unitsUsed: "38", unitsLeft: "58", balance: "¥7,733.33",
          computation: "12800.00 × (96 − 38) ÷ 96", businessStopped: true)),
      damage: DamageFields(
        category: "quality defect", discoveredOn: "5 October 2026", description: "It leaks.",
        personalInjury: true,
        evidenceRefs: "Exhibit 4"),
      negotiation: NegotiationFields(
        attempts: [
          AttemptLine(
            number: "1", date: "6 October 2026", channel: "by telephone", with: "customer service",
            summary: "Asked to return it.",
            outcome: "no answer since")
        ], evidenceRefs: "Exhibit 5"),
      legalBases: [
        LegalBasisLine(
          number: "1", citations: "Consumer Rights Protection Law, Article 24",
          text: "The consumer may return the goods.")
      ], hasLegalBases: true,
      evidence: EvidenceSummary(count: "1", all: "Exhibit 1", items: [evidence]))
  }
}
