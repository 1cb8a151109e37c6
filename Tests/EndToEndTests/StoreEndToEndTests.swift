import Foundation
import RedressTestSupport
import Testing

/// The store through the built binary (`.build/debug/redress`), each test with its own
/// `--store` in a temporary folder.
@Suite struct StoreEndToEndTests {
  @Test func importExportReimportIsByteForByte() throws {
    let box = try StoreBox()
    let r = try box.redress("import", Fixtures.washerCase.path, Fixtures.foodAgentCase.path)
    #expect(r.code == 0, "\(r.err)")
    let list = try box.listJSON()
    #expect(list.map { $0["case"] as? String } == ["milk-powder-2026", "washer-2026"])
    #expect(list.map { $0["stage"] as? String } == ["ready", "answered"])

    #expect(try box.redress("export", "washer-2026", "--yaml", "-o", "first").code == 0)
    let other = try StoreBox()
    let again = try other.redress("import", box.path("first/washer-2026.yaml"))
    #expect(again.code == 0, "\(again.err)")
    #expect(try other.redress("export", "washer-2026", "--yaml", "-o", other.path("second")).code == 0)
    for file in ["washer-2026.yaml", "evidence/invoice.xml", "evidence/authorization.pdf"] {
      let a = try Data(contentsOf: URL(fileURLWithPath: box.path("first/\(file)")))
      let b = try Data(contentsOf: URL(fileURLWithPath: other.path("second/\(file)")))
      #expect(a == b, "\(file)")
    }
    let source = try Data(
      contentsOf: Fixtures.washerCase.deletingLastPathComponent().appendingPathComponent(
        "evidence/invoice.xml"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: box.path("first/evidence/invoice.xml"))) == source)
  }

  @Test func everythingCreatedIsOwnerOnly() throws {
    let box = try StoreBox()
    #expect(try box.redress("import", Fixtures.washerCase.path).code == 0)
    #expect(try box.redress("export", "washer-2026", "--yaml", "-o", "out").code == 0)
    var folders = [box.store, box.store + "/evidence", box.path("out"), box.path("out/evidence")]
    var files = [
      box.store + "/redress.sqlite", box.path("out/washer-2026.yaml"), box.path("out/evidence/invoice.xml"),
    ]
    let evidence = box.store + "/evidence"
    for prefix in try FileManager.default.contentsOfDirectory(atPath: evidence) {
      folders.append(evidence + "/" + prefix)
      for name in try FileManager.default.contentsOfDirectory(atPath: evidence + "/" + prefix) {
        files.append(evidence + "/" + prefix + "/" + name)
      }
    }
    for f in folders { #expect(permissions(f) == 0o700, "\(f)") }
    for f in files { #expect(permissions(f) == 0o600, "\(f)") }
    #expect(files.count >= 5)
  }

  @Test func hostileEvidenceIsRefusedAndNothingIsStored() throws {
    let box = try StoreBox()
    let fm = FileManager.default
    let outside = box.path("outside")
    try fm.createDirectory(atPath: outside, withIntermediateDirectories: true)
    try Data("secret".utf8).write(to: URL(fileURLWithPath: outside + "/secret.txt"))

    func caseFile(_ name: String, evidence file: String) throws -> String {
      let folder = box.path(name)
      try fm.createDirectory(atPath: folder + "/evidence", withIntermediateDirectories: true)
      let text = """
        version: 1
        id: \(name)
        complainant:
          name: 王小明
        evidence:
          - id: E1
            kind: photo
            file: \(file)
        """
      try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/case.yaml"))
      return folder
    }
    let link = try caseFile("link", evidence: "evidence/photo.jpg")
    try fm.createSymbolicLink(
      atPath: link + "/evidence/photo.jpg", withDestinationPath: outside + "/secret.txt")
    let fifo = try caseFile("fifo", evidence: "evidence/photo.jpg")
    #expect(mkfifo(fifo + "/evidence/photo.jpg", 0o600) == 0)
    _ = try caseFile("folder", evidence: "evidence")
    _ = try caseFile("escape", evidence: "../outside/secret.txt")
    let linkedDir = try caseFile("linkdir", evidence: "evidence/secret.txt")
    try fm.removeItem(atPath: linkedDir + "/evidence")
    try fm.createSymbolicLink(atPath: linkedDir + "/evidence", withDestinationPath: outside)

    let expectations = [
      ("link", "\"evidence/photo.jpg\" is a symbolic link"),
      ("fifo", "\"evidence/photo.jpg\" is not a regular file"),
      ("folder", "\"evidence\" is a folder; name a file"),
      ("escape", "\"../outside/secret.txt\" leaves the case file's folder"),
      ("linkdir", "\"evidence/secret.txt\" goes through \"evidence\", a symbolic link"),
    ]
    for (name, message) in expectations {
      let r = try box.redress("import", "\(name)/case.yaml")
      #expect(r.code == 2, "\(name)")
      #expect(
        r.err.contains("\(name)/case.yaml:8:11: error: evidence[0].file: \(message)"), "\(name): \(r.err)")
      // The diagnostic stays in compiler style; the status line speaks the interface language.
      #expect(r.err.contains("\(name)/case.yaml: 未导入"))
    }
    #expect(try box.listJSON().isEmpty)
  }

  @Test func twoImportsAtOnceBothLand() throws {
    let box = try StoreBox()
    let fm = FileManager.default
    let folder = box.path("cases")
    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try fm.copyItem(
      atPath: Fixtures.washerCase.deletingLastPathComponent().appendingPathComponent("evidence").path,
      toPath: folder + "/evidence")
    let text = try String(contentsOf: Fixtures.washerCase, encoding: .utf8)
    var batches: [[String]] = [[], []]
    for i in 0..<24 {
      let path = folder + "/w\(i).yaml"
      try Data(text.replacingOccurrences(of: "id: washer-2026", with: "id: w\(i)").utf8)
        .write(to: URL(fileURLWithPath: path))
      batches[i % 2].append(path)
    }
    let processes = try batches.map { try box.start(["import"] + $0) }
    for p in processes {
      let r = p.finish()
      #expect(r.code == 0, "\(r.err)")
    }
    let list = try box.listJSON()
    #expect(list.count == 24)
    for entry in list {
      let id = try #require(entry["case"] as? String)
      #expect(try box.redress("verify", id).code == 0, "\(id)")
    }
  }

  @Test func verifyExitsOneNamingEachDamagedFile() throws {
    let box = try StoreBox()
    #expect(try box.redress("import", Fixtures.washerCase.path).code == 0)
    #expect(try box.redress("verify", "washer-2026").code == 0)
    let invoice = try Data(
      contentsOf: Fixtures.washerCase.deletingLastPathComponent().appendingPathComponent(
        "evidence/invoice.xml"))
    let pdf = try Data(
      contentsOf: Fixtures.washerCase.deletingLastPathComponent().appendingPathComponent(
        "evidence/authorization.pdf"))
    let invoiceBlob = box.blobPath(for: invoice)
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: invoiceBlob)))
    bytes[0] ^= 0x80
    try Data(bytes).write(to: URL(fileURLWithPath: invoiceBlob))
    let changed = try box.redress("verify", "washer-2026", "--lang", "en")
    #expect(changed.code == 1)
    #expect(changed.out.contains("CHANGED  E1 evidence/invoice.xml"))

    try FileManager.default.removeItem(atPath: box.blobPath(for: pdf))
    let both = try box.redress("verify", "washer-2026", "--lang", "en")
    #expect(both.code == 1)
    #expect(both.out.contains("CHANGED  E1 evidence/invoice.xml"))
    #expect(both.out.contains("MISSING  E6 evidence/authorization.pdf"))
    #expect(both.err.contains("2 of 2 evidence files changed or missing"))

    // The same in Chinese (the language of `LANG=C.UTF-8`), with the names still lined up.
    let chinese = try box.redress("verify", "washer-2026")
    #expect(chinese.code == 1)
    #expect(chinese.out.contains("已改动   E1 evidence/invoice.xml：保存的副本"))
    #expect(chinese.out.contains("缺失     E6 evidence/authorization.pdf：保存的副本"))
    #expect(chinese.err.contains("washer-2026：2 个证据文件中有 2 个被改动或缺失"))
  }
}

