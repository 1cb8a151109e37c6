import Foundation
import RedressFiles
import RedressTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Temporaries that a killed writer left: removed once nobody holds them, and nothing else is.
@Suite struct AbandonedTemporariesTests {
  let fm = FileManager.default
  let old = Date(timeIntervalSinceNow: -3600)

  /// A folder named `name` in `parent` holding one file, both last changed an hour ago.
  @discardableResult
  func staleFolder(_ parent: TempFolder, _ name: String) throws -> URL {
    let folder = parent.path(name)
    try fm.createDirectory(at: folder, withIntermediateDirectories: false)
    try Data("half a bundle".utf8).write(to: folder.appendingPathComponent("bundle.zip"))
    age(folder.appendingPathComponent("bundle.zip"))
    age(folder)
    return folder
  }

  /// Sets the modification time of `url` itself (a link is not followed) an hour back.
  func age(_ url: URL) {
    var times = [
      timespec(tv_sec: time(nil) - 3600, tv_nsec: 0), timespec(tv_sec: time(nil) - 3600, tv_nsec: 0),
    ]
    #expect(utimensat(AT_FDCWD, url.path, &times, AT_SYMLINK_NOFOLLOW) == 0)
  }

  func names(_ parent: TempFolder) throws -> [String] {
    try fm.contentsOfDirectory(atPath: parent.url.path).sorted()
  }

  @Test func aStaleFolderNobodyHoldsIsRemovedByTheNextWrite() throws {
    let parent = try TempFolder()
    try staleFolder(parent, ".redress-tmp-Ab12Cd")
    try AtomicFile.write(Data("whole".utf8), to: parent.path("letter.pdf"))
    #expect(try names(parent) == ["letter.pdf"])
  }

  @Test func aFolderALiveWriterHoldsStays() throws {
    let parent = try TempFolder()
    let busy = try staleFolder(parent, ".redress-tmp-Busy01")
    let held = AbandonedTemporaries.lock(busy.path, kind: .folder)
    #expect(held >= 0)
    defer { close(held) }
    #expect(AtomicFile.removeAbandonedTemporaries(in: parent.url.path).isEmpty)
    try AtomicFile.write(Data("whole".utf8), to: parent.path("letter.pdf"))
    #expect(try names(parent) == [".redress-tmp-Busy01", "letter.pdf"])
    #expect(fm.fileExists(atPath: busy.appendingPathComponent("bundle.zip").path))
  }

