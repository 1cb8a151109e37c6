/// What a rule condition may name: every field path of the case file (version 1) with its
/// type, and the case's values as a tree that conditions read. Paths are written as in the
/// case file (`purchase.amount_paid`); an element of a list is `[]` (`purchase.items[].name`).
/// A meta-test keeps this table equal to `CaseFileReader.Keys`, so a rule can never name a
/// field the case file does not have, and a new field cannot be forgotten here.
public enum CaseFieldSchema {
  /// The kind of value at a path; decides which operators a condition may apply to it.
  public enum FieldType: Hashable, Sendable {
    /// Free text; blank text counts as absent.
    case text
    /// One of the listed kebab-case words.
    case word([String])
    /// true or false; absent counts as false for `is-true`.
    case flag
    case date
    case money
    case number
    /// A mapping of further fields (`purchase`).
    case section
    /// A list of elements (`claims`); empty counts as absent.
    case list

    /// How a message names the type ("a date").
    public var noun: String {
      switch self {
      case .text: return "text"
      case .word: return "a word from a fixed list"
      case .flag: return "true or false"
      case .date: return "a date"
      case .money: return "an amount of money"
      case .number: return "a whole number"
      case .section: return "a section"
      case .list: return "a list"
      }
    }
  }

  public struct Field: Hashable, Sendable {
    public let path: String
    public let type: FieldType
  }

  /// The day the check runs; usable wherever a date field is.
  public static let today = "today"
  /// The reference day of a case (`rules.md`): `filing.filed_on` once filed, else today;
  /// usable wherever a date field is.
  public static let referenceDay = "reference-day"

  /// Every field path of `CaseFile`, in the order of `case-file.md`.
  public static let fields: [Field] = {
    func w<E: CaseEnum>(_ type: E.Type) -> FieldType { .word(E.allowedWords) }
    let table: [(String, FieldType)] = [
      ("version", .number), ("id", .text), ("jurisdiction", .text), ("venue", w(Venue.self)),
      ("language", w(DocumentLanguage.self)), ("addressee", .text), ("region", .text),
      ("complainant", .section), ("complainant.name", .text),
      ("complainant.gender", w(Gender.self)), ("complainant.id_number", .text),
      ("complainant.phone", .text), ("complainant.email", .text), ("complainant.address", .text),
      ("complainant.postcode", .text),
      ("agent", .section), ("agent.name", .text), ("agent.phone", .text),
      ("agent.relationship", w(AgentRelationship.self)), ("agent.authorization", .text),
      ("respondent", .section), ("respondent.name", .text), ("respondent.credit_code", .text),
      ("respondent.address", .text), ("respondent.phone", .text), ("respondent.postcode", .text),
      ("respondent.store", .text), ("respondent.private_individual", .flag),
      ("purchase", .section), ("purchase.subject", w(PurchaseSubject.self)),
      ("purchase.purpose", w(PurchasePurpose.self)), ("purchase.date", .date),
      ("purchase.received_on", .date), ("purchase.channel", w(PurchaseChannel.self)),
      ("purchase.platform", .text), ("purchase.order_number", .text), ("purchase.items", .list),
      ("purchase.items[].name", .text), ("purchase.items[].category", w(ItemCategory.self)),
      ("purchase.items[].brand", .text), ("purchase.items[].model", .text),
      ("purchase.items[].spec", .text), ("purchase.items[].origin", .text),
      ("purchase.items[].quantity", .number), ("purchase.items[].unit_price", .money),
      ("purchase.amount_paid", .money), ("purchase.currency", .text),
      ("purchase.warranty_until", .date), ("purchase.sold_as_clearance", .flag),
      ("purchase.farm_inputs", .flag), ("purchase.prepaid", .section),
      ("purchase.prepaid.units_total", .number), ("purchase.prepaid.units_used", .number),
      ("purchase.prepaid.balance", .money), ("purchase.prepaid.business_stopped", .flag),
      ("damage", .section), ("damage.category", w(DamageCategory.self)),
      ("damage.description", .text), ("damage.discovered_on", .date),
      ("damage.caused_by_misuse", .flag), ("damage.needs_appraisal", .flag),
      ("damage.personal_injury", .flag), ("damage.fraud_alleged", .flag),
      ("damage.food_safety_violation", .flag), ("damage.drug_safety_violation", .flag),
      ("damage.serious_injury", .flag), ("damage.business_knew", .flag),
      ("damage.in_business_custody", .flag), ("damage.disclosed_defect", .flag),
      ("damage.losses", .money),
      ("negotiation", .section), ("negotiation.attempts", .list),
      ("negotiation.attempts[].date", .date),
      ("negotiation.attempts[].channel", w(NegotiationChannel.self)),
      ("negotiation.attempts[].with", .text), ("negotiation.attempts[].summary", .text),
      ("negotiation.attempts[].outcome", w(NegotiationOutcome.self)),
      ("negotiation.settlement", .section), ("negotiation.settlement.reached", .flag),
      ("negotiation.settlement.performed", .flag),
      ("proceedings", .section), ("proceedings.court", .flag), ("proceedings.arbitration", .flag),
      ("proceedings.administrative", .flag), ("proceedings.mediation", .flag),
      ("proceedings.previous_complaint", .flag), ("proceedings.new_evidence", .flag),
      ("claims", .list), ("claims[].type", w(ClaimType.self)), ("claims[].amount", .money),
      ("claims[].note", .text),
      ("evidence", .list), ("evidence[].id", .text), ("evidence[].kind", w(EvidenceKind.self)),
      ("evidence[].title", .text), ("evidence[].file", .text), ("evidence[].date", .date),
      ("evidence[].proves", .text),
      ("filing", .section), ("filing.filed_on", .date), ("filing.accepted_on", .date),
      ("filing.reference", .text), ("filing.events", .list), ("filing.events[].date", .date),
      ("filing.events[].kind", w(FilingEventKind.self)), ("filing.events[].note", .text),
    ]
    return table.map { Field(path: $0.0, type: $0.1) }
  }()