/// A temporary folder with a store in it, and the binary to run against it.
final class StoreBox {
  let root: URL
  var store: String { root.appendingPathComponent("store").path }
  static var binary: URL { ProcessRunner.redressBinary }

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redress-e2e-store-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }
  deinit { try? FileManager.default.removeItem(at: root) }

  func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  struct Running {
    let process: Process
    let out: Pipe
    let err: Pipe
    func finish() -> (code: Int32, out: String, err: String) {
      // Read before waiting, so a full pipe cannot block the child.
      let o = out.fileHandleForReading.readDataToEndOfFile()
      let e = err.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return (
        process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self)
      )
    }
  }

  /// Starts `redress ARGS --store STORE` in the folder, with no terminal and a clean environment.
  func start(_ args: [String]) throws -> Running {
    let p = Process()
    p.executableURL = Self.binary
    p.arguments = args + ["--store", store]
    p.currentDirectoryURL = root
    p.environment = ["HOME": root.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "NO_COLOR": "1"]
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    return Running(process: p, out: out, err: err)
  }

  func redress(_ args: String...) throws -> (code: Int32, out: String, err: String) {
    try start(args).finish()
  }

  func listJSON() throws -> [[String: Any]] {
    let r = try redress("list", "--format", "json")
    #expect(r.code == 0, "\(r.err)")
    return try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
  }

  /// Where the store keeps a copy of `data` (`evidence/<2 hex>/<sha256>`), computed with
  /// `openssl dgst` as an independent hasher.
  func blobPath(for data: Data) -> String {
    let file = root.appendingPathComponent("hash-input-\(UUID().uuidString)")
    try? data.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
    p.arguments = ["dgst", "-sha256", "-r", file.path]
    let pipe = Pipe()
    p.standardOutput = pipe
    try? p.run()
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    let hex = String(text.prefix(64))
    return store + "/evidence/\(hex.prefix(2))/\(hex)"
  }
}

func permissions(_ path: String) -> mode_t {
  var st = stat()
  guard lstat(path, &st) == 0 else { return 0 }
  return st.st_mode & 0o777
}
