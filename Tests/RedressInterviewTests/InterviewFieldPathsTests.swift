import Foundation
import RedressCore
import Testing

@testable import RedressInterview

/// Every question of the interview that fills a case-file field has that field's path as its
/// key and asks for a value of the field's type, as the case file's field tables (`CaseFile.fields`)
/// declare it: the interview's question paths are the tables' paths.
@Suite struct InterviewFieldPathsTests {
  /// Questions that fill no single field: they open or close a part of the case.
  static let gates: Set<String> = ["proceedings.any", "agent.present"]

  static var questions: [Question] {
    var out: [Question] = []
    func walk(_ steps: [Step]) {
      for step in steps {
        switch step {
        case .ask(let q): out.append(q)
        case .when(_, let inner): walk(inner)
        case .group(let g): walk(g.entry(0))
        case .note, .action: break
        }
      }
    }
    for id in InterviewFlow.editableSectionIDs { walk(InterviewFlow.steps(of: id)) }
    return out
  }

  /// The field path a question fills: its key without the element's index
  /// (`purchase.items[0].name` is `purchase.items[].name`).
  static func fieldPath(_ q: Question) -> String {
    q.key.replacingOccurrences(of: #"\[[0-9]+\]"#, with: "[]", options: .regularExpression)
  }

  @Test func everyQuestionNamesAFieldOfItsType() {
    let questions = Self.questions
    #expect(questions.count > 50)
    for q in questions where !Self.gates.contains(q.id) {
      let path = Self.fieldPath(q)
      guard let type = CaseFieldSchema.type(of: path) else {
        Issue.record("question \(q.id): no field \(path) in the case file's tables")
        continue
      }
      let agrees: Bool
      switch (q.kind, type) {
      case (.choice(let words), .word(let allowed)): agrees = words == allowed
      case (.date, .date), (.money, .money), (.count, .number), (.units, .number), (.flag, .flag),
        (.flag, .section):  // "is there a prepaid card?" opens the section
        agrees = true
      case (.text, .text), (.personalPhone, .text), (.businessPhone, .text), (.residentID, .text),
        (.creditCode, .text), (.postcode, .text), (.email, .text):
        agrees = true
      default: agrees = false
      }
      #expect(agrees, "question \(q.id) asks \(q.kind), the field \(path) is \(type)")
    }
  }

  /// The questions the interview requires include every field the tables require.
  @Test func requiredQuestionsCoverTheRequiredFields() {
    let required = Set(Self.questions.filter(\.required).map(Self.fieldPath))
    var c = CaseFile()
    c.agent = Agent()
    for path in CaseValidator.missingRequiredFields(c) where path != "claims" {
      #expect(required.contains(path), "\(path) is required but its question is not")
    }
  }
}
