import Foundation
import PostgresNIO

/// One connection to the register, used synchronously (the commands are synchronous): every
/// query waits for its result on the calling thread while SwiftNIO's threads do the talking.
/// Nothing is logged (a query's text could carry a case's data); errors become `StoreError`s
/// that say what the server said, never a password.
final class PostgresSession: @unchecked Sendable {
  let connection: PostgresConnection
  let settings: PostgresSettings
  let logger: Logger

  private init(connection: PostgresConnection, settings: PostgresSettings, logger: Logger) {
    self.connection = connection
    self.settings = settings
    self.logger = logger
  }

  deinit { try? connection.close().wait() }

  static func connect(_ settings: PostgresSettings) throws -> PostgresSession {
    var logger = Logger(label: "redress.register")
    logger.logLevel = .critical
    let tls: PostgresConnection.Configuration.TLS
    do {
      tls = try makeTLS(settings)
    } catch {
      throw StoreError(.unusableStore, "cannot set up TLS for \(settings): \(error)")
    }
    var configuration = PostgresConnection.Configuration(
      host: settings.host, port: settings.port, username: settings.user, password: settings.password,
      database: settings.database, tls: tls)
    configuration.options.connectTimeout = .seconds(Int64(settings.connectTimeout))
    configuration.options.additionalStartupParameters = [("application_name", "redress")]
    if settings.sslMode == .verifyFull { configuration.options.tlsServerName = settings.host }
    do {
      let connection = try PostgresConnection.connect(
        on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1, logger: logger
      ).wait()
      return PostgresSession(connection: connection, settings: settings, logger: logger)
    } catch {
      throw describe(error, settings: settings, connecting: true)
    }
  }

  private static func makeTLS(_ s: PostgresSettings) throws -> PostgresConnection.Configuration.TLS {
    var config = TLSConfiguration.makeClientConfiguration()
    switch s.sslMode {
    case .disable: return .disable
    case .allow, .prefer, .require:
      // libpq: require checks the server's certificate only when a root certificate is given.
      if s.sslMode == .require, let root = s.sslRootCert {
        config.trustRoots = root == "system" ? .default : .file(root)
        config.certificateVerification = .noHostnameVerification
      } else {
        config.certificateVerification = .none
      }
    case .verifyCA, .verifyFull:
      if let root = s.sslRootCert, root != "system" { config.trustRoots = .file(root) }
      config.certificateVerification = s.sslMode == .verifyFull ? .fullVerification : .noHostnameVerification
    }
    if let cert = s.sslCert, let key = s.sslKey {
      config.certificateChain = try NIOSSLCertificate.fromPEMFile(cert).map { .certificate($0) }
      config.privateKey = .file(key)
    }
    let context = try NIOSSLContext(configuration: config)
    return s.sslMode == .allow || s.sslMode == .prefer ? .prefer(context) : .require(context)
  }

  /// Runs one statement and returns its rows.
  @discardableResult
  func query(_ q: PostgresQuery) throws -> [PostgresRow] {
    try run(q).rows
  }

  /// Runs one statement and returns how many rows it changed.
  @discardableResult
  func execute(_ q: PostgresQuery) throws -> Int {
    try run(q).metadata.rows ?? 0
  }

  /// Sends a statement without waiting for it (pipelining); wait on the future later.
  func send(_ q: PostgresQuery) -> EventLoopFuture<PostgresQueryResult> {
    connection.query(q, logger: logger)
  }

  func wait(_ f: EventLoopFuture<PostgresQueryResult>) throws {
    do {
      _ = try f.wait()
    } catch {
      throw Self.describe(error, settings: settings, connecting: false)
    }
  }

  private func run(_ q: PostgresQuery) throws -> PostgresQueryResult {
    do {
      return try connection.query(q, logger: logger).wait()
    } catch {
      throw Self.describe(error, settings: settings, connecting: false)
    }
  }

  /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
  func transaction<T>(_ body: () throws -> T) throws -> T {
    try execute("BEGIN")
    do {
      let value = try body()
      try execute("COMMIT")
      return value
    } catch {
      _ = try? execute("ROLLBACK")
      throw error
    }
  }

