import Foundation
import RedressCore
import RedressTestSupport
import Testing

@testable import RedressCLI
@testable import RedressInterview

/// The interview asks what each type of dispute needs, and only that (issue 14): a prepaid gym
/// card (a service: its term instead of a warranty date, the sessions bought and used, whether
/// the business closed; the claim 退还预付款余额 offered at the computed balance) and a phone
/// bought online that failed on the twelfth day after delivery (三包: exchange or repair). Each
/// ends with a letter whose legal basis is right; goldens in both languages.
@Suite struct InterviewDisputeTypesTests {
  /// The document language's answer in the venue section: 1 zh-Hans, 3 en.
  static func languageChoice(_ language: InterfaceLanguage) -> String { language == .en ? "3" : "" }
  static func yes(_ language: InterfaceLanguage) -> String { language == .en ? "yes" : "是" }

  static func gymScript(_ language: InterfaceLanguage) -> [String] {
    [
      // 1 venue: the association, an addressee, the document language, no other body
      "", "北京市朝阳区消费者协会", languageChoice(language), "",
      // 2 complainant
      "王小明", "", "13800138000", "北京市朝阳区某某路1号", "", "", "",
      // 3 agent: none
      "",
      // 4 respondent: no e-invoice
      "", "北京某某健身有限公司", "", "北京市朝阳区某某街2号", "", "", "", "",
      // 5 purchase: a service, in the gym, a prepaid card (category 17) of 96 sessions for 12,800;
      // its term instead of brand and model; prepaid: 96 bought, 38 used, the gym closed
      "2", "2026-03-01", "1", "", "私教课", "17", "96节", "", "12800", "", "", "", "96", "38", yes(language),
      "", "",
      // 6 damage: a contract problem (6)
      "6", "健身房突然闭店，剩余58节私教课无法上课。", "2026-10-20", "", "", "", "", "",
      // 7 negotiation: one call, no reply
      "+", "2026-10-21", "1", "店长", "要求退还剩余课时费用，无人接听。", "2", "", "",
      // 8 evidence: the contract, on paper
      "+", "", "5", "私教课合同", "2026-03-01", "", "",
      // 9 claims: the unused prepaid balance (8), at the computed amount
      "8", "", "", "",
      // review: write the papers
      "", "",
    ]
  }

  static func phoneScript(_ language: InterfaceLanguage) -> [String] {
    [
      "", "", languageChoice(language), "",
      "李娜", "", "13900139000", "上海市徐汇区某某路8号", "", "", "",
      "",
      "", "某某数码专营店", "某某数码专营店", "广东省深圳市南山区某某路10号", "", "", "", "",
      // 5 purchase: goods, online (2), delivered on 2026-11-03; a phone (category 3)
      "", "2026-11-01", "2", "2026-11-03", "京东", "", "手机", "3", "某牌", "X1", "256GB", "", "", "3999", "",
      "", "2027-11-03", "", "",
      // 6 damage: quality (1), found on the twelfth day after delivery
      "1", "手机自动关机，无法开机。", "2026-11-15", "", "", "", "", "",
      // 7 negotiation
      "+", "2026-11-15", "2", "在线客服", "要求换货，客服称只能寄修。", "1", "", "",
      // 8 evidence: the order record (3)
      "+", "", "3", "订单截图", "2026-11-01", "", "",
      // 9 claims: an exchange (2)
      "2", "", "", "",
      "", "",
    ]
  }

  @Test(arguments: [InterfaceLanguage.zhHans, .en])
  func aPrepaidGymCard(language: InterfaceLanguage) throws {
    let h = try InterviewHarness()
    let run = try h.runNew(Self.gymScript(language), language: language)
    #expect(run.code == 0)
    #expect(run.unusedAnswers == 0)
    let name = "prepaid-gym.\(language.rawValue)"
    expectGolden(run.transcript, at: InterviewGolden.folder.appendingPathComponent("\(name).transcript.txt"))
    let c = try #require(try h.drafts.load(id: "case-20261122-1")).caseFile
    #expect(c.purchase?.prepaid?.unitsTotal == 96 && c.purchase?.prepaid?.unitsUsed == 38)
    #expect(c.purchase?.prepaid?.businessStopped == true)
    #expect(c.purchase?.warrantyUntil == nil)
    #expect(c.purchase?.items.first?.spec == "96节")
    // The claim was offered at the computed balance: 12,800.00 × 58 ÷ 96.
    #expect(c.claims.first?.type == .prepaidRefund)
    #expect(c.claims.first?.amount == Money(decimal: "7733.33"))
    let letter = try h.letterText("case-20261122-1")
    expectGolden(letter, at: InterviewGolden.folder.appendingPathComponent("\(name).letter.txt"))
    let words = letter.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for needle in language == .en
      ? ["Art. 53", "Art. 22", "7,733.33"] : ["第五十三条", "第二十二条", "7,733.33", "期限或次数"]
    {
      #expect(words.contains(needle), "\(needle)")
    }
    #expect(!letter.contains("货款"))
    #expect(!letter.contains("品牌"))
  }

  @Test(arguments: [InterfaceLanguage.zhHans, .en])
  func aPhoneThatFailedOnDayTwelve(language: InterfaceLanguage) throws {
    let h = try InterviewHarness()
    let run = try h.runNew(Self.phoneScript(language), language: language)
    #expect(run.code == 0)
    #expect(run.unusedAnswers == 0)
    let name = "phone-day12.\(language.rawValue)"
    expectGolden(run.transcript, at: InterviewGolden.folder.appendingPathComponent("\(name).transcript.txt"))
    let c = try #require(try h.drafts.load(id: "case-20261122-1")).caseFile
    let findings = try realRules().findings(for: c, today: InterviewHarness.today).map(\.rule)
    #expect(findings.contains("cn.sanbao-return"))
    #expect(!findings.contains("cn.quality-return-7d"))
    let letter = try h.letterText("case-20261122-1")
    expectGolden(letter, at: InterviewGolden.folder.appendingPathComponent("\(name).letter.txt"))
    let words = letter.split(whereSeparator: \.isWhitespace).joined(separator: "")
    for needle in language == .en ? ["ProductQualityLaw", "Art.40", "Art.18"] : ["产品质量法", "第四十条", "第十八条"] {
      #expect(words.contains(needle), "\(needle)")
    }
  }
}
