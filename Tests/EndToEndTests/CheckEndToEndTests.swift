import Foundation
import RedressTestSupport
import Testing

/// `redress check` and `redress rules` through the built binary, as outside tests drive them.
@Suite struct CheckEndToEndTests {
  private func run(_ args: [String]) throws -> (code: Int32, out: String, err: String) {
    let binary = ProcessRunner.redressBinary
    try #require(
      FileManager.default.isExecutableFile(atPath: binary.path),
      "build the binary first (swift build): \(binary.path)")
    let r = try ProcessRunner.redress(
      args, environment: ["REDRESS_DATA": Fixtures.repositoryRoot.path, "LANG": "C.UTF-8"])
    return (r.exitCode, r.stdout, r.stderr)
  }

  @Test func bothSharedExamplesAreAdmissible() throws {
    for (url, rules) in [
      (Fixtures.washerCase, ["cn.quality-return-7d", "cn.sanbao-return", "cn.burden-reversed"]),
      (Fixtures.foodAgentCase, ["cn.fraud-punitive", "cn.food-punitive"]),
    ] {
      let r = try run(["check", url.path, "--today", "2026-11-22", "--format", "json"])
      #expect(r.code == 0, "\(r.err)")
      let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
      #expect(doc["admissible"] as? Bool == true)
      #expect((doc["findings"] as? [[String: Any]])?.compactMap { $0["rule"] as? String } == rules)
    }
  }

  @Test func exitCodesSayAdmissibleRefusedOrBadInput() throws {
    let blocked = Fixtures.repositoryRoot.appendingPathComponent(
      "Tests/RedressCLITests/Fixtures/blocked-three-ways.yaml")
    let refused = try run(["check", blocked.path, "--today", "2026-11-22"])
    #expect(refused.code == 1)
    #expect(refused.out.contains("[cn.private-seller]"))
    let missing = try run(["check", "/nonexistent/case.yaml"])
    #expect(missing.code >= 2)
    #expect(missing.out.isEmpty)
  }

  @Test func rulesListAndExplainWork() throws {
    let list = try run(["rules"])
    #expect(list.code == 0)
    #expect(list.out.components(separatedBy: "\n").filter { $0.hasPrefix("cn.") }.count == 35)
    let explain = try run(["rules", "explain", "cn.time-barred"])
    #expect(explain.code == 0)
    #expect(explain.out.contains("第一百八十八条"))
  }
}
