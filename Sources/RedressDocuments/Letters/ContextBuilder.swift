import Foundation
import RedressCore

/// Builds every document's typed context from a case: the one place where case fields are
/// formatted for print (dates, amounts, enumerations through the language's `Terms`), where
/// exhibits get their numbers and where `--redact` masks personal data.
public struct ContextBuilder: Sendable {
  public var caseFile: CaseFile
  /// The rule engine's findings on the case; the letter cites the legal bases among them.
  public var findings: [Finding]
  /// What the law gives the case (`ClaimCalculator`): the letter states the prepaid balance.
  public var amounts: [ClaimCalculator.Entry]
  /// The documents' date.
  public var today: CalendarDate
  public var terms: Terms
  public var catalog: EvidenceCatalog

  public init(
    caseFile: CaseFile, findings: [Finding], amounts: [ClaimCalculator.Entry] = [], today: CalendarDate,
    terms: Terms
  ) {
    self.caseFile = caseFile
    self.findings = findings
    self.amounts = amounts
    self.today = today
    self.terms = terms
    self.catalog = EvidenceCatalog(
      caseFile.evidence, prefix: terms.fileNames["evidence"] ?? "E{nn}",
      unnamed: terms.text("unnamed_evidence"))
  }

  // MARK: Shared parts

  static let purchaseKinds: Set<EvidenceKind> = [.invoice, .receipt, .orderRecord, .contract, .warrantyCard]
  static let damageKinds: Set<EvidenceKind> = [.photo, .video, .audio, .appraisalReport]
  static let negotiationKinds: Set<EvidenceKind> = [.chatLog, .correspondence]

  func refs(_ kinds: Set<EvidenceKind>) -> String? {
    let numbers = catalog.numbers(of: kinds)
    return numbers.isEmpty ? nil : terms.evidenceReferences(numbers)
  }

  func date(_ d: CalendarDate?) -> String? { d.map(terms.date) }

  func money(_ m: Money?) -> String? { m.map { terms.money($0, currency: caseFile.purchase?.currency) } }

  /// The body the documents are addressed to.
  public var addressee: String {
    if let a = caseFile.addressee, !a.trimmingCharacters(in: .whitespaces).isEmpty { return a }
    return terms.label(caseFile.effectiveVenue, in: "venue")
  }

  func person(redact: Bool) -> PersonFields {
    let c = caseFile.complainant ?? Complainant()
    var p = PersonFields(
      name: c.name, gender: c.gender.map { terms.label($0, in: "gender") }, idNumber: c.idNumber,
      phone: c.phone, email: c.email, address: c.address, postcode: c.postcode,
      evidenceRefs: refs([.idCopy]))
    if redact {
      p.idNumber = c.idNumber.map(Redactor.idNumber)
      p.phone = c.phone.map(Redactor.phone)
      p.email = c.email.map(Redactor.email)
      p.address = c.address.map {
        terms.text("redacted_address").replacingOccurrences(of: "{district}", with: Redactor.district(of: $0))
      }
    }
    return p
  }

  func agent(redact: Bool) -> AgentFields? {
    guard let a = caseFile.agent else { return nil }
    var refs: String?
    if let id = a.authorization, let n = catalog.number(ofID: id) { refs = terms.evidenceReference(n) }
    return AgentFields(
      name: a.name, relationship: a.relationship.map { terms.label($0, in: "agent_relationship") },
      phone: redact ? a.phone.map(Redactor.phone) : a.phone,
      authority: terms.powerOfAttorney.authoritySummary, evidenceRefs: refs)
  }

  var respondent: RespondentFields {
    let r = caseFile.respondent ?? Respondent()
    return RespondentFields(
      name: r.name, creditCode: r.creditCode, address: r.address, postcode: r.postcode, phone: r.phone,
      store: r.store)
  }

