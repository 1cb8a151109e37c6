import RedressCore

/// The interface wording of `deadline`, `status` and `remind` in the three interface languages.
/// Legal content (clock names, explanations, routes, citations) comes from `legal/`, not from
/// here.
struct TrackingWords {
  let language: InterfaceLanguage

  var code: String { language.rawValue }
  var isEnglish: Bool { language == .en }

  /// A text of the wording catalogue (`templates/words/<language>/*.yaml`) in this language.
  func phrase(_ key: String, _ values: [String: String] = [:]) -> String {
    language.phrase(key, values)
  }

  /// A counted text of the wording catalogue.
  func phrase(_ key: String, count: Int, _ values: [String: String] = [:]) -> String {
    language.phrase(key, count: count, values)
  }

  /// Between the items of a list: `、` or `, `.
  var listSeparator: String { language.phrase("tracking.list-separator") }

  /// Between citations or notices: `；` or `; `.
  var basisSeparator: String { language.phrase("tracking.basis-separator") }

  func weekday(_ date: CalendarDate) -> String {
    switch date.weekday {
    case 1: return language.phrase("tracking.weekday.mon")
    case 2: return language.phrase("tracking.weekday.tue")
    case 3: return language.phrase("tracking.weekday.wed")
    case 4: return language.phrase("tracking.weekday.thu")
    case 5: return language.phrase("tracking.weekday.fri")
    case 6: return language.phrase("tracking.weekday.sat")
    default: return language.phrase("tracking.weekday.sun")
    }
  }

  /// `2026-10-27（周二）` or `2026-10-27 (Tue)`.
  func dated(_ date: CalendarDate) -> String {
    language.phrase("tracking.dated", ["date": date.iso, "weekday": weekday(date)])
  }

  func length(_ n: Int, _ unit: DeadlineUnit) -> String {
    switch unit {
    case .days: return language.phrase("tracking.length.days", count: n)
    case .workingDays: return language.phrase("tracking.length.working-days", count: n)
    }
  }

  func stage(_ s: CaseStage) -> String {
    switch s {
    case .draft: return language.phrase("tracking.stage.draft")
    case .ready: return language.phrase("tracking.stage.ready")
    case .filed: return language.phrase("tracking.stage.filed")
    case .accepted: return language.phrase("tracking.stage.accepted")
    case .answered: return language.phrase("tracking.stage.answered")
    case .closed: return language.phrase("tracking.stage.closed")
    }
  }

  func state(_ s: CaseState) -> String {
    switch s {
    case .draft: return language.phrase("tracking.state.draft")
    case .waiting: return language.phrase("tracking.state.waiting")
    case .dueSoon: return language.phrase("tracking.state.due-soon")
    case .overdue: return language.phrase("tracking.state.overdue")
    case .answered: return language.phrase("tracking.state.answered")
    case .closed: return language.phrase("tracking.state.closed")
    }
  }

  /// `剩 4 天`, `今天到期`, `超期 2 天`.
  func daysLeft(_ n: Int) -> String {
    if n == 0 { return language.phrase("tracking.days-left.due-today") }
    if n > 0 { return language.phrase("tracking.days-left.left", count: n) }
    return language.phrase("tracking.days-left.over", count: -n)
  }

  func dayKind(_ kind: HolidayCalendar.DayKind, calendar: HolidayCalendar?) -> String {
    switch kind {
    case .workday: return language.phrase("tracking.day-kind.workday")
    case .weekend: return language.phrase("tracking.day-kind.weekend")
    case .holiday(let name):
      return language.phrase("tracking.day-kind.holiday", ["name": holidayName(name, calendar)])
    case .makeUpWorkday(let name):
      return language.phrase("tracking.day-kind.make-up-workday", ["name": holidayName(name, calendar)])
    }
  }

