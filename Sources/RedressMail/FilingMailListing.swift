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

  /// The listing's fixed words in the case's language (`mail.attached…` in `templates/words/`).
  static func words(_ language: DocumentLanguage) -> Words {
    let lang = language.rawValue
    return Words(
      thisMessage: { i, n in
        RedressCore.Words.phrase(
          "mail.attached-this", language: lang, ["index": String(i), "total": String(n)])
      },
      single: RedressCore.Words.phrase("mail.attached-single", language: lang),
      other: { i in RedressCore.Words.phrase("mail.attached-other", language: lang, ["index": String(i)]) },
      split: { n in RedressCore.Words.phrase("mail.split", language: lang, ["total": String(n)]) },
      numbered: { i in "\(i). " },
      size: { RedressCore.Words.phrase("mail.attachment-size", language: lang, ["size": $0]) })
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
