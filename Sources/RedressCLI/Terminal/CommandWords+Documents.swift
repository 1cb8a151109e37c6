import RedressCore
import RedressDocuments
import RedressMail

/// The wording of `validate`, `letter`, `bundle`, `followup`, `verify FILE.zip` and
/// `export --eml`, and the documents, bundle and mail modules' errors in the interface language
/// (their `description` stays the modules' own English); the texts are in
/// `templates/words/<language>/document-commands.yaml`.
extension CommandWords {
  // MARK: validate

  func valid(_ reference: String) -> String {
    language.phrase("document-commands.valid", ["reference": reference])
  }

  func validationSummary(_ reference: String, errors: Int, warnings: Int) -> String {
    language.phrase(
      "document-commands.validation-summary",
      [
        "reference": reference, "errors": language.phrase("document-commands.errors", count: errors),
        "warnings": language.phrase("document-commands.warnings", count: warnings),
      ])
  }

  // MARK: letter, bundle, followup

  func unknownDocumentLanguage(_ text: String, allowed: [String]) -> String {
    language.phrase(
      "document-commands.unknown-document-language",
      ["text": text, "allowed": allowed.joined(separator: ", ")])
  }

  func noTemplates(_ asked: String, using used: String) -> String {
    language.phrase("document-commands.no-templates", ["asked": asked, "used": used])
  }

  func lacksRequired(_ fields: [String], reference: String) -> String {
    language.phrase(
      "document-commands.lacks-required", ["fields": fields.joined(separator: ", "), "reference": reference])
  }

  var wouldBeRefused: String { language.phrase("document-commands.would-be-refused") }

  func noRulePack(_ jurisdiction: String) -> String {
    language.phrase("document-commands.no-rule-pack", ["jurisdiction": jurisdiction])
  }

  func notForTerminal(_ format: String) -> String {
    language.phrase("document-commands.not-for-terminal", ["format": format])
  }

  func isAFolderNotAFile(_ path: String) -> String {
    language.phrase("document-commands.is-a-folder-not-a-file", ["path": path])
  }

  func cannotWrite(_ path: String, _ reason: String) -> String {
    language.phrase("document-commands.cannot-write", ["path": path, "reason": reason])
  }

  /// Standard error after `bundle` printed the zip's name.
  func bundleWritten(files: Int, evidence: Int) -> String {
    language.phrase(
      "document-commands.bundle-written", ["files": String(files), "evidence": String(evidence)])
  }

  func noResponseWindows(_ jurisdiction: String) -> String {
    language.phrase("document-commands.no-response-windows", ["jurisdiction": jurisdiction])
  }

  func notFiledNothingToFollowUp(_ reference: String) -> String {
    language.phrase("document-commands.not-filed-nothing-to-follow-up", ["reference": reference])
  }

  func noRunningWindow(_ reference: String) -> String {
    language.phrase("document-commands.no-running-window", ["reference": reference])
  }

  /// `closedBy` is `FollowUpPlan.closedBy`: what closed the window and when (`response 2026-10-20`);
  /// the closer is named in the interface language.
  func windowClosed(_ closedBy: String) -> String {
    var shown = closedBy
    if let space = closedBy.firstIndex(of: " "),
      let closer = ClockCloser(rawValue: String(closedBy[..<space]))
    {
      shown = closerName(closer) + closedBy[space...]
    }
    return language.phrase("document-commands.window-closed", ["closed-by": shown])
  }

  private func closerName(_ closer: ClockCloser) -> String {
    switch closer {
    case .response: return language.phrase("document-commands.closer.response")
    case .closed: return language.phrase("document-commands.closer.closed")
    case .accepted: return language.phrase("document-commands.closer.accepted")
    case .mediation: return language.phrase("document-commands.closer.mediation")
    case .refused: return language.phrase("document-commands.closer.refused")
    case .withdrawn: return language.phrase("document-commands.closer.withdrawn")
    }
  }

  func windowNotPassed(_ written: String, _ due: CalendarDate) -> String {
    language.phrase("document-commands.window-not-passed", ["written": written, "due": due.iso])
  }

