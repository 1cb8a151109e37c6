import Foundation
import RedressCore
import Yams

/// The interview's words in one language, read from `templates/interview/<lang>.yaml`
/// (schema 1): every question's prompt, hint, help and choice labels, the section titles,
/// the messages, and the next steps per venue. A translator or advocate edits that file; the
/// flow's logic stays in Swift.
package struct InterviewText: Sendable {
  struct Section: Sendable, Hashable {
    var title: String
    var intro: String?
  }

  struct Question: Sendable, Hashable {
    var prompt: String
    /// A short name for summaries and lists (商家名称); the prompt when absent.
    var label: String?
    var hint: String?
    /// Explains the legal term and why the body needs the answer.
    var help: String
    /// Labels of the choices, keyed by the case file's word (`online`).
    var choices: [String: String]
    /// Suggested answers keyed by a choice word of another field (`evidence.proves` by kind).
    var suggestions: [String: String]
  }

  static let schema = 1

  var language: String
  var messages: [String: String]
  var sections: [String: Section]
  var questions: [String: Question]
  /// How and where to file, keyed by venue word.
  var nextSteps: [String: String]

  /// The file for an interface language (`zh-Hant.yaml` is generated from `zh-Hans.yaml` by
  /// `scripts/derive-zh-hant`).
  package static func fileName(for language: InterfaceLanguage) -> String {
    "\(language.rawValue).yaml"
  }

  package static func load(language: InterfaceLanguage, templates: URL) throws -> InterviewText {
    let url = templates.appendingPathComponent("interview", isDirectory: true)
      .appendingPathComponent(fileName(for: language))
    return try load(contentsOf: url)
  }

  /// Reads and checks a language file; every problem is reported at once with its line.
  package static func load(
    contentsOf url: URL, sectionIDs: [String] = InterviewFlow.sectionIDs,
    questionIDs: [String] = InterviewFlow.allQuestionIDs,
    messageKeys: [String] = MessageKey.allCases.map(\.rawValue)
  ) throws -> InterviewText {
    let name = url.lastPathComponent
    let node = try YAMLDocumentLoader.load(contentsOf: url, displayName: url.path)
    let r = YAMLNodeReader(file: url.path)
    var text = InterviewText(language: "", messages: [:], sections: [:], questions: [:], nextSteps: [:])
    guard
      let top = r.mapping(
        node, path: "", allowed: ["schema", "language", "messages", "sections", "questions", "next_steps"])
    else { throw DiagnosticsError(r.diagnostics) }
    r.schema(top, of: node, reads: SchemaVersion(current: Self.schema))
    text.language = r.string(top["language"], path: "language") ?? name
    if let m = top["messages"], let map = r.mapping(m, path: "messages", allowed: messageKeys) {
      for (key, value) in map { text.messages[key] = r.string(value, path: "messages.\(key)") }
    }
    if let s = top["sections"], let map = r.mapping(s, path: "sections", allowed: sectionIDs) {
      for (id, value) in map {
        let path = "sections.\(id)"
        guard let fields = r.mapping(value, path: path, allowed: ["title", "intro"]) else { continue }
        guard let title = r.string(fields["title"], path: "\(path).title") else {
          r.error("a section needs a title", at: value, path: path)
          continue
        }
        text.sections[id] = Section(title: title, intro: r.string(fields["intro"], path: "\(path).intro"))
      }
    }
    if let q = top["questions"], let map = r.mapping(q, path: "questions", allowed: questionIDs) {
      for (id, value) in map {
        let path = "questions.\(id)"
        guard
          let fields = r.mapping(
            value, path: path, allowed: ["prompt", "label", "hint", "help", "choices", "suggestions"])
        else { continue }
        let prompt = r.string(fields["prompt"], path: "\(path).prompt")
        let help = r.string(fields["help"], path: "\(path).help")
        if prompt == nil { r.error("a question needs a prompt", at: value, path: path) }
        if help == nil {
          r.error("a question needs a help text (what it means, why it is asked)", at: value, path: path)
        }
        var question = Question(
          prompt: prompt ?? "", label: r.string(fields["label"], path: "\(path).label"),
          hint: r.string(fields["hint"], path: "\(path).hint"), help: help ?? "",
          choices: [:], suggestions: [:])
        for (field, target) in [("choices", \Question.choices), ("suggestions", \Question.suggestions)] {
          guard let node = fields[field],
            let entries = r.mapping(node, path: "\(path).\(field)", allowed: Self.keys(of: node))
          else { continue }
          for (key, label) in entries {
            question[keyPath: target][key] = r.string(label, path: "\(path).\(field).\(key)")
          }
        }
        text.questions[id] = question
      }
    }
    if let n = top["next_steps"], let map = r.mapping(n, path: "next_steps", allowed: Venue.allowedWords) {
      for (venue, value) in map { text.nextSteps[venue] = r.string(value, path: "next_steps.\(venue)") }
    }
    if r.hasErrors { throw DiagnosticsError(r.diagnostics) }
    return text
  }

  static func keys(of node: Node) -> [String] {
    guard case .mapping(let map) = node else { return [] }
    return map.compactMap { key, _ in key.scalar?.string }
  }

  // MARK: Lookup

  /// A message with `{name}` placeholders filled; the key in brackets when it is missing (a
  /// test checks that none is).
  package func message(_ key: MessageKey, _ values: [String: String] = [:]) -> String {
    Self.fill(messages[key.rawValue] ?? "[\(key.rawValue)]", values)
  }

  func question(_ id: String) -> Question {
    questions[id]
      ?? Question(prompt: "[\(id)]", label: nil, hint: nil, help: "[\(id)]", choices: [:], suggestions: [:])
  }

  /// The short name of a question, for summaries.
  func label(_ id: String) -> String {
    questions[id].map { $0.label ?? $0.prompt } ?? "[\(id)]"
  }

  func sectionTitle(_ id: String) -> String { sections[id]?.title ?? "[\(id)]" }

  func choiceLabel(_ questionID: String, _ word: String) -> String {
    questions[questionID]?.choices[word] ?? word
  }

  /// `{name}` placeholders filled as every catalogue of wording fills them.
  static func fill(_ template: String, _ values: [String: String]) -> String {
    WordCatalog.fill(template, values)
  }
}
