import Foundation
import RedressCore
import RedressMail

/// `redress export CASE --eml`: the filing as e-mail message files, each within the size limit,
/// written into a folder as a set (all of them or none).
struct EMLExport {
  var caseRef: String
  var to: String?
  var from: String?
  var maxSize: String?
  var output: String?
  /// Where the attachments come from (the documents and the evidence files).
  var attachments: (CommandEnvironment) throws -> FilingAttachmentsProvider = { _ in
    CaseEvidenceAttachments()
  }
  var text: (CommandEnvironment) throws -> FilingMailTextProvider = { _ in BuiltInFilingMailText() }

  func run(_ env: CommandEnvironment) throws -> Int32 {
    // Options first, so a typo is reported before any work.
    let limit: Int64
    do {
      limit = try maxSize.map(ByteSize.parse) ?? ByteSize.defaultMessageLimit
    } catch let error as MailError {
      throw UserError(error.description)
    }
    let recipients: Recipients
    do {
      recipients = try to.map { .mailboxes([try Mailbox(parsing: $0)]) } ?? .undisclosed
    } catch let error as MailError {
      throw UserError("--to: \(error.description)")
    }

    let loaded = try env.loadCase(caseRef)
    let caseFile = loaded.caseFile
    let problems = CaseValidator(today: CommandEnvironment.localToday()).validate(loaded)
    let errors = problems.filter { $0.severity == .error }
    if !errors.isEmpty {
      for d in errors { env.output.err(DiagnosticPrinter.format(d, output: env.output)) }
      throw UserError(
        "\(caseRef) has \(errors.count) error\(errors.count == 1 ? "" : "s"); fix \(errors.count == 1 ? "it" : "them") before sending the complaint"
      )
    }
    let sender = try senderMailbox(caseFile)
    let caseID = caseFile.id ?? loaded.url?.deletingPathExtension().lastPathComponent ?? "filing"

    let clock = MailClock(environment: env.environment)
    let composer = FilingMailComposer(
      from: sender, to: recipients, maxSize: limit, now: clock.now, timeZone: TimeZone.current,
      seed: clock.seed, text: try text(env))
    let folder = env.resolve(output ?? ".")
    let files: [URL]
    do {
      let list = try attachments(env).attachments(for: loaded)
      let messages = try composer.compose(caseFile: caseFile, caseID: caseID, attachments: list)
      files = try MessageFileWriter.write(messages, caseID: caseID, to: folder, limit: limit)
      report(env, messages: messages, files: files, limit: limit, recipients: recipients)
    } catch let error as MailError {
      throw UserError(error.description)
    }
    return 0
  }

  /// `--from`, else the complainant's e-mail with their name.
  func senderMailbox(_ caseFile: CaseFile) throws -> Mailbox {
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
        throw UserError("--from: \(error.description)")
      }
    }
    guard let email = complainant?.email, !email.isEmpty else {
      throw UserError(MailError.missingSender.description)
    }
    do {
      return try Mailbox(address: email, displayName: complainant?.name)
    } catch let error as MailError {
      throw UserError("complainant.email: \(error.description); correct it or give --from")
    }
  }

  func report(
    _ env: CommandEnvironment, messages: [MailMessage], files: [URL], limit: Int64, recipients: Recipients
  ) {
    let o = env.output
    if messages.count > 1 {
      o.out(
        "The filing is larger than \(ByteSize.describe(limit)), so it is split into \(messages.count) messages; send them all, in order:"
      )
    }
    for (message, file) in zip(messages, files) {
      let count = message.attachments.count
      o.out(
        "  " + o.style(file.path, .bold)
          + "  \(ByteSize.describe(message.encodedSize)), \(count) attachment\(count == 1 ? "" : "s")")
    }
    if case .undisclosed = recipients {
      o.err(
        o.styleErr("note:", .yellow)
          + " no --to was given: the messages have no recipient yet; add the body's complaint address in your mail client before sending"
      )
    }
    o.out("")
    o.out("Next: open each .eml file in your mail client, check the text and the attachments, and send it.")
    o.out("  Outlook opens it as a draft ready to send; in Thunderbird use Message > Edit As New Message.")
    o.out("  Then record the filing: redress file \(caseRef) --on <date you sent it>")
  }
}

/// The export's clock and seed: the current time and a random seed, or, when
/// `SOURCE_DATE_EPOCH` is set (reproducible builds' convention), that time and a seed derived
/// from it, so the same export gives the same octets.
struct MailClock {
  var now: Date
  var seed: String

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

/// Every evidence file of the case, named as the bundle names it (`证据01-<title>.<ext>`).
/// This stands alone until the documents (letter, evidence list, power of attorney) are wired.
struct CaseEvidenceAttachments: FilingAttachmentsProvider {
  func attachments(for loaded: LoadedCase) throws -> [FilingAttachment] {
    var out: [FilingAttachment] = []
    for (i, item) in loaded.caseFile.evidence.enumerated() {
      guard let file = item.file, !file.isEmpty else { continue }
      if let problem = loaded.evidenceProblem(file) {
        throw UserError("evidence[\(i)].file: \(problem)")
      }
      let url = loaded.evidenceURL(for: file)
      let name = Self.bundleName(number: i + 1, title: item.title ?? item.id ?? "", file: file)
      out.append(
        FilingAttachment(
          role: item.kind == .powerOfAttorney ? .powerOfAttorney : .evidence(id: item.id ?? "\(i + 1)"),
          attachment: try MailAttachment(fileName: name, file: url)))
    }
    return out
  }

  static func bundleName(number: Int, title: String, file: String) -> String {
    let ext = MediaType.fileExtension(of: (file as NSString).lastPathComponent)
    let n = number < 10 ? "0\(number)" : "\(number)"
    let stem = MailAttachment.sanitizedFileName(title)
    return "证据\(n)-\(stem)" + (ext.isEmpty ? "" : "." + ext)
  }
}
