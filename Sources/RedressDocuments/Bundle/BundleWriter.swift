import Foundation
import RedressFiles

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
/// size and SHA-256) and `SHA256SUMS`. Members are read once, in 1 MiB chunks: one thread
/// hashes them (SHA-256) while another computes the zip's CRC-32, deflates where needed and
/// writes (`ZipWriter`); memory stays constant whatever the evidence size. Media that is
/// already compressed (photos, video, PDF, docx, zip) is stored, everything else deflated.
/// Entry names are UTF-8 (the zip's UTF-8 flag is set). The zip is written through
/// `AtomicFile` (a private temporary folder beside the destination, owner-only, synced,
/// renamed into place only when complete): a failure or a kill never leaves a partial bundle
/// where a whole one is expected.
public enum BundleWriter {
  /// Extensions of formats that are compressed already: deflating them again gains nothing.
  public static let storedExtensions: Set<String> = [
    "jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "avif", "mp4", "m4v", "mov", "avi", "mkv",
    "webm", "3gp", "mp3", "m4a", "aac", "ogg", "oga", "opus", "amr", "flac", "zip", "gz", "tgz", "bz2",
    "xz", "7z", "rar", "pdf", "docx", "xlsx", "pptx", "odt", "ods", "epub",
  ]

  public static func compression(for name: String) -> ZipMethod {
    let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
    return name.contains(".") && storedExtensions.contains(ext) ? .stored : .deflated
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
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
          throw BundleError("cannot create \(temporary.path): \(String(cString: strerror(errno)))")
        }
        let zip = ZipWriter(fd: fd, modified: generatedAt)
        defer {
          zip.stopSyncing()
          close(fd)
        }
        do {
          for m in members {
            let (size, digest) = try add(m, to: zip)
            manifest.files.append(
              BundleManifest.File(
                name: m.name, role: m.role, evidenceID: m.evidenceID, size: size, sha256: digest))
          }
          let json = manifest.json
          _ = try add(
            BundleMember(name: BundleManifest.fileName, role: "manifest", source: .data(json)), to: zip)
          let sums = manifest.sums(manifestDigest: SHA256Stream.digest(json).hex)
          _ = try add(
            BundleMember(name: BundleManifest.sumsFileName, role: "sums", source: .data(sums)), to: zip)
          try zip.finish()
        } catch let e as ZipWriter.IOFailure where !e.reading {
          throw BundleError("cannot write \(destination.path): \(e.message)")
        }
      }
    } catch let e as BundleError {
      throw e
    } catch let e as AtomicFileError {
      // Its message names the path already.
      throw BundleError("cannot write \(e.path): \(e.message)")
    } catch {
      throw BundleError("cannot write \(destination.path): \(error)")
    }
    return manifest
  }

  /// Adds one member, hashing its bytes as they pass; returns its size and SHA-256.
  static func add(_ m: BundleMember, to zip: ZipWriter) throws -> (Int64, String) {
    let hasher = SHA256Stream()
    let method = compression(for: m.name)
    switch m.source {
    case .data(let data):
      var position = 0
      let size = try zip.add(
        name: m.name, method: method, expectedSize: Int64(data.count),
        read: { buffer in
          let n = min(buffer.count, data.count - position)
          if n > 0 {
            data.copyBytes(
              to: buffer.bindMemory(to: UInt8.self),
              from: data.startIndex + position..<data.startIndex + position + n)
          }
          position += n
          return n
        },
        observe: { hasher.update($0) })
      return (size, hasher.finalize().hex)
    case .file(let url):
      let fd = open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
      guard fd >= 0 else {
        if errno == ELOOP {
          throw BundleError(
            "\(url.path) is not a regular file (a link, folder, device or pipe); it cannot be bundled")
        }
        throw BundleError("cannot read \(url.path): \(String(cString: strerror(errno)))")
      }
      defer { close(fd) }
      var st = stat()
      guard fstat(fd, &st) == 0 else {
        throw BundleError("cannot read \(url.path): \(String(cString: strerror(errno)))")
      }
      guard st.st_mode & S_IFMT == S_IFREG else {
        throw BundleError(
          "\(url.path) is not a regular file (a link, folder, device or pipe); it cannot be bundled")
      }
      #if os(Linux)
        _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
      #endif
      do {
        let size = try zip.add(
          name: m.name, method: method, expectedSize: Int64(st.st_size),
          read: { buffer in
            while true {
              let n = read(fd, buffer.baseAddress!, buffer.count)
              if n >= 0 { return n }
              if errno != EINTR { throw ZipWriter.IOFailure(reading: true, code: errno) }
            }
          },
          observe: { hasher.update($0) })
        return (size, hasher.finalize().hex)
      } catch let e as ZipWriter.SizeChanged {
        throw BundleError(
          "\(url.path) changed while it was being bundled (it \(e.read > e.expected ? "grew" : "is shorter than before"))"
        )
      } catch let e as ZipWriter.IOFailure where e.reading {
        throw BundleError("cannot read \(url.path): \(e.message)")
      }
    }
  }
}
