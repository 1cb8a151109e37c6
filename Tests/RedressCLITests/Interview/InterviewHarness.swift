import Foundation
import RedressCore
import RedressTestSupport
import Testing

@testable import RedressCLI

/// Runs the interview on a script of answers, in a temporary store and working folder, and
/// gives back what a person would have seen and what was stored.
final class InterviewHarness {
  let root: URL
  let store: URL
  let cwd: URL
  let drafts: FileDraftStore
  static let today = CalendarDate(iso: "2026-11-22")!

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("interview-\(UUID().uuidString)")
    store = root.appendingPathComponent("store")
    cwd = root.appendingPathComponent("work")
    try FileManager.default.createDirectory(at: cwd, withIntermediateDirectories: true)
    drafts = FileDraftStore(storeDirectory: store)
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
      today: Self.today, home: root.path, currentDirectory: cwd, formatTime: { _ in "2026-11-22 10:00" })
    return InterviewSession(context: context, producer: CaseFileDocumentProducer(), language: language)
  }

  func runNew(
    _ answers: [String], language: InterfaceLanguage = .zhHans, checker: AdmissibilityChecker = StubRules()
  ) throws -> Run {
    let terminal = ScriptedTerminal(answers: answers)
    let code = try session(terminal, language: language, checker: checker).runNew()
    return Run(code: code, transcript: clean(terminal.transcript), unusedAnswers: terminal.remainingAnswers)
  }

  func runEdit(
    _ id: String, section: String?, _ answers: [String], language: InterfaceLanguage = .zhHans,
    checker: AdmissibilityChecker = StubRules()
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

/// A few rules of the `cn` pack, enough to drive the interview's admissibility steps until
/// the rule engine is wired in.
struct StubRules: AdmissibilityChecker {
  func findings(for c: CaseFile, today: CalendarDate) throws -> [Finding] {
    var found: [Finding] = []
    if c.damage?.category == .lostProperty {
      found.append(
        Finding(
          rule: "cn.lost-property", severity: .block,
          messages: [
            "zh-Hans": "在经营场所丢失个人物品不属于消费者权益争议，消协不予受理。",
            "en":
              "Property lost on a business's premises is not a consumer dispute; the association will not take it.",
          ],
          advice: ["zh-Hans": "请向公安机关报案（可拨打110）。", "en": "Report the loss to the police (110)."],
          fields: ["damage.category"],
          citations: [Citation(source: "消协受理规则", article: "", confidence: .practice)]))
    }
    if c.proceedings?.court == true {
      found.append(
        Finding(
          rule: "cn.already-handled", severity: .block,
          messages: ["zh-Hans": "法院已经受理了这个纠纷，消协和市场监管部门不再受理。", "en": "A court has accepted this dispute."],
          advice: ["zh-Hans": "请按法院的程序处理。", "en": "Follow the court procedure."],
          fields: ["proceedings.court"],
          citations: [Citation(source: "《市场监督管理投诉举报处理暂行办法》", article: "第十五条", confidence: .regulation)]))
    }
    if c.evidence.isEmpty && c.effectiveVenue == .consumerAssociation {
      found.append(
        Finding(
          rule: "cn.no-evidence", severity: .block,
          messages: ["zh-Hans": "没有任何证据。", "en": "There is no evidence."],
          advice: ["zh-Hans": "至少附上购物凭证。", "en": "Attach at least proof of purchase."],
          fields: ["evidence"], citations: []))
    }
    if c.negotiation?.attempts.isEmpty ?? true {
      found.append(
        Finding(
          rule: "cn.no-negotiation", severity: .info,
          messages: ["zh-Hans": "还没有与商家交涉的记录。", "en": "No contact with the business is recorded."],
          fields: ["negotiation.attempts"],
          citations: [Citation(source: "《消费者权益保护法》", article: "第三十九条", confidence: .statute)]))
    }
    return found
  }
}

/// The interview's goldens, beside the tests (`Goldens/`), through the shared `Golden`.
enum InterviewGolden {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Goldens")

  static func check(
    _ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    if let problem = Golden.mismatch(actual, golden: folder.appendingPathComponent(name)) {
      Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
    }
  }
}