  @Test func aFreshFolderStaysThroughTheGracePeriod() throws {
    let parent = try TempFolder()
    try fm.createDirectory(at: parent.path(".redress-tmp-New001"), withIntermediateDirectories: false)
    #expect(AtomicFile.removeAbandonedTemporaries(in: parent.url.path).isEmpty)
    #expect(
      AtomicFile.removeAbandonedTemporaries(in: parent.url.path, minimumAge: 0) == [".redress-tmp-New001"])
  }

  @Test func namesThatAreNotOursStay() throws {
    let parent = try TempFolder()
    let others = [
      ".redress-tmp-Ab12C", ".redress-tmp-Ab12Cde", ".redress-tmp-Ab-2Cd", ".redress-other",
      "redress-tmp-Ab12Cd", ".redress-eml-not-a-uuid", ".redress-eml-" + UUID().uuidString + "x",
    ]
    for name in others { try staleFolder(parent, name) }
    let stale = ".redress-eml-" + UUID().uuidString
    try staleFolder(parent, stale)
    #expect(AtomicFile.removeAbandonedTemporaries(in: parent.url.path).isEmpty)
    #expect(
      AbandonedTemporaries.remove(in: parent.url.path, kind: .folder) {
        AbandonedTemporaries.isUUIDName($0, prefix: ".redress-eml-")
      } == [stale])
    #expect(try names(parent) == others.sorted())
  }

  @Test func aSymbolicLinkIsNeverFollowed() throws {
    let parent = try TempFolder()
    let outside = try TempFolder()
    let precious = outside.path("evidence.jpg")
    try Data("the only copy".utf8).write(to: precious)
    // A link with our name, pointing at a folder of someone else's.
    try fm.createSymbolicLink(
      at: parent.path(".redress-tmp-Link01"), withDestinationURL: outside.url)
    // A stale folder of ours with a link inside, pointing out.
    let stale = try staleFolder(parent, ".redress-tmp-Stale1")
    try fm.createSymbolicLink(at: stale.appendingPathComponent("sub"), withDestinationURL: outside.url)
    age(stale.appendingPathComponent("sub"))
    age(stale)

    #expect(AtomicFile.removeAbandonedTemporaries(in: parent.url.path) == [".redress-tmp-Stale1"])
    #expect(try names(parent) == [".redress-tmp-Link01"])
    #expect(try Data(contentsOf: precious) == Data("the only copy".utf8))
    #expect(try fm.contentsOfDirectory(atPath: outside.url.path) == ["evidence.jpg"])
  }

  /// A writer that is still filling a file inside an old folder (on a file system without
  /// `flock`, say): the fresh file keeps the folder.
  @Test func aFolderWithAFreshFileInsideStays() throws {
    let parent = try TempFolder()
    let folder = try staleFolder(parent, ".redress-tmp-Fill01")
    try Data("more".utf8).write(to: folder.appendingPathComponent("bundle.zip"))
    age(folder)
    #expect(AtomicFile.removeAbandonedTemporaries(in: parent.url.path).isEmpty)
    age(folder.appendingPathComponent("bundle.zip"))
    #expect(AtomicFile.removeAbandonedTemporaries(in: parent.url.path) == [".redress-tmp-Fill01"])
  }

  @Test func aRegularFileWithAFolderNameIsLeftAlone() throws {
    let parent = try TempFolder()
    let file = parent.path(".redress-tmp-File01")
    try Data("x".utf8).write(to: file)
    try fm.setAttributes([.modificationDate: old], ofItemAtPath: file.path)
    #expect(AtomicFile.removeAbandonedTemporaries(in: parent.url.path).isEmpty)
    #expect(fm.fileExists(atPath: file.path))
  }

  @Test func aLockedTemporaryFileStaysAndAnUnlockedOneGoes() throws {
    let parent = try TempFolder()
    let abandoned = parent.path("a.part")
    let busy = parent.path("b.part")
    for url in [abandoned, busy] {
      try Data("x".utf8).write(to: url)
      try fm.setAttributes([.modificationDate: old], ofItemAtPath: url.path)
    }
    let held = AbandonedTemporaries.lock(busy.path, kind: .file)
    #expect(held >= 0)
    defer { close(held) }
    let removed = AbandonedTemporaries.remove(in: parent.url.path, kind: .file) { $0.hasSuffix(".part") }
    #expect(removed == ["a.part"])
    #expect(try names(parent) == ["b.part"])
  }

  /// A writer killed between creating its folder and finishing: a child process takes the
  /// lock and is killed; the folder it held is then free and goes.
  @Test func aFolderWhoseWriterWasKilledGoes() throws {
    let parent = try TempFolder()
    let folder = try staleFolder(parent, ".redress-tmp-Kill01")
    let child = Process()
    child.executableURL = URL(fileURLWithPath: "/bin/sh")
    // The shell opens the folder, locks it, and becomes `sleep`, which then holds the lock.
    child.arguments = ["-c", "exec 9<\"$0\"; flock 9; exec sleep 30", folder.path]
    try child.run()
    // Until the child holds the lock, a cleanup might still take the folder; wait for it.
    var waited = 0
    while waited < 100 {
      let probe = open(folder.path, O_RDONLY | O_DIRECTORY)
      let free = flock(probe, LOCK_EX | LOCK_NB) == 0
      close(probe)
      if !free { break }
      usleep(20_000)
      waited += 1
    }
    #expect(AtomicFile.removeAbandonedTemporaries(in: parent.url.path).isEmpty)
    kill(child.processIdentifier, SIGKILL)
    child.waitUntilExit()
    #expect(AtomicFile.removeAbandonedTemporaries(in: parent.url.path) == [".redress-tmp-Kill01"])
  }
}
