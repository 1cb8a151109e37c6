import RedressCore

/// `redress status` as a table a person scans in a second (overdue first, then by due day),
/// and as the JSON of `cli.md`.
enum StatusReport {
  /// Overdue and due-soon cases first, earliest due day first; then cases with no open clock:
  /// answered, waiting, not filed, closed; ties by id.
  static func sorted(_ cases: [TrackedCase]) -> [TrackedCase] {
    sortedIndices(cases.map { ($0.id, $0.status.state, $0.status.due) }).map { cases[$0] }
  }

  /// The positions of `cases` (id, state, due day) in the order of `sorted`: small keys of
  /// integers are sorted, so that no comparison looks at a string.
  static func sortedIndices(_ cases: [(id: String, state: CaseState, due: CalendarDate?)]) -> [Int] {
    func rank(_ state: CaseState, _ due: CalendarDate?) -> Int {
      if due != nil { return 0 }
      switch state {
      case .answered: return 1
      case .waiting, .dueSoon, .overdue: return 2
      case .draft: return 3
      case .closed: return 4
      }
    }
    // Ids are compared once, up front: the store gives its cases in id order already, and
    // otherwise one sort by id gives each case its place among the ids.
    var idOrder = Array(cases.indices)
    let byID = { (a: Int, b: Int) -> Bool in
      // SQLite and the store order ids by their bytes; so does this.
      cases[a].id.utf8.lexicographicallyPrecedes(cases[b].id.utf8)
    }
    if zip(idOrder, idOrder.dropFirst()).contains(where: { byID($1, $0) }) { idOrder.sort(by: byID) }
    var idRank = [Int](repeating: 0, count: cases.count)
    for (rank, index) in idOrder.enumerated() { idRank[index] = rank }

    var keys: [(rank: Int, due: Int, id: Int, index: Int)] = []
    keys.reserveCapacity(cases.count)
    for (index, c) in cases.enumerated() {
      keys.append((rank(c.state, c.due), c.due?.julianDay ?? 0, idRank[index], index))
    }
    keys.sort { a, b in (a.rank, a.due, a.id, a.index) < (b.rank, b.due, b.id, b.index) }
    return keys.map(\.index)
  }

  // MARK: JSON

  static func json(_ cases: [TrackedCase], today: CalendarDate, words: TrackingWords) -> OrderedJSON {
    .array(sorted(cases).map { json($0, today: today, words: words) })
  }

  /// `today` decides which texts the routes cite: a route is taken from now on.
  static func json(_ t: TrackedCase, today: CalendarDate, words: TrackingWords) -> OrderedJSON {
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
      ("citations", citationsJSON(s.dueClock?.citations ?? [])),
      ("routes", .array(s.nextRoutes.map { .string($0.id) })),
    ]
    if let ended = s.endedBy { members.append(("ended_by", .string(ended.rawValue))) }
    if let note = s.dueClock?.definition.note {
      members.append(("clock_note", .string(note.text(in: words.code))))
    }
    let years = s.yearsWithoutData
    members.append(("provisional", .bool(!years.isEmpty)))
    members.append(("years_without_notice", .array(years.map { .int($0) })))
    if !years.isEmpty {
      members.append(("note", .string(words.provisional(years, calendar: s.calendarName))))
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
              ("citations", citationsJSON(route.citations.inForce(on: today))),
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
      ("paused", .bool(c.paused)),
      ("appraisal_days", .int(c.appraisalDays)),
      ("practice", .bool(d.practice)),
      ("provisional", .bool(c.deadline?.provisional ?? false)),
      ("years_without_notice", .array((c.deadline?.yearsWithoutData ?? []).map { .int($0) })),
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
    text(cases.map(StatusLine.init), today: today, words: words, output: output)
  }

  static func text(
    _ cases: [StatusLine], today: CalendarDate, words: TrackingWords, output: Output
  ) -> String {
    String(decoding: textBytes(cases, today: today, words: words, output: output), as: UTF8.self)
  }

