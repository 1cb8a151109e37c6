/// An exact amount of money with at most two fraction digits, held as an integer count of
/// hundredths (分). Never a binary floating-point value: `"2999.10"` stays 2999.10.
/// The number of fraction digits written in the source is remembered so that a case file
/// writes back as it was read (`"15"` stays `"15"`); equality compares amounts only.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The amount in hundredths of the unit (fen for CNY).
  public let minorUnits: Int64
  /// Fraction digits as written (0, 1 or 2); only affects `text`.
  public let scale: Int

  public init(minorUnits: Int64, scale: Int = 2) {
    self.minorUnits = minorUnits
    self.scale = min(max(scale, 0), 2)
  }

  public static let zero = Money(minorUnits: 0)

  /// Parses a plain decimal: digits, an optional `.` and at most two fraction digits, an
  /// optional leading `-`. No exponent, no grouping commas, no currency sign.
  public init?(decimal text: some StringProtocol) {
    var s = Substring(text)
    var negative = false
    if s.first == "-" {
      negative = true
      s = s.dropFirst()
    }
    let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard let intPart = parts.first, !intPart.isEmpty, intPart.utf8.count <= 15,
      intPart.allSatisfy({ $0.isASCII && $0.isNumber })
    else { return nil }
    var frac: Substring = ""
    if parts.count == 2 {
      frac = parts[1]
      guard !frac.isEmpty, frac.count <= 2, frac.allSatisfy({ $0.isASCII && $0.isNumber }) else {
        return nil
      }
    }
    var units = Int64(intPart)! * 100
    if !frac.isEmpty {
      let padded = frac.count == 1 ? frac + "0" : frac
      units += Int64(padded)!
    }
    self.init(minorUnits: negative ? -units : units, scale: frac.count)
  }

  /// The amount as a plain decimal with its remembered scale: `2999.10`, `15`.
  public var text: String {
    let sign = minorUnits < 0 ? "-" : ""
    let magnitude = minorUnits.magnitude
    let whole = magnitude / 100
    let cents = magnitude % 100
    switch scale {
    case 0 where cents == 0: return "\(sign)\(whole)"
    case 1 where cents % 10 == 0: return "\(sign)\(whole).\(cents / 10)"
    default: return "\(sign)\(whole).\(cents < 10 ? "0" : "")\(cents)"
    }
  }

  /// Always two fraction digits: `2999.00`.
  public var fixed2: String { Money(minorUnits: minorUnits, scale: 2).text }

  /// Grouped with commas and two fraction digits: `3,199.00`.
  public var grouped: String {
    let plain = Money(minorUnits: minorUnits.magnitude > Int64.max.magnitude ? 0 : abs(minorUnits))
      .fixed2
    let dot = plain.firstIndex(of: ".")!
    let whole = Array(plain[..<dot])
    var out = ""
    for (i, c) in whole.enumerated() {
      if i > 0 && (whole.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return (minorUnits < 0 ? "-" : "") + out + plain[dot...]
  }

  public var description: String { text }

  public static func == (lhs: Money, rhs: Money) -> Bool { lhs.minorUnits == rhs.minorUnits }
  public func hash(into hasher: inout Hasher) { hasher.combine(minorUnits) }
  public static func < (lhs: Money, rhs: Money) -> Bool { lhs.minorUnits < rhs.minorUnits }

  /// Exact sum; nil on overflow.
  public func adding(_ other: Money) -> Money? {
    let (r, o) = minorUnits.addingReportingOverflow(other.minorUnits)
    return o ? nil : Money(minorUnits: r, scale: max(scale, other.scale))
  }

  /// Exact product with an integer factor; nil on overflow.
  public func multiplied(by factor: Int64) -> Money? {
    let (r, o) = minorUnits.multipliedReportingOverflow(by: factor)
    return o ? nil : Money(minorUnits: r, scale: 2)
  }

  public static func yuan(_ whole: Int64) -> Money { Money(minorUnits: whole * 100, scale: 2) }
}

extension Money: Codable {
  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let money = Money(decimal: text) else {
      throw DecodingError.dataCorruptedError(
        in: container,
        debugDescription: "expected a decimal with at most two fraction digits, got \"\(text)\"")
    }
    self = money
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(text)
  }
}
