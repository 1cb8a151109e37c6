import Foundation
import RedressCore

/// The interview's order and logic. Sections follow a consumer association's complaint form:
/// where to file, who complains, who acts for them, against whom, what was bought, what went
/// wrong, what the business said, the proof, and what is asked for.
package enum InterviewFlow {
  /// The sections `redress new` walks through, then the review.
  static let interviewSectionIDs = [
    "venue", "complainant", "agent", "respondent", "purchase", "damage", "negotiation", "evidence", "claims",
  ]
  /// Every section with words in the language files (`filing` is reached only by `edit`).
  static let sectionIDs = interviewSectionIDs + ["review", "filing"]
  /// The sections `redress edit --section` accepts (`cli.md`), plus `venue`.
  package static let editableSectionIDs = interviewSectionIDs + ["filing"]

  /// Questions asked outside the sections: resuming, confirmations, the output folder.
  static let metaQuestionIDs = [
    "resume", "admissibility.continue", "group.remove", "review.generate_anyway", "output.folder",
  ]

  static func section(_ id: String) -> Section {
    Section(id: id, steps: steps(of: id))
  }

  static func steps(of id: String) -> [Step] {
    switch id {
    case "venue": return venue
    case "complainant": return complainant
    case "agent": return agent
    case "respondent": return respondent
    case "purchase": return purchase
    case "damage": return damage
    case "negotiation": return negotiation
    case "evidence": return evidence
    case "claims": return claims
    case "filing": return filing
    default: return []
    }
  }

  /// Every question id the flow can ask, for the check that each has words in every language.
  static var allQuestionIDs: [String] {
    var ids: [String] = []
    func walk(_ steps: [Step]) {
      for step in steps {
        switch step {
        case .ask(let q): ids.append(q.id)
        case .when(_, let inner): walk(inner)
        case .note: break
        case .group(let g):
          ids.append(g.id)
          walk(g.entry(0))
        case .action(let a): ids.append(contentsOf: a.ids)
        }
      }
    }
    for id in editableSectionIDs { walk(steps(of: id)) }
    var seen = Set<String>()
    return (ids + metaQuestionIDs).filter { seen.insert($0).inserted }
  }

  /// Which section a case field belongs to (for findings about it).
  static func sectionID(forField field: String) -> String? {
    let head = String(field.prefix { $0 != "." && $0 != "[" })
    switch head {
    case "venue", "addressee", "language", "proceedings", "jurisdiction": return "venue"
    case "negotiation": return "negotiation"
    default: return interviewSectionIDs.contains(head) ? head : nil
    }
  }

  /// The region of the body, a GB/T 2260 code (optional): asked when the addressee names no
  /// province or city (`askRegion`).
  static var regionQuestion: Question {
    Q.text("region", \.region).checking { _, v in
      guard case .text(let s) = v, let problem = RegionCode.problem(with: s) else { return nil }
      _ = problem
      return AnswerProblem(.badRegion, ["code": s])
    }
  }

  static func notBeforePurchase(_ c: CaseFile, _ v: AnswerValue) -> AnswerProblem? {
    guard case .date(let d) = v, let bought = c.purchase?.date, d < bought else { return nil }
    return AnswerProblem(.dateBeforePurchase, ["date": d.iso, "purchase": bought.iso])
  }

  // MARK: 1 Venue and language

  static var venue: [Step] {
    [
      .ask(Q.choice("venue", \.venue, required: true, default: Venue.consumerAssociation)),
      .ask(Q.text("addressee", \.addressee)),
      .action(Action(ids: ["region"]) { runner, backward in try runner.askRegion(backward: backward) }),
      .ask(Q.choice("language", \.language, default: DocumentLanguage.zhHans)),
      .ask(proceedingsGate),
      .when(
        { $0.proceedingsOpened },
        [
          .ask(Q.flag("proceedings.court", \.proceedingsForm.court)),
          .ask(Q.flag("proceedings.arbitration", \.proceedingsForm.arbitration)),
          .ask(Q.flag("proceedings.administrative", \.proceedingsForm.administrative)),
          .ask(Q.flag("proceedings.mediation", \.proceedingsForm.mediation)),
          .ask(Q.flag("proceedings.previous_complaint", \.proceedingsForm.previousComplaint)),
          .when(
            { $0.proceedings?.previousComplaint == true },
            [.ask(Q.flag("proceedings.new_evidence", \.proceedingsForm.newEvidence))]),
        ]),
    ]
  }

  /// "Has any other body dealt with this?" A yes opens the five questions (each offered as
  /// "no"); a no clears them.
  static var proceedingsGate: Question {
    Question(
      id: "proceedings.any", key: "proceedings.any", kind: .flag, required: false,
      get: { c in c.proceedingsOpened ? .flag(true) : nil },
      set: { c, v in
        var p = c.proceedingsForm
        let open: Bool? = {
          if case .flag(true)? = v { return false }
          return nil
        }()
        if open == nil || !c.proceedingsOpened {
          p.court = open
          p.arbitration = open
          p.administrative = open
          p.mediation = open
          p.previousComplaint = open
        }
        c.proceedingsForm = p
      }, suggest: { _, _ in .flag(false) })
  }

  // MARK: 2 The complainant

  static var complainant: [Step] {
    [
      .ask(Q.text("complainant.name", \.complainantForm.name, required: true)),
      .ask(Q.choice("complainant.gender", \.complainantForm.gender)),
      .ask(Q.text("complainant.phone", \.complainantForm.phone, required: true, kind: .personalPhone)),
      .ask(Q.text("complainant.address", \.complainantForm.address, required: true)),
      .ask(Q.text("complainant.postcode", \.complainantForm.postcode, kind: .postcode)),
      .ask(Q.text("complainant.id_number", \.complainantForm.idNumber, kind: .residentID)),
      .ask(Q.text("complainant.email", \.complainantForm.email, kind: .email)),
    ]
  }

  // MARK: 3 The agent

  static var agent: [Step] {
    [
      .ask(agentGate),
      .when(
        { $0.agent != nil },
        [
          .note(.agentExplained),
          .ask(Q.text("agent.name", \.agentForm.name, required: true)),
          .ask(Q.text("agent.phone", \.agentForm.phone, required: true, kind: .personalPhone)),
          .ask(Q.choice("agent.relationship", \.agentForm.relationship)),
          .action(
            Action(ids: []) { runner, backward in try runner.ensurePowerOfAttorney(backward: backward) }),
        ]),
    ]
  }

  /// "Does someone file for you?" A no removes the agent and the unsigned 授权委托书 entry
  /// made for them.
  static var agentGate: Question {
    Question(
      id: "agent.present", key: "agent.present", kind: .flag, required: false,
      get: { c in .flag(c.agent != nil) },
      set: { c, v in
        if case .flag(true)? = v {
          if c.agent == nil { c.agent = Agent() }
        } else {
          if let id = c.agent?.authorization,
            let i = c.evidence.firstIndex(where: {
              $0.id == id && $0.kind == .powerOfAttorney && $0.file == nil
            })
          {
            c.evidence.remove(at: i)
          }
          c.agent = nil
        }
      })
  }

  // MARK: 4 The respondent

  static var respondent: [Step] {
    [
      .action(
        Action(ids: ["respondent.einvoice", "evidence.einvoice"]) { runner, backward in
          try runner.askEInvoiceShortcut(backward: backward)
        }),
      .ask(Q.text("respondent.name", \.respondentForm.name, required: true)),
      .ask(Q.text("respondent.store", \.respondentForm.store)),
      .ask(Q.text("respondent.address", \.respondentForm.address, required: true)),
      .ask(Q.text("respondent.phone", \.respondentForm.phone, kind: .businessPhone)),
      .ask(Q.text("respondent.credit_code", \.respondentForm.creditCode, kind: .creditCode)),
      .ask(Q.text("respondent.postcode", \.respondentForm.postcode, kind: .postcode)),
      .ask(Q.flag("respondent.private_individual", \.respondentForm.privateIndividual)),
    ]
  }

  // MARK: 5 The purchase

  static var purchase: [Step] {
    [
      .ask(
        Q.choice("purchase.subject", \.purchaseForm.subject, required: true, default: PurchaseSubject.goods)),
      // The purchase date, the amount paid and the discovery day are expected, not required
      // (rules.md revision 2: cn.incomplete-facts warns, nothing refuses without them).
      .ask(Q.date("purchase.date", \.purchaseForm.date)),
      .ask(Q.choice("purchase.channel", \.purchaseForm.channel, required: true)),
      .when(
        { $0.isDistanceSale },
        [
          .ask(Q.date("purchase.received_on", \.purchaseForm.receivedOn).checking(notBeforePurchase)),
          .ask(Q.text("purchase.platform", \.purchaseForm.platform)),
        ]),
      // A live stream: the streamer's shop is the business's shop on the platform.
      .when(
        { $0.purchase?.channel == .liveStream },
        [.ask(Q.text("purchase.live_stream_shop", \.respondentForm.store, key: "respondent.store"))]),
      .ask(Q.text("purchase.order_number", \.purchaseForm.orderNumber)),
      .group(items),
      // 三包 goods bought in a shop: their periods run from delivery.
      .when(
        { !$0.isDistanceSale && !$0.isService && $0.hasSanbaoItem },
        [
          .ask(
            Q.date("purchase.delivered_on", \.purchaseForm.receivedOn, key: "purchase.received_on")
              .checking(notBeforePurchase))
        ]),
      .ask(
        Q.money("purchase.amount_paid", \.purchaseForm.amountPaid)
          .suggesting { c, _ in c.itemsTotal.map(AnswerValue.money) }),
      // A prepaid card, membership or package: what was bought and used, or the balance left.
      .when({ $0.isService || $0.hasPrepaidItem }, [.ask(prepaidGate)]),
      .when(
        { $0.purchase?.prepaid != nil },
        [
          .ask(Q.count("purchase.prepaid.units_total", \.prepaidForm.unitsTotal)),
          .when(
            { $0.purchase?.prepaid?.unitsTotal != nil },
            [
              .ask(
                Q.count("purchase.prepaid.units_used", \.prepaidForm.unitsUsed, fromZero: true).checking {
                  c, v in
                  guard case .count(let used) = v, let total = c.purchase?.prepaid?.unitsTotal, used > total
                  else { return nil }
                  return AnswerProblem(.unitsAboveTotal, ["used": String(used), "total": String(total)])
                })
            ]),
          .when(
            { $0.purchase?.prepaid?.unitsTotal == nil },
            [.ask(Q.money("purchase.prepaid.balance", \.prepaidForm.balance))]),
          .ask(Q.flag("purchase.prepaid.business_stopped", \.prepaidForm.businessStopped)),
        ]),
      // A service has a term, not a warranty (asked with each item as 期限或次数).
      .when(
        { !$0.isService },
        [
          .ask(
            Q.date("purchase.warranty_until", \.purchaseForm.warrantyUntil, allowFuture: true)
              .checking(notBeforePurchase))
        ]),
      .ask(Q.choice("purchase.purpose", \.purchaseForm.purpose, default: PurchasePurpose.personal)),
      .when(
        { $0.purchase?.purpose == .business },
        [.ask(Q.flag("purchase.farm_inputs", \.purchaseForm.farmInputs))]),
      .ask(Q.flag("purchase.sold_as_clearance", \.purchaseForm.soldAsClearance)),
    ]
  }

  /// "Is this a prepaid card, membership or package?" Asked for a service or a prepaid item;
  /// a yes opens the prepaid block, a no removes it.
  static var prepaidGate: Question {
    Question(
      id: "purchase.prepaid.present", key: "purchase.prepaid", kind: .flag, required: false,
      get: { c in c.purchase?.prepaid != nil ? .flag(true) : nil },
      set: { c, v in
        if case .flag(true)? = v {
          if c.purchase?.prepaid == nil { c.purchaseForm.prepaid = Prepaid() }
        } else {
          c.purchaseForm.prepaid = nil
        }
      }, suggest: { c, _ in .flag(c.hasPrepaidItem) })
  }

  static var items: RepeatingGroup {
    RepeatingGroup(
      id: "purchase.items", minimum: 1,
      count: { $0.purchase?.items.count ?? 0 },
      describe: { c, i, text in
        let item = c.purchaseForm.items[i]
        var parts = [item.name ?? "—"]
        if let b = item.brand { parts.append(b) }
        if let m = item.model { parts.append(m) }
        var line = parts.joined(separator: " ") + " ×\(item.effectiveQuantity)"
        if let p = item.unitPrice { line += " @ ¥\(p.grouped)" }
        return line
      },
      incomplete: { c, i in c.purchaseForm.items[i].name == nil },
      add: { c in
        c.purchaseForm.items.append(Item())
        return c.purchaseForm.items.count - 1
      },
      remove: { c, i in c.purchaseForm.items.remove(at: i) },
      entry: { i in
        let k = "purchase.items[\(i)]"
        return [
          .ask(Q.text("purchase.items.name", \.purchaseForm.items[i].name, key: "\(k).name", required: true)),
          .ask(Q.choice("purchase.items.category", \.purchaseForm.items[i].category, key: "\(k).category")),
          // Brand, model, specification and origin describe goods, not a service.
          .when(
            { $0.purchase?.subject != .service },
            [
              .ask(Q.text("purchase.items.brand", \.purchaseForm.items[i].brand, key: "\(k).brand")),
              .ask(Q.text("purchase.items.model", \.purchaseForm.items[i].model, key: "\(k).model")),
              .ask(Q.text("purchase.items.spec", \.purchaseForm.items[i].spec, key: "\(k).spec")),
              .ask(Q.text("purchase.items.origin", \.purchaseForm.items[i].origin, key: "\(k).origin")),
            ]),
          // A service's term or number of sessions (期限或次数), kept as the item's spec.
          .when(
            { $0.purchase?.subject == .service },
            [.ask(Q.text("purchase.items.term", \.purchaseForm.items[i].spec, key: "\(k).spec"))]),
          .ask(
            Q.count("purchase.items.quantity", \.purchaseForm.items[i].quantity, key: "\(k).quantity")
              .suggesting { _, _ in .count(1) }),
          .ask(
            Q.money("purchase.items.unit_price", \.purchaseForm.items[i].unitPrice, key: "\(k).unit_price")),
        ]
      }, reviewUnanswered: true)
  }

  // MARK: 6 The damage

  static var damage: [Step] {
    [
      .ask(Q.choice("damage.category", \.damageForm.category, required: true)),
      .ask(
        Q.text("damage.description", \.damageForm.description, required: true, kind: .text(multiline: true))),
      .ask(
        Q.date("damage.discovered_on", \.damageForm.discoveredOn).checking(notBeforePurchase)),
      // Each of the revision-2 facts is asked only where a rule reads it: custody for lost
      // property (cn.lost-property, cn.custody-loss), the disclosed defect for clearance goods
      // with a quality problem (cn.disclosed-defect), serious harm with an injury, a fake drug
      // for drugs, and knowledge for a serious injury or unsafe food or drugs (the punitive
      // bases).
      .when(
        { $0.damage?.category == .lostProperty },
        [.ask(Q.flag("damage.in_business_custody", \.damageForm.inBusinessCustody))]),
      .when(
        { $0.purchase?.soldAsClearance == true && $0.damage?.category == .quality },
        [.ask(Q.flag("damage.disclosed_defect", \.damageForm.disclosedDefect))]),
      .ask(Q.flag("damage.personal_injury", \.damageForm.personalInjury)),
      .when(
        { $0.damage?.personalInjury == true },
        [.ask(Q.flag("damage.serious_injury", \.damageForm.seriousInjury))]),
      // Counterfeit goods are a fraud already (rules.md): the question would only confuse.
      .when(
        { $0.damage?.category != .counterfeit },
        [.ask(Q.flag("damage.fraud_alleged", \.damageForm.fraudAlleged))]),
      .when(
        { c in c.purchase?.items.contains { $0.category == .food } == true },
        [.ask(Q.flag("damage.food_safety_violation", \.damageForm.foodSafetyViolation))]),
      .when(
        { c in c.purchase?.items.contains { $0.category == .drug } == true },
        [.ask(Q.flag("damage.drug_safety_violation", \.damageForm.drugSafetyViolation))]),
      .when(
        { c in
          c.damage?.seriousInjury == true || c.damage?.foodSafetyViolation == true
            || c.damage?.drugSafetyViolation == true
        },
        [.ask(Q.flag("damage.business_knew", \.damageForm.businessKnew))]),
      .ask(Q.flag("damage.needs_appraisal", \.damageForm.needsAppraisal)),
      .ask(Q.flag("damage.caused_by_misuse", \.damageForm.causedByMisuse)),
      .ask(Q.money("damage.losses", \.damageForm.losses)),
    ]
  }

  // MARK: 7 Negotiation

  static var negotiation: [Step] {
    [
      .group(attempts),
      .ask(Q.flag("negotiation.settlement.reached", \.settlementForm.reached)),
      .when(
        { $0.negotiation?.settlement?.reached == true },
        [
          .ask(Q.flag("negotiation.settlement.performed", \.settlementForm.performed)),
          .when(
            { $0.negotiation?.settlement?.performed == true },
            [.ask(Q.flag("proceedings.new_evidence", \.proceedingsForm.newEvidence))]),
        ]),
    ]
  }

  static var attempts: RepeatingGroup {
    RepeatingGroup(
      id: "negotiation.attempts", minimum: 0,
      count: { $0.negotiation?.attempts.count ?? 0 },
      describe: { c, i, text in
        let a = c.negotiationForm.attempts[i]
        var parts = [a.date?.iso ?? "—"]
        if let ch = a.channel { parts.append(text.choiceLabel("negotiation.attempts.channel", ch.rawValue)) }
        if let w = a.with { parts.append(w) }
        var line = parts.joined(separator: " · ")
        if let o = a.outcome { line += " → " + text.choiceLabel("negotiation.attempts.outcome", o.rawValue) }
        return line
      },
      incomplete: { c, i in
        let a = c.negotiationForm.attempts[i]
        return a.date == nil || a.channel == nil || a.summary == nil
      },
      add: { c in
        c.negotiationForm.attempts.append(NegotiationAttempt())
        return c.negotiationForm.attempts.count - 1
      },
      remove: { c, i in c.negotiationForm.attempts.remove(at: i) },
      entry: { i in
        let k = "negotiation.attempts[\(i)]"
        return [
          .ask(
            Q.date(
              "negotiation.attempts.date", \.negotiationForm.attempts[i].date, key: "\(k).date",
              required: true
            )
            .checking(notBeforePurchase)),
          .ask(
            Q.choice(
              "negotiation.attempts.channel", \.negotiationForm.attempts[i].channel, key: "\(k).channel",
              required: true)),
          .ask(Q.text("negotiation.attempts.with", \.negotiationForm.attempts[i].with, key: "\(k).with")),
          .ask(
            Q.text(
              "negotiation.attempts.summary", \.negotiationForm.attempts[i].summary, key: "\(k).summary",
              required: true, kind: .text(multiline: true))),
          .ask(
            Q.choice(
              "negotiation.attempts.outcome", \.negotiationForm.attempts[i].outcome, key: "\(k).outcome")),
        ]
      })
  }

  // MARK: 8 Evidence

  static var evidence: [Step] { [.group(evidenceItems)] }

  static var evidenceItems: RepeatingGroup {
    RepeatingGroup(
      id: "evidence", minimum: 0,
      count: { $0.evidence.count },
      describe: { c, i, text in
        let e = c.evidence[i]
        var line = "\(e.id ?? "?") \(e.title ?? "—")"
        if let k = e.kind { line += " · " + text.choiceLabel("evidence.kind", k.rawValue) }
        if let f = e.file {
          line += " · " + (f as NSString).lastPathComponent
        } else {
          line += " · " + text.message(.noFile)
        }
        return line
      },
      incomplete: { c, i in c.evidence[i].kind == nil || c.evidence[i].title == nil },
      add: { c in
        var e = Evidence()
        e.id = c.nextEvidenceID
        c.evidence.append(e)
        return c.evidence.count - 1
      },
      remove: { c, i in c.evidence.remove(at: i) },
      entry: { i in
        let k = "evidence[\(i)]"
        return [
          .action(
            Action(ids: ["evidence.file", "evidence.einvoice"]) { runner, backward in
              try runner.askEvidenceFile(index: i, backward: backward)
            }),
          .ask(
            Q.choice("evidence.kind", \.evidence[i].kind, key: "\(k).kind", required: true)
              .suggesting { c, _ in
                c.evidence[i].file.flatMap(EvidencePath.guessKind).map { .word($0.rawValue) }
              }),
          .ask(
            Q.text("evidence.title", \.evidence[i].title, key: "\(k).title", required: true)
              .suggesting { c, context in
                c.evidence[i].kind.map { .text(context.text.choiceLabel("evidence.kind", $0.rawValue)) }
              }),
          .ask(Q.date("evidence.date", \.evidence[i].date, key: "\(k).date")),
          .ask(
            Q.text("evidence.proves", \.evidence[i].proves, key: "\(k).proves", kind: .text(multiline: true))
              .suggesting { c, context in
                c.evidence[i].kind.flatMap {
                  context.text.question("evidence.proves").suggestions[$0.rawValue]
                }
                .map(AnswerValue.text)
              }),
        ]
      })
  }

  // MARK: 9 Claims

  static var claims: [Step] {
    [
      // What the law gives this case (the 7-day return, treble damages …) helps choose claims.
      .action(
        Action(ids: []) { runner, backward in
          if !backward && !runner.fastForward { runner.showLegalBases?() }
          return .skipped
        }),
      .group(claimItems),
    ]
  }

  static var claimItems: RepeatingGroup {
    RepeatingGroup(
      id: "claims", minimum: 1,
      count: { $0.claims.count },
      describe: { c, i, text in
        let claim = c.claims[i]
        var line = claim.type.map { text.choiceLabel("claims.type", $0.rawValue) } ?? "—"
        if let a = claim.amount { line += " ¥\(a.grouped)" }
        if let n = claim.note { line += " · \(n)" }
        return line
      },
      incomplete: { c, i in c.claims[i].type == nil },
      add: { c in
        c.claims.append(Claim())
        return c.claims.count - 1
      },
      remove: { c, i in c.claims.remove(at: i) },
      entry: { i in
        let k = "claims[\(i)]"
        return [
          .ask(Q.choice("claims.type", \.claims[i].type, key: "\(k).type", required: true)),
          .ask(
            Q.money("claims.amount", \.claims[i].amount, key: "\(k).amount")
              .suggesting { c, context in
                switch c.claims[i].type {
                case .refund?: return c.purchase?.amountPaid.map(AnswerValue.money)
                // The unused balance the rule pack computes (消法 Art. 53, 实施条例 Art. 22).
                case .prepaidRefund?:
                  return context.checker.claimAmounts(for: c).first { $0.basis == "prepaid-balance" }
                    .map { AnswerValue.money($0.amount) }
                // The statutory maximum the rule pack computes (fraud ×3, food ×10 …).
                case .punitiveDamages?: return context.checker.statutoryMaximum(for: c).map(AnswerValue.money)
                default: return nil
                }
              }),
          .ask(Q.text("claims.note", \.claims[i].note, key: "\(k).note", kind: .text(multiline: true))),
        ]
      })
  }

  // MARK: Filing (edit only)

  static var filing: [Step] {
    [
      .ask(Q.date("filing.filed_on", \.filingForm.filedOn)),
      .ask(
        Q.date("filing.accepted_on", \.filingForm.acceptedOn).checking { c, v in
          guard case .date(let d) = v, let filed = c.filing?.filedOn, d < filed else { return nil }
          return AnswerProblem(.dateBeforeFiling, ["date": d.iso, "filed": filed.iso])
        }),
      .ask(Q.text("filing.reference", \.filingForm.reference)),
    ]
  }
}
