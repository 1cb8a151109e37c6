import Foundation
import RedressCore

/// A case's documents in its document language: loads the templates and terms once, builds
/// each typed context, renders it (values escaped for the Markdown subset, the output parsed
/// once, never rendered again) and writes it in any format. What `redress letter`, `bundle`,
/// `followup` and `export --eml` use.
public struct CaseDocuments: Sendable {
  public let builder: ContextBuilder
  public let library: TemplateLibrary
  /// The template folder used (`zh-Hans`, `en`).
  public let language: String
  /// True when the case asked for a language without templates (zh-Hant) and another was used.
  public let fellBack: Bool

  /// `templates` is the data folder's `templates/` (`DataLocator.templates`).
  /// `amounts` are what the law gives the case (`ClaimCalculator`); the letter states the
  /// unused prepaid balance from them.
  public init(
    caseFile: CaseFile, findings: [Finding], amounts: [ClaimCalculator.Entry] = [], today: CalendarDate,
    templates: URL
  ) throws {
    library = TemplateLibrary(root: templates)
    let folder = library.folder(for: caseFile.effectiveLanguage)
    language = folder.name
    fellBack = folder.fellBack
    builder = ContextBuilder(
      caseFile: caseFile, findings: findings, amounts: amounts, today: today,
      terms: try library.terms(folder.name))
  }

  public var terms: Terms { builder.terms }

  /// Renders one template with its context into the document model every writer takes.
  public func model(_ context: some TemplateContext) throws -> DocumentModel {
    let template = try library.template(type(of: context).kind, language: language)
    let rendered = template.render(context, escape: MarkdownSubset.escape)
    do {
      return try MarkdownSubset.parse(rendered.body, title: rendered.title, language: language)
    } catch let e as MarkdownSubsetError {
      // The lint passed, so the template's own Markdown is at fault (a table row with too few
      // cells, say): name the template, and the line of the rendered text.
      throw DiagnosticsError(
        e.problems.map {
          Diagnostic(
            .error, file: template.displayName, path: "",
            message: "the rendered document is not valid Markdown (rendered line \($0.line)): \($0.message)")
        })
    }
  }

  public func letter(redact: Bool = false) throws -> DocumentModel {
    try model(builder.letter(redact: redact))
  }

  public func evidenceList() throws -> DocumentModel { try model(builder.evidenceList()) }

  /// Nil when the case has no agent.
  public func powerOfAttorney() throws -> DocumentModel? {
    guard let context = builder.powerOfAttorney() else { return nil }
    return try model(context)
  }

  /// The follow-up letter for a plan of `FollowUpPlan.make`; `calendarNote` says when a
  /// date relied on weekdays alone.
  public func followUp(_ plan: FollowUpPlan, calendarNote: String? = nil) throws -> DocumentModel {
    try model(builder.followUp(plan, calendarNote: calendarNote))
  }

  /// The e-mail body of one message of a filing (`export --eml`): the files it carries and,
  /// when the filing is split, what each other message carries. Its title is the subject.
  public func emailBody(
    attachments: [EmailBodyContext.AttachmentLine], part: Int = 1,
    otherParts: [(part: Int, attachments: [EmailBodyContext.AttachmentLine])] = []
  ) throws -> DocumentModel {
    try model(builder.emailBody(attachments: attachments, part: part, otherParts: otherParts))
  }

  /// The file name of a document of this case: `投诉书-washer-2026.pdf`.
  public func fileName(_ kind: TemplateKind, _ format: DocumentFormat) -> String {
    let key: String
    switch kind {
    case .letter: key = "letter"
    case .evidenceList: key = "evidence_list"
    case .powerOfAttorney: key = "power_of_attorney"
    case .followUp: key = "follow_up"
    case .emailBody: key = "letter"
    }
    let stem = terms.fileNames[key] ?? kind.rawValue
    let id = builder.caseFile.id.map { "-" + EvidenceCatalog.sanitise($0) } ?? ""
    return "\(stem)\(id).\(format.fileExtension)"
  }

  /// The bundle's default file name: `投诉材料-washer-2026.zip`.
  public var bundleFileName: String {
    let id = builder.caseFile.id.map { "-" + EvidenceCatalog.sanitise($0) } ?? ""
    return "\(terms.fileNames["bundle"] ?? "bundle")\(id).zip"
  }
}
