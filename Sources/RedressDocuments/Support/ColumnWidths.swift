/// How the paged writers (PDF, Word) share a table's width among its columns.
///
/// Each column states what it asks for at a few levels, from the least it can do with to what
/// puts its widest cell on one line. The writers use these levels, in this order:
///
/// 1. the hard minimum with the cell padding cut to its least;
/// 2. the hard minimum: no unbreakable unit (an amount such as "¥2,999.00", a model number
///    such as `XQG100-14`, a Latin word) broken inside, and a cell of a few characters (`序号`,
///    `10公斤`, `江苏无锡`) not broken at all;
/// 3. short cells (a date, a name, a kind) on one line;
/// 4. (Word) room for Latin text in a wider substitute font;
/// 5. every cell on one line.
///
/// The columns get the highest level that fits as a whole, and what is left is shared in
/// proportion to how much more each column asks for at the level above (at the top level, in
/// proportion to the widths). When not even the first level fits, the narrow columns keep it
/// and only the widest ones are cut (to one common width), so that as few units as possible are
/// broken.
enum ColumnWidths {
  /// Widths that add up to `available`. `levels` go from the least to the most each column asks
  /// for; a level below the one before it is raised to it.
  static func distribute(levels: [[Double]], available: Double) -> [Double] {
    guard let first = levels.first, !first.isEmpty else { return [] }
    var raised = [first]
    for level in levels.dropFirst() {
      raised.append(zip(level, raised[raised.count - 1]).map { max($0, $1) })
    }
    func sum(_ values: [Double]) -> Double { values.reduce(0, +) }
    guard let fitting = raised.lastIndex(where: { sum($0) <= available }) else {
      return waterFill(first, available: available)
    }
    let base = raised[fitting]
    let target = fitting + 1 < raised.count ? raised[fitting + 1] : base
    let room = available - sum(base)
    let wish = zip(target, base).map { $0 - $1 }
    let wishTotal = sum(wish)
    if wishTotal > 0 { return zip(base, wish).map { $0 + room * $1 / wishTotal } }
    let total = sum(base)
    return total > 0 ? base.map { $0 + room * $0 / total } : base.map { _ in available / Double(base.count) }
  }

  /// The widths capped at the largest common width under which they add up to `available`.
  static func waterFill(_ widths: [Double], available: Double) -> [Double] {
    var remaining = available
    var open = widths.count
    var cap = 0.0
    for width in widths.sorted() {
      let share = remaining / Double(open)
      if width > share {
        cap = share
        break
      }
      remaining -= width
      open -= 1
      cap = width
    }
    return widths.map { min($0, cap) }
  }
}
