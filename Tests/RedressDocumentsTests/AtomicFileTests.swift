import Foundation
import RedressDocuments
import RedressStore
import Testing
import ZIPFoundation

@Suite struct AtomicFileTests {
  struct Boom: Error {}

  func permissions(_ url: URL) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue
      ?? -1
  }

  func entries(_ folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  @Test func writesOwnerOnlyFileAndLeavesNothingElse() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("投诉书.txt")
    try AtomicFile.write(Data("第一版".utf8), to: url)
    #expect(try Data(contentsOf: url) == Data("第一版".utf8))
    #expect(try permissions(url) == 0o600)
    try AtomicFile.write(Data("第二版".utf8), to: url, permissions: 0o640)
    #expect(try Data(contentsOf: url) == Data("第二版".utf8))
    #expect(try permissions(url) == 0o640)
    #expect(try entries(folder) == ["投诉书.txt"])
  }

  @Test func refusesASymbolicLinkAndLeavesItsTargetAlone() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("target")
    try Data("keep".utf8).write(to: target)
    let link = folder.appendingPathComponent("out.docx")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
    let error = #expect(throws: AtomicFileError.self) { try AtomicFile.write(Data("x".utf8), to: link) }
    #expect(error?.description.contains("symbolic link") == true)
    #expect(error?.description.contains("out.docx") == true)
    #expect(try Data(contentsOf: target) == Data("keep".utf8))
    let dangling = folder.appendingPathComponent("dangling")
    try FileManager.default.createSymbolicLink(
      atPath: dangling.path, withDestinationPath: folder.appendingPathComponent("nowhere").path)
    #expect(throws: AtomicFileError.self) { try AtomicFile.write(Data("x".utf8), to: dangling) }
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("nowhere").path))
    #expect(try entries(folder) == ["dangling", "out.docx", "target"])
  }

  @Test func refusesAFolderAndAMissingParent() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(throws: AtomicFileError.self) { try AtomicFile.write(Data(), to: folder) }
    let missing = folder.appendingPathComponent("no/such/file.txt")
    let error = #expect(throws: AtomicFileError.self) { try AtomicFile.write(Data(), to: missing) }
    #expect(error?.description.contains("no/such/file.txt") == true)
  }

  @Test func aFailingWriterLeavesTheOldFileAndNoDebris() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("bundle.zip")
    try AtomicFile.write(Data("old".utf8), to: url)
    #expect(throws: Boom.self) {
      try AtomicFile.write(to: url) { temporary in
        try Data("half".utf8).write(to: temporary)
        throw Boom()
      }
    }
    #expect(try Data(contentsOf: url) == Data("old".utf8))
    #expect(try entries(folder) == ["bundle.zip"])
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
