/// The enumerations of the case file, version 1 (`case-file.md`). Raw values are the
/// kebab-case words written in the file; `allCases` order is the documented order.

public protocol CaseEnum: RawRepresentable, CaseIterable, Hashable, Sendable
where RawValue == String {}

extension CaseEnum {
  /// The accepted words, in documented order, for error messages and help.
  public static var allowedWords: [String] { allCases.map(\.rawValue) }
}

public enum Venue: String, CaseEnum {
  case consumerAssociation = "consumer-association"
  case marketRegulator = "market-regulator"
}

public enum DocumentLanguage: String, CaseEnum {
  case zhHans = "zh-Hans"
  case zhHant = "zh-Hant"
  case en
}

public enum Gender: String, CaseEnum {
  case male, female
}

public enum AgentRelationship: String, CaseEnum {
  case lawyer, advocate, family, other
}

public enum PurchaseSubject: String, CaseEnum {
  case goods, service
}

public enum PurchasePurpose: String, CaseEnum {
  case personal, business, unknown
}

public enum PurchaseChannel: String, CaseEnum {
  case store, online
  case liveStream = "live-stream"
  case tv, phone
  case mailOrder = "mail-order"
  case doorToDoor = "door-to-door"
  case other
}

public enum ItemCategory: String, CaseEnum {
  case vehicle, computer, phone, tv, fridge
  case airConditioner = "air-conditioner"
  case washingMachine = "washing-machine"
  case otherAppliance = "other-appliance"
  case food, drug, cosmetics, clothing, renovation, education, travel, telecom, prepaid
  case finance, medical, courier, housing, other
}

public enum DamageCategory: String, CaseEnum {
  case quality, safety, service
  case falseAdvertising = "false-advertising"
  case price, contract
  case personalDignity = "personal-dignity"
  case privacy
  case lostProperty = "lost-property"
  case afterSales = "after-sales"
  case counterfeit, metrology
  case other
}

public enum NegotiationChannel: String, CaseEnum {
  case phone
  case onlineChat = "online-chat"
  case inPerson = "in-person"
  case email, letter, platform
}

public enum NegotiationOutcome: String, CaseEnum {
  case refused
  case noReply = "no-reply"
  case partial, promised, agreed
}

public enum ClaimType: String, CaseEnum {
  case refund, replace, repair, compensation
  case punitiveDamages = "punitive-damages"
  case mentalDamages = "mental-damages"
  case apology
  case prepaidRefund = "prepaid-refund"
  case other
}

public enum EvidenceKind: String, CaseEnum {
  case invoice, receipt
  case orderRecord = "order-record"
  case warrantyCard = "warranty-card"
  case contract
  case chatLog = "chat-log"
  case photo, video, audio
  case appraisalReport = "appraisal-report"
  case correspondence
  case powerOfAttorney = "power-of-attorney"
  case idCopy = "id-copy"
  case other
}

public enum FilingEventKind: String, CaseEnum {
  case response
  case followUp = "follow-up"
  case mediation, closed, note
  case refused, withdrawn
  case appraisalStart = "appraisal-start"
  case appraisalEnd = "appraisal-end"
}
