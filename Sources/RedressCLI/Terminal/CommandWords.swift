import RedressCore

/// The interface wording of the store and document commands (`import`, `export`, `list`,
/// `file`, `log`, `verify`, `validate`, `letter`, `bundle`, `followup`) in the three interface
/// languages, as `TrackingWords` is for `deadline`, `status` and `remind`. What a person may
/// type back stays as it is in every language: option names, field paths, file names, ids and
/// the commands a line suggests; so do the `error:`/`warning:`/`note:` tags and the
/// compiler-style diagnostics of validation. The sections per command are in the
/// `CommandWords+…` files. The texts themselves are data: `templates/words/<language>/*.yaml`
/// (zh-Hant generated from zh-Hans by `scripts/derive-zh-hant`); a function here names the key
/// and gives the placeholders' values.
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
    language.phrase("common.is-a-folder", ["reference": reference])
  }

  func noCaseFileOrStoredCase(_ reference: String) -> String {
    language.phrase("common.no-case-file-or-stored-case", ["reference": reference])
  }

  func notAStoredCase(_ reference: String) -> String {
    language.phrase("common.not-a-stored-case", ["reference": reference])
  }

  func noStoredCase(_ reference: String) -> String {
    language.phrase("common.no-stored-case", ["reference": reference])
  }

  /// A date given on the command line that lies after today.
  func afterToday(_ option: String, _ day: CalendarDate, today: CalendarDate) -> String {
    language.phrase("common.after-today", ["option": option, "day": day.iso, "today": today.iso])
  }

  /// `--on D` before the day the case was filed.
  func beforeFiling(_ option: String, _ day: CalendarDate, filed: CalendarDate, field: String?) -> String {
    let values = ["option": option, "day": day.iso, "filed": filed.iso]
    guard let field else { return language.phrase("common.before-filing", values) }
    return language.phrase("common.before-filing-field", values.merging(["field": field]) { a, _ in a })
  }

  /// The name of a kind of event in the case's filing history.
  func eventKind(_ kind: FilingEventKind) -> String {
    switch kind {
    case .response: return language.phrase("common.event-kind.response")
    case .followUp: return language.phrase("common.event-kind.follow-up")
    case .mediation: return language.phrase("common.event-kind.mediation")
    case .closed: return language.phrase("common.event-kind.closed")
    case .note: return language.phrase("common.event-kind.note")
    case .refused: return language.phrase("common.event-kind.refused")
    case .withdrawn: return language.phrase("common.event-kind.withdrawn")
    case .appraisalStart: return language.phrase("common.event-kind.appraisal-start")
    case .appraisalEnd: return language.phrase("common.event-kind.appraisal-end")
    }
  }
}

extension CommandEnvironment {
  /// The wording of the store and document commands in the interface language.
  var words: CommandWords { CommandWords(language) }
}
