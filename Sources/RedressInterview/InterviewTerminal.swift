import Foundation

/// What a read from the terminal gave.
public enum TerminalInput: Equatable, Sendable {
  case line(String)
  /// Ctrl-D on an empty line, or the terminal went away.
  case endOfInput
  /// A signal (SIGINT for Ctrl-C, SIGHUP for a closed terminal, SIGTERM) arrived.
  case interrupted(signal: Int32)
}

/// The interview's only way to talk to a person: a real terminal (`TTYTerminal`) or, in
/// tests, a script of answers that records a transcript (`ScriptedTerminal`).
public protocol InterviewTerminal: AnyObject {
  /// Whether colour and other terminal styling may be written.
  var usesColor: Bool { get }
  /// Columns available for a line (at least 40).
  var width: Int { get }
  func write(_ text: String)
  /// Writes `prompt` and reads one line (without its line end).
  func readLine(prompt: String) -> TerminalInput
  /// Lines that arrived together with the last one (a multi-line paste); empty when none.
  func drainPastedLines() -> [String]
  /// A signal that arrived while no line was being read (checked during long work).
  func takePendingSignal() -> Int32?
  /// Shows how far a long piece of work has come (on standard error, only on a terminal).
  func showProgress(label: String, done: Int64, total: Int64)
  func endProgress()
}
