import Foundation
import RedressCore

/// One question of the interview: how its answer is read, whether it is required, and where
/// it lives in the case file. Its words (prompt, hint, help, choice labels) are in the
/// language files under `id`.
struct Question {
  /// The id in the language files: `purchase.items.name`.
  let id: String
  /// This instance in the case: `purchase.items[1].name` (for resuming).
  let key: String
  let kind: AnswerKind
  let required: Bool
  let get: (CaseFile) -> AnswerValue?
  let set: (inout CaseFile, AnswerValue?) -> Void
  /// The answer offered when the field is still empty.
  var suggest: ((CaseFile, InterviewContext) -> AnswerValue?)? = nil
  /// A check against the rest of the case (a discovery before the purchase).
  var check: ((CaseFile, AnswerValue) -> AnswerProblem?)? = nil

  func suggesting(_ f: @escaping (CaseFile, InterviewContext) -> AnswerValue?) -> Question {
    var q = self
    q.suggest = f
    return q
  }

  func checking(_ f: @escaping (CaseFile, AnswerValue) -> AnswerProblem?) -> Question {
    var q = self
    q.check = f
    return q
  }
}

/// How a step ended.
enum StepResult {
  case forward
  /// The person typed `<`.
  case back
  /// The step does not apply; keep moving the same way.
  case skipped
}

/// A piece of the flow. The flow is data built in Swift: questions, conditions, explanations,
/// repeating groups, and a few actions that do more than store an answer.
indirect enum Step {
  case ask(Question)
  /// Steps that apply only when the condition holds (`received_on` only for distance sales).
  case when((CaseFile) -> Bool, [Step])
  /// An explanation printed when passing forward.
  case note(MessageKey)
  case group(RepeatingGroup)
  case action(Action)
}

/// A step with its own dialogue (an evidence file, the e-invoice shortcut); `ids` are the
/// question ids it uses, so that the language files can be checked.
struct Action {
  let ids: [String]
  let run: (InterviewRunner, _ backward: Bool) throws -> StepResult
}

/// A list the person can add to, list, edit and remove from: items, attempts, evidence,
/// claims.
struct RepeatingGroup {
  /// The id in the language files (its prompt titles the list).
  let id: String
  let minimum: Int
  let count: (CaseFile) -> Int
  /// One line describing entry `i`.
  let describe: (CaseFile, Int, InterviewText) -> String
  /// Whether entry `i` still lacks a required answer.
  let incomplete: (CaseFile, Int) -> Bool
  /// Appends an empty entry; returns its index.
  let add: (inout CaseFile) -> Int
  let remove: (inout CaseFile, Int) -> Void
  /// The questions of entry `i`.
  let entry: (Int) -> [Step]
  /// Whether an entry whose questions were never answered (filled in from an e-invoice) is
  /// opened for review when the group is reached.
  var reviewUnanswered = false

  /// The key of entry `i`'s first question, which tells whether the entry was ever reviewed.
  func firstKey(_ i: Int) -> String {
    for step in entry(i) {
      if case .ask(let q) = step { return q.key }
    }
    return "\(id)[\(i)]"
  }
}

/// A section of the interview, in the order a consumer association's form asks.
struct Section {
  let id: String
  let steps: [Step]
}

// MARK: Building questions

/// Short builders so that the flow reads like the form it follows.
enum Q {
  static func text(
    _ id: String, _ kp: WritableKeyPath<CaseFile, String?>, key: String? = nil, required: Bool = false,
    kind: AnswerKind = .text(multiline: false)
  ) -> Question {
    Question(
      id: id, key: key ?? id, kind: kind, required: required,
      get: { c in c[keyPath: kp].map(AnswerValue.text) },
      set: { c, v in
        if case .text(let s)? = v, !s.isEmpty { c[keyPath: kp] = s } else { c[keyPath: kp] = nil }
      })
  }

  static func date(
    _ id: String, _ kp: WritableKeyPath<CaseFile, CalendarDate?>, key: String? = nil, required: Bool = false,
    allowFuture: Bool = false
  ) -> Question {
    Question(
      id: id, key: key ?? id, kind: .date(allowFuture: allowFuture), required: required,
      get: { c in c[keyPath: kp].map(AnswerValue.date) },
      set: { c, v in
        if case .date(let d)? = v { c[keyPath: kp] = d } else { c[keyPath: kp] = nil }
      })
  }

  static func money(
    _ id: String, _ kp: WritableKeyPath<CaseFile, Money?>, key: String? = nil, required: Bool = false
  ) -> Question {
    Question(
      id: id, key: key ?? id, kind: .money, required: required,
      get: { c in c[keyPath: kp].map(AnswerValue.money) },
      set: { c, v in
        if case .money(let m)? = v { c[keyPath: kp] = m } else { c[keyPath: kp] = nil }
      })
  }

