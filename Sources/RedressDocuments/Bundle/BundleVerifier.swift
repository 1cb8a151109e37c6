import Foundation
import RedressStore
import ZIPFoundation

/// Checks an evidence bundle (`redress verify FILE.zip`): every member is hashed again and
/// compared with `manifest.json` and `SHA256SUMS`; a member whose bytes changed, one the
/// manifest lists but the zip lacks, one the zip has but the manifest does not list, and any
/// member name that could escape an extraction folder (absolute, `..`, a backslash, a
/// control character) are each reported by name. Members are read in chunks and never past
/// the size the manifest gives, so a hostile zip cannot exhaust memory or time.
public enum BundleVerifier {
  public struct Check: Hashable, Sendable {
    public enum Status: String, Sendable {
      case ok, changed, missing, unexpected, unsafe, unreadable
    }
    public var name: String
    public var status: Status
    public var detail: String?
  }

  public struct Report: Sendable {
    public var checks: [Check]
    /// Problems of the bundle as a whole (no manifest, manifest and sums disagree).
    public var problems: [String]
    public var manifest: BundleManifest?
    public var isIntact: Bool { problems.isEmpty && checks.allSatisfy { $0.status == .ok } }
  }

  /// Why `name` is not a safe member name, or nil.
  public static func nameProblem(_ name: String) -> String? {
    if name.isEmpty { return "the name is empty" }
    if name.hasPrefix("/") { return "an absolute path" }
    if name.contains("\\") { return "a backslash (a Windows path separator)" }
    if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
      return "a control character"
    }
    let parts = name.split(separator: "/", omittingEmptySubsequences: false)
    if parts.contains("..") { return "a '..' component, which leaves the extraction folder" }
    if let first = parts.first, first.count == 2, first.last == ":" { return "a drive letter" }
    if parts.contains(where: \.isEmpty) { return "an empty path component" }
    return nil
  }

  /// Verifies the bundle at `url`. Throws `BundleError` when the file is not a zip at all.
  public static func verify(zipAt url: URL) throws -> Report {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
      throw BundleError("no bundle \(url.path): the file does not exist")
    }
    guard !isFolder.boolValue else { throw BundleError("\(url.path) is a folder, not a bundle (zip)") }
    let archive: Archive
    do {
      archive = try Archive(url: url, accessMode: .read)
    } catch {
      throw BundleError("\(url.path) is not a zip file, or is damaged beyond reading")
    }
    var checks: [Check] = []
    var problems: [String] = []
    var entries: [String: Entry] = [:]
    var order: [String] = []
    for entry in archive {
      let name = entry.path
      if let problem = nameProblem(name) {
        checks.append(Check(name: name, status: .unsafe, detail: "refused: the member name has \(problem)"))
        continue
      }
      if entry.type == .directory { continue }
      if entry.type != .file {
        checks.append(Check(name: name, status: .unsafe, detail: "refused: the member is a symbolic link"))
        continue
      }
      if entries[name] != nil {
        checks.append(Check(name: name, status: .unsafe, detail: "refused: two members have this name"))
        continue
      }
      entries[name] = entry
      order.append(name)
    }

    func read(_ name: String, limit: Int64) -> Data? {
      guard let entry = entries[name] else { return nil }
      var data = Data()
      do {
        _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: true) { chunk in
          data.append(chunk)
          if Int64(data.count) > limit { throw BundleError("too large") }
        }
      } catch { return nil }
      return data
    }

    guard let manifestData = read(BundleManifest.fileName, limit: 16 << 20),
      let manifest = BundleManifest.parse(manifestData)
    else {
      problems.append(
        entries[BundleManifest.fileName] == nil
          ? "\(BundleManifest.fileName) is missing: this is not a redress bundle, or it was altered"
          : "\(BundleManifest.fileName) cannot be read as a bundle manifest")
      return Report(checks: checks, problems: problems, manifest: nil)
    }
    let manifestDigest = SHA256Stream.digest(manifestData).hex
    var sums: [String: String] = [:]
    if let sumsData = read(BundleManifest.sumsFileName, limit: 16 << 20) {
      let parsed = BundleManifest.parseSums(sumsData)
      for (name, digest) in parsed.sums { sums[name] = digest }
      for line in parsed.malformed.prefix(5) {
        problems.append("\(BundleManifest.sumsFileName) has a line that is not '<sha256>  <name>': \(line)")
      }
      if let listed = sums[BundleManifest.fileName], listed != manifestDigest {
        checks.append(
          Check(
            name: BundleManifest.fileName, status: .changed,
            detail: "its SHA-256 is \(manifestDigest), \(BundleManifest.sumsFileName) says \(listed)"))
      } else if sums[BundleManifest.fileName] == nil {
        problems.append("\(BundleManifest.sumsFileName) does not list \(BundleManifest.fileName)")
      }
    } else {
      problems.append("\(BundleManifest.sumsFileName) is missing or cannot be read")
    }

    var listed: Set<String> = [BundleManifest.fileName, BundleManifest.sumsFileName]
    for file in manifest.files {
      listed.insert(file.name)
      if let problem = nameProblem(file.name) {
        checks.append(
          Check(
            name: file.name, status: .unsafe, detail: "refused: the manifest names a member with \(problem)"))
        continue
      }
      if let s = sums[file.name], s != file.sha256 {
        problems.append("manifest.json and SHA256SUMS disagree about \(file.name)")
      } else if !sums.isEmpty && sums[file.name] == nil {
        problems.append("SHA256SUMS does not list \(file.name)")
      }
      guard let entry = entries[file.name] else {
        checks.append(
          Check(name: file.name, status: .missing, detail: "listed in the manifest but not in the zip"))
        continue
      }
      let hasher = SHA256Stream()
      var size: Int64 = 0
      do {
        _ = try archive.extract(entry, bufferSize: 1 << 20, skipCRC32: true) { chunk in
          size += Int64(chunk.count)
          if size > file.size { throw BundleError("longer than the manifest says") }
          hasher.update(chunk)
        }
      } catch {
        checks.append(
          Check(
            name: file.name, status: .changed, detail: "its bytes cannot be read back (damaged: \(error))"))
        continue
      }
      let digest = hasher.finalize().hex
      if size != file.size {
        checks.append(
          Check(name: file.name, status: .changed, detail: "\(size) bytes, the manifest says \(file.size)"))
      } else if digest != file.sha256 {
        checks.append(
          Check(
            name: file.name, status: .changed,
            detail: "its SHA-256 is \(digest), the manifest says \(file.sha256)"))
      } else {
        checks.append(Check(name: file.name, status: .ok, detail: nil))
      }
    }
    for name in order where !listed.contains(name) {
      checks.append(Check(name: name, status: .unexpected, detail: "in the zip but not in the manifest"))
    }
    return Report(checks: checks, problems: problems, manifest: manifest)
  }
}
