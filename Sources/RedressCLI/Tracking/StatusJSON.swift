import RedressCore

/// JSON written straight into one string, byte for byte as `OrderedJSON.text()` prints the same
/// value (two spaces of indentation, `[]`/`{}` when empty), without building the tree first:
/// `status --format json` over 10,000 cases writes some 20 MB, and the tree took most of its
/// time. `StatusJSONTests` holds the two to the same bytes.
struct JSONText {
  private(set) var out = ""
  /// Per open container: whether anything was written in it yet.
  private var filled: [Bool] = []
  private var pads: [String] = [""]
  /// A key was just written: the value that follows takes no slot of its own.
  private var keyed = false

  init(capacity: Int = 0) { out.reserveCapacity(capacity) }

  private mutating func ensurePads(_ level: Int) {
    while pads.count <= level { pads.append(String(repeating: " ", count: 2 * pads.count)) }
  }

  /// Before a value in the open container: a comma after the one before, a line break, the
  /// indentation.
  private mutating func nextSlot() {
    guard let last = filled.last else { return }
    out += last ? ",\n" : "\n"
    filled[filled.count - 1] = true
    out += pads[filled.count]
  }

  mutating func closeArray() { close("]") }
  mutating func closeObject() { close("}") }

  private mutating func close(_ bracket: String) {
    let any = filled.removeLast()
    if any {
      out += "\n"
      out += pads[filled.count]
    }
    out += bracket
  }

  /// A member's key, in an open object; its value follows. Keys are plain ASCII.
  mutating func key(_ k: String) {
    let any = filled[filled.count - 1]
    out += any ? ",\n" : "\n"
    filled[filled.count - 1] = true
    out += pads[filled.count]
    out += "\""
    out += k
    out += "\": "
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
    out += "null"
  }

  mutating func string(_ s: String?) {
    place()
    if let s { OrderedJSON.quote(s, into: &out) } else { out += "null" }
  }

  mutating func int(_ i: Int?) {
    place()
    if let i { out += String(i) } else { out += "null" }
  }

  mutating func bool(_ b: Bool) {
    place()
    out += b ? "true" : "false"
  }

  mutating func date(_ d: CalendarDate?) {
    place()
    guard let d else {
      out += "null"
      return
    }
    var buffer = [UInt8](repeating: 0, count: 12)
    buffer[0] = 0x22
    buffer.withUnsafeMutableBufferPointer { b in
      func digits(_ value: Int, _ count: Int, at start: Int) {
        var v = max(0, value)
        for i in stride(from: start + count - 1, through: start, by: -1) {
          b[i] = UInt8(0x30 + v % 10)
          v /= 10
        }
      }
      digits(d.year, 4, at: 1)
      b[5] = 0x2D
      digits(d.month, 2, at: 6)
      b[8] = 0x2D
      digits(d.day, 2, at: 9)
      b[11] = 0x22
    }
    if (0...9999).contains(d.year) {
      out += String(decoding: buffer, as: UTF8.self)
    } else {
      OrderedJSON.quote(d.iso, into: &out)
    }
  }

  mutating func beginArray() {
    place()
    out += "["
    filled.append(false)
    ensurePads(filled.count)
  }

  mutating func beginObject() {
    place()
    out += "{"
    filled.append(false)
    ensurePads(filled.count)
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
    var w = JSONText(capacity: cases.count * 2400)
    let order = sortedIndices(cases.map { ($0.id, $0.status.state, $0.status.due) })
    w.beginArray()
    for index in order { write(cases[index], today: today, words: words, into: &w) }
    w.closeArray()
    return w.out
  }

  static func write(_ t: TrackedCase, today: CalendarDate, words: TrackingWords, into w: inout JSONText) {
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
