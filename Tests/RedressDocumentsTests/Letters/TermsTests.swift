import Foundation
import RedressCore
import RedressTestSupport
import Testing

@testable import RedressDocuments

@Suite struct TermsTests {
  static let library = TemplateLibrary(root: Fixtures.repositoryRoot.appendingPathComponent("templates"))

  /// Every enumerated value of the case file has a word in every language (the loader refuses
  /// a terms file that lacks one; this states it for each table).
  @Test func everyEnumerationIsTranslatedInEveryLanguage() throws {
    for language in Self.library.languages() {
      let terms = try Self.library.terms(language)
      for (table, words) in Terms.requiredTables {
        for word in words {
          let label = terms.tables[table]?[word] ?? ""
          #expect(!label.isEmpty, "\(language): \(table).\(word)")
        }
      }
      #expect(Set(terms.windows.keys) == Set(Terms.windowNames))
      #expect(!terms.powerOfAttorney.powers.isEmpty)
    }
  }

  @Test func datesAndAmountsHaveOneStyle() throws {
    let zh = try Self.library.terms("zh-Hans")
    let en = try Self.library.terms("en")
    let day = CalendarDate(iso: "2026-11-22")!
    #expect(zh.date(day) == "2026年11月22日")
    #expect(en.date(day) == "22 November 2026")
    #expect(zh.date(CalendarDate(iso: "2027-01-03")!) == "2027年1月3日")
    #expect(zh.money(Money(decimal: "3199")!) == "¥3,199.00")
    #expect(en.money(Money(decimal: "1234567.5")!) == "¥1,234,567.50")
    #expect(zh.money(Money(decimal: "0.05")!) == "¥0.05")
    #expect(zh.money(Money(decimal: "12")!, currency: "USD") == "USD 12.00")
  }

  @Test func evidenceReferencesReadNaturally() throws {
    let zh = try Self.library.terms("zh-Hans")
    #expect(zh.evidenceReferences([3]) == "证据3")
    #expect(zh.evidenceReferences([2, 1]) == "证据1、证据2")
    #expect(zh.evidenceReferences([1, 2, 3, 5]) == "证据1至证据3、证据5")
    let en = try Self.library.terms("en")
    #expect(en.evidenceReferences([1, 2, 3]) == "Exhibit 1 to Exhibit 3")
  }

  @Test func aTermsFileWithAMissingWordIsRefusedWithItsLine() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("terms-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let original = try String(
      contentsOf: Self.library.root.appendingPathComponent("zh-Hans/terms.yaml"), encoding: .utf8)
    let broken = original.replacingOccurrences(of: "  online: 网络购物\n", with: "  onlin: 网络购物\n")
    let url = folder.appendingPathComponent("terms.yaml")
    try broken.write(to: url, atomically: true, encoding: .utf8)
    do {
      _ = try Terms.load(contentsOf: url, displayName: "terms.yaml")
      Issue.record("a broken terms file loaded")
    } catch let e as DiagnosticsError {
      let messages = e.diagnostics.map(\.description)
      #expect(
        messages.contains {
          $0.contains("purchase_channel.onlin: unknown key 'onlin'; did you mean 'online'?")
        })
      #expect(messages.contains { $0.contains("purchase_channel.online: missing key 'online'") })
    }
  }
}

/// The letter's `grounds` and the follow-up's `windows` name things that exist in `legal/`.
@Suite struct TermsAgainstLegalDataTests {
  static let legal = Fixtures.repositoryRoot.appendingPathComponent("legal")

  @Test func groundsNameRulesOfThePackThatCiteLaw() throws {
    let engine = try RuleEngine.load(packAt: Self.legal, jurisdiction: "cn")
    let rules = Dictionary(uniqueKeysWithValues: engine.pack.rules.map { ($0.id, $0) })
    for language in TermsTests.library.languages() {
      let terms = try TermsTests.library.terms(language)
      #expect(!terms.grounds.isEmpty)
      for id in terms.grounds.keys.sorted() {
        #expect(rules[id] != nil, "\(language)/terms.yaml: grounds.\(id) is not a rule of legal/cn")
      }
    }
  }

  @Test func windowsNameTheClocksOfTheCatalog() throws {
    let catalog = try ClockCatalogLoader.load(jurisdiction: "cn", legal: Self.legal)
    for language in TermsTests.library.languages() {
      let terms = try TermsTests.library.terms(language)
      for clock in catalog.clocks {
        let w = terms.windows[clock.id]
        #expect(w != nil, "\(language)/terms.yaml: no window words for clock \(clock.id)")
        #expect(w?.practice == clock.practice, "\(language): \(clock.id) practice differs from clocks.yaml")
      }
    }
  }
}
