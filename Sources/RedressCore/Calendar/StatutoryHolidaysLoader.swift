import Foundation
import Yams

extension HolidayCalendarLoader {
  /// Reads `legal/calendars/<name>/statute.yaml`: the statute, cited through the source
  /// registry of the jurisdiction it names (`registry: cn`, the `sources:` of
  /// `legal/cn/pack.yaml`, found under `legal`), and one entry per text with the years it
  /// governs and its holidays, each day written as `MM-DD` (Gregorian), `lunar MM-DD`,
  /// `lunar eve` (除夕) or `solar-term NAME`.
  public static func readStatute(contentsOf url: URL, file: String, calendar: String, legal: URL) throws
    -> StatutoryHolidays
  {
    let root = try YAMLDocumentLoader.load(contentsOf: url, displayName: file)
    return try readStatute(root, file: file, calendar: calendar, legal: legal)
  }

  static func readStatute(_ root: Node, file: String, calendar: String, legal: URL) throws
    -> StatutoryHolidays
  {
    let r = YAMLNodeReader(file: file, nodeBudget: 10_000)
    guard
      let top = r.mapping(
        root, path: "", allowed: ["schema", "calendar", "registry", "citations", "texts", "notice_reach"])
    else {
      throw DiagnosticsError(r.diagnostics)
    }
    func need(_ key: String, _ map: [String: Node], _ parent: Node, _ path: String) -> Node? {
      r.required(key, in: map, parent: parent, path: path)
    }
    r.schema(top, of: root, reads: schemaVersion)
    if let n = need("calendar", top, root, ""), let v = r.string(n, path: "calendar"), v != calendar {
      r.error("this file is in the folder of calendar '\(calendar)' but says '\(v)'", at: n, path: "calendar")
    }
    var citations: [Citation] = []
    if let n = need("registry", top, root, ""), let registry = r.string(n, path: "registry") {
      let display = "legal/\(registry)/pack.yaml"
      if FileManager.default.fileExists(atPath: legal.appendingPathComponent("\(registry)/pack.yaml").path) {
        let sources = try ClockCatalogLoader.loadSources(jurisdiction: registry, legal: legal)
        citations = CitationReader(sources: sources, registryFile: display).citations(
          top["citations"], path: "citations", parent: root, reader: r)
      } else {
        r.error(
          "no \(display): 'registry' names the jurisdiction whose pack.yaml lists the statute under 'sources'",
          at: n, path: "registry")
      }
    }
    let title = citations.first?.source ?? ""
    let article = citations.first.flatMap { $0.article.isEmpty ? nil : $0.article }
    var texts: [StatutoryHolidays.Text] = []
    if let n = need("texts", top, root, ""), let list = r.sequence(n, path: "texts") {
      for (i, item) in list.enumerated() {
        let path = "texts[\(i)]"
        guard let map = r.mapping(item, path: path, allowed: ["from", "to", "revision", "holidays"]) else {
          continue
        }
        let from = need("from", map, item, path).flatMap {
          r.integer($0, path: "\(path).from", range: 1900...2999)
        }
        let to = map["to"].flatMap { r.integer($0, path: "\(path).to", range: 1900...2999) }
        let revision = need("revision", map, item, path).flatMap { r.string($0, path: "\(path).revision") }
        var holidays: [StatutoryHolidays.Holiday] = []
        if let hn = need("holidays", map, item, path), let hl = r.sequence(hn, path: "\(path).holidays") {
          for (j, h) in hl.enumerated() {
            let hp = "\(path).holidays[\(j)]"
            guard let hm = r.mapping(h, path: hp, allowed: ["name", "name_en", "days"]) else { continue }
            let name = need("name", hm, h, hp).flatMap { r.string($0, path: "\(hp).name") }
            let en = hm["name_en"].flatMap { r.string($0, path: "\(hp).name_en") }
            var days: [StatutoryHolidays.DayRule] = []
            if let dn = need("days", hm, h, hp), let dl = r.sequence(dn, path: "\(hp).days") {
              for (k, d) in dl.enumerated() {
                guard let text = r.string(d, path: "\(hp).days[\(k)]") else { continue }
                if let rule = dayRule(text) {
                  days.append(rule)
                } else {
                  r.error(
                    "expected MM-DD, lunar MM-DD, lunar eve or solar-term NAME (\(SolarTerms.longitudes.keys.sorted().joined(separator: ", "))), got \"\(text)\"",
                    at: d, path: "\(hp).days[\(k)]")
                }
              }
            }
            if let name {
              holidays.append(StatutoryHolidays.Holiday(name: name, englishName: en, days: days))
            }
          }
        }
        if let from, let to, to < from {
          r.error("'to' (\(to)) is before 'from' (\(from))", at: map["to"], path: "\(path).to")
        }
        if let from, let revision {
          texts.append(
            StatutoryHolidays.Text(firstYear: from, lastYear: to, revision: revision, holidays: holidays))
        }
      }
    }
    // The texts must not govern the same year twice.
    let ordered = texts.sorted { $0.firstYear < $1.firstYear }
    for (a, b) in zip(ordered, ordered.dropFirst()) where (a.lastYear ?? Int.max) >= b.firstYear {
      r.error(
        "the texts of \(a.firstYear) and \(b.firstYear) both govern \(b.firstYear); give the older one a 'to' year",
        at: top["texts"], path: "texts")
    }
    var reach: StatutoryHolidays.NoticeReach?
    if let n = top["notice_reach"],
      let map = r.mapping(n, path: "notice_reach", allowed: ["before", "after"])
    {
      let before = need("before", map, n, "notice_reach").flatMap {
        r.integer($0, path: "notice_reach.before", range: 0...31)
      }
      let after = need("after", map, n, "notice_reach").flatMap {
        r.integer($0, path: "notice_reach.after", range: 0...31)
      }
      if let before, let after { reach = StatutoryHolidays.NoticeReach(before: before, after: after) }
    }
    if r.hasErrors { throw DiagnosticsError(r.diagnostics) }
    return StatutoryHolidays(
      title: title, article: article, texts: ordered, file: file, citations: citations, noticeReach: reach)
  }

  /// `05-01`, `lunar 08-15`, `lunar eve`, `solar-term qingming`.
  static func dayRule(_ text: String) -> StatutoryHolidays.DayRule? {
    let words = text.split(separator: " ").map(String.init)
    func monthDay(_ s: String) -> (Int, Int)? {
      let parts = s.split(separator: "-")
      guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let m = Int(parts[0]),
        let d = Int(parts[1]),
        (1...12).contains(m), (1...31).contains(d)
      else { return nil }
      return (m, d)
    }
    switch words.count {
    case 1:
      guard let (m, d) = monthDay(words[0]), CalendarDate(year: 2000, month: m, day: d) != nil else {
        return nil
      }
      return .solar(month: m, day: d)
    case 2 where words[0] == "lunar":
      if words[1] == "eve" { return .lunarEve }
      guard let (m, d) = monthDay(words[1]), d <= 30 else { return nil }
      return .lunar(month: m, day: d)
    case 2 where words[0] == "solar-term":
      guard let longitude = SolarTerms.longitudes[words[1]] else { return nil }
      return .solarTerm(name: words[1], longitude: longitude)
    default:
      return nil
    }
  }
}