  // MARK: verify FILE.zip

  func noBundle(_ name: String) -> String {
    language.phrase("document-commands.no-bundle", ["name": name])
  }

  func bundleIsAFolder(_ name: String) -> String {
    language.phrase("document-commands.bundle-is-a-folder", ["name": name])
  }

  func notAZip(_ name: String) -> String {
    language.phrase("document-commands.not-a-zip", ["name": name])
  }

  func mark(_ status: BundleVerifier.Check.Status) -> Mark? {
    switch status {
    case .ok: return .ok
    case .changed: return .changed
    case .missing: return .missing
    case .unexpected: return .unexpected
    case .unreadable: return .unreadable
    case .unsafe: return nil
    }
  }

  func nameProblem(_ p: BundleVerifier.NameProblem) -> String {
    switch p {
    case .empty: return language.phrase("document-commands.name-problem.empty")
    case .absolute: return language.phrase("document-commands.name-problem.absolute")
    case .backslash: return language.phrase("document-commands.name-problem.backslash")
    case .controlCharacter: return language.phrase("document-commands.name-problem.control-character")
    case .parentComponent: return language.phrase("document-commands.name-problem.parent-component")
    case .driveLetter: return language.phrase("document-commands.name-problem.drive-letter")
    case .emptyComponent: return language.phrase("document-commands.name-problem.empty-component")
    }
  }

  /// The values every bundle text may name: the two list files.
  private var lists: [String: String] {
    ["manifest": BundleManifest.fileName, "sums": BundleManifest.sumsFileName]
  }

  private func with(_ values: [String: String]) -> [String: String] {
    lists.merging(values) { _, given in given }
  }

  func reason(_ r: BundleVerifier.Check.Reason) -> String {
    switch r {
    case .unsafeName(let p):
      return language.phrase("document-commands.reason.unsafe-name", with(["problem": nameProblem(p)]))
    case .symbolicLink: return language.phrase("document-commands.reason.symbolic-link")
    case .duplicateName: return language.phrase("document-commands.reason.duplicate-name")
    case .unsafeListedName(let p):
      return language.phrase("document-commands.reason.unsafe-listed-name", with(["problem": nameProblem(p)]))
    case .manifestDigest(let actual, let listed):
      return language.phrase(
        "document-commands.reason.manifest-digest", with(["actual": actual, "listed": listed]))
    case .notInZip: return language.phrase("document-commands.reason.not-in-zip", lists)
    case .longer(let listed):
      return language.phrase("document-commands.reason.longer", with(["listed": "\(listed)"]))
    case .unreadable(let error):
      return language.phrase("document-commands.reason.unreadable", ["error": "\(error)"])
    case .size(let actual, let listed):
      return language.phrase(
        "document-commands.reason.size", with(["actual": "\(actual)", "listed": "\(listed)"]))
    case .digest(let actual, let listed):
      return language.phrase("document-commands.reason.digest", with(["actual": actual, "listed": listed]))
    case .notInManifest: return language.phrase("document-commands.reason.not-in-manifest", lists)
    }
  }

  func problem(_ p: BundleVerifier.Problem) -> String {
    switch p {
    case .manifestMissing: return language.phrase("document-commands.problem.manifest-missing", lists)
    case .manifestUnreadable: return language.phrase("document-commands.problem.manifest-unreadable", lists)
    case .malformedSumsLine(let line):
      return language.phrase("document-commands.problem.malformed-sums-line", with(["line": line]))
    case .sumsOmitManifest: return language.phrase("document-commands.problem.sums-omit-manifest", lists)
    case .sumsMissing: return language.phrase("document-commands.problem.sums-missing", lists)
    case .listsDisagree(let name):
      return language.phrase("document-commands.problem.lists-disagree", with(["name": name]))
    case .sumsOmit(let name):
      return language.phrase("document-commands.problem.sums-omit", with(["name": name]))
    }
  }

  func bundleIntact(_ name: String, members: Int) -> String {
    language.phrase("document-commands.bundle-intact", ["name": name, "members": String(members)])
  }

