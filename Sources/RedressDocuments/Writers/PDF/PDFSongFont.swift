import Foundation

/// One drawable unit of text: the two-byte code shown with the font, its advance, and what it
/// stands for.
struct PDFGlyph: Hashable {
  /// The UCS-2 code under the UniGB-UCS2-H CMap (the Unicode code point for covered text).
  var code: UInt16
  /// Advance in 1/1000 em: the number declared in /W, so measuring and drawing agree.
  var width: Int
  var bold: Bool
  /// The user's text when the drawn code is a stand-in (a replacement mark or an equivalent
  /// character); written as /ActualText so copying gives back the original.
  var actualText: String?
  /// The scalar that decides line-breaking behaviour (the original first scalar).
  var scalar: Unicode.Scalar

  var isSpace: Bool { code == 0x20 && scalar != "\u{00A0}" }
}

/// The body font: STSong-Light, a non-embedded CID font of the Adobe-GB1 collection shown
/// through the predefined CMap UniGB-UCS2-H (a Song face, as Chinese letters use).
///
/// Why not embed a subset of a free font: the only free CJK faces on a stock Debian machine
/// (Noto CJK) are CFF outlines inside a TrueType collection, whose subsetting needs a CFF
/// charstring rewriter; a TrueType face such as AR PL UMing is not installed by default, not
/// present at all on macOS, and would make the output depend on which font files a machine
/// has. STSong-Light is one of the standard Chinese fonts every PDF reader in use in Chinese
/// offices substitutes (Adobe Reader's Asian font pack, WPS, Foxit, PDFium in Chrome and
/// Edge, Apple's PDFKit, poppler with poppler-data), so the file stays small enough to
/// e-mail, renders everywhere without font files, and is byte-for-byte reproducible. The
/// price: the exact glyph shapes are the reader's, and the file is not PDF/A.
///
/// Widths: ASCII uses proportional widths (those of Noto Serif CJK SC, the face fontconfig
/// picks here), and so does the yen sign (U+00A5, which every reader draws half-width: at a full
/// em it stood apart from its amount, "¥ 2,999.00"); everything else the full em (/DW 1000),
/// which is what SimSun and STSong draw for GB 2312's signs (× — “ ” ‘ ’ …). Characters outside the CMap (outside
/// the BMP, emoji, scripts not in GB 18030's two-byte set) are drawn as 〓 (U+3013, the
/// conventional mark for a missing character in Chinese typesetting) with /ActualText
/// keeping the original for search and copy.
struct PDFSongFont {
  static let baseFont = "STSong-Light"
  static let encoding = "UniGB-UCS2-H"
  static let replacement: UInt16 = 0x3013

  /// Maps a grapheme to the glyph to draw, or nil when it draws nothing (format and control
  /// characters, variation selectors).
  func glyph(for character: Character, bold: Bool) -> PDFGlyph? {
    let visible = character.unicodeScalars.filter { !Self.isIgnorable($0) }
    guard let first = visible.first else { return nil }
    if visible.count == 1, let code = Self.code(for: first) {
      return PDFGlyph(code: code, width: Self.width(of: code), bold: bold, actualText: nil, scalar: first)
    }
    if visible.count > 1 {
      let composed = String(String.UnicodeScalarView(visible)).precomposedStringWithCanonicalMapping
      let scalars = Array(composed.unicodeScalars)
      if scalars.count == 1, let code = Self.code(for: scalars[0]) {
        return PDFGlyph(
          code: code, width: Self.width(of: code), bold: bold, actualText: nil, scalar: scalars[0])
      }
    }
    if visible.count == 1, let (code, keepsMeaning) = Self.equivalent(of: first) {
      return PDFGlyph(
        code: code, width: Self.width(of: code), bold: bold,
        actualText: keepsMeaning ? nil : String(character), scalar: first)
    }
    return PDFGlyph(
      code: Self.replacement, width: 1000, bold: bold, actualText: String(character), scalar: first)
  }

  /// The code for a scalar the CMap covers.
  static func code(for scalar: Unicode.Scalar) -> UInt16? {
    guard scalar.value <= 0xFFFF, isCovered(scalar.value) else { return nil }
    return UInt16(scalar.value)
  }

  static func width(of code: UInt16) -> Int {
    if code >= 0x20 && code <= 0x7E { return PDFFontTables.asciiWidths[Int(code) - 0x20] }
    if let sign = PDFFontTables.proportionalSigns.first(where: { $0.code == code }) { return sign.width }
    return 1000
  }

