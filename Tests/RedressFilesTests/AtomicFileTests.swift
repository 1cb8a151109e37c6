import Foundation
import RedressFiles
import RedressTestSupport
import Testing

@Suite struct AtomicFileTests {
  struct Boom: Error {}

  func permissions(_ url: URL) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue
      ?? -1
  }

  func makeTemporaryFolder() throws -> URL {
    try Fixtures.temporaryDirectory("redress-files-tests")
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
}
