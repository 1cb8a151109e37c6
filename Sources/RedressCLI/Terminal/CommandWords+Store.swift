import RedressCore

/// The wording of `import`, `list`, `file`, `log`, `verify CASE` and `export --yaml`.
extension CommandWords {
  // MARK: import

  func noSuchFile(_ file: String) -> String {
    pick("\(file): 文件不存在", "\(file): 文件不存在", "\(file): no such file")
  }

  func importFolder(_ file: String) -> String {
    pick(
      "\(file): 是一个文件夹；请给出案件文件（YAML）", "\(file): 是一個文件夾；請給出案件文件（YAML）",
      "\(file): is a folder; give a case file (YAML)")
  }

  /// `imported washer-2026 from washer.yaml: 2 evidence files (1.9 KiB)`, and for a draft how
  /// many problems it has.
  func imported(
    _ id: String, from file: String, replaced: Bool, evidenceFiles n: Int, size: String?, draftProblems: Int?
  ) -> String {
    let hansSize = size.map { "（\($0)）" } ?? ""
    let hans =
      "\(replaced ? "已替换" : "已导入") \(id)（来自 \(file)）：\(n) 个证据文件\(hansSize)"
      + (draftProblems.map { "；已存为草稿：有 \($0) 个问题要改（`redress validate \(id)` 会逐一列出）" } ?? "")
    let hant =
      "\(replaced ? "已替換" : "已導入") \(id)（來自 \(file)）：\(n) 個證據文件\(hansSize)"
      + (draftProblems.map { "；已存為草稿：有 \($0) 個問題要改（`redress validate \(id)` 會逐一列出）" } ?? "")
    let en =
      "\(replaced ? "replaced" : "imported") \(id) from \(file): \(count(n, "evidence file"))"
      + (size.map { " (\($0))" } ?? "")
      + (draftProblems.map {
        "; saved as a draft: \(count($0, "problem")) to fix (`redress validate \(id)` lists them)"
      } ?? "")
    return pick(hans, hant, en)
  }

  func notImported(_ file: String) -> String {
    pick("\(file): 未导入", "\(file): 未導入", "\(file): not imported")
  }

  func alreadyStored(_ id: String) -> String {
    pick(
      "已经保存了编号为“\(id)”的案件；要替换它，请加 --replace",
      "已經保存了編號為「\(id)」的案件；要替換它，請加 --replace",
      "a case with id '\(id)' is already stored; use --replace to replace it")
  }

  func importSummary(imported: Int, failed: Int) -> String {
    pick(
      "已导入 \(imported) 个案件" + (failed > 0 ? "，\(failed) 个未导入" : ""),
      "已導入 \(imported) 個案件" + (failed > 0 ? "，\(failed) 個未導入" : ""),
      "\(imported) imported" + (failed > 0 ? ", \(failed) not imported" : ""))
  }

  func copying(_ file: String, percent: Int) -> String {
    pick("正在复制 \(file) \(percent)%", "正在複製 \(file) \(percent)%", "copying \(file) \(percent)%")
  }

  // MARK: list

  var noStoredCases: String {
    pick(
      "还没有保存的案件。`redress new` 开始一个新案件；`redress import 文件` 导入案件文件。",
      "還沒有保存的案件。`redress new` 開始一個新案件；`redress import 文件` 導入案件文件。",
      "No stored cases. `redress new` starts one; `redress import FILE` adds a case file.")
  }

  var listHeader: [String] {
    [
      pick("案件", "案件", "CASE"), pick("阶段", "階段", "STAGE"), pick("投诉人", "投訴人", "COMPLAINANT"),
      pick("被投诉方", "被投訴方", "RESPONDENT"), pick("证据", "證據", "EVIDENCE"),
      pick("更新日期", "更新日期", "UPDATED"),
    ]
  }

  // MARK: file

  func fileOnAfterToday(_ on: CalendarDate, today: CalendarDate) -> String {
    afterToday("--on", on, today: today)
      + pick("；请给出实际提交的日期", "；請給出實際提交的日期", "; give the day it was submitted")
  }

