import Foundation
import RedressCore

/// The admissibility seam over the rule engine: the pack of the case's jurisdiction (`cn`),
/// loaded once and evaluated after every answer that could change the verdict.
package final class RuleEngineChecker: AdmissibilityChecker {
  let legal: URL
  private var engines: [String: RuleEngine] = [:]

  package init(legal: URL) { self.legal = legal }

  func engine(for c: CaseFile) throws -> RuleEngine {
    let jurisdiction = c.effectiveJurisdiction
    if let engine = engines[jurisdiction] { return engine }
    let engine = try RuleEngine.load(packAt: legal, jurisdiction: jurisdiction)
    engines[jurisdiction] = engine
    return engine
  }

  package func findings(for caseFile: CaseFile, today: CalendarDate) throws -> [Finding] {
    try engine(for: caseFile).evaluate(caseFile, today: today)
  }

  package func claimAmounts(for caseFile: CaseFile) -> [ClaimCalculator.Entry] {
    guard let engine = try? engine(for: caseFile) else { return [] }
    return ClaimCalculator(engine: engine).amounts(for: caseFile)
  }

  package func statutoryMaximum(for caseFile: CaseFile) -> Money? {
    guard let engine = try? engine(for: caseFile) else { return nil }
    return StatutoryMaximum.compute(for: caseFile, engine: engine)
  }
}
