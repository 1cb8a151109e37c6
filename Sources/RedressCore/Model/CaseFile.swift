/// One complaint: the case file, version 1 (`case-file.md`). Every field the contract calls
/// required is still optional here, because a draft or a hand-written file may lack it:
/// absence is reported by validation and by the `missing-contents` rule, not by the reader.
public struct CaseFile: Hashable, Sendable {
  /// The newest case-file version this build reads and writes.
  public static let currentVersion = 1

  public var version: Int = CaseFile.currentVersion
  public var id: String?
  public var jurisdiction: String?
  public var venue: Venue?
  public var language: DocumentLanguage?
  public var addressee: String?
  /// The body's area as a six-digit administrative division code (GB/T 2260), `330100`.
  public var region: String?
  public var complainant: Complainant?
  public var agent: Agent?
  public var respondent: Respondent?
  public var purchase: Purchase?
  public var damage: Damage?
  public var negotiation: Negotiation?
  public var proceedings: Proceedings?
  public var claims: [Claim] = []
  public var evidence: [Evidence] = []
  public var filing: Filing?

  public init() {}

  /// The jurisdiction, defaulting to `cn`.
  public var effectiveJurisdiction: String { jurisdiction ?? "cn" }
  /// The venue, defaulting to the consumer association.
  public var effectiveVenue: Venue { venue ?? .consumerAssociation }
  /// The language of generated documents, defaulting to Simplified Chinese.
  public var effectiveLanguage: DocumentLanguage { language ?? .zhHans }

  /// The evidence item with this id, if any.
  public func evidence(withID id: String) -> Evidence? { evidence.first { $0.id == id } }
}

public struct Complainant: Hashable, Sendable {
  public var name: String?
  public var gender: Gender?
  public var idNumber: String?
  public var phone: String?
  public var email: String?
  public var address: String?
  public var postcode: String?
  public init() {}
}

public struct Agent: Hashable, Sendable {
  public var name: String?
  public var phone: String?
  public var relationship: AgentRelationship?
  /// Id of the evidence item that holds the signed 授权委托书.
  public var authorization: String?
  public init() {}
}

public struct Respondent: Hashable, Sendable {
  public var name: String?
  public var creditCode: String?
  public var address: String?
  public var phone: String?
  public var postcode: String?
  public var store: String?
  public var privateIndividual: Bool?
  public init() {}
}

public struct Purchase: Hashable, Sendable {
  public var subject: PurchaseSubject?
  public var purpose: PurchasePurpose?
  public var date: CalendarDate?
  public var receivedOn: CalendarDate?
  public var channel: PurchaseChannel?
  public var platform: String?
  public var orderNumber: String?
  public var items: [Item] = []
  public var amountPaid: Money?
  public var currency: String?
  public var warrantyUntil: CalendarDate?
  public var soldAsClearance: Bool?
  public var farmInputs: Bool?
  /// A prepaid card, membership or package.
  public var prepaid: Prepaid?
  public init() {}
}

/// A prepaid card, membership or package (预付式消费).
public struct Prepaid: Hashable, Sendable {
  /// Sessions, visits or units bought.
  public var unitsTotal: Int?
  /// Of which used.
  public var unitsUsed: Int?
  /// The money left on a stored-value card, when given instead of units.
  public var balance: Money?
  /// The business closed, moved or stopped serving (停业、迁址).
  public var businessStopped: Bool?
  public init() {}
}

public struct Item: Hashable, Sendable {
  public var name: String?
  public var category: ItemCategory?
  public var brand: String?
  public var model: String?
  public var spec: String?
  public var origin: String?
  /// How many; absent means 1.
  public var quantity: Int?
  public var unitPrice: Money?
  public init() {}

  public var effectiveQuantity: Int { quantity ?? 1 }
}

