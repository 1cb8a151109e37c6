import Foundation
import GRDB
import GRDBSQLite
import RedressCore
import Testing

@testable import RedressStore

/// `RepeatedColumn` reads a column of a stepped SQLite statement: a value made once for each
/// distinct text, NULL as nil, and the same answers as making a value of every row.
@Suite struct RepeatedColumnTests {
  /// Every row's value of column 0 of `texts` (SQL NULL for nil), through `column`.
  private func read<V>(_ texts: [String?], _ column: inout RepeatedColumn<V>) throws -> [V?] {
    let queue = try DatabaseQueue()
    return try queue.write { db in
      try db.execute(sql: "CREATE TABLE t (n INTEGER PRIMARY KEY, v TEXT)")
      for (n, text) in texts.enumerated() {
        try db.execute(sql: "INSERT INTO t (n, v) VALUES (?, ?)", arguments: [n, text])
      }
      let statement = try db.makeStatement(sql: "SELECT v FROM t ORDER BY n")
      var values: [V?] = []
      while sqlite3_step(statement.sqliteStatement) == SQLITE_ROW {
        values.append(column.value(statement.sqliteStatement, 0))
      }
      return values
    }
  }

  @Test func repeatsNullsAndEmptyTextReadAsMadeOneByOne() throws {
    let texts: [String?] = ["cn", "cn", nil, "", "", "上海", "cn", nil, "上海", "上", "cnx", "c"]
    var column = RepeatedColumn<String>()
    #expect(try read(texts, &column) == texts)
  }

  @Test func eachDistinctTextIsMadeOnce() throws {
    let texts: [String?] = ["filed", "ready", "filed", "filed", "ready", "closed", nil, "filed"]
    var made: [String] = []
    var column = RepeatedColumn { (text: String) -> String in
      made.append(text)
      return text
    }
    _ = try read(texts, &column)
    #expect(made == ["filed", "ready", "closed"])
  }

  @Test func enumsParseAndUnknownTextIsNotACase() throws {
    var column = RepeatedColumn(CaseStage.init(rawValue:))
    let values = try read(["filed", "bogus", nil, "filed", "answered"], &column)
    #expect(values.count == 5)
    #expect(values[0] == .some(.filed))
    #expect(values[1] == .some(nil))  // a text that names no stage
    #expect(values[2] == nil)  // SQL NULL
    #expect(values[3] == .some(.filed))
    #expect(values[4] == .some(.answered))
  }

  /// Past 64 distinct texts new ones are still read right, only not kept.
  @Test func manyDistinctTextsStayRight() throws {
    let texts: [String?] = (0..<150).map { "r\($0 % 100)" }
    var column = RepeatedColumn<String>()
    #expect(try read(texts, &column) == texts)
  }
}
