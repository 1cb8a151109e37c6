import Foundation
import Yams

/// Reads a case file (version 1) into a `CaseFile`. Every problem of shape is reported with
/// its line, column and field path, all of them at once: unknown keys, wrong types, bad
/// enumerations, impossible dates, malformed amounts, a newer `version`, YAML syntax errors.
/// Missing required fields are not errors here: see `CaseValidator`.
public enum CaseFileReader {
  /// The keys of each mapping, in the order `case-file.md` documents them. The writer uses
  /// the same order.
  public enum Keys {
    public static let root = [
      "version", "id", "jurisdiction", "venue", "language", "addressee", "region", "complainant",
      "agent",
      "respondent", "purchase", "damage", "negotiation", "proceedings", "claims", "evidence",
      "filing",
    ]
    public static let complainant = [
      "name", "gender", "id_number", "phone", "email", "address", "postcode",
    ]
    public static let agent = ["name", "phone", "relationship", "authorization"]
    public static let respondent = [
      "name", "credit_code", "address", "phone", "postcode", "store", "private_individual",
    ]
    public static let purchase = [
      "subject", "purpose", "date", "received_on", "channel", "platform", "order_number", "items",
      "amount_paid", "currency", "warranty_until", "sold_as_clearance", "farm_inputs", "prepaid",
    ]
    public static let prepaid = ["units_total", "units_used", "balance", "business_stopped"]
    public static let item = [
      "name", "category", "brand", "model", "spec", "origin", "quantity", "unit_price",
    ]
    public static let damage = [
      "category", "description", "discovered_on", "caused_by_misuse", "needs_appraisal",
      "personal_injury", "fraud_alleged", "food_safety_violation", "drug_safety_violation",
      "serious_injury", "business_knew", "in_business_custody", "disclosed_defect", "losses",
    ]
    public static let negotiation = ["attempts", "settlement"]
    public static let attempt = ["date", "channel", "with", "summary", "outcome"]
    public static let settlement = ["reached", "performed"]
    public static let proceedings = [
      "court", "arbitration", "administrative", "mediation", "previous_complaint", "new_evidence",
    ]
    public static let claim = ["type", "amount", "note"]
    public static let evidence = ["id", "kind", "title", "file", "date", "proves"]
    public static let filing = ["filed_on", "accepted_on", "reference", "events"]
    public static let event = ["date", "kind", "note"]
  }

  /// Reads the file at `url`; `displayName` is how messages name it (the path as typed).
  public static func read(contentsOf url: URL, displayName: String? = nil) throws -> CaseFile {
    let name = displayName ?? url.path
    let node = try YAMLDocumentLoader.load(contentsOf: url, displayName: name)
    return try decode(node, file: name)
  }

  /// Reads a case file from its text.
  public static func read(text: String, file: String) throws -> CaseFile {
    let node = try YAMLDocumentLoader.load(data: Data(text.utf8), file: file)
    return try decode(node, file: file)
  }

  /// Maps a composed tree to a case; throws `DiagnosticsError` with every problem found.
  public static func decode(_ node: Node, file: String) throws -> CaseFile {
    try decodeWithLocations(node, file: file).0
  }

