import Foundation
import RedressCore
import RedressTestSupport
import Testing

@testable import RedressDocuments

/// Every template rendered from the shared example cases (`--today 2026-11-22`) in the text
/// formats, compared with the golden files beside this test. Re-record with
/// `REDRESS_RECORD=1`; a recording run fails once so nothing is blessed unread.
@Suite struct GoldenDocumentTests {
  static let today = CalendarDate(iso: "2026-11-22")!
  static let templates = Fixtures.repositoryRoot.appendingPathComponent("templates")
  static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Goldens")

  struct Sample: CustomStringConvertible, Sendable {
    var name: String
    var language: DocumentLanguage
    var description: String { "\(name).\(language.rawValue)" }
  }

  static let samples = [
    Sample(name: "washer", language: .zhHans), Sample(name: "food-agent", language: .zhHans),
    Sample(name: "washer", language: .en), Sample(name: "food-agent", language: .en),
    // Issue 14: a prepaid service (the gym card) and 三包 goods (a phone, fault on day 12).
    Sample(name: "prepaid-gym", language: .zhHans), Sample(name: "prepaid-gym", language: .en),
    Sample(name: "phone-day12", language: .zhHans), Sample(name: "phone-day12", language: .en),
  ]

  static func url(_ name: String) -> URL {
    switch name {
    case "washer": return Fixtures.washerCase
    case "food-agent": return Fixtures.foodAgentCase
    default:
      return Fixtures.repositoryRoot.appendingPathComponent("Tests/RedressCLITests/Fixtures/\(name).yaml")
    }
  }

  /// The example case, with the rule engine's findings where the rules have landed.
  static func documents(_ sample: Sample) throws -> CaseDocuments {
    var c = try LoadedCase.load(contentsOf: url(sample.name)).caseFile
    c.language = sample.language
    if sample.name != "washer" {
      // Filed with the regulator and never accepted: the follow-up letter's case.
      var f = Filing()
      f.filedOn = CalendarDate(iso: "2026-10-30")
      f.reference = "SZ2026103000017"
      c.filing = f
    }
    return try CaseDocuments(
      caseFile: c, findings: try findings(c), amounts: ClaimCalculator(engine: engine).amounts(for: c),
      today: today,
      templates: templates)
  }

  static let engine = try! RuleEngine.load(
    packAt: Fixtures.repositoryRoot.appendingPathComponent("legal"), jurisdiction: "cn")

  static func findings(_ c: CaseFile) throws -> [Finding] { engine.evaluate(c, today: today) }

  static func models(_ sample: Sample) throws -> [(String, DocumentModel)] {
    let d = try documents(sample)
    var out: [(String, DocumentModel)] = [
      ("letter", try d.letter()), ("letter-redacted", try d.letter(redact: true)),
      ("evidence-list", try d.evidenceList()),
    ]
    if let poa = try d.powerOfAttorney() { out.append(("power-of-attorney", poa)) }
    let plan = try FollowUpPlan.make(
      for: d.builder.caseFile, today: today, tracker: FollowUpPlanTests.tracker)
    out.append(("follow-up", try d.model(d.builder.followUp(plan, calendarNote: nil))))
    let pdf = EmailBodyContext.AttachmentLine(name: d.fileName(.letter, .pdf), size: "84 KB")
    let docx = EmailBodyContext.AttachmentLine(name: d.fileName(.letter, .docx), size: "12 KB")
    out.append(("email-body", try d.model(d.builder.emailBody(attachments: [pdf, docx]))))
    out.append(
      (
        "email-body-split",
        try d.model(
          d.builder.emailBody(
            attachments: [pdf, docx], part: 1,
            otherParts: [(2, [EmailBodyContext.AttachmentLine(name: "证据02-漏水视频.mp4", size: "18.4 MB")])]))
      ))
    return out
  }

  @Test(arguments: samples)
  func textFormatsMatchTheirGoldens(sample: Sample) throws {
    for (document, model) in try Self.models(sample) {
      for format in [DocumentFormat.txt, .md, .html] {
        let url = Self.goldens.appendingPathComponent(sample.name)
          .appendingPathComponent("\(document).\(sample.language.rawValue).\(format.fileExtension)")
        expectGolden(try format.render(model), at: url)
      }
    }
  }
}