  /// The /W array: ASCII's widths for CIDs 1-95, then each proportional sign's CID.
  static var widthArray: String {
    let ascii = PDFFontTables.asciiWidths.map(String.init).joined(separator: " ")
    let signs = PDFFontTables.proportionalSigns.sorted { $0.cid < $1.cid }.map { "\($0.cid) [\($0.width)]" }
    return "[" + (["1 [\(ascii)]"] + signs).joined(separator: " ") + "]"
  }

  static func isCovered(_ value: UInt32) -> Bool {
    let ranges = PDFFontTables.coveredRanges
    var low = 0
    var high = ranges.count - 1
    while low <= high {
      let middle = (low + high) / 2
      let range = ranges[middle]
      if value < range.lowerBound {
        high = middle - 1
      } else if value > range.upperBound {
        low = middle + 1
      } else {
        return true
      }
    }
    return false
  }

  /// Characters that are not drawn: controls, format characters (zero-width space and
  /// joiner, soft hyphen, byte order mark) and variation selectors.
  static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format: return true
    default: break
    }
    return (0xFE00...0xFE0F).contains(scalar.value) || (0xE0100...0xE01EF).contains(scalar.value)
  }

  /// A covered character that looks the same, and whether it also means the same (spaces do;
  /// a middle dot drawn as the katakana middle dot is kept as /ActualText).
  static func equivalent(of scalar: Unicode.Scalar) -> (UInt16, Bool)? {
    switch scalar.value {
    case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F: return (0x20, true)
    case 0x00B7, 0x2022, 0x2027, 0x2219: return (0x30FB, false)
    case 0x2010, 0x2011, 0x2012, 0x2212: return (0x2D, false)
    default: return nil
    }
  }

  /// The Type0 font, its descendant CIDFont, the descriptor and the ToUnicode CMap for the
  /// codes actually used. Returns the Type0 font to name in page resources.
  func writeObjects(
    into file: inout PDFFileBuilder, usedCodes: Set<UInt16>
  ) throws -> PDFFileBuilder.Reference {
    let toUnicode = try file.addStream(content: Data(Self.toUnicodeCMap(usedCodes).utf8))
    // /FontFamily names the Song family readers know (SimSun, 宋体): poppler and other
    // fontconfig-based readers then substitute a Song (serif) face instead of a sans one.
    let descriptor = file.add(
      "<< /Type /FontDescriptor /FontName /\(Self.baseFont) /FontFamily (SimSun) /Flags 6"
        + " /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120"
        + " /CapHeight 880 /StemV 93 >>")
    let cidFont = file.add(
      "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /\(Self.baseFont)"
        + " /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >>"
        + " /FontDescriptor \(descriptor.text) /DW 1000 /W \(Self.widthArray) >>")
    return file.add(
      "<< /Type /Font /Subtype /Type0 /BaseFont /\(Self.baseFont)-\(Self.encoding)"
        + " /Encoding /\(Self.encoding) /DescendantFonts [\(cidFont.text)]"
        + " /ToUnicode \(toUnicode.text) >>")
  }

  /// A ToUnicode CMap (§9.10.3) mapping each used code to itself, as ranges that stay within
  /// one high byte, at most 100 per block.
  static func toUnicodeCMap(_ codes: Set<UInt16>) -> String {
    var ranges: [(UInt16, UInt16)] = []
    for code in codes.sorted() {
      if let last = ranges.last, last.1 &+ 1 == code, code & 0xFF != 0 {
        ranges[ranges.count - 1].1 = code
      } else {
        ranges.append((code, code))
      }
    }
    func hex(_ code: UInt16) -> String { PDFSyntax.hex([UInt8(code >> 8), UInt8(code & 0xFF)]) }
    var out = """
      /CIDInit /ProcSet findresource begin
      12 dict begin
      begincmap
      /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
      /CMapName /Adobe-Identity-UCS def
      /CMapType 2 def
      1 begincodespacerange
      <0000> <FFFF>
      endcodespacerange

      """
    var index = 0
    while index < ranges.count {
      let block = ranges[index..<min(index + 100, ranges.count)]
      out += "\(block.count) beginbfrange\n"
      for (low, high) in block {
        out += "\(hex(low)) \(hex(high)) \(hex(low))\n"
      }
      out += "endbfrange\n"
      index += 100
    }
    out += """
      endcmap
      CMapName currentdict /CMap defineresource pop
      end
      end

      """
    return out
  }
}
