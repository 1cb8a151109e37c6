import RedressCore

/// The wording of `import`, `list`, `file`, `log`, `verify CASE` and `export --yaml`; the texts
/// are in `templates/words/<language>/store.yaml`.
extension CommandWords {
  /// Items of a list written inside a sentence, joined as the language joins them.
  private func listed(_ items: [String]) -> String {
    items.joined(separator: language.phrase("store.list-separator"))
  }

  // MARK: import

  func noSuchFile(_ file: String) -> String {
    language.phrase("store.no-such-file", ["file": file])
  }

  func importFolder(_ file: String) -> String {
    language.phrase("store.import-folder", ["file": file])
  }

  /// `imported washer-2026 from washer.yaml: 2 evidence files (1.9 KiB)`, and for a draft how
  /// many problems it has.
  func imported(
    _ id: String, from file: String, replaced: Bool, evidenceFiles n: Int, size: String?, draftProblems: Int?
  ) -> String {
    let values = ["id": id, "file": file]
    var text =
      replaced
      ? language.phrase("store.replaced", count: n, values)
      : language.phrase("store.imported", count: n, values)
    if let size { text += language.phrase("store.imported-size", ["size": size]) }
    if let draftProblems { text += language.phrase("store.imported-draft", count: draftProblems, ["id": id]) }
    return text
  }

  func notImported(_ file: String) -> String {
    language.phrase("store.not-imported", ["file": file])
  }

  func alreadyStored(_ id: String) -> String {
    language.phrase("store.already-stored", ["id": id])
  }

  func importSummary(imported: Int, failed: Int) -> String {
    language.phrase("store.import-summary", count: imported)
      + (failed > 0 ? language.phrase("store.import-summary-failed", count: failed) : "")
  }

  func copying(_ file: String, percent: Int) -> String {
    language.phrase("store.copying", ["file": file, "percent": String(percent)])
  }

  // MARK: list

  var noStoredCases: String { language.phrase("store.no-stored-cases") }

  var listHeader: [String] {
    [
      language.phrase("store.list-header.case"), language.phrase("store.list-header.stage"),
      language.phrase("store.list-header.complainant"), language.phrase("store.list-header.respondent"),
      language.phrase("store.list-header.evidence"), language.phrase("store.list-header.updated"),
    ]
  }

  // MARK: file

  func fileOnAfterToday(_ on: CalendarDate, today: CalendarDate) -> String {
    afterToday("--on", on, today: today) + language.phrase("store.file-on-after-today")
  }

  func acceptedAfterToday(_ accepted: CalendarDate, today: CalendarDate) -> String {
    afterToday("--accepted-on", accepted, today: today)
  }

  func acceptedBeforeFiling(_ accepted: CalendarDate, on: CalendarDate) -> String {
    beforeFiling("--accepted-on", accepted, filed: on, field: nil)
      + language.phrase("store.accepted-before-filing")
  }

  var referenceOneLine: String { language.phrase("store.reference-one-line") }

  func filedBeforePurchase(_ on: CalendarDate, bought: CalendarDate) -> String {
    language.phrase("store.filed-before-purchase", ["on": on.iso, "bought": bought.iso])
  }

  func acceptedBeforeNewFiling(_ accepted: CalendarDate, on: CalendarDate) -> String {
    language.phrase("store.accepted-before-new-filing", ["accepted": accepted.iso, "on": on.iso])
  }

  func eventBeforeNewFiling(_ kind: FilingEventKind?, on when: CalendarDate, filing on: CalendarDate)
    -> String
  {
    let values = ["when": when.iso, "on": on.iso]
    guard let kind else { return language.phrase("store.event-before-new-filing-unnamed", values) }
    return language.phrase(
      "store.event-before-new-filing", values.merging(["kind": eventKind(kind)]) { a, _ in a })
  }

  /// `washer-2026: filed on 2026-10-10 (was 2026-10-09), accepted on …, reference …`.
  func filed(
    _ id: String, on: CalendarDate, previous: CalendarDate?, accepted: CalendarDate?, reference: String?
  ) -> String {
    var text = language.phrase("store.filed", ["id": id, "on": on.iso])
    if let previous { text += language.phrase("store.filed-was", ["was": previous.iso]) }
    if let accepted { text += language.phrase("store.filed-accepted", ["accepted": accepted.iso]) }
    if let reference { text += language.phrase("store.filed-reference", ["reference": reference]) }
    return text
  }

