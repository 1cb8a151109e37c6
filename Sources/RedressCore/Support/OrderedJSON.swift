/// A JSON value whose object keys keep the order they were given in, so that JSON output reads
/// in the order `cli.md` documents (Foundation's encoder does not keep it). Printed with two
/// spaces of indentation, Chinese text as itself.
public indirect enum OrderedJSON: Equatable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case string(String)
  case array([OrderedJSON])
  case object([(String, OrderedJSON)])

  public static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool { lhs.text() == rhs.text() }

  public static func string(_ value: String?) -> OrderedJSON { value.map { .string($0) } ?? .null }
  public static func int(_ value: Int?) -> OrderedJSON { value.map { .int($0) } ?? .null }
  public static func date(_ value: CalendarDate?) -> OrderedJSON { value.map { .string($0.iso) } ?? .null }

  /// The text, pretty-printed (`indent` > 0) or on one line.
  public func text(indent: Int = 2) -> String {
    var out = ""
    write(into: &out, level: 0, indent: indent)
    return out
  }

  private func write(into out: inout String, level: Int, indent: Int) {
    let newline = indent > 0 ? "\n" : ""
    let pad = String(repeating: " ", count: indent * (level + 1))
    let closePad = String(repeating: " ", count: indent * level)
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .string(let s): Self.quote(s, into: &out)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "[" + newline
      for (i, item) in items.enumerated() {
        out += pad
        item.write(into: &out, level: level + 1, indent: indent)
        out += (i + 1 < items.count ? "," : "") + newline
      }
      out += closePad + "]"
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      out += "{" + newline
      for (i, (key, value)) in members.enumerated() {
        out += pad
        Self.quote(key, into: &out)
        out += indent > 0 ? ": " : ":"
        value.write(into: &out, level: level + 1, indent: indent)
        out += (i + 1 < members.count ? "," : "") + newline
      }
      out += closePad + "}"
    }
  }

  public static func quote(_ s: String, into out: inout String) {
    out += "\""
    // Most strings need no escaping: copy them whole.
    let plain = s.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0xE2 }
    if plain {
      out += s
      out += "\""
      return
    }
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }
}