  func acceptedAfterToday(_ accepted: CalendarDate, today: CalendarDate) -> String {
    afterToday("--accepted-on", accepted, today: today)
  }

  func acceptedBeforeFiling(_ accepted: CalendarDate, on: CalendarDate) -> String {
    beforeFiling("--accepted-on", accepted, filed: on, field: nil)
      + pick("；投诉要先提交才会被受理", "；投訴要先提交才會被受理", "; a complaint is accepted after it is filed")
  }

  var referenceOneLine: String {
    pick(
      "--reference 应为一行文字（受理机构给的编号）", "--reference 應為一行文字（受理機構給的編號）",
      "--reference must be one line of text (the body's reference number)")
  }

  func filedBeforePurchase(_ on: CalendarDate, bought: CalendarDate) -> String {
    pick(
      "--on \(on.iso) 早于购买日 \(bought.iso)（purchase.date）",
      "--on \(on.iso) 早於購買日 \(bought.iso)（purchase.date）",
      "--on \(on.iso) is before the purchase on \(bought.iso) (purchase.date)")
  }

  func acceptedBeforeNewFiling(_ accepted: CalendarDate, on: CalendarDate) -> String {
    pick(
      "案件记录的受理日 \(accepted.iso) 早于 --on \(on.iso)；如果受理日也变了，请同时给出 --accepted-on",
      "案件記錄的受理日 \(accepted.iso) 早於 --on \(on.iso)；如果受理日也變了，請同時給出 --accepted-on",
      "the case was accepted on \(accepted.iso), before --on \(on.iso); give --accepted-on too if that changed"
    )
  }

  func eventBeforeNewFiling(_ kind: FilingEventKind?, on when: CalendarDate, filing on: CalendarDate)
    -> String
  {
    let name = kind.map(eventKind)
    return pick(
      "已记录的\(name.map { "“\($0)”" } ?? "")事件在 \(when.iso)，早于 --on \(on.iso)；请核对提交日期",
      "已記錄的\(name.map { "「\($0)」" } ?? "")事件在 \(when.iso)，早於 --on \(on.iso)；請核對提交日期",
      "a \(name ?? "logged") event is recorded on \(when.iso), before --on \(on.iso); check the filing day")
  }

  /// `washer-2026: filed on 2026-10-10 (was 2026-10-09), accepted on …, reference …`.
  func filed(
    _ id: String, on: CalendarDate, previous: CalendarDate?, accepted: CalendarDate?, reference: String?
  ) -> String {
    let was = previous.map { pick("（原为 \($0.iso)）", "（原為 \($0.iso)）", " (was \($0.iso))") } ?? ""
    let acceptedText =
      accepted.map { pick("，受理日 \($0.iso)", "，受理日 \($0.iso)", ", accepted on \($0.iso)") } ?? ""
    let referenceText = reference.map { pick("，受理编号 \($0)", "，受理編號 \($0)", ", reference \($0)") } ?? ""
    return pick(
      "\(id)：已记录提交日 \(on.iso)", "\(id)：已記錄提交日 \(on.iso)", "\(id): filed on \(on.iso)")
      + was + acceptedText + referenceText
  }

  var fileNext: String {
    pick(
      "`redress status` 可以查看答复期限和到期日。", "`redress status` 可以查看答覆期限和到期日。",
      "`redress status` shows the response window and its due day.")
  }

  // MARK: log

  func badEventKind(_ kind: String) -> String {
    let allowed = FilingEventKind.allowedWords
    return pick(
      "--kind 只能是 \(allowed.joined(separator: "、")) 之一，不能是“\(kind)”",
      "--kind 只能是 \(allowed.joined(separator: "、")) 之一，不能是「\(kind)」",
      "--kind must be one of \(allowed.joined(separator: ", ")), not '\(kind)'")
  }

  func logAfterToday(_ on: CalendarDate, today: CalendarDate) -> String {
    afterToday("--on", on, today: today)
      + pick("；只能记录已经发生的事", "；只能記錄已經發生的事", "; log what has happened")
  }

