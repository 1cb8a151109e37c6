/// The condition language of a rule pack, after loading: every field is checked against the
/// case model and every operator is known. See `docs/rules.md` ("How a rule is written") for
/// the YAML form a lawyer reads and writes.
///
/// Absence is explicit: a comparison whose field is absent is *unknown*, `all`/`any`/`not`
/// follow three-valued logic, and a rule fires only when its `when` is true, so a rule whose
/// inputs are absent does not fire. `is-true`, `is-absent`, `is-present`, `is-empty`, `some`,
/// `none` and `missing` are never unknown: they exist to speak about absence.
indirect enum Condition: Sendable {
  case all([Condition])
  case any([Condition])
  case not(Condition)
  case isTrue(FieldRef)
  case isAbsent(FieldRef)
  case isPresent(FieldRef)
  case isEmpty(FieldRef)
  case equals(FieldRef, Operand)
  case oneOf(FieldRef, [String])
  case date(DateTerm, DateComparison, DateTerm)
  case money(MoneyTerm, MoneyComparison, MoneyTerm)
  /// At least one element of the list matches (no `where`: the list is not empty).
  case some(FieldRef, Condition?)
  /// No element of the list matches.
  case none(FieldRef, Condition?)
  /// Any of the required fields is absent or blank; reports each missing path.
  case missing([Requirement])
}

extension Condition {
  /// The case-file fields the condition reads, a list's elements written `[]`
  /// (`purchase.items[].category`); `reference-day` reads `filing.filed_on`. The fields of a
  /// `missing` condition are left out: its finding names those it found missing.
  var fieldsRead: Set<String> {
    func of(_ ref: FieldRef) -> Set<String> {
      if ref.isToday { return [] }
      return [ref.isReferenceDay ? "filing.filed_on" : ref.path]
    }
    func of(_ term: DateTerm) -> Set<String> { term.fields.reduce(into: []) { $0.formUnion(of($1)) } }
    func of(_ term: MoneyTerm) -> Set<String> {
      if case .field(let ref) = term { return of(ref) }
      return []
    }
    switch self {
    case .all(let parts), .any(let parts): return parts.reduce(into: []) { $0.formUnion($1.fieldsRead) }
    case .not(let inner): return inner.fieldsRead
    case .isTrue(let ref), .isAbsent(let ref), .isPresent(let ref), .isEmpty(let ref), .oneOf(let ref, _):
      return of(ref)
    case .equals(let ref, let operand):
      if case .field(let other) = operand { return of(ref).union(of(other)) }
      return of(ref)
    case .date(let a, _, let b): return of(a).union(of(b))
    case .money(let a, _, let b): return of(a).union(of(b))
    case .some(let ref, let inner), .none(let ref, let inner): return of(ref).union(inner?.fieldsRead ?? [])
    case .missing: return []
    }
  }

  /// Whether a date of the condition is `rolled` (needs the holiday calendar).
  var rolls: Bool {
    switch self {
    case .all(let parts), .any(let parts): return parts.contains { $0.rolls }
    case .not(let inner): return inner.rolls
    case .date(let a, _, let b): return a.rolled || b.rolled
    case .some(_, let inner), .none(_, let inner): return inner?.rolls ?? false
    default: return false
    }
  }
}

/// Yes, no, or unknown because a field the answer depends on is absent.
enum Truth: Sendable {
  case yes, no, unknown

  static func all(_ values: [Truth]) -> Truth {
    if values.contains(.no) { return .no }
    return values.contains(.unknown) ? .unknown : .yes
  }

  static func any(_ values: [Truth]) -> Truth {
    if values.contains(.yes) { return .yes }
    return values.contains(.unknown) ? .unknown : .no
  }

  var negated: Truth {
    switch self {
    case .yes: return .no
    case .no: return .yes
    case .unknown: return .unknown
    }
  }

  init(_ b: Bool) { self = b ? .yes : .no }
}

/// A field as a condition names it, resolved against the case model.
struct FieldRef: Hashable, Sendable {
  /// The path from the top of the case (`purchase.items[].category`), or `today`.
  let path: String
  let type: CaseFieldSchema.FieldType
  /// The keys to follow from the scope; `[]` steps into the matched element of a list.
  let keys: [String]
  /// Whether `keys` start at the element of the enclosing `some`/`none` (inside `where`).
  let inElement: Bool

  var isToday: Bool { path == CaseFieldSchema.today }
  /// `reference-day`: `filing.filed_on` once the case is filed, else today (`rules.md`).
  var isReferenceDay: Bool { path == CaseFieldSchema.referenceDay }

