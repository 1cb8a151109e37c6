import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct ImportCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Imports case files into the store (their evidence is hashed and copied in).",
    discussion: """
      Each file is read and checked first; a file with errors in its shape or its evidence
      paths is not imported at all, and the others still are (exit 2 when any failed). A
      case whose contents are incomplete or have mistakes is imported as a draft. A case
      without an id gets one (case-YYYYMMDD-N). Evidence must be regular files inside the
      case file's folder; symbolic links, devices, pipes and folders are refused.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "Case files.") var files: [String]
  @Flag(help: "Replace a stored case with the same id.") var replace = false

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    guard let store = try env.openStore(create: true) else { return 2 }
    let validator = CaseValidator(today: CommandEnvironment.localToday())
    var imported = 0
    var failed = 0
    for file in files {
      if importOne(file, store: store, validator: validator, env: env) {
        imported += 1
      } else {
        failed += 1
      }
    }
    // Copies left by interrupted imports; never fatal.
    try? store.collectGarbage()
    if files.count > 1 {
      env.output.out(env.words.importSummary(imported: imported, failed: failed))
    }
    return failed > 0 ? 2 : 0
  }

  /// Imports one file; prints what happened and returns whether it was imported.
  private func importOne(
    _ file: String, store: any CaseStoring, validator: CaseValidator, env: CommandEnvironment
  ) -> Bool {
    let url = env.resolve(file)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
      env.output.err(env.output.styleErr("error:", .red) + " " + env.words.noSuchFile(file))
      return false
    }
    if isFolder.boolValue {
      env.output.err(env.output.styleErr("error:", .red) + " " + env.words.importFolder(file))
      return false
    }
    var caseID: String?
    do {
      let loaded = try LoadedCase.load(contentsOf: url, displayName: file)
      caseID = loaded.caseFile.id
      let problems = validator.validate(loaded).filter { $0.severity == .error }
      // Evidence that cannot be read stops the import; other mistakes make it a draft.
      let blocking = problems.filter { $0.path.hasPrefix("evidence[") && $0.path.hasSuffix(".file") }
      if !blocking.isEmpty { throw DiagnosticsError(blocking) }
      let outcome = try store.importCase(
        loaded, replace: replace, draft: !problems.isEmpty, progress: progressPrinter(env))
      env.output.out(
        env.words.imported(
          outcome.id, from: file, replaced: outcome.replaced, evidenceFiles: outcome.evidenceFiles,
          size: outcome.evidenceFiles > 0 ? Self.formatBytes(outcome.evidenceBytes) : nil,
          draftProblems: outcome.isDraft ? problems.count : nil))
      return true
    } catch let e as StoreError {
      if let evidenceFile = e.evidenceFile,
        let loaded = try? LoadedCase.load(contentsOf: url, displayName: file),
        let index = loaded.caseFile.evidence.firstIndex(where: { $0.file == evidenceFile })
      {
        let d = loaded.sourceMap.diagnostic(.error, "evidence[\(index)].file", e.message)
        env.output.err(DiagnosticPrinter.format(d, output: env.output, in: env.currentDirectory))
      } else {
        var message = e.message
        if e.kind == .duplicateID, let id = caseID { message = env.words.alreadyStored(id) }
        env.output.err(env.output.styleErr("error:", .red) + " \(file): \(message)")
      }
    } catch {
      _ = env.report(error)
    }
    env.output.err(env.words.notImported(file))
    return false
  }

  /// A progress line on a terminal for evidence files of 32 MiB and more.
  private func progressPrinter(_ env: CommandEnvironment) -> ((String, Int64, Int64) -> Void)? {
    guard isatty(STDERR_FILENO) == 1 else { return nil }
    var lastPercent = -1
    return { file, done, size in
      guard size >= 32 << 20 else { return }
      let percent = Int(min(100, done * 100 / max(size, 1)))
      guard percent != lastPercent else { return }
      lastPercent = percent
      env.output.err(
        "\r  " + env.words.copying(file, percent: percent), terminator: percent == 100 ? "\r\u{1B}[K" : "")
    }
  }

  static func formatBytes(_ n: Int64) -> String {
    if n < 1024 { return "\(n) B" }
    let units = ["KiB", "MiB", "GiB", "TiB"]
    var value = Double(n) / 1024
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    return String(format: value < 10 ? "%.1f" : "%.0f", value) + " " + units[unit]
  }
}
