import Foundation
import RedressTestSupport
import Testing

/// `make install`'s layout, moved: the tree `scripts/install-tree` lays out under a prefix runs
/// from anywhere once the prefix is moved (the data is found beside the binary, never through
/// the build folder), the completions and the manual page are in their conventional places,
/// and `scripts/uninstall-tree` removes exactly what was installed. The built debug binary
/// stands in for the release one; `scripts/install-check` does the same with `make install`'s
/// static release build from a fresh clone.
@Suite(.serialized) struct InstallEndToEndTests {
  let root = Fixtures.repositoryRoot

  /// The manual page `make man` writes (argument-parser's generator), when it has been made.
  var manualPage: URL? {
    let url = root.appendingPathComponent(".build/man/redress.1")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }

  func install(into prefix: URL) throws -> ProcessResult {
    var arguments = [prefix.path, ProcessRunner.redressBinary.path]
    if let manualPage { arguments.append(manualPage.path) }
    return try ProcessRunner.run(
      root.appendingPathComponent("scripts/install-tree"), arguments, currentDirectory: root)
  }

  /// The environment of a user who has never heard of the build folder.
  func plainEnvironment(home: URL) -> [String: String] {
    var env = ProcessInfo.processInfo.environment
    env["REDRESS_DATA"] = nil
    env["REDRESS_BINARY"] = nil
    env["NO_COLOR"] = "1"
    env["HOME"] = home.path
    env["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
    env["LANG"] = "en_US.UTF-8"
    return env
  }

  @Test func aMovedInstallRunsFromAnyFolder() throws {
    let tmp = try Fixtures.temporaryDirectory("redress-install")
    defer { try? FileManager.default.removeItem(at: tmp) }
    let first = tmp.appendingPathComponent("first")
    let r = try install(into: first)
    #expect(r.exitCode == 0, "\(r.stderr)")

    let moved = tmp.appendingPathComponent("elsewhere/prefix")
    try FileManager.default.createDirectory(
      at: moved.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.moveItem(at: first, to: moved)
    let away = tmp.appendingPathComponent("some folder")
    try FileManager.default.createDirectory(at: away, withIntermediateDirectories: true)
    let env = plainEnvironment(home: tmp)
    let binary = moved.appendingPathComponent("bin/redress")

    let rules = try ProcessRunner.run(binary, ["rules"], environment: env, currentDirectory: away)
    #expect(rules.exitCode == 0, "\(rules.stderr)")
    #expect(rules.stdout.contains("cn.missing-contents"))

    let check = try ProcessRunner.run(
      binary, ["check", Fixtures.washerCase.path, "--today", "2026-11-22", "--format", "json"],
      environment: env, currentDirectory: away)
    #expect(check.exitCode == 0, "\(check.stderr)")
    #expect(check.stdout.contains("\"admissible\""))

    let deadline = try ProcessRunner.run(
      binary, ["deadline", "--from", "2025-01-20", "--days", "15", "--format", "json"],
      environment: env, currentDirectory: away)
    #expect(deadline.exitCode == 0, "\(deadline.stderr)")
    #expect(
      deadline.stdout.contains("\"due\":\"2025-02-05\"")
        || deadline.stdout.contains("\"due\": \"2025-02-05\""))

    // Through a symbolic link elsewhere (a user's ~/bin), the real prefix is still found.
    let link = away.appendingPathComponent("redress")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: binary)
    let viaLink = try ProcessRunner.run(link, ["rules"], environment: env, currentDirectory: tmp)
    #expect(viaLink.exitCode == 0, "\(viaLink.stderr)")
  }