  func withdrawnFiledAgain(_ id: String, on: CalendarDate?) -> String {
    let day = on.map { " \($0.iso)" } ?? ""
    return pick(
      "\(id) 已于\(day) 撤回（filing.events 中有 withdrawn），不能再记录提交；重新投诉请建一个新案件（redress new，或 redress export \(id) --yaml 后改 id 再 redress import）",
      "\(id) 已於\(day) 撤回（filing.events 中有 withdrawn），不能再記錄提交；重新投訴請建一個新案件（redress new，或 redress export \(id) --yaml 後改 id 再 redress import）",
      "\(id) was withdrawn\(on.map { " on \($0.iso)" } ?? "") (filing.events has withdrawn) and cannot be filed again; to complain again start a new case (redress new, or redress export \(id) --yaml, change its id and redress import it)"
    )
  }

  func notFiledYet(_ id: String) -> String {
    pick(
      "\(id) 还没有记录提交日期；请先记录：redress file \(id) --on YYYY-MM-DD",
      "\(id) 還沒有記錄提交日期；請先記錄：redress file \(id) --on YYYY-MM-DD",
      "\(id) has no filing day yet; record it first: redress file \(id) --on YYYY-MM-DD")
  }

  func logged(_ id: String, _ kind: FilingEventKind, on: CalendarDate) -> String {
    pick(
      "\(id)：已记录 \(on.iso) 的\(eventKind(kind))", "\(id)：已記錄 \(on.iso) 的\(eventKind(kind))",
      "\(id): \(kind.rawValue) logged on \(on.iso)")
  }

  // MARK: verify CASE

  /// The mark in front of each file `verify` checks.
  enum Mark {
    case ok, changed, missing, unexpected, unreadable
  }

  func mark(_ m: Mark) -> String {
    switch m {
    case .ok: return pick("完好", "完好", "ok")
    case .changed: return pick("已改动", "已改動", "CHANGED")
    case .missing: return pick("缺失", "缺失", "MISSING")
    case .unexpected: return pick("多出", "多出", "UNEXPECTED")
    case .unreadable: return pick("无法读取", "無法讀取", "UNREADABLE")
    }
  }

  func noBundleOrStoredCase(_ reference: String) -> String {
    pick(
      "找不到证据包 \(reference)，也没有这个编号的已保存案件；`redress list` 列出已保存的案件",
      "找不到證據包 \(reference)，也沒有這個編號的已保存案件；`redress list` 列出已保存的案件",
      "no bundle \(reference) and no stored case with that id; `redress list` shows the stored cases")
  }

  /// After the label of an evidence file whose stored copy changed: its recorded SHA-256 and
  /// where the copy is.
  func storedCopyChanged(recorded: String?, at path: String?) -> String {
    guard let recorded, let path else {
      return pick(
        "：保存的副本与记录的 SHA-256 不再一致", "：保存的副本與記錄的 SHA-256 不再一致",
        ": the stored copy no longer matches its SHA-256")
    }
    return pick(
      "：保存的副本（\(path)）与记录的 SHA-256 \(recorded) 不再一致",
      "：保存的副本（\(path)）與記錄的 SHA-256 \(recorded) 不再一致",
      ": the stored copy no longer matches its SHA-256 \(recorded) (\(path))")
  }

  func storedCopyGone(_ path: String) -> String {
    pick("：保存的副本 \(path) 已不见了", "：保存的副本 \(path) 已不見了", ": the stored copy \(path) is gone")
  }

  var neverCopied: String {
    pick("：从未复制进案件库", "：從未複製進案件庫", ": never copied into the store")
  }

  func storedCopyUnreadable(_ path: String?) -> String {
    pick("：保存的副本无法读取", "：保存的副本無法讀取", ": the stored copy cannot be read")
      + (path.map { pick("（\($0)）", "（\($0)）", " (\($0))") } ?? "")
  }

