import Foundation
import Mustache
import RedressCore
import Yams

/// The documents redress writes from templates, each with its file name under
/// `templates/<language>/` and the typed context it renders from.
public enum TemplateKind: String, CaseIterable, Sendable {
  case letter
  case evidenceList = "evidence-list"
  case powerOfAttorney = "power-of-attorney"
  case followUp = "follow-up"
  case emailBody = "email-body"

  public var fileName: String { rawValue + ".md" }

  /// The shape of the context this template renders from, from a fully populated sample.
  public var schema: TemplateSchema {
    TemplateSchema(TemplateValue.make(from: sampleContext, escape: { $0 }))
  }

  /// The sample context of this template (every optional filled, every list non-empty).
  public var sampleContext: any TemplateFields {
    switch self {
    case .letter: return LetterContext.sample
    case .evidenceList: return EvidenceListContext.sample
    case .powerOfAttorney: return PowerOfAttorneyContext.sample
    case .followUp: return FollowUpContext.sample
    case .emailBody: return EmailBodyContext.sample
    }
  }
}

/// A typed context: the values one template may print, already formatted.
public protocol TemplateContext: TemplateFields {
  static var kind: TemplateKind { get }
  /// Every optional filled and every list non-empty: the tag check resolves tags against it.
  static var sample: Self { get }
}

/// A template file read from disk: front matter checked, body linted against its context.
public struct LoadedTemplate: Sendable {
  public var kind: TemplateKind
  /// The folder it came from (`zh-Hans`, `en`).
  public var language: String
  /// How errors name the file.
  public var displayName: String
  /// The document title (metadata, e-mail subject), itself a one-line template.
  public var title: String
  public var body: String
  /// Lines before the body (the front matter), to turn body lines into file lines.
  public var bodyLineOffset: Int
  let compiledBody: MustacheTemplate
  let compiledTitle: MustacheTemplate
}

/// Finds, reads and checks the templates under a `templates/` folder (`DataLocator`).
public struct TemplateLibrary: Sendable {
  public static let schema = 1
  public let root: URL

  public init(root: URL) { self.root = root }

  /// The template folder for a document language; Traditional Chinese documents fall back to
  /// the Simplified templates until a translation exists (`fellBack` says so).
  public func folder(for language: DocumentLanguage) -> (name: String, fellBack: Bool) {
    let wanted = language.rawValue
    if FileManager.default.fileExists(atPath: root.appendingPathComponent(wanted).path) {
      return (wanted, false)
    }
    return (language == .en ? "en" : "zh-Hans", true)
  }

