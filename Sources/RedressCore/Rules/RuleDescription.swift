import Foundation
import Yams

/// Rules in words: a condition as indented lines a lawyer can check against the statute, and
/// the whole pack as the Markdown of `docs/rules.md`.
public enum RuleDescription {
  /// The rule's `when` (and `unless`) as indented lines in `language` (`zh-Hans` or `en`).
  public static func condition(of rule: Rule, language: String) -> [String] {
    let w = Wording(language)
    var lines = [w.when] + describe(rule.when, w, indent: 1)
    if let unless = rule.unless {
      lines += [w.unless] + describe(unless, w, indent: 1)
    }
    return lines
  }

  /// A computed amount's formula in words.
  public static func amount(_ id: String, in pack: RulePack, language: String) -> [String] {
    guard let formula = pack.amounts[id] else { return [] }
    let w = Wording(language)
    var lines = [formula.mode == .first ? w.firstOf : w.largerOf]
    for term in formula.terms {
      var text: String
      switch term.value {
      case .fixed(let m): text = Localized.money(m, language)
      case .amount(let other): text = w.amount(other)
      case .field(let ref): text = ref.path
      case .multiple(let ref, let n): text = "\(n) × \(ref.path)"
      case .unusedShare(let amount, let total, let used):
        text = "\(amount.path) × (\(total.path) − \(used.path)) ÷ \(total.path)" + w.roundedHalfUp
      }
      switch term.ifAbsent {
      case .leaveOut: text += w.leftOutIfAbsent
      case .zero: text += w.zeroIfAbsent
      case .absent: break
      }
      lines.append("  - " + text)
      if let c = term.onlyIf {
        lines.append("    " + w.onlyIf)
        lines += describe(c, w, indent: 3)
      }
    }
    if let basis = formula.basis, let c = formula.appliesIf {
      lines.append(w.claimBasis(basis))
      lines += describe(c, w, indent: 1)
    }
    return lines
  }

  private static func describe(_ c: Condition, _ w: Wording, indent: Int) -> [String] {
    let pad = String(repeating: "  ", count: indent)
    switch c {
    case .all(let parts):
      return [pad + "- " + w.allOf] + parts.flatMap { describe($0, w, indent: indent + 1) }
    case .any(let parts):
      return [pad + "- " + w.anyOf] + parts.flatMap { describe($0, w, indent: indent + 1) }
    case .not(let inner):
      return [pad + "- " + w.not] + describe(inner, w, indent: indent + 1)
    case .some(let list, let inner), .none(let list, let inner):
      let isSome: Bool
      if case .some = c { isSome = true } else { isSome = false }
      guard let inner else { return [pad + "- " + (isSome ? w.notEmpty(list.path) : w.isEmpty(list.path))] }
      return [pad + "- " + (isSome ? w.someOf(list.path) : w.noneOf(list.path))]
        + describe(inner, w, indent: indent + 1)
    case .missing(let requirements):
      var lines = [pad + "- " + w.missingHeader]
      for r in requirements {
        var text = r.field.path
        if r.list != nil { text = w.atLeastOne(r.reportedPath, r.elementKeys.joined(separator: ".")) }
        if let g = r.ifPresent { text += w.onlyWhenPresent(g.path) }
        lines.append(pad + "  - " + text)
      }
      return lines
    default:
      return [pad + "- " + leaf(c, w)]
    }
  }

  private static func leaf(_ c: Condition, _ w: Wording) -> String {
    func name(_ ref: FieldRef) -> String {
      ref.isToday
        ? w.today
        : ref.isReferenceDay ? w.referenceDay : (ref.inElement ? ref.keys.joined(separator: ".") : ref.path)
    }
    switch c {
    case .isTrue(let ref): return w.isTrue(name(ref))
    case .isAbsent(let ref): return w.isAbsent(name(ref))
    case .isPresent(let ref): return w.isPresent(name(ref))
    case .isEmpty(let ref): return w.isEmpty(name(ref))
    case .equals(let ref, let operand):
      switch operand {
      case .word(let s), .text(let s): return w.equals(name(ref), s)
      case .flag(let b): return w.equals(name(ref), b ? "true" : "false")
      case .number(let n): return w.equals(name(ref), String(n))
      case .field(let other): return w.equalsField(name(ref), other.path)
      }
    case .oneOf(let ref, let words): return w.oneOf(name(ref), words)
    case .date(let a, let op, let b): return w.compare(term(a, w), w.dateOp(op), term(b, w))
    case .money(let a, let op, let b): return w.compare(money(a, w), w.moneyOp(op), money(b, w))
    default: return ""
    }
  }

  private static func term(_ t: DateTerm, _ w: Wording) -> String {
    var s: String
    switch t.base {
    case .today: s = w.today
    case .literal(let d): s = d.iso
    case .firstOf(let refs):
      let names = refs.map {
        $0.isToday
          ? w.today
          : $0.isReferenceDay ? w.referenceDay : ($0.inElement ? $0.keys.joined(separator: ".") : $0.path)
      }
      s = names[0]
      if names.count > 1 {
        s += w.orElse(names.dropFirst().joined(separator: w.elseSeparator))
      }
    }
    if let o = t.offset { s += w.plus(o) }
    if t.rolled { s += w.rolled }
    return s
  }

