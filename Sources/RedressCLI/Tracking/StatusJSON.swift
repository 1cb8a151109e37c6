import RedressCore

/// JSON written straight into UTF-8 bytes, byte for byte as `OrderedJSON.text()` prints the
/// same value (two spaces of indentation, `[]`/`{}` when empty), without building the tree
/// first: `status --format json` over 10,000 cases writes some 20 MB, and the tree, then
/// Swift string appends, took most of its time. `StatusDigestTests` holds the two to the same
/// bytes.
struct JSONText {
  private(set) var bytes: [UInt8] = []
  /// Per open container: whether anything was written in it yet.
  private var filled: [Bool] = []
  /// A key was just written: the value that follows takes no slot of its own.
  private var keyed = false

  init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  /// The text written so far.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Hands the bytes written so far to `emit` and starts again in the same memory (the
  /// open containers stay open).
  mutating func flush(_ emit: ([UInt8]) -> Void) {
    emit(bytes)
    bytes.removeAll(keepingCapacity: true)
  }

  private mutating func ascii(_ s: StaticString) {
    s.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// A line break and the indentation of each level, made once.
  private var breaks: [[UInt8]] = [[0x0A]]

  /// A line break, then the indentation of `level`.
  private mutating func newLine(_ level: Int) {
    while breaks.count <= level { breaks.append([0x0A] + Array(repeating: 0x20, count: 2 * breaks.count)) }
    breaks.withUnsafeBufferPointer { all in
      all[level].withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
    }
  }

  /// Before a value in the open container: a comma after the one before, a line break, the
  /// indentation.
  private mutating func nextSlot() {
    guard let last = filled.last else { return }
    if last { bytes.append(0x2C) }
    filled[filled.count - 1] = true
    newLine(filled.count)
  }

  mutating func closeArray() { close(0x5D) }
  mutating func closeObject() { close(0x7D) }

  private mutating func close(_ bracket: UInt8) {
    let any = filled.removeLast()
    if any { newLine(filled.count) }
    bytes.append(bracket)
  }

  /// A member's key, in an open object; its value follows. Keys are plain ASCII.
  mutating func key(_ k: StaticString) {
    nextSlot()
    bytes.append(0x22)
    ascii(k)
    bytes.append(0x22)
    bytes.append(0x3A)
    bytes.append(0x20)
    keyed = true
  }

  /// Before a scalar or a container: in an object the key has placed it already.
  private mutating func place() {
    if keyed {
      keyed = false
    } else {
      nextSlot()
    }
  }

  mutating func null() {
    place()
    ascii("null")
  }

  mutating func string(_ value: String?) {
    place()
    guard var s = value else { return ascii("null") }
    // Most strings need no escaping: copy their bytes whole. Control characters, `"`, `\`
    // and U+2028/U+2029 (E2 80 A8/A9) take the careful way; other E2 characters (— … “)
    // are copied.
    let copied: Bool = s.withUTF8 { utf8 in
      for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 {
        guard byte == 0xE2 else { return false }
        if i + 2 < utf8.count, utf8[i + 1] == 0x80, utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9 {
          return false
        }
      }
      bytes.append(0x22)
      bytes.append(contentsOf: utf8)
      bytes.append(0x22)
      return true
    }
    if !copied {
      var quoted = ""
      OrderedJSON.quote(s, into: &quoted)
      bytes.append(contentsOf: quoted.utf8)
    }
  }

  mutating func int(_ i: Int?) {
    place()
    guard let i else { return ascii("null") }
    if i < 0 { bytes.append(0x2D) }
    let magnitude = i.magnitude
    var divisor: UInt = 1
    while magnitude / divisor >= 10 { divisor *= 10 }
    while divisor > 0 {
      bytes.append(UInt8(0x30 + (magnitude / divisor) % 10))
      divisor /= 10
    }
  }

  mutating func bool(_ b: Bool) {
    place()
    if b { ascii("true") } else { ascii("false") }
  }

  mutating func date(_ d: CalendarDate?) {
    place()
    guard let d else { return ascii("null") }
    guard (0...9999).contains(d.year) else {
      var quoted = ""
      OrderedJSON.quote(d.iso, into: &quoted)
      bytes.append(contentsOf: quoted.utf8)
      return
    }
    func digits(_ value: Int, _ count: Int) {
      var divisor = 1
      for _ in 1..<count { divisor *= 10 }
      var v = max(0, value)
      while divisor > 0 {
        bytes.append(UInt8(0x30 + (v / divisor) % 10))
        v %= divisor
        divisor /= 10
      }
    }
    bytes.append(0x22)
    digits(d.year, 4)
    bytes.append(0x2D)
    digits(d.month, 2)
    bytes.append(0x2D)
    digits(d.day, 2)
    bytes.append(0x22)
  }

  mutating func beginArray() {
    place()
    bytes.append(0x5B)
    filled.append(false)
  }

  mutating func beginObject() {
    place()
    bytes.append(0x7B)
    filled.append(false)
  }

  /// The value after a key, written by `write` once per `key` and copied from `cache` after
  /// that: for a value that repeats from case to case (a route's text and citations). The
  /// depth is part of the key, so the copy's indentation is right.
  mutating func cachedValue(
    _ key: String, in cache: inout [String: [UInt8]], write: (inout JSONText) -> Void
  ) {
    precondition(keyed, "a cached value follows a key")
    let full = key + "\u{0}" + String(filled.count)
    if let known = cache[full] {
      keyed = false
      bytes.append(contentsOf: known)
      return
    }
    let start = bytes.count
    write(&self)
    cache[full] = Array(bytes[start...])
  }

  mutating func ints(_ values: [Int]) {
    beginArray()
    for v in values { int(v) }
    closeArray()
  }
}

extension StatusReport {
  /// `json(cases, today:, words:).text()`, written straight (the same bytes).
  static func jsonText(_ cases: [TrackedCase], today: CalendarDate, words: TrackingWords) -> String {
    String(decoding: jsonBytes(cases, today: today, words: words), as: UTF8.self)
  }

