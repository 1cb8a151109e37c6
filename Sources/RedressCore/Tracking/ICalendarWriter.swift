/// Writes iCalendar (RFC 5545) text: all-day events with a reminder, for calendar programs to
/// import. Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 sequence;
/// TEXT values are escaped, so user text (a company name with a comma, a note with a line
/// break) cannot break the structure.
public enum ICalendarWriter {
  /// One all-day event.
  public struct Event: Hashable, Sendable {
    /// Stable across runs, so that importing again updates the event instead of adding one.
    public var uid: String
    public var date: CalendarDate
    public var summary: String
    public var description: String
    /// Minutes before the event's start (midnight of `date`) that the reminder fires; nil for
    /// no reminder. 900 is 09:00 the day before.
    public var alarmMinutesBefore: Int?
    public var alarmText: String

    public init(
      uid: String, date: CalendarDate, summary: String, description: String,
      alarmMinutesBefore: Int? = 15 * 60, alarmText: String? = nil
    ) {
      self.uid = uid
      self.date = date
      self.summary = summary
      self.description = description
      self.alarmMinutesBefore = alarmMinutesBefore
      self.alarmText = alarmText ?? summary
    }
  }

  /// A UTC instant for `DTSTAMP`, in the basic form `20261122T083000Z`.
  public struct Stamp: Hashable, Sendable {
    public var text: String
    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
      func p(_ v: Int, _ w: Int = 2) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, w - s.count)) + s
      }
      text = "\(p(year, 4))\(p(month))\(p(day))T\(p(hour))\(p(minute))\(p(second))Z"
    }

    /// The instant `seconds` after 1970-01-01T00:00:00Z.
    public init(secondsSince1970 seconds: Int64) {
      let days = Int(seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)
      let rest = Int(seconds - Int64(days) * 86400)
      let date = CalendarDate(julianDay: 2_440_588 + days)
      self.init(
        year: date.year, month: date.month, day: date.day, hour: rest / 3600, minute: rest % 3600 / 60,
        second: rest % 60)
    }
  }

  /// The whole calendar: a VCALENDAR holding one VEVENT (with its VALARM) per event.
  public static func document(
    events: [Event], stamp: Stamp, calendarName: String, productVersion: String
  ) -> String {
    var lines: [String] = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//redress//redress \(productVersion)//ZH",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "X-WR-CALNAME:\(escape(calendarName))",
    ]
    for event in events {
      lines += [
        "BEGIN:VEVENT",
        "UID:\(escape(event.uid))",
        "DTSTAMP:\(stamp.text)",
        "DTSTART;VALUE=DATE:\(basic(event.date))",
        "DTEND;VALUE=DATE:\(basic(event.date.adding(days: 1)))",
        "SUMMARY:\(escape(event.summary))",
        "DESCRIPTION:\(escape(event.description))",
        "TRANSP:TRANSPARENT",
      ]
      if let minutes = event.alarmMinutesBefore {
        lines += [
          "BEGIN:VALARM",
          "ACTION:DISPLAY",
          "DESCRIPTION:\(escape(event.alarmText))",
          "TRIGGER:\(duration(minutesBefore: minutes))",
          "END:VALARM",
        ]
      }
      lines.append("END:VEVENT")
    }
    lines.append("END:VCALENDAR")
    return lines.map(fold).joined(separator: "\r\n") + "\r\n"
  }

  /// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, a line break
  /// written as `\n`, other control characters dropped.
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      defer { previousWasCR = scalar == "\r" }
      switch scalar {
      case "\\": out += "\\\\"
      case ";": out += "\\;"
      case ",": out += "\\,"
      case "\r": out += "\\n"
      case "\n": if !previousWasCR { out += "\\n" }
      case "\t": out += " "
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Folds one content line (RFC 5545 §3.1): no physical line longer than 75 octets, each
  /// continuation starting with a space, never inside a UTF-8 sequence.
  public static func fold(_ line: String) -> String {
    let limit = 75
    guard line.utf8.count > limit else { return line }
    var result = ""
    var width = 0
    var budget = limit
    for scalar in line.unicodeScalars {
      let size = String(scalar).utf8.count
      if width + size > budget {
        result += "\r\n "
        width = 1
        budget = limit
      }
      result.unicodeScalars.append(scalar)
      width += size
    }
    return result
  }

  static func basic(_ date: CalendarDate) -> String { String(date.iso.filter { $0 != "-" }) }

  /// `-PT15H`, `-P1D`, `-PT30M`.
  static func duration(minutesBefore minutes: Int) -> String {
    if minutes == 0 { return "PT0M" }
    let sign = minutes > 0 ? "-" : ""
    let m = abs(minutes)
    if m % 1440 == 0 { return "\(sign)P\(m / 1440)D" }
    if m % 60 == 0 { return "\(sign)PT\(m / 60)H" }
    return "\(sign)PT\(m)M"
  }
}
