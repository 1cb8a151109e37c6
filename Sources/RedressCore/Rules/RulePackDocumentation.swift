import Foundation

/// The Markdown of `docs/rules.md`: how a rule is written, then every rule of every pack with
/// its severities, condition, messages, advice, citations and examples. Generated, so that the
/// documentation cannot drift from the data; a test compares it with the checked-in file.
public enum RulePackDocumentation {
  public static func markdown(for packs: [RulePack]) -> String {
    var out: [String] = []
    out.append("# The admissibility rules")
    out.append("")
    out.append(
      "<!-- Generated from legal/ by `redress rules doc`; do not edit by hand. After changing a pack, "
        + "run `REDRESS_RECORD=1 swift test --filter RulesDocumentationTests` (or "
        + "`redress rules doc --data . > docs/rules.md`); a test fails while this file is out of date. -->")
    out.append("")
    out.append(
      "Before a complaint is filed, `redress check` runs every rule of the case's jurisdiction on it. "
        + "A **block** means the body will refuse the complaint as it stands, a **warn** that it will be "
        + "taken but a part is weak, an **info** a legal basis or a route that applies. The rules are data "
        + "under `legal/<jurisdiction>/`, written so that a lawyer can read and correct them; the contract "
        + "they follow is `spec/rules.md`.")
    out.append("")
    out.append(formatGuide)
    for pack in packs { out += section(for: pack) }
    return out.joined(separator: "\n") + "\n"
  }

  private static func section(for pack: RulePack) -> [String] {
    var out: [String] = []
    let name = "\(pack.name["zh-Hans"] ?? "") (\(pack.name["en"] ?? ""))"
    out.append("## Pack `\(pack.jurisdiction)`: \(name)")
    out.append("")
    out.append("Schema \(pack.schema); \(pack.rules.count) rules. Venues:")
    out.append("")
    for v in pack.venues {
      out.append("- `\(v.venue.rawValue)`: \(v.names["zh-Hans"] ?? "") (\(v.names["en"] ?? ""))")
    }
    out.append("")
    out.append("### Rules at a glance")
    out.append("")
    out.append(
      "| rule | " + pack.venues.map { "`\($0.venue.rawValue)`" }.joined(separator: " | ") + " | summary |")
    out.append("|---|" + pack.venues.map { _ in "---|" }.joined() + "---|")
    for rule in pack.rules {
      let severities = pack.venues.map { rule.severity(in: $0.venue)?.rawValue ?? "" }
      out.append(
        "| [`\(rule.id)`](#\(anchor(rule.id))) | " + severities.joined(separator: " | ")
          + " | \(rule.summary["zh-Hans"] ?? "") · \(rule.summary["en"] ?? "") |")
    }
    out.append("")
    out.append("### Sources")
    out.append("")
    out.append("| key | source | kind | note |")
    out.append("|---|---|---|---|")
    for key in pack.sources.keys.sorted() {
      let s = pack.sources[key]!
      let note = [s.notes["zh-Hans"], s.notes["en"]].compactMap { $0 }.joined(separator: " ")
      out.append(
        "| `\(key)` | \(s.names["zh-Hans"] ?? "")<br>\(s.names["en"] ?? "") | \(s.kind.rawValue) | \(note) |")
    }
    out.append("")
    if !pack.amountIDs.isEmpty {
      out.append("### Computed amounts")
      out.append("")
      for id in pack.amountIDs {
        guard let (summary, citations) = pack.amountSummary(id) else { continue }
        out.append("#### `\(id)`")
        out.append("")
        out.append("\(summary["zh-Hans"] ?? "") · \(summary["en"] ?? "")")
        out.append("")
        out.append("```text")
        out += RuleDescription.amount(id, in: pack, language: "en")
        out.append("```")
        out.append("")
        out.append("Citations: " + citations.map(citationLine).joined(separator: "; ") + ".")
        out.append("")
      }
    }
    out.append("### Rules")
    out.append("")
    let root = pack.directory.deletingLastPathComponent().deletingLastPathComponent()
    for rule in pack.rules {
      out.append("#### `\(rule.id)`")
      out.append("")
      out.append("**\(rule.summary["zh-Hans"] ?? "")** · \(rule.summary["en"] ?? "")")
      out.append("")
      out.append(
        "Severity: "
          + pack.venues.map { "`\($0.venue.rawValue)` **\(rule.severity(in: $0.venue)?.rawValue ?? "")**" }
          .joined(separator: ", ") + ".")
      out.append("")
      out.append(rule.rationale["zh-Hans"] ?? "")
      out.append("")
      out.append(rule.rationale["en"] ?? "")
      out.append("")
      out.append("```text")
      out += RuleDescription.condition(of: rule, language: "en")
      out.append("```")
      out.append("")
      if !rule.fields.isEmpty {
        out.append(
          "Fields named by a finding: " + rule.fields.map { "`\($0)`" }.joined(separator: ", ") + ".")
        out.append("")
      }
      out.append("Message:")
      out.append("")
      out.append("> \(rule.messageTexts["zh-Hans"] ?? "")")
      out.append(">")
      out.append("> \(rule.messageTexts["en"] ?? "")")
      out.append("")
      out.append("Advice:")
      out.append("")
      out.append("> \(rule.adviceTexts["zh-Hans"] ?? "")")
      out.append(">")
      out.append("> \(rule.adviceTexts["en"] ?? "")")
      out.append("")
      out.append("Citations:")
      out.append("")
      for c in rule.citations { out.append("- " + citationLine(c)) }
      out.append("")
      let applies = rule.examples.filter { $0.kind == .applies }.count
      let not = rule.examples.count - applies
      let file = relativePath(rule.file, to: root)
      out.append(
        "Examples: \(applies) that apply and \(not) that do not, in [`\(file)`](../\(file)) from line \(rule.line)"
          + " (`redress rules explain \(rule.id)` prints them).")
      out.append("")
    }
    return out
  }

