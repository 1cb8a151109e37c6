import Foundation
import RedressMail
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `.eml` writer's temporaries: a staging folder a killed export left goes on the next
/// export, and a file being replaced keeps its name throughout.
@Suite struct MessageFileWriterTests {
  let fm = FileManager.default

  func message(_ text: String) throws -> MailMessage {
    MailMessage(
      date: "Thu, 19 Nov 2026 10:00:00 +0800", from: try Mailbox(address: "a@example.com"),
      to: .mailboxes([try Mailbox(address: "b@example.cn")]), subject: "投诉", messageID: "1@example.com",
      plainText: text, html: "<p>\(text)</p>", attachments: [], boundaryToken: "t")
  }

  @Test func aStagingFolderAKilledExportLeftIsRemovedAndOthersStay() throws {
    let folder = fm.temporaryDirectory.appendingPathComponent("redress-eml-test-\(UUID().uuidString)")
    try fm.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: folder) }
    let old = Date(timeIntervalSinceNow: -3600)
    let stale = MessageFileWriter.temporaryPrefix + UUID().uuidString
    let busy = MessageFileWriter.temporaryPrefix + UUID().uuidString
    for name in [stale, busy, ".redress-eml-mine"] {
      let dir = folder.appendingPathComponent(name)
      try fm.createDirectory(at: dir, withIntermediateDirectories: false)
      try Data("x".utf8).write(to: dir.appendingPathComponent("case.eml"))
      try fm.setAttributes(
        [.modificationDate: old], ofItemAtPath: dir.appendingPathComponent("case.eml").path)
      try fm.setAttributes([.modificationDate: old], ofItemAtPath: dir.path)
    }
    let held = open(folder.appendingPathComponent(busy).path, O_RDONLY | O_DIRECTORY)
    defer { close(held) }
    #expect(flock(held, LOCK_EX) == 0)
    // An earlier export of the same case, replaced by this one.
    try Data("earlier".utf8).write(to: folder.appendingPathComponent("case.eml"))

    let written = try MessageFileWriter.write([try message("新的")], caseID: "case", to: folder)
    #expect(written.map(\.lastPathComponent) == ["case.eml"])
    let text = try String(contentsOf: written[0], encoding: .utf8)
    #expect(text.contains("Message-ID: <1@example.com>"))
    let left = try fm.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(left == [".redress-eml-mine", busy, "case.eml"].sorted())
  }

  @Test func aFolderInTheWayOfAMessageIsRefusedAndLeftAlone() throws {
    let folder = fm.temporaryDirectory.appendingPathComponent("redress-eml-test-\(UUID().uuidString)")
    try fm.createDirectory(
      at: folder.appendingPathComponent("case.eml/inside"), withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: folder) }
    #expect(throws: MailError.self) {
      try MessageFileWriter.write([try message("x")], caseID: "case", to: folder)
    }
    #expect(try fm.contentsOfDirectory(atPath: folder.path) == ["case.eml"])
    #expect(fm.fileExists(atPath: folder.appendingPathComponent("case.eml/inside").path))
  }
}
