import Foundation
import RedressFiles

/// Writes a set of messages as `.eml` files, all or nothing: every message is written into a
/// hidden temporary folder beside the destination, then moved into place; when any step fails,
/// the files already moved are taken back (a file they replaced is restored) and the temporary
/// folder is removed. Files are 0600, a folder it creates 0700. A file about to be replaced is
/// first kept as a second name (a hard link, else a copy) in the temporary folder, so that at
/// every instant its name holds either the old or the new message, even if the process is
/// killed. The temporary folder is locked (`flock`) while the writer lives; one that a killed
/// writer left behind is removed by the next write into the same folder
/// (`AbandonedTemporaries`).
public enum MessageFileWriter {
  /// The prefix of the temporary folders; a UUID follows.
  public static let temporaryPrefix = ".redress-eml-"

  /// The file names for `count` messages of case `caseID`: `<id>.eml`, or `<id>-1of3.eml` ….
  public static func fileNames(caseID: String, count: Int) -> [String] {
    let base = safeFileStem(caseID)
    if count == 1 { return [base + ".eml"] }
    return (1...count).map { "\(base)-\($0)of\(count).eml" }
  }

  /// A case id made safe as a file name.
  static func safeFileStem(_ id: String) -> String {
    let s = MailAttachment.sanitizedFileName(id).replacingOccurrences(of: " ", with: "_")
    return s == "attachment" && id.isEmpty ? "filing" : s
  }

  /// Writes `messages` into `directory` under `fileNames(caseID:count:)`; returns their URLs.
  /// `limit`, when given, is checked against every file actually written.
  @discardableResult
  public static func write(_ messages: [MailMessage], caseID: String, to directory: URL, limit: Int64? = nil)
    throws -> [URL]
  {
    let fm = FileManager.default
    var createdDirectory = false
    var isDir: ObjCBool = false
    if fm.fileExists(atPath: directory.path, isDirectory: &isDir) {
      guard isDir.boolValue else {
        throw MailError.writeFailed(path: directory.path, reason: "it is a file, not a folder")
      }
    } else {
      do {
        try fm.createDirectory(
          at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        createdDirectory = true
      } catch {
        throw MailError.writeFailed(path: directory.path, reason: "the folder cannot be created")
      }
    }
    if !createdDirectory { removeAbandonedTemporaries(in: directory) }
    let staging = directory.appendingPathComponent(temporaryPrefix + UUID().uuidString, isDirectory: true)
    do {
      try fm.createDirectory(
        at: staging, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    } catch {
      if createdDirectory { try? fm.removeItem(at: directory) }
      throw MailError.writeFailed(path: directory.path, reason: "the folder is not writable")
    }
    // Held until the staging folder is gone.
    let lock = AbandonedTemporaries.lock(staging.path, kind: .folder)
    defer { if lock >= 0 { close(lock) } }
    let names = fileNames(caseID: caseID, count: messages.count)
    var placed: [URL] = []
    var backups: [(original: URL, backup: URL)] = []
    do {
      var staged: [URL] = []
      for (message, name) in zip(messages, names) {
        let url = staging.appendingPathComponent(name)
        let written = try writeFile(message, to: url)
        if let limit, written > limit {
          throw MailError.writeFailed(
            path: url.lastPathComponent,
            reason: "the message is \(written) bytes, over the limit of \(limit) (an internal error)")
        }
        staged.append(url)
      }
      for (source, name) in zip(staged, names) {
        let target = directory.appendingPathComponent(name)
        if fm.fileExists(atPath: target.path) {
          let backup = staging.appendingPathComponent(".previous-" + name)
          try keepCopy(of: target, at: backup)
          backups.append((target, backup))
        }
        try move(source, to: target)
        placed.append(target)
      }
    } catch {
      let replaced = Set(backups.map(\.original))
      for url in placed where !replaced.contains(url) { try? fm.removeItem(at: url) }
      for (original, backup) in backups { try? move(backup, to: original) }
      try? fm.removeItem(at: staging)
      if createdDirectory { try? fm.removeItem(at: directory) }
      throw error
    }
    try? fm.removeItem(at: staging)
    return placed
  }

  /// Removes the staging folders in `directory` that killed writers left behind; returns
  /// their names.
  @discardableResult
  public static func removeAbandonedTemporaries(
    in directory: URL, minimumAge: TimeInterval = AbandonedTemporaries.defaultMinimumAge
  ) -> [String] {
    AbandonedTemporaries.remove(in: directory.path, kind: .folder, minimumAge: minimumAge) {
      AbandonedTemporaries.isUUIDName($0, prefix: temporaryPrefix)
    }
  }

  /// Gives `file` a second name `backup` (a hard link; a copy where the file system has no
  /// links), leaving `file` in place.
  static func keepCopy(of file: URL, at backup: URL) throws {
    var st = stat()
    if lstat(file.path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR {
      throw MailError.writeFailed(path: file.path, reason: "it is a folder")
    }
    if link(file.path, backup.path) == 0 { return }
    do {
      try FileManager.default.copyItem(at: file, to: backup)
    } catch {
      throw MailError.writeFailed(path: file.path, reason: "a copy of the earlier file cannot be kept")
    }
  }

  static func move(_ from: URL, to: URL) throws {
    // rename(2): atomic within the folder, never a copy.
    guard rename(from.path, to.path) == 0 else {
      throw MailError.writeFailed(path: to.path, reason: String(cString: strerror(errno)))
    }
  }

  /// Streams one message into a new 0600 file and returns the octets written.
  static func writeFile(_ message: MailMessage, to url: URL) throws -> Int64 {
    guard
      FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]),
      let handle = try? FileHandle(forWritingTo: url)
    else {
      throw MailError.writeFailed(path: url.lastPathComponent, reason: "the file cannot be created")
    }
    var written: Int64 = 0
    var buffer = Data()
    do {
      try message.write { data in
        buffer.append(data)
        written += Int64(data.count)
        if buffer.count >= 1 << 20 {
          try handle.write(contentsOf: buffer)
          buffer.removeAll(keepingCapacity: true)
        }
      }
      try handle.write(contentsOf: buffer)
      try handle.synchronize()
      try handle.close()
    } catch let error as MailError {
      try? handle.close()
      throw error
    } catch {
      try? handle.close()
      throw MailError.writeFailed(path: url.lastPathComponent, reason: "\(error.localizedDescription)")
    }
    return written
  }
}