public struct Damage: Hashable, Sendable {
  public var category: DamageCategory?
  public var description: String?
  public var discoveredOn: CalendarDate?
  public var causedByMisuse: Bool?
  public var needsAppraisal: Bool?
  public var personalInjury: Bool?
  public var fraudAlleged: Bool?
  public var foodSafetyViolation: Bool?
  /// A fake or substandard drug (假药、劣药).
  public var drugSafetyViolation: Bool?
  /// Death or serious damage to health.
  public var seriousInjury: Bool?
  /// The business knew of the defect, or that the food or drug did not meet the standard (明知).
  public var businessKnew: Bool?
  /// For lost property: the thing was in the business's custody or on its way to the consumer.
  public var inBusinessCustody: Bool?
  /// With `soldAsClearance`: the problem is the very defect disclosed at sale.
  public var disclosedDefect: Bool?
  public var losses: Money?
  public init() {}
}

public struct Negotiation: Hashable, Sendable {
  public var attempts: [NegotiationAttempt] = []
  public var settlement: Settlement?
  public init() {}
}

public struct NegotiationAttempt: Hashable, Sendable {
  public var date: CalendarDate?
  public var channel: NegotiationChannel?
  /// Who the consumer dealt with (`with` in the file).
  public var with: String?
  public var summary: String?
  public var outcome: NegotiationOutcome?
  public init() {}
}

public struct Settlement: Hashable, Sendable {
  public var reached: Bool?
  public var performed: Bool?
  public init() {}
}

public struct Proceedings: Hashable, Sendable {
  public var court: Bool?
  public var arbitration: Bool?
  public var administrative: Bool?
  public var mediation: Bool?
  public var previousComplaint: Bool?
  public var newEvidence: Bool?
  public init() {}
}

public struct Claim: Hashable, Sendable {
  public var type: ClaimType?
  public var amount: Money?
  public var note: String?
  public init() {}
}

public struct Evidence: Hashable, Sendable {
  public var id: String?
  public var kind: EvidenceKind?
  public var title: String?
  /// Relative to the folder holding the case file.
  public var file: String?
  public var date: CalendarDate?
  public var proves: String?
  public init() {}
}

public struct Filing: Hashable, Sendable {
  public var filedOn: CalendarDate?
  public var acceptedOn: CalendarDate?
  public var reference: String?
  public var events: [FilingEvent] = []
  public init() {}
}

public struct FilingEvent: Hashable, Sendable {
  public var date: EventDate?
  public var kind: FilingEventKind?
  public var note: String?
  public init() {}
}

/// A day, optionally with a local time of day (`2026-10-20` or `2026-10-20T14:30`).
public struct EventDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var date: CalendarDate
  /// Minutes after midnight, when a time was given.
  public var minuteOfDay: Int?

  public init(date: CalendarDate, minuteOfDay: Int? = nil) {
    self.date = date
    self.minuteOfDay = minuteOfDay
  }

  public init?(text: some StringProtocol) {
    let s = String(text)
    if let d = CalendarDate(iso: s) {
      self.init(date: d)
      return
    }
    let parts = s.split(separator: "T", omittingEmptySubsequences: false)
    guard parts.count == 2, let d = CalendarDate(iso: parts[0]) else { return nil }
    let hm = Array(parts[1].utf8)
    guard hm.count == 5, hm[2] == UInt8(ascii: ":"),
      hm.enumerated().allSatisfy({ $0.offset == 2 || ($0.element >= 48 && $0.element <= 57) })
    else { return nil }
    let h = Int(hm[0] - 48) * 10 + Int(hm[1] - 48)
    let m = Int(hm[3] - 48) * 10 + Int(hm[4] - 48)
    guard h < 24, m < 60 else { return nil }
    self.init(date: d, minuteOfDay: h * 60 + m)
  }

  public var description: String {
    guard let minutes = minuteOfDay else { return date.iso }
    let h = minutes / 60
    let m = minutes % 60
    return "\(date.iso)T\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
  }

  public static func < (lhs: EventDate, rhs: EventDate) -> Bool {
    (lhs.date, lhs.minuteOfDay ?? -1) < (rhs.date, rhs.minuteOfDay ?? -1)
  }
}
