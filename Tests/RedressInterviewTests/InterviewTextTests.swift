import Foundation
import RedressCore
import RedressTestSupport
import Testing

@testable import RedressInterview

/// The interview's words are data: every question of the flow, every message and every
/// choice must have words in both language files, and neither file may hold words for
/// something the flow does not ask.
@Suite struct InterviewTextTests {
  static let folder = Fixtures.repositoryRoot.appendingPathComponent("templates/interview")
  static let languages = ["zh-Hans.yaml", "zh-Hant.yaml", "en.yaml"]

  /// The raw keys of a mapping in a language file, read without the loader's checks.
  static func keys(_ file: String, _ section: String) throws -> Set<String> {
    let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
    let node = try YAMLDocumentLoader.load(data: Data(text.utf8), file: file)
    guard let map = node.mapping?[section]?.mapping else { return [] }
    return Set(map.keys.compactMap { $0.string })
  }

  @Test(arguments: languages) func loadsWithoutProblems(_ file: String) throws {
    let text = try InterviewText.load(contentsOf: Self.folder.appendingPathComponent(file))
    #expect(text.nextSteps.keys.sorted() == Venue.allowedWords.sorted())
  }

  @Test(arguments: languages) func everyQuestionOfTheFlowHasWordsAndNoOtherDoes(_ file: String) throws {
    let flow = Set(InterviewFlow.allQuestionIDs)
    let written = try Self.keys(file, "questions")
    #expect(flow.subtracting(written).sorted() == [], "questions without words in \(file)")
    #expect(written.subtracting(flow).sorted() == [], "words in \(file) for questions the flow never asks")
  }

  @Test(arguments: languages) func everyMessageHasWordsAndNoOtherDoes(_ file: String) throws {
    let used = Set(MessageKey.allCases.map(\.rawValue))
    let written = try Self.keys(file, "messages")
    #expect(used.subtracting(written).sorted() == [], "messages without words in \(file)")
    #expect(written.subtracting(used).sorted() == [], "messages in \(file) that the program never shows")
  }

  @Test(arguments: languages) func everySectionHasATitle(_ file: String) throws {
    let written = try Self.keys(file, "sections")
    #expect(written == Set(InterviewFlow.sectionIDs))
  }

  /// The choice questions of the flow and the words each offers.
  static var choiceQuestions: [String: [String]] {
    var found: [String: [String]] = ["evidence.einvoice": ["all", "blanks", "none"]]
    func walk(_ steps: [Step]) {
      for step in steps {
        switch step {
        case .ask(let q):
          if case .choice(let words) = q.kind { found[q.id] = words }
        case .when(_, let inner): walk(inner)
        case .group(let g): walk(g.entry(0))
        case .note, .action: break
        }
      }
    }
    for id in InterviewFlow.editableSectionIDs { walk(InterviewFlow.steps(of: id)) }
    return found
  }

  @Test(arguments: languages) func everyChoiceHasALabelAndNoOtherDoes(_ file: String) throws {
    let text = try InterviewText.load(contentsOf: Self.folder.appendingPathComponent(file))
    for (id, words) in Self.choiceQuestions {
      #expect(Set(text.question(id).choices.keys) == Set(words), "choices of \(id) in \(file)")
    }
    for (id, question) in text.questions where !question.choices.isEmpty {
      #expect(Self.choiceQuestions[id] != nil, "\(id) in \(file) has choices but is not a choice question")
    }
    #expect(
      Set(text.question("evidence.proves").suggestions.keys).isSubset(of: Set(EvidenceKind.allowedWords)))
  }

  @Test func bothLanguagesUseTheSamePlaceholders() throws {
    let zh = try InterviewText.load(contentsOf: Self.folder.appendingPathComponent("zh-Hans.yaml"))
    let en = try InterviewText.load(contentsOf: Self.folder.appendingPathComponent("en.yaml"))
    func placeholders(_ s: String) -> Set<String> {
      let pattern = try! NSRegularExpression(pattern: "\\{([a-z_]+)\\}")
      return Set(
        pattern.matches(in: s, range: NSRange(s.startIndex..., in: s)).map {
          (s as NSString).substring(with: $0.range(at: 1))
        })
    }
    for (key, value) in zh.messages {
      #expect(placeholders(value) == placeholders(en.messages[key] ?? ""), "placeholders of message \(key)")
    }
    for (key, value) in zh.nextSteps {
      #expect(
        placeholders(value) == placeholders(en.nextSteps[key] ?? ""), "placeholders of next_steps.\(key)")
    }
    for (id, q) in zh.questions {
      #expect(placeholders(q.prompt) == placeholders(en.question(id).prompt), "placeholders of \(id)")
    }
  }

  @Test func aMisspeltQuestionIsAnErrorWithItsLine() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "interview-text-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("xx.yaml")
    try """
    schema: 1
    questions:
      complainant.nmae:
        prompt: 姓名
        help: 说明
      venue:
        prompt: 去哪里
    """.write(to: url, atomically: true, encoding: .utf8)
    #expect {
      try InterviewText.load(contentsOf: url)
    } throws: { error in
      let text = "\(error)"
      return text.contains(
        "xx.yaml:3:3: error: questions.complainant.nmae: unknown key 'complainant.nmae'; did you mean 'complainant.name'?"
      )
        && text.contains("questions.venue: a question needs a help text")
    }
  }
}
