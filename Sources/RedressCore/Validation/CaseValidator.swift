import Foundation
import Yams

/// Checks a case beyond its shape: required contents, identifiers (phone numbers, postcodes,
/// the resident ID, the credit code, e-mail), evidence ids and files, and the order of dates.
/// Returns every problem with a severity; it never stops at the first.
public struct CaseValidator: Sendable {
  /// The day "the future" starts after (`--today`).
  public var today: CalendarDate
  /// Jurisdictions that have a rule pack; nil skips that check.
  public var knownJurisdictions: [String]?
  /// Whether to look for evidence files on disk.
  public var checkFiles = true

  public init(today: CalendarDate, knownJurisdictions: [String]? = nil) {
    self.today = today
    self.knownJurisdictions = knownJurisdictions
  }

  /// The paths `cn.missing-contents` requires, in the order the contract lists them, that
  /// `c` lacks: the fields the field tables mark required, in document order (a mapping's
  /// own fields before its lists), then those required only inside a section that is
  /// present (the agent's). Shared with the rule engine so that validation and admissibility
  /// agree.
  public static func missingRequiredFields(_ c: CaseFile) -> [String] {
    var missing: [String] = []
    CaseFile.fields.missing(in: c, path: "", pass: .required, into: &missing)
    CaseFile.fields.missing(in: c, path: "", pass: .requiredInSection, into: &missing)
    return missing
  }

  /// The facts `cn.incomplete-facts` expects (a warning, not a requirement: `rules.md`
  /// revision 2), in the contract's order, that `c` lacks: the fields the tables mark
  /// expected, in the same order as the required ones.
  public static func missingExpectedFields(_ c: CaseFile) -> [String] {
    var missing: [String] = []
    CaseFile.fields.missing(in: c, path: "", pass: .expected, into: &missing)
    return missing
  }

  /// The errors `validate` finds in the facts of `loaded` themselves, for `check`: dates out
  /// of order or in the future, malformed identifiers, ids that name nothing. No evidence
  /// file is looked for, and a missing required field is left to `cn.missing-contents`.
  public func factProblems(_ loaded: LoadedCase) -> [Diagnostic] {
    var validator = self
    validator.checkFiles = false
    let missing = Set(Self.missingRequiredFields(loaded.caseFile))
    return validator.validate(loaded).filter { $0.severity == .error && !missing.contains($0.path) }
  }

  /// Reads the case file at `url` and returns every problem: those of shape (unknown keys,
  /// bad values) and those of content, sorted by line.
  public func validateFile(at url: URL, displayName: String) -> [Diagnostic] {
    let node: Node
    do {
      node = try YAMLDocumentLoader.load(contentsOf: url, displayName: displayName)
    } catch let e as DiagnosticsError {
      return e.diagnostics
    } catch {
      return [Diagnostic(.error, file: displayName, message: "\(error)")]
    }
    let (c, map, shape) = CaseFileReader.decodeLeniently(node, file: displayName)
    if shape.contains(where: { $0.message.contains("this redress reads version") }) { return shape }
    let loaded = LoadedCase(
      caseFile: c, sourceMap: map, baseDirectory: url.deletingLastPathComponent(), url: url)
    // A field that failed to decode is absent in the partial case: do not also call it missing.
    let failed = Set(shape.map(\.path))
    let content = validate(loaded).filter { !failed.contains($0.path) }
    return Self.sorted(shape + content)
  }