  /// `滚筒洗衣机`, or `滚筒洗衣机等3项` for several items.
  var itemSummary: String? {
    let names = (caseFile.purchase?.items ?? []).compactMap(\.name).filter { !$0.isEmpty }
    guard let first = names.first else { return nil }
    if names.count == 1 { return first }
    return terms.text("item_summary_more")
      .replacingOccurrences(of: "{first}", with: first)
      .replacingOccurrences(of: "{count}", with: String(names.count))
      .replacingOccurrences(of: "{more}", with: String(names.count - 1))
  }

  /// What the complaint is about (案由), from the items and the kind of problem.
  var matter: String? {
    guard let item = itemSummary else { return nil }
    let problem = caseFile.damage?.category.map { terms.label($0, in: "damage_category") } ?? ""
    return terms.text("matter").replacingOccurrences(of: "{item}", with: item)
      .replacingOccurrences(of: "{problem}", with: problem)
  }

  var evidenceLines: [EvidenceLine] {
    catalog.entries.map { e in
      EvidenceLine(
        number: String(e.number), reference: terms.evidenceReference(e.number),
        title: (e.evidence.title?.isEmpty == false ? e.evidence.title : nil)
          ?? terms.text("unnamed_evidence"),
        kind: e.evidence.kind.map { terms.label($0, in: "evidence_kind") },
        date: date(e.evidence.date), proves: e.evidence.proves, file: e.bundleName)
    }
  }

  func end(_ index: Int, of count: Int) -> String {
    index == count - 1 ? terms.text("last_item_end") : terms.text("item_separator")
  }

  /// The consumer's text without a final full stop, for a template that adds its own after a
  /// reference (`……已超过保质期（见证据2）。`).
  static func withoutFinalStop(_ s: String) -> String {
    var t = s.trimmingCharacters(in: .whitespacesAndNewlines)
    while let last = t.last, last == "。" || last == "." { t.removeLast() }
    return t
  }

  // MARK: The letter

  /// The complaint letter's context; `redact` masks the complainant's ID number, phone,
  /// e-mail and street address (and the agent's phone) for a public posting.
  public func letter(redact: Bool = false) -> LetterContext {
    let p = caseFile.purchase ?? Purchase()
    let blank = terms.text("blank")
    let items = p.items.enumerated().map { i, item -> LetterContext.ItemLine in
      let qty = item.effectiveQuantity
      return LetterContext.ItemLine(
        number: String(i + 1), name: item.name ?? blank,
        category: item.category.map { terms.label($0, in: "item_category") } ?? blank,
        brand: item.brand ?? blank, model: item.model ?? blank, spec: item.spec ?? blank,
        origin: item.origin ?? blank, term: item.spec ?? blank, quantity: String(qty),
        unitPrice: money(item.unitPrice) ?? blank,
        amount: money(item.unitPrice.flatMap { $0.multiplied(by: Int64(qty)) }) ?? blank)
    }
    // A service's claims are worded for a service (退还服务费用, never 退还货款).
    let claimTable = p.subject == .service ? "claim_type_service" : "claim_type"
    let claims = caseFile.claims.enumerated().map { i, claim in
      LetterContext.ClaimLine(
        number: String(i + 1),
        request: claim.type.map { terms.label($0, in: claimTable) }
          ?? terms.label(ClaimType.other, in: claimTable),
        amount: money(claim.amount), note: claim.note, end: end(i, of: caseFile.claims.count))
    }
    let d = caseFile.damage ?? Damage()
    let attempts = (caseFile.negotiation?.attempts ?? []).enumerated().map { i, a in
      LetterContext.AttemptLine(
        number: String(i + 1), date: date(a.date),
        channel: a.channel.map { terms.label($0, in: "negotiation_channel") }, with: a.with,
        summary: a.summary.map(terms.sentence),
        outcome: a.outcome.map { terms.label($0, in: "negotiation_outcome") })
    }
    let bases = legalBases()
    return LetterContext(
      caseId: caseFile.id, date: terms.date(today), redacted: redact, addressee: addressee,
      honorific: terms.label(caseFile.effectiveVenue, in: "venue_honorific"),
      complainant: person(redact: redact), agent: agent(redact: redact), respondent: respondent,
      claims: claims,
      purchase: LetterContext.PurchaseFields(
        isService: p.subject == .service, date: date(p.date),
        channel: p.channel.map { terms.label($0, in: "purchase_channel") }, platform: p.platform,
        orderNumber: p.orderNumber, receivedOn: date(p.receivedOn), amountPaid: money(p.amountPaid),
        warrantyUntil: date(p.warrantyUntil), evidenceRefs: refs(Self.purchaseKinds), items: items,
        prepaid: prepaid),
      damage: LetterContext.DamageFields(
        category: d.category.map { terms.label($0, in: "damage_category") },
        discoveredOn: date(d.discoveredOn), description: d.description.map(Self.withoutFinalStop),
        personalInjury: d.personalInjury ?? false, evidenceRefs: refs(Self.damageKinds)),
      negotiation: LetterContext.NegotiationFields(
        attempts: attempts, evidenceRefs: refs(Self.negotiationKinds)),
      legalBases: bases, hasLegalBases: !bases.isEmpty,
      evidence: LetterContext.EvidenceSummary(
        count: String(catalog.entries.count),
        all: catalog.entries.isEmpty ? nil : terms.evidenceReferences(catalog.entries.map(\.number)),
        items: evidenceLines))
  }

