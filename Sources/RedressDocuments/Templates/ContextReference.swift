/// `templates/CONTEXTS.md`: every key each template may use, with what it holds and the
/// sample value, generated from the typed contexts so that it cannot drift from them (a test
/// regenerates it and compares).
public enum ContextReference {
  public static func markdown() -> String {
    var out = """
      # Template contexts

      Generated from the Swift contexts by `ContextReference.markdown()`; do not edit by hand
      (`REDRESS_RECORD=1 swift test --filter ContextReferenceTests` regenerates it). Each
      table lists the names a template may use, what each holds, and the value it has in the
      sample context the tag check uses. Inside a section over a list, the names indented
      under it are those of one element.

      """
    for kind in TemplateKind.allCases {
      out += "\n## \(kind.fileName) (`\(type(of: kind.sampleContext))`)\n\n"
      out += "| name | holds | sample |\n|---|---|---|\n"
      walk(TemplateValue.make(from: kind.sampleContext, escape: { $0 }), path: "", depth: 0, into: &out)
    }
    return out
  }

  private static func walk(_ value: TemplateValue, path: String, depth: Int, into out: inout String) {
    guard case .group(let entries) = value else { return }
    for (key, v) in entries {
      let name = path.isEmpty ? key : "\(path).\(key)"
      let shown =
        String(repeating: "  ", count: depth).replacingOccurrences(of: " ", with: "&nbsp;") + "`\(name)`"
      switch v {
      case .text(let s):
        out += "| \(shown) | text | \(cell(s)) |\n"
      case .flag(let b):
        out += "| \(shown) | yes/no | \(b ? "yes" : "no") |\n"
      case .null:
        out += "| \(shown) | text (absent in the sample) | |\n"
      case .group:
        out +=
          "| \(shown) | group of the names below (a section `{{#\(name)}}…{{/\(name)}}` shows only when present) | |\n"
        walk(v, path: name, depth: depth, into: &out)
      case .list(let items):
        out += "| \(shown) | list: `{{#\(name)}}…{{/\(name)}}` repeats for each | |\n"
        if let first = items.first {
          walk(first, path: "", depth: depth + 1, into: &out)
        }
      }
    }
  }

  private static func cell(_ s: String) -> String {
    s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }
}
