import RedressCore
import RedressDocuments
import RedressMail

/// The wording of `validate`, `letter`, `bundle`, `followup`, `verify FILE.zip` and
/// `export --eml`. The English wording of the documents, bundle and mail modules' own errors
/// stays in those modules (`description`); here they get their Chinese.
extension CommandWords {
  // MARK: validate

  func valid(_ reference: String) -> String {
    pick("\(reference)：没有发现问题", "\(reference)：沒有發現問題", "\(reference): valid")
  }

  func validationSummary(_ reference: String, errors: Int, warnings: Int) -> String {
    pick(
      "\(reference)：\(errors) 个错误，\(warnings) 个警告", "\(reference)：\(errors) 個錯誤，\(warnings) 個警告",
      "\(reference): \(count(errors, "error")), \(count(warnings, "warning"))")
  }

  // MARK: letter, bundle, followup

  func unknownFormat(_ text: String, allowed: [String]) -> String {
    pick(
      "不认识的格式“\(text)”；可用：\(allowed.joined(separator: ", "))",
      "不認識的格式「\(text)」；可用：\(allowed.joined(separator: ", "))",
      "unknown format '\(text)'; use one of: \(allowed.joined(separator: ", "))")
  }

  func unknownDocumentLanguage(_ text: String, allowed: [String]) -> String {
    pick(
      "不认识的文书语言“\(text)”；可用：\(allowed.joined(separator: ", "))",
      "不認識的文書語言「\(text)」；可用：\(allowed.joined(separator: ", "))",
      "unknown document language '\(text)'; use one of: \(allowed.joined(separator: ", "))")
  }

  func noTemplates(_ asked: String, using used: String) -> String {
    pick(
      "还没有 \(asked) 的模板；文书用 \(used) 写成", "還沒有 \(asked) 的模板；文書用 \(used) 寫成",
      "no \(asked) templates yet; the documents are in \(used)")
  }

  func lacksRequired(_ fields: [String], reference: String) -> String {
    pick(
      "案件缺少受理机构要求的内容：\(fields.joined(separator: ", "))；这些部分留空。`redress validate \(reference)` 会列出所有问题",
      "案件缺少受理機構要求的內容：\(fields.joined(separator: ", "))；這些部分留空。`redress validate \(reference)` 會列出所有問題",
      "the case lacks what the body requires: \(fields.joined(separator: ", ")); those parts are blank. `redress validate \(reference)` lists every problem"
    )
  }

  var wouldBeRefused: String {
    pick(
      "照现在的样子提交，受理机构会拒绝受理；`redress check` 会说明原因",
      "照現在的樣子提交，受理機構會拒絕受理；`redress check` 會說明原因",
      "the body would refuse this complaint as it stands; `redress check` explains why")
  }

  func noRulePack(_ jurisdiction: String) -> String {
    pick(
      "没有地区“\(jurisdiction)”的规则包；投诉书不会引用法律依据",
      "沒有地區「\(jurisdiction)」的規則包；投訴書不會引用法律依據",
      "no rule pack for jurisdiction '\(jurisdiction)'; the letter cites no legal basis")
  }

  func notForTerminal(_ format: String) -> String {
    pick(
      "\(format) 文件不能直接显示在终端上；请用 -o 指定文件，或者用管道输出",
      "\(format) 文件不能直接顯示在終端上；請用 -o 指定文件，或者用管道輸出",
      "a \(format) file cannot be shown on the terminal; give -o FILE, or pipe it")
  }

  func isAFolderNotAFile(_ path: String) -> String {
    pick(
      "\(path) 是一个文件夹；请给出文件名", "\(path) 是一個文件夾；請給出文件名", "\(path) is a folder; give a file name")
  }

  func cannotWrite(_ path: String, _ reason: String) -> String {
    pick("无法写入 \(path)：\(reason)", "無法寫入 \(path)：\(reason)", "cannot write \(path): \(reason)")
  }

  /// Standard error after `bundle` printed the zip's name.
  func bundleWritten(files: Int, evidence: Int) -> String {
    pick(
      "共 \(files) 个文件（其中证据 \(evidence) 个），另有 manifest.json 和 SHA256SUMS",
      "共 \(files) 個文件（其中證據 \(evidence) 個），另有 manifest.json 和 SHA256SUMS",
      "\(files) files (\(evidence) evidence), manifest.json and SHA256SUMS")
  }

