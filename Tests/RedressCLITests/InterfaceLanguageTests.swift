import Foundation
import RedressCore
import RedressDocuments
import RedressFiles
import RedressMail
import RedressStore
import RedressTestSupport
import Testing

@testable import RedressCLI

/// The store and document commands speak the interface language: Simplified Chinese for a
/// Chinese `LANG` (and by default), English for `--lang en` or an English `LANG`. One test per
/// command family, each running the same steps in both languages; the compiler-style
/// diagnostics stay as they are in every language.
@Suite struct InterfaceLanguageTests {
  typealias Sandbox = StoreCommandsTests.Sandbox

  let washer = Fixtures.washerCase.path
  let food = Fixtures.foodAgentCase.path

  @Test func importListFileAndLog() throws {
    let zh = try Sandbox(language: "zh_CN.UTF-8")
    #expect(try zh.run("list").out == "还没有保存的案件。`redress new` 开始一个新案件；`redress import 文件` 导入案件文件。\n")
    let imported = try zh.run("import", washer, food)
    #expect(imported.code == 0, "\(imported.err)")
    #expect(imported.out.contains("已导入 washer-2026（来自 \(washer)）：2 个证据文件（"))
    #expect(imported.out.contains("已导入 milk-powder-2026（来自 \(food)）：0 个证据文件\n"))
    #expect(imported.out.hasSuffix("已导入 2 个案件\n"))
    let again = try zh.run("import", washer)
    #expect(again.code == 2)
    #expect(again.err.contains("error: \(washer): 已经保存了编号为“washer-2026”的案件；要替换它，请加 --replace"))
    #expect(again.err.contains("\(washer): 未导入"))
    let list = try zh.run("list").out.split(separator: "\n")
    #expect(list.first?.hasPrefix("案件") == true)
    #expect(list.first?.contains("被投诉方") == true)
    #expect(list.contains { $0.hasPrefix("washer-2026") && $0.contains("已答复") })
    #expect(try zh.run("list", "--lang", "en").out.hasPrefix("CASE"))
    let filed = try zh.run("file", "milk-powder-2026", "--on", "2026-11-10", "--reference", "SZ-1")
    #expect(filed.out == "milk-powder-2026：已记录提交日 2026-11-10，受理编号 SZ-1\n`redress status` 可以查看答复期限和到期日。\n")
    let logged = try zh.run("log", "milk-powder-2026", "--kind", "follow-up", "--on", "2026-11-20")
    #expect(logged.out == "milk-powder-2026：已记录 2026-11-20 的催办\n")
    let tomorrow = CommandEnvironment.localToday().adding(days: 1).iso
    #expect(try zh.run("log", "milk-powder-2026", "--kind", "note", "--on", tomorrow).err.contains("晚于今天"))
    #expect(try zh.run("file", "nothing", "--on", "2026-11-10").err.contains("没有编号为“nothing”的已保存案件"))

    let en = try Sandbox(language: "en_US.UTF-8")
    #expect(try en.run("list").out.hasPrefix("No stored cases."))
    let enImported = try en.run("import", washer, food)
    #expect(enImported.out.contains("imported washer-2026 from \(washer): 2 evidence files ("))
    #expect(enImported.out.hasSuffix("2 imported\n"))
    #expect(try en.run("import", washer).err.contains("a case with id 'washer-2026' is already stored"))
    let enList = try en.run("list").out.split(separator: "\n")
    #expect(enList.first?.hasPrefix("CASE") == true)
    #expect(enList.contains { $0.hasPrefix("washer-2026") && $0.contains("answered") })
    let enFiled = try en.run("file", "milk-powder-2026", "--on", "2026-11-10", "--reference", "SZ-1")
    #expect(
      enFiled.out
        == "milk-powder-2026: filed on 2026-11-10, reference SZ-1\n`redress status` shows the response window and its due day.\n"
    )
    let enLogged = try en.run("log", "milk-powder-2026", "--kind", "follow-up", "--on", "2026-11-20")
    #expect(enLogged.out == "milk-powder-2026: follow-up logged on 2026-11-20\n")

