import Yams

/// Reads a text given in several languages, the same way in every format that has one (rule
/// packs, their source registry, clocks): a mapping with `zh-Hans` and `en`, optionally
/// `zh-Hant`; or, where a format allows it, one plain string standing for every language (an
/// article number). A text without a `zh-Hant` of its own takes it from the jurisdiction's
/// generated table (`zh-Hant.yaml`, `TraditionalTexts`); the texts the table lacks are
/// remembered in `untranslated`, so that a stale table fails its test instead of falling back
/// to Simplified characters. Texts are trimmed of surrounding white space.
public final class LocalizedTextReader {
  /// The languages a text may be given in.
  public static let languages = ["zh-Hans", "zh-Hant", "en"]
  /// The languages every text must be given in.
  public static let requiredLanguages = ["zh-Hans", "en"]

  /// The generated Traditional Chinese; nil: a text's `zh-Hant` is only what the file gives.
  public let traditional: TraditionalTexts?
  /// Simplified texts with no `zh-Hant` of their own and none in `traditional`.
  public private(set) var untranslated: [String] = []

  public init(traditional: TraditionalTexts?) {
    self.traditional = traditional
  }

  /// The text at `node`, keyed by language. A missing `node` is an error (at `parent`) when
  /// `required`; `allowPlain` accepts one string for every required language.
  public func text(
    _ node: Node?, path: String, parent: Node?, required: Bool = true, allowPlain: Bool = false,
    reader r: YAMLNodeReader
  ) -> [String: String] {
    guard let node, !YAMLNodeReader.isNull(node) else {
      if required {
        r.error(
          "missing key '\(path.split(separator: ".").last ?? "")': a text in \(Self.requiredLanguages.joined(separator: " and "))",
          at: parent, path: path)
      }
      return [:]
    }
    if allowPlain, case .scalar(let s) = node {
      let text = Self.trimmed(s.string)
      return Dictionary(uniqueKeysWithValues: Self.requiredLanguages.map { ($0, text) })
    }
    guard let entries = r.mapping(node, path: path, allowed: Self.languages) else { return [:] }
    return text(in: entries, at: node, path: path, reader: r)
  }

  /// The text whose languages are keys of a larger mapping (`entries`, read from `node` at
  /// `path`), beside keys of its own: a clock's route is `{id, zh-Hans, en, citations}`.
  public func text(
    in entries: [String: Node], at node: Node, path: String, reader r: YAMLNodeReader
  ) -> [String: String] {
    var out: [String: String] = [:]
    for language in Self.languages {
      let key = path.isEmpty ? language : "\(path).\(language)"
      if let t = r.string(entries[language], path: key) {
        out[language] = Self.trimmed(t)
      }
    }
    for language in Self.requiredLanguages where (out[language] ?? "").isEmpty {
      if entries[language] != nil && out[language] == nil && !YAMLNodeReader.isNull(entries[language]!) {
        continue  // not text: reported by the reader already
      }
      r.error(
        "missing the \(language) text", at: entries[language] ?? node,
        path: path.isEmpty ? language : "\(path).\(language)")
      out[language] = nil
    }
    if out["zh-Hant"] == nil, let hans = out["zh-Hans"], let traditional {
      if let hant = traditional[hans] {
        out["zh-Hant"] = hant
      } else {
        untranslated.append(hans)
      }
    }
    return out
  }

  /// `text` without leading and trailing white space (Foundation's trimming bridges through
  /// NSString, which costs more than the rest of reading a text).
  public static func trimmed(_ text: String) -> String {
    guard let first = text.firstIndex(where: { !$0.isWhitespace }),
      let last = text.lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(text[first...last])
  }
}
