import Foundation
import RedressTestSupport
import Testing
import ZIPFoundation

@testable import RedressDocuments

/// The evidence bundle checked by independent tools: `unzip` extracts it and `sha256sum -c`
/// accepts its SHA256SUMS; a flipped bit is named by `BundleVerifier`; a hostile member name
/// is refused.
@Suite struct BundleTests {
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("bundle-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @discardableResult
  static func run(_ tool: String, _ arguments: [String], in folder: URL) throws -> (Int32, String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [tool] + arguments
    p.currentDirectoryURL = folder
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// A bundle of a text member, a stored "photo" file and an evidence file from the examples.
  static func makeBundle(in folder: URL) throws -> (URL, BundleManifest) {
    let photo = folder.appendingPathComponent("photo.jpg")
    var bytes = [UInt8]()
    for i in 0..<300_000 { bytes.append(UInt8(truncatingIfNeeded: i &* 2_654_435_761 >> 13)) }
    try Data(bytes).write(to: photo)
    let invoice = Fixtures.sharedExamples.appendingPathComponent("evidence/invoice.xml")
    let members = [
      BundleMember(name: "投诉书-washer-2026.txt", role: "letter", source: .data(Data("投诉书\n王小明\n".utf8))),
      BundleMember(name: "证据01-电子发票.xml", role: "evidence", evidenceID: "E1", source: .file(invoice)),
      BundleMember(name: "证据02-漏水照片.jpg", role: "evidence", evidenceID: "E2", source: .file(photo)),
    ]
    let zip = folder.appendingPathComponent("投诉材料-washer-2026.zip")
    let manifest = try BundleWriter.write(members, caseID: "washer-2026", generatedAt: Date(), to: zip)
    return (zip, manifest)
  }

  @Test func unzipAndSha256sumAcceptTheBundle() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (zip, manifest) = try Self.makeBundle(in: folder)
    #expect(manifest.files.map(\.name) == ["投诉书-washer-2026.txt", "证据01-电子发票.xml", "证据02-漏水照片.jpg"])
    let attributes = try FileManager.default.attributesOfItem(atPath: zip.path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    // Nothing but the bundle is left in the folder (no partial file).
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(names == ["photo.jpg", "投诉材料-washer-2026.zip"])

    let out = folder.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let (unzipStatus, unzipOutput) = try Self.run("unzip", ["-q", zip.path, "-d", out.path], in: folder)
    #expect(unzipStatus == 0, "\(unzipOutput)")
    let (status, output) = try Self.run("sha256sum", ["-c", "SHA256SUMS"], in: out)
    #expect(status == 0, "\(output)")
    #expect(output.contains("证据01-电子发票.xml: OK"))
    #expect(output.contains("manifest.json: OK"))
    let extracted = try Data(contentsOf: out.appendingPathComponent("证据01-电子发票.xml"))
    #expect(
      extracted
        == (try Data(contentsOf: Fixtures.sharedExamples.appendingPathComponent("evidence/invoice.xml"))))

    let report = try BundleVerifier.verify(zipAt: zip)
    #expect(report.isIntact, "\(report)")
    #expect(report.checks.count == 3)
  }

  @Test func compressedMediaIsStoredAndTextDeflated() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (zip, _) = try Self.makeBundle(in: folder)
    let archive = try Archive(url: zip, accessMode: .read)
    var methods: [String: Bool] = [:]
    for entry in archive { methods[entry.path] = entry.isCompressed }
    #expect(methods["证据02-漏水照片.jpg"] == false)
    #expect(methods["证据01-电子发票.xml"] == true)
    #expect(methods["manifest.json"] == true)
    // Every central directory header carries the UTF-8 flag (general purpose bit 11).
    let bytes = [UInt8](try Data(contentsOf: zip))
    var headers = 0
    var i = 0
    while i + 10 < bytes.count {
      if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x01, bytes[i + 3] == 0x02 {
        let flags = UInt16(bytes[i + 8]) | UInt16(bytes[i + 9]) << 8
        #expect(flags & 0x0800 != 0)
        headers += 1
      }
      i += 1
    }
    #expect(headers == 5)
  }

