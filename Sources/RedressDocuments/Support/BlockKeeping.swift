import Foundation
import RedressCore

/// Which blocks the paged writers (PDF, Word) keep on the same page as the block after them, so
/// that a letter's parts that belong together are never parted by a page break:
///
/// - a heading stays with what follows it;
/// - a label, a short paragraph that is not a sentence (`此致`, the addressee, `投诉人（签名）：＿＿`,
///   the date, `附：证据清单（共2项）`), stays with the paragraph, list or table after it;
/// - the block before a label stays with it, so that the close of a letter (`此致` and what
///   follows) never starts a page alone, away from the text it closes;
/// - but a right-aligned block (a signature or date line) followed by a block that is not
///   right-aligned ends a group: what comes after a signature may start a new page.
///
/// Writers decide how much of a kept block travels: PDF keeps a paragraph's last lines (at
/// least two, with its widow control), Word sets "keep with next" and widow control.
enum BlockKeeping {
  /// The widest a label may be, in display columns (a Chinese character is two): half a line
  /// of 12 pt text on A4.
  static let labelColumns = 36

  /// For each block, whether it keeps with the next one.
  static func keepsWithNext(_ blocks: [Block]) -> [Bool] {
    blocks.indices.map { index in
      guard index + 1 < blocks.count else { return false }
      let block = blocks[index]
      let next = blocks[index + 1]
      if case .heading = block { return true }
      if case .heading = next { return false }
      if isRightAligned(block) && !isRightAligned(next) { return false }
      return isLabel(block) || isLabel(next)
    }
  }

  /// A one-line paragraph of at most half a line that does not end as a sentence does.
  static func isLabel(_ block: Block) -> Bool {
    guard case .paragraph(let inlines, _) = block,
      !inlines.contains(.lineBreak)
    else { return false }
    let text = inlines.plainText.trimmingCharacters(in: .whitespaces)
    guard let last = text.last, !text.contains("\n") else { return false }
    return DisplayWidth.of(text) <= labelColumns && !"。！？；….!?;".contains(last)
  }

  static func isRightAligned(_ block: Block) -> Bool {
    if case .paragraph(_, .right) = block { return true }
    return false
  }
}