  var fileNext: String { language.phrase("store.file-next") }

  // MARK: log

  func badEventKind(_ kind: String) -> String {
    language.phrase("store.bad-event-kind", ["allowed": listed(FilingEventKind.allowedWords), "kind": kind])
  }

  func logAfterToday(_ on: CalendarDate, today: CalendarDate) -> String {
    afterToday("--on", on, today: today) + language.phrase("store.log-after-today")
  }

  func withdrawnFiledAgain(_ id: String, on: CalendarDate?) -> String {
    guard let on else { return language.phrase("store.withdrawn-filed-again-undated", ["id": id]) }
    return language.phrase("store.withdrawn-filed-again", ["id": id, "day": on.iso])
  }

  func notFiledYet(_ id: String) -> String {
    language.phrase("store.not-filed-yet", ["id": id])
  }

  /// English names the kind as the option takes it (`follow-up`), Chinese by its name.
  func logged(_ id: String, _ kind: FilingEventKind, on: CalendarDate) -> String {
    language.phrase(
      "store.logged", ["id": id, "kind": isEnglish ? kind.rawValue : eventKind(kind), "on": on.iso])
  }

  // MARK: verify CASE

  /// The mark in front of each file `verify` checks.
  enum Mark {
    case ok, changed, missing, unexpected, unreadable
  }

  func mark(_ m: Mark) -> String {
    switch m {
    case .ok: return language.phrase("store.mark.ok")
    case .changed: return language.phrase("store.mark.changed")
    case .missing: return language.phrase("store.mark.missing")
    case .unexpected: return language.phrase("store.mark.unexpected")
    case .unreadable: return language.phrase("store.mark.unreadable")
    }
  }

  func noBundleOrStoredCase(_ reference: String) -> String {
    language.phrase("store.no-bundle-or-stored-case", ["reference": reference])
  }

  /// After the label of an evidence file whose stored copy changed: its recorded SHA-256 and
  /// where the copy is.
  func storedCopyChanged(recorded: String?, at path: String?) -> String {
    guard let recorded, let path else { return language.phrase("store.stored-copy-changed") }
    return language.phrase("store.stored-copy-changed-at", ["path": path, "recorded": recorded])
  }

  func storedCopyGone(_ path: String) -> String {
    language.phrase("store.stored-copy-gone", ["path": path])
  }

  var neverCopied: String { language.phrase("store.never-copied") }

  func storedCopyUnreadable(_ path: String?) -> String {
    language.phrase("store.stored-copy-unreadable")
      + (path.map { language.phrase("store.stored-copy-unreadable-at", ["path": $0]) } ?? "")
  }

  func evidenceVerified(_ id: String, files n: Int) -> String {
    language.phrase("store.evidence-verified", count: n, ["id": id])
  }

  func evidenceBad(_ id: String, bad: Int, of n: Int) -> String {
    language.phrase("store.evidence-bad", count: n, ["id": id, "bad": String(bad)])
  }

  // MARK: export --yaml

  func cannotCreateFolder(in parent: String, _ reason: String) -> String {
    language.phrase("store.cannot-create-folder", ["parent": parent, "reason": reason])
  }

  func evidenceLeavesFolder(_ file: String) -> String {
    language.phrase("store.evidence-leaves-folder", ["file": file])
  }

  func storedCopyMissing(_ file: String, caseName: String) -> String {
    language.phrase("store.stored-copy-missing", ["file": file, "case": caseName])
  }

  func storedCopyChangedSinceImport(_ file: String, actual: String, expected: String, caseName: String)
    -> String
  {
    language.phrase(
      "store.stored-copy-changed-since-import",
      ["file": file, "actual": actual, "expected": expected, "case": caseName])
  }

  func exportTargetAppeared(_ target: String) -> String {
    language.phrase("store.export-target-appeared", ["target": target])
  }

  func cannotMoveExport(into target: String, _ reason: String) -> String {
    language.phrase("store.cannot-move-export", ["target": target, "reason": reason])
  }

  func exported(_ name: String, to target: String, caseFile: String, evidenceFiles n: Int) -> String {
    language.phrase("store.exported", count: n, ["name": name, "target": target, "case-file": caseFile])
  }

  func exportTargetNotAFolder(_ target: String) -> String {
    language.phrase("store.export-target-not-a-folder", ["target": target])
  }

  func exportTargetNotEmpty(_ target: String) -> String {
    language.phrase("store.export-target-not-empty", ["target": target])
  }
}
