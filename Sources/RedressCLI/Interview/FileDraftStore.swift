import Foundation
import RedressCore

/// Files the interview creates hold personal data: owner-only, written whole or not at all.
enum PrivateFiles {
  /// Creates `url` (and missing parents) as an owner-only folder (0700).
  static func makeFolder(_ url: URL) throws {
    try FileManager.default.createDirectory(
      at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
  }

  /// Copies a file (of any size, without reading it into memory) to a temporary name beside
  /// `url`, owner-only, and renames it into place.
  static func copy(_ source: URL, to url: URL) throws {
    let folder = url.deletingLastPathComponent()
    try makeFolder(folder)
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    do {
      try FileManager.default.copyItem(at: source, to: temporary)
      try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: temporary.path)
      guard rename(temporary.path, url.path) == 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
      }
    } catch {
      unlink(temporary.path)
      throw error
    }
  }

  /// Writes `data` to a temporary file beside `url` (0600), flushes it and renames it over
  /// `url`, so a reader sees the old file or the new one, never a part.
  static func write(_ data: Data, to url: URL) throws {
    let folder = url.deletingLastPathComponent()
    try makeFolder(folder)
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path]) }
    var ok = true
    data.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
        if n > 0 {
          offset += n
        } else if n < 0 && errno == EINTR {
          continue
        } else {
          ok = false
          return
        }
      }
    }
    if ok && fsync(fd) != 0 { ok = false }
    close(fd)
    guard ok, rename(temporary.path, url.path) == 0 else {
      unlink(temporary.path)
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
    }
  }
}

/// The interview's own store, used until the case store is available: one folder per case
/// under `<store>/interview/<id>/` holding `case.yaml`, `state.json` (draft or not, where the
/// interview stands) and the copied evidence under `evidence/`.
public final class FileDraftStore: DraftStore, EvidenceIngestor {
  public let root: URL

  public init(storeDirectory: URL) {
    root = storeDirectory.appendingPathComponent("interview", isDirectory: true)
  }

  struct State: Codable {
    var draft: Bool
    var progress: InterviewProgress?
    var savedAt: Date
  }

  func folder(_ id: String) -> URL { root.appendingPathComponent(id, isDirectory: true) }

  public func contains(id: String) throws -> Bool {
    FileManager.default.fileExists(atPath: folder(id).appendingPathComponent("case.yaml").path)
  }

  public func save(_ caseFile: CaseFile, progress: InterviewProgress?, draft: Bool) throws {
    guard let id = caseFile.id, CaseID.isValid(id) else {
      throw UserError("cannot save a case without a valid id")
    }
    let dir = folder(id)
    try PrivateFiles.makeFolder(dir)
    try PrivateFiles.write(
      Data(CaseFileWriter.yaml(for: caseFile).utf8), to: dir.appendingPathComponent("case.yaml"))
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.sortedKeys]
    let state = State(draft: draft, progress: progress, savedAt: Date())
    try PrivateFiles.write(try encoder.encode(state), to: dir.appendingPathComponent("state.json"))
  }

  public func load(id: String) throws -> DraftRecord? {
    guard CaseID.isValid(id), try contains(id: id) else { return nil }
    let dir = folder(id)
    let loaded = try LoadedCase.load(contentsOf: dir.appendingPathComponent("case.yaml"))
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    let state = (try? Data(contentsOf: dir.appendingPathComponent("state.json")))
      .flatMap { try? decoder.decode(State.self, from: $0) }
    return DraftRecord(
      caseFile: loaded.caseFile, progress: state?.progress, isDraft: state?.draft ?? false,
      savedAt: state?.savedAt)
  }

  public func drafts() throws -> [DraftRecord] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    let records = names.sorted().compactMap { try? load(id: $0) }.filter(\.isDraft)
    return records.sorted { ($0.savedAt ?? .distantPast) > ($1.savedAt ?? .distantPast) }
  }

  public func evidenceBase(id: String) -> URL { folder(id) }

  /// Copies the file into `<id>/evidence/` in 1 MiB steps, reporting progress; the copy
  /// gets its final name only once complete.
  public func ingest(_ source: URL, caseID: String, progress: (Int64, Int64) -> Bool) throws
    -> IngestedEvidence
  {
    let evidence = folder(caseID).appendingPathComponent("evidence", isDirectory: true)
    try PrivateFiles.makeFolder(evidence)
    var name = source.lastPathComponent
    var n = 2
    while FileManager.default.fileExists(atPath: evidence.appendingPathComponent(name).path) {
      let ext = source.pathExtension
      let stem = source.deletingPathExtension().lastPathComponent
      name = ext.isEmpty ? "\(stem)-\(n)" : "\(stem)-\(n).\(ext)"
      n += 1
    }
    let target = evidence.appendingPathComponent(name)
    let temporary = evidence.appendingPathComponent(".\(name).\(UUID().uuidString).tmp")
    let input = try FileHandle(forReadingFrom: source)
    defer { try? input.close() }
    let total = Int64(
      (try? FileManager.default.attributesOfItem(atPath: source.path)[.size] as? NSNumber)??.int64Value ?? 0)
    let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: evidence.path])
    }
    let output = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    var done: Int64 = 0
    do {
      while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
        try output.write(contentsOf: chunk)
        done += Int64(chunk.count)
        if !progress(done, total) { throw CancellationError() }
      }
      try output.synchronize()
      try output.close()
    } catch {
      try? output.close()
      unlink(temporary.path)
      throw error
    }
    guard rename(temporary.path, target.path) == 0 else {
      unlink(temporary.path)
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
    }
    return IngestedEvidence(file: "evidence/\(name)", storedURL: target, sha256: nil, size: done)
  }
}

/// Until the document writers are available, the end of the interview writes the case file
/// (with copies of its evidence) into the folder, ready for `redress import` or the other
/// commands.
public struct CaseFileDocumentProducer: DocumentProducer {
  public init() {}

  public func produce(
    for caseFile: CaseFile, evidenceBase: URL, into folder: URL, language: InterfaceLanguage
  ) throws -> [ProducedDocument] {
    try PrivateFiles.makeFolder(folder)
    var copy = caseFile
    for i in copy.evidence.indices {
      guard let file = copy.evidence[i].file else { continue }
      let source =
        file.hasPrefix("/") ? URL(fileURLWithPath: file) : evidenceBase.appendingPathComponent(file)
      let target = folder.appendingPathComponent("evidence", isDirectory: true)
        .appendingPathComponent(source.lastPathComponent)
      if FileManager.default.fileExists(atPath: source.path) {
        try PrivateFiles.copy(source, to: target)
        copy.evidence[i].file = "evidence/\(source.lastPathComponent)"
      }
    }
    let url = folder.appendingPathComponent("\(caseFile.id ?? "case").yaml")
    try PrivateFiles.write(Data(CaseFileWriter.yaml(for: copy).utf8), to: url)
    return [ProducedDocument(label: language == .en ? "case file" : "案件文件", url: url)]
  }
}