  func noResponseWindows(_ jurisdiction: String) -> String {
    pick(
      "不知道地区“\(jurisdiction)”的答复期限（没有 legal/\(jurisdiction)/clocks.yaml）",
      "不知道地區「\(jurisdiction)」的答覆期限（沒有 legal/\(jurisdiction)/clocks.yaml）",
      "no response windows are known for jurisdiction '\(jurisdiction)' (no legal/\(jurisdiction)/clocks.yaml)"
    )
  }

  func notFiledNothingToFollowUp(_ reference: String) -> String {
    pick(
      "\(reference) 还没有提交，所以没有可以催办的事。提交之后，请用 `redress file \(reference) --on YYYY-MM-DD` 记录提交日期；催办函用于答复期限已过、却还没有答复的投诉。",
      "\(reference) 還沒有提交，所以沒有可以催辦的事。提交之後，請用 `redress file \(reference) --on YYYY-MM-DD` 記錄提交日期；催辦函用於答覆期限已過、卻還沒有答覆的投訴。",
      "\(reference) has not been filed yet, so there is nothing to follow up. Once you have submitted it, record the day with `redress file \(reference) --on YYYY-MM-DD`; the follow-up letter is for a complaint whose window has passed without an answer."
    )
  }

  func noRunningWindow(_ reference: String) -> String {
    pick(
      "\(reference) 没有正在计算的答复期限（已经记录了受理机构的决定，之后也没有开始新的期限）；`redress status` 可以查看各个期限",
      "\(reference) 沒有正在計算的答覆期限（已經記錄了受理機構的決定，之後也沒有開始新的期限）；`redress status` 可以查看各個期限",
      "no response window of \(reference) is running (the body's decision was recorded and no later window has started); `redress status` shows its clocks"
    )
  }

  /// `closedBy` is `FollowUpPlan.closedBy`: what closed the window and when (`response 2026-10-20`).
  func windowClosed(_ closedBy: String) -> String {
    var shown = closedBy
    if !isEnglish, let space = closedBy.firstIndex(of: " "),
      let closer = ClockCloser(rawValue: String(closedBy[..<space]))
    {
      let name: String
      switch closer {
      case .response: name = pick("答复", "答覆", "")
      case .closed: name = pick("结案", "結案", "")
      case .accepted: name = pick("受理", "受理", "")
      case .mediation: name = pick("调解", "調解", "")
      case .refused: name = pick("不予受理", "不予受理", "")
      case .withdrawn: name = pick("撤回", "撤回", "")
      }
      shown = name + closedBy[space...]
    }
    return pick(
      "期限已经结束（\(shown)）；也许不需要催办，但催办函已经写好",
      "期限已經結束（\(shown)）；也許不需要催辦，但催辦函已經寫好",
      "the window was closed (\(shown)); a follow-up may not be needed, but the letter is written")
  }

  func windowNotPassed(_ written: String, _ due: CalendarDate) -> String {
    pick(
      "期限还没有过：到 \(written)（\(due.iso)）才届满；催办函仍然写好了",
      "期限還沒有過：到 \(written)（\(due.iso)）才屆滿；催辦函仍然寫好了",
      "the window has not passed yet: it ends on \(written) (\(due.iso)); the letter is written anyway")
  }

  // MARK: verify FILE.zip

  func noBundle(_ name: String) -> String {
    pick(
      "找不到证据包 \(name)：文件不存在", "找不到證據包 \(name)：文件不存在", "no bundle \(name): the file does not exist")
  }

  func bundleIsAFolder(_ name: String) -> String {
    pick(
      "\(name) 是文件夹，不是证据包（zip）", "\(name) 是文件夾，不是證據包（zip）", "\(name) is a folder, not a bundle (zip)")
  }

  func notAZip(_ name: String) -> String {
    pick(
      "\(name) 不是 zip 文件，或者已经损坏得无法读取", "\(name) 不是 zip 文件，或者已經損壞得無法讀取",
      "\(name) is not a zip file, or is damaged beyond reading")
  }

  func mark(_ status: BundleVerifier.Check.Status) -> Mark? {
    switch status {
    case .ok: return .ok
    case .changed: return .changed
    case .missing: return .missing
    case .unexpected: return .unexpected
    case .unreadable: return .unreadable
    case .unsafe: return nil
    }
  }

