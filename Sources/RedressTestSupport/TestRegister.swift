import Foundation

/// The throwaway PostgreSQL server the store's tests run against (`scripts/with-postgres`,
/// which `make test` wraps around `swift test`): its superuser's URL in `REDRESS_TEST_PG_URL`,
/// the password in `REDRESS_TEST_PG_PASSWORD`. Each test makes its own database and roles.
public enum TestRegister {
  static var environment: [String: String] { ProcessInfo.processInfo.environment }

  /// The superuser's URL (no password), or nil when no server was started for the tests.
  public static var url: String? { environment["REDRESS_TEST_PG_URL"].flatMap { $0.isEmpty ? nil : $0 } }
  public static var isAvailable: Bool { url != nil }
  /// Why the register's tests do not run, for the note (nil when they do).
  public static var skipNote: String? {
    isAvailable
      ? nil
      : "PostgreSQL engine tests skipped: REDRESS_TEST_PG_URL is not set (`make test` starts a server and sets it)"
  }

  static var superPassword: String { environment["REDRESS_TEST_PG_PASSWORD"] ?? "" }

  /// The certificate of the authority that signed the test server's (for `localhost` only).
  public static var certificateAuthority: String? { environment["REDRESS_TEST_PG_CA"] }
  /// An authority that signed nothing the server has.
  public static var otherCertificateAuthority: String? { environment["REDRESS_TEST_PG_OTHER_CA"] }

  /// `host:port` of the server.
  public static var hostPort: (host: String, port: Int) {
    let u = URL(string: url ?? "postgres://127.0.0.1:5432")!
    return (u.host ?? "127.0.0.1", u.port ?? 5432)
  }

  public static var psqlPath: String {
    if let dir = environment["REDRESS_TEST_PG_BINDIR"], FileManager.default.fileExists(atPath: dir + "/psql")
    {
      return dir + "/psql"
    }
    return "/usr/bin/psql"
  }

  /// A database of its own for one test: owned by a new login role (which runs `store init`),
  /// with `advocates` new login roles, each with a password; and the URL of each.
  public struct Database: Sendable {
    public var name: String
    public var owner: Role
    public var advocates: [Role]
    public var supervisor: Role

    public func url(_ role: Role) -> String {
      let (host, port) = TestRegister.hostPort
      return "postgres://\(role.name)@\(host):\(port)/\(name)"
    }
  }

  public struct Role: Sendable {
    public var name: String
    public var password: String
    /// The environment for a process connecting as this role (`PGPASSWORD`).
    public var environment: [String: String] { ["PGPASSWORD": password] }
  }

  /// Runs SQL with psql as `user` on `database`; returns its unaligned, tuples-only output.
  @discardableResult
  public static func psql(_ sql: String, database: String = "postgres", role: Role? = nil) throws
    -> ProcessResult
  {
    let (host, port) = hostPort
    var env = ProcessInfo.processInfo.environment
    env["PGPASSWORD"] = role?.password ?? superPassword
    env["PGCONNECT_TIMEOUT"] = "10"
    return try ProcessRunner.run(
      URL(fileURLWithPath: psqlPath),
      [
        "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", "-h", host, "-p", String(port), "-U",
        role?.name ?? "postgres",
        "-d", database, "-c", sql,
      ], environment: env)
  }

  /// Runs SQL as the superuser and fails the test's setup when it fails.
  static func superuser(_ sql: String, database: String = "postgres") throws {
    let r = try psql(sql, database: database)
    guard r.exitCode == 0 else { throw SetupFailed(message: "psql: \(r.stderr)") }
  }

  public struct SetupFailed: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public init(message: String) { self.message = message }
  }

  /// A fresh database and roles (names unique to this call).
  public static func makeDatabase(advocates: Int = 2) throws -> Database {
    let tag = UUID().uuidString.prefix(8).lowercased()
    func role(_ base: String) throws -> Role {
      let r = Role(name: "\(base)_\(tag)", password: "pw-\(UUID().uuidString)")
      try superuser("CREATE ROLE \(r.name) LOGIN PASSWORD '\(r.password)'")
      return r
    }
    // The role supervisors are members of is the cluster's; a superuser makes it once.
    try superuser(
      """
      DO $$ BEGIN CREATE ROLE redress_supervisor NOLOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$
      """)
    let owner = try role("owner")
    let name = "register_\(tag)"
    try superuser("CREATE DATABASE \(name) OWNER \(owner.name)")
    // Debian's PostgreSQL 15: only the owner may create in the public schema.
    try superuser("ALTER SCHEMA public OWNER TO \(owner.name)", database: name)
    var list: [Role] = []
    for i in 0..<advocates { list.append(try role("advocate\(i + 1)")) }
    let supervisor = try role("supervisor")
    return Database(name: name, owner: owner, advocates: list, supervisor: supervisor)
  }

  /// Makes `role` a member of `redress_supervisor` (after `store init` created it).
  public static func makeSupervisor(_ role: Role) throws {
    try superuser("GRANT redress_supervisor TO \(role.name)")
  }
}
