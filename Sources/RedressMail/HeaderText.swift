import Foundation

/// Text on its way into a message header: made safe first (no character that could end the
/// header line or hide what follows), then written as RFC 2047 encoded words folded to fit.
///
/// Every value that reaches a header (names, subject parts, addresses, file names) goes through
/// `sanitized(_:)`, so a CR or LF in a respondent's name can never start a header of its own.
public enum HeaderText {
  /// The longest header line we aim for (RFC 5322 §2.1.1 recommends 78, requires 998).
  public static let preferredLineLength = 78
  /// The longest encoded word RFC 2047 §2 allows.
  public static let maximumEncodedWordLength = 75

  /// `text` with every control character (C0, DEL, C1, the Unicode line and paragraph
  /// separators) and every bidirectional or invisible format character replaced by a space,
  /// runs of white space collapsed to one space, and the ends trimmed.
  public static func sanitized(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if isUnsafe(scalar) || isWhiteSpace(scalar) {
        pendingSpace = !out.isEmpty
        continue
      }
      if pendingSpace {
        out.append(" ")
        pendingSpace = false
      }
      out.append(scalar)
    }
    return String(out)
  }

  /// A character that must never reach a header as itself.
  static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
    switch v {
    case 0x2028, 0x2029: return true  // line and paragraph separators
    case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF: return true
    case 0xFFF9...0xFFFB: return true  // interlinear annotation controls
    default: return false
    }
  }

  static func isWhiteSpace(_ s: Unicode.Scalar) -> Bool {
    s == " " || s.properties.isWhitespace
  }

  /// True when `text` can stand in a header as itself: printable ASCII, nothing a decoder could
  /// take for an encoded word.
  static func isPlainASCII(_ text: String) -> Bool {
    text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } && !text.contains("=?")
  }

  /// RFC 2047 "B" encoded words (`=?UTF-8?B?…?=`) for `text`. No word is longer than
  /// `firstWordLimit` (the first) or `wordLimit` (the others), at most 75 characters each, and
  /// no UTF-8 character is split between two words.
  public static func encodedWords(
    _ text: String, firstWordLimit: Int = maximumEncodedWordLength,
    wordLimit: Int = maximumEncodedWordLength
  ) -> [String] {
    let overhead = "=?UTF-8?B??=".utf8.count
    func capacity(_ limit: Int) -> Int {
      // Base64 turns 3 octets into 4 characters; keep whole groups.
      max(1, (min(limit, maximumEncodedWordLength) - overhead) / 4) * 3
    }
    var words: [String] = []
    var chunk: [UInt8] = []
    var limit = capacity(firstWordLimit)
    for scalar in text.unicodeScalars {
      let bytes = Array(String(scalar).utf8)
      if !chunk.isEmpty && chunk.count + bytes.count > limit {
        words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
        chunk = []
        limit = capacity(wordLimit)
      }
      chunk += bytes
    }
    if !chunk.isEmpty || words.isEmpty {
      words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
    }
    return words
  }

  /// A whole header field, `Name: value`, with the (already sanitised) value encoded when it
  /// is not plain ASCII and folded so that each line fits in 78 characters where it can.
  /// The result has no line end of its own; folds are CRLF followed by a space.
  static func unstructuredField(name: String, value: String) -> String {
    let prefix = name + ": "
    let plainTokens = value.split(separator: " ").map(String.init)
    if isPlainASCII(value), plainTokens.allSatisfy({ $0.utf8.count <= preferredLineLength - 8 }) {
      return fold(prefix: prefix, tokens: plainTokens)
    }
    let words = encodedWords(
      value, firstWordLimit: preferredLineLength - prefix.utf8.count,
      wordLimit: preferredLineLength - 1)
    return fold(prefix: prefix, tokens: words)
  }

  /// Joins tokens with single spaces, breaking the line before a token that would pass 78
  /// characters. (Whitespace between two encoded words is not part of the text, RFC 2047 §6.2.)
  static func fold(prefix: String, tokens: [String]) -> String {
    var out = prefix
    var lineLength = prefix.utf8.count
    var first = true
    for token in tokens {
      let tokenLength = token.utf8.count
      if first {
        out += token
        lineLength += tokenLength
        first = false
      } else if lineLength + 1 + tokenLength > preferredLineLength {
        out += "\r\n " + token
        lineLength = 1 + tokenLength
      } else {
        out += " " + token
        lineLength += 1 + tokenLength
      }
    }
    return out
  }
}
