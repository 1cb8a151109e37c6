import ArgumentParser
import Foundation
import RedressCore
import RedressDocuments

struct BundleCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "bundle",
    abstract: "Writes the evidence bundle (zip) with manifest.json and SHA256SUMS.",
    discussion: """
      The zip holds the letter (PDF and Word), the evidence list, the power of attorney to sign
      when an agent files, and every evidence file renamed 证据01-<title>.<ext> in the letter's
      numbering; manifest.json gives each file's size and SHA-256, and SHA256SUMS the same for
      `sha256sum -c`. Without -o it is written to the current folder as 投诉材料-<case id>.zip.
      The zip is written under a temporary name and moved into place only when complete.
      `redress verify FILE.zip` checks it later.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "A case file or the id of a stored case.") var caseRef: String
  @Option(name: [.customShort("o"), .long], help: "The zip file to write.") var output: String?
  @Option(help: "The documents' date (YYYY-MM-DD); default today.") var today: CalendarDate?

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    let day = today ?? CommandEnvironment.localToday()
    let loaded = try env.loadCase(caseRef)
    let documents = try env.caseDocuments(loaded, today: day, purpose: .bundle)
    let members: [BundleMember]
    do {
      members = try documents.bundleMembers(
        evidenceURL: { loaded.evidenceURL(for: $0) }, evidenceProblem: { loaded.evidenceProblem($0) })
    } catch let e as BundleError {
      throw UserError(e.message)
    }
    let name = output ?? documents.bundleFileName
    let url = env.resolve(name)
    do {
      let manifest = try BundleWriter.write(members, caseID: loaded.caseFile.id, generatedAt: Date(), to: url)
      env.output.out(name)
      let evidenceCount = manifest.files.filter { $0.role == "evidence" }.count
      env.output.err(env.words.bundleWritten(files: manifest.files.count, evidence: evidenceCount))
    } catch let e as BundleError {
      throw UserError(e.message)
    }
    return 0
  }
}

extension CommandEnvironment {
  /// `redress verify FILE.zip`: re-hashes a bundle and prints one line per member, naming
  /// each that changed, is missing, was added, or has a name that could escape an extraction
  /// folder. Returns 0 when the bundle is intact, 1 otherwise; throws for a file that is not a
  /// zip.
  func verifyBundle(at url: URL, displayName: String) throws -> Int32 {
    let w = words
    // The verifier's own errors are worded here: a missing file and a folder are told apart
    // first, so a `BundleError` from it means the file is not a zip.
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
      throw UserError(w.noBundle(displayName))
    }
    if isFolder.boolValue { throw UserError(w.bundleIsAFolder(displayName)) }
    let report: BundleVerifier.Report
    do {
      report = try BundleVerifier.verify(zipAt: url)
    } catch let e as BundleError {
      throw UserError(w.isEnglish ? e.message : w.notAZip(displayName))
    }
    var bad = 0
    for check in report.checks {
      let detail = check.reason.map { (w.isEnglish ? ": " : "：") + w.reason($0) } ?? ""
      if check.status != .ok { bad += 1 }
      guard let mark = w.mark(check.status) else {
        output.err("\(output.styleErr("error:", .red)) \(check.name)\(detail)")
        continue
      }
      let text = w.mark(mark)
      output.out(
        output.style(text, mark == .ok ? .green : .red) + w.padding(after: text, to: 12) + check.name + detail
      )
    }
    for problem in report.problems {
      output.err("\(output.styleErr("error:", .red)) \(displayName): \(w.problem(problem))")
    }
    let members = report.checks.filter { $0.status != .unsafe }.count
    if report.isIntact {
      output.out(w.bundleIntact(displayName, members: members))
      return 0
    }
    output.err(
      w.bundleDamaged(displayName, bad: bad, of: report.checks.count, listsDamaged: !report.problems.isEmpty))
    return 1
  }
}