  /// The table and its notes as UTF-8 bytes (what `text` gives as a string), with no line
  /// break at the end: `status` writes them as they are, without making a string of them.
  static func textBytes(
    _ cases: [StatusLine], today: CalendarDate, words: TrackingWords, output: Output
  ) -> [UInt8] {
    if cases.isEmpty {
      return Array(words.phrase("status.no-cases").utf8)
    }
    let order = sortedIndices(cases.map { ($0.id, $0.state, $0.due) })
    let header = [
      words.phrase("status.column.case"), words.phrase("status.column.respondent"),
      words.phrase("status.column.stage"), words.phrase("status.column.due"),
      words.phrase("status.column.left"), words.phrase("status.column.state"),
    ].map(Cell.init)
    // The table is written as bytes into one buffer, in two passes: the first measures each
    // column, the second writes. Words that repeat on every row (stages, states, days left,
    // "—") are kept once, as bytes in one buffer of their own, and a row names them by
    // position: nothing of theirs is copied per row.
    var atomBytes: [UInt8] = []
    func atom(_ text: String) -> Atom {
      let a = Atom(start: atomBytes.count, count: text.utf8.count, width: DisplayWidth.of(text))
      atomBytes.append(contentsOf: text.utf8)
      return a
    }
    let stages = CaseStage.allCases.map { atom(words.stage($0)) }
    let states = CaseState.allCases.map { atom(words.state($0)) }
    // "Days left" cells, made once per number: most numbers are small, and are found by
    // position; the rest by a dictionary.
    let nearby = 400
    var leftByNumber = [Int](repeating: -1, count: 2 * nearby + 1)
    var leftFarther: [Int: Int] = [:]
    var leftCells: [Atom] = []
    let none = atom("—")
    var widths = header.map(\.width)
    // Per row, in `order`: the widths of its id and respondent, and its "days left" cell (-1
    // for none). Their texts are written from the line itself, unless they had to be cut.
    var idWidths: [Int] = []
    var respondentWidths: [Int] = []  // -1: no respondent
    var cut: [Int: (id: String?, respondent: String?)] = [:]
    var lefts: [Int] = []
    idWidths.reserveCapacity(order.count)
    respondentWidths.reserveCapacity(order.count)
    lefts.reserveCapacity(order.count)
    var anyEstimate = false
    // Lines are read field by field (`cases[index].due`): copying a whole line would retain
    // and release each of its strings.
    for (row, index) in order.enumerated() {
      let idWidth = DisplayWidth.of(cases[index].id)
      if idWidth <= 24 {
        idWidths.append(idWidth)
      } else {
        let shown = Cell(cases[index].id, truncatedTo: 24)
        idWidths.append(shown.width)
        cut[row, default: (nil, nil)].id = shown.text
      }
      if let name = cases[index].respondentName {
        let width = DisplayWidth.of(name)
        if width <= 28 {
          respondentWidths.append(width)
        } else {
          let shown = Cell(name, truncatedTo: 28)
          respondentWidths.append(shown.width)
          cut[row, default: (nil, nil)].respondent = shown.text
        }
      } else {
        respondentWidths.append(-1)
      }
      widths[0] = max(widths[0], idWidths[row])
      widths[1] = max(widths[1], respondentWidths[row] < 0 ? none.width : respondentWidths[row])
      widths[2] = max(widths[2], stages[cases[index].stage.ordinal].width)
      if cases[index].due != nil {
        let estimate = !cases[index].yearsWithoutData.isEmpty
        anyEstimate = anyEstimate || estimate
        widths[3] = max(widths[3], estimate ? 11 : 10)
      } else {
        widths[3] = max(widths[3], none.width)
      }
      var left = -1
      if let n = cases[index].daysLeft {
        let slot = n + nearby
        let near = slot >= 0 && slot < leftByNumber.count
        if near, leftByNumber[slot] >= 0 {
          left = leftByNumber[slot]
        } else if !near, let known = leftFarther[n] {
          left = known
        } else {
          left = leftCells.count
          leftCells.append(atom(words.daysLeft(n)))
          if near { leftByNumber[slot] = left } else { leftFarther[n] = left }
        }
        widths[4] = max(widths[4], leftCells[left].width)
      } else {
        widths[4] = max(widths[4], none.width)
      }
      widths[5] = max(widths[5], states[cases[index].state.ordinal].width)
      lefts.append(left)
    }

    var out: [UInt8] = []
    out.reserveCapacity((order.count + 1) * (widths.reduce(0, +) * 2 + 40))
    let colour = output.colorOut
    let spaces = [UInt8](repeating: 0x20, count: max(2, widths.max() ?? 0))
    /// Appends cell `i` of a line (`text` is its bytes, `width` its columns): left-aligned,
    /// except "days left" (4), which is right-aligned; the last column is not padded.
    func append(_ text: some Collection<UInt8>, width: Int, column i: Int, style: Output.Style?) {
      if i > 0 { out.append(contentsOf: spaces[0..<2]) }
      let style = colour ? style : nil
      if let style { out.append(contentsOf: style.opening.utf8) }
      let fill = i == widths.count - 1 ? 0 : max(0, widths[i] - width)
      if i == 4 { out.append(contentsOf: spaces[0..<fill]) }
      out.append(contentsOf: text)
      if i != 4 { out.append(contentsOf: spaces[0..<fill]) }
      if style != nil { out.append(contentsOf: Output.Style.closing.utf8) }
    }
    func append(_ cell: Cell, column i: Int, style: Output.Style?) {
      append(cell.text.utf8, width: cell.width, column: i, style: style)
    }
    for (i, cell) in header.enumerated() { append(cell, column: i, style: .dim) }
    var date: [UInt8] = Array(repeating: 0, count: 11)
    let atoms = atomBytes
    atoms.withUnsafeBufferPointer { atoms in
      func put(_ a: Atom, column i: Int, style: Output.Style?) {
        append(
          UnsafeBufferPointer(rebasing: atoms[a.start..<(a.start + a.count)]), width: a.width, column: i,
          style: style)
      }
      for (row, index) in order.enumerated() {
        let state = cases[index].state
        out.append(0x0A)
        let style = stateStyle(state)
        let shown = cut.isEmpty ? nil : cut[row]
        append((shown?.id ?? cases[index].id).utf8, width: idWidths[row], column: 0, style: .bold)
        if respondentWidths[row] < 0 {
          put(none, column: 1, style: nil)
        } else if let name = shown?.respondent ?? cases[index].respondentName {
          append(name.utf8, width: respondentWidths[row], column: 1, style: nil)
        }
        put(stages[cases[index].stage.ordinal], column: 2, style: nil)
        if let day = cases[index].due {
          let estimate = !cases[index].yearsWithoutData.isEmpty
          let count = Self.writeISO(day, into: &date, estimate: estimate)
          append(date[0..<count], width: count, column: 3, style: nil)
        } else {
          put(none, column: 3, style: nil)
        }
        put(lefts[row] < 0 ? none : leftCells[lefts[row]], column: 4, style: style)
        put(states[state.ordinal], column: 5, style: style)
      }
    }

    // What to do about the cases that need something now, grouped by clock so that the notes
    // stay short however many cases there are.
    var notes: [String] = []
    for state in [CaseState.overdue, .dueSoon] {
      for group in groups(order.lazy.filter { cases[$0].state == state }, of: cases) {
        notes += note(for: group, of: cases, state: state, today: today, words: words, output: output)
      }
    }
    notes += endedNotes(
      order.lazy.filter { cases[$0].state == .closed && !cases[$0].routes.isEmpty }.map { cases[$0] },
      today: today, words: words, output: output)
    if anyEstimate {
      let years = Set(cases.flatMap(\.yearsWithoutData)).sorted()
      let calendar = order.first { !cases[$0].yearsWithoutData.isEmpty }.map { cases[$0].calendarName } ?? ""
      notes.append("* " + words.provisional(years, calendar: calendar))
    }
    // By position: handing each line to a closure would copy it.
    if cases.indices.contains(where: { cases[$0].stage == .ready }) {
      notes.append(words.phrase("status.file-ready"))
    }
    if !notes.isEmpty { out.append(0x0A) }
    for note in notes {
      out.append(0x0A)
      out.append(contentsOf: note.utf8)
    }
    return out
  }

