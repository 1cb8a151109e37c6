import ArgumentParser
import RedressCore
import RedressInterview

struct EditCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "edit",
    abstract: "Reopens the interview on a stored case, at a section.",
    discussion:
      "Without --section it opens the review screen, from which any section can be reopened. "
      + "Every answer is saved at once. Needs a terminal.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The id of a stored case (`redress list` shows them).") var caseRef: String
  @Option(
    help:
      "complainant, agent, respondent, purchase, damage, negotiation, evidence, claims or filing (also venue)."
  )
  var section: String?

  @Option(help: ArgumentHelp("The day taken as today (default: the local date).", visibility: .hidden))
  var today: CalendarDate?

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    let text = try InterviewSetup.text(env)
    if let section, !InterviewFlow.editableSectionIDs.contains(section) {
      throw UserError(
        text.message(
          .unknownSection,
          ["section": section, "sections": InterviewFlow.editableSectionIDs.joined(separator: ", ")]))
    }
    try InterviewSetup.requireTerminal(env, text: text)
    return try InterviewSetup.withTerminal(env) { terminal in
      let context = try InterviewSetup.context(env, text: text, terminal: terminal, today: today)
      guard let record = try context.drafts.load(id: caseRef) else {
        throw UserError(text.message(.noSuchCase, ["case": caseRef]))
      }
      let session = InterviewSession(
        context: context, producer: try InterviewSetup.producer(env, text: text), language: env.language)
      return try session.runEdit(record, section: section)
    }
  }
}
