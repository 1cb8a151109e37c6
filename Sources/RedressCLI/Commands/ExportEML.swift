import Foundation
import RedressCore
import RedressDocuments
import RedressMail

/// `redress export CASE --eml`: the filing as e-mail message files, each within the size limit,
/// written into a folder as a set (all of them or none).
struct EMLExport {
  var caseRef: String
  var to: String?
  var from: String?
  var maxSize: String?
  var output: String?
  /// The documents' date (`--today`); the local day of the export's clock otherwise.
  var today: CalendarDate?
  func run(_ env: CommandEnvironment) throws -> Int32 {
    // Options first, so a typo is reported before any work.
    let limit: Int64
    do {
      limit = try maxSize.map(ByteSize.parse) ?? ByteSize.defaultMessageLimit
    } catch let error as MailError {
      throw UserError(env.words.mailError(error))
    }
    let recipients: Recipients
    do {
      recipients = try to.map { .mailboxes([try Mailbox(parsing: $0)]) } ?? .undisclosed
    } catch let error as MailError {
      throw UserError("--to: " + env.words.mailError(error))
    }

    let loaded = try env.loadCase(caseRef)
    let caseFile = loaded.caseFile
    let clock = MailClock(environment: env.environment)
    let day = today ?? clock.today
    let problems = CaseValidator(today: day).validate(loaded)
    let errors = problems.filter { $0.severity == .error }
    if !errors.isEmpty {
      for d in errors {
        env.output.err(DiagnosticPrinter.format(d, output: env.output, in: env.currentDirectory))
      }
      throw UserError(env.words.caseHasErrors(caseRef, errors: errors.count))
    }
    let sender = try senderMailbox(caseFile, env.words)
    let caseID = caseFile.id ?? loaded.url?.deletingPathExtension().lastPathComponent ?? "filing"

    let documents = try env.caseDocuments(loaded, today: day, purpose: .bundle)
    let composer = FilingMailComposer(
      from: sender, to: recipients, maxSize: limit, now: clock.now, timeZone: TimeZone.current,
      seed: clock.seed, text: TemplateFilingMailText(documents: documents))
    let folder = env.resolve(output ?? ".")
    let files: [URL]
    do {
      let list = try DocumentAttachments(documents: documents).attachments(for: loaded)
      let messages = try composer.compose(caseFile: caseFile, caseID: caseID, attachments: list)
      files = try MessageFileWriter.write(messages, caseID: caseID, to: folder, limit: limit)
      report(
        env, messages: messages, files: files, limit: limit, recipients: recipients,
        filedOn: caseFile.filing?.filedOn)
    } catch let error as MailError {
      throw UserError(env.words.mailError(error))
    } catch let error as BundleError {
      throw UserError(error.message)
    }
    return 0
  }

  /// `--from`, else the complainant's e-mail with their name.
  func senderMailbox(_ caseFile: CaseFile, _ words: CommandWords) throws -> Mailbox {
    let complainant = caseFile.complainant
    if let from {
      do {
        var mailbox = try Mailbox(parsing: from)
        if mailbox.displayName == nil {
          // A bare address: name it after whoever it belongs to.
          let isComplainant = mailbox.address.lowercased() == complainant?.email?.lowercased()
          let name = isComplainant ? complainant?.name : (caseFile.agent?.name ?? complainant?.name)
          mailbox = try Mailbox(address: mailbox.address, displayName: name)
        }
        return mailbox
      } catch let error as MailError {
        throw UserError("--from: " + words.mailError(error))
      }
    }
    guard let email = complainant?.email, !email.isEmpty else {
      throw UserError(words.mailError(.missingSender))
    }
    do {
      return try Mailbox(address: email, displayName: complainant?.name)
    } catch let error as MailError {
      throw UserError(words.complainantEmail(words.mailError(error)))
    }
  }

