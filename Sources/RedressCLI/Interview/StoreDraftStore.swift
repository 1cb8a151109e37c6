import Foundation
import RedressCore
import RedressFiles
import RedressInterview
import RedressStore

/// The interview's seam over the case store: every save is one store transaction (the case
/// as a draft, or finished), evidence files are hashed and copied into the store, and where
/// the interview stands is kept beside it in `<store>/interview/<id>.json` (0600, written
/// whole), so that `redress new` can resume at the right section.
final class StoreDraftStore: DraftStore, EvidenceIngestor {
  let store: any CaseStoring
  /// Evidence copied in during this run, by the path the case file names it with; handed to
  /// every save (the store keeps the mappings of paths the case still names).
  private var attachments: [String: EvidenceAttachment] = [:]
  /// The version of each case as this interview last read or saved it: a save over a newer
  /// one (someone else saved the case meanwhile) is refused rather than overwriting theirs.
  private var versions: [String: CaseVersion] = [:]

  init(store: any CaseStoring) { self.store = store }

  var progressFolder: URL { store.workFolder.appendingPathComponent("interview", isDirectory: true) }

  func progressURL(_ id: String) -> URL { progressFolder.appendingPathComponent("\(id).json") }

  func contains(id: String) throws -> Bool { try store.contains(id) }

  func save(_ caseFile: CaseFile, progress: InterviewProgress?, draft: Bool) throws {
    guard let id = caseFile.id else { throw UserError("cannot save a case without an id") }
    do {
      try store.save(
        caseFile, draft: draft, evidence: attachments, mode: .update, expectedVersion: versions[id])
    } catch let e as StoreError where e.kind == .conflict {
      // Theirs stays as they saved it; ours is kept beside the interview's progress.
      try PrivateFiles.makeFolder(progressFolder)
      let kept = progressFolder.appendingPathComponent("\(id).mine-\(Int(Date().timeIntervalSince1970)).yaml")
      try AtomicFile.write(Data(CaseFileWriter.yaml(for: caseFile).utf8), to: kept)
      throw UserError(e.message + " (your version: \(kept.path))")
    }
    versions[id] = try store.version(of: id)
    if let progress {
      try PrivateFiles.makeFolder(progressFolder)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      try AtomicFile.write(try encoder.encode(progress), to: progressURL(id))
    } else {
      try? FileManager.default.removeItem(at: progressURL(id))
    }
  }

  func progress(_ id: String) -> InterviewProgress? {
    guard let data = try? Data(contentsOf: progressURL(id)) else { return nil }
    return try? JSONDecoder().decode(InterviewProgress.self, from: data)
  }

  func drafts() throws -> [DraftRecord] {
    let ids = try store.summaries().filter(\.isDraft).sorted { $0.updatedAt > $1.updatedAt }.map(\.id)
    return try ids.compactMap { try load(id: $0) }
  }

  func load(id: String) throws -> DraftRecord? {
    guard CaseID.isValid(id), let stored = try store.fetch(id) else { return nil }
    if let v = stored.version { versions[id] = v }
    return DraftRecord(
      caseFile: stored.caseFile, progress: progress(id), isDraft: stored.isDraft, savedAt: stored.updatedAt)
  }

  func loadedCase(id: String) throws -> LoadedCase? {
    guard CaseID.isValid(id) else { return nil }
    return try store.load(id)
  }

  /// Opens the file (refusing links, folders, devices and pipes), copies it into the store
  /// while hashing it, and names it `evidence/<its name>` in the case (`-2`, `-3` … when the
  /// name is taken).
  func ingest(_ source: URL, caseID: String, progress: (Int64, Int64) -> Bool) throws -> IngestedEvidence {
    let opened: EvidenceSource
    do {
      opened = try EvidenceSource.open(path: source.path)
    } catch let e as FileError {
      throw UserError(e.message)
    }
    let total = opened.size
    let attachment = try withoutActuallyEscaping(progress) { report in
      try store.ingest(
        opened, originalName: source.lastPathComponent, continuing: { done in report(done, total) })
    }
    var taken = Set(attachments.keys)
    if let stored = try store.fetch(caseID) {
      taken.formUnion(stored.caseFile.evidence.compactMap(\.file))
    }
    let ext = source.pathExtension
    let stem = source.deletingPathExtension().lastPathComponent
    var file = "evidence/\(source.lastPathComponent)"
    var n = 2
    while taken.contains(file) {
      file = "evidence/\(stem)-\(n)" + (ext.isEmpty ? "" : ".\(ext)")
      n += 1
    }
    attachments[file] = attachment
    return IngestedEvidence(
      file: file, storedURL: (store as? CaseStore)?.blobs.url(for: attachment.blob) ?? source,
      sha256: attachment.blob.sha256.hex,
      size: attachment.blob.size)
  }
}