  /// The list path each `[]` in `keys` belongs to (`purchase.items`).
  func listPath(atKeyIndex index: Int) -> String {
    let prefix = Array(keys[..<index])
    var out = ""
    for k in prefix {
      if k == "[]" {
        out += "[]"
      } else {
        out += out.isEmpty ? k : ".\(k)"
      }
    }
    return inElement ? "" : out
  }
}

enum Operand: Sendable {
  case word(String)
  case text(String)
  case flag(Bool)
  case number(Int)
  case field(FieldRef)
}

enum DateComparison: String, Sendable, CaseIterable {
  case before, after
  case onOrBefore = "on-or-before"
  case onOrAfter = "on-or-after"

  func holds(_ a: CalendarDate, _ b: CalendarDate) -> Bool {
    switch self {
    case .before: return a < b
    case .after: return a > b
    case .onOrBefore: return a <= b
    case .onOrAfter: return a >= b
    }
  }
}

enum MoneyComparison: String, Sendable, CaseIterable {
  case moreThan = "more-than"
  case lessThan = "less-than"
  case atLeast = "at-least"
  case atMost = "at-most"

  func holds(_ a: Money, _ b: Money) -> Bool {
    switch self {
    case .moreThan: return a > b
    case .lessThan: return a < b
    case .atLeast: return a >= b
    case .atMost: return a <= b
    }
  }
}

/// "+ 3 years", "+ 7 days", "+ 6 months": 民法典 Art. 201 and 202 (the start day is not counted;
/// a month or year lands on the same date, or on the month's last day where there is none).
struct DateOffset: Hashable, Sendable {
  enum Unit: String, Sendable { case days, months, years }
  let count: Int
  let unit: Unit

  var text: String {
    let word = count == 1 ? String(unit.rawValue.dropLast()) : unit.rawValue
    return "\(count) \(word)"
  }

  /// Parses `3 years`, `7 days`, `6 months` (singular too).
  init?(text: String) {
    let parts = text.split(separator: " ", omittingEmptySubsequences: true)
    guard parts.count == 2, let n = Int(parts[0]), n >= 0, n <= 1000 else { return nil }
    switch parts[1] {
    case "day", "days": unit = .days
    case "month", "months": unit = .months
    case "year", "years": unit = .years
    default: return nil
    }
    count = n
  }

  /// The day `count` units after `date`; nil beyond the year 9999.
  func applied(to date: CalendarDate) -> CalendarDate? {
    switch unit {
    case .days:
      let d = CalendarDate(julianDay: date.julianDay + count)
      return d.year <= 9999 ? d : nil
    case .months, .years:
      let months = unit == .years ? count * 12 : count
      let total = date.year * 12 + (date.month - 1) + months
      guard total / 12 <= 9999 else { return nil }
      return date.adding(months: months)
    }
  }
}

/// A date in a comparison: today, a literal day, a field, or the first present of several
/// fields, each optionally moved on by an offset and, when `rolled`, moved off a rest day to
/// the next working day on the pack's holiday calendar (民法典 Art. 203), counted by the same
/// `DeadlineCalculator` as the clocks.
struct DateTerm: Sendable {
  enum Base: Sendable {
    case today
    case literal(CalendarDate)
    case firstOf([FieldRef])
  }
  let base: Base
  let offset: DateOffset?
  var rolled: Bool = false

  /// The fields the term reads.
  var fields: [FieldRef] {
    if case .firstOf(let refs) = base { return refs }
    return []
  }
}

/// An amount in a comparison: a literal, a money field, or a computed amount of the pack.
enum MoneyTerm: Sendable {
  case literal(Money)
  case field(FieldRef)
  case amount(String)
}

/// One entry of `missing`: a field that must be present and not blank; with `[]` in the path,
/// at least one element of the list must have it (reported at the list); with `if-present`,
/// only asked when that section is there.
struct Requirement: Sendable {
  /// The path reported when missing (`purchase.items` for `purchase.items[].name`).
  let reportedPath: String
  let field: FieldRef
  /// For a path through a list: the list and the keys within its element.
  let list: FieldRef?
  let elementKeys: [String]
  let ifPresent: FieldRef?
}

// MARK: - Evaluation

