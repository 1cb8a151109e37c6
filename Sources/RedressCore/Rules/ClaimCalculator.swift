/// Every amount the law gives a case (`redress claim`, `cli.md`): the refund, the unused
/// prepaid balance and the punitive amounts, each with its computation and its citations.
///
/// Nothing is computed here. The refund and the prepaid balance are the pack's formulas with
/// an `applies-if` (`amounts:` in `legal/<jurisdiction>/pack.yaml`), evaluated by the same
/// `AmountBook` the rules' messages use; the punitive amounts are `StatutoryAmounts`, the one
/// place the statutory maximum is computed. So `claim`, `check`, the letter and the
/// interview's suggested claims can never differ.
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
    /// What the consumer asks for, per language (`退还预付款余额`); empty when the pack gives
    /// none (the summary is shown instead).
    public let label: [String: String]
  }

  /// The amounts that apply to `c`: the refund or the prepaid balance, then the punitive bases
  /// in the order of the combined maximum's terms. An amount whose inputs are absent is left
  /// out.
  public func amounts(for c: CaseFile) -> [Entry] {
    let e = engine.evaluation(CaseFieldSchema.values(of: c), today: ClaimCalculator.anyDay)
    var out: [Entry] = []
    for id in engine.pack.amountIDs {
      guard let formula = engine.pack.amounts[id], let basis = formula.basis,
        let condition = formula.appliesIf, e.truth(condition) == .yes,
        let value = e.amounts.value(id, in: e), let computation = e.amounts.computation(id, in: e)
      else { continue }
      out.append(
        Entry(
          basis: basis, amountID: id, amount: value, computation: computation, citations: formula.citations,
          summary: formula.summary, label: formula.label))
    }
    // The punitive bases: a thin call to the one computation of them.
    for p in StatutoryAmounts.compute(for: c, engine: engine).applicable {
      guard let amount = p.amount, let computation = p.computation else { continue }
      out.append(
        Entry(
          basis: p.basis, amountID: p.amountID, amount: amount, computation: computation,
          citations: p.citations,
          summary: p.summary, label: engine.pack.amounts[p.amountID]?.label ?? [:]))
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
              (
                "label",
                .string(Localized.pick(e.label, language) ?? Localized.pick(e.summary, language) ?? e.basis)
              ),
            ])
          })
      ),
    ]).text()
  }
}
