import Foundation
import RedressTestSupport
import Testing

/// `redress new` in a real pseudo-terminal (Python's pexpect drives the built binary): the
/// first answers, Ctrl-C, the draft in the store, a second run that resumes it and is stopped
/// by Ctrl-C while a large file is being copied, a third that finishes; a hang-up; and the
/// refusal to run without a terminal.
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
    import json, os, signal, subprocess, sys, time
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

    def listed():
        out = subprocess.run([binary, "list", "--format", "json", "--store", store], env=env,
                             capture_output=True, text=True, check=True).stdout
        return {c["case"]: c for c in json.loads(out)}

    cases = listed()
    assert cases[case_id]["draft"] is True and cases[case_id]["stage"] == "draft", cases
    assert cases[case_id]["complainant"] == "王小明", cases
    progress = json.load(open(os.path.join(store, "interview", case_id + ".json")))
    assert progress["section"] == "complainant", progress
    assert oct(os.stat(os.path.join(store, "redress.sqlite")).st_mode & 0o777) == "0o600"

    # Second run: resume the draft up to the evidence, the e-invoice filling the seller; then
    # a large video is dropped and Ctrl-C during its copy stops the copy at once.
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
        + ["+"]                                                      # evidence: one more item
    )
    def give(c, answers):
        for a in answers:
            if a is None:
                # A two-line paste whose last line waits for Enter, as a terminal delivers it.
                c.expect_exact("> ")
                c.send("收货第三天起滚筒运转时异响，\n第五天出现漏水。")
                time.sleep(0.5)
                c.send("\r")
            else:
                answer(c, a)
    give(c, answers)
    video = os.path.join(work, "漏水视频.mp4")
    with open(video, "wb") as f:
        f.truncate(512 << 20)  # sparse: reading it costs no disk
    c.expect("证据文件")
    answer(c, video)
    c.expect("正在复制")
    started = time.monotonic()
    c.sendintr()
    c.expect(r"草稿 (\S+) 已保存")
    c.expect(pexpect.EOF)
    c.close()
    took = time.monotonic() - started
    assert c.exitstatus == 130, ("Ctrl-C during a copy: exit", c.exitstatus, c.signalstatus)
    assert took < 3, ("Ctrl-C waited for the copy", took)
    assert os.listdir(os.path.join(store, "evidence", "tmp")) == [], "a partial copy was left"
    blobs = [n for d in os.listdir(os.path.join(store, "evidence")) if len(d) == 2
             for n in os.listdir(os.path.join(store, "evidence", d))]
    assert len(blobs) == 1, ("only the invoice is stored", blobs)
    assert listed()[case_id]["evidence"] == 1, listed()[case_id]

    # Third run: resume at the evidence and finish.
    c = spawn()
    c.expect("没有填完的投诉")
    answer(c, "")
    c.expect("继续填写草稿 " + case_id)
    c.expect("证据")
    give(c, [""]                                                     # evidence: the invoice
         + ["1", "", "", ""]                                         # claims: a refund
         + ["", ""])                                                 # review, folder
    c.expect("完成！案件 " + case_id)
    c.expect("redress file " + case_id)
    c.expect(pexpect.EOF)
    c.close()
    assert c.exitstatus == 0, ("finish exit", c.exitstatus)
    cases = listed()
    assert cases[case_id]["draft"] is False and cases[case_id]["respondent"] == "某某电器销售有限公司", cases
    text = subprocess.run([binary, "export", case_id, "--yaml", "-o", os.path.join(work, "out"), "--store", store],
                          env=env, capture_output=True, text=True)
    exported = open(os.path.join(work, "out", case_id + ".yaml"), encoding="utf-8").read()
    for needle in ["amount_paid: \"2999.00\"", "kind: invoice", "type: refund",
                   "收货第三天起滚筒运转时异响，\n    第五天出现漏水。"]:
        assert needle in exported, (needle, exported)
    papers = sorted(os.listdir(os.path.join(work, "投诉材料-" + case_id)))
    assert papers == sorted(["投诉书-%s.pdf" % case_id, "投诉书-%s.docx" % case_id,
                             "证据清单-%s.pdf" % case_id, "投诉材料-%s.zip" % case_id]), papers
    check = subprocess.run([binary, "verify", os.path.join(work, "投诉材料-" + case_id, "投诉材料-%s.zip" % case_id)],
                           env=env, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr

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
    drafts = [c for c in listed().values() if c["draft"]]
    assert len(drafts) == 1 and drafts[0]["complainant"] == "李四", drafts
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

  /// A prepaid gym card told in a real terminal: the prepaid questions, the claim offered at the
  /// computed balance, then `redress claim` on the stored case and the exported case file.
  static let prepaidScript = #"""
    import json, os, subprocess, sys
    import pexpect

    binary, store, work = sys.argv[1:4]
    env = dict(os.environ, LANG="zh_CN.UTF-8", TERM="xterm", NO_COLOR="1", HOME=work)
    env.pop("REDRESS_HOME", None)
    c = pexpect.spawn(binary, ["new", "--store", store, "--today", "2026-11-22"], cwd=work,
                      env=env, encoding="utf-8", timeout=30, dimensions=(40, 100))

    def answer(text):
        c.expect_exact("> ")
        c.sendline(text)

    for a in (["", "北京市朝阳区消费者协会", "", ""]
              + ["王小明", "", "13800138000", "北京市朝阳区某某路1号", "", "", ""]
              + [""]
              + ["", "北京某某健身有限公司", "", "北京市朝阳区某某街2号", "", "", "", ""]
              + ["2", "2026-03-01", "1", "", "私教课", "17", "96节", "", "12800", "", ""]):
        answer(a)
    c.expect("是预付式消费吗")
    answer("")
    c.expect("一共买了多少次")
    answer("96")
    c.expect("已经用了多少次")
    answer("97")
    c.expect("多于购买的 96 次")
    answer("38")
    c.expect("停业")
    for a in (["是", "", ""]
              + ["6", "健身房突然闭店，剩余58节私教课无法上课。", "2026-10-20", "", "", "", "", ""]
              + ["+", "2026-10-21", "1", "店长", "要求退还剩余课时费用，无人接听。", "2", "", ""]
              + ["+", "", "5", "私教课合同", "2026-03-01", "", ""]
              + ["8"]):
        answer(a)
    c.expect_exact("[7733.33]")
    for a in ["", "", "", "", ""]:
        answer(a)
    c.expect(r"完成！案件 (\S+)")
    case_id = c.match.group(1)
    c.expect(pexpect.EOF)
    c.close()
    assert c.exitstatus == 0, ("finish exit", c.exitstatus)

    out = subprocess.run([binary, "claim", case_id, "--format", "json", "--store", store], env=env,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    amounts = json.loads(out.stdout)["amounts"]
    assert [(a["basis"], a["amount"]) for a in amounts] == [("prepaid-balance", "7733.33")], amounts
    subprocess.run([binary, "export", case_id, "--yaml", "-o", os.path.join(work, "out"), "--store", store],
                   env=env, check=True, capture_output=True)
    exported = open(os.path.join(work, "out", case_id + ".yaml"), encoding="utf-8").read()
    for needle in ["units_total: 96", "units_used: 38", "business_stopped: true", "type: prepaid-refund",
                   "amount: \"7733.33\"", "96节"]:
        assert needle in exported, (needle, exported)
    assert "warranty_until" not in exported, exported
    print("ok")
    """#

  @Test(.enabled(if: python != nil || Fixtures.isCI, "needs python3 with pexpect (make test-deps)"))
  func aPrepaidCardInAPseudoTerminalThenClaim() throws {
    let python = try #require(Self.python, "python3 with pexpect is missing (make test-deps)")
    let binary = ProcessRunner.redressBinary
    try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build redress first")
    let dir = try Fixtures.temporaryDirectory("interview-pty-prepaid")
    defer { try? FileManager.default.removeItem(at: dir) }
    let store = dir.appendingPathComponent("store")
    let work = dir.appendingPathComponent("work")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    let r = try ProcessRunner.run(python, ["-c", Self.prepaidScript, binary.path, store.path, work.path])
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
