/// Sizes as people write them on the command line (`25MB`, `10MiB`, `500KB`, `20000000`) and
/// as we print them back.
public enum ByteSize {
  /// The default limit of one encoded message: 20 MB, which most providers accept (many cap
  /// attachments at 20–25 MB, counting the base64-encoded size).
  public static let defaultMessageLimit: Int64 = 20_000_000
  /// Below this no message (headers, body and a small attachment) fits.
  public static let smallestMessageLimit: Int64 = 10_000
  /// More than any mail system accepts; a larger number is a typing mistake.
  public static let largestMessageLimit: Int64 = 10_000_000_000

  static let units: [(String, Int64)] = [
    ("b", 1), ("kb", 1_000), ("mb", 1_000_000), ("gb", 1_000_000_000),
    ("kib", 1 << 10), ("mib", 1 << 20), ("gib", 1 << 30),
  ]

  /// Reads a size: a whole or decimal number, optionally followed by a unit (`B`, `KB`, `MB`,
  /// `GB` in powers of ten; `KiB`, `MiB`, `GiB` in powers of two; any letter case, a space
  /// allowed). The result is rounded down to whole bytes.
  public static func parse(_ text: String) throws -> Int64 {
    let t = text.trimmingCharacters(in: .whitespaces)
    let numberEnd = t.firstIndex { !($0.isASCII && ($0.isNumber || $0 == ".")) } ?? t.endIndex
    let number = String(t[..<numberEnd])
    let unitText = t[numberEnd...].trimmingCharacters(in: .whitespaces).lowercased()
    guard !number.isEmpty else { throw MailError.invalidSize(text: text, reason: .noNumber) }
    let parts = number.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, !parts[0].isEmpty, parts.count == 1 || !parts[1].isEmpty else {
      throw MailError.invalidSize(text: text, reason: .notANumber(number))
    }
    let multiplier: Int64
    if unitText.isEmpty {
      multiplier = 1
    } else if let unit = units.first(where: { $0.0 == unitText }) {
      multiplier = unit.1
    } else {
      throw MailError.invalidSize(text: text, reason: .unknownUnit(unitText))
    }
    let whole = String(parts[0])
    let fraction = parts.count == 2 ? String(parts[1]) : ""
    guard whole.count <= 12, fraction.count <= 9, let w = Int64(whole),
      let f = Int64(fraction.isEmpty ? "0" : fraction)
    else { throw MailError.invalidSize(text: text, reason: .tooLarge) }
    var scale: Int64 = 1
    for _ in 0..<fraction.count { scale *= 10 }
    let (product, overflow) = w.multipliedReportingOverflow(by: multiplier)
    guard !overflow else { throw MailError.invalidSize(text: text, reason: .tooLarge) }
    // multiplier ≤ 2^30 and f < 10^9, so f * multiplier fits in Int64.
    let bytes = product + f * multiplier / scale
    guard bytes >= smallestMessageLimit else {
      throw MailError.invalidSize(text: text, reason: .tooSmall)
    }
    guard bytes <= largestMessageLimit else {
      throw MailError.invalidSize(text: text, reason: .overMailLimit)
    }
    return bytes
  }

  /// A size for a person: `812 bytes`, `31.2 MB`, with decimal units (as `--max-size` reads MB).
  /// Rounds up, so a size just over a limit never prints as equal to it.
  public static func describe(_ bytes: Int64) -> String {
    if bytes < 1_000 { return "\(bytes) bytes" }
    for (unit, size) in [("GB", Int64(1_000_000_000)), ("MB", 1_000_000), ("KB", 1_000)] where bytes >= size {
      let tenths = (bytes * 10 + size - 1) / size
      return tenths % 10 == 0 ? "\(tenths / 10) \(unit)" : "\(tenths / 10).\(tenths % 10) \(unit)"
    }
    return "\(bytes) bytes"
  }
}
