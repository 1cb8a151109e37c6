import Foundation
import RedressCore
import RedressFiles
import RedressStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ExportCommand {
  /// `export CASE --yaml [-o DIR]`: the case file and its evidence files, in a folder built
  /// under a temporary name beside the target and renamed into place when complete. A stored
  /// evidence copy whose bytes no longer match its SHA-256 stops the export.
  func exportYAML(_ env: CommandEnvironment) throws -> Int32 {
    let loaded: LoadedCase
    var expected: [String: SHA256Digest] = [:]
    let asPath = env.resolve(caseRef)
    if FileManager.default.fileExists(atPath: asPath.path) {
      loaded = try env.loadCase(caseRef)
    } else {
      guard CaseID.isValid(caseRef), let store = try env.openStore(create: false),
        let stored = try store.fetch(caseRef)
      else {
        throw UserError(env.words.noCaseFileOrStoredCase(caseRef))
      }
      loaded = try store.loaded(stored)
      for e in stored.evidence { expected[e.file] = e.blob.sha256 }
    }
    let name =
      loaded.caseFile.id ?? loaded.url.map { $0.deletingPathExtension().lastPathComponent } ?? "case"
    let target = env.resolve(output ?? name)
    let parent = target.deletingLastPathComponent()
    try checkTarget(target, shownAs: output ?? name, env.words)
    try PrivateFiles.makeFolder(parent)

    let temp = parent.appendingPathComponent(
      ".\(target.lastPathComponent).export-\(UUID().uuidString.prefix(8))")
    guard mkdir(temp.path, PrivateFiles.folderMode) == 0 else {
      throw UserError(env.words.cannotCreateFolder(in: parent.path, String(cString: strerror(errno))))
    }
    var finished = false
    defer { if !finished { try? FileManager.default.removeItem(at: temp) } }

    let caseFileName = "\(name).yaml"
    let header = "Exported by redress \(RedressCommand.version); evidence paths are relative to this file."
    try AtomicFile.write(
      Data(CaseFileWriter.yaml(for: loaded.caseFile, header: header).utf8),
      to: temp.appendingPathComponent(caseFileName))

    var copied: Set<String> = []
    for item in loaded.caseFile.evidence {
      guard let file = item.file, copied.insert(file).inserted else { continue }
      let parts = file.split(separator: "/").filter { $0 != "." }
      guard !file.hasPrefix("/"), !parts.isEmpty, !parts.contains("..") else {
        throw UserError(env.words.evidenceLeavesFolder(file))
      }
      let destination = parts.reduce(temp) { $0.appendingPathComponent(String($1)) }
      try PrivateFiles.makeFolder(destination.deletingLastPathComponent())
      let source: EvidenceSource
      if loaded.storedEvidence != nil {
        let url = loaded.evidenceURL(for: file)
        do {
          source = try EvidenceSource.open(path: url.path)
        } catch {
          throw UserError(env.words.storedCopyMissing(file, caseName: name))
        }
      } else {
        source = try EvidenceSource.open(relativePath: file, under: loaded.baseDirectory)
      }
      let result = try FileHasher.copy(source, to: destination)
      if let want = expected[file], want != result.digest {
        throw UserError(
          env.words.storedCopyChangedSinceImport(file, actual: result.hex, expected: want.hex, caseName: name)
        )
      }
    }
    PrivateFiles.syncFolder(temp.path)
    guard rename(temp.path, target.path) == 0 else {
      let code = errno
      if code == ENOTEMPTY || code == EEXIST || code == ENOTDIR {
        throw UserError(env.words.exportTargetAppeared(output ?? name))
      }
      throw UserError(env.words.cannotMoveExport(into: target.path, String(cString: strerror(code))))
    }
    finished = true
    PrivateFiles.syncFolder(parent.path)
    let files = copied.count
    env.output.out(env.words.exported(name, to: output ?? name, caseFile: caseFileName, evidenceFiles: files))
    return 0
  }

  /// The target may be absent or an empty folder; anything else is refused.
  private func checkTarget(_ target: URL, shownAs: String, _ words: CommandWords) throws {
    var st = stat()
    guard lstat(target.path, &st) == 0 else { return }
    guard st.st_mode & S_IFMT == S_IFDIR else {
      throw UserError(words.exportTargetNotAFolder(shownAs))
    }
    let contents = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? ["?"]
    if !contents.isEmpty {
      throw UserError(words.exportTargetNotEmpty(shownAs))
    }
  }
}