  static func count(
    _ id: String, _ kp: WritableKeyPath<CaseFile, Int?>, key: String? = nil, fromZero: Bool = false
  ) -> Question {
    Question(
      id: id, key: key ?? id, kind: fromZero ? .units : .count, required: false,
      get: { c in c[keyPath: kp].map(AnswerValue.count) },
      set: { c, v in
        if case .count(let n)? = v { c[keyPath: kp] = n } else { c[keyPath: kp] = nil }
      })
  }

  /// A yes-or-no question; an unanswered one offers "no".
  static func flag(_ id: String, _ kp: WritableKeyPath<CaseFile, Bool?>, key: String? = nil) -> Question {
    Question(
      id: id, key: key ?? id, kind: .flag, required: false,
      get: { c in c[keyPath: kp].map(AnswerValue.flag) },
      set: { c, v in
        if case .flag(let b)? = v { c[keyPath: kp] = b } else { c[keyPath: kp] = nil }
      }, suggest: { _, _ in .flag(false) })
  }

  static func choice<E: CaseEnum>(
    _ id: String, _ kp: WritableKeyPath<CaseFile, E?>, key: String? = nil, required: Bool = false,
    default preset: E? = nil
  ) -> Question {
    Question(
      id: id, key: key ?? id, kind: .choice(E.allowedWords), required: required,
      get: { c in c[keyPath: kp].map { .word($0.rawValue) } },
      set: { c, v in
        if case .word(let w)? = v { c[keyPath: kp] = E(rawValue: w) } else { c[keyPath: kp] = nil }
      }, suggest: preset.map { p in { _, _ in .word(p.rawValue) } })
  }
}

// MARK: The parts of a case, always present while answering

/// The interview writes into parts that may be absent; these give an empty part to write
/// into and drop it again when it ends up empty, so the case file stays free of empty blocks.
extension CaseFile {
  var complainantForm: Complainant {
    get { complainant ?? Complainant() }
    set { complainant = newValue == Complainant() ? nil : newValue }
  }
  var agentForm: Agent {
    get { agent ?? Agent() }
    set { agent = newValue }
  }
  var respondentForm: Respondent {
    get { respondent ?? Respondent() }
    set { respondent = newValue == Respondent() ? nil : newValue }
  }
  var purchaseForm: Purchase {
    get { purchase ?? Purchase() }
    set { purchase = newValue == Purchase() ? nil : newValue }
  }
  var damageForm: Damage {
    get { damage ?? Damage() }
    set { damage = newValue == Damage() ? nil : newValue }
  }
  var negotiationForm: Negotiation {
    get { negotiation ?? Negotiation() }
    set { negotiation = newValue == Negotiation() ? nil : newValue }
  }
  var settlementForm: Settlement {
    get { negotiation?.settlement ?? Settlement() }
    set { negotiationForm.settlement = newValue == Settlement() ? nil : newValue }
  }
  var proceedingsForm: Proceedings {
    get { proceedings ?? Proceedings() }
    set { proceedings = newValue == Proceedings() ? nil : newValue }
  }
  var filingForm: Filing {
    get { filing ?? Filing() }
    set { filing = newValue == Filing() ? nil : newValue }
  }

  /// Whether the person said another body has dealt with the dispute (the five questions
  /// about it have answers).
  var proceedingsOpened: Bool {
    guard let p = proceedings else { return false }
    return [p.court, p.arbitration, p.administrative, p.mediation, p.previousComplaint].contains { $0 != nil }
  }

  /// Channels where the consumer did not see the goods before buying (distance sales).
  var isDistanceSale: Bool {
    switch purchase?.channel {
    case .online?, .liveStream?, .tv?, .phone?, .mailOrder?: return true
    default: return false
    }
  }

  /// A service (接受服务) rather than goods.
  var isService: Bool { purchase?.subject == .service }

  /// Whether an item is a prepaid card, membership or package.
  var hasPrepaidItem: Bool { purchase?.items.contains { $0.category == .prepaid } ?? false }

  /// Goods under the 三包 rules (and the car 三包 rules), whose periods run from delivery.
  var hasSanbaoItem: Bool {
    let sanbao: Set<ItemCategory> = [
      .vehicle, .phone, .computer, .tv, .fridge, .airConditioner, .washingMachine, .otherAppliance,
    ]
    return purchase?.items.contains { $0.category.map(sanbao.contains) ?? false } ?? false
  }

  var prepaidForm: Prepaid {
    get { purchase?.prepaid ?? Prepaid() }
    set { purchaseForm.prepaid = newValue }
  }

  /// The sum of quantity × unit price over the items, when every item has a price.
  var itemsTotal: Money? {
    guard let items = purchase?.items, !items.isEmpty else { return nil }
    var total = Money.zero
    for item in items {
      guard let price = item.unitPrice,
        let line = price.multiplied(by: Int64(item.effectiveQuantity)),
        let sum = total.adding(line)
      else { return nil }
      total = sum
    }
    return Money(minorUnits: total.minorUnits, scale: 2)
  }

  /// The next free evidence id: E1, E2, …
  var nextEvidenceID: String {
    var n = 1
    while evidence.contains(where: { $0.id == "E\(n)" }) { n += 1 }
    return "E\(n)"
  }
}
