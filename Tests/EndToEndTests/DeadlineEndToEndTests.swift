import Foundation
import RedressTestSupport
import Testing

/// The built binary answers `redress deadline` as cli.md fixes it, and bad input ends in an
/// error with an exit code of 2 or more, never a crash.
@Suite struct DeadlineEndToEndTests {
  static let binary = ProcessRunner.redressBinary

  static func run(_ arguments: [String]) throws -> (code: Int32, out: String, err: String) {
    let r = try ProcessRunner.redress(arguments, environment: ["LANG": "en_US.UTF-8"])
    return (r.exitCode, r.stdout, r.stderr)
  }

  @Test func springFestivalExampleFromTheInstalledData() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build redress first")
    let r = try Self.run([
      "deadline", "--from", "2025-01-20", "--days", "15", "--calendar", "cn", "--format", "json",
    ])
    #expect(r.code == 0, "\(r.err)")
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    #expect(doc["unadjusted"] as? String == "2025-02-04")
    #expect(doc["due"] as? String == "2025-02-05")
  }

  @Test(arguments: [
    ["--from", "2025-01-20", "--days", "-3"],
    ["--from", "2025-01-20", "--days", "99999999"],
    ["--from", "2025-01-20", "--days", "5", "--calendar", "xx"],
    ["--from", "20250120", "--days", "5"],
  ])
  func badInputExitsTwoOrMore(arguments: [String]) throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build redress first")
    let r = try Self.run(["deadline"] + arguments)
    #expect(r.code >= 2)
    #expect(r.out == "")
    #expect(!r.err.isEmpty)
  }
}