  /// The SQLSTATE of a server error, if `error` is one.
  static func sqlState(_ error: Error) -> String? {
    (error as? PSQLError)?.serverInfo?[.sqlState]
  }

  /// A server's or the network's error as a `StoreError` a person can act on.
  static func describe(_ error: Error, settings: PostgresSettings, connecting: Bool) -> StoreError {
    if let e = error as? StoreError { return e }
    if let e = error as? PSQLError {
      if let info = e.serverInfo {
        let state = info[.sqlState] ?? ""
        let message = info[.message] ?? "error"
        let detail = info[.detail].map { " (\($0))" } ?? ""
        switch state {
        case "28P01", "28000":
          let hint =
            settings.passwordSource.map { " (the password came from \($0))" }
            ?? "; give the password through PGPASSWORD or ~/.pgpass (mode 0600)"
          return StoreError(.permission, "the register \(settings) refused the login: \(message)\(hint)")
        case "3D000":
          return StoreError(.unusableStore, "the register \(settings): \(message); create the database first")
        case "42P01", "42883":
          return StoreError(
            .unusableStore,
            "the register \(settings) has no redress schema yet (\(message)); the database owner runs "
              + "`redress store init` first")
        case "42501":
          return StoreError(.permission, "the register \(settings) refused: \(message)\(detail)")
        case "23505":
          return StoreError(.duplicateID, "\(message)\(detail)")
        case "40001", "40P01":
          return StoreError(.io, "the register \(settings) stopped a transaction (\(message)); run it again")
        default:
          return StoreError(.io, "the register \(settings) failed: \(message)\(detail) [\(state)]")
        }
      }
      if connecting || e.code == .connectionError || e.code == .serverClosedConnection
        || e.code == .uncleanShutdown
      {
        var reason = ""
        if let underlying = e.underlying { reason = ": " + Self.connectionFailure(underlying) }
        if e.code == .sslUnsupported {
          return StoreError(
            .unusableStore,
            "the server \(settings) does not offer TLS, and sslmode \(settings.sslMode.rawValue) needs it")
        }
        return StoreError(.unusableStore, "cannot reach the register \(settings)\(reason)")
      }
      return StoreError(.io, "the register \(settings) failed: \(e.code)")
    }
    if connecting {
      return StoreError(.unusableStore, "cannot reach the register \(settings): \(connectionFailure(error))")
    }
    return StoreError(.io, "the register \(settings) failed: \(error)")
  }

  /// Why a connection was not made, in a person's words where the socket says why (refused,
  /// no answer, no route, a name that does not resolve); SwiftNIO's own words otherwise (a
  /// TLS refusal, for one).
  static func connectionFailure(_ error: Error) -> String {
    if let e = error as? NIOConnectionError {
      if let first = e.connectionErrors.first { return connectionFailure(first.error) }
      if e.dnsAError != nil || e.dnsAAAAError != nil {
        return "the name \(e.host) does not resolve to an address"
      }
    }
    if let e = error as? IOError {
      switch e.errnoCode {
      case ECONNREFUSED:
        return "the connection was refused: is the server running, and listening on that port?"
      case ETIMEDOUT: return "the server did not answer in time"
      case EHOSTUNREACH, ENETUNREACH: return "there is no route to that host"
      default: return String(cString: strerror(e.errnoCode))
      }
    }
    if case ChannelError.connectTimeout = error { return "the server did not answer in time" }
    return "\(error)"
  }
}

/// Reading a row's columns by position.
struct Cells {
  let row: PostgresRandomAccessRow
  init(_ row: PostgresRow) { self.row = PostgresRandomAccessRow(row) }

  func text(_ i: Int) throws -> String? { try row[i].decode(String?.self) }
  func int(_ i: Int) throws -> Int? { try row[i].decode(Int?.self) }
  func bool(_ i: Int) throws -> Bool { try row[i].decode(Bool?.self) ?? false }
  func double(_ i: Int) throws -> Double { try row[i].decode(Double?.self) ?? 0 }
  func bytes(_ i: Int) throws -> ByteBuffer? { try row[i].decode(ByteBuffer?.self) }
  func texts(_ i: Int) throws -> [String] { try row[i].decode([String]?.self) ?? [] }
}