  /// The type at `path`, nil when the case file has no such field.
  public static func type(of path: String) -> FieldType? { byPath[path] }

  static let byPath: [String: FieldType] = Dictionary(
    uniqueKeysWithValues: fields.map { ($0.path, $0.type) })

  /// Every path, for "did you mean" suggestions.
  public static var allPaths: [String] { fields.map(\.path) }

  // MARK: Values

  /// A value of the case as conditions see it. Blank text, empty lists and absent optionals
  /// are simply not in the tree.
  public indirect enum Value: Hashable, Sendable {
    case text(String)
    case word(String)
    case flag(Bool)
    case date(CalendarDate)
    case money(Money)
    case number(Int)
    case section([String: Value])
    case list([Value])

    /// The child at `key` of a section.
    public subscript(key: String) -> Value? {
      if case .section(let s) = self { return s[key] }
      return nil
    }
  }

  /// The case as a tree of values keyed like the case file.
  public static func values(of c: CaseFile) -> Value {
    var root = Section()
    root["version"] = .number(c.version)
    root["id"] = text(c.id)
    root["jurisdiction"] = text(c.jurisdiction)
    root["venue"] = word(c.venue)
    root["language"] = word(c.language)
    root["addressee"] = text(c.addressee)
    root["region"] = text(c.region)
    if let x = c.complainant {
      var s = Section()
      s["name"] = text(x.name)
      s["gender"] = word(x.gender)
      s["id_number"] = text(x.idNumber)
      s["phone"] = text(x.phone)
      s["email"] = text(x.email)
      s["address"] = text(x.address)
      s["postcode"] = text(x.postcode)
      root["complainant"] = s.value
    }
    if let x = c.agent {
      var s = Section()
      s["name"] = text(x.name)
      s["phone"] = text(x.phone)
      s["relationship"] = word(x.relationship)
      s["authorization"] = text(x.authorization)
      root["agent"] = s.value
    }
    if let x = c.respondent {
      var s = Section()
      s["name"] = text(x.name)
      s["credit_code"] = text(x.creditCode)
      s["address"] = text(x.address)
      s["phone"] = text(x.phone)
      s["postcode"] = text(x.postcode)
      s["store"] = text(x.store)
      s["private_individual"] = x.privateIndividual.map(Value.flag)
      root["respondent"] = s.value
    }
    if let x = c.purchase {
      var s = Section()
      s["subject"] = word(x.subject)
      s["purpose"] = word(x.purpose)
      s["date"] = x.date.map(Value.date)
      s["received_on"] = x.receivedOn.map(Value.date)
      s["channel"] = word(x.channel)
      s["platform"] = text(x.platform)
      s["order_number"] = text(x.orderNumber)
      s["items"] = list(
        x.items.map { item in
          var e = Section()
          e["name"] = text(item.name)
          e["category"] = word(item.category)
          e["brand"] = text(item.brand)
          e["model"] = text(item.model)
          e["spec"] = text(item.spec)
          e["origin"] = text(item.origin)
          e["quantity"] = item.quantity.map(Value.number)
          e["unit_price"] = item.unitPrice.map(Value.money)
          return e.value
        })
      s["amount_paid"] = x.amountPaid.map(Value.money)
      s["currency"] = text(x.currency)
      s["warranty_until"] = x.warrantyUntil.map(Value.date)
      s["sold_as_clearance"] = x.soldAsClearance.map(Value.flag)
      s["farm_inputs"] = x.farmInputs.map(Value.flag)
      if let p = x.prepaid {
        var e = Section()
        e["units_total"] = p.unitsTotal.map(Value.number)
        e["units_used"] = p.unitsUsed.map(Value.number)
        e["balance"] = p.balance.map(Value.money)
        e["business_stopped"] = p.businessStopped.map(Value.flag)
        s["prepaid"] = e.value
      }
      root["purchase"] = s.value
    }
    if let x = c.damage {
      var s = Section()
      s["category"] = word(x.category)
      s["description"] = text(x.description)
      s["discovered_on"] = x.discoveredOn.map(Value.date)
      s["caused_by_misuse"] = x.causedByMisuse.map(Value.flag)
      s["needs_appraisal"] = x.needsAppraisal.map(Value.flag)
      s["personal_injury"] = x.personalInjury.map(Value.flag)
      s["fraud_alleged"] = x.fraudAlleged.map(Value.flag)
      s["food_safety_violation"] = x.foodSafetyViolation.map(Value.flag)
      s["drug_safety_violation"] = x.drugSafetyViolation.map(Value.flag)
      s["serious_injury"] = x.seriousInjury.map(Value.flag)
      s["business_knew"] = x.businessKnew.map(Value.flag)
      s["in_business_custody"] = x.inBusinessCustody.map(Value.flag)
      s["disclosed_defect"] = x.disclosedDefect.map(Value.flag)
      s["losses"] = x.losses.map(Value.money)
      root["damage"] = s.value
    }
    if let x = c.negotiation {
      var s = Section()
      s["attempts"] = list(
        x.attempts.map { a in
          var e = Section()
          e["date"] = a.date.map(Value.date)
          e["channel"] = word(a.channel)
          e["with"] = text(a.with)
          e["summary"] = text(a.summary)
          e["outcome"] = word(a.outcome)
          return e.value
        })
      if let st = x.settlement {
        var e = Section()
        e["reached"] = st.reached.map(Value.flag)
        e["performed"] = st.performed.map(Value.flag)
        s["settlement"] = e.value
      }
      root["negotiation"] = s.value
    }
    if let x = c.proceedings {
      var s = Section()
      s["court"] = x.court.map(Value.flag)
      s["arbitration"] = x.arbitration.map(Value.flag)
      s["administrative"] = x.administrative.map(Value.flag)
      s["mediation"] = x.mediation.map(Value.flag)
      s["previous_complaint"] = x.previousComplaint.map(Value.flag)
      s["new_evidence"] = x.newEvidence.map(Value.flag)
      root["proceedings"] = s.value
    }
    root["claims"] = list(
      c.claims.map { claim in
        var e = Section()
        e["type"] = word(claim.type)
        e["amount"] = claim.amount.map(Value.money)
        e["note"] = text(claim.note)
        return e.value
      })
    root["evidence"] = list(
      c.evidence.map { ev in
        var e = Section()
        e["id"] = text(ev.id)
        e["kind"] = word(ev.kind)
        e["title"] = text(ev.title)
        e["file"] = text(ev.file)
        e["date"] = ev.date.map(Value.date)
        e["proves"] = text(ev.proves)
        return e.value
      })
    if let x = c.filing {
      var s = Section()
      s["filed_on"] = x.filedOn.map(Value.date)
      s["accepted_on"] = x.acceptedOn.map(Value.date)
      s["reference"] = text(x.reference)
      s["events"] = list(
        x.events.map { ev in
          var e = Section()
          e["date"] = ev.date.map { Value.date($0.date) }
          e["kind"] = word(ev.kind)
          e["note"] = text(ev.note)
          return e.value
        })
      root["filing"] = s.value
    }
    return root.value
  }

  private struct Section {
    var entries: [String: Value] = [:]
    subscript(key: String) -> Value? {
      get { entries[key] }
      set { entries[key] = newValue }
    }
    var value: Value { .section(entries) }
  }

  private static func text(_ s: String?) -> Value? {
    guard let s, !s.allSatisfy(\.isWhitespace) else { return nil }
    return .text(s)
  }

  private static func word<E: CaseEnum>(_ e: E?) -> Value? { e.map { .word($0.rawValue) } }

  private static func list(_ elements: [Value]) -> Value? { elements.isEmpty ? nil : .list(elements) }
}
