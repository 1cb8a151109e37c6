import Foundation

/// The lexical pieces of PDF (ISO 32000-1 §7.3): numbers, strings, names and dates, written
/// the same way on every machine so that the same input gives the same bytes.
enum PDFSyntax {
  /// A real number with at most three decimals and no trailing zeros ("12", "0.5", "-3.125").
  /// Built from integers, so no locale or platform formatting can change it.
  static func number(_ value: Double) -> String {
    let scaled = (value * 1000).rounded()
    guard scaled.isFinite, abs(scaled) < 9e15 else { return "0" }
    var thousandths = Int64(scaled)
    if thousandths == 0 { return "0" }
    let negative = thousandths < 0
    thousandths = abs(thousandths)
    let whole = thousandths / 1000
    var fraction = thousandths % 1000
    var text = String(whole)
    if fraction != 0 {
      var digits = 3
      while fraction % 10 == 0 {
        fraction /= 10
        digits -= 1
      }
      let raw = String(fraction)
      text += "." + String(repeating: "0", count: digits - raw.count) + raw
    }
    return negative ? "-" + text : text
  }

  /// A literal string `( … )` holding `bytes`: the backslash and both parentheses are escaped,
  /// and every byte outside printable ASCII is written as a three-digit octal escape, so user
  /// text can never end the string early or smuggle in an end-of-line.
  static func literal(_ bytes: [UInt8]) -> String {
    var out = "("
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "("): out += "\\("
      case UInt8(ascii: ")"): out += "\\)"
      case UInt8(ascii: "\\"): out += "\\\\"
      case 0x20...0x7E: out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let octal = String(byte, radix: 8)
        out += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
      }
    }
    return out + ")"
  }

  /// A hexadecimal string `< … >` of `bytes`.
  static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789ABCDEF".utf8)
    var out: [UInt8] = [UInt8(ascii: "<")]
    out.reserveCapacity(bytes.count * 2 + 2)
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0F)])
    }
    out.append(UInt8(ascii: ">"))
    return String(decoding: out, as: UTF8.self)
  }

  /// A text string (§7.9.2.2) for the document information dictionary and /ActualText: plain
  /// ASCII as an escaped literal, anything else as UTF-16BE with a byte order mark.
  static func textString(_ text: String) -> String {
    if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
      return literal(Array(text.utf8))
    }
    var bytes: [UInt8] = [0xFE, 0xFF]
    for unit in text.utf16 {
      bytes.append(UInt8(unit >> 8))
      bytes.append(UInt8(unit & 0xFF))
    }
    return hex(bytes)
  }

  /// A date (§7.9.4) in UTC: `(D:20261122093000Z)`.
  static func date(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    func two(_ value: Int?) -> String {
      let text = String(value ?? 0)
      return text.count < 2 ? "0" + text : text
    }
    let year = String(parts.year ?? 1970)
    return "(D:\(year)\(two(parts.month))\(two(parts.day))\(two(parts.hour))\(two(parts.minute))"
      + "\(two(parts.second))Z)"
  }

  /// A name object (§7.3.5) for an ASCII identifier; anything outside regular characters is
  /// written as `#xx`.
  static func name(_ text: String) -> String {
    var out = "/"
    for byte in text.utf8 {
      let regular = (0x21...0x7E).contains(byte) && !Array("()<>[]{}/%#".utf8).contains(byte)
      if regular {
        out.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        let hexDigits = String(byte, radix: 16, uppercase: true)
        out += "#" + (hexDigits.count < 2 ? "0" : "") + hexDigits
      }
    }
    return out
  }
}
