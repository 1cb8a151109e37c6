import Foundation
import RedressCore
import RedressTestSupport
import Testing

@testable import RedressDocuments

@Suite struct ContextBuilderTests {
  static let library = TemplateLibrary(root: Fixtures.repositoryRoot.appendingPathComponent("templates"))
  static let today = CalendarDate(iso: "2026-11-22")!

  func builder(_ url: URL, language: String = "zh-Hans", findings: [Finding] = []) throws -> ContextBuilder {
    let loaded = try LoadedCase.load(contentsOf: url)
    return ContextBuilder(
      caseFile: loaded.caseFile, findings: findings, today: Self.today,
      terms: try Self.library.terms(language))
  }

  @Test func washerLetterValuesArePreformatted() throws {
    let letter = try builder(Fixtures.washerCase).letter()
    #expect(letter.date == "2026年11月22日")
    #expect(letter.addressee == "杭州市消费者权益保护委员会")
    #expect(letter.honorific == "贵会")
    #expect(letter.claims.map { $0.request + ($0.amount ?? "") } == ["退还货款¥2,999.00"])
    #expect(letter.claims.last?.end == "。")
    #expect(letter.purchase.channel == "网络购物")
    #expect(letter.purchase.items.first?.amount == "¥2,999.00")
    #expect(letter.purchase.evidenceRefs == "证据1")
    #expect(letter.agent?.evidenceRefs == "证据2")
    #expect(letter.negotiation.attempts.first?.channel == "通过电话")
    #expect(letter.negotiation.attempts.first?.outcome == "未获答复")
    #expect(letter.evidence.items.map(\.file) == ["证据01-电子发票.xml", "证据02-授权委托书.pdf"])
    #expect(letter.complainant.idNumber == "11010519491231002X")
  }

  @Test func foodLetterDefaultsTheAddresseeAndItemCells() throws {
    let letter = try builder(Fixtures.foodAgentCase).letter()
    #expect(letter.honorific == "贵局")
    #expect(letter.claims.map(\.end) == ["；", "。"])
    #expect(letter.purchase.items.first?.model == "—")
    #expect(letter.purchase.items.first?.amount == "¥536.00")
    #expect(letter.damage.evidenceRefs == "证据2、证据3")
    var c = try LoadedCase.load(contentsOf: Fixtures.foodAgentCase).caseFile
    c.addressee = nil
    let b = ContextBuilder(
      caseFile: c, findings: [], today: Self.today, terms: try Self.library.terms("zh-Hans"))
    #expect(b.letter().addressee == "市场监督管理局")
  }

  @Test func redactionMasksTheComplainantOnly() throws {
    let letter = try builder(Fixtures.washerCase).letter(redact: true)
    #expect(letter.redacted)
    #expect(letter.complainant.idNumber == "110105********002X")
    #expect(letter.complainant.phone == "138****8000")
    #expect(letter.complainant.email == "x***@example.com")
    #expect(letter.complainant.address == "北京市朝阳区（详细地址已隐去）")
    #expect(letter.agent?.phone == "139****9000")
    #expect(letter.respondent.phone == "025-84000000")
    #expect(letter.respondent.address == "南京市玄武区某某大道8号")
  }

  /// The letter cites the rule pack's legal bases: the rules `grounds` words, with their
  /// statute citations; practice is never cited as law, blocks are never bases.
  @Test func legalBasesComeFromFindingsWithStatuteCitations() throws {
    let findings = [
      Finding(
        rule: "cn.quality-return-7d", severity: .info, messages: ["zh-Hans": "…"], fields: [],
        citations: [Citation(source: "《中华人民共和国消费者权益保护法》", article: "第二十四条", confidence: .statute)]),
      Finding(
        rule: "cn.no-negotiation", severity: .info, messages: [:], fields: [],
        citations: [Citation(source: "《中华人民共和国消费者权益保护法》", article: "第三十九条", confidence: .statute)]),
      Finding(
        rule: "cn.burden-reversed", severity: .info, messages: [:], fields: [],
        citations: [
          Citation(source: "《中华人民共和国消费者权益保护法》", article: "第二十三条第三款", confidence: .statute),
          Citation(source: "消费者协会", article: "通常做法", confidence: .practice),
        ]),
      Finding(
        rule: "cn.fraud-punitive", severity: .info, messages: [:], fields: [],
        citations: [Citation(source: "消费者协会", article: "通常做法", confidence: .practice)]),
    ]
    let letter = try builder(Fixtures.washerCase, findings: findings).letter()
    #expect(letter.hasLegalBases)
    #expect(
      letter.legalBases.map(\.citations) == [
        "《中华人民共和国消费者权益保护法》第二十四条", "《中华人民共和国消费者权益保护法》第二十三条第三款",
      ])
    #expect(letter.legalBases.map(\.number) == ["1", "2"])
    #expect(letter.legalBases.allSatisfy { !$0.citations.contains("通常做法") })
  }

  @Test func evidenceFileNamesAreSafe() {
    #expect(EvidenceCatalog.sanitise("../../etc/passwd") == "_._etc_passwd")
    #expect(EvidenceCatalog.sanitise("a\\b:c*d?e\"f<g>h|i") == "a_b_c_d_e_f_g_h_i")
    #expect(EvidenceCatalog.sanitise("  .hidden\u{0007}\n标题  ") == "hidden标题")
    #expect(EvidenceCatalog.sanitise(String(repeating: "长", count: 100)).count == 40)
    var e = Evidence()
    e.title = "../聊天记录/截图"
    e.file = "evidence/chat.PNG"
    var f = Evidence()
    f.file = "evidence/noext"
    let catalog = EvidenceCatalog([e, f], prefix: "证据{nn}", unnamed: "（未命名证据）")
    #expect(catalog.entries.map(\.bundleName) == ["证据01-_聊天记录_截图.png", "证据02-（未命名证据）"])
  }

  @Test func powerOfAttorneyOnlyForAnAgent() throws {
    let poa = try #require(try builder(Fixtures.foodAgentCase).powerOfAttorney())
    #expect(poa.agent.name == "陈小文")
    #expect(poa.powers.count == 4)
    #expect(!poa.powers.contains { $0.text.contains("和解") })
    #expect(poa.limits.contains("无权代为达成和解协议"))
    var c = try LoadedCase.load(contentsOf: Fixtures.washerCase).caseFile
    c.agent = nil
    let b = ContextBuilder(
      caseFile: c, findings: [], today: Self.today, terms: try Self.library.terms("zh-Hans"))
    #expect(b.powerOfAttorney() == nil)
  }
}
