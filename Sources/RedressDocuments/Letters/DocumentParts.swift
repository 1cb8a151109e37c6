/// Parts several contexts share. Every value is text ready to print (dates, amounts and
/// enumerations already formatted in the document's language) or a yes/no flag; an absent
/// optional hides the template section written around it.

/// The consumer (投诉人 / 委托人).
public struct PersonFields: TemplateFields, Hashable {
  public var name: String?
  public var gender: String?
  public var idNumber: String?
  public var phone: String?
  public var email: String?
  public var address: String?
  public var postcode: String?
  /// Where an identity document is among the evidence (`证据5`).
  public var evidenceRefs: String?

  public init(
    name: String? = nil, gender: String? = nil, idNumber: String? = nil, phone: String? = nil,
    email: String? = nil, address: String? = nil, postcode: String? = nil, evidenceRefs: String? = nil
  ) {
    self.name = name
    self.gender = gender
    self.idNumber = idNumber
    self.phone = phone
    self.email = email
    self.address = address
    self.postcode = postcode
    self.evidenceRefs = evidenceRefs
  }
}

/// The person filing for the consumer (委托代理人 / 受托人).
public struct AgentFields: TemplateFields, Hashable {
  public var name: String?
  /// `律师`, `近亲属`.
  public var relationship: String?
  public var phone: String?
  /// The authority the default power of attorney grants, in one phrase.
  public var authority: String
  /// Where the signed power of attorney is among the evidence (`证据2`).
  public var evidenceRefs: String?
}

/// The business complained about (被投诉人).
public struct RespondentFields: TemplateFields, Hashable {
  public var name: String?
  public var creditCode: String?
  public var address: String?
  public var postcode: String?
  public var phone: String?
  /// The shop name on a platform.
  public var store: String?
}

/// One exhibit, numbered as in the letter and the evidence list.
public struct EvidenceLine: TemplateFields, Hashable {
  /// `1`.
  public var number: String
  /// `证据1`.
  public var reference: String
  public var title: String
  public var kind: String?
  public var date: String?
  public var proves: String?
  /// The file's name in the bundle (`证据01-电子发票.xml`), when the exhibit has a file.
  public var file: String?
}
