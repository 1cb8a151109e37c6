import Foundation
import RedressTestSupport
import Testing

/// `redress letter`, `bundle`, `followup` and `verify FILE.zip` through the built binary.
@Suite struct DocumentsEndToEndTests {
  /// A folder holding a copy of an example case and its evidence.
  static func workspace(_ example: URL) throws -> (URL, String) {
    let dir = try Fixtures.temporaryDirectory("documents")
    try FileManager.default.copyItem(
      at: Fixtures.sharedExamples.appendingPathComponent("evidence"),
      to: dir.appendingPathComponent("evidence"))
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
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [
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
    let letter = try String(
      contentsOf: dir.appendingPathComponent("complaint-washer-2026.txt"), encoding: .utf8)
    #expect(letter.contains("22 November 2026"))
  }

  @Test func docLangOverridesTheCaseLanguage() throws {
    let r = try ProcessRunner.redress(
      [
        "letter", Fixtures.washerCase.path, "--doc-lang", "en", "--format", "md", "-o", "-", "--today",
        "2026-11-22",
      ])
    #expect(r.exitCode == 0, "\(r.stderr)")
    #expect(r.stdout.hasPrefix("# Complaint\n"))
    let bad = try ProcessRunner.redress(["letter", Fixtures.washerCase.path, "--doc-lang", "fr"])
    #expect(bad.exitCode == 64)
  }

  @Test func badFormatIsAUsageError() throws {
    let r = try ProcessRunner.redress(["letter", Fixtures.washerCase.path, "--format", "rtf"])
    #expect(r.exitCode == 64)
    #expect(r.stderr.contains("'txt', 'md', 'html', 'docx' or 'pdf'"))
    // Upper case is accepted, as before the formats were an enum.
    let upper = try ProcessRunner.redress(["letter", Fixtures.washerCase.path, "--format", "TXT", "-o", "-"])
    #expect(upper.exitCode == 0, "\(upper.stderr)")
  }

  @Test func followupRefusesAnUnfiledCasePolitely() throws {
    let r = try ProcessRunner.redress(
      ["followup", Fixtures.foodAgentCase.path, "--today", "2026-11-22", "--lang", "en"])
    #expect(r.exitCode == 2)
    #expect(r.stderr.contains("has not been filed yet"))
    #expect(r.stderr.contains("redress file"))
    let chinese = try ProcessRunner.redress(
      ["followup", Fixtures.foodAgentCase.path, "--today", "2026-11-22", "--lang", "zh-Hans"])
    #expect(chinese.exitCode == 2)
    #expect(chinese.stderr.contains("还没有提交，所以没有可以催办的事"))
    #expect(chinese.stderr.contains("redress file"))
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

  @Test func bundleExtractsChecksAndVerifies() throws {
    let (dir, name) = try Self.workspace(Fixtures.washerCase)
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try ProcessRunner.redress(["bundle", name, "--today", "2026-11-22"], currentDirectory: dir)
    #expect(r.exitCode == 0, "\(r.stderr)")
    #expect(r.stdout == "投诉材料-washer-2026.zip\n")
    let zip = dir.appendingPathComponent("投诉材料-washer-2026.zip")

    let out = dir.appendingPathComponent("extracted")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let unzip = try ProcessRunner.run(
      URL(fileURLWithPath: "/usr/bin/unzip"), ["-q", zip.path, "-d", out.path])
    #expect(unzip.exitCode == 0, "\(unzip.stderr)")
    #expect(
      Set(try FileManager.default.contentsOfDirectory(atPath: out.path)) == [
        "SHA256SUMS", "manifest.json", "授权委托书-washer-2026.pdf", "投诉书-washer-2026.docx",
        "投诉书-washer-2026.pdf", "证据01-电子发票.xml", "证据02-授权委托书.pdf", "证据清单-washer-2026.pdf",
      ])
    let sums = try ProcessRunner.run(
      URL(fileURLWithPath: "/usr/bin/sha256sum"), ["-c", "SHA256SUMS"], currentDirectory: out)
    #expect(sums.exitCode == 0, "\(sums.stdout)\(sums.stderr)")
    let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
    #expect(manifest.contains("\"case\": \"washer-2026\""))
    #expect(manifest.contains("\"evidence\": \"E1\""))

    let ok = try ProcessRunner.redress(["verify", zip.path])
    #expect(ok.exitCode == 0, "\(ok.stdout)\(ok.stderr)")

    // Flip one bit inside a stored member (the evidence PDF is stored as it is).
    var data = try Data(contentsOf: zip)
    let original = try Data(contentsOf: dir.appendingPathComponent("evidence/authorization.pdf"))
    let range = try #require(data.range(of: original))
    data[range.lowerBound + original.count / 2] ^= 0x01
    try data.write(to: zip)
    let bad = try ProcessRunner.redress(["verify", zip.path])
    #expect(bad.exitCode == 1)
    #expect((bad.stdout + bad.stderr).contains("证据02-授权委托书.pdf"))
    #expect(!(bad.stdout + bad.stderr).contains("证据01-电子发票.xml: CHANGED"))
  }

  @Test func bundleOfAStoredCaseTakesTheStoredEvidence() throws {
    let dir = try Fixtures.temporaryDirectory("stored-bundle")
    defer { try? FileManager.default.removeItem(at: dir) }
    let store = dir.appendingPathComponent("store").path
    let imported = try ProcessRunner.redress(["import", Fixtures.washerCase.path, "--store", store])
    #expect(imported.exitCode == 0, "\(imported.stderr)")
    let r = try ProcessRunner.redress(
      ["bundle", "washer-2026", "--store", store, "--today", "2026-11-22", "-o", "b.zip"],
      currentDirectory: dir)
    #expect(r.exitCode == 0, "\(r.stderr)")
    let v = try ProcessRunner.redress(["verify", dir.appendingPathComponent("b.zip").path, "--lang", "en"])
    #expect(v.exitCode == 0, "\(v.stdout)\(v.stderr)")
    #expect(v.stdout.contains("ok          证据01-电子发票.xml"))
    let chinese = try ProcessRunner.redress([
      "verify", dir.appendingPathComponent("b.zip").path, "--lang", "zh-Hans",
    ])
    #expect(chinese.exitCode == 0, "\(chinese.stdout)\(chinese.stderr)")
    #expect(chinese.stdout.contains("完好        证据01-电子发票.xml"))
    #expect(chinese.stdout.contains("个文件已按 manifest.json 和 SHA256SUMS 核验，全部未改动"))
  }

  @Test func bundleRefusesMissingEvidenceAndWritesNothing() throws {
    let (dir, name) = try Self.workspace(Fixtures.washerCase)
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.removeItem(at: dir.appendingPathComponent("evidence/invoice.xml"))
    let r = try ProcessRunner.redress(["bundle", name, "--today", "2026-11-22"], currentDirectory: dir)
    #expect(r.exitCode == 2)
    #expect(r.stderr.contains("evidence/invoice.xml"))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["evidence", "washer.yaml"])
  }

  @Test func verifyRefusesAHostileZip() throws {
    let dir = try Fixtures.temporaryDirectory("hostile-zip")
    defer { try? FileManager.default.removeItem(at: dir) }
    // A zip whose member would escape the extraction folder, made with Python's zipfile.
    let zip = dir.appendingPathComponent("evil.zip")
    let script =
      "import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1],'w')\nz.writestr('../evil','x')\nz.writestr('manifest.json','{}')\nz.close()\n"
    let py = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", script, zip.path])
    #expect(py.exitCode == 0, "\(py.stderr)")
    let r = try ProcessRunner.redress(["verify", zip.path])
    #expect(r.exitCode == 1)
    #expect((r.stdout + r.stderr).contains("../evil"))
    #expect(
      !FileManager.default.fileExists(
        atPath: dir.deletingLastPathComponent().appendingPathComponent("evil").path))
  }
}