  func evidenceVerified(_ id: String, files n: Int) -> String {
    pick(
      "\(id)：\(n) 个证据文件已核验，全部未改动", "\(id)：\(n) 個證據文件已核驗，全部未改動",
      "\(id): \(count(n, "evidence file")) verified, all unchanged")
  }

  func evidenceBad(_ id: String, bad: Int, of n: Int) -> String {
    pick(
      "\(id)：\(n) 个证据文件中有 \(bad) 个被改动或缺失", "\(id)：\(n) 個證據文件中有 \(bad) 個被改動或缺失",
      "\(id): \(bad) of \(n) evidence files changed or missing")
  }

  // MARK: export --yaml

  func cannotCreateFolder(in parent: String, _ reason: String) -> String {
    pick(
      "无法在 \(parent) 中建立文件夹：\(reason)", "無法在 \(parent) 中建立文件夾：\(reason)",
      "cannot create a folder in \(parent): \(reason)")
  }

  func evidenceLeavesFolder(_ file: String) -> String {
    pick(
      "证据路径“\(file)”指向案件文件夹之外，不能导出", "證據路徑「\(file)」指向案件文件夾之外，不能導出",
      "evidence path \"\(file)\" leaves the case folder; it cannot be exported")
  }

  func storedCopyMissing(_ file: String, caseName: String) -> String {
    pick(
      "“\(file)”保存的副本不见了；`redress verify \(caseName)` 会核验每个证据文件",
      "「\(file)」保存的副本不見了；`redress verify \(caseName)` 會核驗每個證據文件",
      "the stored copy of \"\(file)\" is missing; `redress verify \(caseName)` checks every evidence file")
  }

  func storedCopyChangedSinceImport(_ file: String, actual: String, expected: String, caseName: String)
    -> String
  {
    pick(
      "“\(file)”保存的副本在导入后被改动过（SHA-256 为 \(actual)，应为 \(expected)）；没有导出任何内容。`redress verify \(caseName)` 会列出每个文件",
      "「\(file)」保存的副本在導入後被改動過（SHA-256 為 \(actual)，應為 \(expected)）；沒有導出任何內容。`redress verify \(caseName)` 會列出每個文件",
      "the stored copy of \"\(file)\" has changed since it was imported (SHA-256 \(actual), "
        + "expected \(expected)); nothing was exported. `redress verify \(caseName)` lists every file")
  }

  func exportTargetAppeared(_ target: String) -> String {
    pick(
      "\(target) 刚刚出现而且不是空的；没有导出任何内容", "\(target) 剛剛出現而且不是空的；沒有導出任何內容",
      "\(target) appeared and is not empty; nothing was exported")
  }

  func cannotMoveExport(into target: String, _ reason: String) -> String {
    pick(
      "无法把导出的内容移到 \(target)：\(reason)", "無法把導出的內容移到 \(target)：\(reason)",
      "cannot move the export into \(target): \(reason)")
  }

  func exported(_ name: String, to target: String, caseFile: String, evidenceFiles n: Int) -> String {
    pick(
      "已导出 \(name) 到 \(target)/：\(caseFile) 和 \(n) 个证据文件",
      "已導出 \(name) 到 \(target)/：\(caseFile) 和 \(n) 個證據文件",
      "exported \(name) to \(target)/: \(caseFile) and \(count(n, "evidence file"))")
  }

  func exportTargetNotAFolder(_ target: String) -> String {
    pick(
      "\(target) 已存在而且不是文件夹；请用 -o 另选一个", "\(target) 已存在而且不是文件夾；請用 -o 另選一個",
      "\(target) exists and is not a folder; choose another with -o")
  }

  func exportTargetNotEmpty(_ target: String) -> String {
    pick(
      "\(target) 已存在而且不是空的；没有覆盖任何内容。请用 -o 另选一个文件夹",
      "\(target) 已存在而且不是空的；沒有覆蓋任何內容。請用 -o 另選一個文件夾",
      "\(target) exists and is not empty; nothing was overwritten. Choose another folder with -o")
  }
}
