import Foundation
import RedressCore
import RedressStore
import RedressTestSupport
import Testing

@testable import RedressCLI

/// The store commands run in-process with captured output, against a store in a fresh
/// temporary folder; in English unless a test asks for another language (the Chinese wording
/// is checked in `InterfaceLanguageTests`).
@Suite struct StoreCommandsTests {
  final class Sandbox {
    let root: URL
    /// `LANG` for the commands.
    let language: String
    var store: String { root.appendingPathComponent("store").path }

    init(language: String = "en_US.UTF-8") throws {
      self.language = language
      root = FileManager.default.temporaryDirectory.appendingPathComponent(
        "redress-cli-store-\(UUID().uuidString)", isDirectory: true)
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: root) }

    /// Runs `redress ARGS --store STORE` in the sandbox folder.
    func run(_ args: String...) throws -> CommandHarness.Result {
      try run(args)
    }

    func run(_ args: [String]) throws -> CommandHarness.Result {
      CommandHarness.run(
        args + ["--store", store], environment: ["HOME": root.path, "LANG": language], currentDirectory: root)
    }

    func openStore() throws -> CaseStore {
      try #require(try CaseStore.open(at: URL(fileURLWithPath: store), create: false))
    }
  }

  private func listJSON(_ box: Sandbox) throws -> [[String: Any]] {
    let r = try box.run("list", "--format", "json")
    #expect(r.code == 0)
    return try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
  }

  @Test func importListExportReimportRoundTrip() throws {
    let box = try Sandbox()
    let imported = try box.run("import", Fixtures.washerCase.path, Fixtures.foodAgentCase.path)
    #expect(imported.code == 0, "\(imported.err)")
    #expect(imported.out.contains("imported washer-2026 from \(Fixtures.washerCase.path): 2 evidence files"))
    #expect(imported.out.contains("2 imported"))

    let list = try listJSON(box)
    #expect(list.map { $0["case"] as? String } == ["milk-powder-2026", "washer-2026"])
    let washer = try #require(list.last)
    #expect(washer["stage"] as? String == "answered")
    #expect(washer["complainant"] as? String == "王小明")
    #expect(washer["respondent"] as? String == "某某电器销售有限公司")
    #expect(washer["evidence"] as? Int == 2)
    #expect(washer["filed_on"] as? String == "2026-10-10")

    let exported = try box.run("export", "washer-2026", "--yaml", "-o", "out")
    #expect(exported.code == 0, "\(exported.err)")
    let out = box.root.appendingPathComponent("out")
    let original = try LoadedCase.load(contentsOf: Fixtures.washerCase)
    let written = try LoadedCase.load(contentsOf: out.appendingPathComponent("washer-2026.yaml"))
    #expect(written.caseFile == original.caseFile)
    for file in ["evidence/invoice.xml", "evidence/authorization.pdf"] {
      #expect(
        try Data(contentsOf: out.appendingPathComponent(file))
          == Data(contentsOf: Fixtures.washerCase.deletingLastPathComponent().appendingPathComponent(file)))
    }

    // Into a second store and back out: the same case and the same bytes.
    let second = try Sandbox()
    let again = try second.run("import", out.appendingPathComponent("washer-2026.yaml").path)
    #expect(again.code == 0, "\(again.err)")
    let a = try #require(try box.openStore().fetch("washer-2026"))
    let b = try #require(try second.openStore().fetch("washer-2026"))
    #expect(a.caseFile == b.caseFile)
    #expect(a.yaml == b.yaml)
    #expect(a.evidence.map(\.blob) == b.evidence.map(\.blob))
  }

  @Test func duplicateIDFailsUnlessReplace() throws {
    let box = try Sandbox()
    #expect(try box.run("import", Fixtures.washerCase.path).code == 0)
    let dup = try box.run("import", Fixtures.washerCase.path)
    #expect(dup.code == 2)
    #expect(dup.err.contains("a case with id 'washer-2026' is already stored; use --replace to replace it"))
    let replaced = try box.run("import", "--replace", Fixtures.washerCase.path)
    #expect(replaced.code == 0)
    #expect(replaced.out.hasPrefix("replaced washer-2026"))
    #expect(try listJSON(box).count == 1)
  }

  @Test func aBadFileIsNotImportedAndTheOthersAre() throws {
    let box = try Sandbox()
    let bad = box.root.appendingPathComponent("bad.yaml")
    try Data("version: 1\nid: bad-case\ncomplainant:\n  nmae: 王\n".utf8).write(to: bad)
    let r = try box.run("import", "bad.yaml", Fixtures.washerCase.path)
    #expect(r.code == 2)
    #expect(r.err.contains("bad.yaml:4:3: error: complainant.nmae:"))
    #expect(r.err.contains("bad.yaml: not imported"))
    #expect(r.out.contains("1 imported, 1 not imported"))
    #expect(try listJSON(box).map { $0["case"] as? String } == ["washer-2026"])
  }

  @Test func anIncompleteCaseIsADraftAndGetsAnID() throws {
    let box = try Sandbox()
    try Data("version: 1\ncomplainant:\n  name: 王小明\n".utf8).write(
      to: box.root.appendingPathComponent("c.yaml"))
    let r = try box.run("import", "c.yaml")
    #expect(r.code == 0, "\(r.err)")
    #expect(r.out.contains("saved as a draft"))
    let list = try listJSON(box)
    let id = try #require(list.first?["case"] as? String)
    #expect(id.hasPrefix("case-") && CaseID.isValid(id))
    #expect(list.first?["stage"] as? String == "draft")
    #expect(list.first?["draft"] as? Bool == true)
    #expect(list.first?["respondent"] is NSNull)
  }

  @Test func fileAndLogCheckTheirDates() throws {
    let box = try Sandbox()
    #expect(try box.run("import", Fixtures.foodAgentCase.path).code == 0)
    let id = "milk-powder-2026"
    let tomorrow = CommandEnvironment.localToday().adding(days: 1).iso
    let bought = try #require(try box.openStore().fetch(id)?.caseFile.purchase?.date)

    let early = try box.run("log", id, "--kind", "response", "--on", bought.iso)
    #expect(early.code == 2)
    #expect(early.err.contains("has no filing day yet; record it first: redress file \(id) --on YYYY-MM-DD"))

    let future = try box.run("file", id, "--on", tomorrow)
    #expect(future.code == 2)
    #expect(future.err.contains("is after today"))

    let beforePurchase = try box.run("file", id, "--on", bought.adding(days: -1).iso)
    #expect(beforePurchase.code == 2)
    #expect(beforePurchase.err.contains("before the purchase on \(bought.iso)"))

    let backwards = try box.run(
      "file", id, "--on", bought.adding(days: 5).iso, "--accepted-on", bought.adding(days: 4).iso)
    #expect(backwards.code == 2)
    #expect(backwards.err.contains("is before the filing on"))

    let filed = try box.run("file", id, "--on", bought.adding(days: 5).iso, "--reference", "SZ-1")
    #expect(filed.code == 0, "\(filed.err)")
    #expect(try listJSON(box).first?["stage"] as? String == "filed")

    let accepted = try box.run(
      "file", id, "--on", bought.adding(days: 5).iso, "--accepted-on", bought.adding(days: 7).iso)
    #expect(accepted.code == 0)
    #expect(try listJSON(box).first?["stage"] as? String == "accepted")

    let beforeFiling = try box.run("log", id, "--kind", "response", "--on", bought.adding(days: 4).iso)
    #expect(beforeFiling.code == 2)
    #expect(beforeFiling.err.contains("is before the filing on \(bought.adding(days: 5).iso)"))

    let badKind = try box.run("log", id, "--kind", "reply", "--on", bought.adding(days: 6).iso)
    #expect(badKind.code == 2)
    #expect(badKind.err.contains("--kind must be one of response, follow-up, mediation, closed, note"))

    #expect(try box.run("log", id, "--kind", "follow-up", "--on", bought.adding(days: 9).iso).code == 0)
    #expect(
      try box.run("log", id, "--kind", "response", "--on", bought.adding(days: 8).iso, "--note", "商家来电").code
        == 0)
    #expect(try listJSON(box).first?["stage"] as? String == "answered")
    let events = try #require(try box.openStore().fetch(id)?.caseFile.filing?.events)
    #expect(events.map { $0.kind } == [.response, .followUp])
    #expect(events.first?.note == "商家来电")

    #expect(try box.run("log", id, "--kind", "closed", "--on", bought.adding(days: 10).iso).code == 0)
    #expect(try listJSON(box).first?["stage"] as? String == "closed")
    let filing = try #require(try box.openStore().fetch(id)?.caseFile.filing)
    #expect(filing.reference == "SZ-1")
    #expect(filing.acceptedOn == bought.adding(days: 7))
  }

  @Test func fileNeedsAStoredCase() throws {
    let box = try Sandbox()
    let r = try box.run("file", Fixtures.washerCase.path, "--on", "2026-10-10")
    #expect(r.code == 2)
    #expect(r.err.contains("is a case file, not a stored case; import it first"))
    let none = try box.run("file", "no-such-case", "--on", "2026-10-10")
    #expect(none.err.contains("no stored case 'no-such-case'"))
  }

  @Test func verifyNamesChangedAndMissingFiles() throws {
    let box = try Sandbox()
    #expect(try box.run("import", Fixtures.washerCase.path).code == 0)
    let ok = try box.run("verify", "washer-2026")
    #expect(ok.code == 0)
    #expect(ok.out.contains("washer-2026: 2 evidence files verified, all unchanged"))

    let store = try box.openStore()
    let stored = try #require(try store.fetch("washer-2026"))
    let invoice = try #require(stored.evidence.first { $0.file == "evidence/invoice.xml" })
    let url = store.blobs.url(for: invoice.blob)
    var bytes = [UInt8](try Data(contentsOf: url))
    bytes[bytes.count / 2] ^= 0x10
    try Data(bytes).write(to: url)
    let changed = try box.run("verify", "washer-2026")
    #expect(changed.code == 1)
    #expect(changed.out.contains("CHANGED  E1 evidence/invoice.xml"))
    #expect(changed.out.contains("ok       E6 evidence/authorization.pdf"))
    #expect(changed.err.contains("1 of 2 evidence files changed or missing"))

    let pdf = try #require(stored.evidence.first { $0.file == "evidence/authorization.pdf" })
    try FileManager.default.removeItem(at: store.blobs.url(for: pdf.blob))
    let missing = try box.run("verify", "washer-2026")
    #expect(missing.code == 1)
    #expect(missing.out.contains("MISSING  E6 evidence/authorization.pdf"))

    // A damaged copy is never exported.
    let export = try box.run("export", "washer-2026", "--yaml", "-o", "out")
    #expect(export.code == 2)
    #expect(!FileManager.default.fileExists(atPath: box.root.appendingPathComponent("out").path))
  }

  @Test func verifyOfAMissingBundleIsAnError() throws {
    let box = try Sandbox()
    let r = try box.run("verify", "bundle.zip")
    #expect(r.code == 2)
    #expect(r.err.contains("bundle.zip: the file does not exist"))
    let unknown = try box.run("verify", "no-such-case")
    #expect(unknown.code == 2)
    #expect(unknown.err.contains("no stored case with that id"))
  }

  @Test func exportNeverOverwrites() throws {
    let box = try Sandbox()
    #expect(try box.run("import", Fixtures.washerCase.path).code == 0)
    let full = box.root.appendingPathComponent("full")
    try FileManager.default.createDirectory(at: full, withIntermediateDirectories: true)
    try Data("keep".utf8).write(to: full.appendingPathComponent("keep.txt"))
    let refused = try box.run("export", "washer-2026", "--yaml", "-o", "full")
    #expect(refused.code == 2)
    #expect(refused.err.contains("full exists and is not empty"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: full.path) == ["keep.txt"])

    try FileManager.default.createDirectory(
      at: box.root.appendingPathComponent("empty"), withIntermediateDirectories: true)
    #expect(try box.run("export", "washer-2026", "--yaml", "-o", "empty").code == 0)
    // The default folder is named after the case.
    #expect(try box.run("export", "washer-2026", "--yaml").code == 0)
    let files = try FileManager.default.contentsOfDirectory(
      atPath: box.root.appendingPathComponent("washer-2026").path)
    #expect(Set(files) == ["washer-2026.yaml", "evidence"])
    // Nothing temporary is left beside the targets.
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: box.root.path).filter { $0.hasPrefix(".") }.isEmpty)
    // Neither or both of --yaml and --eml: a usage error.
    let neither = try box.run("export", "washer-2026")
    #expect(neither.code == 64)
    #expect(neither.err.contains("choose one of --yaml (case file and evidence) or --eml (e-mail files)"))
    let both = try box.run("export", "washer-2026", "--yaml", "--eml")
    #expect(both.code == 64)
    #expect(both.err.contains("--yaml"))
  }

  @Test func readCommandsDoNotCreateAStore() throws {
    let box = try Sandbox()
    let r = try box.run("list")
    #expect(r.code == 0)
    #expect(r.out.contains("No stored cases"))
    #expect(try box.run("list", "--format", "json").out == "[]\n")
    #expect(!FileManager.default.fileExists(atPath: box.store))
  }

  @Test func storedCasesLoadWithTheirEvidence() throws {
    let box = try Sandbox()
    #expect(try box.run("import", Fixtures.washerCase.path).code == 0)
    let validate = try box.run("validate", "washer-2026")
    #expect(validate.code == 0, "\(validate.err)")
    let (output, _) = Output.capturing()
    var global = GlobalOptions()
    global.store = box.store
    let env = CommandEnvironment(global: global, output: output, environment: [:], currentDirectory: box.root)
    let loaded = try #require(try env.loadStoredCase("washer-2026"))
    let invoice = loaded.evidenceURL(for: "evidence/invoice.xml")
    #expect(
      try Data(contentsOf: invoice)
        == Data(
          contentsOf: Fixtures.washerCase.deletingLastPathComponent().appendingPathComponent(
            "evidence/invoice.xml")))
    let summaries = try env.storedCases()
    #expect(summaries.map(\.id) == ["washer-2026"])
    #expect(summaries.first?.caseFile.filing?.filedOn == CalendarDate(iso: "2026-10-10"))
    #expect(summaries.first?.stage == .answered)
  }

  @Test func listTextAlignsChineseNames() throws {
    let box = try Sandbox()
    #expect(try box.run("import", Fixtures.washerCase.path, Fixtures.foodAgentCase.path).code == 0)
    let lines = try box.run("list").out.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix("CASE"))
    // The STAGE and RESPONDENT columns start at the same display column on every line.
    let respondents = ["RESPONDENT", "深圳某某母婴用品店", "某某电器销售有限公司"]
    let respondentColumns = zip(lines, respondents).map { line, name -> Int? in
      line.range(of: name).map { TextTable.width(String(line[..<$0.lowerBound])) }
    }
    #expect(respondentColumns.allSatisfy { $0 != nil })
    #expect(Set(respondentColumns).count == 1)
  }

  @Test func listJSONEscapesNames() throws {
    let tricky = "王\"小\\明\n\t\u{01}\u{2028}end"
    var c = CaseFile()
    c.complainant = Complainant()
    c.complainant?.name = tricky
    let text = ListCommand.json([StoredCaseSummary(id: "x", caseFile: c)])
    #expect(text.contains("\"complainant\": \"王\\\"小\\\\明\\n\\t\\u0001\\u2028end\""))
    #expect(text.contains("\"respondent\": null"))
    let back = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
    #expect(back?.first?["complainant"] as? String == tricky)
    #expect(back?.first?["stage"] as? String == "draft")
  }
}