  /// A text of `textBytes`' buffer of repeated words: where its bytes are, and its columns.
  struct Atom {
    var start: Int
    var count: Int
    var width: Int
  }

  /// A table cell and the number of terminal columns it takes.
  struct Cell {
    var text: String
    var width: Int
    init(text: String, width: Int) {
      self.text = text
      self.width = width
    }
    init(_ text: String) { self.init(text: text, width: DisplayWidth.of(text)) }

    /// `text` cut to at most `limit` columns, ending in `…` when cut.
    init(_ text: String, truncatedTo limit: Int) {
      let width = DisplayWidth.of(text)
      if width <= limit {
        self.init(text: text, width: width)
      } else {
        self.init(DisplayWidth.truncate(text, to: limit))
      }
    }
  }

  /// Writes `day` as `2026-11-22` (and `*` when `estimate`) into `buffer`, which holds at
  /// least 11 bytes; returns how many it wrote. Years outside 0...9999 are never due days.
  static func writeISO(_ day: CalendarDate, into buffer: inout [UInt8], estimate: Bool) -> Int {
    func digits(_ value: Int, _ count: Int, at start: Int) {
      var v = max(0, value)
      for i in stride(from: start + count - 1, through: start, by: -1) {
        buffer[i] = UInt8(0x30 + v % 10)
        v /= 10
      }
    }
    digits(day.year, 4, at: 0)
    buffer[4] = 0x2D
    digits(day.month, 2, at: 5)
    buffer[7] = 0x2D
    digits(day.day, 2, at: 8)
    if estimate { buffer[10] = 0x2A }
    return estimate ? 11 : 10
  }