  func bundleDamaged(_ name: String, bad: Int, of total: Int, listsDamaged: Bool) -> String {
    language.phrase(
      "document-commands.bundle-damaged", ["name": name, "bad": String(bad), "total": String(total)])
      + (listsDamaged ? language.phrase("document-commands.bundle-lists-damaged") : "")
  }

  // MARK: export --eml

  func caseHasErrors(_ reference: String, errors n: Int) -> String {
    language.phrase("document-commands.case-has-errors", count: n, ["reference": reference])
  }

  func complainantEmail(_ problem: String) -> String {
    language.phrase("document-commands.complainant-email", ["problem": problem])
  }

  func splitFiling(limit: String, messages n: Int) -> String {
    language.phrase("document-commands.split-filing", count: n, ["limit": limit])
  }

  /// After a message file's path: its size and how many attachments it carries.
  func messageSize(_ size: String, attachments n: Int) -> String {
    language.phrase("document-commands.message-size", count: n, ["size": size])
  }

  var noRecipient: String { language.phrase("document-commands.no-recipient") }

  var emlNext: [String] {
    [
      language.phrase("document-commands.eml-next.open"),
      language.phrase("document-commands.eml-next.clients"),
    ]
  }

  func recordFiling(_ reference: String) -> String {
    language.phrase("document-commands.record-filing", ["reference": reference])
  }

  func addressProblem(_ p: MailError.AddressProblem) -> String {
    switch p {
    case .controlCharacter: return language.phrase("document-commands.address-problem.control-character")
    case .empty: return language.phrase("document-commands.address-problem.empty")
    case .malformed: return language.phrase("document-commands.address-problem.malformed")
    }
  }

  func sizeProblem(_ p: MailError.SizeProblem) -> String {
    switch p {
    case .noNumber: return language.phrase("document-commands.size-problem.no-number")
    case .notANumber(let number):
      return language.phrase("document-commands.size-problem.not-a-number", ["number": number])
    case .unknownUnit(let unit):
      return language.phrase("document-commands.size-problem.unknown-unit", ["unit": unit])
    case .tooLarge: return language.phrase("document-commands.size-problem.too-large")
    case .tooSmall:
      return language.phrase(
        "document-commands.size-problem.too-small",
        ["least": ByteSize.describe(ByteSize.smallestMessageLimit)])
    case .overMailLimit: return language.phrase("document-commands.size-problem.over-mail-limit")
    }
  }

  /// A mail error in the interface language; what the system said when a file could not be read
  /// or written is quoted as it is.
  func mailError(_ error: MailError) -> String {
    switch error {
    case .invalidAddress(let address, let reason):
      return language.phrase(
        "document-commands.mail-error.invalid-address",
        ["address": MailError.printable(address), "reason": addressProblem(reason)])
    case .invalidSize(let text, let problem):
      return language.phrase(
        "document-commands.mail-error.invalid-size",
        ["text": MailError.printable(text), "reason": sizeProblem(problem)])
    case .attachmentTooLarge(let name, let fileSize, let messageSize, let limit):
      return language.phrase(
        "document-commands.mail-error.attachment-too-large",
        [
          "name": name, "file": ByteSize.describe(fileSize), "message": ByteSize.describe(messageSize),
          "max": ByteSize.describe(limit),
        ])
    case .letterTooLarge(let names, let messageSize, let limit):
      return language.phrase(
        "document-commands.mail-error.letter-too-large",
        [
          "names": names.joined(separator: ", "), "message": ByteSize.describe(messageSize),
          "max": ByteSize.describe(limit),
        ])
    case .unreadableAttachment(let name, let path, let reason):
      return language.phrase(
        "document-commands.mail-error.unreadable-attachment", ["name": name, "path": path, "reason": reason])
    case .missingSender: return language.phrase("document-commands.mail-error.missing-sender")
    case .writeFailed(let path, let reason):
      return language.phrase("document-commands.mail-error.write-failed", ["path": path, "reason": reason])
    }
  }
}
