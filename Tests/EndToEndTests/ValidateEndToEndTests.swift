import Foundation
import RedressTestSupport
import Testing

/// `redress validate` and the global options, through the built binary.
struct ValidateEndToEndTests {
  @Test func theExampleCaseIsValid() throws {
    let r = try ProcessRunner.redress([
      "validate", Fixtures.washerCase.path, "--today", "2026-11-22", "--lang", "en",
    ])
    #expect(r.exitCode == 0, "\(r.stderr)")
    #expect(r.stdout.hasSuffix(": valid\n"))
    let chinese = try ProcessRunner.redress(
      ["validate", Fixtures.washerCase.path, "--today", "2026-11-22", "--lang", "zh-Hans"])
    #expect(chinese.stdout.hasSuffix("：没有发现问题\n"))
  }

  @Test func threeMistakesAreListedWithLinesAndExitTwo() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var text = try String(contentsOf: Fixtures.washerCase, encoding: .utf8)
    text = text.replacingOccurrences(of: "venue:", with: "venu:")
    text = text.replacingOccurrences(of: "amount_paid: \"2999.00\"", with: "amount_paid: \"2999.123\"")
    text = text.replacingOccurrences(of: "phone: \"13800138000\"", with: "phone: \"1380013800\"")
    let url = dir.appendingPathComponent("three.yaml")
    try FileManager.default.copyItem(
      at: Fixtures.sharedExamples.appendingPathComponent("evidence"),
      to: dir.appendingPathComponent("evidence"))
    try text.write(to: url, atomically: true, encoding: .utf8)
    let before = try Data(contentsOf: url)
    let r = try ProcessRunner.redress(
      ["validate", "three.yaml", "--today", "2026-11-22"], currentDirectory: dir)
    #expect(r.exitCode == 2)
    let lines = r.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(lines.count == 3, "\(r.stderr)")
    #expect(lines[0].hasPrefix("three.yaml:5:1: error: venu: unknown key 'venu'"))
    #expect(lines[1].hasPrefix("three.yaml:14:10: error: complainant.phone:"))
    #expect(lines[2].hasPrefix("three.yaml:54:16: error: purchase.amount_paid:"))
    // A read command never modifies its input.
    #expect(try Data(contentsOf: url) == before)
  }

  @Test func aMissingFileIsAnErrorNotACrash() throws {
    let r = try ProcessRunner.redress(["validate", "/nonexistent/case.yaml"])
    #expect(r.exitCode >= 2)
    #expect(r.stderr.contains("/nonexistent/case.yaml"))
    #expect(!r.stderr.contains("Fatal error"))
  }

  @Test func hostileFilesEndInAClearError() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let cases: [(String, Data, String)] = [
      ("binary.yaml", Data([0, 1, 2, 3, 255, 254]), "not text"),
      ("empty.yaml", Data(), "empty"),
      ("list.yaml", Data("- a\n- b\n".utf8), "got a list"),
      ("deep.yaml", Data(("a: " + String(repeating: "[", count: 100_000)).utf8), "nested"),
    ]
    for (name, data, expected) in cases {
      try data.write(to: dir.appendingPathComponent(name))
      let r = try ProcessRunner.redress(["validate", name], currentDirectory: dir)
      #expect(r.exitCode == 2, "\(name)")
      #expect(r.stderr.contains(expected), "\(name): \(r.stderr)")
    }
  }

  @Test func usageErrorsAndVersion() throws {
    let unknown = try ProcessRunner.redress(["validate", "--frobnicate", "x.yaml"])
    #expect(unknown.exitCode >= 2)
    #expect(unknown.stderr.contains("Usage"))
    let version = try ProcessRunner.redress(["--version"])
    #expect(version.exitCode == 0)
    #expect(!version.stdout.isEmpty)
    let help = try ProcessRunner.redress(["--help"])
    for command in ["new", "validate", "check", "letter", "bundle", "status", "deadline"] {
      #expect(help.stdout.contains("  \(command)"), "help lists \(command)")
    }
  }

  @Test func globalOptionsAreAcceptedEverywhere() throws {
    let r = try ProcessRunner.redress([
      "validate", Fixtures.washerCase.path, "--today", "2026-11-22", "--store", "/tmp/redress-unused",
      "--lang", "en", "--no-color",
    ])
    #expect(r.exitCode == 0, "\(r.stderr)")
    let bad = try ProcessRunner.redress(["validate", Fixtures.washerCase.path, "--lang", "fr"])
    #expect(bad.exitCode >= 2)
  }
}