  static func citationLine(_ c: Citation) -> String {
    var s =
      "\(c.source(in: "zh-Hans"))\(c.article(in: "zh-Hans")) (\(c.source(in: "en")), \(c.article(in: "en"))): \(c.confidence.rawValue)"
    if let note = c.notes["en"] { s += ". Note: \(note)" }
    return s
  }

  public static func relativePath(_ path: String, to root: URL) -> String {
    let r = root.standardizedFileURL.path
    let p = URL(fileURLWithPath: path).standardizedFileURL.path
    if p.hasPrefix(r + "/") { return String(p.dropFirst(r.count + 1)) }
    return p
  }

  /// The anchor GitHub gives a heading made of a rule id in backquotes.
  static func anchor(_ id: String) -> String { id.replacingOccurrences(of: ".", with: "") }

  static let formatGuide = """
    ## How a rule is written

    A pack is a folder `legal/<jurisdiction>/` holding `pack.yaml` and the rule files it lists.
    Every file starts with `schema: 1`. `pack.yaml` names the pack, its **venues** (the bodies a
    complaint can go to), the **sources** the rules cite (each with its `kind`: `statute`,
    `regulation` or `practice`), the **amounts** rules compute (such as the statutory maximum of
    a punitive claim), readable **labels** of fields, the **rule files** in order, the
    **base case** the examples are merged over, and the holiday **calendar** (`calendar: cn`,
    a folder of `legal/calendars/`) that `rolled` dates count on.

    A rule is one entry under `rules:`:

    ```yaml
    - id: cn.time-barred                # the jurisdiction, a dot, lower-case words joined by '-'
      severity: block                   # or one per venue: {consumer-association: block, market-regulator: warn}
      summary: {zh-Hans: …, en: …}      # one line, for `redress rules`
      rationale: {zh-Hans: …, en: …}    # why the rule exists, for `redress rules explain`
      when:                             # the condition under which it fires
        field: reference-day
        after: {field: damage.discovered_on, plus: 3 years, rolled: true}
      unless: …                         # optional: an exception
      fields: [damage.discovered_on]    # the fields a finding names
      values:                           # optional: values the texts name as {discovered}, {limit}
        discovered: {field: damage.discovered_on}
        limit: {field: damage.discovered_on, plus: 3 years, rolled: true}
      message: {zh-Hans: …{limit}…, en: …}   # what the user reads
      advice: {zh-Hans: …, en: …}            # what the user can do about it
      citations:
        - source: civil-code            # a key under `sources:` in pack.yaml
          article: {zh-Hans: 第一百八十八条, en: Art. 188}
          confidence: statute           # statute, regulation or practice (no more than the source's kind)
      examples:
        applies:                        # cases the rule must fire on
          - note: one day too late
            today: 2029-10-23           # optional; default: the pack's example day
            case: {}                    # a fragment merged over the base case
            says: 2029年10月22日          # optional: text a message must contain
            fields: [damage.discovered_on]  # optional: the exact fields of the finding
        does-not-apply:                 # cases it must not fire on
          - today: 2029-10-22
            case: {}
    ```

    Texts are given in `zh-Hans` and `en`; their `zh-Hant` is derived from `zh-Hans` by
    `scripts/derive-zh-hant` into `zh-Hant.yaml` (a `zh-Hant` given here wins). A rule citing
    `practice` says so in its message (`实务`, `practice`): practice is never presented as law.

    ### Conditions

    A condition is a mapping with one operator. Fields are named as in the case file
    (`purchase.amount_paid`); `today` is the day of the check; `reference-day` is the day the
    law is applied on: `filing.filed_on` once the case is filed, else today.

    | operator | example | true when |
    |---|---|---|
    | `all` | `all: [C, C]` | every condition is true |
    | `any` | `any: [C, C]` | some condition is true |
    | `not` | `not: C` | the condition is false |
    | `is-true` | `is-true: damage.fraud_alleged` | the flag is true (absent counts as false) |
    | `is-absent` / `is-present` | `is-absent: purchase.purpose` | the field is absent or blank / is there |
    | `is-empty` | `is-empty: evidence` | the list has no elements (or is absent) |
    | `equals` | `field: purchase.purpose`<br>`equals: business` | the field holds the word (or text, flag, number; or `{field: PATH}`) |
    | `one-of` | `field: purchase.channel`<br>`one-of: [online, tv]` | the field holds one of the words |
    | `before`, `after`, `on-or-before`, `on-or-after` | `field: today`<br>`after: {field: damage.discovered_on, plus: 3 years}` | the dates compare so |
    | `more-than`, `less-than`, `at-least`, `at-most` | `field: amount`<br>`more-than: {amount: punitive-maximum}` | the amounts compare so |
    | `some` / `none` | `some: claims`<br>`where: {field: type, equals: mental-damages}` | some / no element matches; inside `where`, fields are named from the element |
    | `missing` | `missing: [complainant.name, {field: agent.name, if-present: agent}]` | a listed field is absent or blank; the finding names each one (`purchase.items[].name`: at least one item has a name) |

    A date on the right is `today`, a day (`2026-04-15`), a field, or `{field: PATH, plus: N days|months|years}`;
    `{first-of: [PATH, PATH], plus: …}` takes the first field present. Periods follow 民法典
    Arts. 201 and 202: the start day is not counted (2026-10-01 + 7 days = 2026-10-08), and a
    month or year lands on the same date or the month's last day (2024-02-29 + 3 years =
    2027-02-28). `rolled: true` then moves a day that is a rest day on the pack's holiday
    calendar to the next working day (民法典 Art. 203), with the same calendar and counting as
    the clocks (2024-02-29 + 3 years, rolled = 2027-03-01, since 2027-02-28 is a Sunday); a
    finding whose rolled day lies in a year without a holiday notice is marked provisional.
    A `block` that is provisional must also hold on the latest day the missing notice could
    move the date to (the statute file's `notice_reach`: the rest days notices have added around
    a holiday); when it does not, it is reported as a warning that depends on the notice.
    Inside `where`, a date term may name a date of the case that the element does not have
    (`first-of: [purchase.received_on, purchase.date]`). An amount on the right is `"500.00"`,
    `{field: PATH}` or `{amount: ID}`.
    Amounts are exact decimals, never floating point.

    **Absence.** A comparison whose field is absent is *unknown*; `all`, `any` and `not` carry
    unknown through (`not` unknown is unknown), and a rule fires only when `when` is true. So a
    rule whose inputs are absent does not fire. `unless` blocks a rule only when it is true: an
    exception that is not shown does not stop the rule. `is-true`, `is-absent`, `is-present`,
    `is-empty`, `some`, `none` and `missing` are never unknown; they exist to speak of absence.
    A value a message names that cannot be computed (its field is absent) also keeps the rule
    from firing.

    ### Amounts

    Under `amounts:` in `pack.yaml`, an amount is the largest of its terms (`larger-of:`), or
    the first of its terms that has a value (`first-of:`). A term is `field: PATH` (a money
    field as it is), `multiply: PATH` with `by: N`, `fixed: "500.00"`, `amount: ID` (an amount
    defined above it), or `unused-share: PATH` with `units-total: PATH` and `units-used: PATH`
    (the amount × (total − used) ÷ total, exact, rounded half up to 0.01: the unused prepaid
    balance of `rules.md`). A term may
    say `only-if: C` (left out unless C is true), `if-absent: leave-out` (left out when its
    field is absent) or `if-absent: zero` (an absent field counts as 0); otherwise an absent
    field makes the whole amount absent. When no term is left, the amount is absent. An
    amount that is a basis of a claim of its own names it with `basis:` (`fraud-treble`):
    `redress claim` lists the bases the terms of `punitive-maximum` apply, each computed by
    the same formula the messages state, and before them every amount with a `basis:` and an
    `applies-if: C` whose C holds (the refund, the prepaid balance); `label:` words the request.

    ### Values in texts

    `{name}` in a message or advice is a value of the rule (`values:`): `{field: PATH}`, a date
    `{field: PATH, plus: …, rolled: true}` or `{first-of: […], plus: …}`, `{amount: ID}`, or a
    text chosen by a word: `{field: purchase.items[].category, texts: {telecom: {zh-Hans: …,
    en: …}}}` (a word the table lacks keeps the rule from firing). A value that may be absent
    says `optional: true` (it does not stop the rule); `cases: [{if: C, text: {zh-Hans: …, en:
    …}}, …, {text: …}]` is the text of the first case whose C holds and whose `{values}` are
    all present (empty when none is). A path through a
    list (`claims[].amount`) reads the first element the rule's `some` matched. `{today}` and
    `{fields}` (the fields a `missing` found, with their labels) are always there. Money is
    written `5,360.00元` in Chinese and `¥5,360.00` in English, dates `2029年10月20日` and
    `2029-10-20`.

    ### Checking a change

    `redress rules test` (with `--data DIR` for a copy of the data) loads the pack, reports every
    problem with its file, line and column (an unknown field or operator, a word a field cannot
    hold, a missing language, citation or example), then runs every example and reports each
    failing one at its own line. The same runs in `swift test`.

    """
}
