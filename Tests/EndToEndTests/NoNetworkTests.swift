import Foundation
import RedressTestSupport
import Testing

/// redress never opens a network connection: the main commands are traced with strace and no
/// Internet socket may appear, and they still work in a network namespace with no network.
struct NoNetworkTests {
  static let strace = URL(fileURLWithPath: "/usr/bin/strace")
  static let unshare = URL(fileURLWithPath: "/usr/bin/unshare")

  /// The commands of a whole filing, run on a copy of the example case in a fresh store.
  func commands(in dir: URL) throws -> [[String]] {
    let store = dir.appendingPathComponent("store").path
    let casePath = dir.appendingPathComponent("washer.yaml").path
    return [
      ["validate", casePath, "--today", "2026-11-22"],
      ["check", casePath, "--today", "2026-11-22", "--format", "json"],
      ["deadline", "--from", "2026-10-10", "--days", "15", "--format", "json"],
      ["deadline", "--from", "2026-12-23", "--days", "7", "--working-days", "--format", "json"],
      ["calendar", "2027", "--format", "json"],
      ["calendar", "import", dir.appendingPathComponent("2027.yaml").path, "--store", store],
      ["import", casePath, "--store", store],
      ["list", "--store", store, "--format", "json"],
      ["letter", casePath, "--format", "pdf", "-o", dir.appendingPathComponent("l.pdf").path],
      ["letter", casePath, "--format", "docx", "-o", dir.appendingPathComponent("l.docx").path],
      ["bundle", casePath, "-o", dir.appendingPathComponent("b.zip").path],
      ["verify", dir.appendingPathComponent("b.zip").path],
      ["status", "--store", store, "--today", "2026-11-22", "--format", "json"],
      ["remind", "--ics", "--store", store, "-o", dir.appendingPathComponent("r.ics").path],
      [
        "export", casePath, "--eml", "--to", "ts@example.org", "-o", dir.appendingPathComponent("eml").path,
      ],
    ]
  }

  func prepare() throws -> URL {
    let dir = try Fixtures.temporaryDirectory("redress-nonet")
    try FileManager.default.copyItem(at: Fixtures.washerCase, to: dir.appendingPathComponent("washer.yaml"))
    try Data(CalendarFixtures.fictitious2027.utf8).write(to: dir.appendingPathComponent("2027.yaml"))
    try FileManager.default.copyItem(
      at: Fixtures.sharedExamples.appendingPathComponent("evidence"),
      to: dir.appendingPathComponent("evidence"))
    return dir
  }

  @Test func noCommandOpensAnInternetSocket() throws {
    guard FileManager.default.isExecutableFile(atPath: Self.strace.path) else {
      if Fixtures.isCI { Issue.record("strace is not installed (make test-deps installs it)") }
      return
    }
    let dir = try prepare()
    defer { try? FileManager.default.removeItem(at: dir) }
    for args in try commands(in: dir) {
      let log = dir.appendingPathComponent("trace-\(args[0]).log")
      let r = try ProcessRunner.run(
        Self.strace,
        [
          "-f", "-qq", "-e", "trace=socket,connect,sendto,sendmsg", "-o", log.path,
          ProcessRunner.redressBinary.path,
        ]
          + args,
        environment: ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 })
      #expect(r.exitCode == 0 || r.exitCode == 1, "redress \(args.joined(separator: " ")): \(r.stderr)")
      let trace = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      let inet = trace.split(separator: "\n").filter {
        $0.contains("AF_INET") || $0.contains("AF_INET6") || $0.contains("AF_NETLINK")
      }
      #expect(inet.isEmpty, "redress \(args[0]) touched the network:\n\(inet.joined(separator: "\n"))")
    }
  }

  @Test func commandsWorkWithoutAnyNetwork() throws {
    // `unshare -n` gives the process a network namespace with nothing but a down loopback.
    guard FileManager.default.isExecutableFile(atPath: Self.unshare.path),
      (try? ProcessRunner.run(Self.unshare, ["-n", "true"]).exitCode) == 0
    else {
      if Fixtures.isCI { Issue.record("cannot create a network namespace here (unshare -n)") }
      return
    }
    let dir = try prepare()
    defer { try? FileManager.default.removeItem(at: dir) }
    for args in try commands(in: dir) {
      let r = try ProcessRunner.run(
        Self.unshare, ["-n", ProcessRunner.redressBinary.path] + args,
        environment: ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 })
      #expect(
        r.exitCode == 0 || r.exitCode == 1, "offline: redress \(args.joined(separator: " ")): \(r.stderr)")
    }
  }
}
