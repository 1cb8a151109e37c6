import Foundation
import GRDBSQLite

/// The few values that repeat down a column (jurisdictions, stages, clock ids), each made
/// once: a column's bytes are compared with the ones already seen, the last one first.
struct RepeatedColumn<Value> {
  private var seen: [(bytes: [UInt8], value: Value)] = []
  private var last = -1
  private let make: (String) -> Value

  init(_ make: @escaping (String) -> Value) { self.make = make }

  /// The value of `column` in the current row, or nil when it is NULL.
  mutating func value(_ statement: OpaquePointer?, _ column: CInt) -> Value? {
    guard let p = sqlite3_column_text(statement, column) else { return nil }
    let bytes = UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(statement, column)))
    if last >= 0, Self.same(seen[last].bytes, bytes) { return seen[last].value }
    for (i, known) in seen.enumerated() where Self.same(known.bytes, bytes) {
      last = i
      return known.value
    }
    let value = make(String(decoding: bytes, as: UTF8.self))
    if seen.count < 64 {
      seen.append((Array(bytes), value))
      last = seen.count - 1
    }
    return value
  }

  private static func same(_ known: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    known.count == bytes.count
      && known.withUnsafeBufferPointer { k in
        k.isEmpty || memcmp(k.baseAddress!, bytes.baseAddress!, k.count) == 0
      }
  }
}

extension RepeatedColumn where Value == String {
  init() { self.init { $0 } }
}
