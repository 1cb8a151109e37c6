import Foundation
import Yams

/// The case file, version 1 (`case-file.md`), described once: one table per mapping, its keys
/// in the documented order. The reader (`CaseFileReader`), the writer (`CaseFileWriter`), the
/// rules' field schema (`CaseFieldSchema`), the validator's required and expected fields
/// (`CaseValidator`) and the field reference (`docs/case-file-fields.md`) all walk these
/// tables. A new field is one line here, its question in the interview and its line in the
/// spec.
extension CaseFile {
  public static let fields: [CaseField<CaseFile>] = [
    .custom(
      CaseFieldDescription(key: "version", type: .number, presence: .required, check: "1", children: []),
      read: { _, _ in },  // read first, by CaseFileReader: a newer version stops the reading
      node: { CaseFileWriter.plain(String($0.version)) },
      value: { .number($0.version) }),
    .text(
      "id", \.id, check: TextCheck("case id") { CaseID.isValid($0) ? nil : CaseID.rule + ", got \"\($0)\"" }),
    .text("jurisdiction", \.jurisdiction),
    .word("venue", \.venue),
    .word("language", \.language),
    .text("addressee", \.addressee),
    .text("region", \.region, check: TextCheck("GB/T 2260 code") { RegionCode.problem(with: $0) }),
    .section("complainant", \.complainant, Complainant.fields, make: Complainant.init),
    .section("agent", \.agent, Agent.fields, make: Agent.init),
    .section("respondent", \.respondent, Respondent.fields, make: Respondent.init),
    .section("purchase", \.purchase, Purchase.fields, make: Purchase.init),
    .section("damage", \.damage, Damage.fields, make: Damage.init),
    .section("negotiation", \.negotiation, Negotiation.fields, make: Negotiation.init),
    .section("proceedings", \.proceedings, Proceedings.fields, make: Proceedings.init),
    .list("claims", \.claims, Claim.fields, make: Claim.init, .required),
    .list("evidence", \.evidence, Evidence.fields, make: Evidence.init),
    .section("filing", \.filing, Filing.fields, make: Filing.init),
  ]
}

extension Complainant {
  static let fields: [CaseField<Complainant>] = [
    .text("name", \.name, .required),
    .word("gender", \.gender),
    .text("id_number", \.idNumber),
    .text("phone", \.phone, .required),
    .text("email", \.email),
    .text("address", \.address, .required),
    .text("postcode", \.postcode),
  ]
}

extension Agent {
  static let fields: [CaseField<Agent>] = [
    .text("name", \.name, .requiredInSection),
    .text("phone", \.phone, .requiredInSection),
    .word("relationship", \.relationship),
    .text("authorization", \.authorization),
  ]
}

extension Respondent {
  static let fields: [CaseField<Respondent>] = [
    .text("name", \.name, .required),
    .text("credit_code", \.creditCode),
    .text("address", \.address, .required),
    .text("phone", \.phone),
    .text("postcode", \.postcode),
    .text("store", \.store),
    .flag("private_individual", \.privateIndividual),
  ]
}

extension Purchase {
  static let fields: [CaseField<Purchase>] = [
    .word("subject", \.subject),
    .word("purpose", \.purpose),
    .date("date", \.date, .expected),
    .date("received_on", \.receivedOn),
    .word("channel", \.channel),
    .text("platform", \.platform),
    .text("order_number", \.orderNumber),
    .list("items", \.items, Item.fields, make: Item.init, .expected, counts: { !isBlank($0.name) }),
    .money("amount_paid", \.amountPaid, .expected),
    .text("currency", \.currency, check: TextCheck("three capital letters") { currencyProblem($0) }),
    .date("warranty_until", \.warrantyUntil),
    .flag("sold_as_clearance", \.soldAsClearance),
    .flag("farm_inputs", \.farmInputs),
    .section("prepaid", \.prepaid, Prepaid.fields, make: Prepaid.init, check: Prepaid.check),
  ]

  private static func isBlank(_ s: String?) -> Bool {
    (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
  }

  private static func currencyProblem(_ code: String) -> String? {
    code.count == 3 && code.allSatisfy({ $0.isASCII && $0.isUppercase })
      ? nil : "expected a three-letter currency code such as CNY, got \"\(code)\""
  }
}

extension Prepaid {
  static let fields: [CaseField<Prepaid>] = [
    .number("units_total", \.unitsTotal, range: 1...1_000_000),
    .number("units_used", \.unitsUsed, range: 0...1_000_000),
    .money("balance", \.balance),
    .flag("business_stopped", \.businessStopped),
  ]

