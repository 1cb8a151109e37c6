import ArgumentParser
import RedressCore
import RedressInterview

struct NewCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "The interview: walks you through a complaint, checks it, and writes the documents.",
    discussion:
      "Every answer is saved at once as a draft in the store; Ctrl-C (or a closed terminal) leaves it saved, "
      + "and the next `redress new` offers to resume it. Needs a terminal: for a case file prepared "
      + "elsewhere, use `redress import FILE`.")

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp("The day taken as today (default: the local date).", visibility: .hidden))
  var today: CalendarDate?

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    let text = try InterviewSetup.text(env)
    try InterviewSetup.requireTerminal(env, text: text)
    return try InterviewSetup.withTerminal(env) { terminal in
      let context = try InterviewSetup.context(env, text: text, terminal: terminal, today: today)
      let session = InterviewSession(
        context: context, producer: try InterviewSetup.producer(env, text: text), language: env.language)
      return try session.runNew()
    }
  }
}