  /// The prepaid block of the letter, nil when the case is not a prepaid purchase. The balance
  /// is the rule pack's `prepaid-balance` (`ClaimCalculator`), never computed here.
  var prepaid: LetterContext.PrepaidFields? {
    let p = caseFile.purchase
    let isPrepaidItem = p?.items.contains { $0.category == .prepaid } ?? false
    guard p?.prepaid != nil || isPrepaidItem else { return nil }
    let block = p?.prepaid ?? Prepaid()
    let entry = amounts.first { $0.basis == "prepaid-balance" }
    var left: String?
    if let total = block.unitsTotal, let used = block.unitsUsed, used <= total { left = String(total - used) }
    return LetterContext.PrepaidFields(
      unitsTotal: block.unitsTotal.map(String.init), unitsUsed: block.unitsUsed.map(String.init),
      unitsLeft: left,
      balance: money(entry?.amount),
      computation: block.balance == nil ? entry?.computation : nil,
      businessStopped: block.businessStopped ?? false)
  }

  /// The legal bases the letter states: findings of the rules the terms give a sentence for
  /// (`grounds`), each with its statute and regulation citations. Citations of practice are
  /// never printed as law, and a finding with none of the others is left out.
  func legalBases() -> [LetterContext.LegalBasisLine] {
    var lines: [LetterContext.LegalBasisLine] = []
    var seen: Set<String> = []
    for finding in findings where finding.severity != .block {
      guard let text = terms.grounds[finding.rule], !seen.contains(finding.rule) else { continue }
      let cited = finding.legalBases
      guard !cited.isEmpty else { continue }
      seen.insert(finding.rule)
      var names: [String] = []
      for c in cited {
        let s = citation(c)
        if !names.contains(s) { names.append(s) }
      }
      lines.append(
        LetterContext.LegalBasisLine(
          number: String(lines.count + 1), citations: terms.list(names), text: text))
    }
    return lines
  }

  /// A citation as the language writes it: `《中华人民共和国消费者权益保护法》第二十四条`,
  /// `Consumer Rights and Interests Protection Law of the PRC Art. 24`.
  func citation(_ c: Citation) -> String {
    terms.text("citation")
      .replacingOccurrences(of: "{source}", with: c.source(in: terms.language))
      .replacingOccurrences(of: "{article}", with: c.article(in: terms.language))
  }

  // MARK: The other documents

  public func evidenceList() -> EvidenceListContext {
    EvidenceListContext(
      caseId: caseFile.id, matter: matter, reference: caseFile.filing?.reference, date: terms.date(today),
      complainantName: caseFile.complainant?.name,
      agentName: caseFile.agent?.name, respondentName: caseFile.respondent?.name,
      serviceSummary: caseFile.purchase?.subject == .service ? itemSummary : nil,
      prepaidBalance: prepaid?.balance,
      count: String(catalog.entries.count), items: evidenceLines)
  }