  @Test func completionsAndManualPageAreInTheirConventionalPlaces() throws {
    let tmp = try Fixtures.temporaryDirectory("redress-install")
    defer { try? FileManager.default.removeItem(at: tmp) }
    let prefix = tmp.appendingPathComponent("p")
    #expect(try install(into: prefix).exitCode == 0)
    let bash = prefix.appendingPathComponent("share/bash-completion/completions/redress")
    let zsh = prefix.appendingPathComponent("share/zsh/site-functions/_redress")
    let fish = prefix.appendingPathComponent("share/fish/vendor_completions.d/redress.fish")
    for file in [bash, zsh, fish] {
      let text = try String(contentsOf: file, encoding: .utf8)
      #expect(text.contains("deadline"), "\(file.lastPathComponent) lists the subcommands")
    }
    let syntax = try ProcessRunner.run(URL(fileURLWithPath: "/bin/bash"), ["-n", bash.path])
    #expect(syntax.exitCode == 0, "\(syntax.stderr)")

    guard manualPage != nil else {
      // `make test` makes the page before the tests; under CI its absence is a failure.
      #expect(!Fixtures.isCI, "no .build/man/redress.1: `make man` did not run")
      return
    }
    let page = prefix.appendingPathComponent("share/man/man1/redress.1")
    #expect(FileManager.default.fileExists(atPath: page.path))
    var env = ProcessInfo.processInfo.environment
    env["MANPATH"] = prefix.appendingPathComponent("share/man").path
    env["MANPAGER"] = "cat"
    env["PAGER"] = "cat"
    env["MANWIDTH"] = "100"
    let man = try ProcessRunner.run(
      URL(fileURLWithPath: "/usr/bin/man"), ["redress"], environment: env, currentDirectory: tmp)
    #expect(man.exitCode == 0, "\(man.stderr)")
    #expect(man.stdout.contains("redress"))
    #expect(man.stdout.contains("deadline"))
  }

  @Test func uninstallRemovesExactlyWhatWasInstalled() throws {
    let tmp = try Fixtures.temporaryDirectory("redress-install")
    defer { try? FileManager.default.removeItem(at: tmp) }
    let prefix = tmp.appendingPathComponent("p")
    // Something of the user's that was there before, in a folder the install also uses.
    let theirs = prefix.appendingPathComponent("bin/their-tool")
    try FileManager.default.createDirectory(
      at: theirs.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data("#!/bin/sh\n".utf8).write(to: theirs)
    #expect(try install(into: prefix).exitCode == 0)
    // Installing twice is the same as once.
    #expect(try install(into: prefix).exitCode == 0)
    let r = try ProcessRunner.run(
      root.appendingPathComponent("scripts/uninstall-tree"), [prefix.path], currentDirectory: root)
    #expect(r.exitCode == 0, "\(r.stderr)")
    let left = FileManager.default.enumerator(atPath: prefix.path)?.allObjects as? [String] ?? []
    #expect(left.sorted() == ["bin", "bin/their-tool"])
    // A second uninstall finds nothing to remove and says so.
    let again = try ProcessRunner.run(
      root.appendingPathComponent("scripts/uninstall-tree"), [prefix.path], currentDirectory: root)
    #expect(again.exitCode == 2)
    #expect(again.stderr.contains("not installed"))
  }

  @Test func aLoneBinaryListsWhereItLookedInsteadOfCrashing() throws {
    let tmp = try Fixtures.temporaryDirectory("redress-install")
    defer { try? FileManager.default.removeItem(at: tmp) }
    let lone = tmp.appendingPathComponent("bin/redress")
    try FileManager.default.createDirectory(
      at: lone.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: ProcessRunner.redressBinary, to: lone)
    let r = try ProcessRunner.run(lone, ["rules"], environment: plainEnvironment(home: tmp))
    #expect(r.exitCode == 3)
    #expect(r.stderr.contains("the install prefix \(tmp.path)/share/redress: no such folder"))
    #expect(r.stderr.contains("the build folder \(tmp.path)/bin/redress_RedressData.resources"))
    #expect(r.stderr.contains("--data"))
    // Commands that need no data still work.
    #expect(
      try ProcessRunner.run(lone, ["--version"], environment: plainEnvironment(home: tmp)).exitCode == 0)
  }
}