  private static func money(_ t: MoneyTerm, _ w: Wording) -> String {
    switch t {
    case .literal(let m): return Localized.money(m, w.language)
    case .field(let ref): return ref.inElement ? ref.keys.joined(separator: ".") : ref.path
    case .amount(let id): return w.amount(id)
    }
  }

  /// The words of the description in `language`: `templates/words/<language>/rules.yaml`.
  private struct Wording {
    let language: String
    init(_ language: String) { self.language = language }

    var when: String { Words.phrase("rules.condition.when", language: language) }
    var unless: String { Words.phrase("rules.condition.unless", language: language) }
    var allOf: String { Words.phrase("rules.condition.all-of", language: language) }
    var anyOf: String { Words.phrase("rules.condition.any-of", language: language) }
    var not: String { Words.phrase("rules.condition.not", language: language) }
    var today: String { Words.phrase("rules.condition.today", language: language) }
    var largerOf: String { Words.phrase("rules.condition.largest-of", language: language) }
    var firstOf: String { Words.phrase("rules.condition.first-of", language: language) }
    var roundedHalfUp: String { Words.phrase("rules.condition.rounded-half-up", language: language) }
    func claimBasis(_ basis: String) -> String {
      Words.phrase("rules.condition.claim-basis", language: language, ["basis": basis])
    }
    var onlyIf: String { Words.phrase("rules.condition.only-if", language: language) }
    var leftOutIfAbsent: String { Words.phrase("rules.condition.left-out-if-absent", language: language) }
    var zeroIfAbsent: String { Words.phrase("rules.condition.zero-if-absent", language: language) }
    var referenceDay: String { Words.phrase("rules.condition.reference-day", language: language) }
    var rolled: String { Words.phrase("rules.condition.rolled", language: language) }
    var missingHeader: String { Words.phrase("rules.condition.missing-header", language: language) }
    var elseSeparator: String { Words.phrase("rules.condition.else-separator", language: language) }
    func orElse(_ rest: String) -> String {
      Words.phrase("rules.condition.else", language: language, ["rest": rest])
    }
    func someOf(_ list: String) -> String {
      Words.phrase("rules.condition.some-of", language: language, ["list": list])
    }
    func noneOf(_ list: String) -> String {
      Words.phrase("rules.condition.none-of", language: language, ["list": list])
    }
    func notEmpty(_ list: String) -> String {
      Words.phrase("rules.condition.not-empty", language: language, ["list": list])
    }
    func isEmpty(_ f: String) -> String {
      Words.phrase("rules.condition.is-empty", language: language, ["field": f])
    }
    func isTrue(_ f: String) -> String {
      Words.phrase("rules.condition.is-true", language: language, ["field": f])
    }
    func isAbsent(_ f: String) -> String {
      Words.phrase("rules.condition.is-absent", language: language, ["field": f])
    }
    func isPresent(_ f: String) -> String {
      Words.phrase("rules.condition.is-present", language: language, ["field": f])
    }
    func equals(_ f: String, _ v: String) -> String {
      Words.phrase("rules.condition.equals", language: language, ["field": f, "value": v])
    }
    func equalsField(_ f: String, _ g: String) -> String {
      Words.phrase("rules.condition.equals-field", language: language, ["field": f, "other": g])
    }
    func oneOf(_ f: String, _ words: [String]) -> String {
      let separator = Words.phrase("rules.condition.value-separator", language: language)
      return Words.phrase(
        "rules.condition.one-of", language: language,
        ["field": f, "values": words.joined(separator: separator)])
    }
    func atLeastOne(_ list: String, _ key: String) -> String {
      Words.phrase("rules.condition.at-least-one", language: language, ["list": list, "key": key])
    }
    func onlyWhenPresent(_ section: String) -> String {
      Words.phrase("rules.condition.only-when-present", language: language, ["section": section])
    }
    func amount(_ id: String) -> String {
      Words.phrase("rules.condition.amount", language: language, ["id": id])
    }
    func compare(_ a: String, _ op: String, _ b: String) -> String { "\(a) \(op) \(b)" }
    func plus(_ o: DateOffset) -> String {
      switch o.unit {
      case .days: return Words.phrase("rules.condition.plus-days", language: language, count: o.count)
      case .months: return Words.phrase("rules.condition.plus-months", language: language, count: o.count)
      case .years: return Words.phrase("rules.condition.plus-years", language: language, count: o.count)
      }
    }
    func dateOp(_ op: DateComparison) -> String {
      switch op {
      case .before: return Words.phrase("rules.condition.before", language: language)
      case .after: return Words.phrase("rules.condition.after", language: language)
      case .onOrBefore: return Words.phrase("rules.condition.on-or-before", language: language)
      case .onOrAfter: return Words.phrase("rules.condition.on-or-after", language: language)
      }
    }
    func moneyOp(_ op: MoneyComparison) -> String {
      switch op {
      case .moreThan: return Words.phrase("rules.condition.more-than", language: language)
      case .lessThan: return Words.phrase("rules.condition.less-than", language: language)
      case .atLeast: return Words.phrase("rules.condition.at-least", language: language)
      case .atMost: return Words.phrase("rules.condition.at-most", language: language)
      }
    }
  }
}