/// One evaluation of one rule on one case: the case's values, the day, the computed amounts,
/// and what the conditions matched (for `fields` and values naming `[]`).
final class Evaluation {
  let root: CaseFieldSchema.Value
  let today: CalendarDate
  let amounts: AmountBook
  /// The calendar `rolled` dates count on; nil when the pack has none (no rule rolls then:
  /// the loader refuses a pack that rolls without a calendar).
  let calendar: DeadlineCalculator?
  /// Indices of the elements a `some`/`none` at the top level matched, per list path.
  var matches: [String: [Int]] = [:]
  /// The paths `missing` found absent, in order.
  var missing: [String] = []
  /// Years without calendar data that a rolled date looked at: a result relying on them is
  /// provisional.
  var yearsWithoutData: Set<Int> = []

  /// Whether `rolled` dates go to the latest day a notice not yet on file could move them to
  /// (`DeadlineCalculator.latestRolledToWorkingDay`) instead of the calendar's working day.
  let latestRolled: Bool

  init(
    root: CaseFieldSchema.Value, today: CalendarDate, amounts: AmountBook,
    calendar: DeadlineCalculator? = nil, latestRolled: Bool = false
  ) {
    self.root = root
    self.today = today
    self.amounts = amounts
    self.calendar = calendar
    self.latestRolled = latestRolled
  }

  /// `filing.filed_on` when the case has been filed, else today.
  var referenceDay: CalendarDate {
    if case .date(let d) = root["filing"]?["filed_on"] { return d }
    return today
  }

  func value(_ ref: FieldRef, element: CaseFieldSchema.Value? = nil) -> CaseFieldSchema.Value? {
    if ref.isToday { return .date(today) }
    if ref.isReferenceDay { return .date(referenceDay) }
    var current: CaseFieldSchema.Value? = ref.inElement ? element : root
    for (i, key) in ref.keys.enumerated() {
      guard let c = current else { return nil }
      if key == "[]" {
        guard case .list(let items) = c, let index = matches[ref.listPath(atKeyIndex: i)]?.first,
          index < items.count
        else { return nil }
        current = items[index]
      } else {
        current = c[key]
      }
    }
    return current
  }

  func date(_ term: DateTerm, element: CaseFieldSchema.Value?) -> CalendarDate? {
    var base: CalendarDate?
    switch term.base {
    case .today: base = today
    case .literal(let d): base = d
    case .firstOf(let refs):
      for ref in refs {
        if case .date(let d) = value(ref, element: element) {
          base = d
          break
        }
      }
    }
    guard let b = base else { return nil }
    var day = b
    if let offset = term.offset {
      guard let moved = offset.applied(to: b) else { return nil }
      day = moved
    }
    guard term.rolled, let calendar else { return day }
    let rolled = latestRolled ? calendar.latestRolledToWorkingDay(day) : calendar.rolledToWorkingDay(day)
    yearsWithoutData.formUnion(rolled.yearsWithoutData)
    return rolled.due
  }

  func money(_ term: MoneyTerm, element: CaseFieldSchema.Value?) -> Money? {
    switch term {
    case .literal(let m): return m
    case .field(let ref):
      if case .money(let m) = value(ref, element: element) { return m }
      return nil
    case .amount(let id): return amounts.value(id, in: self)
    }
  }

  func truth(_ c: Condition, element: CaseFieldSchema.Value? = nil) -> Truth {
    switch c {
    case .all(let parts): return Truth.all(parts.map { truth($0, element: element) })
    case .any(let parts): return Truth.any(parts.map { truth($0, element: element) })
    case .not(let inner): return truth(inner, element: element).negated
    case .isTrue(let ref): return Truth(value(ref, element: element) == .flag(true))
    case .isAbsent(let ref): return Truth(value(ref, element: element) == nil)
    case .isPresent(let ref): return Truth(value(ref, element: element) != nil)
    case .isEmpty(let ref):
      if case .list(let items) = value(ref, element: element) { return Truth(items.isEmpty) }
      return .yes
    case .equals(let ref, let operand):
      guard let lhs = value(ref, element: element) else { return .unknown }
      let rhs: CaseFieldSchema.Value?
      switch operand {
      case .word(let w): rhs = .word(w)
      case .text(let t): rhs = .text(t)
      case .flag(let b): rhs = .flag(b)
      case .number(let n): rhs = .number(n)
      case .field(let other): rhs = value(other, element: nil)
      }
      guard let r = rhs else { return .unknown }
      return Truth(Self.sameValue(lhs, r))
    case .oneOf(let ref, let words):
      guard case .word(let w) = value(ref, element: element) else { return .unknown }
      return Truth(words.contains(w))
    case .date(let a, let op, let b):
      guard let x = date(a, element: element), let y = date(b, element: element) else { return .unknown }
      return Truth(op.holds(x, y))
    case .money(let a, let op, let b):
      guard let x = money(a, element: element), let y = money(b, element: element) else {
        return .unknown
      }
      return Truth(op.holds(x, y))
    case .some(let list, let condition), .none(let list, let condition):
      var matched: [Int] = []
      if case .list(let items) = value(list, element: element) {
        for (i, item) in items.enumerated()
        where condition.map({ truth($0, element: item) == .yes }) ?? true {
          matched.append(i)
        }
      }
      if element == nil && !list.inElement { matches[list.path] = matched }
      if case .some = c { return Truth(!matched.isEmpty) }
      return Truth(matched.isEmpty)
    case .missing(let requirements):
      var found: [String] = []
      for r in requirements where isMissing(r) { found.append(r.reportedPath) }
      missing = found
      return Truth(!found.isEmpty)
    }
  }

