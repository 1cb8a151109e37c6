import Foundation
import RedressCore

/// Prints diagnostics in compiler style, with the severity coloured on a terminal.
public enum DiagnosticPrinter {
  public static func format(_ d: Diagnostic, output: Output) -> String {
    let plain = d.description
    guard output.colorErr else { return plain }
    let word = d.severity.rawValue + ":"
    let style: Output.Style = d.severity == .error ? .red : (d.severity == .warning ? .yellow : .cyan)
    return plain.replacingOccurrences(of: " " + word + " ", with: " " + style.apply(word) + " ")
  }
}
