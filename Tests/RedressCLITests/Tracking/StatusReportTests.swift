import Foundation
import RedressCore
import RedressTestSupport
import Testing

@testable import RedressCLI

/// `redress status`: the table a person scans, its JSON, and the empty store.
@Suite struct StatusReportTests {
  static let today = CalendarDate(iso: "2026-11-02")!

  static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

  /// A case with these names and this filing (what the store's summary holds).
  static func input(
    _ id: String, respondent: String?, complainant: String? = "王小明", venue: Venue = .consumerAssociation,
    filed: String? = nil, accepted: String? = nil, events: [(String, FilingEventKind)] = [],
    isDraft: Bool? = nil
  ) -> TrackingData.Input {
    var c = CaseFile()
    c.id = id
    c.venue = venue
    if let respondent {
      c.respondent = Respondent()
      c.respondent?.name = respondent
    }
    if let complainant {
      c.complainant = Complainant()
      c.complainant?.name = complainant
    }
    if filed != nil || accepted != nil || !events.isEmpty {
      var f = Filing()
      f.filedOn = filed.map(day)
      f.acceptedOn = accepted.map(day)
      f.events = events.map { date, kind in
        var e = FilingEvent()
        e.date = EventDate(text: date)
        e.kind = kind
        return e
      }
      c.filing = f
    }
    return TrackingData.Input(id: id, caseFile: c, isDraft: isDraft)
  }

  static let cases: [TrackingData.Input] = [
    input("washer-2026", respondent: "某某电器销售有限公司", filed: "2026-10-10", accepted: "2026-10-12"),
    input("shoes", respondent: "Acme Shoes Ltd", filed: "2026-10-20"),
    input(
      "food-agent", respondent: "某食品店", venue: .marketRegulator, filed: "2026-10-22",
      accepted: "2026-10-26"),
    input("phone", respondent: "某通信", filed: "2026-10-18"),
    input("gym", respondent: "健身房", filed: "2026-09-01", events: [("2026-09-10", .response)]),
    input("sofa", respondent: "家具城", filed: "2026-08-01", events: [("2026-08-30", .closed)]),
    input("draft-1", respondent: nil, isDraft: true),
    input("ready-1", respondent: "某网店", isDraft: false),
  ]

  static func tracked() throws -> [TrackedCase] {
    try TrackingData(legal: CommandHarness.dataRoot.appendingPathComponent("legal")).statuses(
      of: cases, today: today)
  }

