import Foundation
import RedressCore
import RedressTestSupport
import Testing

@testable import RedressDocuments

/// The templates under `templates/` and the lint that guards them: a misspelt tag, an
/// unfinished `{{` or an unbalanced section must fail here (and at run time, naming the file,
/// line and column), never render as an empty string.
@Suite struct TemplateLintTests {
  static let library = TemplateLibrary(root: Fixtures.repositoryRoot.appendingPathComponent("templates"))

  @Test func everyTemplateAndTermsFileIsClean() {
    let problems = Self.library.lintAll()
    #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    #expect(Self.library.languages().contains("zh-Hans"))
    #expect(Self.library.languages().contains("en"))
  }

  /// The samples the tag check resolves against must be fully populated: an empty list or an
  /// absent optional would hide the keys below it, and a misspelt tag there would pass.
  @Test(arguments: TemplateKind.allCases)
  func sampleContextIsFullyPopulated(kind: TemplateKind) {
    #expect(kind.schema.unknownPaths() == [], "\(kind.rawValue)")
  }

  /// Walks every tag of every template (variables, sections, inverted sections) against the
  /// keys of its context, independently of the lint's own walk: each name must resolve.
  @Test(arguments: TemplateKind.allCases)
  func everyTagOfEveryTemplateNamesAKeyOfItsContext(kind: TemplateKind) throws {
    for language in Self.library.languages() {
      let url = Self.library.root.appendingPathComponent(language).appendingPathComponent(kind.fileName)
      let text = try String(contentsOf: url, encoding: .utf8)
      let (tags, problems) = TemplateTag.scan(text)
      #expect(problems.isEmpty, "\(language)/\(kind.fileName): \(problems)")
      var stack: [TemplateSchema] = [kind.schema]
      var checked = 0
      for tag in tags {
        switch tag.kind {
        case .close:
          stack.removeLast()
          continue
        case .comment:
          continue
        case .unsupported:
          Issue.record("\(language)/\(kind.fileName):\(tag.line): unsupported tag \(tag.name)")
          continue
        case .variable, .section, .inverted:
          break
        }
        checked += 1
        guard case .success(let found) = TemplateLint.resolve(tag.name, in: stack) else {
          Issue.record(
            "\(language)/\(kind.fileName):\(tag.line):\(tag.column): {{\(tag.name)}} is not a key of the context"
          )
          if tag.kind != .variable { stack.append(.unknown) }
          continue
        }
        if tag.kind == .section, case .list(let element) = found {
          stack.append(element)
        } else if tag.kind != .variable {
          stack.append(found)
        }
      }
      #expect(stack.count == 1, "\(language)/\(kind.fileName): unbalanced sections")
      #expect(checked > 5)
    }
  }

  /// Every template tag is used somewhere: a context key no template in a language prints is
  /// not an error, but a template that prints none of a context's top-level groups is suspect.
  @Test func eachLanguageHasEveryTemplate() {
    for language in Self.library.languages() {
      for kind in TemplateKind.allCases {
        let url = Self.library.root.appendingPathComponent(language).appendingPathComponent(kind.fileName)
        #expect(FileManager.default.fileExists(atPath: url.path), "\(language)/\(kind.fileName)")
      }
    }
  }

