import Foundation
import RedressCore
import RedressTestSupport
import Testing

/// A broken pack is rejected with the file, line and column of each problem.
@Suite struct RulePackValidationTests {
  private func errors(loading legal: URL) -> [Diagnostic] {
    do {
      _ = try RuleEngine.load(packAt: legal, jurisdiction: "cn")
      Issue.record("the broken pack loaded")
      return []
    } catch let e as DiagnosticsError {
      return e.diagnostics
    } catch {
      Issue.record("unexpected error \(error)")
      return []
    }
  }

  @Test func typoInAFieldNameIsRejectedAtItsLine() throws {
    let legal = try RuleFixtures.copyOfLegal()
    try RuleFixtures.edit(
      legal, "cn/rules/blocking.yaml", replacing: "field: purchase.purpose\n      equals: business",
      with: "field: purchase.purpos\n      equals: business")
    let line = try RuleFixtures.line(of: "field: purchase.purpos", in: legal, "cn/rules/blocking.yaml")
    let found = errors(loading: legal)
    let d = try #require(found.first { $0.message.contains("purchase.purpos'") })
    #expect(d.file.hasSuffix("cn/rules/blocking.yaml"))
    #expect(d.line == line)
    #expect(d.column == 14)
    #expect(d.message.contains("did you mean 'purchase.purpose'"))
    #expect(d.description.contains("blocking.yaml:\(line):14: error: cn.not-consumer-purpose.when.field:"))
  }

  @Test func unknownOperatorIsRejectedAtItsLine() throws {
    let legal = try RuleFixtures.copyOfLegal()
    try RuleFixtures.edit(
      legal, "cn/rules/warnings.yaml", replacing: "        - is-absent: purchase.purpose",
      with: "        - is-missing: purchase.purpose")
    let line = try RuleFixtures.line(of: "is-missing: purchase.purpose", in: legal, "cn/rules/warnings.yaml")
    let found = errors(loading: legal)
    let d = try #require(found.first { $0.message.contains("'is-missing'") })
    #expect(d.file.hasSuffix("cn/rules/warnings.yaml"))
    #expect(d.line == line)
    #expect(d.message.contains("unknown key"))
  }

  @Test func aWordTheFieldCannotHoldIsRejected() throws {
    let legal = try RuleFixtures.copyOfLegal()
    try RuleFixtures.edit(
      legal, "cn/rules/warnings.yaml", replacing: "equals: lost-property", with: "equals: lost-propety")
    let line = try RuleFixtures.line(of: "equals: lost-propety", in: legal, "cn/rules/warnings.yaml")
    let d = try #require(errors(loading: legal).first)
    #expect(d.line == line)
    #expect(d.message.contains("did you mean 'lost-property'"))
  }

  // MARK: A small pack

  private static let packYAML = """
    schema: 1
    jurisdiction: cn
    name: {zh-Hans: 测试, en: test}
    venues:
      consumer-association: {zh-Hans: 消协, en: association}
      market-regulator: {zh-Hans: 市场监管, en: regulator}
    sources:
      law: {name: {zh-Hans: 《法》, en: Law}, kind: statute}
      practice: {name: {zh-Hans: 实务, en: practice}, kind: practice}
      holiday-measures: {name: {zh-Hans: 《全国年节及纪念日放假办法》, en: Holiday Measures}, kind: regulation}
    rule-files: [rules.yaml]
    examples: {base-case: base.yaml, today: 2026-11-22}

    """

  private static let goodRule = """
      - id: cn.sample
        severity: warn
        summary: {zh-Hans: 样例, en: sample}
        rationale: {zh-Hans: 样例, en: sample}
        when:
          is-true: damage.fraud_alleged
        fields: [damage.fraud_alleged]
        message:
          zh-Hans: 样例 {today}
          en: sample {today}
        advice: {zh-Hans: 样例, en: sample}
        citations:
          - source: law
            article: {zh-Hans: 第一条, en: Art. 1}
            confidence: statute
        examples:
          applies:
            - case: {damage: {fraud_alleged: true}}
          does-not-apply:
            - case: {}

    """

