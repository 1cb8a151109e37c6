import Foundation
import Yams

/// The names of administrative divisions a body's name may contain, with their GB/T 2260
/// codes (`legal/<jurisdiction>/regions.yaml`): the interview derives a case's `region` from the
/// name of the body the letter is addressed to.
public struct RegionNames: Sendable {
  public struct Entry: Hashable, Sendable {
    public var code: String
    public var names: [String]
  }

  public var entries: [Entry]

  public init(entries: [Entry]) { self.entries = entries }

  /// Loads `legal/<jurisdiction>/regions.yaml`; nil when the jurisdiction has none.
  public static func load(jurisdiction: String, legal: URL) throws -> RegionNames? {
    let url = legal.appendingPathComponent("\(jurisdiction)/regions.yaml")
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    let display = "legal/\(jurisdiction)/regions.yaml"
    let root = try YAMLDocumentLoader.load(contentsOf: url, displayName: display)
    let r = YAMLNodeReader(file: display)
    var entries: [Entry] = []
    if let top = r.mapping(root, path: "", allowed: ["schema", "regions"]) {
      r.schema(top, of: root, reads: SchemaVersion(current: 1))
      if let n = r.required("regions", in: top, parent: root, path: ""),
        let list = r.sequence(n, path: "regions")
      {
        var seen: Set<String> = []
        for (i, item) in list.enumerated() {
          let p = "regions[\(i)]"
          guard let m = r.mapping(item, path: p, allowed: ["code", "names"]) else { continue }
          guard let node = r.required("code", in: m, parent: item, path: p),
            let code = r.string(node, path: "\(p).code")
          else { continue }
          if let problem = RegionCode.problem(with: code) {
            r.error(problem, at: m["code"], path: "\(p).code")
          }
          if !seen.insert(code).inserted {
            r.error("code \(code) appears twice", at: m["code"], path: "\(p).code")
          }
          var names: [String] = []
          if let nn = m["names"], let l = r.sequence(nn, path: "\(p).names") {
            for (j, x) in l.enumerated() {
              if let s = r.string(x, path: "\(p).names[\(j)]"), !s.isEmpty { names.append(s) }
            }
          }
          if names.isEmpty { r.error("a region needs at least one name", at: item, path: "\(p).names") }
          entries.append(Entry(code: code, names: names))
        }
      }
    }
    if r.hasErrors { throw DiagnosticsError(r.diagnostics) }
    return RegionNames(entries: entries)
  }

  /// The region a body's name names: every entry whose name it contains; when they lie in one
  /// province, the most specific (a district before its city before its province); when they
  /// lie in different provinces, the one named first. Nil when it names none.
  public func region(in text: String?) -> String? {
    guard let text, !text.isEmpty else { return nil }
    var matches: [(code: String, at: Int)] = []
    for e in entries {
      for name in e.names {
        if let range = text.range(of: name) {
          matches.append((e.code, text.distance(from: text.startIndex, to: range.lowerBound)))
          break
        }
      }
    }
    guard let first = matches.min(by: { $0.at < $1.at }) else { return nil }
    let province = RegionCode.province(of: first.code)
    let same = matches.filter { RegionCode.province(of: $0.code) == province }
    return same.max { Self.specificity($0.code) < Self.specificity($1.code) }?.code
  }

  /// 0 for a province (`330000`), 1 for a city (`330100`), 2 for a district (`330106`).
  static func specificity(_ code: String) -> Int {
    if code.hasSuffix("0000") { return 0 }
    if code.hasSuffix("00") { return 1 }
    return 2
  }

  /// The significant prefix of a code: `33` for 330000, `3301` for 330100, the code itself for a
  /// district.
  public static func prefix(of code: String) -> String {
    switch specificity(code) {
    case 0: return String(code.prefix(2))
    case 1: return String(code.prefix(4))
    default: return code
    }
  }
}
