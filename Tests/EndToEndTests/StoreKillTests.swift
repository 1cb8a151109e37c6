import Foundation
import RedressTestSupport
import Testing

/// SIGKILL an `import` of a large evidence file at several moments: afterwards the store
/// opens, `list` works, and every case it lists verifies. A case is there whole or not at all.
@Suite struct StoreKillTests {
  @Test func killedImportsLeaveAConsistentStore() throws {
    let box = try StoreBox()
    let folder = box.path("big")
    try FileManager.default.createDirectory(atPath: folder + "/evidence", withIntermediateDirectories: true)
    // 200 MiB: sparse, so making it costs nothing; the import still reads, hashes, writes
    // and flushes every byte.
    let video = folder + "/evidence/video.mp4"
    #expect(FileManager.default.createFile(atPath: video, contents: Data("header".utf8)))
    #expect(truncate(video, 200 << 20) == 0)

    var listedAfterKills: Set<String> = []
    for (i, delay) in [0.05, 0.2, 0.4, 0.7, 1.2].enumerated() {
      let caseFile = folder + "/case\(i).yaml"
      let text = """
        version: 1
        id: big-\(i)
        complainant:
          name: 王小明
        evidence:
          - id: E1
            kind: video
            title: 漏水视频
            file: evidence/video.mp4
        """
      try Data(text.utf8).write(to: URL(fileURLWithPath: caseFile))
      let running = try box.start(["import", caseFile])
      Thread.sleep(forTimeInterval: delay)
      kill(running.process.processIdentifier, SIGKILL)
      let r = running.finish()
      #expect(r.code == 0 || running.process.terminationReason == .uncaughtSignal)

      let list = try box.listJSON()
      let ids = list.compactMap { $0["case"] as? String }
      // An import that finished before the kill shows its case; one killed earlier does not.
      #expect(ids.allSatisfy { $0.hasPrefix("big-") })
      for id in ids {
        let v = try box.redress("verify", id)
        #expect(v.code == 0, "\(id) after a kill at \(delay) s: \(v.out) \(v.err)")
      }
      listedAfterKills.formUnion(ids)
    }
    // At least the earliest kill landed before the import could finish.
    #expect(listedAfterKills.count < 5)
    // The store still takes imports, and an unkilled one lands whole.
    let finalCase = folder + "/final.yaml"
    try Data(
      "version: 1\nid: big-final\nevidence:\n  - id: E1\n    file: evidence/video.mp4\n".utf8
    ).write(to: URL(fileURLWithPath: finalCase))
    let last = try box.redress("import", finalCase)
    #expect(last.code == 0, "\(last.err)")
    #expect(try box.redress("verify", "big-final").code == 0)
    #expect(try box.listJSON().count == listedAfterKills.count + 1)
  }
}
