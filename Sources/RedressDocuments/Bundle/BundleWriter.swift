import Foundation
import RedressStore
import ZIPFoundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One file of an evidence bundle: its name inside the zip and where its bytes come from.
public struct BundleMember: Sendable {
  public enum Source: Sendable {
    case data(Data)
    case file(URL)
  }

  public var name: String
  /// See `BundleManifest.File.role`.
  public var role: String
  public var evidenceID: String?
  public var source: Source

  public init(name: String, role: String, evidenceID: String? = nil, source: Source) {
    self.name = name
    self.role = role
    self.evidenceID = evidenceID
    self.source = source
  }
}

/// A bundle that could not be written; the message names the file and says why.
public struct BundleError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// Writes an evidence bundle: every member, then `manifest.json` (case id, time, each member's
/// size and SHA-256) and `SHA256SUMS`. Members are read once, in 1 MiB chunks that are hashed
/// as they are zipped (constant memory whatever the evidence size). Media that is already
/// compressed (photos, video, PDF, docx, zip) is stored, everything else deflated. Entry names
/// are UTF-8 (ZIPFoundation sets the flag). The zip is written through `AtomicFile` (a private
/// temporary folder beside the destination, owner-only, synced, renamed into place only when
/// complete): a failure or a kill never leaves a partial bundle where a whole one is expected.
public enum BundleWriter {
  /// Extensions of formats that are compressed already: deflating them again gains nothing.
  public static let storedExtensions: Set<String> = [
    "jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "avif", "mp4", "m4v", "mov", "avi", "mkv",
    "webm", "3gp", "mp3", "m4a", "aac", "ogg", "oga", "opus", "amr", "flac", "zip", "gz", "tgz", "bz2",
    "xz", "7z", "rar", "pdf", "docx", "xlsx", "pptx", "odt", "ods", "epub",
  ]

  static let chunkSize = 1 << 20

  public static func compression(for name: String) -> CompressionMethod {
    let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
    return name.contains(".") && storedExtensions.contains(ext) ? .none : .deflate
  }

  /// Writes `members` to `destination` and returns the manifest written into it.
  @discardableResult
  public static func write(
    _ members: [BundleMember], caseID: String?, generatedAt: Date, to destination: URL
  ) throws -> BundleManifest {
    var seen: Set<String> = [BundleManifest.fileName, BundleManifest.sumsFileName]
    for m in members {
      if let problem = BundleVerifier.nameProblem(m.name) {
        throw BundleError("cannot bundle \"\(m.name)\": \(problem)")
      }
      guard seen.insert(m.name).inserted else {
        throw BundleError("two bundle members are named \"\(m.name)\"")
      }
    }
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone.current
    formatter.formatOptions = [.withInternetDateTime]
    var manifest = BundleManifest(caseID: caseID, generatedAt: formatter.string(from: generatedAt), files: [])
    do {
      try AtomicFile.write(to: destination) { temporary in
        try createEmptyZip(at: temporary)
        let archive: Archive
        do {
          archive = try Archive(url: temporary, accessMode: .update)
        } catch {
          throw BundleError("cannot write \(destination.path): \(error)")
        }
        for m in members {
          let (size, digest) = try add(m, to: archive, date: generatedAt)
          manifest.files.append(
            BundleManifest.File(
              name: m.name, role: m.role, evidenceID: m.evidenceID, size: size, sha256: digest))
        }
        let json = manifest.json
        _ = try add(
          BundleMember(name: BundleManifest.fileName, role: "manifest", source: .data(json)), to: archive,
          date: generatedAt)
        let sums = manifest.sums(manifestDigest: SHA256Stream.digest(json).hex)
        _ = try add(
          BundleMember(name: BundleManifest.sumsFileName, role: "sums", source: .data(sums)), to: archive,
          date: generatedAt)
      }
    } catch let e as BundleError {
      throw e
    } catch {
      throw BundleError("cannot write \(destination.path): \(error)")
    }
    return manifest
  }

  /// An empty zip (the end-of-central-directory record alone), created owner-only.
  static func createEmptyZip(at url: URL) throws {
    let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw BundleError("cannot create \(url.path): \(String(cString: strerror(errno)))")
    }
    let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    let eocd: [UInt8] = [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)
    do {
      try handle.write(contentsOf: Data(eocd))
      try handle.close()
    } catch {
      throw BundleError("cannot write \(url.path): \(error)")
    }
  }

  /// Adds one member, hashing its bytes as they pass; returns its size and SHA-256.
  static func add(_ m: BundleMember, to archive: Archive, date: Date) throws -> (Int64, String) {
    let hasher = SHA256Stream()
    let method = compression(for: m.name)
    switch m.source {
    case .data(let data):
      try archive.addEntry(
        with: m.name, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
        permissions: 0o644, compressionMethod: method, bufferSize: chunkSize
      ) { position, size in
        let chunk = data.subdata(in: Int(position)..<Int(position) + size)
        hasher.update(chunk)
        return chunk
      }
      return (Int64(data.count), hasher.finalize().hex)
    case .file(let url):
      var st = stat()
      guard lstat(url.path, &st) == 0 else {
        throw BundleError("cannot read \(url.path): \(String(cString: strerror(errno)))")
      }
      guard st.st_mode & S_IFMT == S_IFREG else {
        throw BundleError(
          "\(url.path) is not a regular file (a link, folder, device or pipe); it cannot be bundled")
      }
      guard let handle = FileHandle(forReadingAtPath: url.path) else {
        throw BundleError("cannot open \(url.path)")
      }
      defer { try? handle.close() }
      let size = Int64(st.st_size)
      var read: Int64 = 0
      do {
        try archive.addEntry(
          with: m.name, type: .file, uncompressedSize: size, modificationDate: date, permissions: 0o644,
          compressionMethod: method, bufferSize: chunkSize
        ) { _, want in
          let chunk = try handle.read(upToCount: want) ?? Data()
          guard chunk.count == want else {
            throw BundleError("\(url.path) changed while it was being bundled (it is shorter than before)")
          }
          read += Int64(chunk.count)
          hasher.update(chunk)
          return chunk
        }
      } catch let e as BundleError {
        throw e
      } catch {
        throw BundleError("cannot bundle \(url.path): \(error)")
      }
      if let extra = try? handle.read(upToCount: 1), !extra.isEmpty {
        throw BundleError("\(url.path) changed while it was being bundled (it grew)")
      }
      return (read, hasher.finalize().hex)
    }
  }
}