  /// The unused balance (`rules.md`) is computed from these: refuse what cannot be true.
  static func check(_ p: inout Prepaid, _ context: FieldReadContext) {
    let r = context.reader
    let g = context.entries
    if let used = p.unitsUsed, let total = p.unitsTotal, used > total {
      r.error(
        "\(used) units used, but only \(total) bought (purchase.prepaid.units_total); units_used can be at most units_total",
        at: g["units_used"], path: "purchase.prepaid.units_used")
      p.unitsUsed = nil
    }
    if let balance = p.balance, balance < .zero {
      r.error(
        "expected the money left on the card, zero or more, got \"\(balance.text)\"", at: g["balance"],
        path: "purchase.prepaid.balance")
      p.balance = nil
    }
    func absent(_ n: Node?) -> Bool { n.map(YAMLNodeReader.isNull) ?? true }
    if absent(context.parent?["amount_paid"]), absent(g["balance"]) {
      r.error(
        "a prepaid card needs its price: give purchase.amount_paid (what was paid for the card) or purchase.prepaid.balance (the money left on it)",
        at: context.node, path: "purchase.prepaid")
    }
  }
}

extension Item {
  static let fields: [CaseField<Item>] = [
    .text("name", \.name),
    .word("category", \.category),
    .text("brand", \.brand),
    .text("model", \.model),
    .text("spec", \.spec),
    .text("origin", \.origin),
    .number("quantity", \.quantity, range: 1...1_000_000),
    .money("unit_price", \.unitPrice),
  ]
}

extension Damage {
  static let fields: [CaseField<Damage>] = [
    .word("category", \.category),
    .text("description", \.description, .required),
    .date("discovered_on", \.discoveredOn, .expected),
    .flag("caused_by_misuse", \.causedByMisuse),
    .flag("needs_appraisal", \.needsAppraisal),
    .flag("personal_injury", \.personalInjury),
    .flag("fraud_alleged", \.fraudAlleged),
    .flag("food_safety_violation", \.foodSafetyViolation),
    .flag("drug_safety_violation", \.drugSafetyViolation),
    .flag("serious_injury", \.seriousInjury),
    .flag("business_knew", \.businessKnew),
    .flag("in_business_custody", \.inBusinessCustody),
    .flag("disclosed_defect", \.disclosedDefect),
    .money("losses", \.losses),
  ]
}

extension Negotiation {
  static let fields: [CaseField<Negotiation>] = [
    .list("attempts", \.attempts, NegotiationAttempt.fields, make: NegotiationAttempt.init, writeEmpty: true),
    .section("settlement", \.settlement, Settlement.fields, make: Settlement.init),
  ]
}

extension NegotiationAttempt {
  static let fields: [CaseField<NegotiationAttempt>] = [
    .date("date", \.date),
    .word("channel", \.channel),
    .text("with", \.with),
    .text("summary", \.summary),
    .word("outcome", \.outcome),
  ]
}

extension Settlement {
  static let fields: [CaseField<Settlement>] = [
    .flag("reached", \.reached),
    .flag("performed", \.performed),
  ]
}

extension Proceedings {
  static let fields: [CaseField<Proceedings>] = [
    .flag("court", \.court),
    .flag("arbitration", \.arbitration),
    .flag("administrative", \.administrative),
    .flag("mediation", \.mediation),
    .flag("previous_complaint", \.previousComplaint),
    .flag("new_evidence", \.newEvidence),
  ]
}

extension Claim {
  static let fields: [CaseField<Claim>] = [
    .word("type", \.type),
    .money("amount", \.amount),
    .text("note", \.note),
  ]
}

extension Evidence {
  static let fields: [CaseField<Evidence>] = [
    .text("id", \.id),
    .word("kind", \.kind),
    .text("title", \.title),
    .text("file", \.file),
    .date("date", \.date),
    .text("proves", \.proves),
  ]
}

extension Filing {
  static let fields: [CaseField<Filing>] = [
    .date("filed_on", \.filedOn),
    .date("accepted_on", \.acceptedOn),
    .text("reference", \.reference),
    .list("events", \.events, FilingEvent.fields, make: FilingEvent.init),
  ]
}

extension FilingEvent {
  static let fields: [CaseField<FilingEvent>] = [
    .dateTime("date", \.date),
    .word("kind", \.kind),
    .text("note", \.note),
  ]
}
