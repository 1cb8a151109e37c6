import RedressCore

/// `redress status` as a table a person scans in a second (overdue first, then by due day),
/// and as the JSON of `cli.md`.
enum StatusReport {
  /// Overdue and due-soon cases first, earliest due day first; then cases with no open clock:
  /// answered, waiting, not filed, closed; ties by id.
  static func sorted(_ cases: [TrackedCase]) -> [TrackedCase] {
    func rank(_ t: TrackedCase) -> Int {
      if t.status.due != nil { return 0 }
      switch t.status.state {
      case .answered: return 1
      case .waiting, .dueSoon, .overdue: return 2
      case .draft: return 3
      case .closed: return 4
      }
    }
    // Sort small keys, not the cases themselves (a case is a large value to move around).
    let keys = cases.enumerated().map { index, t in
      (rank: rank(t), due: t.status.due?.julianDay ?? 0, id: t.id, index: index)
    }
    return keys.sorted { a, b in
      if a.rank != b.rank { return a.rank < b.rank }
      if a.due != b.due { return a.due < b.due }
      if a.id != b.id { return a.id < b.id }
      return a.index < b.index
    }.map { cases[$0.index] }
  }

  // MARK: JSON

  static func json(_ cases: [TrackedCase], today: CalendarDate, words: TrackingWords) -> OrderedJSON {
    .array(sorted(cases).map { json($0, words: words) })
  }

  static func json(_ t: TrackedCase, words: TrackingWords) -> OrderedJSON {
    let s = t.status
    var members: [(String, OrderedJSON)] = [
      ("case", .string(t.id)),
      ("complainant", .string(t.complainantName)),
      ("respondent", .string(t.respondentName)),
      ("venue", .string(s.venue.rawValue)),
      ("stage", .string(s.stage.rawValue)),
      ("due", .date(s.due)),
      ("days_left", .int(s.daysLeft)),
      ("state", .string(s.state.rawValue)),
      ("clock", .string(s.dueClock?.id)),
      ("clock_name", .string(s.dueClock?.definition.name.text(in: words.code))),
      ("practice", s.dueClock.map { .bool($0.definition.practice) } ?? .null),
      ("citations", citationsJSON(s.dueClock?.definition.citations ?? [])),
    ]
    let years = s.yearsWithoutData
    members.append(("weekday_only_years", .array(years.map { .int($0) })))
    if !years.isEmpty {
      members.append(("note", .string(words.weekdayOnly(years, calendar: s.calendarName))))
    }
    members.append(("clocks", .array(s.clocks.map { clockJSON($0, words: words) })))
    members.append(
      (
        "next_routes",
        .array(
          s.nextRoutes.map { route in
            .object([
              ("id", .string(route.id)),
              ("text", .string(route.text.text(in: words.code))),
              ("citations", citationsJSON(route.citations)),
            ])
          })
      ))
    return .object(members)
  }

  static func clockJSON(_ c: CaseClock, words: TrackingWords) -> OrderedJSON {
    let d = c.definition
    return .object([
      ("id", .string(d.id)),
      ("name", .string(d.name.text(in: words.code))),
      ("status", .string(c.status.rawValue)),
      ("starts", .string(d.starts.rawValue)),
      ("start", .date(c.start)),
      ("length", .int(d.length)),
      ("unit", .string(d.unit.rawValue)),
      ("unadjusted", .date(c.deadline?.unadjusted)),
      ("due", .date(c.due)),
      ("days_left", .int(c.daysLeft)),
      ("closed_on", .date(c.closedOn)),
      ("closed_by", .string(c.closedBy?.rawValue)),
      ("closed_late", .bool(c.closedLate)),
      ("practice", .bool(d.practice)),
      ("weekday_only_years", .array((c.deadline?.yearsWithoutData ?? []).map { .int($0) })),
    ])
  }

  static func citationsJSON(_ citations: [Citation]) -> OrderedJSON {
    .array(
      citations.map {
        .object([
          ("source", .string($0.source)), ("article", .string($0.article)),
          ("confidence", .string($0.confidence.rawValue)),
        ])
      })
  }

  // MARK: Text

