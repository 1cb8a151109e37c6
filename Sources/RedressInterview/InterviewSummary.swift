import Foundation
import RedressCore

/// The whole case in one line per section, for the review screen.
struct InterviewSummary {
  let text: InterviewText

  /// A choice's label without its explanation in brackets: 质量问题（故障、损坏…） → 质量问题.
  private func choice(_ id: String, _ word: String?) -> String? {
    word.map { w in
      let label = text.choiceLabel(id, w)
      let cut = label.range(of: "（") ?? label.range(of: " (")
      return cut.map { String(label[..<$0.lowerBound]) } ?? label
    }
  }

  private func join(_ parts: [String?]) -> String {
    let kept = parts.compactMap { $0 }.filter { !$0.isEmpty }
    return kept.isEmpty ? "—" : kept.joined(separator: " · ")
  }

  func lines(for c: CaseFile) -> [(title: String, text: String)] {
    InterviewFlow.interviewSectionIDs.map { id in (text.sectionTitle(id), line(id, c)) }
  }

  func line(_ id: String, _ c: CaseFile) -> String {
    switch id {
    case "venue":
      var others: [String] = []
      if let p = c.proceedings {
        let flags: [(String, Bool?)] = [
          ("proceedings.court", p.court), ("proceedings.arbitration", p.arbitration),
          ("proceedings.administrative", p.administrative), ("proceedings.mediation", p.mediation),
          ("proceedings.previous_complaint", p.previousComplaint),
        ]
        others = flags.filter { $0.1 == true }.map { text.label($0.0) }
      }
      return join([
        choice("venue", c.venue?.rawValue), c.addressee, choice("language", c.language?.rawValue),
        others.isEmpty ? nil : text.message(.summaryOtherBodies, ["bodies": others.joined(separator: "、")]),
      ])
    case "complainant":
      let p = c.complainant
      return join([p?.name, p?.phone, p?.address])
    case "agent":
      guard let a = c.agent else { return text.message(.summaryNoAgent) }
      return join([a.name, a.phone, choice("agent.relationship", a.relationship?.rawValue)])
    case "respondent":
      let r = c.respondent
      return join([r?.name, r?.store, r?.address])
    case "purchase":
      let p = c.purchase
      var channel = choice("purchase.channel", p?.channel?.rawValue)
      if let platform = p?.platform { channel = (channel ?? "") + "（\(platform)）" }
      let items = (p?.items ?? []).map { "\($0.name ?? "—") ×\($0.effectiveQuantity)" }.joined(separator: "、")
      return join([
        p?.date?.iso, channel, items.isEmpty ? nil : items,
        p?.amountPaid.map { text.message(.summaryPaid, ["amount": "¥" + $0.grouped]) },
      ])
    case "damage":
      let d = c.damage
      return join([
        choice("damage.category", d?.category?.rawValue),
        d?.discoveredOn.map { text.message(.summaryDiscovered, ["date": $0.iso]) }, d?.description,
      ])
    case "negotiation":
      let attempts = c.negotiation?.attempts ?? []
      guard let last = attempts.last else { return text.message(.summaryNoAttempts) }
      return join([
        text.message(.summaryAttempts, ["count": String(attempts.count)]),
        [
          last.date?.iso, choice("negotiation.attempts.channel", last.channel?.rawValue),
          choice("negotiation.attempts.outcome", last.outcome?.rawValue).map { "→ " + $0 },
        ].compactMap { $0 }.joined(separator: " "),
      ])
    case "evidence":
      guard !c.evidence.isEmpty else { return text.message(.summaryNoEvidence) }
      return c.evidence.map { "\($0.id ?? "?") \($0.title ?? "—")" }.joined(separator: "、")
    case "claims":
      guard !c.claims.isEmpty else { return "—" }
      return c.claims.map { claim in
        (choice("claims.type", claim.type?.rawValue) ?? "—") + (claim.amount.map { " ¥" + $0.grouped } ?? "")
      }.joined(separator: "；")
    default: return ""
    }
  }
}
