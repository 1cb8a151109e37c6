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
    #expect(cca.closedBy == [.response, .closed])
    #expect(cca.practice)
    #expect(cca.citations.first?.confidence == .practice)
    #expect(cca.citations.contains { $0.source.contains("实施条例") && $0.article.hasPrefix("第四十五条") })

    let decision = try #require(byID["cn.samr.accept-decision"])
    #expect(decision.venue == .marketRegulator)
    #expect((decision.starts, decision.length, decision.unit) == (.filedOn, 7, .workingDays))
    #expect(decision.closedBy == [.accepted, .closed])
    #expect(!decision.practice)

    let mediation = try #require(byID["cn.samr.mediation"])
    #expect((mediation.starts, mediation.length, mediation.unit) == (.acceptedOn, 60, .days))
    #expect(mediation.closedBy == [.closed])
    #expect(mediation.citations.map(\.article) == ["第四十六条第三款"])

    // Every clock: names and explanations in both languages, citations, routes that exist.
    for clock in catalog.clocks {
      for language in ["zh-Hans", "zh-Hant", "en"] {
        #expect(clock.name.values[language]?.isEmpty == false, "\(clock.id) \(language)")
        #expect(clock.explanation.values[language]?.isEmpty == false, "\(clock.id) \(language)")
      }
      #expect(!clock.citations.isEmpty)
      #expect(clock.whenOverdue.allSatisfy { catalog.routes[$0] != nil })
    }
    // The routes of 消法 Art. 39 carry that article.
    for id in ["market-regulator", "consumer-association", "arbitration", "court"] {
      #expect(catalog.routes[id]?.citations.first?.article.hasPrefix("第三十九条") == true, "\(id)")
    }
    for unit in DeadlineUnit.allCases { #expect(catalog.counting[unit]?.citations.isEmpty == false) }
  }

  @Test func rejectsTyposWithFileAndLine() throws {
    let url = CaseTrackerTests.legal.appendingPathComponent("cn/clocks.yaml")
    var text = try String(contentsOf: url, encoding: .utf8)
    text = text.replacingOccurrences(of: "unit: working-days", with: "unit: workdays")
    text = text.replacingOccurrences(
      of: "when_overdue: [consumer-association, arbitration, court]",
      with: "when_overdue: [consumer-asociation, arbitration, court]")
    text = text.replacingOccurrences(
      of: "    closed_by: [closed]\n", with: "    closed_by: [closed]\n    lenght: 3\n")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    func line(of needle: String) -> Int { (lines.firstIndex { $0.contains(needle) } ?? -1) + 1 }

    let error = #expect(throws: DiagnosticsError.self) {
      try ClockCatalogLoader.read(data: Data(text.utf8), file: "legal/cn/clocks.yaml")
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
            "clocks[2].when_overdue[0]: no route 'consumer-asociation' under 'routes'; did you mean 'consumer-association'?"
          )
      }, "\(problems)")
    #expect(
      problems.contains {
        $0.hasPrefix(
          "legal/cn/clocks.yaml:\(line(of: "lenght: 3")):5: error: clocks[2].lenght: unknown key 'lenght'; did you mean 'length'?"
        )
      }, "\(problems)")
  }
}
