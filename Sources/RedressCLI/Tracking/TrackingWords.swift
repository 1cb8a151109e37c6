import RedressCore

/// The interface wording of `deadline`, `status` and `remind` in the three interface languages.
/// Legal content (clock names, explanations, routes, citations) comes from `legal/`, not from
/// here.
struct TrackingWords {
  let language: InterfaceLanguage

  var code: String { language.rawValue }
  var isEnglish: Bool { language == .en }

  func pick(_ hans: String, _ hant: String, _ en: String) -> String {
    switch language {
    case .zhHans: return hans
    case .zhHant: return hant
    case .en: return en
    }
  }

  func weekday(_ date: CalendarDate) -> String {
    let i = date.weekday - 1
    switch language {
    case .zhHans: return ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][i]
    case .zhHant: return ["週一", "週二", "週三", "週四", "週五", "週六", "週日"][i]
    case .en: return ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][i]
    }
  }

  /// `2026-10-27（周二）` or `2026-10-27 (Tue)`.
  func dated(_ date: CalendarDate) -> String {
    isEnglish ? "\(date.iso) (\(weekday(date)))" : "\(date.iso)（\(weekday(date))）"
  }

  func length(_ n: Int, _ unit: DeadlineUnit) -> String {
    switch unit {
    case .days: return pick("\(n)日", "\(n)日", n == 1 ? "1 day" : "\(n) days")
    case .workingDays:
      return pick("\(n)个工作日", "\(n)個工作日", n == 1 ? "1 working day" : "\(n) working days")
    }
  }

  func stage(_ s: CaseStage) -> String {
    switch s {
    case .draft: return pick("草稿", "草稿", "draft")
    case .ready: return pick("待提交", "待提交", "ready")
    case .filed: return pick("已提交", "已提交", "filed")
    case .accepted: return pick("已受理", "已受理", "accepted")
    case .answered: return pick("已答复", "已答覆", "answered")
    case .closed: return pick("已结案", "已結案", "closed")
    }
  }

  func state(_ s: CaseState) -> String {
    switch s {
    case .draft: return pick("未提交", "未提交", "not filed")
    case .waiting: return pick("等待中", "等待中", "waiting")
    case .dueSoon: return pick("即将到期", "即將到期", "due soon")
    case .overdue: return pick("已超期", "已超期", "overdue")
    case .answered: return pick("已答复", "已答覆", "answered")
    case .closed: return pick("已结案", "已結案", "closed")
    }
  }

  /// `剩 4 天`, `今天到期`, `超期 2 天`.
  func daysLeft(_ n: Int) -> String {
    if n == 0 { return pick("今天到期", "今天到期", "due today") }
    if n > 0 { return pick("剩\(n)天", "剩\(n)天", n == 1 ? "1 day" : "\(n) days") }
    return pick("超期\(-n)天", "超期\(-n)天", -n == 1 ? "1 day over" : "\(-n) days over")
  }

  func dayKind(_ kind: HolidayCalendar.DayKind, calendar: HolidayCalendar?) -> String {
    switch kind {
    case .workday: return pick("工作日", "工作日", "a working day")
    case .weekend: return pick("周末", "週末", "a weekend day")
    case .holiday(let name):
      let shown = isEnglish ? englishName(name, calendar) : name
      return pick("\(shown)假期", "\(shown)假期", "a \(shown) holiday")
    case .makeUpWorkday(let name):
      let shown = isEnglish ? englishName(name, calendar) : name
      return pick("\(shown)调休上班日", "\(shown)調休上班日", "a make-up working day for \(shown)")
    }
  }

  private func englishName(_ name: String, _ calendar: HolidayCalendar?) -> String {
    for year in calendar?.years.values.map({ $0 }) ?? [] {
      if let h = year.holidays.first(where: { $0.name == name }), let en = h.englishName { return en }
    }
    return name
  }

  /// A citation as one line: `《消费者权益保护法》第四十六条`, with "(practice)" when it is one.
  func citation(_ c: Citation) -> String {
    let source = c.source(in: code)
    let article = c.article(in: code)
    // An article not yet read from the text is practice for its number only: say so.
    let practice =
      c.confidence != .practice
      ? ""
      : c.articleUnchecked
        ? pick("（条文序号待核）", "（條文序號待核）", " (article number not yet checked)")
        : pick("（实践做法）", "（實踐做法）", " (practice)")
    let joiner: String
    if article.isEmpty {
      joiner = ""
    } else if isEnglish {
      joiner = article.hasPrefix("Art") ? " " : ", "
    } else {
      joiner = source.hasSuffix("》") || source.hasSuffix("）") || article.hasPrefix("第") ? "" : "，"
    }
    return source + joiner + article + practice
  }

  /// How a case ended, after its id: `：投诉已被不予受理`.
  func ended(_ kind: FilingEventKind?) -> String {
    switch kind {
    case .refused: return pick("不予受理", "不予受理", "refused")
    case .withdrawn: return pick("已撤回", "已撤回", "withdrawn")
    default: return pick("已结案", "已結案", "closed")
    }
  }

  /// The note for cases that ended without a settlement: what is open to them now.
  func endedNote(_ list: String, kind: FilingEventKind?, venue: Venue) -> String {
    let body =
      venue == .marketRegulator
      ? pick("市场监督管理部门", "市場監督管理部門", "the market regulator")
      : pick("消费者协会", "消費者協會", "the consumer association")
    return pick(
      "\(list)：投诉\(ended(kind))，\(body)不再处理，没有记录和解。",
      "\(list)：投訴\(ended(kind))，\(body)不再處理，沒有記錄和解。",
      "\(list): \(ended(kind)); \(body) no longer handles it, and no settlement is recorded.")
  }

  /// The warning for a result that relied on days of years with no calendar file.
  func weekdayOnly(_ years: [Int], calendar: String) -> String {
    let list = years.map(String.init).joined(separator: isEnglish ? ", " : "、")
    let files = years.map { "legal/calendars/\(calendar)/\($0).yaml" }.joined(separator: ", ")
    return pick(
      "注意：\(list)年的放假安排尚未收录（\(files)），这些日子只按周六、周日休息来判断；国务院公布放假安排后，到期日可能变化。",
      "注意：\(list)年的放假安排尚未收錄（\(files)），這些日子只按週六、週日休息來判斷；國務院公布放假安排後，到期日可能變化。",
      "Note: the holidays of \(list) are not in the calendar yet (\(files)); those days were judged by weekday alone, so the due day may move once the State Council's notice is added."
    )
  }
}