  func nameProblem(_ p: BundleVerifier.NameProblem) -> String {
    switch p {
    case .empty: return pick("为空", "為空", p.description)
    case .absolute: return pick("是绝对路径", "是絕對路徑", p.description)
    case .backslash: return pick("含有反斜杠（Windows 的路径分隔符）", "含有反斜槓（Windows 的路徑分隔符）", p.description)
    case .controlCharacter: return pick("含有控制字符", "含有控制字元", p.description)
    case .parentComponent: return pick("含有“..”，会跳出解压的文件夹", "含有「..」，會跳出解壓的文件夾", p.description)
    case .driveLetter: return pick("带有盘符", "帶有磁碟機代號", p.description)
    case .emptyComponent: return pick("含有空的路径段", "含有空的路徑段", p.description)
    }
  }

  func reason(_ r: BundleVerifier.Check.Reason) -> String {
    let manifest = BundleManifest.fileName
    let sums = BundleManifest.sumsFileName
    switch r {
    case .unsafeName(let p):
      return pick("拒绝：成员名\(nameProblem(p))", "拒絕：成員名\(nameProblem(p))", r.description)
    case .symbolicLink: return pick("拒绝：这个成员是符号链接", "拒絕：這個成員是符號連結", r.description)
    case .duplicateName: return pick("拒绝：有两个成员同名", "拒絕：有兩個成員同名", r.description)
    case .unsafeListedName(let p):
      return pick(
        "拒绝：\(manifest) 中的成员名\(nameProblem(p))", "拒絕：\(manifest) 中的成員名\(nameProblem(p))", r.description)
    case .manifestDigest(let actual, let listed):
      return pick(
        "它的 SHA-256 是 \(actual)，\(sums) 记录的是 \(listed)", "它的 SHA-256 是 \(actual)，\(sums) 記錄的是 \(listed)",
        r.description)
    case .notInZip: return pick("\(manifest) 中有，zip 中没有", "\(manifest) 中有，zip 中沒有", r.description)
    case .longer(let listed):
      return pick(
        "比 \(manifest) 记录的 \(listed) 字节长", "比 \(manifest) 記錄的 \(listed) 位元組長", r.description)
    case .unreadable(let error):
      return pick("无法读出它的内容（已损坏：\(error)）", "無法讀出它的內容（已損壞：\(error)）", r.description)
    case .size(let actual, let listed):
      return pick(
        "\(actual) 字节，\(manifest) 记录的是 \(listed) 字节", "\(actual) 位元組，\(manifest) 記錄的是 \(listed) 位元組",
        r.description)
    case .digest(let actual, let listed):
      return pick(
        "它的 SHA-256 是 \(actual)，\(manifest) 记录的是 \(listed)",
        "它的 SHA-256 是 \(actual)，\(manifest) 記錄的是 \(listed)", r.description)
    case .notInManifest: return pick("zip 中有，\(manifest) 中没有", "zip 中有，\(manifest) 中沒有", r.description)
    }
  }

  func problem(_ p: BundleVerifier.Problem) -> String {
    let manifest = BundleManifest.fileName
    let sums = BundleManifest.sumsFileName
    switch p {
    case .manifestMissing:
      return pick(
        "缺少 \(manifest)：这不是 redress 生成的证据包，或者已被改动", "缺少 \(manifest)：這不是 redress 生成的證據包，或者已被改動",
        p.description)
    case .manifestUnreadable:
      return pick("\(manifest) 无法作为证据包清单读取", "\(manifest) 無法作為證據包清單讀取", p.description)
    case .malformedSumsLine(let line):
      return pick(
        "\(sums) 中有一行不是“<sha256>  <文件名>”的格式：\(line)", "\(sums) 中有一行不是「<sha256>  <文件名>」的格式：\(line)",
        p.description)
    case .sumsOmitManifest:
      return pick("\(sums) 没有列出 \(manifest)", "\(sums) 沒有列出 \(manifest)", p.description)
    case .sumsMissing: return pick("\(sums) 缺失或无法读取", "\(sums) 缺失或無法讀取", p.description)
    case .listsDisagree(let name):
      return pick(
        "\(manifest) 与 \(sums) 对 \(name) 的记录不一致", "\(manifest) 與 \(sums) 對 \(name) 的記錄不一致", p.description)
    case .sumsOmit(let name): return pick("\(sums) 没有列出 \(name)", "\(sums) 沒有列出 \(name)", p.description)
    }
  }

