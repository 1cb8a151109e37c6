import ArgumentParser
import RedressCore
import RedressStore

struct LogCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "log",
    abstract: "Records an event: response, follow-up, mediation, closed or note.",
    discussion: """
      response: the business or the body answered; follow-up: you chased them (催办);
      mediation: a mediation session; closed: the complaint ended; note: anything else.
      Every kind but note needs the filing recorded first (`redress file`).
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "A stored case.") var caseRef: String
  @Option(help: "response, follow-up, mediation, closed or note.") var kind: String
  @Option(help: "The day it happened.") var on: CalendarDate
  @Option(help: "What happened.") var note: String?

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    guard let eventKind = FilingEventKind(rawValue: kind) else {
      throw UserError(env.words.badEventKind(kind))
    }
    let today = CommandEnvironment.localToday()
    if on > today { throw UserError(env.words.logAfterToday(on, today: today)) }
    let (store, id) = try env.requireStoredCase(caseRef)
    try store.update(id) { c in
      var filing = c.filing ?? Filing()
      if let filed = filing.filedOn {
        if on < filed {
          throw UserError(env.words.beforeFiling("--on", on, filed: filed, field: "filing.filed_on"))
        }
      } else if eventKind != .note {
        throw UserError(env.words.notFiledYet(id))
      }
      var event = FilingEvent()
      event.date = EventDate(date: on)
      event.kind = eventKind
      event.note = note
      filing.events.append(event)
      // Keep the events in time order; same-day events keep the order they were logged in.
      filing.events = filing.events.enumerated().sorted { a, b in
        let da = a.element.date
        let db = b.element.date
        if da != db, let x = da, let y = db { return x < y }
        return a.offset < b.offset
      }.map(\.element)
      c.filing = filing
    }
    env.output.out(env.words.logged(id, eventKind, on: on) + (store.writer.map(env.words.loggedBy) ?? ""))
    return 0
  }
}
