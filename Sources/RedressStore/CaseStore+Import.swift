import Foundation
import RedressCore
import RedressFiles

extension CaseStore {
  /// Imports a case file with its evidence: every evidence file is copied in first (each
  /// hashed while copied), then the case and its evidence are recorded in one transaction.
  /// A failure or a kill at any point leaves the store without the case (or with the case it
  /// was replacing); copies already made are cleaned up by a later run.
  ///
  /// Evidence paths are opened below the case file's folder without following symbolic
  /// links; anything but a regular file inside that folder is refused. `progress` receives
  /// the evidence path, the bytes copied so far and the file's size.
  public func importCase(
    _ loaded: LoadedCase, replace: Bool, draft: Bool = false,
    progress: ((String, Int64, Int64) -> Void)? = nil
  ) throws -> ImportOutcome {
    if let id = loaded.caseFile.id {
      // Checked again inside the saving transaction; this only spares copying the evidence.
      if try !replace && contains(id) {
        throw StoreError(
          .duplicateID, "a case with id '\(id)' is already stored; use --replace to replace it")
      }
    }
    var attachments: [String: EvidenceAttachment] = [:]
    var bytes: Int64 = 0
    for item in loaded.caseFile.evidence {
      guard let file = item.file, attachments[file] == nil else { continue }
      let source = try EvidenceSource.open(file, of: loaded)
      let size = source.size
      let attachment = try ingest(
        source, originalName: (file as NSString).lastPathComponent,
        progress: progress.map { report in { done in report(file, done, size) } })
      attachments[file] = attachment
      bytes += attachment.blob.size
    }
    let saved = try saveReporting(
      loaded.caseFile, draft: draft, evidence: attachments, mode: replace ? .replace : .insert,
      expectedVersion: nil)
    return ImportOutcome(
      id: saved.id, evidenceFiles: attachments.count, evidenceBytes: bytes, replaced: saved.replaced,
      isDraft: draft)
  }
}

extension CaseStore: CaseStoring {
  public var displayName: String { directory.path }
  public var workFolder: URL { directory }
  public var writer: String? { nil }

  public func currentDigests(legalKey: String, clocks: Bool) throws -> (caseCount: Int, rows: [DigestRow]) {
    let kept = try clockDigests(clocks: clocks)
    return (kept.caseCount, kept.legalKey == legalKey ? kept.rows : [])
  }

  public func blobDescription(_ blob: StoredBlob) -> String { blobs.url(for: blob).path }
}