  func bundleIntact(_ name: String, members: Int) -> String {
    pick(
      "\(name)：\(members) 个文件已按 manifest.json 和 SHA256SUMS 核验，全部未改动",
      "\(name)：\(members) 個文件已按 manifest.json 和 SHA256SUMS 核驗，全部未改動",
      "\(name): \(members) files verified against manifest.json and SHA256SUMS, all unchanged")
  }

  func bundleDamaged(_ name: String, bad: Int, of total: Int, listsDamaged: Bool) -> String {
    pick(
      "\(name)：\(total) 个成员中有 \(bad) 个被改动、缺失、多出或不安全" + (listsDamaged ? "，证据包自身的清单也已损坏" : ""),
      "\(name)：\(total) 個成員中有 \(bad) 個被改動、缺失、多出或不安全" + (listsDamaged ? "，證據包自身的清單也已損壞" : ""),
      "\(name): \(bad) of \(total) members changed, missing, added or unsafe"
        + (listsDamaged ? ", and the bundle's own lists are damaged" : ""))
  }

  // MARK: export --eml

  func caseHasErrors(_ reference: String, errors n: Int) -> String {
    pick(
      "\(reference) 有 \(n) 个错误；请先改正，再发送投诉", "\(reference) 有 \(n) 個錯誤；請先改正，再發送投訴",
      "\(reference) has \(count(n, "error")); fix \(n == 1 ? "it" : "them") before sending the complaint")
  }

  func complainantEmail(_ problem: String) -> String {
    pick(
      "complainant.email：\(problem)；请改正，或者用 --from 给出发件地址",
      "complainant.email：\(problem)；請改正，或者用 --from 給出發件地址",
      "complainant.email: \(problem); correct it or give --from")
  }

  func splitFiling(limit: String, messages n: Int) -> String {
    pick(
      "投诉材料超过 \(limit)，所以分成 \(n) 封邮件；请按顺序全部发送：",
      "投訴材料超過 \(limit)，所以分成 \(n) 封郵件；請按順序全部發送：",
      "The filing is larger than \(limit), so it is split into \(n) messages; send them all, in order:")
  }

  /// After a message file's path: its size and how many attachments it carries.
  func messageSize(_ size: String, attachments n: Int) -> String {
    pick("\(size)，\(n) 个附件", "\(size)，\(n) 個附件", "\(size), \(count(n, "attachment"))")
  }

  var noRecipient: String {
    pick(
      "没有给出 --to：邮件还没有收件人；发送前请在邮件客户端里填上受理机构的投诉邮箱",
      "沒有給出 --to：郵件還沒有收件人；發送前請在郵件客戶端裡填上受理機構的投訴郵箱",
      "no --to was given: the messages have no recipient yet; add the body's complaint address in your mail client before sending"
    )
  }

  var emlNext: [String] {
    [
      pick(
        "下一步：在邮件客户端里打开每个 .eml 文件，核对正文和附件，然后发送。",
        "下一步：在郵件客戶端裡打開每個 .eml 文件，核對正文和附件，然後發送。",
        "Next: open each .eml file in your mail client, check the text and the attachments, and send it."),
      pick(
        "  Outlook 会把它打开成可以直接发送的草稿；Thunderbird 里请用“消息 > 编辑为新消息”（Message > Edit As New Message）。",
        "  Outlook 會把它打開成可以直接發送的草稿；Thunderbird 裡請用「訊息 > 編輯為新訊息」（Message > Edit As New Message）。",
        "  Outlook opens it as a draft ready to send; in Thunderbird use Message > Edit As New Message."),
    ]
  }

  func recordFiling(_ reference: String) -> String {
    pick(
      "  然后记录提交：redress file \(reference) --on <发送的日期>",
      "  然後記錄提交：redress file \(reference) --on <發送的日期>",
      "  Then record the filing: redress file \(reference) --on <date you sent it>")
  }

  func addressProblem(_ p: MailError.AddressProblem) -> String {
    switch p {
    case .controlCharacter: return pick("含有控制字符（换行之类）", "含有控制字元（換行之類）", p.description)
    case .empty: return pick("地址是空的", "地址是空的", p.description)
    case .malformed:
      return pick(
        "应为 name@example.com 这样的地址（只能用英文字母、数字和 . _ % + -）",
        "應為 name@example.com 這樣的地址（只能用英文字母、數字和 . _ % + -）", p.description)
    }
  }

