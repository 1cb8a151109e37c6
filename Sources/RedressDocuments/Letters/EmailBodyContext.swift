/// What the e-mail body (`templates/<language>/email-body.md`) prints when the filing is sent
/// by e-mail (issue 6): a greeting to the body, who files against whom, what this message
/// carries and, when the filing is split across messages, what the others carry. Rendered to
/// plain text and to HTML by the writers; its title is the message's subject.
public struct EmailBodyContext: TemplateContext, Hashable {
  public static let kind = TemplateKind.emailBody

  public var caseId: String?
  public var date: String
  public var addressee: String
  public var complainant: PersonFields
  public var agent: AgentFields?
  public var respondentName: String?
  public var itemSummary: String?
  /// True when what was bought is a service.
  public var isService: Bool
  /// The unused prepaid balance claimed (`¥7,733.33`), for a prepaid purchase.
  public var prepaidBalance: String?
  /// Set when the filing is split across several messages.
  public var split: SplitFields?
  /// The files this message carries.
  public var attachments: [AttachmentLine]

  public struct SplitFields: TemplateFields, Hashable {
    /// This message's number, `1`.
    public var part: String
    /// How many messages, `3`.
    public var total: String
    public var otherParts: [PartLine]
  }

  public struct PartLine: TemplateFields, Hashable {
    public var part: String
    public var attachments: [AttachmentLine]
  }

  public struct AttachmentLine: TemplateFields, Hashable {
    public var name: String
    /// `1.2 MB`, when known.
    public var size: String?

    public init(name: String, size: String?) {
      self.name = name
      self.size = size
    }
  }

  public static var sample: EmailBodyContext {
    EmailBodyContext(
      caseId: "sample-2026", date: "22 November 2026", addressee: "Sample City Consumer Association",
      complainant: PersonFields(
        name: "Wang Xiaoming", gender: "male", idNumber: "11010519491231002X", phone: "13800138000",
        email: "x@example.com", address: "1 Sample Road, Chaoyang District, Beijing", postcode: "100020",
        evidenceRefs: "Exhibit 3"),
      agent: AgentFields(
        name: "Li Lawyer", relationship: "lawyer", phone: "13900139000", authority: "general agency",
        evidenceRefs: "Exhibit 2"),
      respondentName: "Sample Appliance Sales Co., Ltd.", itemSummary: "front-loading washing machine",
      isService: true,
      prepaidBalance: "¥7,733.33",
      split: SplitFields(
        part: "1", total: "2",
        otherParts: [
          PartLine(part: "2", attachments: [AttachmentLine(name: "Exhibit02-video.mp4", size: "18.0 MB")])
        ]),
      attachments: [AttachmentLine(name: "Complaint-sample-2026.pdf", size: "80 KB")])
  }
}
