import Foundation
import Testing

@testable import RedressMail

@Suite struct HeaderTextTests {
  @Test func controlsAndSeparatorsBecomeOneSpace() {
    #expect(HeaderText.sanitized("某某公司\r\nBcc: x@y") == "某某公司 Bcc: x@y")
    #expect(HeaderText.sanitized("  a\t\tb\u{0}c\u{7F}d\u{85}e\u{2028}f  ") == "a b c d e f")
    #expect(HeaderText.sanitized("\u{202E}fdp.exe") == "fdp.exe")
    #expect(HeaderText.sanitized("\r\n") == "")
    #expect(HeaderText.sanitized("王小明") == "王小明")
  }

  /// Decodes one `=?UTF-8?B?…?=` word to its octets, or nil when it is not one.
  func octets(_ word: String) -> [UInt8]? {
    guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?=") else { return nil }
    let payload = word.dropFirst(10).dropLast(2)
    return Data(base64Encoded: String(payload)).map { [UInt8]($0) }
  }

  @Test(arguments: [
    "投诉：某某电器销售有限公司 滚筒洗衣机（王小明）（1/3）",
    String(repeating: "证", count: 200),
    "a😀b👨‍👩‍👧c" + String(repeating: "é", count: 50),
    "x",
    "",
  ])
  func encodedWordsAreShortAndSplitOnlyBetweenCharacters(text: String) throws {
    let words = HeaderText.encodedWords(text, firstWordLimit: 60)
    #expect(words.first!.count <= 60)
    var all: [UInt8] = []
    for w in words {
      #expect(w.count <= 75)
      let bytes = try #require(octets(w))
      // Each word on its own is whole UTF-8: no character was cut in two.
      #expect(String(validating: bytes, as: UTF8.self) != nil)
      all += bytes
    }
    #expect(String(decoding: all, as: UTF8.self) == text)
  }

  @Test func subjectFieldFoldsWithin78Characters() {
    let field = HeaderText.unstructuredField(
      name: "Subject", value: "投诉：" + String(repeating: "某某电器销售有限公司", count: 6))
    let lines = field.components(separatedBy: "\r\n")
    #expect(lines.count > 2)
    #expect(lines.allSatisfy { $0.utf8.count <= 78 })
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" =?UTF-8?B?") })
    #expect(lines[0].hasPrefix("Subject: =?UTF-8?B?"))
  }

  @Test func plainASCIIStaysReadableButEncodedWordLookalikesAreEncoded() {
    #expect(
      HeaderText.unstructuredField(name: "Subject", value: "Complaint: ACME") == "Subject: Complaint: ACME")
    #expect(
      HeaderText.unstructuredField(name: "Subject", value: "=?UTF-8?Q?x?=").hasPrefix("Subject: =?UTF-8?B?"))
    let long = String(repeating: "a", count: 200)
    let field = HeaderText.unstructuredField(name: "Subject", value: long)
    #expect(field.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
  }

  @Test func base64LengthIsExact() {
    for n in [
      0, 1, 2, 3, 56, 57, 58, 113, 114, 115, 1000, Base64Lines.chunkOctets - 1, Base64Lines.chunkOctets + 1,
    ] {
      let data = Data((0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31) })
      let encoded = Base64Lines.encode(data)
      #expect(Int64(encoded.count) == Base64Lines.encodedLength(of: Int64(n)), "n = \(n)")
      let lines = String(decoding: encoded, as: UTF8.self).components(separatedBy: "\r\n")
      #expect(lines.last == "")
      #expect(lines.dropLast().allSatisfy { $0.count <= 76 })
    }
  }

  @Test func dateHeaderIsRFC5322() {
    let date = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T11:06:40Z
    #expect(
      MailDate.format(date, timeZone: TimeZone(secondsFromGMT: 8 * 3600)!)
        == "Wed, 18 Nov 2026 19:06:40 +0800")
    #expect(
      MailDate.format(date, timeZone: TimeZone(secondsFromGMT: -(3 * 3600 + 1800))!)
        == "Wed, 18 Nov 2026 07:36:40 -0330")
    #expect(
      MailDate.format(Date(timeIntervalSince1970: 0), timeZone: TimeZone(secondsFromGMT: 0)!)
        == "Thu, 01 Jan 1970 00:00:00 +0000")
  }
}
