import Foundation
import RedressCore
import RedressTestSupport
import Testing

@testable import RedressCLI
@testable import RedressInterview

/// The interview driven through a scripted terminal: answers in, transcript and stored case
/// out, both compared with goldens beside this file.
@Suite struct InterviewFlowTests {
  static var invoice: String { Fixtures.sharedExamples.appendingPathComponent("evidence/invoice.xml").path }

  // MARK: One complete case

  /// The washing machine of case-file.md, told as a consumer would: the e-invoice fills the
  /// seller and the item, a photo is dropped onto the terminal, one negotiation, one claim.
  static func washerScript(photo: URL) -> [String] {
    [
      // 1 venue: defaults, an addressee, no other body
      "", "杭州市消费者权益保护委员会", "", "",
      // 2 complainant
      "王小明", "1", "138 0013 8000", "北京市朝阳区某某路1号", "100020", "11010519491231002x", "",
      // 3 agent: none
      "",
      // 4 respondent: the e-invoice, taken whole; then confirm what it filled
      invoice, "", "", "某某电器京东自营旗舰店", "", "", "", "210000", "",
      // 5 purchase: goods, invoice date kept, online, received, platform, order
      "", "", "2", "2026/10/3", "京东", "3100000000001",
      // the item from the invoice opens by itself: complete it
      "", "洗衣机", "某牌", "", "10公斤", "江苏无锡", "", "", "",
      // amount from the invoice, warranty, purpose, not clearance
      "", "2027年10月3日", "", "",
      // 6 damage
      "1", "收货第三天起滚筒运转时异响，第五天出现漏水。", "2026-10-05", "", "", "", "", "",
      // 7 negotiation: one attempt, no settlement
      "+", "2026-10-06", "1", "客服（工号1234）", "要求退货，客服称需上门检测后再定，此后无人联系。", "2", "", "",
      // 8 evidence: the invoice is E1; add the photo as a terminal drops it
      "+", "'\(photo.path)' ", "", "滚筒漏水照片", "2026-10-05", "", "",
      // 9 claims: a refund of what was paid
      "1", "", "退货退款", "",
      // review: write the papers into the suggested folder
      "", "",
    ]
  }

