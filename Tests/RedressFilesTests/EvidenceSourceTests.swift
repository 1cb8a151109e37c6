import Foundation
import RedressFiles
import RedressTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Evidence files opened without following a link anywhere on the way: links, pipes, folders,
/// devices and paths that leave the case folder are refused with a message naming the path.
@Suite struct EvidenceSourceTests {
  private func refusal(_ relative: String, under base: URL) -> String? {
    do {
      _ = try EvidenceSource.open(relativePath: relative, under: base)
      return nil
    } catch let e as FileError {
      #expect(e.kind == .refused)
      #expect(e.file == relative)
      return e.message
    } catch {
      return "\(error)"
    }
  }

  @Test func refusesASymbolicLink() throws {
    let dir = try TempFolder()
    try dir.write("outside/secret.txt", Data("secret".utf8))
    try FileManager.default.createDirectory(at: dir.path("case/evidence"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: dir.path("case/evidence/link.txt").path,
      withDestinationPath: dir.path("outside/secret.txt").path)
    #expect(
      refusal("evidence/link.txt", under: dir.path("case"))
        == "\"evidence/link.txt\" is a symbolic link; put the file itself there")
  }

  @Test func refusesAPathThroughASymbolicLinkedFolder() throws {
    let dir = try TempFolder()
    try dir.write("outside/secret.txt", Data("secret".utf8))
    try FileManager.default.createDirectory(at: dir.path("case"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: dir.path("case/evidence").path, withDestinationPath: dir.path("outside").path)
    #expect(
      refusal("evidence/secret.txt", under: dir.path("case"))
        == "\"evidence/secret.txt\" goes through \"evidence\", a symbolic link; put the files themselves there"
    )
  }

  @Test func refusesAFIFOWithoutBlocking() throws {
    let dir = try TempFolder()
    try FileManager.default.createDirectory(at: dir.path("case"), withIntermediateDirectories: true)
    #expect(mkfifo(dir.path("case/pipe").path, 0o600) == 0)
    #expect(refusal("pipe", under: dir.path("case")) == "\"pipe\" is a named pipe (FIFO), not a file")
  }

  @Test func refusesAFolderAndADevice() throws {
    let dir = try TempFolder()
    try FileManager.default.createDirectory(
      at: dir.path("case/evidence/sub"), withIntermediateDirectories: true)
    #expect(refusal("evidence/sub", under: dir.path("case")) == "\"evidence/sub\" is a folder; name a file")
    #expect(
      refusal("../../../../../../dev/null", under: dir.path("case"))
        == "\"../../../../../../dev/null\" leaves the case file's folder; put the evidence beside or below the case file"
    )
    #expect(throws: FileError.self) { try EvidenceSource.open(path: "/dev/null") }
  }

  @Test func refusesEscapesAndAbsolutePaths() throws {
    let dir = try TempFolder()
    try dir.write("secret.txt", Data("s".utf8))
    try FileManager.default.createDirectory(at: dir.path("case"), withIntermediateDirectories: true)
    #expect(
      refusal("../secret.txt", under: dir.path("case"))?.contains("leaves the case file's folder") == true)
    #expect(
      refusal("a/../../secret.txt", under: dir.path("case"))?.contains("leaves the case file's folder")
        == true)
    #expect(
      refusal(dir.path("secret.txt").path, under: dir.path("case"))?.contains("is an absolute path") == true)
    #expect(refusal("nothing-here.txt", under: dir.path("case"))?.contains("does not exist") == true)
  }
}