  @Test func tableInEnglish() throws {
    let (env, _) = CommandHarness.commandEnvironment(language: .en)
    let text = StatusReport.text(
      try Self.tracked(), today: Self.today, words: TrackingWords(language: .en), output: env.output)
    #expect(
      text == """
        CASE         RESPONDENT            STAGE     DUE                LEFT  STATE
        washer-2026  某某电器销售有限公司  accepted  2026-10-27  6 days over  overdue
        phone        某通信                filed     2026-11-02    due today  due soon
        shoes        Acme Shoes Ltd        filed     2026-11-04       2 days  due soon
        food-agent   某食品店              accepted  2026-12-25      53 days  waiting
        gym          健身房                answered  —                     —  answered
        draft-1      —                     draft     —                     —  not filed
        ready-1      某网店                ready     —                     —  not filed
        sofa         家具城                closed    —                     —  closed

        washer-2026: the consumer association's handling window (the practice of some associations) ended on 2026-10-27 with no answer (office practice, not a statutory deadline).
          Next you can:
          · send a follow-up letter (催办函) citing the filing date and the window and asking for a written answer (redress followup writes it)
          · arbitration, where both sides agreed to arbitration (Consumer Rights and Interests Protection Law of the PRC Art. 39(4))
          · sue in a people's court (Consumer Rights and Interests Protection Law of the PRC Art. 39(5))
          · complain to the market regulator (12315), but only after withdrawing the complaint from the consumer association or once it has ended its handling; the regulator refuses a dispute an association has accepted (Consumer Rights and Interests Protection Law of the PRC Art. 39(3); Measures for Handling Complaints and Reports in Market Regulation (SAMR Order No. 121) (article number not yet checked))
        The consumer association's handling window (the practice of some associations) ends soon for phone (2026-11-02), shoes (2026-11-04).
        sofa: closed; the consumer association no longer handles it, and no settlement is recorded.
          Next you can:
          · complain to the market regulator (the national 12315 platform) (Consumer Rights and Interests Protection Law of the PRC Art. 39(3))
          · arbitration, where both sides agreed to arbitration (Consumer Rights and Interests Protection Law of the PRC Art. 39(4))
          · sue in a people's court (Consumer Rights and Interests Protection Law of the PRC Art. 39(5))
        Once you have filed a ready case, run `redress file CASE --on DATE` to start its clock.
        """)
  }

  /// Chinese characters take two columns: every column starts at the same display column.
  @Test func chineseTableLinesUpByDisplayWidth() throws {
    let (env, _) = CommandHarness.commandEnvironment(language: .zhHans)
    let text = StatusReport.text(
      try Self.tracked(), today: Self.today, words: TrackingWords(language: .zhHans), output: env.output)
    let rows = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(9).map(String.init)
    #expect(rows[0].hasPrefix("案件"))
    #expect(rows[1].hasPrefix("washer-2026  某某电器销售有限公司  已受理  2026-10-27"))
    // The due day starts at the same display column on every row that has one.
    let dueRows = rows.dropFirst().filter { $0.contains("2026-") }
    #expect(dueRows.count == 4)
    let starts = dueRows.map { DisplayWidth.of(String($0[..<$0.range(of: "2026-")!.lowerBound])) }
    #expect(Set(starts).count == 1, "\(rows.joined(separator: "\n"))")
    // So does the stage column, on every row.
    let stageStarts = rows.dropFirst().map { row in
      DisplayWidth.of(String(row.prefix { $0 != " " }))
        + DisplayWidth.of(String(row.drop { $0 != " " }.prefix { $0 == " " }))
    }
    #expect(Set(stageStarts).count == 1)
    #expect(text.contains("超期6天"))
    #expect(text.contains("今天到期"))
    #expect(text.contains("下一步可以："))
    #expect(text.contains("· 向市场监督管理部门投诉（全国12315平台）"))
  }

  /// An id longer than 24 columns and a respondent longer than 28 are cut with `…`; the
  /// columns after them still line up.
  @Test func longIdsAndNamesAreCutAndTheColumnsStillLineUp() throws {
    let longID = "a-very-long-case-identifier-000001"
    let longName = "某某某某电器销售有限公司上海市浦东新区第一分公司"
    var inputs = Self.cases
    inputs.append(Self.input(longID, respondent: longName, filed: "2026-10-21"))
    let tracked = try TrackingData(legal: CommandHarness.dataRoot.appendingPathComponent("legal")).statuses(
      of: inputs, today: Self.today)
    let (env, _) = CommandHarness.commandEnvironment(language: .zhHans)
    let text = StatusReport.text(
      tracked, today: Self.today, words: TrackingWords(language: .zhHans), output: env.output)
    let row = try #require(text.split(separator: "\n").map(String.init).first { $0.hasPrefix("a-very") })
    let shownID = DisplayWidth.truncate(longID, to: 24)
    let shownName = DisplayWidth.truncate(longName, to: 28)
    #expect(shownID.hasSuffix("…") && shownName.hasSuffix("…"))
    #expect(row.hasPrefix(shownID + "  " + shownName), "\(row)")
    #expect(!row.contains(longID) && !row.contains(longName))
    // The stage column starts at the same display column on every row.
    let rows = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(inputs.count + 1).map(
      String.init)
    let stage = CaseStage.allCases.map { TrackingWords(language: .zhHans).stage($0) }
    let starts = rows.dropFirst().compactMap { r -> Int? in
      guard let at = stage.compactMap({ r.range(of: "  " + $0 + " ")?.lowerBound }).min() else { return nil }
      return DisplayWidth.of(String(r[..<at]))
    }
    #expect(starts.count == inputs.count && Set(starts).count == 1, "\(rows.joined(separator: "\n"))")
  }

  @Test func colourOnlyOnATerminal() throws {
    let plainEnv = CommandHarness.commandEnvironment(language: .en).0
    let plain = StatusReport.text(
      try Self.tracked(), today: Self.today, words: TrackingWords(language: .en), output: plainEnv.output)
    #expect(!plain.contains("\u{1B}["))
    let tty = Output(colorOut: true, colorErr: true, writeOut: { _ in }, writeErr: { _ in })
    let coloured = StatusReport.text(
      try Self.tracked(), today: Self.today, words: TrackingWords(language: .en), output: tty)
    #expect(coloured.contains("\u{1B}[31moverdue\u{1B}[0m"))
  }

  @Test func emptyStoreSaysHowToAddACase() {
    let (env, _) = CommandHarness.commandEnvironment(language: .zhHans)
    let text = StatusReport.text(
      [StatusLine](), today: Self.today, words: TrackingWords(language: .zhHans), output: env.output)
    #expect(text.contains("还没有保存的案件"))
    #expect(text.contains("redress new"))
    #expect(text.contains("redress import"))
    let store = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redress-empty-\(UUID().uuidString)")
    let r = CommandHarness.run(["status", "--today", "2026-11-02"], store: store)
    #expect(r.code == 0)
    #expect(r.out.hasPrefix("No cases stored yet."))
    let json = CommandHarness.run(["status", "--format", "json"], store: store)
    #expect(json.out == "[]\n")
  }

  @Test func jsonHasTheContractFields() throws {
    let text = StatusReport.json(try Self.tracked(), today: Self.today, words: TrackingWords(language: .en))
      .text()
    let array = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    #expect(array.count == 8)
    let byCase = Dictionary(uniqueKeysWithValues: array.map { ($0["case"] as! String, $0) })
    for object in array {
      for key in ["case", "respondent", "stage", "due", "days_left", "state"] {
        #expect(object.keys.contains(key), "\(key) missing in \(object)")
      }
      #expect(CaseStage(rawValue: object["stage"] as! String) != nil)
      #expect(CaseState(rawValue: object["state"] as! String) != nil)
    }
    let washer = try #require(byCase["washer-2026"])
    #expect(washer["respondent"] as? String == "某某电器销售有限公司")
    #expect(washer["complainant"] as? String == "王小明")
    #expect(washer["stage"] as? String == "accepted")
    #expect(washer["due"] as? String == "2026-10-27")
    #expect(washer["days_left"] as? Int == -6)
    #expect(washer["state"] as? String == "overdue")
    #expect(washer["clock"] as? String == "cn.cca.response-window")
    #expect(washer["practice"] as? Bool == true)
    #expect((washer["next_routes"] as? [[String: Any]])?.count == 4)
    // Review §2d: the overdue association case is not sent to a bare 12315.
    #expect(
      washer["routes"] as? [String] == [
        "followup", "arbitration", "court", "market-regulator-after-withdrawal",
      ])
    #expect(byCase["phone"]?["routes"] as? [String] == [])
    #expect(byCase["gym"]?["routes"] as? [String] == [])
    // A closed case without a settlement: the other body, arbitration, court.
    #expect(byCase["sofa"]?["routes"] as? [String] == ["market-regulator", "arbitration", "court"])
    #expect(byCase["sofa"]?["stage"] as? String == "closed")
    let food = try #require(byCase["food-agent"])
    #expect(food["due"] as? String == "2026-12-25")
    #expect(food["state"] as? String == "waiting")
    let clocks = try #require(food["clocks"] as? [[String: Any]])
    #expect(clocks.map { $0["status"] as? String } == ["closed", "open"])
    #expect(clocks.first?["closed_by"] as? String == "accepted")
    let gym = try #require(byCase["gym"])
    #expect(gym["due"] is NSNull)
    #expect(gym["days_left"] is NSNull)
    #expect(gym["state"] as? String == "answered")
    #expect(byCase["draft-1"]?["respondent"] is NSNull)
    #expect(byCase["draft-1"]?["stage"] as? String == "draft")
    #expect(byCase["ready-1"]?["stage"] as? String == "ready")
    #expect(byCase["ready-1"]?["state"] as? String == "draft")
    #expect(byCase["sofa"]?["state"] as? String == "closed")
  }

  @Test func aDueDayInAYearWithoutDataIsMarked() throws {
    let cases = [Self.input("late-2026", respondent: "某店", filed: "2026-12-20")]
    let tracked = try TrackingData(legal: CommandHarness.dataRoot.appendingPathComponent("legal")).statuses(
      of: cases, today: Self.day("2026-12-21"))
    let (env, _) = CommandHarness.commandEnvironment(language: .en)
    let text = StatusReport.text(
      tracked, today: Self.day("2026-12-21"), words: TrackingWords(language: .en), output: env.output)
    #expect(text.contains("2027-01-04*"))
    #expect(
      text.contains(
        "* Note: provisional. The State Council's holiday notice for 2027 is not in the calendar yet"))
    let json = StatusReport.json(tracked, today: Self.day("2026-12-21"), words: TrackingWords(language: .en))
      .text()
    #expect(json.contains("\"provisional\": true"))
    #expect(json.contains("\"years_without_notice\": [\n      2027\n    ]"))
  }

  /// Names are trimmed as Foundation trims white space and newlines, without its cost.
  @Test func blankNamesAreAbsentAndNamesAreTrimmed() {
    let names = [
      "", " ", "\u{3000}", " \t\n", "某店", " 某店 ", "\u{3000}某某电器\u{3000}", "Acme\u{00A0}", "\u{2028}x\u{2029}",
      "a b", "\u{200B}z",
    ]
    for name in names {
      let foundation = name.trimmingCharacters(in: .whitespacesAndNewlines)
      #expect(
        TrackedCase.nonBlank(name) == (foundation.isEmpty ? nil : foundation),
        "\(name.unicodeScalars.map(\.value))")
    }
    #expect(TrackedCase.nonBlank(nil) == nil)
  }

  /// The order does not depend on the order the cases come in (the store gives them by id;
  /// callers may not).
  @Test func orderIsTheSameWhateverTheInputOrder() throws {
    let legal = CommandHarness.dataRoot.appendingPathComponent("legal")
    let forward = try TrackingData(legal: legal).statuses(of: Self.cases, today: Self.today)
    let backward = try TrackingData(legal: legal).statuses(of: Self.cases.reversed(), today: Self.today)
    #expect(StatusReport.sorted(forward).map(\.id) == StatusReport.sorted(backward).map(\.id))
    #expect(
      StatusReport.sorted(forward).map(\.id) == [
        "washer-2026", "phone", "shoes", "food-agent", "gym", "draft-1", "ready-1", "sofa",
      ])
  }
}
