import Foundation

/// The rule packs present under `legal/`: one folder per jurisdiction holding `pack.yaml`.
public enum RulePackDirectory {
  public static func jurisdictions(in legal: URL) -> [String] {
    let fm = FileManager.default
    let names = (try? fm.contentsOfDirectory(atPath: legal.path)) ?? []
    return names.filter {
      fm.fileExists(atPath: legal.appendingPathComponent($0).appendingPathComponent("pack.yaml").path)
    }.sorted()
  }
}
