import RedressTestSupport
import Testing

@testable import RedressCLI

/// The options of every command may come before the subcommand's name
/// (`redress --lang en status`), as people type them.
@Suite struct GlobalOptionsTests {
  @Test(arguments: [
    (["--lang", "en", "status"], ["status", "--lang", "en"]),
    (
      ["--lang=en", "--no-color", "rules", "explain", "cn.time-barred"],
      ["rules", "explain", "cn.time-barred", "--lang=en", "--no-color"]
    ),
    (["--store", "/tmp/s", "log", "c1", "--", "-note"], ["log", "c1", "--store", "/tmp/s", "--", "-note"]),
    (["--data", "d", "--store", "s", "list"], ["list", "--data", "d", "--store", "s"]),
    // As given: nothing to move, no subcommand, a missing value, an unknown option first.
    (["status", "--lang", "en"], ["status", "--lang", "en"]),
    (["--lang", "en"], ["--lang", "en"]),
    (["--lang"], ["--lang"]),
    (["--verbose", "--lang", "en", "status"], ["--verbose", "--lang", "en", "status"]),
    (["--lang", "en", "--version"], ["--lang", "en", "--version"]),
    ([], []),
  ])
  func globalOptionsMoveAfterTheSubcommand(given: [String], read: [String]) {
    #expect(GlobalOptions.movedAfterSubcommand(given) == read)
  }

  @Test func aCommandReadsTheOptionsGivenBeforeIt() {
    let before = CommandHarness.run(["--lang", "en", "deadline", "--from", "2026-01-05", "--days", "5"])
    let after = CommandHarness.run(["deadline", "--from", "2026-01-05", "--days", "5", "--lang", "en"])
    #expect(before.code == 0)
    #expect(before.out == after.out)
    #expect(before.out.hasPrefix("From "), "\(before.out)")
    // A wrong value is explained as it is after the command.
    let wrong = CommandHarness.run(["--lang", "xx", "rules"])
    #expect(wrong.code == 64)
    #expect(wrong.err.contains("'xx' is invalid for '--lang"), "\(wrong.err)")
    // The options alone, or one missing its value: said so, not "unknown option".
    for alone in [["--lang", "en"], ["--lang"], ["--no-color", "--store=/tmp/s"]] {
      let r = CommandHarness.run(alone)
      #expect(r.code == 64, "\(alone)")
      #expect(
        r.err.contains("must come with a command, such as `redress --lang en status`"), "\(alone): \(r.err)")
    }
    #expect(GlobalOptions.missingCommand(["--lang", "en", "status"]) == nil)
    #expect(GlobalOptions.missingCommand([]) == nil)
    #expect(GlobalOptions.missingCommand(["--version"]) == nil)
  }
}
