import RedressCore

/// The wording of `store init`, `store migrate` and of a register's writers in `list`/`log`;
/// the texts are in `templates/words/<language>/register.yaml`.
extension CommandWords {
  var writerHeader: String { language.phrase("register.writer-header") }

  func loggedBy(_ role: String) -> String {
    language.phrase("register.logged-by", ["role": role])
  }

  var initNeedsRegister: String { language.phrase("register.init-needs-register") }

  func initDone(_ register: String, applied: [String], granted: [String]) -> String {
    let steps = applied.isEmpty ? language.phrase("register.schema-current") : applied.joined(separator: "; ")
    return language.phrase(
      "register.init-done",
      ["register": register, "steps": steps, "granted": granted.joined(separator: ", ")])
  }

  var migrateNeedsLocal: String { language.phrase("register.migrate-needs-local") }

  func noStoreAt(_ path: String) -> String {
    language.phrase("register.no-store-at", ["path": path])
  }

  func migrated(_ id: String, evidenceFiles n: Int) -> String {
    language.phrase("register.migrated", count: n, ["id": id])
  }

  func migrateSkipped(_ id: String) -> String {
    language.phrase("register.migrate-skipped", ["id": id])
  }

  func migrateRefused(_ id: String, _ why: String) -> String {
    language.phrase("register.migrate-refused", ["id": id, "why": why])
  }

  func migrateSummary(copied: Int, skipped: Int, refused: Int) -> String {
    language.phrase(
      "register.migrate-summary",
      ["copied": String(copied), "skipped": String(skipped), "refused": String(refused)])
  }

  /// The copy is complete but the server's statistics were not refreshed (`why`).
  func statisticsNotRefreshed(_ why: String) -> String {
    language.phrase("register.statistics-not-refreshed", ["why": why])
  }

  /// `store assign` / `unassign` on the local store.
  func assignNeedsRegister(_ command: String) -> String {
    language.phrase("register.assign-needs-register", ["command": command])
  }

  /// Who a case is assigned to now.
  func assignment(_ id: String, owner: String, assigned: [String]) -> String {
    guard !assigned.isEmpty else {
      return language.phrase("register.assignment-none", ["id": id, "owner": owner])
    }
    return language.phrase(
      "register.assignment", ["id": id, "owner": owner, "assigned": assigned.joined(separator: ", ")])
  }
}
