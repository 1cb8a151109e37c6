import Foundation
import RedressCore

/// The interview from the first question to the documents: `redress new` (offering to resume
/// an unfinished draft) and `redress edit` (reopening a section of a stored case). Returns the
/// exit code: 0 done (or saved and left at the review), 1 stopped after a blocking finding,
/// 130 after Ctrl-C or Ctrl-D, 129 after a hang-up, 143 after SIGTERM.
package final class InterviewSession {
  let context: InterviewContext
  let producer: DocumentProducer
  let language: InterfaceLanguage
  private(set) var runner: InterviewRunner?
  private var editing = false
  private var rulesFailed = false
  private var rulesFailure = ""

  var text: InterviewText { context.text }

  package init(context: InterviewContext, producer: DocumentProducer, language: InterfaceLanguage) {
    self.context = context
    self.producer = producer
    self.language = language
  }

  private func say(_ line: String = "") { context.terminal.write(line + "\n") }
  private func style(_ s: String, _ st: TerminalStyle) -> String {
    context.terminal.usesColor ? st.apply(s) : s
  }

  // MARK: Entry points

  package func runNew() throws -> Int32 {
    say(style(text.message(.welcomeTitle), .bold))
    say(text.message(.welcome))
    do {
      let drafts = try context.drafts.drafts()
      var resumed: DraftRecord?
      if !drafts.isEmpty { resumed = try offerResume(drafts) }
      let runner: InterviewRunner
      if let record = resumed, let id = record.caseFile.id {
        let progress = record.progress ?? InterviewProgress(section: InterviewFlow.interviewSectionIDs[0])
        runner = InterviewRunner(
          caseFile: record.caseFile, progress: progress, context: context, saveAsDraft: true)
        runner.fastForward = true
        runner.saved = true
        say(text.message(.resuming, ["id": id]))
      } else {
        var caseFile = CaseFile()
        caseFile.id = try newCaseID()
        caseFile.jurisdiction = "cn"
        runner = InterviewRunner(
          caseFile: caseFile, progress: InterviewProgress(section: InterviewFlow.interviewSectionIDs[0]),
          context: context, saveAsDraft: true)
      }
      self.runner = runner
      runner.onAnswered = { [unowned self] key in try self.afterAnswer(key) }
      runner.showLegalBases = { [unowned self] in self.legalBases() }
      let start = InterviewFlow.interviewSectionIDs.firstIndex(of: runner.progress.section)
      if let start { try runSections(from: start) }
      return try reviewAndFinish()
    } catch let exit as InterviewExit {
      return ended(by: exit)
    }
  }

  package func runEdit(_ record: DraftRecord, section: String?) throws -> Int32 {
    editing = true
    let runner = InterviewRunner(
      caseFile: record.caseFile, progress: record.progress ?? InterviewProgress(section: "review"),
      context: context, saveAsDraft: record.isDraft)
    runner.saved = true
    self.runner = runner
    runner.onAnswered = { [unowned self] key in try self.afterAnswer(key) }
    runner.showLegalBases = { [unowned self] in self.legalBases() }
    do {
      if let section {
        let index = InterviewFlow.interviewSectionIDs.firstIndex(of: section)
        header(section, number: index.map { $0 + 1 })
        if try runner.run(InterviewFlow.steps(of: section), backward: false) == .forward, let index {
          try afterSection(index)
        }
      }
      return try reviewAndFinish()
    } catch let exit as InterviewExit {
      return ended(by: exit)
    }
  }

  /// `case-YYYYMMDD-N` (the store's own form), the first N not yet used in the store.
  func newCaseID() throws -> String {
    let day = context.today.iso.replacingOccurrences(of: "-", with: "")
    var n = 1
    while try context.drafts.contains(id: "case-\(day)-\(n)") { n += 1 }
    return "case-\(day)-\(n)"
  }

  // MARK: Resuming

  func offerResume(_ drafts: [DraftRecord]) throws -> DraftRecord? {
    let shown = Array(drafts.prefix(9))
    var labels: [String: String] = [:]
    var words: [String] = []
    for record in shown {
      guard let id = record.caseFile.id else { continue }
      words.append(id)
      labels[id] = describe(record)
    }
    words.append("new")
    labels["new"] = text.message(.resumeNew)
    let holder = InterviewRunner(
      caseFile: CaseFile(), progress: InterviewProgress(section: ""), context: context, saveAsDraft: true)
    let answer = try holder.askMeta(
      "resume", kind: .choice(words), preset: .word(words[0]), values: ["count": String(shown.count)],
      labels: labels)
    guard case .word(let id)? = answer, id != "new" else { return nil }
    return shown.first { $0.caseFile.id == id }
  }

  func describe(_ record: DraftRecord) -> String {
    let c = record.caseFile
    var parts = [c.id ?? "?"]
    let who = [c.complainant?.name, c.respondent?.name].compactMap { $0 }
    if !who.isEmpty { parts.append(who.joined(separator: " → ")) }
    if let section = record.progress?.section {
      let n =
        InterviewFlow.interviewSectionIDs.firstIndex(of: section).map { "\($0 + 1)/\(sectionCount) " } ?? ""
      parts.append(text.message(.resumeStoppedAt, ["section": n + text.sectionTitle(section)]))
    }
    if let at = record.savedAt {
      parts.append(text.message(.resumeSavedAt, ["time": context.formatTime(at)]))
    }
    return parts.joined(separator: " · ")
  }

  // MARK: Sections

  var sectionCount: Int { InterviewFlow.interviewSectionIDs.count + 1 }

  func header(_ id: String, number: Int?) {
    let progress = number.map { "\($0)/\(sectionCount) " } ?? ""
    let title = "── \(progress)\(text.sectionTitle(id)) "
    let width = min(context.terminal.width, 72)
    say()
    say(style(title + String(repeating: "─", count: max(3, width - DisplayWidth.of(title))), .blue))
    if let intro = text.sections[id]?.intro, !(runner?.fastForward ?? false) {
      runner?.block(intro, prefix: "", .dim)
    }
  }

  /// Walks the sections from `start`; `<` at a section's first question goes to the end of
  /// the one before.
  func runSections(from start: Int) throws {
    guard let runner else { return }
    let ids = InterviewFlow.interviewSectionIDs
    var i = start
    var backward = false
    while i < ids.count {
      runner.progress.section = ids[i]
      header(ids[i], number: i + 1)
      if try runner.run(InterviewFlow.steps(of: ids[i]), backward: backward) == .back {
        if i == 0 {
          say(style(text.message(.atStart), .dim))
          backward = false
        } else {
          i -= 1
          backward = true
        }
        continue
      }
      try afterSection(i)
      i += 1
      backward = false
    }
    runner.fastForward = false
  }

  // MARK: Admissibility

  func findings() -> [Finding] {
    guard let runner else { return [] }
    do {
      return try context.checker.findings(for: runner.caseFile, today: context.today)
    } catch {
      if !rulesFailed {
        rulesFailed = true
        rulesFailure = "\(error)"
        say("  " + style(text.message(.rulesUnavailable, ["reason": rulesFailure]), .yellow))
      }
      return []
    }
  }

  /// After an answer: a blocking finding about the field just answered is said at once
  /// (lost property: the police), not only at the end of the section.
  func afterAnswer(_ key: String) throws {
    try announceBlocks { finding in (finding.fields.contains(key), nil) }
  }

  /// After a section: findings that block the complaint and concern what has been answered
  /// so far are said plainly, once each, with the better route.
  func afterSection(_ index: Int) throws {
    let done = Set(InterviewFlow.interviewSectionIDs.prefix(index + 1))
    try announceBlocks { finding in
      let relevant = finding.fields.filter {
        InterviewFlow.sectionID(forField: $0).map(done.contains) ?? false
      }
      let missing = finding.rule.hasSuffix(".missing-contents")
      return (finding.fields.isEmpty || !relevant.isEmpty, missing ? relevant : nil)
    }
  }

  /// Shows each blocking finding that `select` picks and that was not shown before, then lets
  /// the person go on or stop (the draft is saved either way).
  func announceBlocks(_ select: (Finding) -> (show: Bool, onlyFields: [String]?)) throws {
    guard let runner else { return }
    var shown = false
    for finding in findings() where finding.severity == .block {
      let (show, only) = select(finding)
      let key = finding.rule + "|" + (only ?? finding.fields).joined(separator: ",")
      guard show, !runner.announced.contains(key) else { continue }
      runner.announced.insert(key)
      if !shown { say() }
      shown = true
      self.show(finding, only: only)
    }
    guard shown else { return }
    let answer = try runner.askMeta("admissibility.continue", kind: .flag, preset: .flag(true))
    if answer == .flag(false) { throw InterviewExit.stopped }
  }

  /// The advice findings (legal bases and routes that apply), before the claims.
  func legalBases() {
    let advice = findings().filter { $0.severity == .info }
    guard !advice.isEmpty else { return }
    say(style(text.message(.legalBasesTitle), .bold))
    for finding in advice { show(finding) }
  }

  /// A rule's advice may name case fields (`damage.caused_by_misuse`), which mean nothing to
  /// someone answering questions: each becomes the question's short name, in quotes.
  func namingFields(_ advice: String) -> String {
    let pattern = try! NSRegularExpression(pattern: "\\b[a-z_]+(\\.[a-z_]+|\\[[0-9]+\\])+\\b")
    var out = advice
    for match in pattern.matches(in: advice, range: NSRange(advice.startIndex..., in: advice)).reversed() {
      guard let range = Range(match.range, in: advice) else { continue }
      let path = String(advice[range])
      let label = fieldLabel(path)
      guard label != path else { continue }
      // Between Chinese words the spaces around a field name go with it.
      var lower = range.lowerBound
      var upper = range.upperBound
      if language != .en {
        if lower > advice.startIndex, advice[advice.index(before: lower)] == " " {
          lower = advice.index(before: lower)
        }
        if upper < advice.endIndex, advice[upper] == " " { upper = advice.index(after: upper) }
      }
      out.replaceSubrange(lower..<upper, with: text.message(.quoted, ["text": label]))
    }
    return out
  }

  /// The label of a case field path (`purchase.items[0].name` → 商品名称).
  func fieldLabel(_ path: String) -> String {
    let id = path.replacingOccurrences(of: "\\[[0-9]+\\]", with: "", options: .regularExpression)
    return text.questions[id] != nil ? text.label(id) : path
  }

  var findingLanguage: String { language == .en ? "en" : "zh-Hans" }

  func show(_ finding: Finding, only fields: [String]? = nil) {
    let lang = findingLanguage
    let (mark, color): (String, TerminalStyle) =
      switch finding.severity {
      case .block: ("✗ " + text.message(.findingBlock), .red)
      case .warn: ("! " + text.message(.findingWarn), .yellow)
      case .info: ("i " + text.message(.findingInfo), .cyan)
      }
    let message: String
    if let fields {
      message = text.message(.missingFields, ["fields": fields.map(fieldLabel).joined(separator: "、")])
    } else {
      message = finding.message(in: lang)
    }
    // The message wraps under itself, right of the mark.
    let markWidth = DisplayWidth.of(mark)
    let lines = DisplayWidth.wrap(message, to: min(context.terminal.width, 100) - 3 - markWidth)
    for (i, line) in lines.enumerated() {
      say("  " + (i == 0 ? style(mark, color) : String(repeating: " ", count: markWidth)) + line)
    }
    if let advice = finding.advice(in: lang) {
      runner?.block(text.message(.findingAdvice, ["advice": namingFields(advice)]), prefix: "      ")
    }
    if !finding.citations.isEmpty {
      let basis = context.legalBases(finding.citations, language)
      runner?.block(text.message(.findingBasis, ["basis": basis]), prefix: "      ", .dim)
    }
  }

  // MARK: Review and the end

  func reviewAndFinish() throws -> Int32 {
    guard let runner else { return 2 }
    while true {
      runner.progress.section = "review"
      if runner.saved { try runner.save() }
      header("review", number: sectionCount)
      showSummary()
      let all = findings()
      let blocking = all.contains { $0.severity == .block }
      say()
      if rulesFailed {
        say("  " + style(text.message(.rulesUnavailable, ["reason": rulesFailure]), .yellow))
      } else if all.isEmpty {
        say("  " + style(text.message(.noFindings), .green))
      } else {
        say(style(text.message(.findingsTitle), .bold))
        if !all.contains(where: { $0.severity != .info }) {
          say("  " + style(text.message(.noFindings), .green))
        }
        // What stops or weakens the complaint in full; the advice by its title (it was shown
        // in full before the claims).
        for finding in all.sorted(by: { $0.severity < $1.severity }) {
          if finding.severity == .info {
            say("  " + style("i " + text.message(.findingInfo), .cyan) + finding.summary(in: findingLanguage))
          } else {
            show(finding)
          }
        }
      }
      say()
      say(style(text.message(editing ? .reviewActionsEdit : .reviewActions), .dim))
      let s = AnswerParser.normalize(try runner.read())
      let ids = InterviewFlow.interviewSectionIDs
      if InterviewRunner.isHelp(s) {
        runner.block(text.message(.reviewHelp), prefix: "  │ ")
      } else if s.isEmpty {
        if blocking {
          let go = try runner.askMeta("review.generate_anyway", kind: .flag, preset: .flag(false))
          if go != .flag(true) { continue }
        }
        if let code = try finish() { return code }
      } else if AnswerWords.quit.contains(s.lowercased()) {
        throw InterviewExit.quit
      } else if InterviewRunner.isBack(s) {
        try editSection(ids.count - 1, backward: true)
      } else if let n = Int(s), (1...ids.count).contains(n) {
        try editSection(n - 1, backward: false)
      } else if s.lowercased() == "f" || Int(s) == ids.count + 1 {
        header("filing", number: nil)
        _ = try runner.run(InterviewFlow.filing, backward: false)
      } else {
        say("  " + style(text.message(.reviewUnknown, ["value": s]), .red))
      }
    }
  }

  func editSection(_ index: Int, backward: Bool) throws {
    guard let runner else { return }
    let id = InterviewFlow.interviewSectionIDs[index]
    runner.progress.section = id
    header(id, number: index + 1)
    if try runner.run(InterviewFlow.steps(of: id), backward: backward) == .forward {
      try afterSection(index)
    }
  }

  /// One line per section, numbered as the review accepts them.
  func showSummary() {
    guard let runner else { return }
    let c = runner.caseFile
    let width = min(context.terminal.width, 100)
    let lines = InterviewSummary(text: text).lines(for: c)
    let titleWidth = lines.map { DisplayWidth.of($0.title) }.max() ?? 0
    for (n, line) in lines.enumerated() {
      let pad = String(repeating: " ", count: titleWidth - DisplayWidth.of(line.title))
      let prefix = String(format: "%2d ", n + 1) + line.title + pad + "  "
      say(
        " " + prefix
          + DisplayWidth.truncate(
            line.text.replacingOccurrences(of: "\n", with: " "),
            to: max(20, width - DisplayWidth.of(prefix) - 2)))
    }
    if let f = c.filing, f.filedOn != nil || f.reference != nil {
      let summary = [f.filedOn?.iso, f.reference].compactMap { $0 }.joined(separator: " · ")
      say(String(format: " %2d ", lines.count + 1) + text.sectionTitle("filing") + "  " + summary)
    }
  }

  /// Asks for the folder, writes the documents, stores the case as finished and prints the
  /// next steps. Nil to go back to the review.
  func finish() throws -> Int32? {
    guard let runner, let id = runner.caseFile.id else { return 2 }
    let suggested = context.currentDirectory.appendingPathComponent(
      text.message(.outputFolderName, ["id": id]))
    guard
      case .text(let typed)? = try runner.askMeta(
        "output.folder", kind: .text(multiline: false), preset: .text(display(suggested)))
    else { return nil }
    let folder: URL
    switch EvidencePath.parse(typed, home: context.home, currentDirectory: context.currentDirectory) {
    case .success(let url): folder = url
    case .failure: folder = suggested
    }
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
      runner.problem(AnswerProblem(.outputNotFolder, ["path": folder.path]))
      return nil
    }
    let documents: [ProducedDocument]
    do {
      // The case as stored, so that its evidence is read from the store's copies.
      try runner.save()
      say(style(text.message(.generating), .dim))
      guard let loaded = try context.drafts.loadedCase(id: id) else {
        throw UserError("case \(id) is not stored")
      }
      documents = try producer.produce(
        for: loaded, findings: findings(), amounts: context.checker.claimAmounts(for: loaded.caseFile),
        today: context.today, into: folder)
    } catch {
      runner.problem(AnswerProblem(.documentsFailed, ["reason": "\(error)"]))
      return nil
    }
    runner.saveAsDraft = false
    runner.progress.section = "done"
    do {
      try context.drafts.save(runner.caseFile, progress: nil, draft: false)
    } catch {
      throw UserError(text.message(.saveFailed, ["reason": "\(error)"]), exitCode: 3)
    }
    say()
    say(style(text.message(.doneTitle, ["id": id]), .green))
    say(text.message(.doneFolder, ["folder": display(folder)]))
    let names = documents.map { display($0.url, relativeTo: folder) }
    let widest = names.map(DisplayWidth.of).max() ?? 0
    for (name, doc) in zip(names, documents) {
      say("  " + DisplayWidth.pad(name, to: widest) + "  " + style(doc.label, .dim))
    }
    say()
    say(style(text.message(.nextStepsTitle), .bold))
    if let filed = runner.caseFile.filing?.filedOn {
      runner.block(text.message(.alreadyFiled, ["id": id, "date": filed.iso]), prefix: "")
      return 0
    }
    let venue = runner.caseFile.effectiveVenue.rawValue
    let evidence = runner.caseFile.evidence.map { e in
      "    \(e.id ?? "") \(e.title ?? "")" + (e.kind == .powerOfAttorney ? text.message(.toSign) : "")
    }.joined(separator: "\n")
    let steps = InterviewText.fill(
      text.nextSteps[venue] ?? "",
      [
        "id": id, "folder": display(folder), "today": context.today.iso,
        "evidence": evidence.isEmpty ? "    " + text.message(.noEvidence) : evidence,
        "agent": runner.caseFile.agent == nil ? "" : text.message(.nextStepsAgent),
      ])
    // A placeholder left empty (no agent) leaves no blank line behind.
    let kept = steps.components(separatedBy: "\n").filter { !$0.allSatisfy(\.isWhitespace) || $0.isEmpty }
    runner.block(kept.joined(separator: "\n"), prefix: "")
    return 0
  }

  func display(_ url: URL, relativeTo base: URL? = nil) -> String {
    let path = url.path
    if let base, path.hasPrefix(base.path + "/") { return String(path.dropFirst(base.path.count + 1)) }
    let cwd = context.currentDirectory.path
    if path.hasPrefix(cwd + "/") { return "./" + path.dropFirst(cwd.count + 1) }
    if let home = context.home, path.hasPrefix(home + "/") { return "~/" + path.dropFirst(home.count + 1) }
    return path
  }

  // MARK: Leaving early

  func ended(by exit: InterviewExit) -> Int32 {
    let id = runner?.caseFile.id ?? ""
    let saved = runner?.saved ?? false
    let hint = text.message(editing ? .resumeHintEdit : .resumeHintNew, ["id": id])
    switch exit {
    case .endOfInput, .signal:
      say()
      say(
        saved ? text.message(.interruptedSaved, ["id": id]) + "\n" + hint : text.message(.interruptedNothing))
      if case .signal(let s) = exit { return s == SIGHUP ? 129 : s == SIGTERM ? 143 : 130 }
      return 130
    case .stopped:
      say(text.message(.stoppedSaved, ["id": id]) + "\n" + hint)
      return 1
    case .quit:
      say(text.message(.quitSaved, ["id": id]) + "\n" + hint)
      return 0
    }
  }
}
