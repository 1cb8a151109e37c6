import Foundation
import RedressTestSupport
import Testing

/// `redress new` in a real pseudo-terminal (Python's pexpect drives the built binary): the
/// first answers, Ctrl-C, the draft in the store, a second run that resumes it and finishes;
/// a hang-up; and the refusal to run without a terminal.
@Suite struct InterviewEndToEndTests {
  /// A Python that has pexpect: `$REDRESS_PYTHON`, the project's `.venv`, or the shared venv
  /// beside the worktrees.
  static let python: URL? = {
    var candidates: [URL] = []
    if let p = Fixtures.python { candidates.append(p) }
    candidates.append(
      Fixtures.repositoryRoot.deletingLastPathComponent().appendingPathComponent("venv/bin/python3"))
    return candidates.first { url in
      FileManager.default.isExecutableFile(atPath: url.path)
        && (try? ProcessRunner.run(url, ["-c", "import pexpect"]).exitCode) == 0
    }
  }()

  static var invoice: String { Fixtures.sharedExamples.appendingPathComponent("evidence/invoice.xml").path }

  /// Drives the binary; prints "ok" when every step went as expected, else raises.
  static let script = #"""
    import json, os, signal, sys, time
    import pexpect

    binary, store, work, invoice = sys.argv[1:5]
    env = dict(os.environ, LANG="zh_CN.UTF-8", TERM="xterm", NO_COLOR="1", HOME=work)
    env.pop("REDRESS_HOME", None)

    def spawn():
        return pexpect.spawn(binary, ["new", "--store", store, "--today", "2026-11-22"], cwd=work,
                             env=env, encoding="utf-8", timeout=30, dimensions=(40, 100))

    def answer(child, text):
        child.expect_exact("> ")
        child.sendline(text)

    # First run: four answers about the venue, the name, then Ctrl-C at the gender.
    c = spawn()
    c.expect("您想向哪里投诉")
    for a in ["", "", "", "", "王小明"]:
        answer(c, a)
    c.expect("性别")
    c.expect_exact("> ")
    c.sendintr()
    c.expect(r"草稿 (\S+) 已保存")
    case_id = c.match.group(1)
    c.expect("redress new")
    c.expect(pexpect.EOF)
    c.close()
    assert c.exitstatus == 130, ("Ctrl-C exit", c.exitstatus, c.signalstatus)

    folder = os.path.join(store, "interview", case_id)
    case_yaml = open(os.path.join(folder, "case.yaml"), encoding="utf-8").read()
    assert "王小明" in case_yaml, case_yaml
    state = json.load(open(os.path.join(folder, "state.json")))
    assert state["draft"] is True and state["progress"]["section"] == "complainant", state
    assert oct(os.stat(os.path.join(folder, "case.yaml")).st_mode & 0o777) == "0o600"

    # Second run: resume the draft and finish it, the e-invoice filling the seller.
    c = spawn()
    c.expect("没有填完的投诉")
    answer(c, "")
    c.expect("继续填写草稿 " + case_id)
    c.expect("性别")
    answers = (
        ["", "13800138000", "北京市朝阳区某某路1号", "", "", ""]      # complainant
        + [""]                                                       # no agent
        + [invoice, "", "", "", "", "", "", "", ""]                  # respondent from the invoice
        + ["", "", "2", "", "", ""]                                  # purchase
        + ["", "", "", "", "", "", "", ""]                           # the item from the invoice
        + ["", "", "", "", ""]
        + ["1", None, "2026-10-05", "", "", "", "", ""]              # None: the pasted description
        + ["", ""]                                                   # negotiation: none
        + [""]                                                       # evidence: the invoice
        + ["1", "", "", ""]                                          # claims: a refund
        + ["", ""]                                                   # review, folder
    )
    for a in answers:
        if a is None:
            # A two-line paste whose last line waits for Enter, as a terminal delivers it.
            c.expect_exact("> ")
            c.send("收货第三天起滚筒运转时异响，\n第五天出现漏水。")
            time.sleep(0.5)
            c.send("\r")
        else:
            answer(c, a)
    c.expect("完成！案件 " + case_id)
    c.expect("redress file " + case_id)
    c.expect(pexpect.EOF)
    c.close()
    assert c.exitstatus == 0, ("finish exit", c.exitstatus)
    state = json.load(open(os.path.join(folder, "state.json")))
    assert state["draft"] is False, state
    written = os.path.join(work, "投诉材料-" + case_id, case_id + ".yaml")
    text = open(written, encoding="utf-8").read()
    for needle in ["某某电器销售有限公司", "amount_paid: \"2999.00\"", "kind: invoice", "type: refund",
                   "收货第三天起滚筒运转时异响，\n    第五天出现漏水。"]:
        assert needle in text, (needle, text)

    # A closed terminal (SIGHUP) saves as well and exits 129.
    c = spawn()
    c.expect("您想向哪里投诉")
    for a in ["", "", "", "", "李四"]:
        answer(c, a)
    c.expect("性别")
    c.expect_exact("> ")
    c.kill(signal.SIGHUP)
    c.expect(pexpect.EOF)
    c.close()
    assert c.exitstatus == 129, ("hang-up exit", c.exitstatus, c.signalstatus)
    drafts = [d for d in os.listdir(os.path.join(store, "interview")) if d != case_id]
    assert len(drafts) == 1 and "李四" in open(os.path.join(store, "interview", drafts[0], "case.yaml"), encoding="utf-8").read()
    print("ok")
    """#

  @Test(.enabled(if: python != nil || Fixtures.isCI, "needs python3 with pexpect (make test-deps)"))
  func interruptResumeFinishInAPseudoTerminal() throws {
    let python = try #require(Self.python, "python3 with pexpect is missing (make test-deps)")
    let binary = ProcessRunner.redressBinary
    try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build redress first")
    let dir = try Fixtures.temporaryDirectory("interview-pty")
    defer { try? FileManager.default.removeItem(at: dir) }
    let store = dir.appendingPathComponent("store")
    let work = dir.appendingPathComponent("work")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    let r = try ProcessRunner.run(
      python, ["-c", Self.script, binary.path, store.path, work.path, Self.invoice])
    #expect(r.exitCode == 0, "\(r.stdout)\n\(r.stderr)")
    #expect(r.stdout.contains("ok"))
  }

  @Test func withoutATerminalItSaysSoAndPointsToImport() throws {
    let dir = try Fixtures.temporaryDirectory("interview-notty")
    defer { try? FileManager.default.removeItem(at: dir) }
    let start = Date()
    let r = try ProcessRunner.redress(["new", "--store", dir.path], environment: ["LANG": "en_US.UTF-8"])
    #expect(r.exitCode == 2)
    #expect(r.stderr.contains("needs a terminal"))
    #expect(r.stderr.contains("redress import"))
    #expect(Date().timeIntervalSince(start) < 10)
    let zh = try ProcessRunner.redress(["new", "--store", dir.path, "--lang", "zh-Hans"])
    #expect(zh.exitCode == 2)
    #expect(zh.stderr.contains("redress import"))
  }
}
