import ArgumentParser
import Foundation
import RedressCore
import RedressStore

/// `redress store init|migrate|assign|unassign`: setting up a team's register on PostgreSQL.
struct StoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "store",
    abstract: "Sets up a team's case register on PostgreSQL, copies a local store into it, assigns cases.",
    subcommands: [
      StoreInitCommand.self, StoreMigrateCommand.self, StoreAssignCommand.self, StoreUnassignCommand.self,
    ])
}

/// `store assign CASE ROLE` and `store unassign CASE ROLE`.
enum StoreAssignment {
  static let discussion = """
    On a PostgreSQL register (--store postgres://USER@HOST:PORT/DB or REDRESS_STORE), only the
    case's owner (the advocate who imported or created it) or a member of redress_supervisor
    may do this: the server refuses anyone else, through redress or psql alike (exit 3). An
    assigned advocate sees and works on the case but cannot hand it on. The role must exist on
    the server (and be granted by `redress store init --grant ROLE` to use the register). The
    local store belongs to one person and has no one to assign to: refused (exit 2).
    """

  static func run(_ env: CommandEnvironment, command: String, id: String, role: String, add: Bool) throws
    -> Int32
  {
    guard case .postgres(let settings) = try env.storeLocation() else {
      throw UserError(env.words.assignNeedsRegister(command))
    }
    do {
      let register = try PostgresCaseStore.open(
        settings, workFolder: StoreLocation.workFolder(for: settings, under: env.storeDirectory))
      let done = try register.assign(id, role: role, add: add)
      env.output.out(env.words.assignment(done.id, owner: done.owner, assigned: done.assigned))
      return 0
    } catch let e as StoreError {
      throw UserError(e.message, exitCode: e.kind == .notFound || e.kind == .invalidCase ? 2 : 3)
    }
  }
}

struct StoreAssignCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "assign",
    abstract: "Assigns a case of the register to another advocate (database role).",
    discussion: StoreAssignment.discussion)

  @OptionGroup var global: GlobalOptions
  @Argument(help: ArgumentHelp("The stored case's id.", valueName: "case")) var caseID: String
  @Argument(help: ArgumentHelp("The advocate's database role.", valueName: "role")) var role: String

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    try StoreAssignment.run(env, command: "assign", id: caseID, role: role, add: true)
  }
}

struct StoreUnassignCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "unassign",
    abstract: "Takes a case of the register back from an advocate it was assigned to.",
    discussion: StoreAssignment.discussion)

  @OptionGroup var global: GlobalOptions
  @Argument(help: ArgumentHelp("The stored case's id.", valueName: "case")) var caseID: String
  @Argument(help: ArgumentHelp("The advocate's database role.", valueName: "role")) var role: String

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    try StoreAssignment.run(env, command: "unassign", id: caseID, role: role, add: false)
  }
}

struct StoreInitCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Creates or migrates the register's schema and grants roles (run by the database owner).",
    discussion: """
      Run as the owner of the database named by --store postgres://USER@HOST:PORT/DB (or
      REDRESS_STORE); the password comes from PGPASSWORD or ~/.pgpass, as for psql. Creates the
      tables, turns on row-level security (each role sees the cases it owns or is assigned to;
      members of redress_supervisor see every case) and grants each --grant role what an
      advocate needs, the refreshing of the server's statistics after bulk writes included.
      Running it again migrates an older schema and adds grants.
      """)

  @OptionGroup var global: GlobalOptions
  @Option(
    name: .customLong("grant"),
    help: ArgumentHelp("A database role to let use the register.", valueName: "role"))
  var roles: [String] = []

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    guard case .postgres(let settings) = try env.storeLocation() else {
      throw UserError(env.words.initNeedsRegister)
    }
    do {
      let (applied, granted) = try PostgresCaseStore.initialize(settings, grant: roles)
      env.output.out(env.words.initDone(settings.description, applied: applied, granted: granted))
      return 0
    } catch let e as StoreError {
      throw UserError(e.message, exitCode: 3)
    }
  }
}

struct StoreMigrateCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "migrate",
    abstract: "Copies the local store (cases, events, evidence) into a PostgreSQL register.",
    discussion: """
      Every evidence file is hashed again as it arrives and must match what the local store
      recorded. A case whose id the register already holds with the same contents is skipped,
      so running it twice adds nothing; one whose id is taken by a different case is refused,
      named, and nothing of it is overwritten (exit 2). When cases were copied, the server
      then refreshes its statistics of the register's tables, so that the next status is
      planned on the rows copied.
      """)

  @OptionGroup var global: GlobalOptions
  @Option(help: ArgumentHelp("The register: postgres://USER@HOST:PORT/DB.", valueName: "url")) var to: String

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    guard case .folder(let folder) = try env.storeLocation() else {
      throw UserError(env.words.migrateNeedsLocal)
    }
    guard
      case .postgres(let settings) = try StoreLocation.parse(
        to, environment: env.environment, resolve: env.resolve)
    else { throw UserError(env.words.migrateNeedsLocal) }
    guard let local = try CaseStore.open(at: folder, create: false) else {
      throw UserError(env.words.noStoreAt(folder.path))
    }
    let register: PostgresCaseStore
    do {
      register = try PostgresCaseStore.open(settings)
    } catch let e as StoreError {
      throw UserError(e.message, exitCode: 3)
    }
    let cases = try local.summaries()
    let bar = ProgressBar(total: cases.count, env: env)
    var copied = 0
    var skipped = 0
    var refused = 0
    for summary in cases {
      defer { bar.advance() }
      do {
        guard let stored = try local.fetch(summary.id) else { continue }
        switch try register.migrate(stored, from: local) {
        case .copied(let n):
          copied += 1
          bar.say(env.words.migrated(summary.id, evidenceFiles: n))
        case .alreadyThere:
          skipped += 1
          bar.say(env.words.migrateSkipped(summary.id))
        }
      } catch let e as StoreError {
        refused += 1
        bar.sayError(
          env.output.styleErr("error:", .red) + " " + env.words.migrateRefused(summary.id, e.message))
      }
    }
    bar.finish()
    // A bulk copy leaves the server's planner without statistics on the new rows; the copy
    // is complete whether or not they can be refreshed now.
    if copied > 0 {
      do {
        try register.refreshStatistics()
      } catch let e as StoreError {
        env.output.err(
          env.output.styleErr("warning:", .yellow) + " " + env.words.statisticsNotRefreshed(e.message))
      }
    }
    env.output.out(env.words.migrateSummary(copied: copied, skipped: skipped, refused: refused))
    return refused > 0 ? 2 : 0
  }
}

/// A progress bar on standard error, drawn only on a terminal; lines said meanwhile go above it.
final class ProgressBar {
  let total: Int
  let env: CommandEnvironment
  let drawn: Bool
  private var done = 0

  init(total: Int, env: CommandEnvironment) {
    self.total = total
    self.env = env
    drawn = isatty(STDERR_FILENO) == 1 && total > 0
    draw()
  }

  func advance() {
    done += 1
    draw()
  }

  func say(_ line: String) {
    clear()
    env.output.out(line)
    draw()
  }

  func sayError(_ line: String) {
    clear()
    env.output.err(line)
    draw()
  }

  func finish() { clear() }

  private func clear() { if drawn { env.output.err("\r\u{1B}[K", terminator: "") } }

  private func draw() {
    guard drawn else { return }
    let width = 30
    let filled = total == 0 ? width : done * width / total
    env.output.err(
      "\r[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        + "] \(done)/\(total)", terminator: "")
  }
}