  private func smallPack(rules: String, pack: String = packYAML) throws -> URL {
    let legal = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redress-small-pack-\(UUID().uuidString)/legal", isDirectory: true)
    let dir = legal.appendingPathComponent("cn")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try pack.write(to: dir.appendingPathComponent("pack.yaml"), atomically: true, encoding: .utf8)
    try ("schema: 1\nrules:\n" + rules).write(
      to: dir.appendingPathComponent("rules.yaml"), atomically: true, encoding: .utf8)
    try FileManager.default.copyItem(
      at: RuleFixtures.legal.appendingPathComponent("cn/examples/base.yaml"),
      to: dir.appendingPathComponent("base.yaml"))
    return legal
  }

  /// A `rolled` date needs the pack's holiday calendar: without one the pack is refused, naming
  /// pack.yaml; with one the rule counts on it.
  @Test func aRolledDateNeedsTheCalendar() throws {
    let rule = Self.goodRule.replacingOccurrences(
      of: "      is-true: damage.fraud_alleged\n",
      with:
        "      field: reference-day\n      after: {field: damage.discovered_on, plus: 3 years, rolled: true}\n"
    ).replacingOccurrences(of: "[damage.fraud_alleged]", with: "[damage.discovered_on]")
      .replacingOccurrences(
        of: "        - case: {damage: {fraud_alleged: true}}",
        with: "        - {today: 2029-10-23, case: {}}")
    let without = try smallPack(rules: rule, pack: Self.packYAML + "calendar: xx\n")
    let found = errors(loading: without)
    #expect(found.count == 1)
    #expect(found.first?.file.hasSuffix("cn/pack.yaml") == true)
    #expect(found.first?.message.contains("rolls a date to a working day") == true)
    let with = try smallPack(rules: rule)
    try FileManager.default.copyItem(
      at: RuleFixtures.legal.appendingPathComponent("calendars"), to: with.appendingPathComponent("calendars")
    )
    let engine = try RuleEngine.load(packAt: with, jurisdiction: "cn")
    #expect(engine.calendar != nil)
    #expect(RuleExampleRunner.run(engine).failures.isEmpty)
  }

