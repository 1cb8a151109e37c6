import RedressCore

/// One file of a filing and what it is to the filing.
public struct FilingAttachment: Hashable, Sendable {
  public enum Role: Hashable, Sendable {
    /// The complaint letter (投诉书), as PDF or DOCX: always in the first message.
    case letter
    /// The evidence list (证据清单).
    case evidenceList
    /// The power of attorney (授权委托书) when an agent files.
    case powerOfAttorney
    /// An evidence file, with its id in the case.
    case evidence(id: String)
    case other
  }

  public var role: Role
  public var attachment: MailAttachment

  public init(role: Role, attachment: MailAttachment) {
    self.role = role
    self.attachment = attachment
  }

  public var fileName: String { attachment.fileName }
}

/// Where a filing's attachments come from: the documents (letter as PDF and DOCX, evidence
/// list, power of attorney) and every evidence file under its bundle name, in the order they are
/// to be sent. The CLI gives the real documents; tests give fakes.
public protocol FilingAttachmentsProvider {
  func attachments(for loaded: LoadedCase) throws -> [FilingAttachment]
}

/// What one message's body says about the split: which files it carries and which the other
/// messages carry.
public struct FilingMailPart: Hashable, Sendable {
  /// 1-based position of this message.
  public var index: Int
  public var total: Int
  /// The file names of every message, in order (`messages[index - 1]` is this one's).
  public var messages: [[FilingAttachmentSummary]]

  public init(index: Int, total: Int, messages: [[FilingAttachmentSummary]]) {
    self.index = index
    self.total = total
    self.messages = messages
  }

  public var carried: [FilingAttachmentSummary] { messages[index - 1] }
}

/// A file as a body lists it.
public struct FilingAttachmentSummary: Hashable, Sendable {
  public var fileName: String
  public var byteCount: Int64
  public init(fileName: String, byteCount: Int64) {
    self.fileName = fileName
    self.byteCount = byteCount
  }
}

/// The subject and body text of one message of a filing.
public struct FilingMailText: Hashable, Sendable {
  public var subject: String
  public var plain: String
  public var html: String
  public init(subject: String, plain: String, html: String) {
    self.subject = subject
    self.plain = plain
    self.html = html
  }
}

/// Writes the subject and the body of each message of a filing (the e-mail body template).
public protocol FilingMailTextProvider {
  func text(for caseFile: CaseFile, part: FilingMailPart) throws -> FilingMailText
}
