import Foundation
import RedressFiles
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
    /// Why the member is not `ok`; the command line words it in the user's language.
    public var reason: Reason?
    /// `reason` in English.
    public var detail: String? { reason?.description }

    public init(name: String, status: Status, reason: Reason? = nil) {
      self.name = name
      self.status = status
      self.reason = reason
    }

    /// Why a member was refused, or how it differs from the manifest.
    public enum Reason: Hashable, Sendable, CustomStringConvertible {
      case unsafeName(NameProblem)
      case symbolicLink
      case duplicateName
      case unsafeListedName(NameProblem)
      /// `manifest.json` itself differs from its line in `SHA256SUMS`.
      case manifestDigest(actual: String, listed: String)
      case notInZip
      /// More bytes than the manifest's size (reading stopped there).
      case longer(listed: Int64)
      case unreadable(String)
      case size(actual: Int64, listed: Int64)
      case digest(actual: String, listed: String)
      case notInManifest

      public var description: String {
        switch self {
        case .unsafeName(let problem): return "refused: the member name has \(problem)"
        case .symbolicLink: return "refused: the member is a symbolic link"
        case .duplicateName: return "refused: two members have this name"
        case .unsafeListedName(let problem): return "refused: the manifest names a member with \(problem)"
        case .manifestDigest(let actual, let listed):
          return "its SHA-256 is \(actual), \(BundleManifest.sumsFileName) says \(listed)"
        case .notInZip: return "listed in the manifest but not in the zip"
        case .longer: return "its bytes cannot be read back (damaged: longer than the manifest says)"
        case .unreadable(let error): return "its bytes cannot be read back (damaged: \(error))"
        case .size(let actual, let listed): return "\(actual) bytes, the manifest says \(listed)"
        case .digest(let actual, let listed): return "its SHA-256 is \(actual), the manifest says \(listed)"
        case .notInManifest: return "in the zip but not in the manifest"
        }
      }
    }
  }

  public struct Report: Sendable {
    public var checks: [Check]
    /// Problems of the bundle as a whole (no manifest, manifest and sums disagree).
    public var problems: [Problem]
    public var manifest: BundleManifest?
    public var isIntact: Bool { problems.isEmpty && checks.allSatisfy { $0.status == .ok } }
  }

  /// A problem of the bundle as a whole.
  public enum Problem: Hashable, Sendable, CustomStringConvertible {
    case manifestMissing
    case manifestUnreadable
    case malformedSumsLine(String)
    case sumsOmitManifest
    case sumsMissing
    case listsDisagree(String)
    case sumsOmit(String)

    public var description: String {
      let sums = BundleManifest.sumsFileName
      let manifest = BundleManifest.fileName
      switch self {
      case .manifestMissing: return "\(manifest) is missing: this is not a redress bundle, or it was altered"
      case .manifestUnreadable: return "\(manifest) cannot be read as a bundle manifest"
      case .malformedSumsLine(let line): return "\(sums) has a line that is not '<sha256>  <name>': \(line)"
      case .sumsOmitManifest: return "\(sums) does not list \(manifest)"
      case .sumsMissing: return "\(sums) is missing or cannot be read"
      case .listsDisagree(let name): return "\(manifest) and \(sums) disagree about \(name)"
      case .sumsOmit(let name): return "\(sums) does not list \(name)"
      }
    }
  }

  /// Why a member name is not safe to extract.
  public enum NameProblem: Hashable, Sendable, CustomStringConvertible {
    case empty, absolute, backslash, controlCharacter, parentComponent, driveLetter, emptyComponent

    public var description: String {
      switch self {
      case .empty: return "the name is empty"
      case .absolute: return "an absolute path"
      case .backslash: return "a backslash (a Windows path separator)"
      case .controlCharacter: return "a control character"
      case .parentComponent: return "a '..' component, which leaves the extraction folder"
      case .driveLetter: return "a drive letter"
      case .emptyComponent: return "an empty path component"
      }
    }
  }

  /// Why `name` is not a safe member name, or nil.
  public static func nameProblem(_ name: String) -> NameProblem? {
    if name.isEmpty { return .empty }
    if name.hasPrefix("/") { return .absolute }
    if name.contains("\\") { return .backslash }
    if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
      return .controlCharacter
    }
    let parts = name.split(separator: "/", omittingEmptySubsequences: false)
    if parts.contains("..") { return .parentComponent }
    if let first = parts.first, first.count == 2, first.last == ":" { return .driveLetter }
    if parts.contains(where: \.isEmpty) { return .emptyComponent }
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
    var problems: [Problem] = []
    var entries: [String: Entry] = [:]
    var order: [String] = []
    for entry in archive {
      let name = entry.path
      if let problem = nameProblem(name) {
        checks.append(Check(name: name, status: .unsafe, reason: .unsafeName(problem)))
        continue
      }
      if entry.type == .directory { continue }
      if entry.type != .file {
        checks.append(Check(name: name, status: .unsafe, reason: .symbolicLink))
        continue
      }
      if entries[name] != nil {
        checks.append(Check(name: name, status: .unsafe, reason: .duplicateName))
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
      problems.append(entries[BundleManifest.fileName] == nil ? .manifestMissing : .manifestUnreadable)
      return Report(checks: checks, problems: problems, manifest: nil)
    }
    let manifestDigest = SHA256Stream.digest(manifestData).hex
    var sums: [String: String] = [:]
    if let sumsData = read(BundleManifest.sumsFileName, limit: 16 << 20) {
      let parsed = BundleManifest.parseSums(sumsData)
      for (name, digest) in parsed.sums { sums[name] = digest }
      for line in parsed.malformed.prefix(5) {
        problems.append(.malformedSumsLine(line))
      }
      if let listed = sums[BundleManifest.fileName], listed != manifestDigest {
        checks.append(
          Check(
            name: BundleManifest.fileName, status: .changed,
            reason: .manifestDigest(actual: manifestDigest, listed: listed)))
      } else if sums[BundleManifest.fileName] == nil {
        problems.append(.sumsOmitManifest)
      }
    } else {
      problems.append(.sumsMissing)
    }

    var listed: Set<String> = [BundleManifest.fileName, BundleManifest.sumsFileName]
    for file in manifest.files {
      listed.insert(file.name)
      if let problem = nameProblem(file.name) {
        checks.append(
          Check(name: file.name, status: .unsafe, reason: .unsafeListedName(problem)))
        continue
      }
      if let s = sums[file.name], s != file.sha256 {
        problems.append(.listsDisagree(file.name))
      } else if !sums.isEmpty && sums[file.name] == nil {
        problems.append(.sumsOmit(file.name))
      }
      guard let entry = entries[file.name] else {
        checks.append(
          Check(name: file.name, status: .missing, reason: .notInZip))
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
        let reason: Check.Reason = size > file.size ? .longer(listed: file.size) : .unreadable("\(error)")
        checks.append(Check(name: file.name, status: .changed, reason: reason))
        continue
      }
      let digest = hasher.finalize().hex
      if size != file.size {
        checks.append(
          Check(name: file.name, status: .changed, reason: .size(actual: size, listed: file.size)))
      } else if digest != file.sha256 {
        checks.append(
          Check(name: file.name, status: .changed, reason: .digest(actual: digest, listed: file.sha256)))
      } else {
        checks.append(Check(name: file.name, status: .ok))
      }
    }
    for name in order where !listed.contains(name) {
      checks.append(Check(name: name, status: .unexpected, reason: .notInManifest))

    }
    return Report(checks: checks, problems: problems, manifest: manifest)
  }
}
