import Foundation
import RedressFiles
import Testing
import ZIPFoundation

/// `AtomicFile.write(to:)` with a library that creates the file itself (ZIPFoundation, as the
/// DOCX writer uses it): the finished file is owner-only and nothing else is left.
@Suite struct AtomicFileArchiveTests {
  func permissions(_ url: URL) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue
      ?? -1
  }

  func entries(_ folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  @Test func aLibraryThatCreatesItsOwnFileCanWriteThroughIt() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("证据.zip")
    try AtomicFile.write(to: url) { temporary in
      #expect(!FileManager.default.fileExists(atPath: temporary.path))
      #expect(
        temporary.deletingLastPathComponent().deletingLastPathComponent().standardizedFileURL.path
          == folder.standardizedFileURL.path)
      let archive = try Archive(url: temporary, accessMode: .create)
      let data = Data("清单".utf8)
      try archive.addEntry(
        with: "清单.txt", type: .file, uncompressedSize: Int64(data.count),
        provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
    }
    #expect(try permissions(url) == 0o600)
    let archive = try Archive(url: url, accessMode: .read)
    #expect(archive.map(\.path) == ["清单.txt"])
    #expect(try entries(folder) == ["证据.zip"])
  }
}
