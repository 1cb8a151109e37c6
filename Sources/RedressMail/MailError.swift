/// What can stop an e-mail export; each message says what went wrong and what to do.
public enum MailError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An address given for `From` or `To` is not one we can put in a header.
  case invalidAddress(address: String, reason: AddressProblem)
  /// `--max-size` could not be read.
  case invalidSize(text: String, reason: SizeProblem)
  /// One attachment needs a message larger than the limit even when it travels alone.
  case attachmentTooLarge(name: String, fileSize: Int64, messageSize: Int64, limit: Int64)
  /// The letter (first message) does not fit within the limit.
  case letterTooLarge(names: [String], messageSize: Int64, limit: Int64)
  /// An attachment file could not be read.
  case unreadableAttachment(name: String, path: String, reason: String)
  /// The case has no sender address and none was given.
  case missingSender
  /// Writing the message files failed; nothing was left behind.
  case writeFailed(path: String, reason: String)

  public var description: String {
    switch self {
    case .invalidAddress(let address, let reason):
      return "\"\(MailError.printable(address))\" is not an e-mail address we can use: \(reason)"
    case .invalidSize(let text, let reason):
      return
        "--max-size \"\(MailError.printable(text))\": \(reason); expected a size like 20MB, 25MB, 10MiB, 500KB or a number of bytes (MB = 1,000,000 bytes, MiB = 1,048,576)"
    case .attachmentTooLarge(let name, let fileSize, let messageSize, let limit):
      return """
        \(name) (\(ByteSize.describe(fileSize))) is too large to send by e-mail: a message carrying it \
        alone would be \(ByteSize.describe(messageSize)) once encoded (base64 adds a third), over the \
        limit of \(ByteSize.describe(limit)). Compress it (a video can be re-encoded at a lower \
        resolution, or cut into parts), send it separately (on a disc or USB stick, or hand it over \
        in person), or raise --max-size if the receiving mail server accepts larger messages.
        """
    case .letterTooLarge(let names, let messageSize, let limit):
      return """
        the letter (\(names.joined(separator: ", "))) needs a message of \(ByteSize.describe(messageSize)) \
        once encoded, over the limit of \(ByteSize.describe(limit)); raise --max-size
        """
    case .unreadableAttachment(let name, let path, let reason):
      return "cannot read \(path) (for the attachment \(name)): \(reason)"
    case .missingSender:
      return
        "no sender address: the case has no complainant.email; give one with --from name@example.com"
    case .writeFailed(let path, let reason):
      return "could not write \(path): \(reason); no message files were written"
    }
  }

  /// Why an address cannot go into a header.
  public enum AddressProblem: Equatable, Sendable, CustomStringConvertible {
    case controlCharacter, empty, malformed

    public var description: String {
      switch self {
      case .controlCharacter: return "it contains a control character (a line break or similar)"
      case .empty: return "it is empty"
      case .malformed:
        return "expected an address like name@example.com (ASCII letters, digits and . _ % + - only)"
      }
    }
  }

  /// Why a `--max-size` value was not understood.
  public enum SizeProblem: Equatable, Sendable, CustomStringConvertible {
    case noNumber
    case notANumber(String)
    case unknownUnit(String)
    case tooLarge
    /// Below `ByteSize.smallestMessageLimit`.
    case tooSmall
    /// Above `ByteSize.largestMessageLimit`.
    case overMailLimit

    public var description: String {
      switch self {
      case .noNumber: return "no number"
      case .notANumber(let number): return "\"\(number)\" is not a number"
      case .unknownUnit(let unit): return "unknown unit \"\(unit)\""
      case .tooLarge: return "the number is too large"
      case .tooSmall:
        return "too small; a message needs at least \(ByteSize.describe(ByteSize.smallestMessageLimit))"
      case .overMailLimit: return "larger than any mail system accepts"
      }
    }
  }

  /// User input quoted back without its control characters.
  public static func printable(_ s: String) -> String {
    String(
      String.UnicodeScalarView(
        s.unicodeScalars.map { HeaderText.isUnsafe($0) ? "\u{FFFD}" : $0 }))
  }
}
