import Foundation
import RedressCore
import RedressFiles

extension EvidenceSource {
  /// Opens the evidence file `file` of a case being imported: the store's own copy when the
  /// case comes from a store (`storedEvidence`), else the file beside the case file. Both
  /// engines import through this, so a case moves between them with the same checks.
  public static func open(_ file: String, of loaded: LoadedCase) throws -> EvidenceSource {
    if let stored = loaded.storedEvidence {
      guard let url = stored[file] else {
        throw StoreError(.badEvidence, "\"\(file)\" has no stored copy to import")
      }
      return try StoreError.converting { try EvidenceSource.open(path: url.path) }
    }
    return try StoreError.converting {
      try EvidenceSource.open(relativePath: file, under: loaded.baseDirectory)
    }
  }
}
