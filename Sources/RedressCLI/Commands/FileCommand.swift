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
      throw UserError("--on \(on.iso) is after today (\(today.iso)); give the day it was submitted")
    }
    if let accepted = acceptedOn {
      if accepted > today { throw UserError("--accepted-on \(accepted.iso) is after today (\(today.iso))") }
      if accepted < on {
        throw UserError(
          "--accepted-on \(accepted.iso) is before the filing on \(on.iso); a complaint is accepted after it is filed"
        )
      }
    }
    if let r = reference,
      r.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || r.contains(where: \.isNewline)
    {
      throw UserError("--reference must be one line of text (the body's reference number)")
    }
    let (store, id) = try env.requireStoredCase(caseRef)
    var previous: CalendarDate?
    let updated = try store.update(id) { c in
      var filing = c.filing ?? Filing()
      previous = filing.filedOn
      if let bought = c.purchase?.date, on < bought {
        throw UserError("--on \(on.iso) is before the purchase on \(bought.iso) (purchase.date)")
      }
      if acceptedOn == nil, let accepted = filing.acceptedOn, accepted < on {
        throw UserError(
          "the case was accepted on \(accepted.iso), before --on \(on.iso); give --accepted-on too if that changed"
        )
      }
      if let early = filing.events.first(where: { ($0.date?.date).map { $0 < on } ?? false }),
        let when = early.date
      {
        throw UserError(
          "a \(early.kind?.rawValue ?? "logged") event is recorded on \(when.date.iso), before --on \(on.iso); "
            + "check the filing day")
      }
      filing.filedOn = on
      if let accepted = acceptedOn { filing.acceptedOn = accepted }
      if let r = reference { filing.reference = r }
      c.filing = filing
    }
    var line = "\(id): filed on \(on.iso)"
    if let p = previous, p != on { line += " (was \(p.iso))" }
    if let accepted = updated.filing?.acceptedOn { line += ", accepted on \(accepted.iso)" }
    if let r = updated.filing?.reference { line += ", reference \(r)" }
    env.output.out(line)
    env.output.out("`redress status` shows the response window and its due day.")
    return 0
  }
}
