import Mustache
import RedressCore

/// The shape of a context as templates see it: which keys exist and what each holds. Taken
/// from a fully populated sample context, so a misspelt tag can be told from an empty value.
public indirect enum TemplateSchema: Hashable, Sendable {
  case text
  case flag
  case list(TemplateSchema)
  case group([String: TemplateSchema])
  /// A list with no element in the sample, or an absent optional: nothing is known.
  case unknown

  public init(_ value: TemplateValue) {
    switch value {
    case .text: self = .text
    case .flag: self = .flag
    case .null: self = .unknown
    case .group(let entries):
      var keys: [String: TemplateSchema] = [:]
      for (k, v) in entries { keys[k] = TemplateSchema(v) }
      self = .group(keys)
    case .list(let items):
      self = .list(items.map(TemplateSchema.init).reduce(TemplateSchema.unknown) { $0.merged($1) })
    }
  }

  /// The union of two shapes (list elements that differ in which keys they fill).
  func merged(_ other: TemplateSchema) -> TemplateSchema {
    switch (self, other) {
    case (.unknown, let x), (let x, .unknown): return x
    case (.group(let a), .group(let b)):
      return .group(a.merging(b) { $0.merged($1) })
    case (.list(let a), .list(let b)): return .list(a.merged(b))
    default: return self
    }
  }

  var keys: [String: TemplateSchema]? {
    if case .group(let k) = self { return k }
    return nil
  }

  var describedKind: String {
    switch self {
    case .text: return "a text"
    case .flag: return "a yes/no flag"
    case .list: return "a list"
    case .group: return "a group of values"
    case .unknown: return "a value"
    }
  }

  /// Every absent optional or empty list in the shape, as key paths: a sample context used
  /// for the tag check must have none.
  public func unknownPaths(prefix: String = "") -> [String] {
    switch self {
    case .unknown: return [prefix.isEmpty ? "(root)" : prefix]
    case .text, .flag: return []
    case .list(let e): return e.unknownPaths(prefix: prefix + "[]")
    case .group(let keys):
      return keys.sorted { $0.key < $1.key }.flatMap {
        $0.value.unknownPaths(prefix: prefix.isEmpty ? $0.key : "\(prefix).\($0.key)")
      }
    }
  }
}

/// Our own checks of a template body, run before swift-mustache sees it. Mustache renders a
/// misspelt key as nothing and reports an unfinished `{{` only as "overflow"; the lint names
/// the line and column of each problem instead, all of them at once: unfinished or stray
/// braces, unbalanced or crossed sections, tags redress does not support (partials,
/// pragmas, changed delimiters, transforms), and every tag whose name the context lacks.
public enum TemplateLint {
  public static func check(_ body: String, against schema: TemplateSchema) -> [TemplateProblem] {
    let (tags, scanProblems) = TemplateTag.scan(body)
    var problems = scanProblems
    struct Open {
      var tag: TemplateTag
    }
    var open: [Open] = []
    var scopes: [TemplateSchema] = [schema]

    func problem(_ tag: TemplateTag, _ message: String) {
      problems.append(TemplateProblem(line: tag.line, column: tag.column, message: message))
    }

    for tag in tags {
      switch tag.kind {
      case .comment:
        continue
      case .unsupported(let sigil):
        let what: String
        switch sigil {
        case ">": what = "partials ({{>name}})"
        case "%": what = "pragmas ({{%…}})"
        case "=": what = "changed delimiters ({{=… …=}})"
        default: what = "template inheritance ({{\(sigil)name}})"
        }
        problem(tag, "\(what) are not supported in redress templates")
        continue
      case .close:
        guard let last = open.last else {
          problem(tag, "{{/\(tag.name)}} closes a section that was never opened")
          continue
        }
        if last.tag.name != tag.name {
          problem(
            tag,
            "{{/\(tag.name)}} does not match the open section {{\(last.tag.kind == .inverted ? "^" : "#")\(last.tag.name)}} of line \(last.tag.line)"
          )
          // Recover when the name closes an outer section: treat the inner ones as closed.
          if let index = open.lastIndex(where: { $0.tag.name == tag.name }) {
            open.removeSubrange(index...)
            scopes.removeSubrange((index + 1)...)
          }
          continue
        }
        open.removeLast()
        scopes.removeLast()
        continue
      case .variable, .section, .inverted:
        break
      }

      if let message = nameProblem(tag.name) {
        problem(tag, message)
        if tag.kind != .variable {
          open.append(Open(tag: tag))
          scopes.append(.unknown)
        }
        continue
      }
      let resolved = resolve(tag.name, in: scopes)
      switch resolved {
      case .failure(let message):
        problem(tag, message)
        if tag.kind != .variable {
          open.append(Open(tag: tag))
          scopes.append(.unknown)
        }
        continue
      case .success(let found):
        switch tag.kind {
        case .variable:
          switch found {
          case .group, .list:
            problem(
              tag,
              "'\(tag.name)' is \(found.describedKind); use a section {{#\(tag.name)}}…{{/\(tag.name)}} and name its parts inside"
            )
          case .flag:
            problem(
              tag,
              "'\(tag.name)' is a yes/no flag; use it as a section {{#\(tag.name)}}…{{/\(tag.name)}}")
          default:
            break
          }
        case .section:
          open.append(Open(tag: tag))
          switch found {
          case .list(let element): scopes.append(element)
          case .flag: scopes.append(.flag)
          default: scopes.append(found)
          }
        case .inverted:
          open.append(Open(tag: tag))
          scopes.append(.flag)
        default:
          break
        }
      }
    }
    for o in open {
      problem(
        o.tag,
        "section {{\(o.tag.kind == .inverted ? "^" : "#")\(o.tag.name)}} is never closed; add {{/\(o.tag.name)}}"
      )
    }
    return problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
  }

