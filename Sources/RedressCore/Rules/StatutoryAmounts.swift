/// The statutory amounts of a case, computed in one place: the formulas under `amounts:` in
/// the rule pack (`legal/cn/pack.yaml`, each with its citations), evaluated by the rule engine.
/// The rules' messages state these amounts (they name the same formulas),
/// `cn.claim-exceeds-statutory` compares a claim with `maximum`, and `redress claim` lists
/// `applicable`. Nothing here knows a multiplier: a change of the law is a change of the pack.
///
/// `rules.md`: the statutory maximum of a punitive claim is the largest of those that apply:
/// fraud (or `counterfeit`) max(3 × paid, 500); food and drugs max(10 × paid, 3 × losses, 1000);
/// a known defect causing serious injury 2 × losses; an absent `losses` counts as 0.
public struct StatutoryAmounts: Hashable, Sendable {
  /// The id of the pack amount that combines the punitive bases.
  public static let maximumID = "punitive-maximum"

  /// One basis that applies to the case.
  public struct Entry: Hashable, Sendable {
    /// The basis as `cli.md` names it (`fraud-treble`, `food-tenfold`, `drug-tenfold`,
    /// `injury-double`): the pack amount's `basis`, else its id.
    public var basis: String
    /// The pack amount's id (`fraud-maximum`).
    public var amountID: String
    /// Nil when an input it needs is absent (the amount paid).
    public var amount: Money?
    /// The formula with this case's values (`max(3 × 199.00, 500.00)`), nil with `amount`.
    public var computation: String?
    public var summary: [String: String]
    public var citations: [Citation]
  }

  /// The bases the case alleges, in the order of the combined amount's terms.
  public var applicable: [Entry]
  /// The largest amount of those that apply; nil when none applies or none can be computed.
  public var maximum: Money?

  /// The amount of one basis (`fraud-treble`), nil when it does not apply or is absent.
  public func amount(_ basis: String) -> Money? {
    applicable.first { $0.basis == basis }?.amount
  }

  /// The amounts for this case, on the pack the engine holds.
  public static func compute(for c: CaseFile, engine: RuleEngine) -> StatutoryAmounts {
    let e = engine.evaluation(
      CaseFieldSchema.values(of: c), today: CalendarDate(year: 2000, month: 1, day: 1)!)
    var entries: [Entry] = []
    if let combined = engine.pack.amounts[maximumID] {
      for term in combined.terms {
        guard case .amount(let id) = term.value, let formula = engine.pack.amounts[id] else { continue }
        if let condition = term.onlyIf, e.truth(condition) != .yes { continue }
        entries.append(
          Entry(
            basis: formula.basis ?? id, amountID: id, amount: e.amounts.value(id, in: e),
            computation: e.amounts.computation(id, in: e), summary: formula.summary,
            citations: formula.citations))
      }
    }
    return StatutoryAmounts(applicable: entries, maximum: e.amounts.value(maximumID, in: e))
  }
}

/// The statutory maximum of a punitive claim: `StatutoryAmounts.maximum`, with an entry point
/// that takes the bare facts.
public enum StatutoryMaximum {
  /// The id of the combined amount in the pack.
  public static let amountID = StatutoryAmounts.maximumID

  /// The maximum for this case, nil when no basis is alleged or an input is absent.
  public static func compute(for c: CaseFile, engine: RuleEngine) -> Money? {
    StatutoryAmounts.compute(for: c, engine: engine).maximum
  }

  /// The maximum from the bare facts, through the same pack formulas.
  public static func compute(
    amountPaid: Money?, losses: Money? = nil, fraudAlleged: Bool, foodSafetyViolation: Bool,
    drugSafetyViolation: Bool = false, seriousInjury: Bool = false, businessKnew: Bool = false,
    counterfeit: Bool = false, engine: RuleEngine
  ) -> Money? {
    var c = CaseFile()
    var purchase = Purchase()
    purchase.amountPaid = amountPaid
    c.purchase = purchase
    var damage = Damage()
    damage.losses = losses
    damage.fraudAlleged = fraudAlleged
    damage.foodSafetyViolation = foodSafetyViolation
    damage.drugSafetyViolation = drugSafetyViolation
    damage.seriousInjury = seriousInjury
    damage.businessKnew = businessKnew
    if counterfeit { damage.category = .counterfeit }
    c.damage = damage
    return compute(for: c, engine: engine)
  }
}
