import Foundation
import RedressTestSupport
import Testing

/// `redress letter`, `bundle`, `followup` and `verify FILE.zip` through the built binary.
@Suite struct DocumentsEndToEndTests {
  /// A folder holding a copy of an example case and its evidence.
  static func workspace(_ example: URL) throws -> (URL, String) {
    let dir = try Fixtures.temporaryDirectory("documents")
    try FileManager.default.copyItem(
      at: Fixtures.sharedExamples.appendingPathComponent("evidence"), to: dir.appendingPathComponent("evidence"))
    try FileManager.default.copyItem(at: example, to: dir.appendingPathComponent(example.lastPathComponent))
    return (dir, example.lastPathComponent)
  }

  @Test func letterToStandardOutput() throws {
    let r = try ProcessRunner.redress(
      ["letter", Fixtures.washerCase.path, "--format", "md", "-o", "-", "--today", "2026-11-22"])
    #expect(r.exitCode == 0, "\(r.stderr)")
    #expect(r.stdout.hasPrefix("# 投诉书\n"))
    #expect(r.stdout.contains("退还货款¥2,999.00"))
    #expect(r.stdout.contains("2026年11月22日"))
  }

  @Test func letterFileIsNamedForTheCaseReplacedWholeAndOwnerOnly() throws {
    let (dir, name) = try Self.workspace(Fixtures.washerCase)
    defer { try? FileManager.default.removeItem(at: dir) }
    for _ in 0..<2 {
      let r = try ProcessRunner.redress(
        ["letter", name, "--format", "html", "--today", "2026-11-22"], currentDirectory: dir)
      #expect(r.exitCode == 0, "\(r.stderr)")
      #expect(r.stdout == "投诉书-washer-2026.html\n")
    }
    let out = dir.appendingPathComponent("投诉书-washer-2026.html")
    let html = try String(contentsOf: out, encoding: .utf8)
    #expect(html.contains("<h1>投诉书</h1>"))
    let mode = try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    // Only the case, its evidence and the letter: no temporary file left behind.
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [
      "evidence", "washer.yaml", "投诉书-washer-2026.html",
    ])
  }

  @Test func redactMasksPersonalData() throws {
    let r = try ProcessRunner.redress(
      ["letter", Fixtures.washerCase.path, "--format", "txt", "-o", "-", "--redact", "--today", "2026-11-22"])
    #expect(r.exitCode == 0, "\(r.stderr)")
    #expect(r.stdout.contains("110105********002X"))
    #expect(r.stdout.contains("138****8000"))
    #expect(r.stdout.contains("北京市朝阳区（详细地址已隐去）"))
    #expect(!r.stdout.contains("11010519491231002X"))
    #expect(!r.stdout.contains("13800138000"))
    #expect(!r.stdout.contains("某某路1号"))
  }

  @Test func englishDocumentsFollowTheCaseLanguage() throws {
    let (dir, name) = try Self.workspace(Fixtures.washerCase)
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent(name)
    let text = try String(contentsOf: url, encoding: .utf8)
      .replacingOccurrences(of: "language: zh-Hans", with: "language: en")
    try text.write(to: url, atomically: true, encoding: .utf8)
    let r = try ProcessRunner.redress(
      ["letter", name, "--format", "txt", "--today", "2026-11-22"], currentDirectory: dir)
    #expect(r.exitCode == 0, "\(r.stderr)")
    #expect(r.stdout == "complaint-washer-2026.txt\n")
    let letter = try String(contentsOf: dir.appendingPathComponent("complaint-washer-2026.txt"), encoding: .utf8)
    #expect(letter.contains("22 November 2026"))
  }

  @Test func badFormatIsAUsageError() throws {
    let r = try ProcessRunner.redress(["letter", Fixtures.washerCase.path, "--format", "rtf"])
    #expect(r.exitCode == 64)
    #expect(r.stderr.contains("txt, md, html, docx, pdf"))
  }

  @Test func followupRefusesAnUnfiledCasePolitely() throws {
    let r = try ProcessRunner.redress(["followup", Fixtures.foodAgentCase.path, "--today", "2026-11-22"])
    #expect(r.exitCode == 2)
    #expect(r.stderr.contains("has not been filed yet"))
    #expect(r.stderr.contains("redress file"))
  }

  @Test func followupWarnsWhenTheWindowWasAnsweredAndStillWrites() throws {
    let r = try ProcessRunner.redress(
      ["followup", Fixtures.washerCase.path, "--today", "2026-11-22", "--format", "txt", "-o", "-"])
    #expect(r.exitCode == 0, "\(r.stderr)")
    #expect(r.stderr.contains("warning:"))
    #expect(r.stdout.contains("催办函"))
    #expect(r.stdout.contains("GD2026101200001"))
    #expect(r.stdout.contains("2026年10月27日"))
    #expect(r.stdout.contains("2026年11月30日前"))
  }
}