  /// The language folders present (`en`, `zh-Hans`, …); other folders of `templates/` (the
  /// interview's words in `interview/`) are not document languages.
  public func languages() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    return names.filter {
      guard DocumentLanguage(rawValue: $0) != nil else { return false }
      var isDir: ObjCBool = false
      return FileManager.default.fileExists(
        atPath: root.appendingPathComponent($0).path, isDirectory: &isDir) && isDir.boolValue
    }.sorted()
  }

  public func displayName(_ language: String, _ file: String) -> String {
    root.appendingPathComponent(language).appendingPathComponent(file).path
  }

  /// Reads the terms of a language folder.
  public func terms(_ language: String) throws -> Terms {
    let url = root.appendingPathComponent(language).appendingPathComponent("terms.yaml")
    return try Terms.load(contentsOf: url, displayName: displayName(language, "terms.yaml"))
  }

  /// Reads one template and checks it: front matter (`schema: 1`, `template:` naming this
  /// kind, `title:`), our lint, and swift-mustache's own parse. Throws `DiagnosticsError`
  /// naming the file, line and column of every problem.
  public func template(_ kind: TemplateKind, language: String) throws -> LoadedTemplate {
    let name = displayName(language, kind.fileName)
    let url = root.appendingPathComponent(language).appendingPathComponent(kind.fileName)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw DiagnosticsError([
        Diagnostic(
          .error, file: name,
          message: "no \(kind.fileName) template for language \(language) (looked in \(root.path))")
      ])
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw DiagnosticsError([Diagnostic(.error, file: name, message: "the template is not UTF-8 text")])
    }
    return try Self.parse(
      text.replacingOccurrences(of: "\r\n", with: "\n"), kind: kind, language: language, displayName: name)
  }

  /// Parses a template's text (front matter and body) and lints it against `kind`'s context.
  public static func parse(_ text: String, kind: TemplateKind, language: String, displayName name: String)
    throws -> LoadedTemplate
  {
    var diagnostics: [Diagnostic] = []
    func error(_ line: Int?, _ column: Int?, _ path: String, _ message: String) {
      diagnostics.append(
        Diagnostic(.error, file: name, line: line, column: column, path: path, message: message))
    }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else {
      throw DiagnosticsError([
        Diagnostic(
          .error, file: name, line: 1, column: 1,
          message:
            "a template starts with front matter: a line '---', 'schema: 1', 'template: \(kind.rawValue)', 'title: …', and a closing '---'"
        )
      ])
    }
    let yamlText = lines[1..<end].joined(separator: "\n")
    let body = lines[(end + 1)...].joined(separator: "\n")
    let bodyOffset = end + 1
    var title = ""
    do {
      let node = try YAMLDocumentLoader.load(
        data: Data((yamlText.isEmpty ? "{}" : yamlText).utf8), file: name)
      let r = YAMLNodeReader(file: name)
      if let m = r.mapping(node, path: "", allowed: ["schema", "template", "title", "description"]) {
        r.schema(m, of: node, reads: SchemaVersion(current: Self.schema))
        if let t = r.string(m["template"], path: "template"), t != kind.rawValue {
          r.error(
            "this file is named for the \(kind.rawValue) template but says template: \(t)", at: m["template"],
            path: "template")
        } else if m["template"] == nil {
          r.error("missing 'template: \(kind.rawValue)'", at: node, path: "template")
        }
        title = r.string(m["title"], path: "title") ?? ""
        if title.isEmpty { r.error("missing 'title:' (the document's title)", at: node, path: "title") }
        _ = r.string(m["description"], path: "description")
      }
      for var d in r.diagnostics {
        if let l = d.line { d.line = l + 1 }
        diagnostics.append(d)
      }
    } catch let e as DiagnosticsError {
      for var d in e.diagnostics {
        if let l = d.line { d.line = l + 1 }
        diagnostics.append(d)
      }
    }

    let schema = kind.schema
    for p in TemplateLint.check(body, against: schema) {
      error(p.line + bodyOffset, p.column, "", p.message)
    }
    let titleLine = lines[1..<end].firstIndex { $0.hasPrefix("title:") }.map { $0 + 1 }
    for p in TemplateLint.check(title, against: schema) {
      error(titleLine, nil, "title", p.message)
    }
    if diagnostics.isEmpty, let p = TemplateLint.engineProblem(body) {
      error(p.line + bodyOffset, p.column, "", p.message)
    }
    if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
    // Values arrive escaped for the Markdown subset: the engine must not HTML-escape them.
    let compiledBody = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}\n" + body)
    let compiledTitle = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}\n" + title)
    return LoadedTemplate(
      kind: kind, language: language, displayName: name, title: title, body: body,
      bodyLineOffset: bodyOffset, compiledBody: compiledBody, compiledTitle: compiledTitle)
  }

  /// Reads every template and terms file of every language folder and returns every problem:
  /// what the tests and `CONTRIBUTING.md`'s recipe run after editing a template.
  public func lintAll() -> [Diagnostic] {
    var out: [Diagnostic] = []
    for language in languages() {
      do { _ = try terms(language) } catch let e as DiagnosticsError { out += e.diagnostics } catch {
        out.append(Diagnostic(.error, file: displayName(language, "terms.yaml"), message: "\(error)"))
      }
      for kind in TemplateKind.allCases {
        do { _ = try template(kind, language: language) } catch let e as DiagnosticsError {
          out += e.diagnostics
        } catch {
          out.append(Diagnostic(.error, file: displayName(language, kind.fileName), message: "\(error)"))
        }
      }
    }
    return out
  }
}

extension LoadedTemplate {
  /// Renders the body and the title with a context. The body's values are escaped with
  /// `escape` (the Markdown subset's), the title's are not (it is metadata, not Markdown).
  public func render(_ context: any TemplateFields, escape: (String) -> String) -> (
    title: String, body: String
  ) {
    // The context is read once (reflection is the costly part); the body's copy is escaped.
    let plain = TemplateValue.make(from: context, escape: { $0 })
    let bodyInput = plain.mappingText(escape).mustacheInput
    let titleInput = plain.mustacheInput
    return (compiledTitle.render(titleInput), compiledBody.render(bodyInput))
  }
}
