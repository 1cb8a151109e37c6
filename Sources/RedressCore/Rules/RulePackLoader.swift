import Foundation
import Yams

/// Reads a rule pack (`legal/<jurisdiction>/pack.yaml` and the rule files it lists) and checks
/// it completely: unknown keys, operators and field names, operators applied to the wrong kind
/// of field, words a field cannot hold, missing languages, messages naming undefined values,
/// rules without citations or without both kinds of example, duplicate ids. Every problem is
/// reported with its file, line and column, all of them at once.
public enum RulePackLoader {
  /// `traditional` reads the pack's zh-Hant table (`zh-Hant.yaml`, its largest file) for the
  /// texts without a `zh-Hant` of their own: a command that writes nothing in zh-Hant passes
  /// false and does not read it (its texts then have no zh-Hant). `rules test` reads it.
  public static func load(packAt legal: URL, jurisdiction: String, traditional: Bool = true) throws
    -> RulePack
  {
    let directory = legal.appendingPathComponent(jurisdiction, isDirectory: true)
    let packURL = directory.appendingPathComponent("pack.yaml")
    guard FileManager.default.fileExists(atPath: packURL.path) else {
      let known = RulePackDirectory.jurisdictions(in: legal)
      throw DiagnosticsError([
        Diagnostic(
          .error, file: packURL.path,
          message:
            "no rule pack for jurisdiction '\(jurisdiction)'"
            + (known.isEmpty ? "" : "; available: \(known.joined(separator: ", "))"))
      ])
    }
    let parser = PackParser(
      directory: directory, jurisdiction: jurisdiction,
      traditional: traditional ? try TraditionalTexts.load(directory: directory) : .empty)
    return try parser.parse(packURL)
  }
}