  static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.enumerated().sorted { a, b in
      let la = (a.element.line ?? Int.max, a.element.column ?? 0, a.offset)
      let lb = (b.element.line ?? Int.max, b.element.column ?? 0, b.offset)
      return la < lb
    }.map(\.element)
  }

  public func validate(_ loaded: LoadedCase) -> [Diagnostic] {
    let c = loaded.caseFile
    let map = loaded.sourceMap
    var out: [Diagnostic] = []
    func error(_ path: String, _ message: String) { out.append(map.diagnostic(.error, path, message)) }
    func warning(_ path: String, _ message: String) {
      out.append(map.diagnostic(.warning, path, message))
    }

    // Required contents, then the facts a complaint is expected to state.
    for path in Self.missingRequiredFields(c) {
      error(
        path,
        path == "claims"
          ? "at least one claim (what you ask for) is required" : "required, but missing or blank")
    }
    for path in Self.missingExpectedFields(c) {
      warning(
        path,
        path == "purchase.items"
          ? "no item with a name; the body will usually ask what was bought"
          : "missing; the body will usually ask for it, and periods and amounts are counted from it")
    }
    if let known = knownJurisdictions, !known.contains(c.effectiveJurisdiction) {
      error(
        "jurisdiction",
        "no rule pack for jurisdiction '\(c.effectiveJurisdiction)'; available: \(known.joined(separator: ", "))"
      )
    }

    // Identifiers.
    if let p = c.complainant?.phone, !p.isEmpty, let m = Identifiers.personalPhoneProblem(p) {
      error("complainant.phone", m)
    }
    if let p = c.agent?.phone, !p.isEmpty, let m = Identifiers.personalPhoneProblem(p) {
      error("agent.phone", m)
    }
    if let p = c.respondent?.phone, !p.isEmpty, let m = Identifiers.businessPhoneProblem(p) {
      error("respondent.phone", m)
    }
    if let p = c.complainant?.postcode, let m = Identifiers.postcodeProblem(p) {
      error("complainant.postcode", m)
    }
    if let p = c.respondent?.postcode, let m = Identifiers.postcodeProblem(p) {
      error("respondent.postcode", m)
    }
    if let p = c.complainant?.idNumber, let m = Identifiers.residentIDProblem(p, today: today) {
      error("complainant.id_number", m)
    }
    if let p = c.respondent?.creditCode, let m = Identifiers.creditCodeProblem(p) {
      error("respondent.credit_code", m)
    }
    if let p = c.complainant?.email, let m = Identifiers.emailProblem(p) {
      error("complainant.email", m)
    }
    if let id = c.id, !CaseID.isValid(id) { error("id", CaseID.rule) }

    // Items, amounts and claims.
    if let purchase = c.purchase {
      for (i, item) in purchase.items.enumerated()
      where item.name != nil && (item.name ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
        error("purchase.items[\(i)].name", "an item needs a name")
      }
      let priced = purchase.items.compactMap { item in
        item.unitPrice?.multiplied(by: Int64(item.effectiveQuantity))
      }
      if let paid = purchase.amountPaid, priced.count == purchase.items.count, !priced.isEmpty,
        let total = priced.dropFirst().reduce(Optional(priced[0]), { $0?.adding($1) }),
        total != paid
      {
        warning(
          "purchase.amount_paid",
          "the items add up to \(total.fixed2) but \(paid.fixed2) was paid; fine after a discount, otherwise check the prices"
        )
      }
    }
    for (i, claim) in c.claims.enumerated() {
      if claim.type == nil { error("claims[\(i)].type", "say what kind of claim this is") }
      if let amount = claim.amount, amount == .zero {
        warning("claims[\(i)].amount", "an amount of 0 asks for nothing; leave it out or give the sum")
      }
    }

    // Evidence.
    var seen: [String: Int] = [:]
    for (i, e) in c.evidence.enumerated() {
      let p = "evidence[\(i)]"
      guard let id = e.id, !id.isEmpty else {
        error("\(p).id", "every evidence item needs an id (E1, E2, …) so the letter can refer to it")
        continue
      }
      if let first = seen[id] {
        error("\(p).id", "id '\(id)' is already used by evidence[\(first)]; ids must be unique")
      } else {
        seen[id] = i
      }
      if e.kind == nil { warning("\(p).kind", "say what kind of evidence this is (invoice, photo, …)") }
      if (e.title ?? "").isEmpty {
        warning("\(p).title", "give the item a title; the evidence list shows it")
      }
      if let file = e.file, checkFiles {
        if let m = loaded.evidenceProblem(file) { error("\(p).file", m) }
      }
    }
    if let agent = c.agent {
      if let auth = agent.authorization, !auth.isEmpty {
        if let item = c.evidence(withID: auth) {
          if item.kind != .powerOfAttorney {
            warning(
              "agent.authorization",
              "evidence '\(auth)' is of kind \(item.kind?.rawValue ?? "unknown"), not power-of-attorney")
          }
        } else {
          error("agent.authorization", "names evidence '\(auth)', but no evidence item has that id")
        }
      } else {
        warning(
          "agent.authorization", "an agent needs the signed 授权委托书 as an evidence item, named here by its id")
      }
    }

    // Dates: in order, and none in the future.
    var dated: [(String, CalendarDate)] = []
    if let d = c.purchase?.date { dated.append(("purchase.date", d)) }
    if let d = c.purchase?.receivedOn { dated.append(("purchase.received_on", d)) }
    if let d = c.damage?.discoveredOn { dated.append(("damage.discovered_on", d)) }
    for (i, a) in (c.negotiation?.attempts ?? []).enumerated() {
      if let d = a.date { dated.append(("negotiation.attempts[\(i)].date", d)) }
    }
    for (i, e) in c.evidence.enumerated() {
      if let d = e.date { dated.append(("evidence[\(i)].date", d)) }
    }
    if let d = c.filing?.filedOn { dated.append(("filing.filed_on", d)) }
    if let d = c.filing?.acceptedOn { dated.append(("filing.accepted_on", d)) }
    for (i, e) in (c.filing?.events ?? []).enumerated() {
      if let d = e.date?.date { dated.append(("filing.events[\(i)].date", d)) }
    }
    for (path, date) in dated where date > today {
      error(path, "\(date.iso) is after today (\(today.iso))")
    }
    if let bought = c.purchase?.date {
      if let found = c.damage?.discoveredOn, found < bought {
        error(
          "damage.discovered_on",
          "the problem was found on \(found.iso), before the purchase on \(bought.iso)")
      }
      if let received = c.purchase?.receivedOn, received < bought {
        error("purchase.received_on", "received on \(received.iso), before the purchase on \(bought.iso)")
      }
      if let warranty = c.purchase?.warrantyUntil, warranty < bought {
        error(
          "purchase.warranty_until",
          "the warranty ends on \(warranty.iso), before the purchase on \(bought.iso)")
      }
      for (i, a) in (c.negotiation?.attempts ?? []).enumerated() {
        if let d = a.date, d < bought {
          warning("negotiation.attempts[\(i)].date", "\(d.iso) is before the purchase on \(bought.iso)")
        }
      }
      if let filed = c.filing?.filedOn, filed < bought {
        error("filing.filed_on", "filed on \(filed.iso), before the purchase on \(bought.iso)")
      }
    }
    if let filed = c.filing?.filedOn {
      if let accepted = c.filing?.acceptedOn, accepted < filed {
        error("filing.accepted_on", "accepted on \(accepted.iso), before it was filed on \(filed.iso)")
      }
      for (i, e) in (c.filing?.events ?? []).enumerated() {
        if let d = e.date?.date, d < filed {
          warning("filing.events[\(i)].date", "\(d.iso) is before the filing on \(filed.iso)")
        }
      }
    } else if let f = c.filing, f.acceptedOn != nil || !f.events.isEmpty {
      error("filing.filed_on", "the filing has an acceptance or events but no day it was filed")
    }
    if let problem = CaseTracker.appraisalProblem(in: c.filing?.events ?? []) {
      error("filing.events[\(problem.index)].kind", problem.message)
    }
    for (i, e) in (c.filing?.events ?? []).enumerated()
    where (e.kind == .appraisalStart || e.kind == .appraisalEnd) && e.date == nil {
      warning(
        "filing.events[\(i)].date",
        "an appraisal event without a date: the days of the appraisal cannot be added to the mediation time limit"
      )
    }
    return out
  }

  /// Why an evidence path cannot be used, or nil. Paths are relative to the case file's
  /// folder and may not leave it; the file must exist and be a regular file.
  public static func evidencePathProblem(_ file: String, base: URL) -> String? {
    if file.hasPrefix("/") || file.hasPrefix("~") {
      return "\"\(file)\" is an absolute path; give the path relative to the case file's folder"
    }
    let components = file.split(separator: "/")
    if components.contains("..") {
      return "\"\(file)\" leaves the case file's folder; put the evidence beside or below the case file"
    }
    let url = base.appendingPathComponent(file)
    var st = stat()
    guard lstat(url.path, &st) == 0 else {
      return "no file \"\(file)\" next to the case file (looked for \(url.path))"
    }
    switch st.st_mode & S_IFMT {
    case S_IFREG: return nil
    case S_IFLNK: return "\"\(file)\" is a symbolic link; put the file itself there"
    case S_IFDIR: return "\"\(file)\" is a folder; name a file"
    default: return "\"\(file)\" is not a regular file (a device, a pipe or a socket)"
    }
  }
}