  /// `jsonText` as UTF-8 bytes.
  static func jsonBytes(_ cases: [TrackedCase], today: CalendarDate, words: TrackingWords) -> [UInt8] {
    var all: [UInt8] = []
    streamJSON(cases, today: today, words: words, chunkSize: .max) { all += $0 }
    return all
  }

  /// `jsonText` as UTF-8 bytes handed to `emit` in pieces of about `chunkSize` bytes (between
  /// two cases), for standard output: 10,000 cases write some 20 MB, and one buffer of that
  /// size costs more to fault in than to fill.
  static func streamJSON(
    _ cases: [TrackedCase], today: CalendarDate, words: TrackingWords, chunkSize: Int = 1 << 20,
    emit: ([UInt8]) -> Void
  ) {
    var w = JSONText(capacity: min(chunkSize, cases.count * 2400) + 16 << 10)
    let order = sortedIndices(cases.map { ($0.id, $0.status.state, $0.status.due) })
    var routes: [String: [UInt8]] = [:]
    w.beginArray()
    for index in order {
      write(cases[index], today: today, words: words, routes: &routes, into: &w)
      if w.bytes.count >= chunkSize { w.flush(emit) }
    }
    w.closeArray()
    w.flush(emit)
  }

  /// One case. `routes` keeps the `next_routes` already written, by their ids: a route's
  /// text and citations depend on the day alone.
  static func write(
    _ t: TrackedCase, today: CalendarDate, words: TrackingWords, routes: inout [String: [UInt8]],
    into w: inout JSONText
  ) {
    let s = t.status
    let code = words.code
    w.beginObject()
    w.key("case")
    w.string(t.id)
    w.key("complainant")
    w.string(t.complainantName)
    w.key("respondent")
    w.string(t.respondentName)
    w.key("venue")
    w.string(s.venue.rawValue)
    w.key("stage")
    w.string(s.stage.rawValue)
    w.key("due")
    w.date(s.due)
    w.key("days_left")
    w.int(s.daysLeft)
    w.key("state")
    w.string(s.state.rawValue)
    w.key("clock")
    w.string(s.dueClock?.id)
    w.key("clock_name")
    w.string(s.dueClock?.definition.name.text(in: code))
    w.key("practice")
    if let clock = s.dueClock { w.bool(clock.definition.practice) } else { w.null() }
    w.key("citations")
    writeCitations(s.dueClock?.citations ?? [], into: &w)
    w.key("routes")
    w.beginArray()
    for route in s.nextRoutes { w.string(route.id) }
    w.closeArray()
    if let ended = s.endedBy {
      w.key("ended_by")
      w.string(ended.rawValue)
    }
    if let note = s.dueClock?.definition.note {
      w.key("clock_note")
      w.string(note.text(in: code))
    }
    let years = s.yearsWithoutData
    w.key("provisional")
    w.bool(!years.isEmpty)
    w.key("years_without_notice")
    w.ints(years)
    if !years.isEmpty {
      w.key("note")
      w.string(words.provisional(years, calendar: s.calendarName))
    }
    w.key("clocks")
    w.beginArray()
    for c in s.clocks { writeClock(c, code: code, into: &w) }
    w.closeArray()
    w.key("next_routes")
    w.cachedValue(s.nextRoutes.map(\.id).joined(separator: "\u{1}"), in: &routes) { w in
      w.beginArray()
      for route in s.nextRoutes {
        w.beginObject()
        w.key("id")
        w.string(route.id)
        w.key("text")
        w.string(route.text.text(in: code))
        w.key("citations")
        writeCitations(route.citations.inForce(on: today), into: &w)
        w.closeObject()
      }
      w.closeArray()
    }
    w.closeObject()
  }

  static func writeClock(_ c: CaseClock, code: String, into w: inout JSONText) {
    let d = c.definition
    w.beginObject()
    w.key("id")
    w.string(d.id)
    w.key("name")
    w.string(d.name.text(in: code))
    w.key("status")
    w.string(c.status.rawValue)
    w.key("starts")
    w.string(d.starts.rawValue)
    w.key("start")
    w.date(c.start)
    w.key("length")
    w.int(d.length)
    w.key("unit")
    w.string(d.unit.rawValue)
    w.key("unadjusted")
    w.date(c.deadline?.unadjusted)
    w.key("due")
    w.date(c.due)
    w.key("days_left")
    w.int(c.daysLeft)
    w.key("closed_on")
    w.date(c.closedOn)
    w.key("closed_by")
    w.string(c.closedBy?.rawValue)
    w.key("closed_late")
    w.bool(c.closedLate)
    w.key("paused")
    w.bool(c.paused)
    w.key("appraisal_days")
    w.int(c.appraisalDays)
    w.key("practice")
    w.bool(d.practice)
    w.key("provisional")
    w.bool(c.deadline?.provisional ?? false)
    w.key("years_without_notice")
    w.ints(c.deadline?.yearsWithoutData ?? [])
    w.closeObject()
  }

  static func writeCitations(_ citations: [Citation], into w: inout JSONText) {
    w.beginArray()
    for c in citations {
      w.beginObject()
      w.key("source")
      w.string(c.source)
      w.key("article")
      w.string(c.article)
      w.key("confidence")
      w.string(c.confidence.rawValue)
      w.closeObject()
    }
    w.closeArray()
  }
}
