import Foundation
import RedressCore

/// Why the interview ended before its end.
enum InterviewExit: Error, Equatable {
  /// Ctrl-D or a closed terminal.
  case endOfInput
  /// SIGINT (Ctrl-C), SIGHUP (terminal closed), SIGTERM.
  case signal(Int32)
  /// The person chose to stop after a finding that blocks the complaint.
  case stopped
  /// The person chose to save and leave at the review.
  case quit
}

/// What a prompt gave back.
enum PromptOutcome: Equatable {
  case answer(AnswerValue)
  /// Enter on a field that already had a value.
  case kept
  /// Enter on an empty optional field.
  case skipped
  /// `-` on an optional field.
  case cleared
  case back
}

/// Everything the interview needs from outside, injected so that tests run it on a script.
package struct InterviewContext {
  var terminal: InterviewTerminal
  var text: InterviewText
  package var drafts: DraftStore
  var ingestor: EvidenceIngestor
  var checker: AdmissibilityChecker
  var today: CalendarDate
  var home: String?
  var currentDirectory: URL
  /// How a save time is shown ("2026-11-22 14:32"); injected for stable transcripts.
  var formatTime: (Date) -> String
  /// How a finding's legal bases are cited (`《消费者权益保护法》第二十四条`), in the
  /// interface language: the commands' own wording, so both print them alike.
  var legalBases: ([Citation], InterfaceLanguage) -> String
  /// Names of administrative divisions (`legal/cn/regions.yaml`), to derive `region` from the
  /// addressee; nil asks nothing about the region.
  var regions: RegionNames? = nil

  package init(
    terminal: InterviewTerminal, text: InterviewText, drafts: DraftStore, ingestor: EvidenceIngestor,
    checker: AdmissibilityChecker, today: CalendarDate, home: String?, currentDirectory: URL,
    formatTime: @escaping (Date) -> String,
    legalBases: @escaping ([Citation], InterfaceLanguage) -> String,
    regions: RegionNames? = nil
  ) {
    self.terminal = terminal
    self.text = text
    self.drafts = drafts
    self.ingestor = ingestor
    self.checker = checker
    self.today = today
    self.home = home
    self.currentDirectory = currentDirectory
    self.formatTime = formatTime
    self.legalBases = legalBases
    self.regions = regions
  }
}

/// Runs the flow's steps against a case: asks, reads, checks, stores every accepted answer at
/// once, and moves forward or back (`<`) through questions, groups and sections.
final class InterviewRunner {
  var caseFile: CaseFile
  var progress: InterviewProgress
  let context: InterviewContext
  /// Whether saves keep the case a draft (false when editing a finished case).
  var saveAsDraft: Bool
  /// Resuming: questions already answered are passed without asking until the first new one.
  var fastForward = false
  /// Findings already shown during this run (rule and fields), so each is said once.
  var announced = Set<String>()
  var saved = false
  /// A signal that arrived while a file was being copied: acted on after the next save.
  var pendingSignal: Int32?
  /// Called after each accepted answer with the question's key (the session checks whether
  /// the answer makes a blocking rule fire).
  var onAnswered: ((String) throws -> Void)?
  /// Shows the legal bases that apply to the case so far (before the claims are asked).
  var showLegalBases: (() -> Void)?

  var terminal: InterviewTerminal { context.terminal }
  var text: InterviewText { context.text }

  init(caseFile: CaseFile, progress: InterviewProgress, context: InterviewContext, saveAsDraft: Bool) {
    self.caseFile = caseFile
    self.progress = progress
    self.context = context
    self.saveAsDraft = saveAsDraft
  }

  // MARK: Output

  func say(_ line: String = "") { terminal.write(line + "\n") }

  func style(_ s: String, _ st: TerminalStyle) -> String { terminal.usesColor ? st.apply(s) : s }

  func problem(_ p: AnswerProblem) {
    say("  " + style("✗ " + text.message(p.key, p.values), .red))
  }

  /// Text indented by `prefix`, line by line.
  /// Text indented by `prefix`, line by line, wrapped to the terminal so that the prefix
  /// (a help text's `│`) starts every line.
  func block(_ s: String, prefix: String = "  ", _ st: TerminalStyle? = nil) {
    let width = min(terminal.width, 100) - DisplayWidth.of(prefix) - 1
    for paragraph in s.trimmingCharacters(in: .newlines).components(separatedBy: "\n") {
      for line in DisplayWidth.wrap(paragraph, to: width) {
        say(prefix + (st.map { style(line, $0) } ?? line))
      }
    }
  }

  // MARK: Saving

  func markAnswered(_ key: String) {
    if !progress.answered.contains(key) { progress.answered.append(key) }
  }

