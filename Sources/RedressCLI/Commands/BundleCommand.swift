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
        evidenceURL: { loaded.baseDirectory.appendingPathComponent($0) },
        evidenceProblem: { CaseValidator.evidencePathProblem($0, base: loaded.baseDirectory) })
    } catch let e as BundleError {
      throw UserError(e.message)
    }
    let name = output ?? documents.bundleFileName
    let url = env.resolve(name)
    do {
      let manifest = try BundleWriter.write(members, caseID: loaded.caseFile.id, generatedAt: Date(), to: url)
      env.output.out(name)
      let evidenceCount = manifest.files.filter { $0.role == "evidence" }.count
      env.output.err("\(manifest.files.count) files (\(evidenceCount) evidence), manifest.json and SHA256SUMS")
    } catch let e as BundleError {
      throw UserError(e.message)
    }
    return 0
  }
}
