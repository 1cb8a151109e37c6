import Foundation
import RedressCore

/// `manifest.json` of an evidence bundle: which case, when it was made, and every member
/// with its size and SHA-256. `SHA256SUMS` holds the same digests (and the manifest's own) in
/// the form `sha256sum -c` reads.
public struct BundleManifest: Hashable, Sendable {
  public static let format = "redress-bundle"
  public static let version = 1
  public static let fileName = "manifest.json"
  public static let sumsFileName = "SHA256SUMS"

  public struct File: Hashable, Sendable {
    public var name: String
    /// `letter`, `letter-docx`, `evidence-list`, `power-of-attorney` or `evidence`.
    public var role: String
    /// The case's evidence id, for an evidence file.
    public var evidenceID: String?
    public var size: Int64
    /// 64 lower-case hex digits.
    public var sha256: String

    public init(name: String, role: String, evidenceID: String? = nil, size: Int64, sha256: String) {
      self.name = name
      self.role = role
      self.evidenceID = evidenceID
      self.size = size
      self.sha256 = sha256
    }
  }

  public var caseID: String?
  /// ISO 8601 with the local offset: `2026-11-22T14:05:09+08:00`.
  public var generatedAt: String
  public var files: [File]

  public init(caseID: String?, generatedAt: String, files: [File]) {
    self.caseID = caseID
    self.generatedAt = generatedAt
    self.files = files
  }

  /// The manifest as pretty JSON with a fixed key order, UTF-8, names written as themselves.
  public var json: Data {
    var s = "{\n"
    s += "  \"format\": \(Self.quote(Self.format)),\n"
    s += "  \"version\": \(Self.version),\n"
    s += "  \"case\": \(caseID.map(Self.quote) ?? "null"),\n"
    s += "  \"generated_at\": \(Self.quote(generatedAt)),\n"
    s += "  \"files\": ["
    for (i, f) in files.enumerated() {
      s += i == 0 ? "\n" : ",\n"
      s += "    {\"name\": \(Self.quote(f.name)), \"role\": \(Self.quote(f.role)), "
      if let e = f.evidenceID { s += "\"evidence\": \(Self.quote(e)), " }
      s += "\"size\": \(f.size), \"sha256\": \(Self.quote(f.sha256))}"
    }
    s += files.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
    return Data(s.utf8)
  }

  /// `SHA256SUMS`: one `<hex>  <name>` line per file (two spaces: binary-safe text mode that
  /// `sha256sum -c` accepts), the manifest's own line last.
  public func sums(manifestDigest: String) -> Data {
    var s = ""
    for f in files { s += "\(f.sha256)  \(f.name)\n" }
    s += "\(manifestDigest)  \(Self.fileName)\n"
    return Data(s.utf8)
  }

  /// Reads a manifest written by `json`; nil when it is not one.
  public static func parse(_ data: Data) -> BundleManifest? {
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      object["format"] as? String == format,
      let generatedAt = object["generated_at"] as? String,
      let list = object["files"] as? [[String: Any]]
    else { return nil }
    var files: [File] = []
    for entry in list {
      guard let name = entry["name"] as? String, let sha = entry["sha256"] as? String,
        let size = (entry["size"] as? NSNumber)?.int64Value
      else { return nil }
      files.append(
        File(
          name: name, role: entry["role"] as? String ?? "", evidenceID: entry["evidence"] as? String,
          size: size, sha256: sha.lowercased()))
    }
    return BundleManifest(caseID: object["case"] as? String, generatedAt: generatedAt, files: files)
  }

  /// Reads `SHA256SUMS` lines (`<hex>  <name>` or `<hex> *<name>`) into name → digest;
  /// malformed lines are returned apart.
  public static func parseSums(_ data: Data) -> (sums: [(name: String, sha256: String)], malformed: [String])
  {
    var sums: [(String, String)] = []
    var malformed: [String] = []
    let text = String(decoding: data, as: UTF8.self)
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      let chars = Array(line)
      guard chars.count > 66, chars[64] == " ", chars[65] == " " || chars[65] == "*",
        chars[0..<64].allSatisfy(\.isHexDigit)
      else {
        malformed.append(String(line))
        continue
      }
      sums.append((String(chars[66...]), String(chars[0..<64]).lowercased()))
    }
    return (sums, malformed)
  }

  /// A JSON string literal (the one quoting of `OrderedJSON`).
  static func quote(_ s: String) -> String {
    var out = ""
    OrderedJSON.quote(s, into: &out)
    return out
  }
}
