import RedressCore
import Testing

@testable import RedressCLI

/// `JSONText`, the byte writer of `status --format json`, writes what `OrderedJSON.text()`
/// writes for the same value: the strings that must be escaped, the ones that must not, every
/// kind of scalar, empty and nested containers, and a cached value.
@Suite struct JSONTextTests {
  static let strings = [
    "", "plain", "王小明", "a\"b", "back\\slash", "line\nbreak", "tab\there", "\r", "\u{1}\u{1F}",
    "dash — and … and “quotes”", "\u{2028}", "x\u{2029}y", "\u{2027}\u{202A}", "€ ₩ ™", "😀 emoji",
    "ends with —", "—",
  ]

  @Test(arguments: strings)
  func aStringIsWrittenAsOrderedJSONWritesIt(_ s: String) {
    var w = JSONText()
    w.string(s)
    #expect(w.text == OrderedJSON.string(s).text())
  }

  @Test func scalarsAndContainersMatchOrderedJSON() {
    let ints = [0, 7, -1, 10, -10, 2026, Int.max, Int.min + 1]
    let dates = ["2026-01-05", "0001-02-03", "9999-12-31"].compactMap(CalendarDate.init(iso:))
    var w = JSONText()
    w.beginObject()
    w.key("ints")
    w.ints(ints)
    w.key("none")
    w.ints([])
    w.key("dates")
    w.beginArray()
    for d in dates { w.date(d) }
    w.date(nil)
    w.closeArray()
    w.key("flags")
    w.beginArray()
    w.bool(true)
    w.bool(false)
    w.null()
    w.string(nil)
    w.int(nil)
    w.closeArray()
    w.key("empty")
    w.beginObject()
    w.closeObject()
    w.key("nested")
    w.beginArray()
    w.beginObject()
    w.key("a")
    w.beginArray()
    w.beginArray()
    w.closeArray()
    w.closeArray()
    w.closeObject()
    w.closeArray()
    w.closeObject()
    let expected = OrderedJSON.object([
      ("ints", .array(ints.map { .int($0) })),
      ("none", .array([])),
      ("dates", .array(dates.map { .date($0) } + [.null])),
      ("flags", .array([.bool(true), .bool(false), .null, .null, .null])),
      ("empty", .object([])),
      ("nested", .array([.object([("a", .array([.array([])]))])])),
    ])
    #expect(dates.count == 3)
    #expect(w.text == expected.text())
  }

  /// A cached value is copied at its depth: the same bytes as writing it each time.
  @Test func aCachedValueIsTheValueWrittenAgain() {
    func document(cached: Bool) -> String {
      var cache: [String: [UInt8]] = [:]
      var w = JSONText()
      w.beginArray()
      for i in 0..<3 {
        w.beginObject()
        w.key("id")
        w.int(i)
        w.key("routes")
        let write = { (w: inout JSONText) in
          w.beginArray()
          w.beginObject()
          w.key("text")
          w.string("投诉 — “调解”")
          w.closeObject()
          w.closeArray()
        }
        if cached { w.cachedValue("r", in: &cache, write: write) } else { write(&w) }
        w.closeObject()
      }
      w.closeArray()
      #expect(cache.count == (cached ? 1 : 0))
      return w.text
    }
    #expect(document(cached: true) == document(cached: false))
    #expect(document(cached: false).contains("\n      {\n        \"text\": \"投诉 — “调解”\"\n      }"))
  }
}
