import Foundation
import RedressCore
import RedressDocuments
import RedressFiles
import RedressInterview

/// The end of the interview: the letter (PDF and Word), the evidence list, the power of
/// attorney to sign when an agent files, and the evidence bundle (zip with manifest and
/// SHA256SUMS), written into one folder, each file whole or not at all.
struct FilingDocumentProducer: DocumentProducer {
  let templates: URL
  let text: InterviewText

  func produce(
    for loaded: LoadedCase, findings: [Finding], amounts: [ClaimCalculator.Entry], today: CalendarDate,
    into folder: URL
  ) throws -> [ProducedDocument] {
    let documents = try CaseDocuments(
      caseFile: loaded.caseFile, findings: findings, amounts: amounts, today: today, templates: templates)
    try PrivateFiles.makeFolder(folder)
    var produced: [ProducedDocument] = []
    func write(_ model: DocumentModel, _ kind: TemplateKind, _ format: DocumentFormat, _ label: MessageKey)
      throws
    {
      let url = folder.appendingPathComponent(documents.fileName(kind, format))
      try AtomicFile.write(try format.render(model), to: url)
      let formatName = format == .docx ? "Word" : format.rawValue.uppercased()
      produced.append(ProducedDocument(label: text.message(label, ["format": formatName]), url: url))
    }
    let letter = try documents.letter()
    try write(letter, .letter, .pdf, .documentLetter)
    try write(letter, .letter, .docx, .documentLetter)
    try write(try documents.evidenceList(), .evidenceList, .pdf, .documentEvidenceList)
    if let poa = try documents.powerOfAttorney() {
      try write(poa, .powerOfAttorney, .pdf, .documentPowerOfAttorney)
    }
    let members = try documents.bundleMembers(
      evidenceURL: { loaded.evidenceURL(for: $0) }, evidenceProblem: { loaded.evidenceProblem($0) })
    let bundle = folder.appendingPathComponent(documents.bundleFileName)
    try BundleWriter.write(members, caseID: loaded.caseFile.id, generatedAt: Date(), to: bundle)
    produced.append(ProducedDocument(label: text.message(.documentBundle), url: bundle))
    return produced
  }
}
