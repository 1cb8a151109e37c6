import Foundation
import Yams

/// Rules in words: a condition as indented lines a lawyer can check against the statute, and
/// the whole pack as the Markdown of `docs/rules.md`.
public enum RuleDescription {
  /// The rule's `when` (and `unless`) as indented lines in `language` (`zh-Hans` or `en`).
  public static func condition(of rule: Rule, language: String) -> [String] {
    let w = Words(language)
    var lines = [w.when] + describe(rule.when, w, indent: 1)
    if let unless = rule.unless {
      lines += [w.unless] + describe(unless, w, indent: 1)
    }
    return lines
  }

  /// A computed amount's formula in words.
  public static func amount(_ id: String, in pack: RulePack, language: String) -> [String] {
    guard let formula = pack.amounts[id] else { return [] }
    let w = Words(language)
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

  private static func describe(_ c: Condition, _ w: Words, indent: Int) -> [String] {
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

  private static func leaf(_ c: Condition, _ w: Words) -> String {
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

  private static func term(_ t: DateTerm, _ w: Words) -> String {
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
        let rest = names.dropFirst().joined(separator: w.zh ? "、" : ", else ")
        s += w.zh ? "（缺失时用 \(rest)）" : ", else \(rest)"
      }
    }
    if let o = t.offset { s += w.plus(o) }
    if t.rolled { s += w.rolled }
    return s
  }

  private static func money(_ t: MoneyTerm, _ w: Words) -> String {
    switch t {
    case .literal(let m): return Localized.money(m, w.language)
    case .field(let ref): return ref.inElement ? ref.keys.joined(separator: ".") : ref.path
    case .amount(let id): return w.amount(id)
    }
  }

  /// The words of the description, in Chinese or English.
  private struct Words {
    let language: String
    var zh: Bool { language != "en" }
    init(_ language: String) { self.language = language }

    var when: String { zh ? "适用条件：" : "when:" }
    var unless: String { zh ? "除外：" : "unless:" }
    var allOf: String { zh ? "以下全部成立：" : "all of:" }
    var anyOf: String { zh ? "以下任一成立：" : "any of:" }
    var not: String { zh ? "以下不成立：" : "not:" }
    var today: String { zh ? "检查当日" : "today" }
    var largerOf: String { zh ? "取以下各项中的最大值：" : "the largest of:" }
    var firstOf: String { zh ? "取以下各项中第一个有值的：" : "the first of these that has a value:" }
    var roundedHalfUp: String { zh ? "（四舍五入到分）" : " (rounded half up to 0.01)" }
    func claimBasis(_ basis: String) -> String {
      zh ? "redress claim 以 \(basis) 列出此金额，条件：" : "redress claim lists it as \(basis), when:"
    }
    var onlyIf: String { zh ? "仅当：" : "only if:" }
    var leftOutIfAbsent: String { zh ? "（该字段缺失时不计此项）" : " (left out when absent)" }
    var zeroIfAbsent: String { zh ? "（该字段缺失时按0计）" : " (0 when absent)" }
    var referenceDay: String {
      zh ? "基准日（已提交的为提交日，否则为检查当日）" : "the reference day (the filing day once filed, else today)"
    }
    var rolled: String {
      zh
        ? "，遇休息日顺延至其后第一个工作日（按节假日日历）"
        : ", rolled to the next working day on the holiday calendar when a rest day"
    }
    var missingHeader: String { zh ? "以下任一项缺失或为空：" : "any of these is absent or blank:" }
    func someOf(_ list: String) -> String { zh ? "\(list) 中有一项满足：" : "some element of \(list) where:" }
    func noneOf(_ list: String) -> String { zh ? "\(list) 中没有一项满足：" : "no element of \(list) where:" }
    func notEmpty(_ list: String) -> String { zh ? "\(list) 不为空" : "\(list) is not empty" }
    func isEmpty(_ f: String) -> String { zh ? "\(f) 为空" : "\(f) is empty" }
    func isTrue(_ f: String) -> String { zh ? "\(f) 为 true" : "\(f) is true" }
    func isAbsent(_ f: String) -> String { zh ? "\(f) 未填写" : "\(f) is absent" }
    func isPresent(_ f: String) -> String { zh ? "\(f) 已填写" : "\(f) is present" }
    func equals(_ f: String, _ v: String) -> String { zh ? "\(f) 为 \(v)" : "\(f) is \(v)" }
    func equalsField(_ f: String, _ g: String) -> String { zh ? "\(f) 与 \(g) 相同" : "\(f) equals \(g)" }
    func oneOf(_ f: String, _ words: [String]) -> String {
      zh ? "\(f) 为以下之一：\(words.joined(separator: "、"))" : "\(f) is one of: \(words.joined(separator: ", "))"
    }
    func atLeastOne(_ list: String, _ key: String) -> String {
      zh ? "\(list)（至少一项有 \(key)）" : "\(list) (at least one with a \(key))"
    }
    func onlyWhenPresent(_ section: String) -> String {
      zh ? "（仅当 \(section) 已填写）" : " (only when \(section) is present)"
    }
    func amount(_ id: String) -> String { zh ? "计算金额 \(id)" : "the amount \(id)" }
    func compare(_ a: String, _ op: String, _ b: String) -> String { "\(a) \(op) \(b)" }
    func plus(_ o: DateOffset) -> String {
      guard zh else { return " + \(o.text)" }
      let unit = o.unit == .days ? "日" : (o.unit == .months ? "个月" : "年")
      return " 加 \(o.count) \(unit)"
    }
    func dateOp(_ op: DateComparison) -> String {
      switch op {
      case .before: return zh ? "早于" : "is before"
      case .after: return zh ? "晚于" : "is after"
      case .onOrBefore: return zh ? "不晚于" : "is on or before"
      case .onOrAfter: return zh ? "不早于" : "is on or after"
      }
    }
    func moneyOp(_ op: MoneyComparison) -> String {
      switch op {
      case .moreThan: return zh ? "高于" : "is more than"
      case .lessThan: return zh ? "低于" : "is less than"
      case .atLeast: return zh ? "不低于" : "is at least"
      case .atMost: return zh ? "不高于" : "is at most"
      }
    }
  }
}
