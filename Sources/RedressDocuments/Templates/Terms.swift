import Foundation
import RedressCore
import Yams

/// The words of one document language, read from `templates/<language>/terms.yaml`: how dates
/// and amounts are written, what each enumerated value of the case file is called, the
/// default powers of a power of attorney, the letter's sentence for each legal basis and the
/// response windows the follow-up letter cites. Data, so a translator or a lawyer can correct
/// it without touching Swift.
public struct Terms: Sendable {
  public static let schema = 1
  public var language: String
  public var format: [String: String]
  /// Month names for a `{month_name}` date pattern, January first.
  public var monthNames: [String]
  public var fileNames: [String: String]
  /// Table name (`purchase_channel`) → case-file word (`online`) → label (`网络购物`).
  public var tables: [String: [String: String]]
  public var powerOfAttorney: PowerOfAttorneyTerms
  /// Rule id → the sentence the letter states when that rule's finding applies.
  public var grounds: [String: String]
  /// Clock name → how the follow-up letter names it and what it rests on.
  public var windows: [String: WindowTerms]

  public struct PowerOfAttorneyTerms: Sendable, Hashable {
    public var powers: [String]
    public var limits: String
    public var term: String
    public var authoritySummary: String
  }

  public struct WindowTerms: Sendable, Hashable {
    /// `十五日`, `7 working days`.
    public var length: String
    /// What must happen within it: `处理完毕`, `调解完毕`.
    public var duty: String
    /// The citation, or for practice a description that says it is practice.
    public var basis: String
    /// True when the window is practice, not law: the letter must not call it a legal duty.
    public var practice: Bool
    /// What the letter asks the body for, `{reply_by}` standing for the day a written answer
    /// is asked by: the acceptance decision, written notice that mediation ended.
    public var request: String
  }

  /// The enumeration tables every terms file must give in full, with the words of each.
  public static let requiredTables: [(name: String, words: [String])] = [
    ("venue", Venue.allowedWords),
    ("venue_honorific", Venue.allowedWords),
    ("gender", Gender.allowedWords),
    ("agent_relationship", AgentRelationship.allowedWords),
    ("purchase_subject", PurchaseSubject.allowedWords),
    ("purchase_channel", PurchaseChannel.allowedWords),
    ("item_category", ItemCategory.allowedWords),
    ("damage_category", DamageCategory.allowedWords),
    ("negotiation_channel", NegotiationChannel.allowedWords),
    ("negotiation_outcome", NegotiationOutcome.allowedWords),
    ("claim_type", ClaimType.allowedWords),
    ("claim_type_service", ClaimType.allowedWords),
    ("evidence_kind", EvidenceKind.allowedWords),
    ("filing_event_kind", FilingEventKind.allowedWords),
  ]

  static let formatKeys = [
    "date", "month_names", "money_cny", "money_other", "list_separator", "sentence_end",
    "item_separator", "last_item_end", "blank", "evidence_ref", "evidence_range",
    "redacted_address", "unnamed_evidence", "citation", "item_summary_more",
    "provisional_note", "matter",
  ]
  static let requiredFormatKeys = formatKeys.filter { $0 != "month_names" }
  static let fileNameKeys = [
    "letter", "evidence_list", "power_of_attorney", "follow_up", "bundle", "evidence",
  ]
  static let windowNames = [
    "cn.cca.response-window", "cn.cca.zj.accept-decision", "cn.cca.zj.mediation-start", "cn.cca.sh.mediation",
    "cn.samr.accept-decision", "cn.samr.mediation",
  ]