  /// The power of attorney for the agent to have signed; nil when the case has no agent.
  public func powerOfAttorney() -> PowerOfAttorneyContext? {
    guard let agent = agent(redact: false) else { return nil }
    let powers = terms.powerOfAttorney.powers
    return PowerOfAttorneyContext(
      caseId: caseFile.id, principal: person(redact: false), agent: agent,
      respondentName: caseFile.respondent?.name, addressee: addressee,
      purchaseDate: date(caseFile.purchase?.date), itemSummary: itemSummary,
      powers: powers.enumerated().map {
        PowerOfAttorneyContext.PowerLine(
          number: String($0.offset + 1), text: $0.element, end: end($0.offset, of: powers.count))
      },
      limits: terms.powerOfAttorney.limits, term: terms.powerOfAttorney.term)
  }

  /// The follow-up letter for a plan made by `FollowUpPlan.make`. The window's basis is the
  /// clock's own citations of statute or regulation; a practice window is worded from
  /// `terms.yaml` as practice, never as law.
  public func followUp(_ plan: FollowUpPlan, calendarNote: String?) -> FollowUpContext {
    let filing = caseFile.filing ?? Filing()
    let w = terms.windows[plan.clockID]
    let previous = filing.events.filter { $0.kind == .followUp }.compactMap {
      e -> FollowUpContext.DateLine? in
      guard let d = e.date?.date else { return nil }
      return FollowUpContext.DateLine(date: terms.date(d), note: e.note)
    }
    var basis = w?.basis ?? ""
    if !plan.practice, !plan.citations.isEmpty {
      basis = terms.list(plan.citations.map(citation))
    }
    return FollowUpContext(
      caseId: caseFile.id, date: terms.date(today), addressee: addressee,
      honorific: terms.label(caseFile.effectiveVenue, in: "venue_honorific"),
      complainant: person(redact: false), agent: agent(redact: false),
      respondentName: caseFile.respondent?.name, itemSummary: itemSummary,
      filedOn: terms.date(filing.filedOn ?? today), acceptedOn: date(filing.acceptedOn),
      reference: filing.reference,
      window: FollowUpContext.WindowFields(
        length: w?.length ?? "", duty: w?.duty ?? "", basis: basis, practice: plan.practice,
        start: terms.date(plan.start), due: terms.date(plan.due),
        // A provisional due day is not asserted as missed: the letter only says no answer came.
        passed: plan.passed && !plan.dueProvisional,
        daysOverdue: plan.passed && !plan.dueProvisional ? String(plan.daysOverdue) : nil),
      previousFollowUps: previous, replyBy: terms.date(plan.replyBy), calendarNote: calendarNote)
  }

  /// The e-mail body for one message of a filing. `attachments` are the files this message
  /// carries; `otherParts` what each other message carries (empty when not split).
  public func emailBody(
    attachments: [EmailBodyContext.AttachmentLine], part: Int = 1,
    otherParts: [(part: Int, attachments: [EmailBodyContext.AttachmentLine])] = []
  ) -> EmailBodyContext {
    var split: EmailBodyContext.SplitFields?
    if !otherParts.isEmpty {
      split = EmailBodyContext.SplitFields(
        part: String(part), total: String(otherParts.count + 1),
        otherParts: otherParts.map {
          EmailBodyContext.PartLine(part: String($0.part), attachments: $0.attachments)
        })
    }
    return EmailBodyContext(
      caseId: caseFile.id, date: terms.date(today), addressee: addressee, complainant: person(redact: false),
      agent: agent(redact: false), respondentName: caseFile.respondent?.name, itemSummary: itemSummary,
      isService: caseFile.purchase?.subject == .service, prepaidBalance: prepaid?.balance,
      split: split, attachments: attachments)
  }
}
