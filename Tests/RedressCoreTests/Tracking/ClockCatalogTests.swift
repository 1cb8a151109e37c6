import Foundation
import RedressCore
import RedressTestSupport
import Testing

/// legal/cn/clocks.yaml: the clocks of rules.md with their citations, and the loader's checks.
@Suite struct ClockCatalogTests {
  @Test func shipsTheClocksOfTheContract() throws {
    let catalog = try ClockCatalogLoader.load(jurisdiction: "cn", legal: CaseTrackerTests.legal)
    #expect(catalog.calendar == "cn")
    let byID = Dictionary(uniqueKeysWithValues: catalog.clocks.map { ($0.id, $0) })
    let cca = try #require(byID["cn.cca.response-window"])
    #expect(cca.venue == .consumerAssociation)
    #expect((cca.starts, cca.length, cca.unit) == (.acceptedOnElseFiledOn, 15, .days))
    #expect(cca.closedBy == [.response, .closed, .refused, .withdrawn])
    #expect(cca.practice && cca.replacedByRegion && !cca.isLegalDeadline)
    #expect(cca.citations.first?.confidence == .practice)
    #expect(cca.citations.contains { $0.source.contains("实施条例") && $0.article.hasPrefix("第四十五条") })

    // rules.md, "The clocks": the region clocks.
    let zjDecision = try #require(byID["cn.cca.zj.accept-decision"])
    #expect(
      (zjDecision.region, zjDecision.starts, zjDecision.length, zjDecision.unit) == (
        "33", .filedOn, 5, .workingDays
      ))
    #expect(zjDecision.closedBy.contains(.accepted))
    let zjMediation = try #require(byID["cn.cca.zj.mediation-start"])
    #expect(
      (zjMediation.region, zjMediation.starts, zjMediation.length, zjMediation.unit) == (
        "33", .acceptedOn, 10, .workingDays
      ))
    #expect(zjMediation.closedBy.contains(.mediation))
    let sh = try #require(byID["cn.cca.sh.mediation"])
    #expect((sh.region, sh.starts, sh.length, sh.unit) == ("31", .acceptedOn, 60, .days))
    #expect(sh.citations.allSatisfy { $0.confidence == .practice } && !sh.isLegalDeadline)
    #expect(sh.note?.text(in: "en").contains("30 days") == true)

    let decision = try #require(byID["cn.samr.accept-decision"])
    #expect(decision.venue == .marketRegulator)
    #expect((decision.starts, decision.length, decision.unit) == (.filedOn, 7, .workingDays))
    #expect(decision.closedBy == [.accepted, .closed, .refused, .withdrawn])
    #expect(!decision.practice && decision.isLegalDeadline)

    let mediation = try #require(byID["cn.samr.mediation"])
    #expect((mediation.starts, mediation.length, mediation.unit) == (.acceptedOn, 60, .days))
    #expect(mediation.closedBy == [.closed, .refused, .withdrawn])
    #expect(mediation.appraisalPauses)
    #expect(mediation.citations.map(\.article) == ["第四十六条第三款"])

    // Every clock: names and explanations in both languages, citations, closed when the case ends.
    for clock in catalog.clocks {
      for language in ["zh-Hans", "zh-Hant", "en"] {
        #expect(clock.name.values[language]?.isEmpty == false, "\(clock.id) \(language)")
        #expect(clock.explanation.values[language]?.isEmpty == false, "\(clock.id) \(language)")
      }
      #expect(!clock.citations.isEmpty)
      #expect(ClockCloser.endOfCase.allSatisfy(clock.closedBy.contains), "\(clock.id)")
      // Clock citations come from the source registry: each names its source key.
      #expect(clock.citations.allSatisfy { $0.sourceKey != nil }, "\(clock.id)")
    }
    // The routes of 消法 Art. 39 carry that article.
    for id in ["market-regulator", "consumer-association", "arbitration", "court"] {
      #expect(catalog.routes[id]?.citations.first?.article.hasPrefix("第三十九条") == true, "\(id)")
    }
    // Arbitration is always worded "where both sides agreed".
    #expect(catalog.routes["arbitration"]?.text.text(in: "en").contains("where both sides agreed") == true)
    #expect(catalog.routes["arbitration"]?.text.text(in: "zh-Hans").contains("双方约定仲裁") == true)
    // rules.md, "When a window passes".
    let ca = try #require(catalog.nextRoutes[.consumerAssociation])
    let mr = try #require(catalog.nextRoutes[.marketRegulator])
    #expect(
      ca.overdue.map(\.id) == ["followup", "arbitration", "court", "market-regulator-after-withdrawal"])
    #expect(
      mr.overdue.map(\.id) == ["followup", "arbitration", "court", "consumer-association-after-withdrawal"])
    #expect(ca.ended.map(\.id) == ["market-regulator", "arbitration", "court"])
    #expect(mr.ended.map(\.id) == ["consumer-association", "arbitration", "court"])
    for unit in DeadlineUnit.allCases { #expect(catalog.counting[unit]?.citations.isEmpty == false) }
    // 行政处罚法 Art. 85 defines working days only for itself: cited by analogy, as practice.
    #expect(
      catalog.counting[.workingDays]?.citations.allSatisfy { $0.confidence == .practice } == true)
  }

  @Test func regionClocksReplaceTheGeneralWindow() throws {
    let catalog = try ClockCatalogLoader.load(jurisdiction: "cn", legal: CaseTrackerTests.legal)
    #expect(catalog.clocks(for: .consumerAssociation, region: nil).map(\.id) == ["cn.cca.response-window"])
    #expect(
      catalog.clocks(for: .consumerAssociation, region: "110105").map(\.id) == ["cn.cca.response-window"])
    #expect(
      catalog.clocks(for: .consumerAssociation, region: "330106").map(\.id) == [
        "cn.cca.zj.accept-decision", "cn.cca.zj.mediation-start",
      ])
    #expect(catalog.clocks(for: .consumerAssociation, region: "310104").map(\.id) == ["cn.cca.sh.mediation"])
    // The regulator's clocks are national.
    #expect(
      catalog.clocks(for: .marketRegulator, region: "330106").map(\.id) == [
        "cn.samr.accept-decision", "cn.samr.mediation",
      ])
  }

  static func sources() throws -> [String: RulePack.Source] {
    try ClockCatalogLoader.loadSources(jurisdiction: "cn", legal: CaseTrackerTests.legal)
  }

  @Test func rejectsTyposWithFileAndLine() throws {
    let url = CaseTrackerTests.legal.appendingPathComponent("cn/clocks.yaml")
    var text = try String(contentsOf: url, encoding: .utf8)
    text = text.replacingOccurrences(of: "unit: working-days", with: "unit: workdays")
    text = text.replacingOccurrences(
      of: "ended: [consumer-association, arbitration, court]",
      with: "ended: [consumer-asociation, arbitration, court]")
    text = text.replacingOccurrences(
      of: "    closed_by: [closed, refused, withdrawn]\n",
      with: "    closed_by: [closed, refused, withdrawn]\n    lenght: 3\n")
    text = text.replacingOccurrences(of: "source: zhejiang-measures", with: "source: zhejiang-measure")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    func line(of needle: String) -> Int { (lines.firstIndex { $0.contains(needle) } ?? -1) + 1 }

    let error = #expect(throws: DiagnosticsError.self) {
      try ClockCatalogLoader.read(
        data: Data(text.utf8), file: "legal/cn/clocks.yaml", sources: try Self.sources())
    }
    let problems = error?.diagnostics.map(\.description) ?? []
    #expect(
      problems.contains {
        $0.hasPrefix(
          "legal/cn/clocks.yaml:\(line(of: "unit: workdays")):11: error: clocks[1].unit: \"workdays\" is not allowed"
        )
      }, "\(problems)")
    #expect(
      problems.contains {
        $0.hasPrefix("legal/cn/clocks.yaml:\(line(of: "consumer-asociation")):")
          && $0.hasSuffix(
            "next_routes.market-regulator.ended[0]: no route 'consumer-asociation' under 'routes'; did you mean 'consumer-association'?"
          )
      }, "\(problems)")
    #expect(
      problems.contains {
        $0.hasPrefix(
          "legal/cn/clocks.yaml:\(line(of: "lenght: 3")):5: error: clocks[5].lenght: unknown key 'lenght'; did you mean 'length'?"
        )
      }, "\(problems)")
    #expect(
      problems.contains {
        $0.contains(
          "clocks[1].citations[0].source: no source 'zhejiang-measure' under 'sources' in pack.yaml; did you mean 'zhejiang-measures'?"
        )
      }, "\(problems)")
  }

  @Test func refusesCitationsStrongerThanTheirSourceAndTheOtherBodyWhileHeld() throws {
    let url = CaseTrackerTests.legal.appendingPathComponent("cn/clocks.yaml")
    var text = try String(contentsOf: url, encoding: .utf8)
    // The Shanghai regulation is cited at practice; association practice cannot claim regulation.
    text = text.replacingOccurrences(
      of: "      - source: association-practice\n        article:\n          zh-Hans: 部分地方消协的做法",
      with: "      - source: association-practice\n        article:\n          zh-Hans: 部分地方消协做法")
    text = text.replacingOccurrences(
      of: "overdue: [followup, arbitration, court, market-regulator-after-withdrawal]",
      with: "overdue: [followup, arbitration, court, market-regulator]")
    text = text.replacingOccurrences(
      of: "    closed_by: [closed, refused, withdrawn]\n    appraisal_pauses: true",
      with: "    closed_by: [closed]\n    appraisal_pauses: true")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var t = lines.map(String.init)
    if let i = t.firstIndex(where: { $0.contains("部分地方消协做法") }) {
      // two lines below: en, then confidence
      if let c = t[i...].firstIndex(where: { $0.contains("confidence: practice") }) {
        t[c] = t[c].replacingOccurrences(of: "practice", with: "regulation")
      }
    }
    text = t.joined(separator: "\n")
    let error = #expect(throws: DiagnosticsError.self) {
      try ClockCatalogLoader.read(
        data: Data(text.utf8), file: "legal/cn/clocks.yaml", sources: try Self.sources())
    }
    let problems = error?.diagnostics.map(\.description) ?? []
    #expect(problems.contains { $0.contains("a citation of it cannot claim regulation") }, "\(problems)")
    #expect(problems.contains { $0.contains("route 'market-regulator' is another body") }, "\(problems)")
    #expect(
      problems.contains { $0.contains("every clock closes when the case ends: add refused, withdrawn") },
      "\(problems)")
  }
}