  /// Reads and checks a terms file; every problem is reported at once with its line.
  public static func load(contentsOf url: URL, displayName: String) throws -> Terms {
    let node = try YAMLDocumentLoader.load(contentsOf: url, displayName: displayName)
    let r = YAMLNodeReader(file: displayName)
    let topKeys =
      ["schema", "language", "format", "file_names", "power_of_attorney", "grounds", "windows"]
      + requiredTables.map(\.name)
    guard let top = r.mapping(node, path: "", allowed: topKeys) else {
      throw DiagnosticsError(r.diagnostics)
    }
    r.schema(top, of: node, reads: SchemaVersion(current: schema))
    var terms = Terms(
      language: r.string(top["language"], path: "language") ?? "", format: [:], monthNames: [],
      fileNames: [:], tables: [:],
      powerOfAttorney: PowerOfAttorneyTerms(powers: [], limits: "", term: "", authoritySummary: ""),
      grounds: [:], windows: [:])

    func requiredStrings(_ key: String, allowed: [String], required: [String]) -> [String: String] {
      guard let n = top[key] else {
        r.error("missing key '\(key)'", at: node, path: key)
        return [:]
      }
      guard let m = r.mapping(n, path: key, allowed: allowed) else { return [:] }
      var out: [String: String] = [:]
      for k in allowed where k != "month_names" {
        if let v = m[k], let s = r.string(v, path: "\(key).\(k)") {
          out[k] = s
        } else if required.contains(k) {
          r.error("missing key '\(k)'", at: n, path: "\(key).\(k)")
        }
      }
      if key == "format", let months = m["month_names"],
        let list = r.sequence(months, path: "format.month_names")
      {
        terms.monthNames = list.enumerated().compactMap {
          r.string($0.element, path: "format.month_names[\($0.offset)]")
        }
        if !terms.monthNames.isEmpty && terms.monthNames.count != 12 {
          r.error(
            "expected 12 month names, got \(terms.monthNames.count)", at: months, path: "format.month_names")
        }
      }
      return out
    }
    terms.format = requiredStrings("format", allowed: formatKeys, required: requiredFormatKeys)
    if (terms.format["date"] ?? "").contains("{month_name}") && terms.monthNames.isEmpty {
      r.error(
        "the date pattern uses {month_name} but month_names is empty", at: top["format"],
        path: "format.month_names")
    }
    terms.fileNames = requiredStrings("file_names", allowed: fileNameKeys, required: fileNameKeys)

    for (name, words) in requiredTables {
      terms.tables[name] = requiredStrings(name, allowed: words, required: words)
    }

    if let n = top["power_of_attorney"],
      let m = r.mapping(
        n, path: "power_of_attorney", allowed: ["powers", "limits", "term", "authority_summary"])
    {
      var p = PowerOfAttorneyTerms(powers: [], limits: "", term: "", authoritySummary: "")
      if let list = m["powers"].flatMap({ r.sequence($0, path: "power_of_attorney.powers") }) {
        p.powers = list.enumerated().compactMap {
          r.string($0.element, path: "power_of_attorney.powers[\($0.offset)]")
        }
      }
      if p.powers.isEmpty {
        r.error("at least one power is required", at: n, path: "power_of_attorney.powers")
      }
      for (key, path) in [
        ("limits", \PowerOfAttorneyTerms.limits), ("term", \.term), ("authority_summary", \.authoritySummary),
      ] {
        if let s = m[key].flatMap({ r.string($0, path: "power_of_attorney.\(key)") }) {
          p[keyPath: path] = s
        } else {
          r.error("missing key '\(key)'", at: n, path: "power_of_attorney.\(key)")
        }
      }
      terms.powerOfAttorney = p
    } else if top["power_of_attorney"] == nil {
      r.error("missing key 'power_of_attorney'", at: node, path: "power_of_attorney")
    }

    if let n = top["grounds"], case .mapping(let map) = n {
      for (k, v) in map {
        guard let key = k.scalar?.string else { continue }
        if let s = r.string(v, path: "grounds.\(key)") { terms.grounds[key] = s }
      }
    } else if let n = top["grounds"], !YAMLNodeReader.isNull(n) {
      r.error("expected a mapping from rule id to sentence", at: n, path: "grounds")
    }

    if let n = top["windows"], let m = r.mapping(n, path: "windows", allowed: windowNames) {
      for name in windowNames {
        guard let w = m[name] else {
          r.error("missing window '\(name)'", at: n, path: "windows.\(name)")
          continue
        }
        let p = "windows.\(name)"
        guard let f = r.mapping(w, path: p, allowed: ["length", "duty", "basis", "practice", "request"])
        else {
          continue
        }
        let length = r.string(f["length"], path: "\(p).length")
        let duty = r.string(f["duty"], path: "\(p).duty")
        let basis = r.string(f["basis"], path: "\(p).basis")
        let practice = r.bool(f["practice"], path: "\(p).practice")
        let request = r.string(f["request"], path: "\(p).request")
        if let length, let duty, let basis, let practice, let request {
          terms.windows[name] = WindowTerms(
            length: length, duty: duty, basis: basis, practice: practice, request: request)
        } else {
          r.error("a window needs length, duty, basis, practice and request", at: w, path: p)
        }
      }
    } else if top["windows"] == nil {
      r.error("missing key 'windows'", at: node, path: "windows")
    }

    if r.hasErrors { throw DiagnosticsError(r.diagnostics) }
    return terms
  }

