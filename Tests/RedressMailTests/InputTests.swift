import Foundation
import Testing

@testable import RedressMail

@Suite struct ByteSizeTests {
  @Test(arguments: [
    ("20000000", Int64(20_000_000)),
    ("25MB", 25_000_000),
    ("25mb", 25_000_000),
    ("25 MB", 25_000_000),
    ("10MiB", 10_485_760),
    ("500KB", 500_000),
    ("500KiB", 512_000),
    ("1.5MB", 1_500_000),
    ("2GB", 2_000_000_000),
    ("0.5MiB", 524_288),
  ])
  func readsSizes(text: String, bytes: Int64) throws {
    #expect(try ByteSize.parse(text) == bytes)
  }

  @Test(arguments: [
    "", "MB", "twenty", "20XB", "1.2.3MB", "-5MB", "20 M B", "5KB", "0", ".5MB", "1e6",
    "99999999999999999999",
  ])
  func rejectsNonsenseWithAClearMessage(text: String) {
    #expect(throws: MailError.self) { try ByteSize.parse(text) }
    do {
      _ = try ByteSize.parse(text)
    } catch {
      #expect("\(error)".contains("--max-size"))
      #expect("\(error)".contains("20MB"))
    }
  }

  @Test func describesSizesRoundingUp() {
    #expect(ByteSize.describe(812) == "812 bytes")
    #expect(ByteSize.describe(20_000_000) == "20 MB")
    #expect(ByteSize.describe(20_000_001) == "20.1 MB")
    #expect(ByteSize.describe(31_234_567) == "31.3 MB")
    #expect(ByteSize.describe(1_500) == "1.5 KB")
  }
}

@Suite struct MailboxTests {
  @Test func parsesBareAndNamedAddresses() throws {
    let bare = try Mailbox(parsing: " xiaoming@example.com ")
    #expect(bare.address == "xiaoming@example.com")
    #expect(bare.displayName == nil)
    let named = try Mailbox(parsing: "王小明 <xiaoming@example.com>")
    #expect(named.displayName == "王小明")
    #expect(named.domain == "example.com")
    let quoted = try Mailbox(parsing: "\"Wang, Xiaoming\" <x@example.com>")
    #expect(quoted.displayName == "Wang, Xiaoming")
  }

  @Test(arguments: [
    "x@y", "x@example.com\r\nBcc: a@b.com", "x y@example.com", "<x@example.com", "x@@example.com",
    "x@example.com>", "\"x\"@example.com", "王@example.com", "x@例子.中国", "", "a@b.com, c@d.com",
  ])
  func rejectsAnythingElse(text: String) {
    #expect(throws: MailError.self) { try Mailbox(parsing: text) }
  }

  @Test func namesAreEncodedOrQuotedAndNeverCarryControls() throws {
    let m = try Mailbox(address: "x@example.com", displayName: "王小明\r\nBcc: y@example.com")
    #expect(m.displayName == "王小明 Bcc: y@example.com")
    let field = Recipients.mailboxes([m]).headerField(name: "From")
    #expect(!field.contains("\n") || field.contains("\r\n "))
    #expect(field.hasPrefix("From: =?UTF-8?B?"))
    #expect(field.hasSuffix(" <x@example.com>"))
    let ascii = try Mailbox(address: "x@example.com", displayName: "Li \"Lawyer\" Wei")
    #expect(
      Recipients.mailboxes([ascii]).headerField(name: "To") == "To: \"Li \\\"Lawyer\\\" Wei\" <x@example.com>"
    )
    #expect(Recipients.undisclosed.headerField(name: "To") == "To: undisclosed-recipients:;")
  }
}

@Suite struct MediaTypeTests {
  static let pdf = Array("%PDF-1.7\n".utf8)
  static let zip: [UInt8] = [0x50, 0x4B, 3, 4, 20, 0]
  static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0]
  static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
  static func iso(_ brand: String) -> [UInt8] { [0, 0, 0, 0x20] + Array("ftyp\(brand)".utf8) }

  @Test func bytesAndExtensionsGiveTheRightType() {
    #expect(MediaType.detect(name: "投诉书.pdf", head: Self.pdf) == "application/pdf")
    #expect(MediaType.detect(name: "投诉书.docx", head: Self.zip) == MediaType.docx)
    #expect(MediaType.detect(name: "证据.zip", head: Self.zip) == "application/zip")
    #expect(MediaType.detect(name: "无扩展名", head: Self.zip) == "application/zip")
    #expect(MediaType.detect(name: "发票.xml", head: Array("<?xml".utf8)) == "application/xml")
    #expect(MediaType.detect(name: "照片.JPG", head: Self.jpeg) == "image/jpeg")
    #expect(MediaType.detect(name: "照片.jpg", head: Self.png) == "image/png")
    #expect(MediaType.detect(name: "照片.jpg", head: Self.iso("heic")) == "image/heic")
    #expect(MediaType.detect(name: "开箱.mp4", head: Self.iso("isom")) == "video/mp4")
    #expect(MediaType.detect(name: "录音.m4a", head: Self.iso("M4A ")) == "audio/mp4")
    #expect(MediaType.detect(name: "录音", head: Self.iso("M4A ")) == "audio/mp4")
    #expect(MediaType.detect(name: "录音.mp3", head: Array("ID3".utf8)) == "audio/mpeg")
    #expect(MediaType.detect(name: "说明.txt", head: Array("abc".utf8)) == "text/plain")
    #expect(MediaType.detect(name: "奇怪.bin", head: [1, 2, 3]) == "application/octet-stream")
    #expect(MediaType.detect(name: ".pdf", head: []) == "application/octet-stream")
  }

  @Test func textAttachmentsNameTheirCharset() {
    let a = MailAttachment(fileName: "说明.txt", data: Data("中文".utf8))
    #expect(a.contentType == "text/plain; charset=UTF-8")
    let b = MailAttachment(fileName: "legacy.txt", data: Data([0xB2, 0xE2]))
    #expect(b.contentType == "text/plain")
  }

  @Test func fileNamesLoseControlsAndPaths() {
    #expect(MailAttachment.sanitizedFileName("../../etc/passwd") == "_.._etc_passwd")
    #expect(MailAttachment.sanitizedFileName("证据01-照片\r\n.jpg") == "证据01-照片 .jpg")
    #expect(MailAttachment.sanitizedFileName("\r\n") == "attachment")
  }
}
