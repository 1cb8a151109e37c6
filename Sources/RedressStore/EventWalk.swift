import Foundation
import GRDB
import RedressCore

/// The events of every stored case, read in case order beside a query over `stored_case` in id
/// order: both are sorted by case id, so each case takes its events by walking the two in step.
final class EventWalk {
  private let statement: Statement
  private let cursor: FastDatabaseValueCursor<String>
  private let notes: Bool
  private var pending: (caseID: String, event: FilingEvent)?

  /// `notes`: whether to read each event's note (`status` does not need them).
  init(_ db: Database, notes: Bool) throws {
    statement = try db.makeStatement(
      sql:
        "SELECT case_id, day, minute, kind\(notes ? ", note" : "") FROM case_event ORDER BY case_id, position"
    )
    cursor = try String.fetchCursor(statement)
    self.notes = notes
    pending = try next()
  }

  /// The events of case `id`, in their order; call with ids in ascending order.
  func take(for id: String) throws -> [FilingEvent] {
    var events: [FilingEvent] = []
    // SQLite orders text by bytes; compare the same way (not by Unicode equivalence).
    while let (caseID, event) = pending, !id.utf8.lexicographicallyPrecedes(caseID.utf8) {
      if caseID.utf8.elementsEqual(id.utf8) { events.append(event) }
      pending = try next()
    }
    return events
  }

  private func next() throws -> (String, FilingEvent)? {
    guard let caseID = try cursor.next() else { return nil }
    let es = statement.sqliteStatement
    var e = FilingEvent()
    if let day = Int.fromStatement(es, atUncheckedIndex: 1) {
      e.date = EventDate(
        date: CalendarDate(julianDay: day), minuteOfDay: Int.fromStatement(es, atUncheckedIndex: 2))
    }
    e.kind = String.fromStatement(es, atUncheckedIndex: 3).flatMap(FilingEventKind.init(rawValue:))
    if notes { e.note = String.fromStatement(es, atUncheckedIndex: 4) }
    return (caseID, e)
  }
}
