import ArgumentParser
import Foundation
import RedressCore
import RedressDocuments
import RedressFiles

struct LetterCommand: RedressRunnable {
  static let configuration = CommandConfiguration(
    commandName: "letter",
    abstract: "Writes the complaint letter (投诉书).",
    discussion: """
      The letter is in the case's document language (`language` in the case file). Without -o
      it is written to the current folder as 投诉书-<case id>.<format> (complaint-<case id>.…
      for English); `-o -` prints txt, md or html. An existing file of that name is replaced
      in one step (never half-written); the path written is printed. --redact masks the
      complainant's ID number, phone, e-mail and street address for a public posting.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "A case file or the id of a stored case.") var caseRef: String
  @Option(help: "txt, md, html, docx or pdf.") var format: DocumentFormat = .pdf
  @Option(name: [.customShort("o"), .long], help: "The file to write, or - for standard output.")
  var output: String?
  @Option(help: "The letter's date (YYYY-MM-DD); default today.") var today: CalendarDate?
  @Flag(help: "Mask personal data (ID number, phone, e-mail, street address) for a public posting.")
  var redact = false
  @Option(
    name: .customLong("doc-lang"),
    help: "Write the letter in zh-Hans, zh-Hant or en instead of the case's `language`.")
  var documentLanguage: String?

  func execute(_ env: CommandEnvironment) throws -> Int32 {
    let day = today ?? CommandEnvironment.localToday()
    var loaded = try env.loadCase(caseRef)
    if let documentLanguage {
      loaded.caseFile.language = try DocumentLanguage.parse(documentLanguage, env.words)
    }
    let documents = try env.caseDocuments(loaded, today: day, purpose: .letter)
    let model = try documents.letter(redact: redact)
    let data = try format.render(model)
    try env.writeDocument(
      data, format: format, output: output, defaultName: documents.fileName(.letter, format))
    return 0
  }
}

/// `--format txt|md|html|docx|pdf` of `letter` and `followup`, in either case (`PDF` too).
extension DocumentFormat: ExpressibleByArgument {
  public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension DocumentLanguage {
  /// The `--doc-lang` value, or a usage error listing the languages.
  static func parse(_ text: String, _ words: CommandWords) throws -> DocumentLanguage {
    guard let l = DocumentLanguage(rawValue: text) else {
      throw UserError(
        words.unknownDocumentLanguage(text, allowed: DocumentLanguage.allowedWords), exitCode: 64)
    }
    return l
  }
}

/// What a document is for, to word the warnings that come with it.
enum DocumentPurpose {
  case letter, bundle, followUp
}

extension CommandEnvironment {
  /// The documents of a case on `today`, with the rule pack's findings (the letter cites the
  /// legal bases among them). Warns on standard error when the case lacks required content,
  /// when a blocking rule fires, and when its language has no templates of its own.
  func caseDocuments(_ loaded: LoadedCase, today: CalendarDate, purpose: DocumentPurpose) throws
    -> CaseDocuments
  {
    let c = loaded.caseFile
    let (findings, amounts) = try documentFindings(c, today: today)
    let documents = try CaseDocuments(
      caseFile: c, findings: findings, amounts: amounts, today: today, templates: try data().templates)
    let warn = output.styleErr("warning:", .yellow)
    if documents.fellBack {
      output.err("\(warn) " + words.noTemplates(c.effectiveLanguage.rawValue, using: documents.language))
    }
    if purpose != .followUp {
      let missing = CaseValidator.missingRequiredFields(c)
      if !missing.isEmpty {
        output.err("\(warn) " + words.lacksRequired(missing, reference: caseRef(loaded)))
      }
      let blocks = findings.filter { $0.severity == .block }
      for f in blocks {
        output.err("\(warn) \(f.rule): \(f.message(in: language.rawValue))")
      }
      if !blocks.isEmpty {
        output.err("\(warn) " + words.wouldBeRefused)
      }
    }
    return documents
  }

  private func caseRef(_ loaded: LoadedCase) -> String {
    loaded.url.map { $0.lastPathComponent } ?? loaded.caseFile.id ?? "CASE"
  }

  /// The rule pack's findings on a case, for the legal bases the letter cites.
  func documentFindings(_ c: CaseFile, today: CalendarDate) throws -> ([Finding], [ClaimCalculator.Entry]) {
    let legal = try data().legal
    guard RulePackDirectory.jurisdictions(in: legal).contains(c.effectiveJurisdiction) else {
      output.err("\(output.styleErr("warning:", .yellow)) " + words.noRulePack(c.effectiveJurisdiction))
      return ([], [])
    }
    let engine = try RuleEngine.load(packAt: legal, jurisdiction: c.effectiveJurisdiction)
    return (engine.evaluate(c, today: today), ClaimCalculator(engine: engine).amounts(for: c))
  }

  /// Writes a rendered document: to standard output for `-o -` (text formats, or any format
  /// when standard output is not a terminal), else atomically (0600) to the file, replacing
  /// one that exists, and prints the path.
  func writeDocument(_ data: Data, format: DocumentFormat, output path: String?, defaultName: String) throws {
    if path == "-" {
      if !format.isText && isatty(STDOUT_FILENO) == 1 {
        throw UserError(words.notForTerminal(format.rawValue))
      }
      if format.isText {
        output.out(String(decoding: data, as: UTF8.self), terminator: "")
      } else {
        FileHandle.standardOutput.write(data)
      }
      return
    }
    let url = resolve(path ?? defaultName)
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue {
      throw UserError(words.isAFolderNotAFile(path ?? defaultName))
    }
    do {
      try AtomicFile.write(data, to: url)
    } catch {
      throw UserError(words.cannotWrite(url.path, "\(error)"))
    }
    self.output.out(path ?? defaultName)
  }
}
