import Foundation

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
