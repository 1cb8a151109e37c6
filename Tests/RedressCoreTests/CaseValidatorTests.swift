import Foundation
import RedressCore
import RedressTestSupport
import Testing

struct CaseValidatorTests {
  let today = CalendarDate(iso: "2026-11-22")!

  func problems(_ yaml: String, files: [String] = []) throws -> [Diagnostic] {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    for f in files {
      let url = dir.appendingPathComponent(f)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data("x".utf8).write(to: url)
    }
    let url = dir.appendingPathComponent("case.yaml")
    try yaml.write(to: url, atomically: true, encoding: .utf8)
    return CaseValidator(today: today).validateFile(at: url, displayName: "case.yaml")
  }

  @Test func exampleCasesAreValid() {
    for url in [Fixtures.washerCase, Fixtures.foodAgentCase] {
      let found = CaseValidator(today: today).validateFile(at: url, displayName: url.lastPathComponent)
      #expect(found.filter { $0.severity == .error }.isEmpty, "\(found)")
    }
  }

  @Test func missingRequiredFieldsAreListed() {
    var c = CaseFile()
    c.agent = Agent()
    #expect(
      CaseValidator.missingRequiredFields(c) == [
        "complainant.name", "complainant.phone", "complainant.address", "respondent.name",
        "respondent.address", "damage.description", "claims", "agent.name", "agent.phone",
      ])
    // rules.md revision 2: the purchase facts are expected (cn.incomplete-facts), not required.
    #expect(
      CaseValidator.missingExpectedFields(c) == [
        "purchase.date", "purchase.amount_paid", "purchase.items", "damage.discovered_on",
      ])
  }

  @Test func missingPurchaseFactsAreWarningsWithTheirLines() throws {
    let found = try problems(
      """
      version: 1
      complainant: {name: 王小明, phone: "13800138000", address: 北京}
      respondent: {name: 某店, address: 南京}
      purchase: {items: [{category: phone}]}
      damage: {description: 坏了}
      claims: [{type: refund}]

      """)
    #expect(found.filter { $0.severity == .error }.isEmpty, "\(found)")
    let warnings = found.filter { $0.severity == .warning }.map(\.path)
    #expect(
      warnings.contains("purchase.date") && warnings.contains("purchase.amount_paid")
        && warnings.contains("purchase.items") && warnings.contains("damage.discovered_on"))
  }

  @Test func threeMistakesAreAllReportedWithLines() throws {
    let found = try problems(
      """
      version: 1
      complainant:
        name: 王小明
        phone: "1380013800"
        address: 北京
        id_number: "110105194912310021"
      respondent: {name: 某店, address: 南京, credit_code: "91350100M000100Y44"}
      purchase: {date: 2026-10-01, amount_paid: "10", items: [{name: x}]}
      damage: {description: 坏了, discovered_on: 2026-10-05}
      claims: [{type: refund}]

      """)
    let errors = found.filter { $0.severity == .error }
    #expect(errors.map(\.path) == ["complainant.phone", "complainant.id_number", "respondent.credit_code"])
    #expect(errors.map(\.line) == [4, 6, 7])
  }

  @Test func evidenceIdsAndFiles() throws {
    let found = try problems(
      """
      version: 1
      agent: {name: 李, phone: "13900139000", authorization: E9}
      evidence:
        - {id: E1, kind: invoice, title: 发票, file: evidence/invoice.xml}
        - {id: E1, kind: photo, title: 照片, file: evidence/missing.jpg}
        - {id: E2, kind: photo, title: 外面, file: ../outside.jpg}
        - {id: E3, kind: photo, title: 绝对, file: /etc/passwd}

      """, files: ["evidence/invoice.xml"])
    let messages = found.filter { $0.severity == .error }.map { "\($0.path): \($0.message)" }
    #expect(messages.contains { $0.hasPrefix("evidence[1].id") && $0.contains("already used") })
    #expect(messages.contains { $0.hasPrefix("evidence[1].file") && $0.contains("no file") })
    #expect(messages.contains { $0.hasPrefix("evidence[2].file") && $0.contains("leaves") })
    #expect(messages.contains { $0.hasPrefix("evidence[3].file") && $0.contains("absolute") })
    #expect(messages.contains { $0.hasPrefix("agent.authorization") && $0.contains("no evidence item") })
    #expect(!messages.contains { $0.hasPrefix("evidence[0]") })
  }

  @Test func datesInOrderAndNotInTheFuture() throws {
    let found = try problems(
      """
      version: 1
      purchase: {date: 2026-10-10, received_on: 2026-10-09}
      damage: {discovered_on: 2026-10-01}
      filing: {filed_on: 2026-12-01, accepted_on: 2026-11-01}

      """)
    let errors = found.filter { $0.severity == .error }.map(\.path)
    #expect(errors.contains("damage.discovered_on"))
    #expect(errors.contains("purchase.received_on"))
    #expect(errors.contains("filing.filed_on"))
    #expect(errors.contains("filing.accepted_on"))
  }

  /// What `check` shows beside the findings: the errors in the facts themselves, not the
  /// evidence files (check reads none) nor the missing required fields (cn.missing-contents
  /// is that finding).
  @Test func factProblemsLeaveOutFilesAndMissingFields() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("case.yaml")
    try """
    version: 1
    purchase: {date: 2026-10-10}
    damage: {discovered_on: 2026-10-01}
    evidence:
      - {id: E1, kind: invoice, title: 发票, file: evidence/missing.xml}

    """.write(to: url, atomically: true, encoding: .utf8)
    let loaded = try LoadedCase.load(contentsOf: url, displayName: "case.yaml")
    let all = CaseValidator(today: today).validate(loaded).filter { $0.severity == .error }.map(\.path)
    #expect(all.contains("evidence[0].file") && all.contains("complainant.name"))
    let facts = CaseValidator(today: today).factProblems(loaded)
    #expect(facts.map(\.path) == ["damage.discovered_on"], "\(facts)")
    #expect(facts.first?.line == 3)
  }

  @Test func aSymlinkedEvidenceFileIsRefused() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.createSymbolicLink(
      atPath: dir.appendingPathComponent("link.jpg").path, withDestinationPath: "/etc/hostname")
    #expect(CaseValidator.evidencePathProblem("link.jpg", base: dir)!.contains("symbolic link"))
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("d"), withIntermediateDirectories: true)
    #expect(CaseValidator.evidencePathProblem("d", base: dir)!.contains("folder"))
  }
}
