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
    let paragraphs: [String]
    switch language {
    case .zhHans, .zhHant:
      let hant = language == .zhHant
      var first =
        hant
        ? "本人\(name)就與\(respondent)之間的消費爭議提出投訴，投訴書及證據見附件，懇請受理。"
        : "本人\(name)就与\(respondent)之间的消费纠纷提出投诉，投诉书及证据见附件，恳请受理。"
      if let agent {
        first =
          hant
          ? "\(agent)受\(name)委託，就其與\(respondent)之間的消費爭議提出投訴，投訴書、授權委託書及證據見附件，懇請受理。"
          : "\(agent)受\(name)委托，就其与\(respondent)之间的消费纠纷提出投诉，投诉书、授权委托书及证据见附件，恳请受理。"
      }
      paragraphs = [
        "您好：", first, listingPlain,
        (hant ? "聯繫電話：" : "联系电话：") + phone, (agent ?? name),
      ]
    case .en:
      var first =
        "I, \(name), file a complaint about a consumer dispute with \(respondent). The complaint letter and the evidence are attached; I ask you to accept it."
      if let agent {
        first =
          "On behalf of \(name), \(agent) files a complaint about a consumer dispute with \(respondent). The complaint letter, the power of attorney and the evidence are attached."
      }
      paragraphs = ["Dear Sir or Madam,", first, listingPlain, "Telephone: " + phone, agent ?? name]
    }
    let plain = paragraphs.joined(separator: "\n\n") + "\n"
    let lang = language.rawValue
    var html = "<!DOCTYPE html>\n<html lang=\"\(lang)\">\n<head><meta charset=\"utf-8\"><title>"
    html += HTMLWriter.escape(subject) + "</title></head>\n<body>\n"
    for (i, p) in paragraphs.enumerated() {
      html += i == 2 ? listingHTML : "<p>" + HTMLWriter.escape(p) + "</p>\n"
    }
    html += "</body>\n</html>\n"
    return FilingMailText(subject: subject, plain: plain, html: html)
  }
}

/// The subject line of a filing: "投诉：<respondent> <item>（<complainant>）", and
/// "（1/3）" after it when the filing is split.
public enum FilingMailSubject {
  public static func subject(for caseFile: CaseFile, part: FilingMailPart) -> String {
    let language = caseFile.effectiveLanguage
    let respondent = clean(caseFile.respondent?.name)
    let items = caseFile.purchase?.items.compactMap { clean($0.name) }.filter { !$0.isEmpty } ?? []
    let complainant = clean(caseFile.complainant?.name)
    var item = items.first ?? ""
    switch language {
    case .zhHans, .zhHant:
      if items.count > 1 { item += "等" }
      var s = language == .zhHant ? "投訴：" : "投诉："
      s += [respondent, item].filter { !$0.isEmpty }.joined(separator: " ")
      if !complainant.isEmpty { s += "（" + complainant + "）" }
      if part.total > 1 { s += "（\(part.index)/\(part.total)）" }
      return s
    case .en:
      if items.count > 1 { item += " etc." }
      var s = "Complaint: " + [respondent, item].filter { !$0.isEmpty }.joined(separator: " ")
      if !complainant.isEmpty { s += " (" + complainant + ")" }
      if part.total > 1 { s += " (\(part.index)/\(part.total))" }
      return s
    }
  }

  static func clean(_ s: String?) -> String { HeaderText.sanitized(s ?? "") }
}
