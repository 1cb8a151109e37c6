import Foundation

/// The `Date:` header value of RFC 5322 §3.3 (`Sun, 22 Nov 2026 10:30:00 +0800`), written with
/// fixed English names whatever the machine's locale.
public enum MailDate {
  static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
  static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  public static func format(_ date: Date, timeZone: TimeZone) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
    let offsetMinutes = timeZone.secondsFromGMT(for: date) / 60
    let sign = offsetMinutes < 0 ? "-" : "+"
    let magnitude = abs(offsetMinutes)
    return "\(weekdays[c.weekday! - 1]), \(two(c.day!)) \(months[c.month! - 1]) \(c.year!) "
      + "\(two(c.hour!)):\(two(c.minute!)):\(two(c.second!)) \(sign)\(two(magnitude / 60))\(two(magnitude % 60))"
  }

  static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
