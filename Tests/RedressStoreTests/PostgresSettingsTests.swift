import Foundation
import PostgresNIO
import RedressTestSupport
import Testing

@testable import RedressStore

/// The register's URL and password file, read the way libpq reads them.
@Suite struct PostgresSettingsTests {
  @Test func urlPartsAndLibpqDefaults() throws {
    let s = try PostgresSettings(
      url: "postgres://wang@db.clinic.lan:6543/redress?sslmode=verify-full&sslrootcert=/etc/ca.pem",
      environment: ["HOME": "/nonexistent"])
    #expect(s.host == "db.clinic.lan" && s.port == 6543 && s.user == "wang" && s.database == "redress")
    #expect(s.sslMode == .verifyFull && s.sslRootCert == "/etc/ca.pem")
    #expect(s.description == "postgres://wang@db.clinic.lan:6543/redress")
    let d = try PostgresSettings(
      url: "postgresql://",
      environment: ["HOME": "/nonexistent", "PGHOST": "h", "PGPORT": "5433", "PGUSER": "li"])
    #expect(d.host == "h" && d.port == 5433 && d.user == "li" && d.database == "li" && d.sslMode == .prefer)
    #expect(
      try PostgresSettings(url: "postgres://u@h/db", environment: ["PGSSLMODE": "disable"]).sslMode
        == .disable)
  }

  @Test func aPasswordInTheURLIsRefusedWithoutRepeatingIt() {
    for url in ["postgres://wang:s3cret@h/db", "postgres://wang@h/db?password=s3cret"] {
      do {
        _ = try PostgresSettings(url: url, environment: [:])
        Issue.record("accepted \(url)")
      } catch let e as PostgresSettings.Problem {
        #expect(e.message.contains("PGPASSWORD"))
        #expect(!e.message.contains("s3cret"))
      } catch {
        Issue.record("\(error)")
      }
    }
  }

  @Test func verifyModesNeedARootCertificateAndBadModesAreRefused() {
    #expect(throws: PostgresSettings.Problem.self) {
      try PostgresSettings(
        url: "postgres://u@h/db?sslmode=verify-full", environment: ["HOME": "/nonexistent"])
    }
    #expect(throws: PostgresSettings.Problem.self) {
      try PostgresSettings(url: "postgres://u@h/db?sslmode=sometimes", environment: [:])
    }
    #expect(throws: PostgresSettings.Problem.self) {
      try PostgresSettings(url: "postgres://u@h:99999/db", environment: [:])
    }
  }

  @Test func passwordFileMatchesLikeLibpqAndMustBePrivate() throws {
    let folder = try TempFolder()
    let file = folder.path(".pgpass").path
    let text = """
      # comment
      other:5432:redress:wang:wrong
      db.lan:5432:redress:wang:pa\\:ss\\\\word
      *:*:*:li:any
      """
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    chmod(file, 0o600)
    #expect(
      try PostgresSettings.passwordFromFile(
        file, host: "db.lan", port: 5432, database: "redress", user: "wang")
        == "pa:ss\\word")
    #expect(
      try PostgresSettings.passwordFromFile(file, host: "x", port: 1, database: "y", user: "li") == "any")
    #expect(
      try PostgresSettings.passwordFromFile(file, host: "x", port: 1, database: "y", user: "zhao") == nil)
    chmod(file, 0o640)
    #expect(
      try PostgresSettings.passwordFromFile(
        file, host: "db.lan", port: 5432, database: "redress", user: "wang")
        == nil)
    // PGPASSWORD comes first; the file is found through HOME.
    chmod(file, 0o600)
    let s = try PostgresSettings(url: "postgres://li@x:1/y", environment: ["HOME": folder.url.path])
    #expect(s.password == "any")
    let p = try PostgresSettings(
      url: "postgres://li@x:1/y", environment: ["HOME": folder.url.path, "PGPASSWORD": "env"])
    #expect(p.password == "env")
  }
}

/// A register that cannot be reached is explained in words, not in SwiftNIO's dump.
@Suite struct RegisterConnectionFailureTests {
  @Test func aClosedPortSaysTheConnectionWasRefused() throws {
    // Nothing listens on port 1 of this machine: connecting is refused at once.
    let settings = try PostgresSettings(
      url: "postgres://nobody@127.0.0.1:1/db", environment: ["HOME": "/nonexistent"])
    do {
      _ = try PostgresCaseStore.open(settings)
      Issue.record("connected to port 1")
    } catch let e as StoreError {
      #expect(e.kind == .unusableStore)
      #expect(
        e.message
          == "cannot reach the register postgres://nobody@127.0.0.1:1/db: the connection was refused: is the server running, and listening on that port?"
      )
    }
  }

  @Test func socketErrorsAreSaidInWords() {
    for (code, words) in [
      (ECONNREFUSED, "the connection was refused"), (ETIMEDOUT, "the server did not answer in time"),
      (EHOSTUNREACH, "there is no route to that host"), (ENETUNREACH, "there is no route to that host"),
    ] {
      #expect(PostgresSession.connectionFailure(IOError(errnoCode: code, reason: "connect")).hasPrefix(words))
    }
    #expect(
      PostgresSession.connectionFailure(IOError(errnoCode: EACCES, reason: "connect")) == "Permission denied")
  }
}