  /// Names are keys joined by dots (`complainant.name`), or `.` for the current list element.
  static func nameProblem(_ name: String) -> String? {
    if name.isEmpty { return "empty tag {{}}; write a name such as {{complainant.name}}" }
    if name == "." { return nil }
    if name.contains("(") || name.contains(")") {
      return "transforms such as \(name) are not supported; the context gives values ready to print"
    }
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.")
    if !name.allSatisfy({ allowed.contains($0) }) || name.contains("..") || name.hasSuffix(".") {
      return "'\(name)' is not a valid name: use letters, digits, '_' and '.' between keys"
    }
    return nil
  }

  enum Resolution {
    case success(TemplateSchema)
    case failure(String)
  }

  /// Looks a name up the way swift-mustache does: the first part in the innermost scope that
  /// has it, the rest inside that value.
  static func resolve(_ name: String, in scopes: [TemplateSchema]) -> Resolution {
    if name == "." {
      if case .text = scopes.last { return .success(.text) }
      if case .unknown = scopes.last { return .success(.unknown) }
      return .failure("'{{.}}' is only meaningful inside a section over a list of texts")
    }
    var parts = name.split(separator: ".").map(String.init)
    var current: TemplateSchema
    if name.hasPrefix(".") {
      current = scopes.last ?? .unknown
    } else {
      let first = parts.removeFirst()
      guard let found = scopes.reversed().lazy.compactMap({ $0.keys?[first] }).first else {
        if scopes.contains(where: { if case .unknown = $0 { return true } else { return false } }) {
          return .success(.unknown)
        }
        let visible = Set(scopes.flatMap { $0.keys.map { Array($0.keys) } ?? [] })
        var message = "unknown tag '\(name)': the context has no '\(first)' here"
        if let near = YAMLNodeReader.nearest(first, in: visible.sorted()) {
          message += "; did you mean '\(near)'?"
        }
        return .failure(message)
      }
      current = found
    }
    var walked = name.hasPrefix(".") ? "" : name.split(separator: ".").first.map(String.init)!
    for part in parts {
      if case .unknown = current { return .success(.unknown) }
      guard let keys = current.keys else {
        return .failure("unknown tag '\(name)': '\(walked)' is \(current.describedKind), it has no '\(part)'")
      }
      guard let next = keys[part] else {
        var message = "unknown tag '\(name)': '\(walked.isEmpty ? "." : walked)' has no '\(part)'"
        if let near = YAMLNodeReader.nearest(part, in: keys.keys.sorted()) {
          message += "; did you mean '\(near)'?"
        }
        return .failure(message)
      }
      walked = walked.isEmpty ? part : "\(walked).\(part)"
      current = next
    }
    return .success(current)
  }

  /// swift-mustache's own parse of the body, as a problem with a line and column when it
  /// fails (after our lint, this should never fire; it guards against engine differences).
  static func engineProblem(_ body: String) -> TemplateProblem? {
    do {
      _ = try MustacheTemplate(string: body)
      return nil
    } catch let error as MustacheTemplate.ParserError {
      return TemplateProblem(
        line: error.context.lineNumber, column: error.context.columnNumber,
        message: "the template engine cannot read this: \(error.error)")
    } catch {
      return TemplateProblem(line: 1, column: 1, message: "the template engine cannot read this: \(error)")
    }
  }
}
