import ArgumentParser
import Foundation
import RedressCore
import RedressData
import RedressStore

/// What a command runs with: its streams, the process environment, the interface language,
/// and the seams for the data folders and the case store. Commands get one from
/// `GlobalOptions`; tests build one with captured output.
public struct CommandEnvironment {
  public var output: Output
  public var environment: [String: String]
  public var global: GlobalOptions
  /// The working directory relative paths are resolved against.
  public var currentDirectory: URL

  public init(
    global: GlobalOptions, output: Output? = nil,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  ) {
    self.global = global
    self.environment = environment
    self.output = output ?? Output.standard(noColor: global.noColor, environment: environment)
    self.currentDirectory = currentDirectory
  }

  /// The interface language; asking for it also points the wording (`Words`) at the data
  /// folder this environment uses (`--data`, `$REDRESS_DATA`, the install prefix, the build).
  public var language: InterfaceLanguage {
    Words.useData(explicit: global.data, dataVariable: environment["REDRESS_DATA"]) {
      try? DataLocator.locate(explicit: global.data, environment: environment).templates
    }
    return global.lang ?? InterfaceLanguage.fromEnvironment(environment)
  }

  /// The data folders (`legal/`, `templates/`).
  public func data() throws -> DataLocator {
    do {
      return try DataLocator.locate(explicit: global.data, environment: environment)
    } catch let error as DataLocator.NotFound {
      throw UserError(error.description, exitCode: 3)
    }
  }

  /// Where the store is: `--store` (a folder or a `postgres://` URL), else `$REDRESS_STORE`
  /// (the same), else the folder `storeDirectory`.
  public func storeLocation() throws -> StoreLocation {
    for given in [global.store, environment["REDRESS_STORE"]] {
      guard let s = given, !s.isEmpty else { continue }
      do {
        return try StoreLocation.parse(s, environment: environment, resolve: resolve)
      } catch let e as PostgresSettings.Problem {
        throw UserError("--store: \(e.message)", exitCode: 2)
      }
    }
    return .folder(storeDirectory)
  }

  /// The store folder: `--store`, else `$REDRESS_HOME`, else
  /// `${XDG_DATA_HOME:-~/.local/share}/redress`.
  public var storeDirectory: URL {
    if let s = global.store, !s.isEmpty { return resolve(s) }
    if let s = environment["REDRESS_HOME"], !s.isEmpty { return resolve(s) }
    let base: URL
    if let x = environment["XDG_DATA_HOME"], !x.isEmpty {
      base = resolve(x)
    } else {
      let home =
        environment["HOME"].map { URL(fileURLWithPath: $0) }
        ?? FileManager.default.homeDirectoryForCurrentUser
      base = home.appendingPathComponent(".local/share", isDirectory: true)
    }
    return base.appendingPathComponent("redress", isDirectory: true)
  }

  /// Where `redress calendar import` keeps the user's notices: `calendars/` in the store
  /// folder (`calendars/cn/2027.yaml`), so `--store` and `$REDRESS_HOME` move them with the
  /// cases. A store that is a database URL keeps them in the default folder,
  /// `${XDG_DATA_HOME:-~/.local/share}/redress/calendars`.
  public var userCalendarsDirectory: URL {
    let chosen = [global.store, environment["REDRESS_HOME"]].compactMap { $0 }.first { !$0.isEmpty }
    if let chosen, chosen.contains("://") {
      var plain = self
      plain.global.store = nil
      plain.environment["REDRESS_HOME"] = nil
      return plain.storeDirectory.appendingPathComponent("calendars", isDirectory: true)
    }
    return storeDirectory.appendingPathComponent("calendars", isDirectory: true)
  }

  /// A path as typed, made absolute against the working directory.
  public func resolve(_ path: String) -> URL {
    var p = path
    if p == "~" || p.hasPrefix("~/"), let home = environment["HOME"] {
      p = home + p.dropFirst()
    }
    if p.hasPrefix("/") { return URL(fileURLWithPath: p).standardizedFileURL }
    return currentDirectory.appendingPathComponent(p).standardizedFileURL
  }

  /// Today in the local time zone, unless `--today` fixed it.
  public static func localToday() -> CalendarDate {
    // The C library's local time (TZ, else /etc/localtime, as Foundation's): it spares a
    // command that only needs the day the loading of a whole `Calendar`.
    var now = time(nil)
    var parts = tm()
    if localtime_r(&now, &parts) != nil,
      let day = CalendarDate(
        year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    {
      return day
    }
    let components = Calendar.current.dateComponents([.year, .month, .day], from: Date())
    return CalendarDate(year: components.year!, month: components.month!, day: components.day!)!
  }

  /// Prints an error the way the user should see it and returns the exit code.
  public func report(_ error: Error) -> Int32 {
    switch error {
    case let e as DiagnosticsError:
      for d in e.diagnostics { output.err(DiagnosticPrinter.format(d, output: output, in: currentDirectory)) }
      return 2
    case let e as UserError:
      output.err(output.styleErr("error:", .red) + " " + e.message)
      return e.exitCode
    case let e as ExitCode:
      return e.rawValue
    default:
      output.err(output.styleErr("error:", .red) + " \(error)")
      return 2
    }
  }
}

/// A command whose body returns an exit code and whose errors are printed for a person
/// (never a stack trace or a raw `DecodingError`).
public protocol RedressRunnable: ParsableCommand {
  var global: GlobalOptions { get }
  func execute(_ env: CommandEnvironment) throws -> Int32
}

extension RedressRunnable {
  public mutating func run() throws {
    let env = CommandEnvironment(global: global)
    let code: Int32
    do {
      code = try execute(env)
    } catch {
      code = env.report(error)
    }
    if code != 0 { throw ExitCode(code) }
  }
}

/// Parses `--today`-style dates for argument-parser.
extension CalendarDate: ExpressibleByArgument {
  public init?(argument: String) { self.init(iso: argument) }
  public var defaultValueDescription: String { iso }
}
