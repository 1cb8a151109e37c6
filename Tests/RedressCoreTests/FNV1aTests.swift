import Foundation
import RedressCore
import Testing

@Suite struct FNV1aTests {
  /// Values from the FNV reference test suite (Fowler, Noll, Vo): FNV-1a 64 of "", "a",
  /// "foobar".
  @Test(arguments: [
    ("", 0xcbf2_9ce4_8422_2325), ("a", 0xaf63_dc4c_8601_ec8c), ("foobar", 0x8594_4171_f739_67e8),
  ])
  func matchesPublishedValues(text: String, expected: UInt64) {
    var h = FNV1a()
    h.update(text.utf8)
    #expect(h.value == expected)
  }

  @Test func feedingInPiecesIsFeedingAtOnce() {
    var whole = FNV1a()
    whole.update("投诉书 complaint".utf8)
    var pieces = FNV1a()
    pieces.update("投诉".utf8)
    pieces.update("书 complaint".utf8)
    #expect(whole.value == pieces.value)
  }

  /// Every kind of byte sequence hashes alike: Data and arrays (contiguous, one loop over the
  /// buffer) and a sequence made on the fly.
  @Test func everyKindOfSequenceHashesAlike() {
    let expected: UInt64 = 0x8594_4171_f739_67e8  // "foobar"
    var data = FNV1a()
    data.update(Data("foobar".utf8))
    var array = FNV1a()
    array.update(Array("foobar".utf8))
    var lazy = FNV1a()
    lazy.update(AnySequence("foobar".utf8.lazy.map { $0 }))
    #expect([data.value, array.value, lazy.value] == [expected, expected, expected])
  }
}