  /// Stores the case as it stands. A store that cannot be written ends the interview at once:
  /// going on would make the person type answers that are not kept.
  func save() throws {
    do {
      try context.drafts.save(caseFile, progress: progress, draft: saveAsDraft)
      saved = true
    } catch {
      throw UserError(text.message(.saveFailed, ["reason": "\(error)"]), exitCode: 3)
    }
    if let signal = pendingSignal {
      pendingSignal = nil
      throw InterviewExit.signal(signal)
    }
  }

  // MARK: Reading

  func read(allowMultiline: Bool = false) throws -> String {
    switch terminal.readLine(prompt: "> ") {
    case .endOfInput: throw InterviewExit.endOfInput
    case .interrupted(let signal): throw InterviewExit.signal(signal)
    case .line(let line):
      guard allowMultiline else { return line }
      let more = terminal.drainPastedLines()
      return more.isEmpty ? line : ([line] + more).joined(separator: "\n")
    }
  }

  static func isHelp(_ s: String) -> Bool { s == "?" || s == "？" }
  static func isBack(_ s: String) -> Bool { s == "<" || s == "《" || s == "＜" }

  /// Shows a question: the prompt, whether it is required, the value Enter keeps, the hint,
  /// and numbered choices.
  func show(
    _ id: String, kind: AnswerKind, required: Bool, shown: AnswerValue?, values: [String: String] = [:],
    labels: [String: String]? = nil
  ) {
    let q = text.question(id)
    var head = InterviewText.fill(q.prompt, values)
    if required { head += text.message(.requiredMark) }
    if kind == .flag { head += text.message(.flagMark) }
    if let shown {
      let display: String
      if case .word(let w) = shown, case .choice(let words) = kind, let i = words.firstIndex(of: w) {
        display = String(i + 1)
      } else {
        display = AnswerParser.display(shown, kind: kind, text: text, questionID: id)
      }
      let firstLine = display.components(separatedBy: "\n").first ?? display
      head += " [" + (firstLine == display ? display : firstLine + " …") + "]"
    }
    say(style(head, .bold))
    if let hint = q.hint { block(InterviewText.fill(hint, values), .dim) }
    if case .choice(let words) = kind {
      showChoices(words.enumerated().map { i, w in ("\(i + 1)", labels?[w] ?? text.choiceLabel(id, w)) })
    }
  }

