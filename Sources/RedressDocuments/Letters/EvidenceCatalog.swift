import Foundation
import RedressCore

/// The exhibits of a case, numbered once for every document: the letter refers to 证据3, the
/// evidence list's row 3 is the same item, and the bundle holds its file as
/// `证据03-<title>.<ext>`. The numbering is the order of `evidence` in the case file.
public struct EvidenceCatalog: Sendable {
  public struct Entry: Sendable, Hashable {
    /// 1-based.
    public var number: Int
    public var evidence: Evidence
    /// The file's name in the bundle, when the exhibit has a file.
    public var bundleName: String?
  }

  public var entries: [Entry]

  /// Numbers the case's evidence; `prefix` is the terms' `file_names.evidence` pattern
  /// (`证据{nn}`).
  public init(_ evidence: [Evidence], prefix: String, unnamed: String) {
    let width = max(2, String(evidence.count).count)
    entries = evidence.enumerated().map { offset, item in
      let n = offset + 1
      var name: String?
      if let file = item.file, !file.isEmpty {
        let digits = String(n)
        let nn = String(repeating: "0", count: max(0, width - digits.count)) + digits
        let stem = prefix.replacingOccurrences(of: "{nn}", with: nn)
        let title =
          Self.sanitise(item.title ?? "").isEmpty ? Self.sanitise(unnamed) : Self.sanitise(item.title ?? "")
        let ext = Self.fileExtension(of: file)
        name = stem + "-" + title + (ext.isEmpty ? "" : "." + ext)
      }
      return Entry(number: n, evidence: item, bundleName: name)
    }
  }

  /// Numbers of the exhibits of the given kinds.
  public func numbers(of kinds: Set<EvidenceKind>) -> [Int] {
    entries.filter { $0.evidence.kind.map(kinds.contains) ?? false }.map(\.number)
  }

  /// The number of the exhibit with this id.
  public func number(ofID id: String) -> Int? {
    entries.first { $0.evidence.id == id }?.number
  }

  /// The longest title kept in a file name, in characters.
  public static let maxTitleLength = 40

  /// A title made safe as one file name on every system: no path separators, no `..`, no
  /// control characters or characters Windows forbids, no leading dots or spaces, at most
  /// `maxTitleLength` characters.
  public static func sanitise(_ title: String) -> String {
    let forbidden: Set<Character> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]
    var out = ""
    for c in title {
      if c.unicodeScalars.contains(where: {
        $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
          || $0.value == 0x7F
      }) {
        continue
      }
      if c.isNewline { continue }
      out.append(forbidden.contains(c) ? "_" : c)
    }
    while out.contains("..") { out = out.replacingOccurrences(of: "..", with: ".") }
    out = out.trimmingCharacters(in: CharacterSet(charactersIn: ". ").union(.whitespaces))
    if out.count > maxTitleLength { out = String(out.prefix(maxTitleLength)) }
    return out.trimmingCharacters(in: CharacterSet(charactersIn: ". ").union(.whitespaces))
  }

  /// The extension of an evidence file, lower-cased, letters and digits only, at most ten.
  static func fileExtension(of path: String) -> String {
    let last = path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? path
    guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return "" }
    let ext = last[last.index(after: dot)...].lowercased()
    guard !ext.isEmpty, ext.count <= 10, ext.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
      return ""
    }
    return ext
  }
}
