import Foundation
import RedressCore

extension CaseDocuments {
  /// The members of the case's evidence bundle, in the order an official reads them: the
  /// letter (PDF and Word), the evidence list, the power of attorney when an agent files, then
  /// every evidence file under its number (`证据01-电子发票.xml`). `evidenceURL` gives the bytes
  /// of an `evidence[].file` path (the case file's folder, or the store's copy) and
  /// `evidenceProblem` why one cannot be used; every unusable file is named in one error.
  public func bundleMembers(
    evidenceURL: (String) -> URL, evidenceProblem: (String) -> String?
  ) throws -> [BundleMember] {
    var problems: [String] = []
    var evidence: [BundleMember] = []
    for entry in builder.catalog.entries {
      guard let file = entry.evidence.file, !file.isEmpty, let name = entry.bundleName else { continue }
      if let problem = evidenceProblem(file) {
        problems.append("evidence \(entry.evidence.id ?? "#\(entry.number)"): \(problem)")
        continue
      }
      evidence.append(
        BundleMember(
          name: name, role: "evidence", evidenceID: entry.evidence.id, source: .file(evidenceURL(file))))
    }
    if !problems.isEmpty {
      throw BundleError("cannot make the bundle:\n  " + problems.joined(separator: "\n  "))
    }
    let letter = try letter()
    var members = [
      BundleMember(
        name: fileName(.letter, .pdf), role: "letter", source: .data(try DocumentFormat.pdf.render(letter))),
      BundleMember(
        name: fileName(.letter, .docx), role: "letter-docx",
        source: .data(try DocumentFormat.docx.render(letter))),
      BundleMember(
        name: fileName(.evidenceList, .pdf), role: "evidence-list",
        source: .data(try DocumentFormat.pdf.render(try evidenceList()))),
    ]
    if let poa = try powerOfAttorney() {
      members.append(
        BundleMember(
          name: fileName(.powerOfAttorney, .pdf), role: "power-of-attorney",
          source: .data(try DocumentFormat.pdf.render(poa))))
    }
    return members + evidence
  }
}
