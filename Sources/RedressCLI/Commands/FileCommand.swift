import ArgumentParser
import RedressCore
import RedressStore

struct FileCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "file",
    abstract: "Records that the complaint was submitted; starts the response window.",
    discussion: """
      Run it once the complaint is filed (and again with --accepted-on when the body accepts
      it, 立案/受理). `redress status` then tracks the window.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "A stored case.") var caseRef: String
  @Option(help: "The day it was submitted.") var on: CalendarDate
  @Option(name: .customLong("accepted-on"), help: "The day the body accepted it.") var acceptedOn:
    CalendarDate?
  @Option(help: "The body's reference number.") var reference: String?

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    let today = CommandEnvironment.localToday()
    if on > today {
      throw UserError(env.words.fileOnAfterToday(on, today: today))
    }
    if let accepted = acceptedOn {
      if accepted > today { throw UserError(env.words.acceptedAfterToday(accepted, today: today)) }
      if accepted < on { throw UserError(env.words.acceptedBeforeFiling(accepted, on: on)) }
    }
    if let r = reference,
      r.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || r.contains(where: \.isNewline)
    {
      throw UserError(env.words.referenceOneLine)
    }
    let (store, id) = try env.requireStoredCase(caseRef)
    var previous: CalendarDate?
    let updated = try store.update(id) { c in
      var filing = c.filing ?? Filing()
      previous = filing.filedOn
      if let withdrawn = filing.events.first(where: { $0.kind == .withdrawn }) {
        throw UserError(env.words.withdrawnFiledAgain(id, on: withdrawn.date?.date))
      }
      if let bought = c.purchase?.date, on < bought {
        throw UserError(env.words.filedBeforePurchase(on, bought: bought))
      }
      if acceptedOn == nil, let accepted = filing.acceptedOn, accepted < on {
        throw UserError(env.words.acceptedBeforeNewFiling(accepted, on: on))
      }
      if let early = filing.events.first(where: { ($0.date?.date).map { $0 < on } ?? false }),
        let when = early.date
      {
        throw UserError(env.words.eventBeforeNewFiling(early.kind, on: when.date, filing: on))
      }
      filing.filedOn = on
      if let accepted = acceptedOn { filing.acceptedOn = accepted }
      if let r = reference { filing.reference = r }
      c.filing = filing
    }
    env.output.out(
      env.words.filed(
        id, on: on, previous: previous.flatMap { $0 != on ? $0 : nil }, accepted: updated.filing?.acceptedOn,
        reference: updated.filing?.reference))
    env.output.out(env.words.fileNext)
    return 0
  }
}
