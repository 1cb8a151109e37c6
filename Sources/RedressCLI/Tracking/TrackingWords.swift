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
    let practice = c.confidence == .practice ? pick("（实践做法）", "（實踐做法）", " (practice)") : ""
    let joiner = c.source.hasSuffix("》") || c.article.hasPrefix("第") ? "" : (isEnglish ? ", " : "，")
    return c.source + joiner + c.article + practice
  }

  /// The warning for a result that relied on days of years with no State Council notice:
  /// those days were counted on the statute's own holidays and the weekends, so the result
  /// is provisional.
  func provisional(_ years: [Int], calendar: String) -> String {
    let list = years.map(String.init).joined(separator: isEnglish ? ", " : "、")
    return pick(
      "注意：结果是暂定的。\(list)年的国务院放假通知尚未收录，这些日子按《全国年节及纪念日放假办法》规定的节日和周六、周日计算，未计通知才会确定的补假和调休；通知公布后，到期日可能提前或推后。通知公布后可用 redress calendar import 文件 添加。",
      "注意：結果是暫定的。\(list)年的國務院放假通知尚未收錄，這些日子按《全國年節及紀念日放假辦法》規定的節日和週六、週日計算，未計通知才會確定的補假和調休；通知公布後，到期日可能提前或推後。通知公布後可用 redress calendar import 檔案 添加。",
      "Note: provisional. The State Council's holiday notice for \(list) is not in the calendar yet; those days were counted on the holidays the statute (《全国年节及纪念日放假办法》) fixes and on weekends, without the make-up days only a notice sets, so the due day may move once the notice is added with `redress calendar import FILE`."
    )
  }

  /// `（暂定）` after a due day counted through a year without a notice.
  var provisionalMark: String { pick("（暂定）", "（暫定）", " (provisional)") }

  /// From 1 November: next year's notice is not in the calendar yet.
  func nextYearMissing(_ year: Int) -> String {
    pick(
      "提示：\(year)年的国务院放假通知尚未收录，跨入\(year)年的期限将按法定节日暂定计算。国务院通常在10月至12月公布下一年的放假安排；公布后，按 CONTRIBUTING.md 的格式写成文件，用 redress calendar import 文件 添加。",
      "提示：\(year)年的國務院放假通知尚未收錄，跨入\(year)年的期限將按法定節日暫定計算。國務院通常在10月至12月公布下一年的放假安排；公布後，按 CONTRIBUTING.md 的格式寫成檔案，用 redress calendar import 檔案 添加。",
      "Tip: the State Council's holiday notice for \(year) is not in the calendar yet; deadlines that reach into \(year) are counted provisionally on the statutory holidays. The notice usually comes out between October and December; once it is published, write it as a calendar file (see CONTRIBUTING.md) and add it with `redress calendar import FILE`."
    )
  }

  /// The year whose notice is missing, when `today` is on or after 1 November and next year
  /// has no notice; nil otherwise.
  static func nextYearWithoutNotice(today: CalendarDate, calendar: HolidayCalendar) -> Int? {
    guard today.month >= 11, calendar.statute != nil || !calendar.years.isEmpty else { return nil }
    return calendar.hasNotice(forYear: today.year + 1) ? nil : today.year + 1
  }

  // MARK: redress calendar

  /// `2027年 · cn 日历` / `2027 · calendar cn`.
  func calendarHeading(_ year: Int, calendar: String) -> String {
    pick("\(year)年 · \(calendar) 日历", "\(year)年 · \(calendar) 日曆", "\(year) · calendar \(calendar)")
  }

  /// The notice a year's days come from, with its number and date, and where the file is.
  func calendarNoticeBasis(_ year: HolidayCalendar.Year) -> String {
    func one(_ n: HolidayCalendar.Notice) -> String {
      let number = n.number.map { isEnglish ? ", \($0)" : "，\($0)" } ?? ""
      return isEnglish ? "\(n.title) (\(n.date.iso)\(number))" : "《\(n.title)》（\(n.date.iso)\(number)）"
    }
    let all = ([year.notice] + year.amendments).map(one).joined(separator: pick("；", "；", "; "))
    let source =
      year.source == .imported
      ? pick("您导入的文件", "您匯入的檔案", "a file you imported")
      : pick("redress 自带", "redress 自帶", "shipped with redress")
    return pick("依据：\(all)", "依據：\(all)", "Basis: \(all)")
      + pick("（\(source)：\(year.file)）", "（\(source)：\(year.file)）", " (\(source): \(year.file))")
  }

  /// The statute a year without a notice counts on.
  func calendarStatuteBasis(title: String?, article: String?, revision: String?) -> String {
    guard let title else {
      return pick(
        "依据：无（尚无国务院通知，也没有法定节日数据：只按周六、周日休息判断）",
        "依據：無（尚無國務院通知，也沒有法定節日資料：只按週六、週日休息判斷）",
        "Basis: none (no State Council notice and no statutory holidays in the data: weekends only)")
    }
    guard let revision else {
      return pick(
        "依据：尚无国务院通知；数据中没有这一年施行的\(title)文本，只按周六、周日休息判断（暂定）",
        "依據：尚無國務院通知；資料中沒有這一年施行的\(title)文本，只按週六、週日休息判斷（暫定）",
        "Basis: no State Council notice, and no text of \(title) in force that year in the data: weekends only (provisional)"
      )
    }
    let law = title + (article ?? "")
    return pick(
      "依据：尚无国务院通知，按\(law)（\(revision)）规定的节日计算（暂定）",
      "依據：尚無國務院通知，按\(law)（\(revision)）規定的節日計算（暫定）",
      "Basis: no State Council notice yet; the holidays \(law) (\(revision)) fixes by itself (provisional)")
  }

  /// What `calendar import` says once the file is in place.
  func imported(_ year: HolidayCalendar.Year, path: String, replacing: Bool) -> String {
    let y = year.year
    let replaced =
      replacing ? pick("（替换了之前导入的文件）", "（替換了之前匯入的檔案）", " (replacing the one imported before)") : ""
    return pick(
      "已添加\(y)年的放假通知《\(year.notice.title)》：\(path)\(replaced)\n从现在起，跨入\(y)年的期限按这份通知计算。可用 redress calendar \(y) 查看。",
      "已添加\(y)年的放假通知《\(year.notice.title)》：\(path)\(replaced)\n從現在起，跨入\(y)年的期限按這份通知計算。可用 redress calendar \(y) 查看。",
      "Added the holiday notice for \(y), \(year.notice.title): \(path)\(replaced)\nFrom now on, deadlines that reach into \(y) are counted on it. See it with `redress calendar \(y)`."
    )
  }

  /// The shipped notice of a year is newer than (or as new as) the imported one.
  func shippedOutranks(_ shipped: HolidayCalendar.Year, imported: HolidayCalendar.Year) -> String {
    pick(
      "redress 自带\(shipped.year)年的通知（\(shipped.latestNoticeDate.iso)），不比它更早，所以仍按自带的计算；只有按更晚发布的通知写成的文件才会取代它。",
      "redress 自帶\(shipped.year)年的通知（\(shipped.latestNoticeDate.iso)），不比它更早，所以仍按自帶的計算；只有按更晚發布的通知寫成的檔案才會取代它。",
      "redress ships a notice for \(shipped.year) dated \(shipped.latestNoticeDate.iso), no older than yours, so the shipped one is still used; only a file that follows a later notice replaces it."
    )
  }
}