  func report(
    _ env: CommandEnvironment, messages: [MailMessage], files: [URL], limit: Int64, recipients: Recipients,
    filedOn: CalendarDate?
  ) {
    let o = env.output
    let w = env.words
    if messages.count > 1 {
      o.out(w.splitFiling(limit: ByteSize.describe(limit), messages: messages.count))
    }
    for (message, file) in zip(messages, files) {
      o.out(
        "  " + o.style(file.path, .bold) + "  "
          + w.messageSize(ByteSize.describe(message.encodedSize), attachments: message.attachments.count))
    }
    if case .undisclosed = recipients {
      o.err(o.styleErr("note:", .yellow) + " " + w.noRecipient)
    }
    o.out("")
    for line in w.emlNext { o.out(line) }
    if filedOn == nil {
      o.out(w.recordFiling(caseRef))
    }
  }
}

/// The export's clock and seed: the current time and a random seed, or, when
/// `SOURCE_DATE_EPOCH` is set (reproducible builds' convention), that time and a seed derived
/// from it, so the same export gives the same octets.
struct MailClock {
  var now: Date
  var seed: String
  /// The documents' date: the local day of `now`.
  var today: CalendarDate {
    let parts = Calendar.current.dateComponents([.year, .month, .day], from: now)
    return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
  }

  init(environment: [String: String]) {
    if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap({ Int64($0) }) {
      now = Date(timeIntervalSince1970: TimeInterval(epoch))
      seed = "source-date-epoch-\(epoch)"
    } else {
      now = Date()
      seed = UUID().uuidString
    }
  }
}

/// The filing's files, exactly the bundle's members (`CaseDocuments.bundleMembers`): the letter
/// as PDF and Word, the evidence list, the power of attorney when an agent files, and every
/// evidence file as `证据01-<title>.<ext>`, in that order.
struct DocumentAttachments: FilingAttachmentsProvider {
  var documents: CaseDocuments

  func attachments(for loaded: LoadedCase) throws -> [FilingAttachment] {
    let members = try documents.bundleMembers(
      evidenceURL: { loaded.evidenceURL(for: $0) }, evidenceProblem: { loaded.evidenceProblem($0) })
    return try members.map { member in
      let role: FilingAttachment.Role
      switch member.role {
      case "letter", "letter-docx": role = .letter
      case "evidence-list": role = .evidenceList
      case "power-of-attorney": role = .powerOfAttorney
      case "evidence": role = .evidence(id: member.evidenceID ?? member.name)
      default: role = .other
      }
      switch member.source {
      case .data(let data):
        return FilingAttachment(role: role, attachment: MailAttachment(fileName: member.name, data: data))
      case .file(let url):
        return FilingAttachment(role: role, attachment: try MailAttachment(fileName: member.name, file: url))
      }
    }
  }
}

/// The subject and body from the e-mail body template (`templates/<language>/email-body.md`):
/// its title is the subject ("（1/3）" added for a split filing), its text the plain part, its
/// HTML rendering the HTML part.
struct TemplateFilingMailText: FilingMailTextProvider {
  var documents: CaseDocuments

  func text(for caseFile: CaseFile, part: FilingMailPart) throws -> FilingMailText {
    func lines(_ files: [FilingAttachmentSummary]) -> [EmailBodyContext.AttachmentLine] {
      files.map { EmailBodyContext.AttachmentLine(name: $0.fileName, size: ByteSize.describe($0.byteCount)) }
    }
    let others = part.messages.enumerated().filter { $0.offset + 1 != part.index }.map {
      (part: $0.offset + 1, attachments: lines($0.element))
    }
    let model = try documents.emailBody(
      attachments: lines(part.carried), part: part.index, otherParts: others)
    var subject = model.title
    if part.total > 1 {
      subject +=
        documents.language.hasPrefix("zh")
        ? "（\(part.index)/\(part.total)）" : " (\(part.index)/\(part.total))"
    }
    let plain = MailPlainText.render(model)
    let html = String(decoding: try HTMLWriter.render(model), as: UTF8.self)
    return FilingMailText(subject: subject, plain: plain, html: html)
  }
}
