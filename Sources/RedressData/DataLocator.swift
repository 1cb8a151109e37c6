import Foundation

/// Finds the data folders (`legal/` and `templates/`) at run time. The places, in order:
/// 1. an explicit folder (the `--data` flag), else `$REDRESS_DATA`: when either is given it is
///    the only place, so a mistyped folder is an error rather than a silent fallback;
/// 2. the install prefix relative to the executable: `BIN/../share/redress` (what `make
///    install` lays out, wherever the tree was moved);
/// 3. the build folder's resource bundle beside the executable
///    (`.build/debug/redress_RedressData.resources`).
///
/// It never stops the program: SwiftPM's generated `Bundle.module` ends the process when the
/// bundle is missing (an installed or moved binary), so it is not used. When no place holds
/// both folders, the error lists every place that was tried and why it did not do.
public struct DataLocator: Sendable {
  /// A folder holding `legal/` and `templates/`.
  public let root: URL

  public var legal: URL { root.appendingPathComponent("legal", isDirectory: true) }
  public var templates: URL { root.appendingPathComponent("templates", isDirectory: true) }

  public init(root: URL) { self.root = root }

  /// The name SwiftPM gives the resource bundle of the `RedressData` target.
  public static let buildBundleName = "redress_RedressData.resources"

  /// Where the data was looked for, and why each place did not do.
  public struct NotFound: Error, CustomStringConvertible, Sendable {
    public let tried: [(place: String, why: String)]
    public var description: String {
      var lines = ["cannot find redress's data folders (legal/ and templates/); tried:"]
      for entry in tried { lines.append("  \(entry.place): \(entry.why)") }
      lines.append("pass --data DIR or set REDRESS_DATA to the folder that holds legal/ and templates/")
      return lines.joined(separator: "\n")
    }
  }

  /// Resolves the data folder. `explicit` is the `--data` flag's value, `environment` the
  /// process environment and `executable` the running binary (injected so tests can vary them).
  public static func locate(
    explicit: String? = nil,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executable: URL? = nil
  ) throws -> DataLocator {
    var candidates: [(String, URL)] = []
    if let explicit, !explicit.isEmpty {
      candidates.append(("--data \(explicit)", URL(fileURLWithPath: explicit)))
    } else if let env = environment["REDRESS_DATA"], !env.isEmpty {
      candidates.append(("REDRESS_DATA=\(env)", URL(fileURLWithPath: env)))
    } else if let exe = executable ?? runningExecutable() {
      let bin = exe.deletingLastPathComponent()
      let share = bin.deletingLastPathComponent()
        .appendingPathComponent("share", isDirectory: true)
        .appendingPathComponent("redress", isDirectory: true)
      candidates.append(("the install prefix \(share.path)", share))
      let bundle = bin.appendingPathComponent(buildBundleName, isDirectory: true)
      candidates.append(("the build folder \(bundle.path)", bundle))
    }
    var tried: [(place: String, why: String)] = []
    for (place, url) in candidates {
      let missing = ["legal", "templates"].filter { !isFolder(url.appendingPathComponent($0)) }
      if missing.isEmpty { return DataLocator(root: url.standardizedFileURL) }
      if !isFolder(url) {
        tried.append((place, "no such folder"))
      } else {
        tried.append((place, "no " + missing.map { $0 + "/" }.joined(separator: " or ")))
      }
    }
    if candidates.isEmpty {
      tried.append(("the running executable", "its path could not be read"))
    }
    throw NotFound(tried: tried)
  }

  /// The running binary with every symbolic link resolved (`/proc/self/exe` on Linux), so
  /// that a link in `~/bin` to an installed `bin/redress` still finds `share/redress`.
  static func runningExecutable() -> URL? {
    #if os(Linux)
      if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
        return URL(fileURLWithPath: path)
      }
    #endif
    if let url = Bundle.main.executableURL { return url.resolvingSymlinksInPath() }
    guard let first = CommandLine.arguments.first, first.contains("/") else { return nil }
    return URL(fileURLWithPath: first).resolvingSymlinksInPath()
  }

  private static func isFolder(_ url: URL) -> Bool {
    var isDir: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
  }
}
