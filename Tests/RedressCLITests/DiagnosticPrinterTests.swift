import Foundation
import RedressCore
import RedressTestSupport
import Testing

@testable import RedressCLI

/// A diagnostic with a line and a column, whose file can be read, is followed by that line and
/// a caret under the column (Yams' style); otherwise it prints alone.
@Suite struct DiagnosticPrinterTests {
  let folder: TempFolder
  init() throws { folder = try TempFolder() }

  func printed(_ d: Diagnostic, color: Bool = false) -> String {
    let output = Output(colorOut: color, colorErr: color, writeOut: { _ in }, writeErr: { _ in })
    return DiagnosticPrinter.format(d, output: output, in: folder.url)
  }

  @Test func aCaretUnderTheColumnOfTheLine() throws {
    try folder.write("case.yaml", Data("version: 1\npurchase:\n  amount_paid: \"12,3.00\"\n".utf8))
    let d = Diagnostic(
      .error, file: "case.yaml", line: 3, column: 16, path: "purchase.amount_paid",
      message: "expected a decimal")
    #expect(
      printed(d) == """
        case.yaml:3:16: error: purchase.amount_paid: expected a decimal
          amount_paid: "12,3.00"
                       ^
        """)
  }

  /// Columns count characters; a Chinese character takes two terminal columns, a tab stays a
  /// tab, and a control character is shown as U+FFFD (never sent to the terminal).
  @Test func wideCharactersTabsAndControlCharacters() throws {
    try folder.write("c.yaml", Data("p: {n: \"王小明\", a: \"1,2\"}\n\tx: \u{1B}[31m\n".utf8))
    let wide = Diagnostic(.error, file: "c.yaml", line: 1, column: 19, message: "bad")
    #expect(
      printed(wide) == "c.yaml:1:19: error: bad\np: {n: \"王小明\", a: \"1,2\"}\n"
        + String(repeating: " ", count: 21) + "^")
    let tab = Diagnostic(.warning, file: "c.yaml", line: 2, column: 5, message: "odd")
    #expect(printed(tab) == "c.yaml:2:5: warning: odd\n\tx: \u{FFFD}[31m\n\t   ^")
  }

  @Test func withoutAPlaceOrAReadableFileTheDiagnosticPrintsAlone() throws {
    try folder.write("case.yaml", Data("version: 1\n".utf8))
    let noColumn = Diagnostic(.error, file: "case.yaml", line: 1, path: "claims", message: "missing")
    #expect(printed(noColumn) == "case.yaml:1: error: claims: missing")
    let noFile = Diagnostic(.error, file: "gone.yaml", line: 1, column: 1, message: "x")
    #expect(printed(noFile) == "gone.yaml:1:1: error: x")
    let pastTheEnd = Diagnostic(.error, file: "case.yaml", line: 9, column: 1, message: "x")
    #expect(printed(pastTheEnd) == "case.yaml:9:1: error: x")
    let output = Output(colorOut: false, colorErr: false, writeOut: { _ in }, writeErr: { _ in })
    let noFolder = Diagnostic(.error, file: "case.yaml", line: 1, column: 1, message: "x")
    #expect(DiagnosticPrinter.format(noFolder, output: output) == "case.yaml:1:1: error: x")
  }

  @Test func theCaretTakesTheSeverityColourOnATerminal() throws {
    try folder.write("case.yaml", Data("version: 1\n".utf8))
    let d = Diagnostic(.error, file: "case.yaml", line: 1, column: 10, message: "x")
    #expect(printed(d, color: true).hasSuffix("version: 1\n         " + TerminalStyle.red.apply("^")))
  }

  /// The JSON of `check --format json` carries the diagnostics without any excerpt.
  @Test func jsonNeverCarriesTheExcerpt() throws {
    let bad = folder.url.appendingPathComponent("bad.yaml")
    try Data("version: 1\npurchase:\n  amount_paid: \"12,3.00\"\n".utf8).write(to: bad)
    let r = runRedress(["check", bad.path, "--format", "json"])
    #expect(r.code >= 2)
    #expect(!r.out.contains("^"))
    #expect(r.err.contains("  amount_paid: \"12,3.00\"\n               ^"))
  }
}