  private func isMissing(_ r: Requirement) -> Bool {
    if let guardRef = r.ifPresent, value(guardRef) == nil { return false }
    if let list = r.list {
      guard case .list(let items) = value(list) else { return true }
      return !items.contains { item in
        var current: CaseFieldSchema.Value? = item
        for k in r.elementKeys { current = current?[k] }
        return current != nil
      }
    }
    return value(r.field) == nil
  }

  private static func sameValue(_ a: CaseFieldSchema.Value, _ b: CaseFieldSchema.Value) -> Bool {
    switch (a, b) {
    case (.text(let x), .text(let y)), (.word(let x), .word(let y)), (.text(let x), .word(let y)),
      (.word(let x), .text(let y)):
      return x == y
    default: return a == b
    }
  }
}

// MARK: - Computed amounts

/// A computed amount of the pack (`food-maximum`): the larger of its terms (`larger-of`), or
/// the first of them that has a value (`first-of`); each term a money field, a multiple of one,
/// a fixed amount, the unused share of a prepaid price, or another computed amount, each
/// optionally applying only when a condition holds.
struct AmountFormula: Sendable {
  enum Mode: Sendable { case largest, first }
  enum TermValue: Sendable {
    case field(FieldRef)
    case multiple(FieldRef, Int64)
    case fixed(Money)
    case amount(String)
    /// `amount × (total − used) ÷ total`, rounded half up to 0.01 (the unused prepaid balance).
    case unusedShare(amount: FieldRef, total: FieldRef, used: FieldRef)
  }
  struct Term: Sendable {
    let value: TermValue
    /// When the field is absent: make the whole amount absent (the default), leave the
    /// term out, or count the field as 0 (`rules.md`: "an absent losses counts as 0").
    enum IfAbsent: String, Sendable {
      case absent
      case leaveOut = "leave-out"
      case zero
    }
    let ifAbsent: IfAbsent
    let onlyIf: Condition?
  }
  let id: String
  let terms: [Term]
  let summary: [String: String]
  let citations: [Citation]
  /// The word `redress claim` names the amount by (`fraud-treble`), when it is a basis of a
  /// claim of its own.
  var basis: String? = nil
  var mode: Mode = .largest
  /// When `redress claim` lists the amount (`applies-if`); the punitive bases are listed by
  /// `StatutoryAmounts` instead, as the combined maximum's terms.
  var appliesIf: Condition? = nil
  /// What the consumer asks for, per language (`退还预付款余额`), for `redress claim`.
  var label: [String: String] = [:]
}

/// The pack's computed amounts, evaluated lazily and remembered per evaluation.
final class AmountBook {
  let formulas: [String: AmountFormula]
  private var cache: [String: Money?] = [:]

  init(formulas: [String: AmountFormula]) { self.formulas = formulas }

  func value(_ id: String, in evaluation: Evaluation) -> Money? {
    if let cached = cache[id] { return cached }
    let result = compute(id, in: evaluation)
    cache[id] = result
    return result
  }

