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
      number: "1", reference: "证据1", title: "电子发票", kind: "发票", date: "2026年10月1日",
      proves: "购买时间、商品及价款", file: "证据01-电子发票.xml")
    return LetterContext(
      caseId: "sample-2026", date: "2026年11月22日", redacted: true, addressee: "某市消费者协会",
      honorific: "贵会",
      complainant: PersonFields(
        name: "王小明", gender: "男", idNumber: "110105********002X", phone: "138****8000",
        email: "x***@example.com", address: "北京市朝阳区（详细地址已隐去）", postcode: "100020",
        evidenceRefs: "证据3"),
      agent: AgentFields(
        name: "李律师", relationship: "律师", phone: "139****9000", authority: "一般代理",
        evidenceRefs: "证据2"),
      respondent: RespondentFields(
        name: "某某电器销售有限公司", creditCode: "91350100M000100Y43", address: "南京市玄武区某某大道8号",
        postcode: "210000", phone: "025-84000000", store: "某某旗舰店"),
      claims: [
        ClaimLine(number: "1", request: "退还货款", amount: "¥2,999.00", note: "退货退款", end: "。")
      ],
      purchase: PurchaseFields(
        isService: false, date: "2026年10月1日", channel: "网络购物", platform: "京东",
        orderNumber: "3100000000001", receivedOn: "2026年10月3日", amountPaid: "¥2,999.00",
        warrantyUntil: "2027年10月3日", evidenceRefs: "证据1",
        items: [
          ItemLine(
            number: "1", name: "滚筒洗衣机", category: "洗衣机", brand: "某牌", model: "XQG100-14",
            spec: "10公斤", origin: "江苏无锡", term: "96节", quantity: "1", unitPrice: "¥2,999.00",
            amount: "¥2,999.00")
        ],
        prepaid: PrepaidFields(
          unitsTotal: "96", unitsUsed: "38", unitsLeft: "58", balance: "¥7,733.33",
          computation: "12800.00 × (96 − 38) ÷ 96", businessStopped: true)),
      damage: DamageFields(
        category: "质量问题", discoveredOn: "2026年10月5日", description: "出现漏水。", personalInjury: true,
        evidenceRefs: "证据4"),
      negotiation: NegotiationFields(
        attempts: [
          AttemptLine(
            number: "1", date: "2026年10月6日", channel: "通过电话", with: "客服", summary: "要求退货。",
            outcome: "此后未获答复")
        ], evidenceRefs: "证据5"),
      legalBases: [
        LegalBasisLine(
          number: "1", citations: "《中华人民共和国消费者权益保护法》第二十四条", text: "有权要求退货。")
      ], hasLegalBases: true,
      evidence: EvidenceSummary(count: "1", all: "证据1", items: [evidence]))
  }
}