  /// A value chosen by a word names only words the field holds; `if-absent` takes leave-out or zero.
  @Test func wordTextsAndIfAbsentAreChecked() throws {
    let rule = Self.goodRule.replacingOccurrences(
      of: "    fields: [damage.fraud_alleged]\n",
      with: "    fields: [damage.fraud_alleged]\n    values:\n      kind:\n        field: damage.category\n"
        + "        texts:\n          qualty: {zh-Hans: 质量, en: quality}\n")
    let pack =
      Self.packYAML + """
        amounts:
          double:
            summary: {zh-Hans: 两倍, en: twice}
            larger-of:
              - multiply: damage.losses
                by: 2
                if-absent: nothing
            citations:
              - source: law
                article: {zh-Hans: 第一条, en: Art. 1}
                confidence: statute

        """
    let found = errors(loading: try smallPack(rules: rule, pack: pack))
    #expect(
      found.contains { $0.message.contains("never holds \"qualty\"") && $0.message.contains("'quality'") })
    #expect(
      found.contains { $0.message.contains("'if-absent' takes 'leave-out'") && $0.message.contains("'zero'") }
    )
  }

  @Test func theSmallPackLoadsAndItsExamplesHold() throws {
    let engine = try RuleEngine.load(packAt: try smallPack(rules: Self.goodRule), jurisdiction: "cn")
    #expect(engine.pack.rules.map(\.id) == ["cn.sample"])
    #expect(RuleExampleRunner.run(engine).failures.isEmpty)
  }

  @Test func everyProblemOfAFileIsReportedAtOnce() throws {
    var rule = Self.goodRule
    rule = rule.replacingOccurrences(of: "is-true: damage.fraud_alleged", with: "is-true: damage.losses")
    rule = rule.replacingOccurrences(of: "sample {today}", with: "sample {maximum}")
    rule = rule.replacingOccurrences(of: "confidence: statute", with: "confidence: law")
    let found = errors(loading: try smallPack(rules: rule))
    #expect(found.count == 3)
    #expect(
      found.contains {
        $0.message.contains("'is-true' needs true or false, but 'damage.losses' is an amount")
      })
    #expect(found.contains { $0.message.contains("names {maximum}, which is not a value of this rule") })
    #expect(found.contains { $0.message.contains("\"law\" is not allowed here") })
    #expect(found.allSatisfy { $0.file.hasSuffix("cn/rules.yaml") && $0.line != nil && $0.column != nil })
  }

  @Test func missingMessageCitationsAndExampleKindsAreRejected() throws {
    var rule = Self.goodRule
    rule = rule.replacingOccurrences(
      of: "    message:\n      zh-Hans: 样例 {today}\n      en: sample {today}\n", with: "")
    rule = rule.replacingOccurrences(
      of:
        "    citations:\n      - source: law\n        article: {zh-Hans: 第一条, en: Art. 1}\n        confidence: statute\n",
      with: "")
    rule = rule.replacingOccurrences(of: "      does-not-apply:\n        - case: {}\n", with: "")
    let found = errors(loading: try smallPack(rules: rule)).map(\.message)
    #expect(found.contains { $0.contains("missing key 'message'") })
    #expect(found.contains { $0.contains("missing key 'citations'") })
    #expect(found.contains { $0.contains("missing key 'does-not-apply'") })
  }

  @Test func practiceCannotBeCitedAsStatuteAndMustBeNamed() throws {
    let rule = Self.goodRule.replacingOccurrences(of: "source: law", with: "source: practice")
    let found = errors(loading: try smallPack(rules: rule)).map(\.message)
    #expect(found.contains { $0.contains("a citation of it cannot claim statute") })
    let named = Self.goodRule
      .replacingOccurrences(of: "source: law", with: "source: practice")
      .replacingOccurrences(of: "confidence: statute", with: "confidence: practice")
    let found2 = errors(loading: try smallPack(rules: named)).map(\.message)
    #expect(found2.contains { $0.contains("should contain '实务'") })
    #expect(found2.contains { $0.contains("should contain 'practice'") })
  }

  @Test func duplicateIDsMissingVenueSeveritiesAndNewerSchemasAreRejected() throws {
    let twice = errors(loading: try smallPack(rules: Self.goodRule + Self.goodRule)).map(\.message)
    #expect(twice.contains { $0.contains("rule 'cn.sample' is defined twice") })
    let venues = Self.goodRule.replacingOccurrences(
      of: "severity: warn", with: "severity: {consumer-association: block}")
    #expect(
      errors(loading: try smallPack(rules: venues)).contains {
        $0.message.contains("missing the severity for venue market-regulator")
      })
    let newer = Self.packYAML.replacingOccurrences(of: "schema: 1", with: "schema: 2")
    #expect(
      errors(loading: try smallPack(rules: Self.goodRule, pack: newer)).contains {
        $0.message.contains("schema 2 is newer than this redress reads")
      })
  }

  @Test func conditionsAreCheckedForShapeAndType() throws {
    let cases: [(String, String)] = [
      ("is-true: damage.fraud_alleged", "field: damage.fraud_alleged\n      after: today"),
      ("is-true: damage.fraud_alleged", "is-true: damage.fraud_alleged\n      is-absent: damage.losses"),
      ("is-true: damage.fraud_alleged", "some: evidence\n      where: {field: agent.name, equals: x}"),
      ("is-true: damage.fraud_alleged", "field: claims[].amount\n      more-than: \"1.00\""),
      (
        "is-true: damage.fraud_alleged",
        "field: damage.discovered_on\n      after: {field: today, plus: 3 yrs}"
      ),
      ("is-true: damage.fraud_alleged", "field: damage.losses\n      more-than: {amount: nothing}"),
    ]
    let expected = [
      "'after' needs a date, but 'damage.fraud_alleged' is true or false",
      "one operator per condition, found is-true and is-absent",
      "an element of evidence has no field 'agent.name'",
      "names no single value",
      "expected a period such as '7 days'",
      "no amount 'nothing' in the pack",
    ]
    for ((old, new), message) in zip(cases, expected) {
      let found = errors(
        loading: try smallPack(rules: Self.goodRule.replacingOccurrences(of: old, with: new)))
      #expect(found.contains { $0.message.contains(message) }, "\(message): got \(found.map(\.message))")
    }
  }
}
