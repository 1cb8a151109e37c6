import Foundation
import RedressCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Prints diagnostics in compiler style, with the severity coloured on a terminal. When a
/// diagnostic has a line and a column and its file can be read, the offending line follows
/// with a caret under the column, as Yams prints its own errors:
///
///     case.yaml:12:17: error: purchase.amount_paid: expected an amount …
///       amount_paid: 12,3.00
///                    ^
public enum DiagnosticPrinter {
  /// `directory`: where a relative file name is read from (the command's working folder);
  /// nil prints the diagnostic alone.
  public static func format(_ d: Diagnostic, output: Output, in directory: URL? = nil) -> String {
    let plain = d.description
    var text = plain
    var caret = "^"
    if output.colorErr {
      let word = d.severity.rawValue + ":"
      let style: Output.Style = d.severity == .error ? .red : (d.severity == .warning ? .yellow : .cyan)
      text = plain.replacingOccurrences(of: " " + word + " ", with: " " + style.apply(word) + " ")
      caret = style.apply(caret)
    }
    guard let directory, let (line, lead) = excerpt(d, in: directory) else { return text }
    return text + "\n" + line + "\n" + lead + caret
  }

  /// Files larger than this are not read again for an excerpt.
  static let largestExcerptFile = 8 << 20

  /// The diagnostic's line (control characters shown as U+FFFD) and the blanks that put a
  /// caret under its column (tabs kept, wide characters counted twice); nil when there is no
  /// line and column, or the file is not a readable regular UTF-8 file of at most 8 MiB.
  static func excerpt(_ d: Diagnostic, in directory: URL) -> (line: String, lead: String)? {
    guard let lineNumber = d.line, let column = d.column, lineNumber >= 1, column >= 1, !d.file.isEmpty
    else { return nil }
    let url = d.file.hasPrefix("/") ? URL(fileURLWithPath: d.file) : directory.appendingPathComponent(d.file)
    var st = stat()
    guard stat(url.path, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_size <= largestExcerptFile,
      let data = FileManager.default.contents(atPath: url.path),
      let text = String(data: data, encoding: .utf8)
    else { return nil }
    let lines = text.split(separator: "\n", maxSplits: lineNumber, omittingEmptySubsequences: false)
    guard lineNumber <= lines.count else { return nil }
    var source = lines[lineNumber - 1]
    if source.hasSuffix("\r") { source = source.dropLast() }
    var shown = ""
    var lead = ""
    for (i, scalar) in source.unicodeScalars.enumerated() {
      let isControl = scalar.value < 0x20 && scalar != "\t" || (0x7F...0x9F).contains(scalar.value)
      let visible: Unicode.Scalar = isControl ? "\u{FFFD}" : scalar
      shown.unicodeScalars.append(visible)
      if i < column - 1 {
        lead += visible == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.of(visible))
      }
    }
    return (shown, lead)
  }
}