  /// A misspelling of any tag of any real template is caught: every name in turn gets one
  /// letter changed, and the lint must object.
  @Test(arguments: TemplateKind.allCases)
  func misspellingAnyTagOfARealTemplateFailsTheLint(kind: TemplateKind) throws {
    let schema = kind.schema
    for language in Self.library.languages() {
      let url = Self.library.root.appendingPathComponent(language).appendingPathComponent(kind.fileName)
      let text = try String(contentsOf: url, encoding: .utf8)
      let body = text.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
      let names = Set(TemplateTag.scan(body).tags.filter { $0.kind == .variable }.map(\.name))
      #expect(!names.isEmpty)
      for name in names where name != "." {
        let misspelt = body.replacingOccurrences(of: "{{\(name)}}", with: "{{\(name)x}}")
        #expect(
          !TemplateLint.check(misspelt, against: schema).isEmpty,
          "\(language)/\(kind.fileName): misspelling {{\(name)}} went unnoticed")
      }
    }
  }

  // MARK: The lint's own cases

  func lint(_ body: String, _ kind: TemplateKind = .letter) -> [String] {
    TemplateLint.check(body, against: kind.schema).map(\.description)
  }

  @Test func misspeltTagIsAnErrorWithASuggestion() {
    #expect(
      lint("投诉人：{{complainant.nane}}\n") == [
        "1:5: unknown tag 'complainant.nane': 'complainant' has no 'nane'; did you mean 'name'?"
      ])
    #expect(
      lint("{{complainent.name}}") == [
        "1:1: unknown tag 'complainent.name': the context has no 'complainent' here; did you mean 'complainant'?"
      ])
  }

  @Test func unfinishedAndStrayBracesAreErrors() {
    #expect(
      lint("a {{complainant.name\nb") == [
        "1:3: unfinished tag: this '{{' has no closing '}}' on the same line"
      ])
    #expect(
      lint("a {{complainant.name} b") == [
        "1:3: unfinished tag: this '{{' has no closing '}}' on the same line"
      ])
    #expect(lint("a complainant.name}} b") == ["1:19: '}}' without an opening '{{' (a missing brace?)"])
    #expect(lint("{{{date}}") == ["1:1: '{{{' is closed by '}}' instead of '}}}'; write {{name}}"])
    #expect(lint("{{{date}}} {{&date}}") == [])
  }

  @Test func sectionsMustBalanceAndNest() {
    #expect(
      lint("{{#agent}}\n{{name}}\n") == [
        "1:1: section {{#agent}} is never closed; add {{/agent}}"
      ])
    #expect(lint("{{/agent}}") == ["1:1: {{/agent}} closes a section that was never opened"])
    #expect(
      lint("{{#agent}}{{#redacted}}{{/agent}}{{/redacted}}") == [
        "1:24: {{/agent}} does not match the open section {{#redacted}} of line 1",
        "1:34: {{/redacted}} closes a section that was never opened",
      ])
  }

  @Test func sectionsChangeWhatNamesMean() {
    // Inside a list, its elements' keys resolve; outside, they do not.
    #expect(lint("{{#claims}}{{request}}{{amount}}{{/claims}}") == [])
    #expect(
      lint("{{request}}") == [
        "1:1: unknown tag 'request': the context has no 'request' here"
      ])
    // Names of enclosing groups stay visible, as mustache looks them up the stack.
    #expect(lint("{{#claims}}{{date}}{{/claims}}") == [])
    #expect(lint("{{#agent}}{{complainant.name}}{{/agent}}") == [])
  }

  @Test func groupsAndFlagsCannotBePrinted() {
    #expect(
      lint("{{complainant}}") == [
        "1:1: 'complainant' is a group of values; use a section {{#complainant}}…{{/complainant}} and name its parts inside"
      ])
    #expect(
      lint("{{redacted}}") == [
        "1:1: 'redacted' is a yes/no flag; use it as a section {{#redacted}}…{{/redacted}}"
      ])
  }

  @Test func unsupportedMustacheFeaturesAreRefused() {
    #expect(lint("{{> footer}}") == ["1:1: partials ({{>name}}) are not supported in redress templates"])
    #expect(
      lint("{{=<% %>=}}") == ["1:1: changed delimiters ({{=… …=}}) are not supported in redress templates"])
    #expect(
      lint("{{% CONTENT_TYPE: HTML}}") == ["1:1: pragmas ({{%…}}) are not supported in redress templates"])
    #expect(
      lint("{{uppercased(date)}}") == [
        "1:1: transforms such as uppercased(date) are not supported; the context gives values ready to print"
      ])
    #expect(lint("{{! a note for editors }}") == [])
  }

  @Test func problemsAreReportedWithFileLinesAtLoad() throws {
    let text = """
      ---
      schema: 1
      template: letter
      title: 投诉书 {{case_idd}}
      ---
      # 投诉书

      {{complainant.nane}} {{#agent}}
      """
    #expect(throws: DiagnosticsError.self) {
      try TemplateLibrary.parse(text, kind: .letter, language: "zh-Hans", displayName: "letter.md")
    }
    do {
      _ = try TemplateLibrary.parse(text, kind: .letter, language: "zh-Hans", displayName: "letter.md")
    } catch let e as DiagnosticsError {
      #expect(
        e.diagnostics.map(\.description) == [
          "letter.md:8:1: error: unknown tag 'complainant.nane': 'complainant' has no 'nane'; did you mean 'name'?",
          "letter.md:8:22: error: section {{#agent}} is never closed; add {{/agent}}",
          "letter.md:4: error: title: unknown tag 'case_idd': the context has no 'case_idd' here; did you mean 'case_id'?",
        ])
    }
  }

  @Test func frontMatterIsRequired() {
    #expect(throws: DiagnosticsError.self) {
      try TemplateLibrary.parse("# 投诉书\n", kind: .letter, language: "zh-Hans", displayName: "x.md")
    }
    do {
      _ = try TemplateLibrary.parse(
        "---\nschema: 2\ntemplate: letters\n---\nx\n", kind: .letter, language: "zh-Hans", displayName: "x.md"
      )
    } catch let e as DiagnosticsError {
      #expect(
        e.diagnostics.map(\.description) == [
          "x.md:2:9: error: schema: schema 2 is newer than this redress reads (1): update redress",
          "x.md:3:11: error: template: this file is named for the letter template but says template: letters",
          "x.md:2:1: error: title: missing 'title:' (the document's title)",
        ])
    } catch {
      Issue.record("\(error)")
    }
  }

  /// A template that passes the lint renders its values.
  @Test func aCleanTemplateRendersItsValues() throws {
    let t = try TemplateLibrary.parse(
      "---\nschema: 1\ntemplate: letter\ntitle: x\n---\n{{complainant.name}}\n", kind: .letter,
      language: "zh-Hans", displayName: "x.md")
    #expect(t.render(LetterContext.sample, escape: { $0 }).body == "Wang Xiaoming\n")
  }
}
