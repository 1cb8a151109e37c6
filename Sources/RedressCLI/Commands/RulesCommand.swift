import ArgumentParser
import Foundation
import RedressCore
import Yams

struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "Lists the admissibility rules, or explains one.",
    discussion: """
      `redress rules` lists every rule with its severity per venue; `redress rules explain \
      ID` prints one rule with its rationale, condition, citations and examples. For those \
      who edit a rule pack: `redress rules test` checks the pack and runs every example, and \
      `redress rules doc` prints docs/rules.md.
      """,
    subcommands: [List.self, Explain.self, Test.self, Doc.self],
    defaultSubcommand: List.self)

  /// The pack `--jurisdiction` names, with load errors printed as diagnostics.
  static func engine(_ jurisdiction: String, env: CommandEnvironment) throws -> RuleEngine {
    try RuleEngine.load(packAt: try env.data().legal, jurisdiction: jurisdiction)
  }

  /// The pack alone, for listing and explaining: no holiday calendar (nothing is evaluated),
  /// and its zh-Hant only for output in zh-Hant.
  static func pack(_ jurisdiction: String, env: CommandEnvironment) throws -> RulePack {
    try RulePackLoader.load(
      packAt: try env.data().legal, jurisdiction: jurisdiction, traditional: env.language == .zhHant)
  }

  struct List: RedressRunnable {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "Lists every rule: id, severity per venue, summary.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The rule pack (default cn).") var jurisdiction = "cn"

    func execute(_ env: CommandEnvironment) throws -> Int32 {
      let pack = try RulesCommand.pack(jurisdiction, env: env)
      let lang = env.language.rawValue
      let idWidth = max(4, pack.rules.map(\.id.count).max() ?? 0) + 2
      let widths = pack.venues.map { $0.venue.rawValue.count + 2 }
      let title = Localized.pick(pack.name, lang) ?? pack.jurisdiction
      env.output.out(
        env.output.style(
          env.language.phrase(
            "rules.list-title", count: pack.rules.count, ["jurisdiction": pack.jurisdiction, "title": title]),
          .bold))
      var header = "rule".padding(toLength: idWidth, withPad: " ", startingAt: 0)
      for (v, w) in zip(pack.venues, widths) {
        header += v.venue.rawValue.padding(toLength: w, withPad: " ", startingAt: 0)
      }
      env.output.out(env.output.style(header + "summary", .dim))
      for rule in pack.rules {
        var line = rule.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
        for (v, w) in zip(pack.venues, widths) {
          let s = rule.severity(in: v.venue)
          let word = (s?.rawValue ?? "-").padding(toLength: w, withPad: " ", startingAt: 0)
          line += env.output.style(word, s == .block ? .red : s == .warn ? .yellow : .cyan)
        }
        env.output.out(line + (Localized.pick(rule.summary, lang) ?? ""))
      }
      env.output.out("")
      env.output.out(env.language.phrase("rules.list-hint"))
      return 0
    }
  }

  struct Explain: RedressRunnable {
    static let configuration = CommandConfiguration(
      commandName: "explain", abstract: "Explains one rule: rationale, condition, citations, examples.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The rule pack (default cn).") var jurisdiction = "cn"
    @Argument(help: "The rule id, such as cn.time-barred.") var id: String

    func execute(_ env: CommandEnvironment) throws -> Int32 {
      let pack = try RulesCommand.pack(jurisdiction, env: env)
      guard let rule = pack.rule(id) ?? pack.rule("\(jurisdiction).\(id)") else {
        let ids = pack.rules.map(\.id)
        var message = "no rule '\(id)' in pack \(jurisdiction)"
        if let near = YAMLNodeReader.nearest(id, in: ids)
          ?? YAMLNodeReader.nearest("\(jurisdiction).\(id)", in: ids)
        {
          message += "; did you mean '\(near)'?"
        } else {
          message += "; `redress rules` lists them"
        }
        throw UserError(message)
      }
      env.output.out(RulesCommand.explanation(rule, pack: pack, language: env.language, output: env.output))
      return 0
    }
  }

  struct Test: RedressRunnable {
    static let configuration = CommandConfiguration(
      commandName: "test",
      abstract: "Checks a rule pack and runs every example of its rules.",
      discussion: """
        Every problem of the pack is reported with its file, line and column; then each \
        example is run and a failing one is reported at its own line. Exit 0 when all hold, \
        1 when an example fails, 2 or more when the pack does not load. Use --data DIR to \
        test a copy of the data folder (the folder holding legal/).
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The rule pack (default cn).") var jurisdiction = "cn"
    @Argument(help: "Only the examples of this rule.") var id: String?

    func execute(_ env: CommandEnvironment) throws -> Int32 {
      let engine = try RulesCommand.engine(jurisdiction, env: env)
      let report = RuleExampleRunner.run(
        engine, only: id.map { engine.pack.rule($0) == nil ? "\(jurisdiction).\($0)" : $0 })
      for d in report.failures {
        env.output.err(DiagnosticPrinter.format(d, output: env.output, in: env.currentDirectory))
      }
      let rules = id == nil ? engine.pack.rules.count : 1
      if report.failures.isEmpty {
        env.output.out(
          "\(jurisdiction): \(rules) rule\(rules == 1 ? "" : "s"), \(report.checked) examples: all hold")
        return 0
      }
      env.output.err(
        "\(jurisdiction): \(report.failures.count) of \(report.checked) examples fail")
      return 1
    }
  }

  struct Doc: RedressRunnable {
    static let configuration = CommandConfiguration(
      commandName: "doc", abstract: "Prints docs/rules.md: the format and every rule of every pack.")

    @OptionGroup var global: GlobalOptions

    func execute(_ env: CommandEnvironment) throws -> Int32 {
      let legal = try env.data().legal
      let packs = try RulePackDirectory.jurisdictions(in: legal).map {
        try RuleEngine.load(packAt: legal, jurisdiction: $0).pack
      }
      env.output.out(RulePackDocumentation.markdown(for: packs), terminator: "")
      return 0
    }
  }

  /// `node` with each Chinese text in its Traditional form from the pack's generated table (a
  /// zh-Hant reader sees the examples' texts as the rule messages show them); keys stay.
  static func traditional(_ node: Node, _ table: TraditionalTexts) -> Node {
    switch node {
    case .scalar(var scalar):
      if let hant = table[scalar.string] { scalar.string = hant }
      return .scalar(scalar)
    case .mapping(let mapping):
      return .mapping(
        Node.Mapping(mapping.map { ($0.key, traditional($0.value, table)) }, mapping.tag, mapping.style))
    case .sequence(let sequence):
      return .sequence(Node.Sequence(sequence.map { traditional($0, table) }, sequence.tag, sequence.style))
    default:
      return node
    }
  }

  /// One rule in full, for `rules explain`.
  static func explanation(_ rule: Rule, pack: RulePack, language: InterfaceLanguage, output: Output) -> String
  {
    let lang = language.rawValue
    func heading(_ text: String) -> String { output.style(text, .bold) }
    func indent(_ text: String) -> String {
      text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }
    var out: [String] = []
    out.append(output.style("\(rule.id)", .bold) + " — " + (Localized.pick(rule.summary, lang) ?? ""))
    out.append(
      pack.venues.map {
        "\(pack.venueName($0.venue, in: lang)): \(rule.severity(in: $0.venue)?.rawValue ?? "-")"
      }
      .joined(separator: " · "))
    out.append("")
    out.append(heading(language.phrase("rules.heading.why")))
    out.append(indent(Localized.pick(rule.rationale, lang) ?? ""))
    out.append("")
    out.append(heading(language.phrase("rules.heading.when")))
    out += RuleDescription.condition(of: rule, language: lang).map { "  " + $0 }
    if !rule.fields.isEmpty {
      out.append("  " + language.phrase("rules.fields") + rule.fields.joined(separator: ", "))
    }
    out.append("")
    out.append(heading(language.phrase("rules.heading.message")))
    out.append(indent(Localized.pick(rule.messageTexts, lang) ?? ""))
    out.append("")
    out.append(heading(language.phrase("rules.heading.what-to-do")))
    out.append(indent(Localized.pick(rule.adviceTexts, lang) ?? ""))
    out.append("")
    out.append(heading(language.phrase("rules.heading.citations")))
    for c in rule.citations {
      let kind: String
      switch c.confidence {
      case .statute: kind = language.phrase("rules.confidence.statute")
      case .regulation: kind = language.phrase("rules.confidence.regulation")
      case .practice: kind = language.phrase("rules.confidence.practice")
      }
      var line =
        "  - "
        + language.phrase(
          "rules.citation", ["source": c.source(in: lang), "article": c.article(in: lang), "kind": kind])
      if let note = c.note(in: lang) { line += "\n    " + language.phrase("rules.note") + note }
      out.append(line)
    }
    out.append("")
    let applies = rule.examples.filter { $0.kind == .applies }
    let not = rule.examples.filter { $0.kind == .doesNotApply }
    out.append(heading(language.phrase("rules.heading.examples")))
    let root = pack.directory.deletingLastPathComponent().deletingLastPathComponent()
    let base = RulePackDocumentation.relativePath(pack.exampleBase.path, to: root)
    out.append(
      output.style(
        "  " + language.phrase("rules.examples-intro", ["base": base, "today": pack.exampleToday.iso]), .dim))
    for (kind, list) in [(RuleExample.Kind.applies, applies), (.doesNotApply, not)] {
      for (i, ex) in list.enumerated() {
        let label =
          kind == .applies ? language.phrase("rules.applies") : language.phrase("rules.does-not-apply")
        var line = "  \(label) \(i + 1)"
        if let note = ex.note {
          let shown = language == .zhHant ? pack.traditional[note] ?? note : note
          line += language.phrase("rules.example-note", ["note": shown])
        }
        line +=
          "  "
          + output.style(
            language.phrase("rules.example-today", ["today": (ex.today ?? pack.exampleToday).iso]), .dim)
        if let severity = ex.severity {
          line +=
            " "
            + output.style(language.phrase("rules.example-severity", ["severity": severity.rawValue]), .dim)
        }
        out.append(line)
        let fragment =
          (try? Yams.serialize(
            node: language == .zhHant ? traditional(ex.fragment.node, pack.traditional) : ex.fragment.node,
            allowUnicode: true, mappingStyle: .block))?
          .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let body =
          fragment.isEmpty || fragment == "{}" ? language.phrase("rules.base-as-is") : fragment
        out.append(indent(indent(body)))
      }
    }
    out.append("")
    out.append(
      output.style(
        language.phrase(
          "rules.defined-at",
          ["place": RulePackDocumentation.relativePath(rule.file, to: root) + ":\(rule.line)"]),
        .dim))
    return out.joined(separator: "\n")
  }
}