  // MARK: Formatting

  /// A date the way documents of this language write it: 2026年11月22日, 22 November 2026.
  public func date(_ d: CalendarDate) -> String {
    var s = format["date"] ?? "{year}-{month}-{day}"
    s = s.replacingOccurrences(of: "{year}", with: String(d.year))
    if monthNames.count == 12 {
      s = s.replacingOccurrences(of: "{month_name}", with: monthNames[d.month - 1])
    }
    s = s.replacingOccurrences(of: "{month}", with: String(d.month))
    return s.replacingOccurrences(of: "{day}", with: String(d.day))
  }

  /// An amount with its currency: ¥3,199.00 (grouped, always two decimals).
  public func money(_ m: Money, currency: String? = nil) -> String {
    let code = (currency ?? "CNY").uppercased()
    if code == "CNY" || code == "RMB" {
      return (format["money_cny"] ?? "¥{amount}").replacingOccurrences(of: "{amount}", with: m.grouped)
    }
    return (format["money_other"] ?? "{currency} {amount}")
      .replacingOccurrences(of: "{currency}", with: code)
      .replacingOccurrences(of: "{amount}", with: m.grouped)
  }

  /// The label of an enumerated value, or its raw word when the table lacks it.
  public func label<E: CaseEnum>(_ value: E, in table: String) -> String {
    tables[table]?[value.rawValue] ?? value.rawValue
  }

  public func text(_ key: String) -> String { format[key] ?? "" }

  /// `证据3`.
  public func evidenceReference(_ number: Int) -> String {
    text("evidence_ref").replacingOccurrences(of: "{n}", with: String(number))
  }

  /// `证据1、证据3` for a set of numbers; a run of three or more reads `证据1至证据3`.
  public func evidenceReferences(_ numbers: [Int]) -> String {
    let sorted = Array(Set(numbers)).sorted()
    var parts: [String] = []
    var i = 0
    while i < sorted.count {
      var j = i
      while j + 1 < sorted.count && sorted[j + 1] == sorted[j] + 1 { j += 1 }
      if j - i >= 2 {
        parts.append(
          text("evidence_range")
            .replacingOccurrences(of: "{first}", with: evidenceReference(sorted[i]))
            .replacingOccurrences(of: "{last}", with: evidenceReference(sorted[j])))
      } else {
        for k in i...j { parts.append(evidenceReference(sorted[k])) }
      }
      i = j + 1
    }
    return parts.joined(separator: text("list_separator"))
  }

  /// Joins phrases with the language's list separator.
  public func list(_ parts: [String]) -> String {
    parts.joined(separator: text("list_separator"))
  }

  /// Ends a sentence the user wrote with the language's full stop unless it already ends
  /// with a sentence mark.
  public func sentence(_ s: String) -> String {
    let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
    guard let last = trimmed.last else { return trimmed }
    if "。！？.!?…".contains(last) { return trimmed }
    return trimmed + text("sentence_end")
  }
}

extension Node {
  fileprivate var scalar: Node.Scalar? {
    if case .scalar(let s) = self { return s }
    return nil
  }
}