  /// A holiday's name (its Chinese name in the calendar data) in the interface language.
  private func holidayName(_ name: String, _ calendar: HolidayCalendar?) -> String {
    calendar?.holidayName(name, in: code) ?? name
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
        ? language.phrase("tracking.citation-unchecked")
        : language.phrase("tracking.citation-practice")
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
    case .refused: return language.phrase("tracking.ended.refused")
    case .withdrawn: return language.phrase("tracking.ended.withdrawn")
    default: return language.phrase("tracking.ended.closed")
    }
  }

  /// The note for cases that ended without a settlement: what is open to them now.
  func endedNote(_ list: String, kind: FilingEventKind?, venue: Venue) -> String {
    let body =
      venue == .marketRegulator
      ? language.phrase("tracking.body.market-regulator")
      : language.phrase("tracking.body.consumer-association")
    return language.phrase("tracking.ended-note", ["list": list, "ended": ended(kind), "body": body])
  }

  /// The warning for a result that relied on days of years with no State Council notice:
  /// those days were counted on the statute's own holidays and the weekends, so the result
  /// is provisional.
  func provisional(_ years: [Int], calendar: String) -> String {
    let list = years.map(String.init).joined(separator: listSeparator)
    return language.phrase("tracking.provisional", ["years": list])
  }

  /// `（暂定）` after a due day counted through a year without a notice.
  var provisionalMark: String { language.phrase("tracking.provisional-mark") }

  /// From 1 November: next year's notice is not in the calendar yet.
  func nextYearMissing(_ year: Int) -> String {
    language.phrase("tracking.next-year-missing", ["year": String(year)])
  }

  /// The year whose notice is missing, when `today` is on or after 1 November and next year
  /// has no notice; nil otherwise.
  static func nextYearWithoutNotice(today: CalendarDate, calendar: HolidayCalendar) -> Int? {
    nextYearWithoutNotice(
      today: today, noticeYears: Set(calendar.years.keys), hasStatute: calendar.statute != nil)
  }

  /// The same, from what the calendar's folder holds (`HolidayCalendarLoader.contents`), for a
  /// command that needs no day of the calendar.
  static func nextYearWithoutNotice(today: CalendarDate, noticeYears: Set<Int>, hasStatute: Bool) -> Int? {
    guard today.month >= 11, hasStatute || !noticeYears.isEmpty else { return nil }
    return noticeYears.contains(today.year + 1) ? nil : today.year + 1
  }

  // MARK: redress calendar

  /// `2027年 · cn 日历` / `2027 · calendar cn`.
  func calendarHeading(_ year: Int, calendar: String) -> String {
    language.phrase("tracking.calendar-heading", ["year": String(year), "calendar": calendar])
  }

  /// The notice a year's days come from, with its number and date, and where the file is.
  /// `calendar` gives the titles' zh-Hant.
  func calendarNoticeBasis(_ year: HolidayCalendar.Year, calendar: HolidayCalendar? = nil) -> String {
    func one(_ n: HolidayCalendar.Notice) -> String {
      let title = calendar?.text(n.title, in: code) ?? n.title
      guard let number = n.number.map({ calendar?.text($0, in: code) ?? $0 }) else {
        return language.phrase("tracking.notice", ["title": title, "date": n.date.iso])
      }
      return language.phrase(
        "tracking.notice-numbered", ["title": title, "date": n.date.iso, "number": number])
    }
    let all = ([year.notice] + year.amendments).map(one).joined(separator: basisSeparator)
    let source =
      year.source == .imported
      ? language.phrase("tracking.source-imported")
      : language.phrase("tracking.source-shipped")
    return language.phrase("tracking.notice-basis", ["notices": all, "source": source, "file": year.file])
  }

  /// The statute a year without a notice counts on.
  func calendarStatuteBasis(title: String?, article: String?, revision: String?) -> String {
    guard let title else { return language.phrase("tracking.statute-basis-none") }
    guard let revision else { return language.phrase("tracking.statute-basis-no-text", ["title": title]) }
    let law = title + (article ?? "")
    return language.phrase("tracking.statute-basis", ["law": law, "revision": revision])
  }

  /// What `calendar import` says once the file is in place.
  func imported(_ year: HolidayCalendar.Year, path: String, replacing: Bool) -> String {
    let values = ["year": String(year.year), "title": year.notice.title, "path": path]
    return replacing
      ? language.phrase("tracking.imported-replacing", values) : language.phrase("tracking.imported", values)
  }

  /// The shipped notice of a year is newer than (or as new as) the imported one.
  func shippedOutranks(_ shipped: HolidayCalendar.Year, imported: HolidayCalendar.Year) -> String {
    language.phrase(
      "tracking.shipped-outranks", ["year": String(shipped.year), "date": shipped.latestNoticeDate.iso])
  }
}
