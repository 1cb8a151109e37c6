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

/// A terminal for tests: answers come from a script and everything written, prompts and the
/// echoed answers included, is kept as the transcript a person would have seen.
///
/// Script entries: an answer line; `^C` for Ctrl-C; `^D` (or running out of answers) for the
/// end of input; `^HUP` for a closed terminal. An answer holding `\n` is a multi-line paste.
public final class ScriptedTerminal: InterviewTerminal {
  public private(set) var transcript = ""
  private var answers: [String]
  private var pasted: [String] = []
  public var usesColor: Bool { false }
  public var width: Int { 72 }
  /// How many answers remain unread (a test checks the script was used up).
  public var remainingAnswers: Int { answers.count }

  public init(answers: [String]) {
    self.answers = answers
  }

  public func write(_ text: String) { transcript += text }

  public func readLine(prompt: String) -> TerminalInput {
    transcript += prompt
    guard !answers.isEmpty else {
      transcript += "^D\n"
      return .endOfInput
    }
    let answer = answers.removeFirst()
    switch answer {
    case "^C":
      transcript += "^C"
      return .interrupted(signal: SIGINT)
    case "^HUP":
      transcript += "[terminal closed]"
      return .interrupted(signal: SIGHUP)
    case "^D":
      transcript += "^D\n"
      return .endOfInput
    default:
      var lines = answer.components(separatedBy: "\n")
      let first = lines.removeFirst()
      pasted = lines
      transcript += answer + "\n"
      return .line(first)
    }
  }

  public func drainPastedLines() -> [String] {
    defer { pasted = [] }
    return pasted
  }

  public func takePendingSignal() -> Int32? { nil }
  public func showProgress(label: String, done: Int64, total: Int64) {}
  public func endProgress() {}
}
