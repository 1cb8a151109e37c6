import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How to reach a PostgreSQL register, read the way libpq reads it, so that a clinic's
/// `psql` set-up works for redress unchanged: the URL `postgres://USER@HOST:PORT/DB?sslmode=…`,
/// then `PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`, `PGSSLMODE`, `PGSSLROOTCERT`, `PGSSLCERT`,
/// `PGSSLKEY`, `PGCONNECT_TIMEOUT`; the password from `PGPASSWORD`, else the password file
/// (`PGPASSFILE`, else `~/.pgpass`; ignored, as libpq does, unless only its owner can read
/// it). A password written in the URL is refused: a command line is visible to every user of
/// the machine (`ps`) and lands in shell histories.
public struct PostgresSettings: Sendable, Equatable, CustomStringConvertible {
  public enum SSLMode: String, Sendable, CaseIterable {
    case disable, allow, prefer, require
    case verifyCA = "verify-ca"
    case verifyFull = "verify-full"
  }

  public var host: String
  public var port: Int
  public var user: String
  public var database: String
  public var sslMode: SSLMode
  /// The CA certificates to trust (`sslrootcert`); "system" for the system's store.
  public var sslRootCert: String?
  public var sslCert: String?
  public var sslKey: String?
  public var connectTimeout: Int
  /// Kept out of `description` and every message.
  var password: String?
  /// Where the password came from, for the message when the server refuses it.
  var passwordSource: String?

  /// The URL without any secret: how messages name the register.
  public var description: String {
    "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
  }

  public static func == (a: Self, b: Self) -> Bool {
    a.description == b.description && a.sslMode == b.sslMode
  }

