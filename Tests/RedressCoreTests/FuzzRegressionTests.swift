import Foundation
import RedressCore
import Testing

/// Every input the fuzzer (scripts/fuzz) ever found a problem with stays here as a fixture and
/// must pass the fuzz target's own checks: it loads without crashing, validates, and whatever
/// the reader made of it writes back and reads back as the same case.
struct FuzzRegressionTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/fuzz")

  static var fixtures: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
  }

  @Test(arguments: fixtures)
  func fixtureSurvivesTheFuzzTargetsChecks(_ name: String) throws {
    let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
    guard let node = try? YAMLDocumentLoader.load(data: data, file: name) else { return }
    let (c, map, _) = CaseFileReader.decodeLeniently(node, file: name)
    var validator = CaseValidator(today: CalendarDate(iso: "2026-11-22")!)
    validator.checkFiles = false
    _ = validator.validate(
      LoadedCase(caseFile: c, sourceMap: map, baseDirectory: Self.folder, url: nil))
    let yaml = CaseFileWriter.yaml(for: c)
    let again = try CaseFileReader.read(text: yaml, file: "rewritten.yaml")
    #expect(again == c, "round trip changed the case:\n\(yaml)")
  }
}

/// Inputs the e-invoice fuzz target found a problem with: each must end in an invoice or an
/// `EInvoiceError`, never a crash.
struct EInvoiceFuzzRegressionTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/einvoice-fuzz")

  static var fixtures: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
  }

  @Test(arguments: fixtures)
  func fixtureEndsInAnInvoiceOrAClearError(_ name: String) throws {
    let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
    do {
      _ = try EInvoiceReader.read(data: data)
    } catch let error as EInvoiceError {
      #expect(!error.description.isEmpty)
    }
  }

  @Test func processingInstructionsAreRefusedBeforeParsing() {
    let xml = Data("<?xml version=\"1.0\"?><EInvoice><?x?></EInvoice>".utf8)
    #expect(throws: EInvoiceError(.declarationForbidden)) { try EInvoiceReader.read(data: xml) }
    let declarationOnly = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EInvoice/>".utf8)
    #expect(throws: EInvoiceError(.noInvoiceData)) { try EInvoiceReader.read(data: declarationOnly) }
  }
}