  /// Numbered choices, in columns when there are many.
  func showChoices(_ entries: [(String, String)]) {
    let cells = entries.map { n, label in (n.count < 2 ? " " : "") + n + "  " + label }
    let widest = cells.map(DisplayWidth.of).max() ?? 0
    let available = min(terminal.width, 100) - 2
    let columns = entries.count > 6 ? max(1, available / (widest + 3)) : 1
    let rows = (cells.count + columns - 1) / columns
    for r in 0..<rows {
      var line = " "
      for c in 0..<columns {
        let i = c * rows + r
        guard i < cells.count else { continue }
        let cell = cells[i]
        line += " " + cell
        if c < columns - 1 { line += String(repeating: " ", count: widest - DisplayWidth.of(cell) + 2) }
      }
      say(line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
    }
  }

  /// Reads until an answer is taken: `?` shows the help, `<` goes back, Enter keeps the shown
  /// value or skips an optional field, `-` clears one, anything else is parsed and checked.
  func prompt(
    _ id: String, kind: AnswerKind, required: Bool, current: AnswerValue?, suggestion: AnswerValue?,
    values: [String: String] = [:], labels: [String: String]? = nil,
    check: ((AnswerValue) -> AnswerProblem?)? = nil
  ) throws -> PromptOutcome {
    show(id, kind: kind, required: required, shown: current ?? suggestion, values: values, labels: labels)
    let multiline = kind == .text(multiline: true)
    while true {
      let raw = try read(allowMultiline: multiline)
      let s = AnswerParser.normalize(raw)
      if Self.isHelp(s) {
        block(InterviewText.fill(text.question(id).help, values), prefix: "  │ ")
        continue
      }
      if Self.isBack(s) { return .back }
      if s.isEmpty {
        if current != nil { return .kept }
        if let suggestion { return .answer(suggestion) }
        if required {
          say("  " + style(text.message(.required), .red))
          continue
        }
        return .skipped
      }
      if s == "-" {
        if required {
          say("  " + style(text.message(.cannotClear), .red))
          continue
        }
        return current == nil ? .skipped : .cleared
      }
      let allLabels = labels ?? text.question(id).choices
      switch AnswerParser.parse(raw, as: kind, today: context.today, labels: allLabels) {
      case .failure(let p):
        problem(p)
      case .success(let value):
        if case .text(let t) = value, t.isEmpty { return current == nil ? .skipped : .kept }
        if let p = check?(value) {
          problem(p)
          continue
        }
        return .answer(value)
      }
    }
  }

  /// A question that is not a case field (confirmations, the output folder).
  func askMeta(
    _ id: String, kind: AnswerKind, preset: AnswerValue?, values: [String: String] = [:],
    labels: [String: String]? = nil
  ) throws -> AnswerValue? {
    while true {
      switch try prompt(
        id, kind: kind, required: false, current: nil, suggestion: preset, values: values, labels: labels)
      {
      case .answer(let v): return v
      case .back: return nil
      case .kept, .skipped, .cleared: return preset
      }
    }
  }

  // MARK: Steps

  func run(_ steps: [Step], backward: Bool) throws -> StepResult {
    var i = backward ? steps.count - 1 : 0
    var movingBack = backward
    while true {
      if i >= steps.count { return .forward }
      if i < 0 { return .back }
      switch try run(steps[i], backward: movingBack) {
      case .forward:
        movingBack = false
        i += 1
      case .skipped:
        i += movingBack ? -1 : 1
      case .back:
        movingBack = true
        i -= 1
      }
    }
  }

  func run(_ step: Step, backward: Bool) throws -> StepResult {
    switch step {
    case .ask(let q): return try ask(q)
    case .when(let condition, let inner):
      guard condition(caseFile) else { return .skipped }
      return try run(inner, backward: backward)
    case .note(let key):
      if backward { return .skipped }
      if !fastForward { block(text.message(key), prefix: "  ", .cyan) }
      return .skipped
    case .group(let g): return try runGroup(g, backward: backward)
    case .action(let a): return try a.run(self, backward)
    }
  }

  /// `region`: derived from the addressee's name where it names a province or a city (kept
  /// when the region already given lies inside it); asked (optional) when the addressee names
  /// none; not asked when there is no addressee or no table of names.
  func askRegion(backward: Bool) throws -> StepResult {
    guard let regions = context.regions, let addressee = caseFile.addressee, !addressee.isEmpty else {
      return .skipped
    }
    if let derived = regions.region(in: addressee) {
      if !(caseFile.region?.hasPrefix(RegionNames.prefix(of: derived)) ?? false) {
        caseFile.region = derived
        try save()
      }
      return .skipped
    }
    return try ask(InterviewFlow.regionQuestion)
  }

  func ask(_ q: Question) throws -> StepResult {
    if fastForward && progress.answered.contains(q.key) { return .forward }
    fastForward = false
    let current = q.get(caseFile)
    let suggestion = current == nil ? q.suggest?(caseFile, context) : nil
    let outcome = try prompt(
      q.id, kind: q.kind, required: q.required, current: current, suggestion: suggestion,
      check: q.check.map { check in { [caseFile] v in check(caseFile, v) } })
    switch outcome {
    case .back: return .back
    case .kept, .skipped: break
    case .cleared: q.set(&caseFile, nil)
    case .answer(let v): q.set(&caseFile, v)
    }
    markAnswered(q.key)
    try save()
    if case .answer = outcome { try onAnswered?(q.key) }
    return .forward
  }

  // MARK: Repeating groups

  func runGroup(_ g: RepeatingGroup, backward: Bool) throws -> StepResult {
    if fastForward && progress.answered.contains(g.id) && g.count(caseFile) >= g.minimum { return .forward }
    fastForward = false
    var fresh = !backward
    while true {
      let count = g.count(caseFile)
      if fresh && count == 0 && g.minimum > 0 {
        fresh = false
        say(style(text.question(g.id).prompt, .bold))
        if let hint = text.question(g.id).hint { block(hint, .dim) }
        if try addEntry(g) == .back { return .back }
        continue
      }
      if fresh && g.reviewUnanswered {
        // Entries filled in from elsewhere (an e-invoice) are shown question by question once.
        let unreviewed = (0..<count).filter { !progress.answered.contains(g.firstKey($0)) }
        if !unreviewed.isEmpty { say(style(text.question(g.id).prompt, .bold)) }
        for i in unreviewed {
          say(style(text.message(.groupEntryTitle, ["n": String(i + 1)]), .dim))
          _ = try run(g.entry(i), backward: false)
        }
      }
      fresh = false
      showGroup(g)
      let s = AnswerParser.normalize(try read())
      if Self.isHelp(s) {
        block(text.question(g.id).help, prefix: "  │ ")
      } else if Self.isBack(s) {
        return .back
      } else if s.isEmpty {
        let count = g.count(caseFile)
        if count < g.minimum {
          say("  " + style(text.message(.groupMinimum), .red))
        } else if let i = (0..<count).first(where: { g.incomplete(caseFile, $0) }) {
          say("  " + style(text.message(.groupIncomplete, ["n": String(i + 1)]), .red))
        } else {
          markAnswered(g.id)
          try save()
          return .forward
        }
      } else if s == "+" || AnswerWords.add.contains(s.lowercased()) {
        _ = try addEntry(g)
      } else if let n = Int(s), (1...max(1, g.count(caseFile))).contains(n), g.count(caseFile) > 0 {
        _ = try run(g.entry(n - 1), backward: false)
        try save()
      } else if s.hasPrefix("-"), let n = Int(s.dropFirst().trimmingCharacters(in: .whitespaces)),
        (1...max(1, g.count(caseFile))).contains(n), g.count(caseFile) > 0
      {
        let line = g.describe(caseFile, n - 1, text)
        let confirm = try askMeta(
          "group.remove", kind: .flag, preset: .flag(false), values: ["n": String(n), "entry": line])
        if confirm == .flag(true) {
          g.remove(&caseFile, n - 1)
          try save()
          say("  " + text.message(.groupRemoved, ["n": String(n)]))
        }
      } else {
        say("  " + style(text.message(.groupUnknown, ["value": s]), .red))
      }
    }
  }

  /// Adds an entry and asks its questions; backing out of a new entry before it has its
  /// required answers drops it again.
  func addEntry(_ g: RepeatingGroup) throws -> StepResult {
    let i = g.add(&caseFile)
    say(style(text.message(.groupEntryTitle, ["n": String(i + 1)]), .dim))
    let result = try run(g.entry(i), backward: false)
    if result == .back && g.incomplete(caseFile, i) {
      g.remove(&caseFile, i)
    }
    try save()
    return result
  }

  func showGroup(_ g: RepeatingGroup) {
    let count = g.count(caseFile)
    say(style(text.question(g.id).prompt, .bold) + (count == 0 ? text.message(.groupNone) : ""))
    for i in 0..<count {
      var line = "  \(i + 1). " + g.describe(caseFile, i, text)
      if g.incomplete(caseFile, i) { line += style(text.message(.groupIncompleteMark), .yellow) }
      say(line)
    }
    say(
      style(text.message(count == 0 ? (g.minimum > 0 ? .groupMenuFirst : .groupMenuEmpty) : .groupMenu), .dim)
    )
  }
}

/// Line wrapping for the interview's explanations.
extension DisplayWidth {
  /// Characters that may not begin a line (Chinese closing punctuation).
  static let noLineStart = Set("，。、；：？！）」』》〉】”’…—%,.;:?!)]}")
  /// Characters that may not end a line (opening brackets and quotes).
  static let noLineEnd = Set("（「『《〈【“‘([{")

