/// Every amount the law gives a case (`redress claim`, `cli.md`): the refund, the unused
/// prepaid balance and the punitive amounts, each with its computation and its citations.
///
/// The amounts are the pack's own formulas (`amounts:` in `legal/<jurisdiction>/pack.yaml`, the
/// ones with a `claim:` entry), evaluated by the same `AmountBook` the rules' messages use, so
/// the calculator, `redress check` and the interview's suggested claims can never differ.
public struct ClaimCalculator: Sendable {
  public let engine: RuleEngine

  public init(engine: RuleEngine) { self.engine = engine }

  /// One amount the law gives the case.
  public struct Entry: Hashable, Sendable {
    /// `refund`, `prepaid-balance`, `fraud-treble`, `food-tenfold`, `drug-tenfold`,
    /// `injury-double` (`cli.md`).
    public let basis: String
    /// The pack's amount id (`prepaid-balance`, `fraud-maximum`).
    public let amountID: String
    public let amount: Money
    /// `12800.00 × (96 − 38) ÷ 96`.
    public let computation: String
    public let citations: [Citation]
    /// The formula in words, per language.
    public let summary: [String: String]
    /// What the consumer asks for, per language (`退还预付款余额`).
    public let label: [String: String]
  }

  /// The amounts that apply to `c`, in pack order; an amount whose inputs are absent is left out.
  public func amounts(for c: CaseFile) -> [Entry] {
    let e = engine.evaluation(of: c, today: ClaimCalculator.anyDay)
    var out: [Entry] = []
    for id in engine.pack.amountIDs {
      guard let formula = engine.pack.amounts[id], let claim = formula.claim else { continue }
      if let condition = claim.onlyIf, e.truth(condition) != .yes { continue }
      guard let computed = e.amounts.computed(id, in: e) else { continue }
      out.append(
        Entry(
          basis: claim.basis, amountID: id, amount: computed.value, computation: computed.computation,
          citations: formula.citations, summary: formula.summary, label: claim.label))
    }
    return out
  }

  /// The amount under `basis` for `c`, nil when it does not apply (the interview's default for
  /// a claim of the matching type).
  public func amount(_ basis: String, for c: CaseFile) -> Money? {
    amounts(for: c).first { $0.basis == basis }?.amount
  }

  /// The amounts do not depend on the day; conditions that read `today` see this one.
  static let anyDay = CalendarDate(year: 2000, month: 1, day: 1)!
}

/// The result of `redress claim`, with the JSON shape `cli.md` fixes.
public struct ClaimReport: Sendable {
  public var caseName: String
  public var entries: [ClaimCalculator.Entry]

  public init(caseName: String, entries: [ClaimCalculator.Entry]) {
    self.caseName = caseName
    self.entries = entries
  }

  /// `{"case": …, "amounts": [{"basis", "amount", "computation", "citations"}]}`; citations
  /// and the extra `label` in `language`.
  public func json(language: String) -> String {
    OrderedJSON.object([
      ("case", .string(caseName)),
      (
        "amounts",
        .array(
          entries.map { e in
            .object([
              ("basis", .string(e.basis)),
              ("amount", .string(e.amount.fixed2)),
              ("computation", .string(e.computation)),
              (
                "citations",
                .array(
                  e.citations.map { c in
                    .object([
                      ("source", .string(c.source(in: language))),
                      ("article", .string(c.article(in: language))),
                      ("confidence", .string(c.confidence.rawValue)),
                    ])
                  })
              ),
              ("label", .string(Localized.pick(e.label, language) ?? e.basis)),
            ])
          })
      ),
    ]).text()
  }
}
