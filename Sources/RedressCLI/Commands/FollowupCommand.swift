import ArgumentParser
import Foundation
import RedressCore
import RedressDocuments

struct FollowupCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "followup",
    abstract: "Writes the follow-up letter (催办函) for an overdue complaint.",
    discussion: """
      For a filed case (filing.filed_on recorded, e.g. with `redress file`): cites the filing
      date, the reference, the window that applied and its due day, and asks for a written
      answer within seven days (moved to a working day). A case whose window has not passed,
      or that was answered, gets a warning, and the letter is still written.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "A case file or the id of a stored case.") var caseRef: String
  @Option(help: "txt, md, html, docx or pdf.") var format: DocumentFormat = .pdf
  @Option(name: [.customShort("o"), .long], help: "The file to write, or - for standard output.")
  var output: String?
  @Option(help: "The letter's date (YYYY-MM-DD); default today.") var today: CalendarDate?

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    let day = today ?? CommandEnvironment.localToday()
    let loaded = try env.loadCase(caseRef)
    let c = loaded.caseFile
    guard
      let tracker = try TrackingData(env, documentLanguage: c.effectiveLanguage.rawValue)
        .tracker(jurisdiction: c.effectiveJurisdiction)
    else {
      throw UserError(env.words.noResponseWindows(c.effectiveJurisdiction))
    }
    let plan: FollowUpPlan
    do {
      plan = try FollowUpPlan.make(for: c, today: day, tracker: tracker)
    } catch FollowUpPlan.Refusal.notFiled {
      throw UserError(env.words.notFiledNothingToFollowUp(caseRef))
    } catch FollowUpPlan.Refusal.noClock {
      throw UserError(env.words.noRunningWindow(caseRef))
    }
    let documents = try env.caseDocuments(loaded, today: day, purpose: .followUp)
    let warn = env.output.styleErr("warning:", .yellow)
    let terms = documents.terms
    if let closed = plan.closedBy {
      env.output.err("\(warn) " + env.words.windowClosed(closed))
    } else if !plan.passed {
      env.output.err("\(warn) " + env.words.windowNotPassed(terms.date(plan.due), plan.due))
    }
    var note: String?
    if !plan.weekdayOnlyYears.isEmpty {
      note = terms.text("provisional_note").replacingOccurrences(
        of: "{years}", with: terms.list(plan.weekdayOnlyYears.map(String.init)))
    }
    let model = try documents.followUp(plan, calendarNote: note)
    try env.writeDocument(
      try format.render(model), format: format, output: output,
      defaultName: documents.fileName(.followUp, format))
    return 0
  }
}