  /// Cases by the clock their due day comes from, in the order of their first case.
  /// Lines are named by their positions in `lines` (a note names a few of thousands: no line
  /// is copied).
  static func groups(_ members: some Sequence<Int>, of lines: [StatusLine]) -> [(
    clock: DueClock, cases: [Int]
  )] {
    var groups: [(clock: DueClock, cases: [Int])] = []
    // Lines share one `DueClock` object per clock of the catalog: the object finds its group,
    // and only a clock met for the first time is looked up by its id (lines counted afresh
    // have objects of their own for the same clocks).
    var groupOfObject: [ObjectIdentifier: Int] = [:]
    var groupOfID: [String: Int] = [:]
    for i in members {
      guard let clock = lines[i].clock else { continue }
      let object = ObjectIdentifier(clock)
      let group: Int
      if let known = groupOfObject[object] {
        group = known
      } else {
        if let known = groupOfID[clock.id] {
          group = known
        } else {
          group = groups.count
          groups.append((clock, []))
          groupOfID[clock.id] = group
        }
        groupOfObject[object] = group
      }
      groups[group].cases.append(i)
    }
    return groups
  }

  /// How many cases a grouped note names before it says "and N more".
  static let namedInNote = 8

  static func note(
    for group: (clock: DueClock, cases: [Int]), of table: [StatusLine], state: CaseState,
    today: CalendarDate, words: TrackingWords, output: Output
  ) -> [String] {
    let definition = group.clock.definition
    let name = definition.name.text(in: words.code)
    let practice =
      definition.practice
      ? words.phrase("status.practice")
      : ""
    var lines: [String] = []
    if group.cases.count == 1, let t = group.cases.first.map({ table[$0] }), let due = t.due {
      let id = output.style(t.id, .bold)
      let values = ["name": name, "due": due.iso, "practice": practice]
      lines.append(
        state == .overdue
          ? id + words.phrase("status.overdue-one", values)
          : id + words.phrase("status.due-soon-one", values))
    } else {
      let named = group.cases.prefix(namedInNote).map { i in
        output.style(table[i].id, .bold) + words.phrase("status.named", ["due": table[i].due?.iso ?? ""])
      }
      let list =
        named.joined(separator: words.listSeparator) + andMore(group.cases.count, named: named.count, words)
      let values = ["name": name, "practice": practice, "list": list]
      lines.append(
        state == .overdue
          ? words.phrase("status.overdue-group", values) : words.phrase("status.due-soon-group", values))
    }
    if let extra = definition.note {
      lines.append("  " + words.phrase("status.note") + extra.text(in: words.code))
    }
    if state == .overdue { lines += routeLines(group.clock.routes, today: today, words: words) }
    return lines
  }

