import RedressCore

/// Greedy line wrapping by display columns (CJK counts 2) for the plain-text writer.
///
/// A line may break at a space (the space is dropped) or between two Chinese characters; never
/// inside a run of ASCII letters and digits (a word, a number, an order number). Chinese
/// closing punctuation (，。、；：？！）》」 …) never starts a line and opening punctuation
/// (（《「 …) never ends one. A word longer than the whole line is cut where it must be.
enum LineWrapper {
  static func wrap(_ text: String, width: Int) -> [String] {
    let width = max(width, 4)
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    var pendingSpace = ""
    for chunk in chunks(of: text) {
      if chunk.isSpace {
        if !line.isEmpty { pendingSpace += chunk.text }
        continue
      }
      let spaceWidth = DisplayWidth.of(pendingSpace)
      if lineWidth + spaceWidth + chunk.width <= width {
        line += pendingSpace + chunk.text
        lineWidth += spaceWidth + chunk.width
        pendingSpace = ""
        continue
      }
      if !line.isEmpty {
        lines.append(line)
        line = ""
        lineWidth = 0
      }
      pendingSpace = ""
      if chunk.width <= width {
        line = chunk.text
        lineWidth = chunk.width
      } else {
        // Too long for any line: cut it by characters.
        for character in chunk.text {
          let w = DisplayWidth.of(String(character))
          if lineWidth + w > width && !line.isEmpty {
            lines.append(line)
            line = ""
            lineWidth = 0
          }
          line.append(character)
          lineWidth += w
        }
      }
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }

  struct Chunk {
    var text: String
    var isSpace: Bool
    var width: Int { DisplayWidth.of(text) }
  }

  static let closing: Set<Character> = Set(
    "，。、；：？！）》」』】〕〉”’…—·～％,.;:!?)]}%" + "﹚﹜﹞）］｝")
  static let opening: Set<Character> = Set("（《「『【〔〈“‘([{" + "［｛")

  /// The text cut into unbreakable chunks and runs of spaces.
  static func chunks(of text: String) -> [Chunk] {
    var raw: [Chunk] = []
    var word = ""
    func flushWord() {
      if !word.isEmpty {
        raw.append(Chunk(text: word, isSpace: false))
        word = ""
      }
    }
    for character in text {
      if character == " " || character == "\t" || character == "\u{3000}" {
        flushWord()
        if let last = raw.last, last.isSpace {
          raw[raw.count - 1].text.append(character)
        } else {
          raw.append(Chunk(text: String(character), isSpace: true))
        }
      } else if character.unicodeScalars.contains(where: DisplayWidth.isWide) {
        flushWord()
        raw.append(Chunk(text: String(character), isSpace: false))
      } else {
        word.append(character)
      }
    }
    flushWord()
    // Glue: closing punctuation onto what precedes it, opening punctuation onto what follows.
    var glued: [Chunk] = []
    var glueNext = false
    for chunk in raw {
      if chunk.isSpace {
        glued.append(chunk)
        glueNext = false
        continue
      }
      let startsClosing = chunk.text.first.map { closing.contains($0) } ?? false
      if let last = glued.last, !last.isSpace, glueNext || startsClosing {
        glued[glued.count - 1].text += chunk.text
      } else {
        glued.append(chunk)
      }
      glueNext = chunk.text.last.map { opening.contains($0) } ?? false
    }
    return glued
  }
}
