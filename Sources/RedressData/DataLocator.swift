import Foundation

/// Finds the data folders (`legal/` and `templates/`) at run time: an explicit folder first
/// (the `--data` flag), then `$REDRESS_DATA`, then the resources installed with the binary.
/// When none holds both folders the error lists every place that was tried.
public struct DataLocator: Sendable {
  /// A folder holding `legal/` and `templates/`.
  public let root: URL

  public var legal: URL { root.appendingPathComponent("legal", isDirectory: true) }
  public var templates: URL { root.appendingPathComponent("templates", isDirectory: true) }

  public init(root: URL) { self.root = root }

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
  /// process environment (injected so tests can vary it).
  public static func locate(
    explicit: String? = nil,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> DataLocator {
    var candidates: [(String, URL)] = []
    if let explicit, !explicit.isEmpty {
      candidates.append(("--data \(explicit)", URL(fileURLWithPath: explicit)))
    } else if let env = environment["REDRESS_DATA"], !env.isEmpty {
      candidates.append(("REDRESS_DATA=\(env)", URL(fileURLWithPath: env)))
    } else {
      if let bundled = Bundle.module.resourceURL {
        candidates.append(("installed resources \(bundled.path)", bundled))
      }
      let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
      let share = exe.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("share/redress", isDirectory: true)
      candidates.append(("beside the executable \(share.path)", share))
    }
    var tried: [(place: String, why: String)] = []
    let fm = FileManager.default
    for (place, url) in candidates {
      var missing: [String] = []
      for sub in ["legal", "templates"] {
        var isDir: ObjCBool = false
        if !fm.fileExists(atPath: url.appendingPathComponent(sub).path, isDirectory: &isDir)
          || !isDir.boolValue
        {
          missing.append(sub + "/")
        }
      }
      if missing.isEmpty { return DataLocator(root: url) }
      tried.append((place, "no " + missing.joined(separator: " or ")))
    }
    throw NotFound(tried: tried)
  }
}
