import Foundation
import RedressCore
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
        throw UserError(
          "no case file \(caseRef) and no stored case with that id; `redress list` shows the stored cases")
      }
      loaded = store.loaded(stored)
      for e in stored.evidence { expected[e.file] = e.blob.sha256 }
    }
    let name =
      loaded.caseFile.id ?? loaded.url.map { $0.deletingPathExtension().lastPathComponent } ?? "case"
    let target = env.resolve(output ?? name)
    let parent = target.deletingLastPathComponent()
    try checkTarget(target, shownAs: output ?? name)
    try PrivateFiles.makeFolder(parent)

    let temp = parent.appendingPathComponent(
      ".\(target.lastPathComponent).export-\(UUID().uuidString.prefix(8))")
    guard mkdir(temp.path, PrivateFiles.folderMode) == 0 else {
      throw UserError("cannot create a folder in \(parent.path): \(String(cString: strerror(errno)))")
    }
    var finished = false
    defer { if !finished { try? FileManager.default.removeItem(at: temp) } }

    let caseFileName = "\(name).yaml"
    let header = "Exported by redress \(RedressCommand.version); evidence paths are relative to this file."
    try PrivateFiles.writeAtomically(
      Data(CaseFileWriter.yaml(for: loaded.caseFile, header: header).utf8),
      to: temp.appendingPathComponent(caseFileName))

    var copied: Set<String> = []
    for item in loaded.caseFile.evidence {
      guard let file = item.file, copied.insert(file).inserted else { continue }
      let parts = file.split(separator: "/").filter { $0 != "." }
      guard !file.hasPrefix("/"), !parts.isEmpty, !parts.contains("..") else {
        throw UserError("evidence path \"\(file)\" leaves the case folder; it cannot be exported")
      }
      let destination = parts.reduce(temp) { $0.appendingPathComponent(String($1)) }
      try PrivateFiles.makeFolder(destination.deletingLastPathComponent())
      let source: EvidenceSource
      if loaded.storedEvidence != nil {
        let url = loaded.evidenceURL(for: file)
        do {
          source = try EvidenceSource.open(path: url.path)
        } catch {
          throw UserError(
            "the stored copy of \"\(file)\" is missing; `redress verify \(name)` checks every evidence file")
        }
      } else {
        source = try EvidenceSource.open(relativePath: file, under: loaded.baseDirectory)
      }
      let result = try FileHasher.copy(source, to: destination)
      if let want = expected[file], want != result.digest {
        throw UserError(
          "the stored copy of \"\(file)\" has changed since it was imported (SHA-256 \(result.hex), "
            + "expected \(want.hex)); nothing was exported. `redress verify \(name)` lists every file")
      }
    }
    PrivateFiles.syncFolder(temp.path)
    guard rename(temp.path, target.path) == 0 else {
      let code = errno
      if code == ENOTEMPTY || code == EEXIST || code == ENOTDIR {
        throw UserError("\(output ?? name) appeared and is not empty; nothing was exported")
      }
      throw UserError("cannot move the export into \(target.path): \(String(cString: strerror(code)))")
    }
    finished = true
    PrivateFiles.syncFolder(parent.path)
    let files = copied.count
    env.output.out(
      "exported \(name) to \(output ?? name)/: \(caseFileName) and \(files) evidence file\(files == 1 ? "" : "s")"
    )
    return 0
  }

  /// The target may be absent or an empty folder; anything else is refused.
  private func checkTarget(_ target: URL, shownAs: String) throws {
    var st = stat()
    guard lstat(target.path, &st) == 0 else { return }
    guard st.st_mode & S_IFMT == S_IFDIR else {
      throw UserError("\(shownAs) exists and is not a folder; choose another with -o")
    }
    let contents = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? ["?"]
    if !contents.isEmpty {
      throw UserError(
        "\(shownAs) exists and is not empty; nothing was overwritten. Choose another folder with -o")
    }
  }
}
