import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct VerifyCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Re-hashes a bundle or a stored case's evidence; exit 1 when anything changed.",
    discussion: """
      PATH ending in .zip (or any existing file) is checked as an evidence bundle; anything
      else is the id of a stored case, whose stored evidence files are hashed again and
      compared with the SHA-256 recorded when they were copied in. Exit 0 when everything
      matches, 1 naming each file that changed or is missing.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "A bundle (zip) or a stored case.") var target: String

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    let url = env.resolve(target)
    var isFolder: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
    if target.lowercased().hasSuffix(".zip") || (exists && !isFolder.boolValue) {
      return try verifyBundle(at: url, displayName: target, env: env)
    }
    return try verifyStoredCase(target, env: env)
  }

  /// Re-hashes every stored evidence file of a stored case.
  func verifyStoredCase(_ id: String, env: CommandEnvironment) throws -> Int32 {
    guard CaseID.isValid(id), let store = try env.openStore(create: false), try store.contains(id) else {
      throw UserError(env.words.noBundleOrStoredCase(id))
    }
    let checks = try store.verify(id)
    let w = env.words
    // The mark, coloured, and the spaces that line the labels up.
    func marked(_ m: CommandWords.Mark) -> String {
      let text = w.mark(m)
      return env.output.style(text, m == .ok ? .green : .red) + w.padding(after: text, to: 9)
    }
    var bad = 0
    for check in checks {
      let label = [check.evidenceID, check.file].compactMap { $0 }.joined(separator: " ")
      switch check.problem {
      case nil:
        env.output.out(marked(.ok) + label)
      case .changed?:
        bad += 1
        env.output.out(
          marked(.changed) + label
            + w.storedCopyChanged(
              recorded: check.stored?.blob.sha256.hex,
              at: check.stored.map { store.blobDescription($0.blob) }))
      case .missing?:
        bad += 1
        if let stored = check.stored {
          env.output.out(marked(.missing) + label + w.storedCopyGone(store.blobDescription(stored.blob)))
        } else {
          env.output.out(marked(.missing) + label + w.neverCopied)
        }
      case .unreadable?:
        bad += 1
        env.output.out(
          marked(.unreadable) + label
            + w.storedCopyUnreadable(check.stored.map { store.blobDescription($0.blob) }))
      }
    }
    if bad == 0 {
      env.output.out(w.evidenceVerified(id, files: checks.count))
      return 0
    }
    env.output.err(w.evidenceBad(id, bad: bad, of: checks.count))
    return 1
  }
}
