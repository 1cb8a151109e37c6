import Foundation
import RedressCore
import RedressTestSupport
import Testing

/// The `cn` pack of this checkout, the contract's table of rules, and helpers the rule tests share.
enum RuleFixtures {
  static var legal: URL { Fixtures.repositoryRoot.appendingPathComponent("legal") }

  static func engine() throws -> RuleEngine {
    try RuleEngine.load(packAt: legal, jurisdiction: "cn")
  }

  static func loadCase(_ url: URL) throws -> CaseFile {
    try LoadedCase.load(contentsOf: url).caseFile
  }

  static let today = CalendarDate(iso: "2026-11-22")!

  /// The base case of the pack's examples.
  static func baseCase() throws -> CaseFile {
    try loadCase(legal.appendingPathComponent("cn/examples/base.yaml"))
  }

  /// spec/rules.md, copied by hand: every rule id in the contract's order, with its severity at
  /// the consumer association and at the market regulator. An independent statement of the
  /// contract, so that the pack cannot drift from it unnoticed.
  static let contract: [(id: String, association: FindingSeverity, regulator: FindingSeverity)] = [
    ("cn.missing-contents", .block, .block),
    ("cn.not-consumer-purpose", .block, .block),
    ("cn.private-seller", .block, .block),
    ("cn.time-barred", .block, .block),
    ("cn.already-handled", .block, .block),
    ("cn.settled", .block, .block),
    ("cn.repeat-complaint", .block, .block),
    ("cn.agent-without-authorization", .block, .block),
    ("cn.no-evidence", .block, .warn),
    ("cn.warranty-expired", .block, .warn),
    ("cn.misuse", .block, .warn),
    ("cn.disclosed-defect", .block, .warn),
    ("cn.incomplete-facts", .warn, .warn),
    ("cn.lost-property", .warn, .warn),
    ("cn.outside-competence", .info, .warn),
    ("cn.purpose-unstated", .warn, .warn),
    ("cn.no-purchase-proof", .warn, .warn),
    ("cn.needs-appraisal", .warn, .warn),
    ("cn.mental-damages-basis", .warn, .warn),
    ("cn.punitive-without-basis", .warn, .warn),
    ("cn.claim-exceeds-statutory", .warn, .warn),
    ("cn.no-negotiation", .info, .info),
    ("cn.no-reason-return", .info, .info),
    ("cn.quality-return-7d", .info, .info),
    ("cn.sanbao-return", .info, .info),
    // The car 三包 periods: advice the issue asked for beyond rules.md's table (家用汽车三包规定).
    ("cn.car-sanbao-7d", .info, .info),
    ("cn.car-sanbao-60d", .info, .info),
    ("cn.car-sanbao-repairs", .info, .info),
    ("cn.burden-reversed", .info, .info),
    ("cn.prepaid-refund", .info, .info),
    ("cn.custody-loss", .info, .info),
    ("cn.fraud-punitive", .info, .info),
    ("cn.food-punitive", .info, .info),
    ("cn.drug-punitive", .info, .info),
    ("cn.injury-punitive", .info, .info),
  ]

  /// A copy of `legal/` in a temporary folder, for tests that break a pack on purpose.
  static func copyOfLegal() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redress-rules-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let target = dir.appendingPathComponent("legal")
    try FileManager.default.copyItem(at: legal, to: target)
    return target
  }

  /// Replaces the first occurrence of `old` in a file of the copy; fails when it is not there.
  static func edit(_ legal: URL, _ file: String, replacing old: String, with new: String) throws {
    let url = legal.appendingPathComponent(file)
    let text = try String(contentsOf: url, encoding: .utf8)
    guard let range = text.range(of: old) else {
      throw CancellationError()
    }
    try text.replacingCharacters(in: range, with: new).write(to: url, atomically: true, encoding: .utf8)
  }

  /// The 1-based line of the first occurrence of `needle` in a file of the pack.
  static func line(of needle: String, in legal: URL, _ file: String) throws -> Int {
    let text = try String(contentsOf: legal.appendingPathComponent(file), encoding: .utf8)
    let lines = text.components(separatedBy: "\n")
    guard let i = lines.firstIndex(where: { $0.contains(needle) }) else { throw CancellationError() }
    return i + 1
  }
}