  @Test func aFlippedBitIsNamedByVerify() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (zip, manifest) = try Self.makeBundle(in: folder)
    // The photo is stored, so its bytes appear in the zip as they are: flip one bit in them.
    var data = try Data(contentsOf: zip)
    let photo = try Data(contentsOf: folder.appendingPathComponent("photo.jpg"))
    let probe = photo.subdata(in: 100_000..<100_032)
    let found = try #require(data.range(of: probe))
    data[found.lowerBound + 5] ^= 0x10
    try data.write(to: zip)
    let report = try BundleVerifier.verify(zipAt: zip)
    #expect(!report.isIntact)
    let bad = report.checks.filter { $0.status != .ok }
    #expect(bad.map(\.name) == ["证据02-漏水照片.jpg"])
    #expect(bad.first?.status == .changed)
    #expect(manifest.files.count == 3)
  }

  @Test func aMissingAndAnExtraMemberAreNamed() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (zip, _) = try Self.makeBundle(in: folder)
    let archive = try Archive(url: zip, accessMode: .update)
    try archive.remove(try #require(archive["证据01-电子发票.xml"]))
    try archive.addEntry(with: "extra.txt", type: .file, uncompressedSize: Int64(3)) { _, _ in
      Data("abc".utf8)
    }
    let report = try BundleVerifier.verify(zipAt: zip)
    #expect(report.checks.filter { $0.status == .missing }.map(\.name) == ["证据01-电子发票.xml"])
    #expect(report.checks.filter { $0.status == .unexpected }.map(\.name) == ["extra.txt"])
  }

  @Test func hostileMemberNamesAreRefused() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (zip, _) = try Self.makeBundle(in: folder)
    let archive = try Archive(url: zip, accessMode: .update)
    for name in ["../evil", "/etc/evil", "a\\..\\evil", "ok/../../evil"] {
      try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(4)) { _, _ in Data("evil".utf8) }
    }
    let report = try BundleVerifier.verify(zipAt: zip)
    #expect(!report.isIntact)
    let unsafe = report.checks.filter { $0.status == .unsafe }.map(\.name)
    #expect(Set(unsafe) == ["../evil", "/etc/evil", "a\\..\\evil", "ok/../../evil"])
  }

  @Test func memberNamesAreCheckedBeforeWriting() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let zip = folder.appendingPathComponent("b.zip")
    for bad in ["../x", "/x", "a\\b", "a\u{1}b", "manifest.json"] {
      #expect(throws: BundleError.self) {
        try BundleWriter.write(
          [BundleMember(name: bad, role: "evidence", source: .data(Data()))], caseID: nil,
          generatedAt: Date(), to: zip)
      }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func aMissingEvidenceFileLeavesNoPartialBundle() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let zip = folder.appendingPathComponent("b.zip")
    try Data("old".utf8).write(to: zip)
    #expect(throws: BundleError.self) {
      try BundleWriter.write(
        [
          BundleMember(name: "a.txt", role: "letter", source: .data(Data("a".utf8))),
          BundleMember(
            name: "b.jpg", role: "evidence", source: .file(folder.appendingPathComponent("nope.jpg"))),
        ], caseID: nil, generatedAt: Date(), to: zip)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["b.zip"])
    #expect(try Data(contentsOf: zip) == Data("old".utf8))
  }

  /// A bundle into a folder that does not exist: one message naming the path once.
  @Test func aMissingOutputFolderIsNamedOnce() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let zip = folder.appendingPathComponent("missing/b.zip")
    let error = #expect(throws: BundleError.self) {
      try BundleWriter.write(
        [BundleMember(name: "a.txt", role: "letter", source: .data(Data("a".utf8)))], caseID: nil,
        generatedAt: Date(), to: zip)
    }
    let message = "\(error.map { "\($0)" } ?? "")"
    #expect(message.contains("does not exist"))
    #expect(message.components(separatedBy: zip.path).count == 2, "\(message)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func notAZipIsAnError() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("x.zip")
    try Data("not a zip".utf8).write(to: url)
    #expect(throws: BundleError.self) { try BundleVerifier.verify(zipAt: url) }
  }
}
