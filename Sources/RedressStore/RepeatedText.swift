import Foundation
import GRDBSQLite

/// The few texts that repeat down a column (jurisdictions, stages, clock ids), each made into a
/// string once: a column's bytes are compared with the ones already seen.
struct RepeatedText {
  private var seen: [(bytes: [UInt8], text: String)] = []

  mutating func text(_ statement: OpaquePointer?, _ column: CInt) -> String? {
    guard let p = sqlite3_column_text(statement, column) else { return nil }
    let bytes = UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(statement, column)))
    for known in seen where known.bytes.count == bytes.count && known.bytes.elementsEqual(bytes) {
      return known.text
    }
    let text = String(decoding: bytes, as: UTF8.self)
    if seen.count < 64 { seen.append((Array(bytes), text)) }
    return text
  }
}