  @Test func aCompleteCase() throws {
    let h = try InterviewHarness()
    let photo = try h.makeFile("漏水 照片.jpg")
    let run = try h.runNew(Self.washerScript(photo: photo))
    #expect(run.code == 0)
    #expect(run.unusedAnswers == 0)
    expectGolden(run.transcript, at: InterviewGolden.folder.appendingPathComponent("complete.transcript.txt"))
    // A washing machine with a quality problem: none of the follow-ups of revision 2.
    for prompt in [Self.custodyPrompt, Self.disclosedPrompt, Self.seriousPrompt, Self.knewPrompt] {
      #expect(!run.transcript.contains(prompt), "\(prompt)")
    }
    expectGolden(
      try h.storedYAML("case-20261122-1"),
      at: InterviewGolden.folder.appendingPathComponent("complete.case.yaml"))
    let record = try #require(try h.drafts.load(id: "case-20261122-1"))
    #expect(!record.isDraft)
    // The evidence was copied into the store, owner-only, and hashes as the original.
    let loaded = try #require(try h.drafts.loadedCase(id: "case-20261122-1"))
    let stored = loaded.evidenceURL(for: "evidence/漏水 照片.jpg")
    #expect(try Data(contentsOf: stored) == (try Data(contentsOf: photo)))
    let mode = try FileManager.default.attributesOfItem(atPath: stored.path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    // The papers: letter (PDF, Word), evidence list, bundle; and the letter reads as it should.
    let folder = h.cwd.appendingPathComponent("投诉材料-case-20261122-1")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(
      names == [
        "投诉书-case-20261122-1.docx", "投诉书-case-20261122-1.pdf", "投诉材料-case-20261122-1.zip",
        "证据清单-case-20261122-1.pdf",
      ], "\(names)")
    expectGolden(
      try h.letterText("case-20261122-1"),
      at: InterviewGolden.folder.appendingPathComponent("complete.letter.txt"))
  }

  // MARK: An agent

  static let agentScript: [String] = [
    // 1 the market regulator
    "2", "", "", "否",
    // 2 complainant
    "陈大文", "", "13711112222", "深圳市福田区某某街道某某花园5栋1201", "518000", "", "",
    // 3 the agent: the 授权委托书 is explained and listed as evidence
    "是", "陈小文", "13622223333", "家人",
    // 4 respondent, no e-invoice
    "", "深圳某某母婴用品店", "", "深圳市福田区某某路66号", "0755-83000000", "", "", "",
    // 5 purchase in a shop, one item of two tins
    "", "2026-10-20", "1", "", "进口婴儿配方奶粉", "食品", "某牌", "", "800克/罐", "", "2", "268", "",
    "", "", "", "",
    // 6 damage: unsafe food, fraud; the seller knew (the date label was altered), asked only
    // because the food is said to be unsafe
    "2", "开罐后发现奶粉结块并有异味，罐底生产日期标签有涂改痕迹，已超过保质期。", "2026-10-22", "", "是", "是", "是", "", "",
    "536",
    // 7 negotiation
    "+", "2026-10-23", "3", "店长", "要求退款并赔偿，店长只同意换货。", "3", "", "",
    // 8 evidence: the power of attorney is E1; a receipt on paper
    "+", "", "2", "购物小票", "2026-10-20", "", "",
    // 9 claims: refund, then ten times the price
    "1", "536", "", "+", "5", "5360", "依照《食品安全法》第一百四十八条，要求支付价款十倍的赔偿金", "",
    // review
    "", "",
  ]

  @Test func aCaseFiledByAnAgent() throws {
    let h = try InterviewHarness()
    let run = try h.runNew(Self.agentScript)
    #expect(run.code == 0)
    #expect(run.unusedAnswers == 0)
    expectGolden(run.transcript, at: InterviewGolden.folder.appendingPathComponent("agent.transcript.txt"))
    expectGolden(
      try h.storedYAML("case-20261122-1"),
      at: InterviewGolden.folder.appendingPathComponent("agent.case.yaml"))
    let c = try #require(try h.drafts.load(id: "case-20261122-1")).caseFile
    #expect(c.agent?.authorization == "E1")
    #expect(c.evidence(withID: "E1")?.kind == .powerOfAttorney)
    let folder = h.cwd.appendingPathComponent("投诉材料-case-20261122-1")
    #expect(
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("授权委托书-case-20261122-1.pdf").path))
    expectGolden(
      try h.letterText("case-20261122-1"),
      at: InterviewGolden.folder.appendingPathComponent("agent.letter.txt"))
  }

  // MARK: A blocking rule

  /// Misuse blocks at the consumer association (rules.md); the block is said as soon as the
  /// answer that causes it is given. (Lost property no longer blocks: revision 2.)
  @Test func misuseIsStoppedWithTheBetterRoute() throws {
    let h = try InterviewHarness()
    let answers = [
      "", "", "", "",
      "李华", "", "13912345678", "上海市黄浦区某某路2号", "", "", "",
      "",
      "", "某某餐饮有限公司", "", "上海市黄浦区某某路9号", "", "", "", "",
      // a dinner: a service, so no brand or model is asked
      // (its term, then whether it was prepaid: no; no warranty date for a service)
      "2", "2026-11-01", "1", "", "晚餐", "", "", "", "", "", "286", "", "", "",
      // the block is said as soon as misuse is admitted; the person stops
      "1", "吃完后餐具破损，划伤手指。", "2026-11-01", "", "", "", "是", "否",
    ]
    let run = try h.runNew(answers)
    #expect(run.code == 1)
    #expect(run.unusedAnswers == 0)
    expectGolden(run.transcript, at: InterviewGolden.folder.appendingPathComponent("blocked.transcript.txt"))
    let record = try #require(try h.drafts.load(id: "case-20261122-1"))
    #expect(record.isDraft)
    #expect(record.caseFile.damage?.causedByMisuse == true)
  }

  // MARK: The facts of revision 2, asked only where they matter

  /// Sections 1–5 of a dinner at a restaurant, paid 286 yuan; `clearance` answers the
  /// 处理品 question.
  static func dinnerScript(clearance: Bool) -> [String] {
    [
      "", "", "", "",
      "李华", "", "13912345678", "上海市黄浦区某某路2号", "", "", "",
      "",
      "", "某某餐饮有限公司", "", "上海市黄浦区某某路9号", "", "", "", "",
      "2", "2026-11-01", "1", "", "晚餐", "", "", "", "", "", "286", "", "", clearance ? "是" : "",
    ]
  }

  static let custodyPrompt = "丢失的物品当时是否由商家保管"
  static let disclosedPrompt = "出问题的正是购买时商家说明过的那个瑕疵吗"
  static let seriousPrompt = "是否造成了死亡或者健康严重损害"
  static let knewPrompt = "商家是否明知存在问题仍然出售或提供"

  /// A coat lost from the restaurant's cloakroom: custody is asked (and only it), the answer
  /// keeps the case admissible, and the custody-loss bases are offered.
  @Test func lostPropertyAsksWhetherTheBusinessHeldIt() throws {
    let h = try InterviewHarness()
    let run = try h.runNew(
      Self.dinnerScript(clearance: false) + [
        "9", "寄存在餐厅衣帽间的大衣丢失。", "2026-11-01", "是", "", "", "", "", "", "^C",
      ])
    #expect(run.code == 130)
    #expect(run.unusedAnswers == 0)
    #expect(run.transcript.contains(Self.custodyPrompt))
    for other in [Self.disclosedPrompt, Self.seriousPrompt, Self.knewPrompt] {
      #expect(!run.transcript.contains(other), "\(other)")
    }
    #expect(!run.transcript.contains("会被拒绝受理"))
    let c = try #require(try h.drafts.load(id: "case-20261122-1")).caseFile
    #expect(c.damage?.category == .lostProperty && c.damage?.inBusinessCustody == true)
    let findings = try RuleEngine.load(
      packAt: Fixtures.repositoryRoot.appendingPathComponent("legal"), jurisdiction: "cn"
    )
    .evaluate(c, today: InterviewHarness.today).map(\.rule)
    #expect(findings.contains("cn.custody-loss") && !findings.contains("cn.lost-property"))
  }

  /// A clearance item with a quality problem asks whether it is the disclosed defect; an
  /// injury asks whether it is serious, and a serious one whether the business knew.
  @Test func clearanceAndInjuryAskTheirFollowUps() throws {
    let h = try InterviewHarness()
    let run = try h.runNew(
      Self.dinnerScript(clearance: true) + [
        "1", "出售时说明餐具有缺口；菜品中有玻璃碎片，划伤口腔住院。", "2026-11-01", "否", "是", "是", "", "", "", "", "",
        "^C",
      ])
    #expect(run.code == 130)
    #expect(run.unusedAnswers == 0)
    for prompt in [Self.disclosedPrompt, Self.seriousPrompt, Self.knewPrompt] {
      #expect(run.transcript.contains(prompt), "\(prompt)")
    }
    #expect(!run.transcript.contains(Self.custodyPrompt))
    let c = try #require(try h.drafts.load(id: "case-20261122-1")).caseFile
    #expect(c.damage?.disclosedDefect == false && c.damage?.seriousInjury == true)
    #expect(c.damage?.businessKnew == false)
  }

  // MARK: Going back, re-asking, help

  @Test func goingBackAndEditingWithHelpAndBadAnswers() throws {
    let h = try InterviewHarness()
    let answers = [
      // venue: help on the venue, then back at the addressee to change the venue
      "?", "", "<", "2", "", "", "",
      // complainant: back from gender to fix the name; bad phone, hotline, bad ID, then good
      "张三", "<", "张叁", "", "12345", "400-800-8888", "13800138000", "北京市海淀区某某路3号", "10008",
      "100080", "110105194912310021", "11010519491231002X", "not-an-email", "",
      // agent: none; back from the respondent section's first question into the agent section
      "", "<", "",
      // respondent: a symlink and a folder are refused as the e-invoice; then none
      "\(h.root.path)/link.xml", h.cwd.path, "", "某某科技有限公司", "", "广州市天河区某某路5号", "95555",
      "91350100M000100Y44", "91350100M000100Y43", "", "",
      // purchase: a future date and an impossible one, an unknown channel, then the item
      "", "2027-01-01", "2026-02-30", "2026-11-10", "9", "2", "", "", "", "",
      "手机", "3", "", "", "", "", "0", "1", "12.345", "¥3,999", "",
      "", "", "", "",
      // damage: a discovery before the purchase is refused
      "1", "开机十分钟后机身发烫，无法充电。", "2026-11-01", "2026-11-12", "", "", "", "", "",
      // negotiation: add one, then remove it again
      "+", "2026-11-13", "2", "", "要求换货，客服未答复。", "", "-1", "是", "",
      "",
      // evidence: an empty file is refused, then none
      "+", "\(h.cwd.path)/empty.jpg", "", "1", "订单截图", "", "", "",
      // claims
      "2", "", "",
      "",
      // review: jump back to the complainant section and change the address, then quit
      "2", "", "", "", "北京市海淀区某某路3号院2号楼", "", "", "", "q",
    ]
    try FileManager.default.createSymbolicLink(
      atPath: h.root.appendingPathComponent("link.xml").path, withDestinationPath: Self.invoice)
    #expect(
      FileManager.default.createFile(atPath: h.cwd.appendingPathComponent("empty.jpg").path, contents: Data())
    )
    let run = try h.runNew(answers)
    #expect(run.code == 0)
    #expect(run.unusedAnswers == 0)
    expectGolden(
      run.transcript, at: InterviewGolden.folder.appendingPathComponent("back-and-edit.transcript.txt"))
    expectGolden(
      try h.storedYAML("case-20261122-1"),
      at: InterviewGolden.folder.appendingPathComponent("back-and-edit.case.yaml"))
    let c = try #require(try h.drafts.load(id: "case-20261122-1"))
    #expect(c.isDraft)
    #expect(c.caseFile.venue == .marketRegulator)
    #expect(c.caseFile.complainant?.name == "张叁")
    #expect(c.caseFile.complainant?.address == "北京市海淀区某某路3号院2号楼")
    #expect(c.caseFile.negotiation?.attempts ?? [] == [])
  }

  // MARK: Interrupted, then resumed

  @Test func ctrlCSavesAndNewResumesWhereItStopped() throws {
    let h = try InterviewHarness()
    let first = try h.runNew(["", "", "", "", "王小明", "", "^C"])
    #expect(first.code == 130)
    #expect(first.transcript.contains("草稿 case-20261122-1 已保存"))
    let draft = try #require(try h.drafts.drafts().first)
    #expect(draft.caseFile.complainant?.name == "王小明")
    #expect(draft.progress?.section == "complainant")

    // The next run offers the draft and passes what was answered.
    let second = try h.runNew(["", "13800138000", "^D"])
    #expect(second.code == 130)
    expectGolden(
      second.transcript, at: InterviewGolden.folder.appendingPathComponent("resume.transcript.txt"))
    #expect(try h.drafts.load(id: "case-20261122-1")?.caseFile.complainant?.phone == "13800138000")
    // A hang-up saves as well, and says so with its own exit code.
    let third = try h.runNew(["", "^HUP"])
    #expect(third.code == 129)
  }

  @Test func nothingAnsweredLeavesNoDraft() throws {
    let h = try InterviewHarness()
    let run = try h.runNew(["^D"])
    #expect(run.code == 130)
    #expect(run.transcript.contains("没有保存草稿"))
    #expect(try h.drafts.drafts().isEmpty)
  }

  // MARK: Editing a stored case

  @Test func editReopensASectionOfAStoredCase() throws {
    let h = try InterviewHarness()
    let photo = try h.makeFile("漏水 照片.jpg")
    _ = try h.runNew(Self.washerScript(photo: photo))
    let run = try h.runEdit(
      "case-20261122-1", section: "filing",
      ["2026-11-20", "2026-11-19", "2026-11-21", "GD2026112100001", "", ""])
    #expect(run.code == 0)
    #expect(run.unusedAnswers == 0)
    expectGolden(
      run.transcript, at: InterviewGolden.folder.appendingPathComponent("edit-filing.transcript.txt"))
    let c = try #require(try h.drafts.load(id: "case-20261122-1"))
    #expect(c.caseFile.filing?.filedOn == CalendarDate(iso: "2026-11-20"))
    #expect(c.caseFile.filing?.acceptedOn == CalendarDate(iso: "2026-11-21"))
    #expect(!c.isDraft)
  }

  // MARK: English

  @Test func theInterviewSpeaksEnglish() throws {
    let h = try InterviewHarness()
    let run = try h.runNew(["", "", "3", "yes", "yes", "no"], language: .en)
    #expect(run.code == 1)
    expectGolden(run.transcript, at: InterviewGolden.folder.appendingPathComponent("english.transcript.txt"))
  }

  // MARK: A multi-line paste

  @Test func aPastedDescriptionKeepsItsLines() throws {
    let h = try InterviewHarness()
    var answers = Self.washerScript(photo: try h.makeFile("a.jpg"))
    let i = try #require(answers.firstIndex(of: "收货第三天起滚筒运转时异响，第五天出现漏水。"))
    answers[i] = "收货第三天起滚筒运转时异响。\n第五天出现漏水。"
    let run = try h.runNew(answers)
    #expect(run.code == 0)
    let c = try #require(try h.drafts.load(id: "case-20261122-1")).caseFile
    #expect(c.damage?.description == "收货第三天起滚筒运转时异响。\n第五天出现漏水。")
  }
}
