import Foundation

/// One e-mail message (RFC 5322, MIME): a `multipart/mixed` holding a `multipart/alternative`
/// body (plain text and HTML) and the attachments.
///
/// Its encoded size is known exactly before anything is written (`encodedSize`), because every
/// part is either header text or base64 of a known number of octets; `write(to:)` produces
/// exactly that many octets. Lines end in CRLF and none is longer than 998 octets; header lines
/// aim at 78.
///
/// Boundaries start with `=_`, which base64 never produces, and every part's content is base64;
/// so no boundary can occur inside content.
public struct MailMessage: Sendable {
  /// The `Date:` value (see `MailDate`).
  public var date: String
  public var from: Mailbox
  public var to: Recipients
  /// The subject as a person reads it; sanitised and encoded when written.
  public var subject: String
  /// The `Message-ID` without angle brackets, `unique@domain`.
  public var messageID: String
  public var plainText: String
  public var html: String
  public var attachments: [MailAttachment]
  /// Makes the two boundaries of this message distinct from any other message's.
  public var boundaryToken: String

  public init(
    date: String, from: Mailbox, to: Recipients, subject: String, messageID: String,
    plainText: String, html: String, attachments: [MailAttachment], boundaryToken: String
  ) {
    self.date = date
    self.from = from
    self.to = to
    self.subject = subject
    self.messageID = messageID
    self.plainText = plainText
    self.html = html
    self.attachments = attachments
    self.boundaryToken = boundaryToken
  }

  var mixedBoundary: String { "=_redress_mixed_" + boundaryToken }
  var alternativeBoundary: String { "=_redress_alt_" + boundaryToken }

  /// A piece of the encoded message: header or boundary text, or an attachment's bytes to
  /// base64-encode.
  enum Segment {
    case text(String)
    case base64(MailAttachment)

    var encodedSize: Int64 {
      switch self {
      case .text(let s): return Int64(s.utf8.count)
      case .base64(let a): return Base64Lines.encodedLength(of: a.byteCount)
      }
    }
  }

  /// The header fields of the message, each ending in CRLF.
  var headerText: String {
    let fields = [
      "Date: " + date,
      Recipients.mailboxes([from]).headerField(name: "From"),
      to.headerField(name: "To"),
      HeaderText.unstructuredField(name: "Subject", value: HeaderText.sanitized(subject)),
      "Message-ID: <" + messageID + ">",
      "MIME-Version: 1.0",
      // Outlook opens a message marked so as a draft, ready to check and send.
      "X-Unsent: 1",
      "Content-Type: multipart/mixed;\r\n boundary=\"" + mixedBoundary + "\"",
    ]
    return fields.map { $0 + "\r\n" }.joined()
  }

  static func textPart(_ text: String, type: String) -> String {
    let headers =
      "Content-Type: " + type + "; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    return headers + String(decoding: Base64Lines.encode(Data(canonicalLineEnds(text).utf8)), as: UTF8.self)
  }

  /// Text with every line ending as CRLF (the canonical form of text/* in MIME).
  static func canonicalLineEnds(_ text: String) -> String {
    text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
      .replacingOccurrences(of: "\n", with: "\r\n")
  }

  static func attachmentHeaders(_ a: MailAttachment) -> String {
    let type = MIMEParameter.field(
      name: "Content-Type", value: a.contentType,
      parameters: [MIMEParameter.legacy(attribute: "name", value: a.fileName)])
    let disposition = MIMEParameter.field(
      name: "Content-Disposition", value: "attachment",
      parameters: MIMEParameter.isSimple(a.fileName)
        ? [["filename=\"" + a.fileName + "\""]]
        : MIMEParameter.extended(attribute: "filename", value: a.fileName))
    return type + "\r\nContent-Transfer-Encoding: base64\r\n" + disposition + "\r\n\r\n"
  }

  /// The message as segments, in order.
  var segments: [Segment] {
    var out: [Segment] = []
    var text = headerText + "\r\nThis is a multi-part message in MIME format.\r\n"
    text += "--" + mixedBoundary + "\r\n"
    text += "Content-Type: multipart/alternative;\r\n boundary=\"" + alternativeBoundary + "\"\r\n\r\n"
    text += "--" + alternativeBoundary + "\r\n" + MailMessage.textPart(plainText, type: "text/plain")
    text += "--" + alternativeBoundary + "\r\n" + MailMessage.textPart(html, type: "text/html")
    text += "--" + alternativeBoundary + "--\r\n"
    for a in attachments {
      text += "--" + mixedBoundary + "\r\n" + MailMessage.attachmentHeaders(a)
      out.append(.text(text))
      out.append(.base64(a))
      text = ""
    }
    text += "--" + mixedBoundary + "--\r\n"
    out.append(.text(text))
    return out
  }

  /// The exact number of octets `write(to:)` produces.
  public var encodedSize: Int64 {
    segments.reduce(0) { $0 + $1.encodedSize }
  }

  /// The octets of the message without its attachments' content (their headers are counted):
  /// the size of the message minus the base64 of each attachment.
  var skeletonSize: Int64 {
    segments.reduce(0) {
      if case .text = $1 { return $0 + $1.encodedSize }
      return $0
    }
  }

  /// Writes the message, streaming attachment files; `sink` receives every octet in order.
  public func write(to sink: (Data) throws -> Void) throws {
    for segment in segments {
      switch segment {
      case .text(let s):
        try sink(Data(s.utf8))
      case .base64(let a):
        try a.forEachChunk { try sink(Base64Lines.encode($0)) }
      }
    }
  }

  /// The whole message in memory.
  public func encoded() throws -> Data {
    var data = Data()
    try write { data.append($0) }
    return data
  }
}