  func sizeProblem(_ p: MailError.SizeProblem) -> String {
    switch p {
    case .noNumber: return pick("没有数字", "沒有數字", p.description)
    case .notANumber(let number): return pick("“\(number)”不是数字", "「\(number)」不是數字", p.description)
    case .unknownUnit(let unit): return pick("不认识的单位“\(unit)”", "不認識的單位「\(unit)」", p.description)
    case .tooLarge: return pick("数字太大", "數字太大", p.description)
    case .tooSmall:
      let least = ByteSize.describe(ByteSize.smallestMessageLimit)
      return pick("太小；一封邮件至少需要 \(least)", "太小；一封郵件至少需要 \(least)", p.description)
    case .overMailLimit: return pick("超过了任何邮件系统能接受的大小", "超過了任何郵件系統能接受的大小", p.description)
    }
  }

  /// A mail error in the interface language; what the system said when a file could not be read
  /// or written is quoted as it is.
  func mailError(_ error: MailError) -> String {
    switch error {
    case .invalidAddress(let address, let reason):
      let shown = MailError.printable(address)
      return pick(
        "“\(shown)”不是可以使用的电子邮件地址：\(addressProblem(reason))",
        "「\(shown)」不是可以使用的電子郵件地址：\(addressProblem(reason))", error.description)
    case .invalidSize(let text, let problem):
      let shown = MailError.printable(text)
      let reason = sizeProblem(problem)
      return pick(
        "--max-size “\(shown)”：\(reason)；应为 20MB、25MB、10MiB、500KB 这样的大小或字节数（MB = 1,000,000 字节，MiB = 1,048,576 字节）",
        "--max-size 「\(shown)」：\(reason)；應為 20MB、25MB、10MiB、500KB 這樣的大小或位元組數（MB = 1,000,000 位元組，MiB = 1,048,576 位元組）",
        error.description)
    case .attachmentTooLarge(let name, let fileSize, let messageSize, let limit):
      let file = ByteSize.describe(fileSize)
      let message = ByteSize.describe(messageSize)
      let max = ByteSize.describe(limit)
      return pick(
        "\(name)（\(file)）太大，不能用电子邮件发送：即使单独放在一封邮件里，编码后也有 \(message)（base64 编码会增加约三分之一），超过了 \(max) 的上限。可以压缩它（视频可以用较低的分辨率重新编码，或者剪成几段），另行提交（光盘、U 盘，或者当面交给受理机构），或者在收件的邮件服务器接受更大邮件时调高 --max-size。",
        "\(name)（\(file)）太大，不能用電子郵件發送：即使單獨放在一封郵件裡，編碼後也有 \(message)（base64 編碼會增加約三分之一），超過了 \(max) 的上限。可以壓縮它（影片可以用較低的解析度重新編碼，或者剪成幾段），另行提交（光碟、隨身碟，或者當面交給受理機構），或者在收件的郵件伺服器接受更大郵件時調高 --max-size。",
        error.description)
    case .letterTooLarge(let names, let messageSize, let limit):
      let list = names.joined(separator: ", ")
      let message = ByteSize.describe(messageSize)
      let max = ByteSize.describe(limit)
      return pick(
        "投诉书（\(list)）所在的邮件编码后有 \(message)，超过了 \(max) 的上限；请调高 --max-size",
        "投訴書（\(list)）所在的郵件編碼後有 \(message)，超過了 \(max) 的上限；請調高 --max-size",
        error.description)
    case .unreadableAttachment(let name, let path, let reason):
      return pick(
        "无法读取 \(path)（附件 \(name)）：\(reason)", "無法讀取 \(path)（附件 \(name)）：\(reason)", error.description)
    case .missingSender:
      return pick(
        "没有发件人地址：案件里没有 complainant.email；请用 --from name@example.com 给出一个",
        "沒有發件人地址：案件裡沒有 complainant.email；請用 --from name@example.com 給出一個",
        error.description)
    case .writeFailed(let path, let reason):
      return pick(
        "无法写入 \(path)：\(reason)；没有写出任何邮件文件", "無法寫入 \(path)：\(reason)；沒有寫出任何郵件文件",
        error.description)
    }
  }
}
