import RedressCore
import RedressDocuments

/// The part of every message's body that says what this message carries and, for a split
/// filing, what the other messages carry; in plain text and in HTML.
public enum FilingMailListing {
  struct Words {
    var thisMessage: (Int, Int) -> String
    var single: String
    var other: (Int) -> String
    var split: (Int) -> String
    var numbered: (Int) -> String
    var size: (String) -> String
  }

  static func words(_ language: DocumentLanguage) -> Words {
    switch language {
    case .zhHans:
      return Words(
        thisMessage: { i, n in "本邮件（第\(i)封，共\(n)封）附件：" },
        single: "本邮件附件：",
        other: { i in "第\(i)封邮件附件：" },
        split: { n in "因附件较大，本投诉分\(n)封邮件发送，请合并处理。" },
        numbered: { i in "\(i). " }, size: { "（\($0)）" })
    case .zhHant:
      return Words(
        thisMessage: { i, n in "本郵件（第\(i)封，共\(n)封）附件：" },
        single: "本郵件附件：",
        other: { i in "第\(i)封郵件附件：" },
        split: { n in "因附件較大，本投訴分\(n)封郵件發送，請合併處理。" },
        numbered: { i in "\(i). " }, size: { "（\($0)）" })
    case .en:
      return Words(
        thisMessage: { i, n in "Attached to this message (\(i) of \(n)):" },
        single: "Attached to this message:",
        other: { i in "Attached to message \(i):" },
        split: { n in
          "The attachments are large, so this complaint is sent in \(n) messages; please handle them together."
        },
        numbered: { i in "\(i). " }, size: { " (\($0))" })
    }
  }

  /// The listing as plain text lines.
  public static func plain(_ part: FilingMailPart, language: DocumentLanguage) -> String {
    let w = words(language)
    var lines: [String] = []
    if part.total > 1 {
      lines.append(w.split(part.total))
      lines.append("")
      lines.append(w.thisMessage(part.index, part.total))
    } else {
      lines.append(w.single)
    }
    lines += item(lines: part.carried, w)
    for (i, files) in part.messages.enumerated() where i + 1 != part.index {
      lines.append("")
      lines.append(w.other(i + 1))
      lines += item(lines: files, w)
    }
    return lines.joined(separator: "\n")
  }

  static func item(lines files: [FilingAttachmentSummary], _ w: Words) -> [String] {
    files.enumerated().map {
      "  " + w.numbered($0.offset + 1) + $0.element.fileName + w.size(ByteSize.describe($0.element.byteCount))
    }
  }

  /// The listing as an HTML fragment (escaped).
  public static func html(_ part: FilingMailPart, language: DocumentLanguage) -> String {
    let w = words(language)
    var out = ""
    func list(_ files: [FilingAttachmentSummary]) -> String {
      "<ol>\n"
        + files.map {
          "<li>" + HTMLWriter.escape($0.fileName + w.size(ByteSize.describe($0.byteCount))) + "</li>\n"
        }
        .joined() + "</ol>\n"
    }
    if part.total > 1 {
      out += "<p>" + HTMLWriter.escape(w.split(part.total)) + "</p>\n"
      out += "<p><strong>" + HTMLWriter.escape(w.thisMessage(part.index, part.total)) + "</strong></p>\n"
    } else {
      out += "<p><strong>" + HTMLWriter.escape(w.single) + "</strong></p>\n"
    }
    out += list(part.carried)
    for (i, files) in part.messages.enumerated() where i + 1 != part.index {
      out += "<p>" + HTMLWriter.escape(w.other(i + 1)) + "</p>\n" + list(files)
    }
    return out
  }
}