  /// A problem with the URL or the password file, worded for the person who typed it.
  public struct Problem: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
  }

  public init(url text: String, environment env: [String: String]) throws {
    guard let schemeEnd = text.range(of: "://") else { throw Problem(message: "not a postgres:// URL") }
    var rest = String(text[schemeEnd.upperBound...])
    var query = ""
    if let q = rest.firstIndex(of: "?") {
      query = String(rest[rest.index(after: q)...])
      rest = String(rest[..<q])
    }
    var pathPart = ""
    if let slash = rest.firstIndex(of: "/") {
      pathPart = String(rest[rest.index(after: slash)...])
      rest = String(rest[..<slash])
    }
    var userPart: String?
    if let at = rest.lastIndex(of: "@") {
      userPart = String(rest[..<at])
      rest = String(rest[rest.index(after: at)...])
    }
    if let u = userPart, u.contains(":") {
      throw Problem(
        message:
          "the store URL carries a password; leave it out (a command line is visible to other users "
          + "and kept in shell history) and give it through PGPASSWORD or ~/.pgpass (mode 0600), "
          + "as for psql")
    }
    var params: [String: String] = [:]
    for pair in query.split(separator: "&") where !pair.isEmpty {
      let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let key = Self.decode(String(kv[0]))
      let value = kv.count > 1 ? Self.decode(String(kv[1])) : ""
      if key == "password" {
        throw Problem(
          message:
            "the store URL carries a password (password=…); leave it out and give it through "
            + "PGPASSWORD or ~/.pgpass (mode 0600), as for psql")
      }
      params[key] = value
    }
    func pick(_ fromURL: String?, _ param: String, _ variable: String) -> String? {
      for v in [params[param], fromURL, env[variable]] {
        if let v, !v.isEmpty { return v }
      }
      return nil
    }
    var hostText = rest
    var portText: String?
    if hostText.hasPrefix("["), let close = hostText.firstIndex(of: "]") {
      let after = hostText[hostText.index(after: close)...]
      if after.hasPrefix(":") { portText = String(after.dropFirst()) }
      hostText = String(hostText[hostText.index(after: hostText.startIndex)..<close])
    } else if let colon = hostText.lastIndex(of: ":") {
      portText = String(hostText[hostText.index(after: colon)...])
      hostText = String(hostText[..<colon])
    }
    host = pick(hostText.isEmpty ? nil : Self.decode(hostText), "host", "PGHOST") ?? "localhost"
    if host.hasPrefix("/") {
      throw Problem(message: "a Unix socket (\(host)) is not supported; give the server's host name and port")
    }
    let portString = pick(portText, "port", "PGPORT") ?? "5432"
    guard let p = Int(portString), (1...65535).contains(p) else {
      throw Problem(message: "the port '\(portString)' is not a number from 1 to 65535")
    }
    port = p
    let osUser = env["USER"] ?? env["LOGNAME"] ?? Self.loginName()
    user = pick(userPart.map(Self.decode), "user", "PGUSER") ?? osUser
    database = pick(pathPart.isEmpty ? nil : Self.decode(pathPart), "dbname", "PGDATABASE") ?? user
    let modeText = pick(nil, "sslmode", "PGSSLMODE") ?? "prefer"
    guard let mode = SSLMode(rawValue: modeText) else {
      throw Problem(
        message:
          "sslmode '\(modeText)' is not one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    sslMode = mode
    let home = env["HOME"] ?? NSHomeDirectory()
    sslRootCert = pick(nil, "sslrootcert", "PGSSLROOTCERT") ?? Self.existing(home + "/.postgresql/root.crt")
    sslCert = pick(nil, "sslcert", "PGSSLCERT") ?? Self.existing(home + "/.postgresql/postgresql.crt")
    sslKey = pick(nil, "sslkey", "PGSSLKEY") ?? Self.existing(home + "/.postgresql/postgresql.key")
    connectTimeout = pick(nil, "connect_timeout", "PGCONNECT_TIMEOUT").flatMap(Int.init) ?? 10
    if (mode == .verifyCA || mode == .verifyFull) && sslRootCert == nil {
      throw Problem(
        message:
          "sslmode \(mode.rawValue) needs the CA certificate that signed the server's: put it in "
          + "~/.postgresql/root.crt, or name it with sslrootcert= in the URL or PGSSLROOTCERT "
          + "(sslrootcert=system trusts the system's certificates)")
    }
    if let pw = env["PGPASSWORD"] {
      password = pw
      passwordSource = "PGPASSWORD"
    } else {
      let file = pick(nil, "passfile", "PGPASSFILE") ?? home + "/.pgpass"
      if let pw = try Self.passwordFromFile(file, host: host, port: port, database: database, user: user) {
        password = pw
        passwordSource = file
      }
    }
  }

  /// The password of the first matching line of a libpq password file
  /// (`hostname:port:database:username:password`, `*` matching anything, `\:` and `\\`
  /// escaped). As libpq: a file that others may read or write is ignored, with a warning.
  static func passwordFromFile(_ path: String, host: String, port: Int, database: String, user: String) throws
    -> String?
  {
    var st = stat()
    guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
    if st.st_mode & (S_IRWXG | S_IRWXO) != 0 {
      FileHandle.standardError.write(
        Data(
          ("warning: password file \"\(path)\" has group or world access; permissions should be "
            + "u=rw (0600) or less: it is ignored\n").utf8))
      return nil
    }
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
      if line.hasPrefix("#") { continue }
      var fields: [String] = []
      var current = ""
      var escaped = false
      for ch in line {
        if escaped {
          current.append(ch)
          escaped = false
        } else if ch == "\\" {
          escaped = true
        } else if ch == ":" && fields.count < 4 {
          fields.append(current)
          current = ""
        } else {
          current.append(ch)
        }
      }
      fields.append(current)
      guard fields.count == 5 else { continue }
      func matches(_ field: String, _ value: String) -> Bool { field == "*" || field == value }
      if matches(fields[0], host) && matches(fields[1], String(port)) && matches(fields[2], database)
        && matches(fields[3], user)
      {
        return fields[4]
      }
    }
    return nil
  }

  private static func existing(_ path: String) -> String? {
    FileManager.default.fileExists(atPath: path) ? path : nil
  }

  private static func decode(_ s: String) -> String { s.removingPercentEncoding ?? s }

  private static func loginName() -> String {
    if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
    return "postgres"
  }
}