  /// The notes for cases that ended (refused, withdrawn, closed) with no settlement recorded:
  /// grouped by venue and how they ended, each with the routes now open (the other body among
  /// them: the first no longer holds the dispute).
  static func endedNotes(
    _ cases: some Sequence<StatusLine>, today: CalendarDate, words: TrackingWords, output: Output
  ) -> [String] {
    var order: [String] = []
    var groups: [String: [StatusLine]] = [:]
    for line in cases {
      let key = "\(line.venue?.rawValue ?? "")|\(line.endedBy?.rawValue ?? "")"
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(line)
    }
    var lines: [String] = []
    for key in order {
      let group = groups[key]!
      guard let first = group.first, let venue = first.venue else { continue }
      let named = group.prefix(namedInNote).map { output.style($0.id, .bold) }
      let list =
        named.joined(separator: words.listSeparator) + andMore(group.count, named: named.count, words)
      lines.append(words.endedNote(list, kind: first.endedBy, venue: venue))
      lines += routeLines(first.routes, today: today, words: words)
    }
    return lines
  }

  /// The routes as lines of a note; `today` decides which texts they cite (a route is taken
  /// from now on).
  static func routeLines(_ routes: [ClockCatalog.Route], today: CalendarDate, words: TrackingWords)
    -> [String]
  {
    guard !routes.isEmpty else { return [] }
    var lines = ["  " + words.phrase("status.next")]
    for route in routes {
      let basis = route.citations.inForce(on: today).map(words.citation).joined(
        separator: words.basisSeparator)
      let cited = basis.isEmpty ? "" : words.phrase("status.cited", ["basis": basis])
      lines.append("  · " + route.text.text(in: words.code) + cited)
    }
    return lines
  }

  /// After the cases a note names, when there are more than `named` of `total`: Chinese counts
  /// the cases in all (`等12件`), English the ones not named (` and 4 more`).
  static func andMore(_ total: Int, named: Int, _ words: TrackingWords) -> String {
    guard total > named else { return "" }
    return words.phrase("status.and-more", count: words.isEnglish ? total - named : total)
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

extension CaseStage {
  /// The position in `allCases`, without searching it.
  var ordinal: Int {
    switch self {
    case .draft: return 0
    case .ready: return 1
    case .filed: return 2
    case .accepted: return 3
    case .answered: return 4
    case .closed: return 5
    }
  }
}

extension CaseState {
  /// The position in `allCases`, without searching it.
  var ordinal: Int {
    switch self {
    case .draft: return 0
    case .waiting: return 1
    case .dueSoon: return 2
    case .overdue: return 3
    case .answered: return 4
    case .closed: return 5
    }
  }
}
