import Foundation
import RedressCore
import RedressDocuments
import RedressStore
import RedressTestSupport
import Testing

@testable import RedressCLI
@testable import RedressInterview

/// Runs the interview on a script of answers, in a temporary store and working folder, and
/// gives back what a person would have seen and what was stored.
final class InterviewHarness {
  let root: URL
  let store: URL
  let cwd: URL
  let drafts: StoreDraftStore
  static let today = CalendarDate(iso: "2026-11-22")!

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("interview-\(UUID().uuidString)")
    store = root.appendingPathComponent("store")
    cwd = root.appendingPathComponent("work")
    try FileManager.default.createDirectory(at: cwd, withIntermediateDirectories: true)
    drafts = StoreDraftStore(store: try #require(try CaseStore.open(at: store, create: true)))
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  static func text(_ language: InterfaceLanguage) throws -> InterviewText {
    try InterviewText.load(
      contentsOf: Fixtures.repositoryRoot.appendingPathComponent("templates/interview")
        .appendingPathComponent(InterviewText.fileName(for: language)))
  }

  struct Run {
    var code: Int32
    var transcript: String
    var unusedAnswers: Int
  }

  func session(_ terminal: ScriptedTerminal, language: InterfaceLanguage, checker: AdmissibilityChecker)
    throws
    -> InterviewSession
  {
    let context = InterviewContext(
      terminal: terminal, text: try Self.text(language), drafts: drafts, ingestor: drafts, checker: checker,
      today: Self.today, home: root.path, currentDirectory: cwd, formatTime: { _ in "2026-11-22 10:00" },
      legalBases: FindingsPrinter.bases)
    let producer = FilingDocumentProducer(
      templates: Fixtures.repositoryRoot.appendingPathComponent("templates"), text: context.text)
    return InterviewSession(context: context, producer: producer, language: language)
  }

  func runNew(
    _ answers: [String], language: InterfaceLanguage = .zhHans, checker: AdmissibilityChecker = realRules()
  ) throws -> Run {
    let terminal = ScriptedTerminal(answers: answers)
    let code = try session(terminal, language: language, checker: checker).runNew()
    return Run(code: code, transcript: clean(terminal.transcript), unusedAnswers: terminal.remainingAnswers)
  }

  func runEdit(
    _ id: String, section: String?, _ answers: [String], language: InterfaceLanguage = .zhHans,
    checker: AdmissibilityChecker = realRules()
  ) throws -> Run {
    let terminal = ScriptedTerminal(answers: answers)
    let record = try #require(try drafts.load(id: id))
    let code = try session(terminal, language: language, checker: checker).runEdit(record, section: section)
    return Run(code: code, transcript: clean(terminal.transcript), unusedAnswers: terminal.remainingAnswers)
  }

  /// Paths that differ between runs, replaced by names.
  func clean(_ s: String) -> String {
    s.replacingOccurrences(of: cwd.path, with: "$WORK")
      .replacingOccurrences(of: root.path, with: "$HOME")
      .replacingOccurrences(of: Fixtures.sharedExamples.path, with: "$EXAMPLES")
  }

  /// The complaint letter of the stored case as plain text (the PDF and Word files hold the
  /// same document), for a golden a reviewer can read.
  func letterText(_ id: String) throws -> String {
    let loaded = try #require(try drafts.loadedCase(id: id))
    let rules = realRules()
    let findings = try rules.findings(for: loaded.caseFile, today: Self.today)
    let documents = try CaseDocuments(
      caseFile: loaded.caseFile, findings: findings, amounts: rules.claimAmounts(for: loaded.caseFile),
      today: Self.today,
      templates: Fixtures.repositoryRoot.appendingPathComponent("templates"))
    return String(decoding: try DocumentFormat.txt.render(try documents.letter()), as: UTF8.self)
  }

  /// The stored case as its case file.
  func storedYAML(_ id: String) throws -> String {
    let record = try #require(try drafts.load(id: id))
    return CaseFileWriter.yaml(for: record.caseFile)
  }

  /// A file in the working folder, for evidence.
  @discardableResult
  func makeFile(_ name: String, bytes: Int = 2048) throws -> URL {
    let url = cwd.appendingPathComponent(name)
    try Data(repeating: 0x42, count: bytes).write(to: url)
    return url
  }
}

/// The real `cn` rule pack of this repository.
func realRules() -> AdmissibilityChecker {
  RuleEngineChecker(legal: Fixtures.repositoryRoot.appendingPathComponent("legal"))
}

/// The interview's goldens, beside the tests (`Goldens/`), through the shared `Golden`.
enum InterviewGolden {
  /// Where the transcripts, case files and letters of the interview tests are (compared with
  /// `expectGolden`).
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Goldens")
}
