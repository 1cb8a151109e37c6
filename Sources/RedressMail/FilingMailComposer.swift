import Foundation
import RedressCore

/// Turns a filing (a case and its attachments) into one or more messages, each within the size
/// limit.
///
/// The letter goes in the first message; the other files follow in their order, each in the
/// first message with room for it (first fit). A file that cannot travel even in a message of
/// its own is an error that names it. Sizes are exact: the message's encoded octets, base64 line
/// breaks, headers and body included.
public struct FilingMailComposer {
  public var from: Mailbox
  public var to: Recipients
  /// The largest encoded message, in octets.
  public var maxSize: Int64
  public var now: Date
  public var timeZone: TimeZone
  /// Mixed into every Message-ID and boundary; two exports with different seeds never share one.
  public var seed: String
  public var text: FilingMailTextProvider

  public init(
    from: Mailbox, to: Recipients, maxSize: Int64 = ByteSize.defaultMessageLimit, now: Date,
    timeZone: TimeZone, seed: String, text: FilingMailTextProvider = BuiltInFilingMailText()
  ) {
    self.from = from
    self.to = to
    self.maxSize = maxSize
    self.now = now
    self.timeZone = timeZone
    self.seed = seed
    self.text = text
  }

  /// The messages of the filing, in order.
  public func compose(caseFile: CaseFile, caseID: String, attachments: [FilingAttachment]) throws
    -> [MailMessage]
  {
    let letterIndices = attachments.indices.filter { attachments[$0].role == .letter }
    let others = attachments.indices.filter { attachments[$0].role != .letter }
    let costs = attachments.map { attachmentCost($0.attachment) }

    // The room the message itself takes (headers, body with its listing, boundaries) depends on
    // how the files are split; start from one message and grow the reserve until all fit.
    var reserve = try build(caseFile: caseFile, caseID: caseID, attachments: attachments, groups: [[]])[0]
      .encodedSize
    for _ in 0..<64 {
      let capacity = maxSize - reserve
      var groups: [[Int]] = [letterIndices]
      var used: [Int64] = [letterIndices.reduce(0) { $0 + costs[$1] }]
      if used[0] > capacity {
        throw MailError.letterTooLarge(
          names: letterIndices.map { attachments[$0].fileName }, messageSize: reserve + used[0],
          limit: maxSize)
      }
      for i in others {
        if costs[i] > capacity {
          throw MailError.attachmentTooLarge(
            name: attachments[i].fileName, fileSize: attachments[i].attachment.byteCount,
            messageSize: reserve + costs[i], limit: maxSize)
        }
        if let g = used.indices.first(where: { used[$0] + costs[i] <= capacity }) {
          groups[g].append(i)
          used[g] += costs[i]
        } else {
          groups.append([i])
          used.append(costs[i])
        }
      }
      let messages = try build(caseFile: caseFile, caseID: caseID, attachments: attachments, groups: groups)
      let sizes = messages.map(\.encodedSize)
      if sizes.allSatisfy({ $0 <= maxSize }) { return messages }
      // Some message's own text grew with the split (a longer listing, "（1/3）"): reserve that.
      let largestOverhead = zip(sizes, used).map { $0 - $1 }.max()!
      reserve = max(reserve + 1, largestOverhead)
    }
    throw MailError.writeFailed(path: caseID, reason: "the attachments could not be split into messages")
  }

  /// The octets an attachment adds to a message: its boundary line, headers and base64.
  func attachmentCost(_ a: MailAttachment) -> Int64 {
    let boundary =
      "--=_redress_mixed_" + String(repeating: "0", count: FilingMailComposer.tokenLength) + "\r\n"
    return Int64(boundary.utf8.count + MailMessage.attachmentHeaders(a).utf8.count)
      + Base64Lines.encodedLength(of: a.byteCount)
  }

  static let tokenLength = 24

  /// The messages for a given split (`groups` holds indices into `attachments`).
  func build(caseFile: CaseFile, caseID: String, attachments: [FilingAttachment], groups: [[Int]]) throws
    -> [MailMessage]
  {
    let summaries = groups.map { group in
      group.map {
        FilingAttachmentSummary(
          fileName: attachments[$0].fileName, byteCount: attachments[$0].attachment.byteCount)
      }
    }
    let date = MailDate.format(now, timeZone: timeZone)
    var messages: [MailMessage] = []
    for (n, group) in groups.enumerated() {
      let part = FilingMailPart(index: n + 1, total: groups.count, messages: summaries)
      let t = try text.text(for: caseFile, part: part)
      let identity =
        [seed, caseID, date, from.address, "\(to)", "\(n + 1)/\(groups.count)"]
        + group.map { attachments[$0].fileName + "\u{0}\(attachments[$0].attachment.byteCount)" }
      let token = StableHash.hex(identity + ["boundary"], length: FilingMailComposer.tokenLength)
      let id = StableHash.hex(identity + ["message-id"], length: 32)
      messages.append(
        MailMessage(
          date: date, from: from, to: to, subject: t.subject,
          messageID: "redress.\(id).\(n + 1)of\(groups.count)@\(from.domain)",
          plainText: t.plain, html: t.html, attachments: group.map { attachments[$0].attachment },
          boundaryToken: token))
    }
    return messages
  }
}

/// A stable, non-cryptographic digest (two FNV-1a 64-bit hashes) for identifiers that must be
/// unique and reproducible, such as Message-IDs and boundaries.
enum StableHash {
  static func hex(_ parts: [String], length: Int) -> String {
    var out = ""
    var round: UInt64 = 0
    while out.count < length {
      var h = FNV1a(start: FNV1a.offsetBasis ^ (round &* 0x9E37_79B9_7F4A_7C15))
      for part in parts {
        h.update(part.utf8)
        h.update(CollectionOfOne(0xFF))
      }
      let s = String(h.value, radix: 16)
      out += String(repeating: "0", count: 16 - s.count) + s
      round += 1
    }
    return String(out.prefix(length))
  }
}
