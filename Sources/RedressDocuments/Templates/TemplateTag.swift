import Foundation

/// One `{{…}}` tag of a template, found by `TemplateTag.scan`, with where it was written.
public struct TemplateTag: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    /// `{{name}}`, `{{{name}}}` or `{{&name}}`: a value.
    case variable
    /// `{{#name}}`: a section (a list repeats it, a yes/no flag shows it, absent hides it).
    case section
    /// `{{^name}}`: shown when the value is absent, false or an empty list.
    case inverted
    /// `{{/name}}`: the end of a section.
    case close
    /// `{{! … }}`: a comment for template editors.
    case comment
    /// A tag redress templates do not allow: partials (`>`), blocks (`$`, `<`), pragmas
    /// (`%`), changed delimiters (`=`).
    case unsupported(String)
  }

  public var kind: Kind
  /// The name as written, trimmed: `complainant.name`, `.`.
  public var name: String
  /// 1-based line and column of the opening `{{`.
  public var line: Int
  public var column: Int
}

/// A problem in a template found by the lint: where and what.
public struct TemplateProblem: Hashable, Sendable, CustomStringConvertible {
  public var line: Int
  public var column: Int
  public var message: String

  public init(line: Int, column: Int, message: String) {
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String { "\(line):\(column): \(message)" }
}

extension TemplateTag {
  /// Finds every tag of a template body. Problems of form (a `{{` that never closes on its
  /// line, a stray `}}`, a triple brace closed by two) are returned beside the tags, so that
  /// one run reports them all; swift-mustache itself would say only "overflow" or nothing.
  public static func scan(_ text: String) -> (tags: [TemplateTag], problems: [TemplateProblem]) {
    var tags: [TemplateTag] = []
    var problems: [TemplateProblem] = []
    for (lineIndex, lineText) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = Array(lineText)
      let lineNumber = lineIndex + 1
      var i = 0
      func at(_ k: Int, _ s: String) -> Bool {
        var i = k
        for c in s {
          guard i < line.count, line[i] == c else { return false }
          i += 1
        }
        return true
      }
      while i < line.count {
        if at(i, "{{") {
          let column = i + 1
          let triple = at(i, "{{{")
          let openLength = triple ? 3 : 2
          let closer = triple ? "}}}" : "}}"
          var j = i + openLength
          var end: Int?
          while j < line.count {
            if at(j, closer) {
              end = j
              break
            }
            if at(j, "{{") { break }
            j += 1
          }
          guard let close = end else {
            if triple, let twoClose = (i + 3..<line.count).first(where: { at($0, "}}") }) {
              problems.append(
                TemplateProblem(
                  line: lineNumber, column: column,
                  message: "'{{{' is closed by '}}' instead of '}}}'; write {{name}}"))
              i = twoClose + 2
            } else {
              problems.append(
                TemplateProblem(
                  line: lineNumber, column: column,
                  message:
                    "unfinished tag: this '\(triple ? "{{{" : "{{")' has no closing '\(closer)' on the same line"
                ))
              i += openLength
            }
            continue
          }
          let inner = String(line[(i + openLength)..<close])
          tags.append(classify(inner, triple: triple, line: lineNumber, column: column))
          i = close + closer.count
        } else if at(i, "}}") {
          problems.append(
            TemplateProblem(
              line: lineNumber, column: i + 1,
              message: "'}}' without an opening '{{' (a missing brace?)"))
          i += 2
        } else {
          i += 1
        }
      }
    }
    return (tags, problems)
  }

  private static func classify(_ inner: String, triple: Bool, line: Int, column: Int) -> TemplateTag {
    let trimmed = inner.trimmingCharacters(in: .whitespaces)
    func tag(_ kind: Kind, _ rest: Substring) -> TemplateTag {
      TemplateTag(
        kind: kind, name: rest.trimmingCharacters(in: .whitespaces), line: line, column: column)
    }
    if triple { return tag(.variable, Substring(trimmed)) }
    guard let first = trimmed.first else { return tag(.variable, "") }
    let rest = trimmed.dropFirst()
    switch first {
    case "#": return tag(.section, rest)
    case "^": return tag(.inverted, rest)
    case "/": return tag(.close, rest)
    case "!": return tag(.comment, rest)
    case "&": return tag(.variable, rest)
    case ">", "$", "<", "%", "=": return tag(.unsupported(String(first)), rest)
    default: return tag(.variable, Substring(trimmed))
    }
  }
}