  /// The formula with this case's values, as a reader checks it: `max(3 × 199.00, 500.00)`;
  /// nil when the amount is absent.
  func computation(_ id: String, in evaluation: Evaluation) -> String? {
    guard let formula = formulas[id], value(id, in: evaluation) != nil else { return nil }
    var parts: [String] = []
    for term in formula.terms {
      if let condition = term.onlyIf, evaluation.truth(condition) != .yes { continue }
      if formula.mode == .first {
        // The first term with a value is the amount; its own arithmetic is the computation.
        guard let v = self.term(term, in: evaluation) else { continue }
        return v.computation
      }
      switch term.value {
      case .field(let ref):
        if case .money(let m) = evaluation.value(ref) { parts.append(m.fixed2) }
      case .unusedShare:
        if let v = self.term(term, in: evaluation) { parts.append(v.computation) }
      case .fixed(let m): parts.append(m.fixed2)
      case .amount(let other):
        if let v = value(other, in: evaluation) { parts.append(v.fixed2) }
      case .multiple(let ref, let factor):
        if case .money(let m) = evaluation.value(ref) {
          parts.append("\(factor) × \(m.fixed2)")
        } else if term.ifAbsent == .zero {
          parts.append("\(factor) × 0.00")
        }
      }
    }
    return parts.count == 1 ? parts[0] : "max(\(parts.joined(separator: ", ")))"
  }

  private func compute(_ id: String, in evaluation: Evaluation) -> Money? {
    guard let formula = formulas[id] else { return nil }
    var best: Money?
    for term in formula.terms {
      if let condition = term.onlyIf, evaluation.truth(condition) != .yes { continue }
      if formula.mode == .first {
        guard let v = self.term(term, in: evaluation) else { continue }
        return Money(minorUnits: v.value.minorUnits, scale: 2)
      }
      let v: Money?
      switch term.value {
      case .field, .unusedShare: v = self.term(term, in: evaluation)?.value
      case .fixed(let m): v = m
      case .amount(let other): v = value(other, in: evaluation)
      case .multiple(let ref, let factor):
        if case .money(let m) = evaluation.value(ref) {
          v = m.multiplied(by: factor)
        } else {
          v = term.ifAbsent == .zero ? Money(minorUnits: 0, scale: 2) : nil
        }
      }
      guard let amount = v else {
        if term.ifAbsent == .leaveOut { continue }
        return nil
      }
      if best == nil || amount > best! { best = amount }
    }
    return best.map { Money(minorUnits: $0.minorUnits, scale: 2) }
  }
}

extension AmountBook {
  /// The value and arithmetic of a field or unused-share term; nil when an input is absent.
  fileprivate func term(_ term: AmountFormula.Term, in evaluation: Evaluation) -> (
    value: Money, computation: String
  )? {
    func money(_ ref: FieldRef) -> Money? {
      if case .money(let m) = evaluation.value(ref) { return m }
      return nil
    }
    func number(_ ref: FieldRef) -> Int? {
      if case .number(let n) = evaluation.value(ref) { return n }
      return nil
    }
    switch term.value {
    case .field(let ref):
      return money(ref).map { ($0, $0.fixed2) }
    case .unusedShare(let amountRef, let totalRef, let usedRef):
      guard let m = money(amountRef), let total = number(totalRef), let used = number(usedRef),
        let share = UnusedShare.of(m, unitsTotal: total, unitsUsed: used)
      else { return nil }
      return (share, "\(m.fixed2) × (\(total) − \(used)) ÷ \(total)")
    case .fixed(let m): return (m, m.fixed2)
    case .multiple(let ref, let factor):
      guard let m = money(ref), let product = m.multiplied(by: factor) else { return nil }
      return (product, "\(factor) × \(m.fixed2)")
    case .amount(let other):
      guard let v = value(other, in: evaluation) else { return nil }
      return (v, computation(other, in: evaluation) ?? v.fixed2)
    }
  }
}

/// The unused part of a prepaid price (`rules.md`): `paid × (total − used) ÷ total`, exact,
/// rounded half up to 0.01 (half away from zero for a negative amount). Nil when `total` is not
/// positive, or `used` is negative or above `total`. The product is taken in 128 bits, so any
/// amount a case file can hold times any number of units is exact.
public enum UnusedShare {
  public static func of(_ paid: Money, unitsTotal total: Int, unitsUsed used: Int) -> Money? {
    guard total > 0, used >= 0, used <= total else { return nil }
    let magnitude = paid.minorUnits.magnitude
    let t = UInt64(total)
    // paid × (total − used) ÷ total ≤ paid: the quotient always fits in 64 bits.
    let product = magnitude.multipliedFullWidth(by: UInt64(total - used))
    let (q, r) = t.dividingFullWidth(product)
    let rounded = r >= t - r ? q + 1 : q
    guard rounded <= UInt64(Int64.max) else { return nil }
    let units = Int64(rounded)
    return Money(minorUnits: paid.minorUnits < 0 ? -units : units, scale: 2)
  }
}
