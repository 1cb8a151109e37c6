import RedressCore

/// The interface wording of the store and document commands (`import`, `export`, `list`,
/// `file`, `log`, `verify`, `validate`, `letter`, `bundle`, `followup`) in the three interface
/// languages, as `TrackingWords` is for `deadline`, `status` and `remind`. What a person may
/// type back stays as it is in every language: option names, field paths, file names, ids and
/// the commands a line suggests; so do the `error:`/`warning:`/`note:` tags and the
/// compiler-style diagnostics of validation. The sections per command are in the
/// `CommandWords+…` files.
struct CommandWords {
  let language: InterfaceLanguage

  init(_ language: InterfaceLanguage) { self.language = language }

  var isEnglish: Bool { language == .en }

  func pick(_ hans: String, _ hant: String, _ en: String) -> String {
    switch language {
    case .zhHans: return hans
    case .zhHant: return hant
    case .en: return en
    }
  }

  /// `1 evidence file`, `2 evidence files`: English counts for the English wording.
  func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

  /// Spaces after `mark` up to display column `width` (at least two), so that the names after
  /// a column of marks line up whatever their language.
  func padding(after mark: String, to width: Int) -> String {
    String(repeating: " ", count: max(2, width - TextTable.width(mark)))
  }

  // MARK: Finding a case (every command that takes CASE)

  func isAFolder(_ reference: String) -> String {
    pick(
      "\(reference) 是一个文件夹；请给出案件文件（YAML）或已保存案件的编号",
      "\(reference) 是一個文件夾；請給出案件文件（YAML）或已保存案件的編號",
      "\(reference) is a folder; give a case file (YAML) or the id of a stored case")
  }

  func noCaseFileOrStoredCase(_ reference: String) -> String {
    pick(
      "找不到案件文件 \(reference)，也没有这个编号的已保存案件；`redress list` 列出已保存的案件",
      "找不到案件文件 \(reference)，也沒有這個編號的已保存案件；`redress list` 列出已保存的案件",
      "no case file \(reference) and no stored case with that id; `redress list` shows the stored cases")
  }

  func notAStoredCase(_ reference: String) -> String {
    pick(
      "\(reference) 是案件文件，不是已保存的案件；请先用 `redress import \(reference)` 导入",
      "\(reference) 是案件文件，不是已保存的案件；請先用 `redress import \(reference)` 導入",
      "\(reference) is a case file, not a stored case; import it first with `redress import \(reference)`")
  }

  func noStoredCase(_ reference: String) -> String {
    pick(
      "没有编号为“\(reference)”的已保存案件；`redress list` 列出已保存的案件",
      "沒有編號為「\(reference)」的已保存案件；`redress list` 列出已保存的案件",
      "no stored case '\(reference)'; `redress list` shows the stored cases")
  }

  /// A date given on the command line that lies after today.
  func afterToday(_ option: String, _ day: CalendarDate, today: CalendarDate) -> String {
    pick(
      "\(option) \(day.iso) 晚于今天（\(today.iso)）",
      "\(option) \(day.iso) 晚於今天（\(today.iso)）",
      "\(option) \(day.iso) is after today (\(today.iso))")
  }

  /// `--on D` before the day the case was filed.
  func beforeFiling(_ option: String, _ day: CalendarDate, filed: CalendarDate, field: String?) -> String {
    let hansField = field.map { "（\($0)）" } ?? ""
    let enField = field.map { " (\($0))" } ?? ""
    return pick(
      "\(option) \(day.iso) 早于提交日 \(filed.iso)\(hansField)",
      "\(option) \(day.iso) 早於提交日 \(filed.iso)\(hansField)",
      "\(option) \(day.iso) is before the filing on \(filed.iso)\(enField)")
  }

  /// The name of a kind of event in the case's filing history.
  func eventKind(_ kind: FilingEventKind) -> String {
    switch kind {
    case .response: return pick("答复", "答覆", "response")
    case .followUp: return pick("催办", "催辦", "follow-up")
    case .mediation: return pick("调解", "調解", "mediation")
    case .closed: return pick("结案", "結案", "closed")
    case .note: return pick("备注", "備註", "note")
    case .refused: return pick("不予受理", "不予受理", "refused")
    case .withdrawn: return pick("撤回投诉", "撤回投訴", "withdrawn")
    case .appraisalStart: return pick("鉴定开始", "鑑定開始", "appraisal started")
    case .appraisalEnd: return pick("鉴定结束", "鑑定結束", "appraisal ended")
    }
  }
}

extension CommandEnvironment {
  /// The wording of the store and document commands in the interface language.
  var words: CommandWords { CommandWords(language) }
}