    let hant = try Sandbox(language: "zh_TW.UTF-8")
    #expect(try hant.run("list").out.hasPrefix("還沒有保存的案件。"))
  }

  @Test func verifyAndExportOfAStoredCase() throws {
    for language in ["zh_CN.UTF-8", "en_US.UTF-8"] {
      let box = try Sandbox(language: language)
      let english = language.hasPrefix("en")
      func say(_ zh: String, _ en: String) -> String { english ? en : zh }
      #expect(try box.run("import", washer).code == 0)
      let ok = try box.run("verify", "washer-2026")
      #expect(ok.code == 0)
      #expect(ok.out.contains(say("完好     E1 evidence/invoice.xml\n", "ok       E1 evidence/invoice.xml\n")))
      #expect(
        ok.out.hasSuffix(
          say("washer-2026：2 个证据文件已核验，全部未改动\n", "washer-2026: 2 evidence files verified, all unchanged\n")))

      let exported = try box.run("export", "washer-2026", "--yaml", "-o", "out")
      #expect(
        exported.out
          == say(
            "已导出 washer-2026 到 out/：washer-2026.yaml 和 2 个证据文件\n",
            "exported washer-2026 to out/: washer-2026.yaml and 2 evidence files\n"))
      let refused = try box.run("export", "washer-2026", "--yaml", "-o", "out")
      #expect(refused.code == 2)
      #expect(
        refused.err.contains(
          say("out 已存在而且不是空的；没有覆盖任何内容", "out exists and is not empty; nothing was overwritten")))

      let store = try box.openStore()
      let invoice = try #require(
        try store.fetch("washer-2026")?.evidence.first { $0.file == "evidence/invoice.xml" })
      let url = store.blobs.url(for: invoice.blob)
      var bytes = [UInt8](try Data(contentsOf: url))
      bytes[0] ^= 0x01
      try Data(bytes).write(to: url)
      let changed = try box.run("verify", "washer-2026")
      #expect(changed.code == 1)
      #expect(
        changed.out.contains(
          say(
            "已改动   E1 evidence/invoice.xml：保存的副本（",
            "CHANGED  E1 evidence/invoice.xml: the stored copy no longer matches")))
      #expect(
        changed.err
          == say(
            "washer-2026：2 个证据文件中有 1 个被改动或缺失\n", "washer-2026: 1 of 2 evidence files changed or missing\n"))
      let unknown = try box.run("verify", "nothing")
      #expect(unknown.code == 2)
      #expect(
        unknown.err.contains(say("找不到证据包 nothing，也没有这个编号的已保存案件", "no bundle nothing and no stored case")))
    }
  }

  @Test func validateLetterBundleAndFollowup() throws {
    let data = Fixtures.repositoryRoot.path
    for language in ["zh_CN.UTF-8", "en_US.UTF-8"] {
      let box = try Sandbox(language: language)
      let english = language.hasPrefix("en")
      func say(_ zh: String, _ en: String) -> String { english ? en : zh }
      let valid = try box.run("validate", washer, "--today", "2026-11-22", "--data", data)
      #expect(valid.out == say("\(washer)：没有发现问题\n", "\(washer): valid\n"))
      try Data("version: 1\nid: bad-case\ncomplainant:\n  nmae: 王\n".utf8).write(
        to: box.root.appendingPathComponent("bad.yaml"))
      let invalid = try box.run("validate", "bad.yaml", "--today", "2026-11-22", "--data", data)
      #expect(invalid.code == 2)
      // The diagnostics are the same in every language; the summary is not.
      #expect(invalid.err.contains("bad.yaml:4:3: error: complainant.nmae: unknown key 'nmae'"))
      let summary = try #require(invalid.err.split(separator: "\n").last.map(String.init))
      #expect(summary.hasPrefix(say("bad.yaml：", "bad.yaml: ")), "\(summary)")
      // The purchase facts a complaint is expected to state are warnings (rules.md revision 2).
      #expect(summary.hasSuffix(say(" 个错误，4 个警告", " errors, 4 warnings")), "\(summary)")

      let bundle = try box.run("bundle", washer, "-o", "w.zip", "--today", "2026-11-22", "--data", data)
      #expect(bundle.code == 0, "\(bundle.err)")
      #expect(bundle.out == "w.zip\n")
      #expect(
        bundle.err.contains(
          say(
            "共 6 个文件（其中证据 2 个），另有 manifest.json 和 SHA256SUMS",
            "6 files (2 evidence), manifest.json and SHA256SUMS")))
      let verified = try box.run("verify", "w.zip")
      #expect(verified.code == 0)
      #expect(verified.out.contains(say("完好        证据01-电子发票.xml\n", "ok          证据01-电子发票.xml\n")))
      #expect(
        verified.out.hasSuffix(
          say(
            "w.zip：6 个文件已按 manifest.json 和 SHA256SUMS 核验，全部未改动\n",
            "w.zip: 6 files verified against manifest.json and SHA256SUMS, all unchanged\n")))
      #expect(
        try box.run("verify", "none.zip").err.contains(
          say("找不到证据包 none.zip：文件不存在", "no bundle none.zip: the file does not exist")))
      #expect(
        try box.run("verify", "bad.yaml").err.contains(
          say("bad.yaml 不是 zip 文件", "bad.yaml is not a zip file")))

      let letter = try box.run(
        "letter", washer, "--format", "txt", "-o", "l.txt", "--today", "2026-11-22", "--data", data)
      #expect(letter.out == "l.txt\n", "the path stays alone on its line: \(letter.err)")
      let badFormat = try box.run("letter", washer, "--format", "rtf", "--data", data)
      // A usage error, worded by argument-parser like every other (the formats are an enum).
      #expect(badFormat.code == 64)
      #expect(badFormat.err.contains("'txt', 'md', 'html', 'docx' or 'pdf'"))
      try Data("version: 1\nid: draft-case\ncomplainant:\n  name: 王\n".utf8).write(
        to: box.root.appendingPathComponent("draft.yaml"))
      let draft = try box.run("letter", "draft.yaml", "--format", "txt", "-o", "d.txt", "--data", data)
      #expect(draft.out == "d.txt\n")
      #expect(
        draft.err.contains(say("warning: 案件缺少受理机构要求的内容：", "warning: the case lacks what the body requires:")))

      let unfiled = try box.run("followup", food, "--today", "2026-11-22", "--data", data)
      #expect(unfiled.code == 2)
      #expect(unfiled.err.contains(say("还没有提交，所以没有可以催办的事", "has not been filed yet")))
      let answered = try box.run(
        "followup", washer, "--format", "txt", "-o", "f.txt", "--today", "2026-11-22", "--data", data)
      #expect(answered.out == "f.txt\n")
      #expect(answered.err.contains(say("warning: 期限已经结束（答复 ", "warning: the window was closed (response ")))
    }
  }

  @Test func emailExport() throws {
    let data = Fixtures.repositoryRoot.path
    for language in ["zh_CN.UTF-8", "en_US.UTF-8"] {
      let box = try Sandbox(language: language)
      let english = language.hasPrefix("en")
      func say(_ zh: String, _ en: String) -> String { english ? en : zh }
      let r = try box.run("export", washer, "--eml", "-o", "out", "--data", data)
      #expect(r.code == 0, "\(r.err)")
      #expect(r.out.contains(say(" KB，6 个附件\n", " KB, 6 attachments\n")))
      #expect(r.out.contains(say("下一步：在邮件客户端里打开每个 .eml 文件", "Next: open each .eml file in your mail client")))
      #expect(
        r.err.contains(
          say("note: 没有给出 --to：邮件还没有收件人", "note: no --to was given: the messages have no recipient")))
      let small = try box.run("export", washer, "--eml", "-o", "out", "--max-size", "1KB", "--data", data)
      #expect(small.code == 2)
      #expect(
        small.err.contains(
          say(
            "--max-size “1KB”：太小；一封邮件至少需要 10 KB；",
            "--max-size \"1KB\": too small; a message needs at least 10 KB;")))
      let badTo = try box.run("export", washer, "--eml", "-o", "out", "--to", "bad addr", "--data", data)
      #expect(
        badTo.err.contains(
          say(
            "--to: “bad addr”不是可以使用的电子邮件地址：应为 name@example.com",
            "--to: \"bad addr\" is not an e-mail address we can use")))
      let split = try box.run(
        "export", food, "--eml", "-o", "split", "--max-size", "30KB", "--from", "a@b.cn", "--data", data)
      #expect(split.code == 0, "\(split.err)")
      #expect(
        split.out.hasPrefix(
          say("投诉材料超过 30 KB，所以分成 ", "The filing is larger than 30 KB, so it is split into ")))
      #expect(
        split.out.contains(
          say("  然后记录提交：redress file \(food) --on", "  Then record the filing: redress file \(food) --on")))
    }
  }

  /// Every reason the bundle verifier and the mail module give has Chinese wording, and the
  /// English is the module's own.
  @Test func everyBundleAndMailReasonIsWordedInBothLanguages() {
    let zh = CommandWords(.zhHans)
    let hant = CommandWords(.zhHant)
    let en = CommandWords(.en)
    func isChinese(_ s: String) -> Bool { s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
    let names: [BundleVerifier.NameProblem] = [
      .empty, .absolute, .backslash, .controlCharacter, .parentComponent, .driveLetter, .emptyComponent,
    ]
    var reasons: [BundleVerifier.Check.Reason] = [
      .symbolicLink, .duplicateName, .manifestDigest(actual: "a", listed: "b"), .notInZip, .longer(listed: 9),
      .unreadable("x"), .size(actual: 1, listed: 2), .digest(actual: "a", listed: "b"), .notInManifest,
    ]
    reasons += names.flatMap { [.unsafeName($0), .unsafeListedName($0)] }
    for r in reasons {
      #expect(isChinese(zh.reason(r)) && isChinese(hant.reason(r)), "\(r)")
      #expect(en.reason(r) == r.description)
    }
    let problems: [BundleVerifier.Problem] = [
      .manifestMissing, .manifestUnreadable, .malformedSumsLine("x"), .sumsOmitManifest, .sumsMissing,
      .listsDisagree("x"), .sumsOmit("x"),
    ]
    for p in problems {
      #expect(isChinese(zh.problem(p)) && isChinese(hant.problem(p)), "\(p)")
      #expect(en.problem(p) == p.description)
    }
    let mail: [MailError] =
      [
        .attachmentTooLarge(name: "a", fileSize: 1, messageSize: 2, limit: 3),
        .letterTooLarge(names: ["a"], messageSize: 2, limit: 1),
        .unreadableAttachment(name: "a", path: "p", reason: "r"),
        .missingSender, .writeFailed(path: "p", reason: "r"),
      ]
      + [MailError.AddressProblem.controlCharacter, .empty, .malformed].map {
        .invalidAddress(address: "x", reason: $0)
      }
      + [
        MailError.SizeProblem.noNumber, .notANumber("x"), .unknownUnit("x"), .tooLarge, .tooSmall,
        .overMailLimit,
      ]
      .map { .invalidSize(text: "x", reason: $0) }
    for e in mail {
      #expect(isChinese(zh.mailError(e)) && isChinese(hant.mailError(e)), "\(e)")
      #expect(en.mailError(e) == e.description)
    }
    // Every reason inside a Chinese sentence is Chinese too.
    #expect(!zh.mailError(.invalidSize(text: "x", reason: .noNumber)).contains("no number"))
    #expect(!zh.mailError(.invalidAddress(address: "x", reason: .malformed)).contains("expected"))
  }
}
