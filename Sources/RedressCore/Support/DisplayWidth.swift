/// How many terminal columns text takes: East Asian wide and fullwidth characters (Chinese,
/// Japanese, Korean, fullwidth punctuation, most emoji) take two, combining marks and
/// zero-width characters none, everything else one. Tables pad with this, not `count`, so
/// that columns of Chinese text line up.
public enum DisplayWidth {
  public static func of(_ text: String) -> Int {
    // The common cases read the UTF-8 bytes in place: printable ASCII (ids, dates, English
    // words) is one column a byte, and a three-byte sequence (U+0800 to U+FFFF: Chinese,
    // CJK punctuation) is decoded here. Anything else takes the scalars one by one.
    let fast = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
      var width = 0
      var i = 0
      while i < bytes.count {
        let b = bytes[i]
        if b >= 0x20 && b < 0x7F {
          width += 1
          i += 1
        } else if b & 0xF0 == 0xE0 && i + 2 < bytes.count {
          // A string's UTF-8 is always well formed: the two bytes that follow continue it.
          let v = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
          guard let scalar = Unicode.Scalar(v) else { return nil }
          width += of(scalar)
          i += 3
        } else {
          return nil
        }
      }
      return width
    }
    if let known = fast ?? nil { return known }
    var width = 0
    for scalar in text.unicodeScalars { width += of(scalar) }
    return width
  }

  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v >= 0x20 && v < 0x7F { return 1 }  // printable ASCII, the common case
    if isWide(v) { return 2 }
    if v == 0 || v == 0x200B || v == 0x200C || v == 0x200D || v == 0x2060 || v == 0xFEFF { return 0 }
    if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    return 1
  }

  /// Whether `scalar` is East Asian Wide or Fullwidth.
  public static func isWide(_ scalar: Unicode.Scalar) -> Bool { isWide(scalar.value) }

  /// The East Asian Wide (W) and Fullwidth (F) ranges of Unicode's EastAsianWidth.txt, folded
  /// into blocks.
  public static func isWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F,  // Hangul Jamo initial consonants
      0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3, 0x25FD...0x25FE,
      0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE,
      0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705,
      0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0,
      0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
      0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
      0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility, Kanbun, CJK compatibility
      0x3400...0x4DBF,  // CJK extension A
      0x4E00...0x9FFF,  // CJK unified ideographs
      0xA000...0xA4CF,  // Yi
      0xA960...0xA97F,  // Hangul Jamo extended A
      0xAC00...0xD7A3,  // Hangul syllables
      0xF900...0xFAFF,  // CJK compatibility ideographs
      0xFE10...0xFE19,  // vertical forms
      0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
      0xFF00...0xFF60,  // fullwidth forms
      0xFFE0...0xFFE6,  // fullwidth signs
      0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,  // Tangut, Kana supplement
      0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251,
      0x1F300...0x1F64F,  // pictographs, emoticons (wide when presented as emoji)
      0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF,
      0x20000...0x2FFFD, 0x30000...0x3FFFD:  // CJK extensions B and later
      return true
    default:
      return false
    }
  }

  /// `text` padded with spaces to `width` columns (left-aligned, or right-aligned).
  public static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - of(text)))
    return right ? fill + text : text + fill
  }

  /// `text` cut to at most `width` columns, ending in `…` when cut.
  public static func truncate(_ text: String, to width: Int) -> String {
    guard of(text) > width else { return text }
    var out = ""
    var used = 0
    for ch in text {
      let w = of(String(ch))
      if used + w > width - 1 { break }
      out.append(ch)
      used += w
    }
    return out + "…"
  }
}