  /// Splits `s` into lines of at most `columns` columns: anywhere between Chinese characters,
  /// at spaces between Latin words, never inside a Latin word or number when avoidable, and
  /// never with closing punctuation at the start of a line. Leading spaces are kept.
  static func wrap(_ s: String, to columns: Int) -> [String] {
    guard columns > 10, of(s) > columns else { return [s] }
    // Continuation lines hang under the text of a list item ("2. ", "· ") or keep the indent.
    let marker =
      s.range(of: "^\\s*(\\d+\\.|·|-|│)?\\s*", options: .regularExpression).map { String(s[$0]) } ?? ""
    let indent = String(repeating: " ", count: of(marker))
    var lines: [String] = []
    var current = ""
    var used = 0
    let chars = Array(s)
    var i = 0
    func isWordChar(_ c: Character) -> Bool {
      (c.isASCII && (c.isLetter || c.isNumber || "-_./@:%,'".contains(c))) || c == "¥"
    }
    while i < chars.count {
      // Take a Latin word (or number) whole, a Chinese character alone.
      var j = i
      // Opening brackets stay with what follows them.
      while j < chars.count - 1, noLineEnd.contains(chars[j]) { j += 1 }
      let start = j
      j += 1
      if isWordChar(chars[start]) { while j < chars.count, isWordChar(chars[j]) { j += 1 } }
      while j < chars.count, noLineStart.contains(chars[j]) { j += 1 }
      let piece = String(chars[i..<j])
      let w = of(piece)
      if used + w > columns, !current.trimmingCharacters(in: .whitespaces).isEmpty {
        lines.append(current.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
        current = indent
        used = of(indent)
        if piece == " " {
          i = j
          continue
        }
      }
      current += piece
      used += w
      i = j
    }
    if !current.trimmingCharacters(in: .whitespaces).isEmpty { lines.append(current) }
    return lines
  }

}