  /// As `decode`, also returning where each field was written.
  public static func decodeWithLocations(_ node: Node, file: String) throws -> (CaseFile, SourceMap) {
    let (c, map, diagnostics) = decodeLeniently(node, file: file)
    if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticsError(diagnostics) }
    return (c, map)
  }

  /// Decodes as much as can be decoded, returning the problems beside the partial case, so
  /// that `validate` can report shape errors and content errors in one pass.
  public static func decodeLeniently(_ node: Node, file: String) -> (CaseFile, SourceMap, [Diagnostic]) {
    let r = YAMLNodeReader(file: file)
    var c = CaseFile()
    func finish() -> (CaseFile, SourceMap, [Diagnostic]) {
      (c, SourceMap(file: file, locations: r.locations), CaseValidator.sorted(r.diagnostics))
    }
    guard case .mapping = node else {
      r.error(
        "expected a case file (a mapping that starts with 'version: 1'), got \(YAMLNodeReader.describe(node))",
        at: node, path: "")
      return finish()
    }
    guard let m = r.mapping(node, path: "", allowed: Keys.root) else { return finish() }
    if let v = m["version"] {
      if let version = r.integer(v, path: "version", range: 1...Int.max) {
        if version > CaseFile.currentVersion {
          r.error(
            "this file is version \(version); this redress reads version \(CaseFile.currentVersion) and older: update redress",
            at: v, path: "version")
          return finish()
        }
        c.version = version
      }
    } else {
      r.error("missing key 'version'; a case file starts with 'version: 1'", at: node, path: "version")
    }
    if let id = r.string(m["id"], path: "id") {
      if CaseID.isValid(id) {
        c.id = id
      } else {
        r.error(CaseID.rule + ", got \"\(id)\"", at: m["id"], path: "id")
      }
    }
    c.jurisdiction = r.string(m["jurisdiction"], path: "jurisdiction")
    c.venue = r.enumeration(m["venue"], path: "venue")
    c.language = r.enumeration(m["language"], path: "language")
    c.addressee = r.string(m["addressee"], path: "addressee")
    if let region = r.string(m["region"], path: "region") {
      if let problem = RegionCode.problem(with: region) {
        r.error(problem, at: m["region"], path: "region")
      } else {
        c.region = region
      }
    }

    if let n = m["complainant"], !YAMLNodeReader.isNull(n),
      let f = r.mapping(n, path: "complainant", allowed: Keys.complainant)
    {
      var x = Complainant()
      x.name = r.string(f["name"], path: "complainant.name")
      x.gender = r.enumeration(f["gender"], path: "complainant.gender")
      x.idNumber = r.string(f["id_number"], path: "complainant.id_number")
      x.phone = r.string(f["phone"], path: "complainant.phone")
      x.email = r.string(f["email"], path: "complainant.email")
      x.address = r.string(f["address"], path: "complainant.address")
      x.postcode = r.string(f["postcode"], path: "complainant.postcode")
      c.complainant = x
    }
    if let n = m["agent"], !YAMLNodeReader.isNull(n),
      let f = r.mapping(n, path: "agent", allowed: Keys.agent)
    {
      var x = Agent()
      x.name = r.string(f["name"], path: "agent.name")
      x.phone = r.string(f["phone"], path: "agent.phone")
      x.relationship = r.enumeration(f["relationship"], path: "agent.relationship")
      x.authorization = r.string(f["authorization"], path: "agent.authorization")
      c.agent = x
    }
    if let n = m["respondent"], !YAMLNodeReader.isNull(n),
      let f = r.mapping(n, path: "respondent", allowed: Keys.respondent)
    {
      var x = Respondent()
      x.name = r.string(f["name"], path: "respondent.name")
      x.creditCode = r.string(f["credit_code"], path: "respondent.credit_code")
      x.address = r.string(f["address"], path: "respondent.address")
      x.phone = r.string(f["phone"], path: "respondent.phone")
      x.postcode = r.string(f["postcode"], path: "respondent.postcode")
      x.store = r.string(f["store"], path: "respondent.store")
      x.privateIndividual = r.bool(f["private_individual"], path: "respondent.private_individual")
      c.respondent = x
    }
    if let n = m["purchase"], !YAMLNodeReader.isNull(n),
      let f = r.mapping(n, path: "purchase", allowed: Keys.purchase)
    {
      var x = Purchase()
      x.subject = r.enumeration(f["subject"], path: "purchase.subject")
      x.purpose = r.enumeration(f["purpose"], path: "purchase.purpose")
      x.date = r.date(f["date"], path: "purchase.date")
      x.receivedOn = r.date(f["received_on"], path: "purchase.received_on")
      x.channel = r.enumeration(f["channel"], path: "purchase.channel")
      x.platform = r.string(f["platform"], path: "purchase.platform")
      x.orderNumber = r.string(f["order_number"], path: "purchase.order_number")
      if let itemsNode = f["items"], let items = r.sequence(itemsNode, path: "purchase.items") {
        for (i, itemNode) in items.enumerated() {
          let p = "purchase.items[\(i)]"
          guard let g = r.mapping(itemNode, path: p, allowed: Keys.item) else { continue }
          var item = Item()
          item.name = r.string(g["name"], path: "\(p).name")
          item.category = r.enumeration(g["category"], path: "\(p).category")
          item.brand = r.string(g["brand"], path: "\(p).brand")
          item.model = r.string(g["model"], path: "\(p).model")
          item.spec = r.string(g["spec"], path: "\(p).spec")
          item.origin = r.string(g["origin"], path: "\(p).origin")
          item.quantity = r.integer(g["quantity"], path: "\(p).quantity", range: 1...1_000_000)
          item.unitPrice = r.money(g["unit_price"], path: "\(p).unit_price")
          x.items.append(item)
          if r.budgetExhausted { break }
        }
      }
      x.amountPaid = r.money(f["amount_paid"], path: "purchase.amount_paid")
      if let cur = r.string(f["currency"], path: "purchase.currency") {
        // A value reported as an error is never kept, so the partial case stays writable.
        if cur.count == 3 && cur.allSatisfy({ $0.isASCII && $0.isUppercase }) {
          x.currency = cur
        } else {
          r.error(
            "expected a three-letter currency code such as CNY, got \"\(cur)\"", at: f["currency"],
            path: "purchase.currency")
        }
      }
      x.warrantyUntil = r.date(f["warranty_until"], path: "purchase.warranty_until")
      x.soldAsClearance = r.bool(f["sold_as_clearance"], path: "purchase.sold_as_clearance")
      x.farmInputs = r.bool(f["farm_inputs"], path: "purchase.farm_inputs")
      if let pn = f["prepaid"], !YAMLNodeReader.isNull(pn),
        let g = r.mapping(pn, path: "purchase.prepaid", allowed: Keys.prepaid)
      {
        var p = Prepaid()
        p.unitsTotal = r.integer(g["units_total"], path: "purchase.prepaid.units_total", range: 1...1_000_000)
        p.unitsUsed = r.integer(g["units_used"], path: "purchase.prepaid.units_used", range: 0...1_000_000)
        p.balance = r.money(g["balance"], path: "purchase.prepaid.balance")
        p.businessStopped = r.bool(g["business_stopped"], path: "purchase.prepaid.business_stopped")
        // The unused balance (rules.md) is computed from these: refuse what cannot be true.
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
        if absent(f["amount_paid"]), absent(g["balance"]) {
          r.error(
            "a prepaid card needs its price: give purchase.amount_paid (what was paid for the card) or purchase.prepaid.balance (the money left on it)",
            at: pn, path: "purchase.prepaid")
        }
        x.prepaid = p
      }
      c.purchase = x
    }
    if let n = m["damage"], !YAMLNodeReader.isNull(n),
      let f = r.mapping(n, path: "damage", allowed: Keys.damage)
    {
      var x = Damage()
      x.category = r.enumeration(f["category"], path: "damage.category")
      x.description = r.string(f["description"], path: "damage.description")
      x.discoveredOn = r.date(f["discovered_on"], path: "damage.discovered_on")
      x.causedByMisuse = r.bool(f["caused_by_misuse"], path: "damage.caused_by_misuse")
      x.needsAppraisal = r.bool(f["needs_appraisal"], path: "damage.needs_appraisal")
      x.personalInjury = r.bool(f["personal_injury"], path: "damage.personal_injury")
      x.fraudAlleged = r.bool(f["fraud_alleged"], path: "damage.fraud_alleged")
      x.foodSafetyViolation = r.bool(f["food_safety_violation"], path: "damage.food_safety_violation")
      x.drugSafetyViolation = r.bool(f["drug_safety_violation"], path: "damage.drug_safety_violation")
      x.seriousInjury = r.bool(f["serious_injury"], path: "damage.serious_injury")
      x.businessKnew = r.bool(f["business_knew"], path: "damage.business_knew")
      x.inBusinessCustody = r.bool(f["in_business_custody"], path: "damage.in_business_custody")
      x.disclosedDefect = r.bool(f["disclosed_defect"], path: "damage.disclosed_defect")
      x.losses = r.money(f["losses"], path: "damage.losses")
      c.damage = x
    }
    if let n = m["negotiation"], !YAMLNodeReader.isNull(n),
      let f = r.mapping(n, path: "negotiation", allowed: Keys.negotiation)
    {
      var x = Negotiation()
      if let an = f["attempts"], let attempts = r.sequence(an, path: "negotiation.attempts") {
        for (i, attemptNode) in attempts.enumerated() {
          let p = "negotiation.attempts[\(i)]"
          guard let g = r.mapping(attemptNode, path: p, allowed: Keys.attempt) else { continue }
          var a = NegotiationAttempt()
          a.date = r.date(g["date"], path: "\(p).date")
          a.channel = r.enumeration(g["channel"], path: "\(p).channel")
          a.with = r.string(g["with"], path: "\(p).with")
          a.summary = r.string(g["summary"], path: "\(p).summary")
          a.outcome = r.enumeration(g["outcome"], path: "\(p).outcome")
          x.attempts.append(a)
          if r.budgetExhausted { break }
        }
      }
      if let sn = f["settlement"], !YAMLNodeReader.isNull(sn),
        let g = r.mapping(sn, path: "negotiation.settlement", allowed: Keys.settlement)
      {
        var s = Settlement()
        s.reached = r.bool(g["reached"], path: "negotiation.settlement.reached")
        s.performed = r.bool(g["performed"], path: "negotiation.settlement.performed")
        x.settlement = s
      }
      c.negotiation = x
    }
    if let n = m["proceedings"], !YAMLNodeReader.isNull(n),
      let f = r.mapping(n, path: "proceedings", allowed: Keys.proceedings)
    {
      var x = Proceedings()
      x.court = r.bool(f["court"], path: "proceedings.court")
      x.arbitration = r.bool(f["arbitration"], path: "proceedings.arbitration")
      x.administrative = r.bool(f["administrative"], path: "proceedings.administrative")
      x.mediation = r.bool(f["mediation"], path: "proceedings.mediation")
      x.previousComplaint = r.bool(f["previous_complaint"], path: "proceedings.previous_complaint")
      x.newEvidence = r.bool(f["new_evidence"], path: "proceedings.new_evidence")
      c.proceedings = x
    }
    if let n = m["claims"], let claims = r.sequence(n, path: "claims") {
      for (i, claimNode) in claims.enumerated() {
        let p = "claims[\(i)]"
        guard let g = r.mapping(claimNode, path: p, allowed: Keys.claim) else { continue }
        var x = Claim()
        x.type = r.enumeration(g["type"], path: "\(p).type")
        x.amount = r.money(g["amount"], path: "\(p).amount")
        x.note = r.string(g["note"], path: "\(p).note")
        c.claims.append(x)
        if r.budgetExhausted { break }
      }
    }
    if let n = m["evidence"], let items = r.sequence(n, path: "evidence") {
      for (i, evidenceNode) in items.enumerated() {
        let p = "evidence[\(i)]"
        guard let g = r.mapping(evidenceNode, path: p, allowed: Keys.evidence) else { continue }
        var x = Evidence()
        x.id = r.string(g["id"], path: "\(p).id")
        x.kind = r.enumeration(g["kind"], path: "\(p).kind")
        x.title = r.string(g["title"], path: "\(p).title")
        x.file = r.string(g["file"], path: "\(p).file")
        x.date = r.date(g["date"], path: "\(p).date")
        x.proves = r.string(g["proves"], path: "\(p).proves")
        c.evidence.append(x)
        if r.budgetExhausted { break }
      }
    }
    if let n = m["filing"], !YAMLNodeReader.isNull(n),
      let f = r.mapping(n, path: "filing", allowed: Keys.filing)
    {
      var x = Filing()
      x.filedOn = r.date(f["filed_on"], path: "filing.filed_on")
      x.acceptedOn = r.date(f["accepted_on"], path: "filing.accepted_on")
      x.reference = r.string(f["reference"], path: "filing.reference")
      if let en = f["events"], let events = r.sequence(en, path: "filing.events") {
        for (i, eventNode) in events.enumerated() {
          let p = "filing.events[\(i)]"
          guard let g = r.mapping(eventNode, path: p, allowed: Keys.event) else { continue }
          var e = FilingEvent()
          e.date = r.eventDate(g["date"], path: "\(p).date")
          e.kind = r.enumeration(g["kind"], path: "\(p).kind")
          e.note = r.string(g["note"], path: "\(p).note")
          x.events.append(e)
          if r.budgetExhausted { break }
        }
      }
      c.filing = x
    }
    return finish()
  }
}

/// The rule for case ids: what a store, a file name and a command line all accept.
public enum CaseID {
  public static let rule =
    "a case id is 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit"

  public static func isValid(_ id: String) -> Bool {
    guard (1...64).contains(id.utf8.count), let first = id.unicodeScalars.first,
      first.properties.isAlphabetic || ("0"..."9").contains(first)
    else { return false }
    return id.unicodeScalars.allSatisfy {
      $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
    }
  }
}
