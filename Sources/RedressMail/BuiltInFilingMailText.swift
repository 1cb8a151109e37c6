import RedressCore
import RedressDocuments

/// A plain subject and body used when no e-mail body template is available: a greeting, one
/// sentence of purpose, the attachment listing, the complainant's contact and signature.
public struct BuiltInFilingMailText: FilingMailTextProvider {
  public init() {}

  public func text(for caseFile: CaseFile, part: FilingMailPart) throws -> FilingMailText {
    let language = caseFile.effectiveLanguage
    let subject = FilingMailSubject.subject(for: caseFile, part: part)
    let listingPlain = FilingMailListing.plain(part, language: language)
    let listingHTML = FilingMailListing.html(part, language: language)
    let name = caseFile.complainant?.name ?? ""
    let respondent = caseFile.respondent?.name ?? ""
    let phone = caseFile.complainant?.phone ?? ""
    let agent = caseFile.agent?.name
    let lang = language.rawValue
    let purpose =
      agent.map {
        Words.phrase(
          "mail.purpose-by-agent", language: lang, ["agent": $0, "name": name, "respondent": respondent])
      }
      ?? Words.phrase("mail.purpose", language: lang, ["name": name, "respondent": respondent])
    let paragraphs = [
      Words.phrase("mail.greeting", language: lang), purpose, listingPlain,
      Words.phrase("mail.telephone", language: lang, ["phone": phone]), agent ?? name,
    ]
    let plain = paragraphs.joined(separator: "\n\n") + "\n"
    var html = "<!DOCTYPE html>\n<html lang=\"\(lang)\">\n<head><meta charset=\"utf-8\"><title>"
    html += HTMLWriter.escape(subject) + "</title></head>\n<body>\n"
    for (i, p) in paragraphs.enumerated() {
      html += i == 2 ? listingHTML : "<p>" + HTMLWriter.escape(p) + "</p>\n"
    }
    html += "</body>\n</html>\n"
    return FilingMailText(subject: subject, plain: plain, html: html)
  }
}

/// The subject line of a filing: `投诉：<respondent> <item>（<complainant>）`, and `（1/3）` after it
/// when the filing is split (`mail.subject…` in `templates/words/`).
public enum FilingMailSubject {
  public static func subject(for caseFile: CaseFile, part: FilingMailPart) -> String {
    let language = caseFile.effectiveLanguage
    let respondent = clean(caseFile.respondent?.name)
    let items = caseFile.purchase?.items.compactMap { clean($0.name) }.filter { !$0.isEmpty } ?? []
    let complainant = clean(caseFile.complainant?.name)
    let lang = language.rawValue
    var item = items.first ?? ""
    if items.count > 1 { item = Words.phrase("mail.subject-more-items", language: lang, ["item": item]) }
    var s = Words.phrase(
      "mail.subject", language: lang,
      ["about": [respondent, item].filter { !$0.isEmpty }.joined(separator: " ")])
    if !complainant.isEmpty {
      s += Words.phrase("mail.subject-complainant", language: lang, ["complainant": complainant])
    }
    if part.total > 1 {
      s += Words.phrase(
        "mail.subject-part", language: lang, ["index": String(part.index), "total": String(part.total)])
    }
    return s
  }

  static func clean(_ s: String?) -> String { HeaderText.sanitized(s ?? "") }
}