  static func text(
    _ cases: [TrackedCase], today: CalendarDate, words: TrackingWords, output: Output
  ) -> String {
    if cases.isEmpty {
      return words.pick(
        "还没有保存的案件。用 redress new 开始一份新的投诉，或用 redress import 案件.yaml 导入已写好的案件文件。",
        "還沒有保存的案件。用 redress new 開始一份新的投訴，或用 redress import 案件.yaml 匯入已寫好的案件文件。",
        "No cases stored yet. Start a complaint with `redress new`, or add a case file you already have with `redress import CASE.yaml`."
      )
    }
    let ordered = sorted(cases)
    let header = [
      words.pick("案件", "案件", "CASE"), words.pick("被投诉方", "被投訴方", "RESPONDENT"),
      words.pick("阶段", "階段", "STAGE"), words.pick("到期日", "到期日", "DUE"),
      words.pick("剩余", "剩餘", "LEFT"), words.pick("状态", "狀態", "STATE"),
    ]
    var rows: [[String]] = []
    var anyEstimate = false
    for t in ordered {
      let s = t.status
      var due = s.due.map { $0.iso } ?? "—"
      if !s.yearsWithoutData.isEmpty && s.due != nil {
        due += "*"
        anyEstimate = true
      }
      rows.append([
        DisplayWidth.truncate(t.id, to: 24),
        DisplayWidth.truncate(t.respondentName ?? "—", to: 28),
        words.stage(s.stage),
        due,
        s.daysLeft.map(words.daysLeft) ?? "—",
        words.state(s.state),
      ])
    }
    let widths = (0..<header.count).map { column in
      ([header] + rows).map { DisplayWidth.of($0[column]) }.max() ?? 0
    }
    func line(_ cells: [String], styles: [Output.Style?]) -> String {
      var parts: [String] = []
      for (i, cell) in cells.enumerated() {
        let last = i == cells.count - 1
        // Left-aligned columns, except "days left", which is right-aligned.
        let padded = last ? cell : DisplayWidth.pad(cell, to: widths[i], right: i == 4)
        parts.append(styles[i].map { output.style(padded, $0) } ?? padded)
      }
      return parts.joined(separator: "  ")
    }
    var lines: [String] = [line(header, styles: Array(repeating: .dim, count: header.count))]
    for (t, row) in zip(ordered, rows) {
      let style = stateStyle(t.status.state)
      lines.append(line(row, styles: [.bold, nil, nil, nil, style, style]))
    }

    // What to do about the cases that need something now, grouped by clock so that the notes
    // stay short however many cases there are.
    var notes: [String] = []
    for state in [CaseState.overdue, .dueSoon] {
      for group in groups(ordered.filter { $0.status.state == state }) {
        notes += note(for: group, state: state, words: words, output: output)
      }
    }
    if anyEstimate {
      let years = Set(ordered.flatMap(\.status.yearsWithoutData)).sorted()
      let calendar = ordered.first { !$0.status.yearsWithoutData.isEmpty }?.status.calendarName ?? ""
      notes.append("* " + words.weekdayOnly(years, calendar: calendar))
    }
    if ordered.contains(where: { $0.status.stage == .ready }) {
      notes.append(
        words.pick(
          "提交投诉后，运行 redress file 案件 --on 提交日期，开始计算处理期限。",
          "提交投訴後，執行 redress file 案件 --on 提交日期，開始計算處理期限。",
          "Once you have filed a ready case, run `redress file CASE --on DATE` to start its clock."))
    }
    if !notes.isEmpty { lines.append("") }
    return (lines + notes).joined(separator: "\n")
  }

  /// Cases by the clock their due day comes from, in the order of their first case.
  static func groups(_ cases: [TrackedCase]) -> [(clock: CaseClock, cases: [TrackedCase])] {
    var order: [String] = []
    var byClock: [String: (clock: CaseClock, cases: [TrackedCase])] = [:]
    for t in cases {
      guard let clock = t.status.dueClock else { continue }
      if byClock[clock.id] == nil {
        order.append(clock.id)
        byClock[clock.id] = (clock, [])
      }
      byClock[clock.id]!.cases.append(t)
    }
    return order.map { byClock[$0]! }
  }

  /// How many cases a grouped note names before it says "and N more".
  static let namedInNote = 8

  static func note(
    for group: (clock: CaseClock, cases: [TrackedCase]), state: CaseState, words: TrackingWords,
    output: Output
  ) -> [String] {
    let definition = group.clock.definition
    let name = definition.name.text(in: words.code)
    let practice =
      definition.practice
      ? words.pick("（工作惯例，不是法定期限）", "（工作慣例，不是法定期限）", " (office practice, not a statutory deadline)")
      : ""
    var lines: [String] = []
    if group.cases.count == 1, let t = group.cases.first, let due = t.status.due {
      let id = output.style(t.id, .bold)
      lines.append(
        state == .overdue
          ? id
            + words.pick(
              "：\(name)已于 \(due.iso) 届满，尚无答复\(practice)。",
              "：\(name)已於 \(due.iso) 屆滿，尚無答覆\(practice)。",
              ": the \(name) ended on \(due.iso) with no answer\(practice).")
          : id
            + words.pick(
              "：\(name)将于 \(due.iso) 到期。", "：\(name)將於 \(due.iso) 到期。", ": the \(name) ends on \(due.iso)."))
    } else {
      let named = group.cases.prefix(namedInNote).map { t in
        output.style(t.id, .bold)
          + words.pick(
            "（\(t.status.due?.iso ?? "")）", "（\(t.status.due?.iso ?? "")）", " (\(t.status.due?.iso ?? ""))")
      }
      let more = group.cases.count - named.count
      let list =
        named.joined(separator: words.pick("、", "、", ", "))
        + (more > 0
          ? words.pick("等\(group.cases.count)件", "等\(group.cases.count)件", " and \(more) more") : "")
      lines.append(
        state == .overdue
          ? words.pick(
            "\(name)已届满、尚无答复\(practice)：\(list)。",
            "\(name)已屆滿、尚無答覆\(practice)：\(list)。",
            "The \(name) has ended with no answer\(practice) for \(list).")
          : words.pick("\(name)即将到期：\(list)。", "\(name)即將到期：\(list)。", "The \(name) ends soon for \(list)."))
    }
    let routes = state == .overdue ? group.clock.routesWhenOverdue : []
    if !routes.isEmpty {
      lines.append("  " + words.pick("下一步可以：", "下一步可以：", "Next you can:"))
      for route in routes {
        let basis = route.citations.map(words.citation).joined(separator: words.pick("；", "；", "; "))
        let cited = basis.isEmpty ? "" : words.pick("（\(basis)）", "（\(basis)）", " (\(basis))")
        lines.append("  · " + route.text.text(in: words.code) + cited)
      }
    }
    return lines
  }

  static func stateStyle(_ state: CaseState) -> Output.Style? {
    switch state {
    case .overdue: return .red
    case .dueSoon: return .yellow
    case .waiting: return .green
    case .answered: return .cyan
    case .draft, .closed: return .dim
    }
  }
}
