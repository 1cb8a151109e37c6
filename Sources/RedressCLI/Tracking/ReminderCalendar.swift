import RedressCore

/// The reminder calendar of `redress remind --ics`: one all-day event per open clock on its
/// due day, with a reminder at 09:00 the day before.
enum ReminderCalendar {
  static func events(_ cases: [TrackedCase], words: TrackingWords) -> [ICalendarWriter.Event] {
    var events: [ICalendarWriter.Event] = []
    for t in StatusReport.sorted(cases) {
      for clock in t.status.clocks where clock.isOpen {
        guard let deadline = clock.deadline else { continue }
        events.append(event(t, clock: clock, deadline: deadline, words: words))
      }
    }
    return events
  }

  /// `<case>.<clock>@redress`, with anything outside letters, digits, `-`, `_` and `.`
  /// percent-encoded: the same case and clock always give the same UID, so importing the file
  /// again updates the event.
  static func uid(caseID: String, clockID: String) -> String {
    var out = ""
    for byte in caseID.utf8 {
      let c = Character(Unicode.Scalar(byte))
      if byte < 0x80, c.isLetter || c.isNumber || c == "-" || c == "_" {
        out.append(c)
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" : "") + hex
      }
    }
    return "\(out).\(clockID)@redress"
  }

  static func event(
    _ t: TrackedCase, clock: CaseClock, deadline: Deadline, words: TrackingWords
  ) -> ICalendarWriter.Event {
    let d = clock.definition
    let name = d.name.text(in: words.code)
    let who = t.respondentName ?? t.id
    // A due day counted through a year without a notice says so in the title too.
    let mark = deadline.provisional ? words.provisionalMark : ""
    let summary = words.phrase("remind.summary", ["mark": mark, "name": name, "who": who, "id": t.id])
    var lines: [String] = []
    let parties = [t.complainantName, t.respondentName].compactMap { $0 }.joined(separator: " → ")
    lines.append(
      words.phrase("remind.case") + t.id
        + (parties.isEmpty ? "" : words.phrase("remind.parties", ["parties": parties])))
    lines.append(
      words.phrase("remind.from") + words.dated(deadline.from) + " + "
        + words.length(d.length, d.unit))
    lines.append(
      words.phrase("remind.due") + words.dated(deadline.due) + (deadline.provisional ? mark : ""))
    lines.append(d.explanation.text(in: words.code))
    lines.append(
      words.phrase("remind.basis")
        + clock.citations.map(words.citation).joined(separator: words.basisSeparator))
    let offered = clock.routesWhenOverdue
    if !offered.isEmpty {
      lines.append(
        words.phrase("remind.no-answer")
          + offered.map { $0.text.text(in: words.code) }.joined(separator: words.basisSeparator))
    }
    if deadline.provisional {
      lines.append(words.provisional(deadline.yearsWithoutData, calendar: t.status.calendarName))
    }
    let alarm = words.phrase("remind.alarm", ["name": name, "id": t.id])
    return ICalendarWriter.Event(
      uid: uid(caseID: t.id, clockID: d.id), date: deadline.due, summary: summary,
      description: lines.joined(separator: "\n"), alarmMinutesBefore: 15 * 60, alarmText: alarm)
  }

}
