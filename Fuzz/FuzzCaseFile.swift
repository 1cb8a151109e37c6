// libFuzzer entry point over the case-file reader, the validator and (once present) the rule
// engine. Built by scripts/fuzz, not by SwiftPM: libFuzzer brings its own main().
import Foundation
import RedressCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCaseFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Data(bytes: data, count: size)
  guard let node = try? YAMLDocumentLoader.load(data: bytes, file: "fuzz.yaml") else { return 0 }
  let (c, map, _) = CaseFileReader.decodeLeniently(node, file: "fuzz.yaml")
  let loaded = LoadedCase(
    caseFile: c, sourceMap: map, baseDirectory: URL(fileURLWithPath: "/nonexistent"), url: nil)
  var validator = CaseValidator(today: CalendarDate(year: 2026, month: 11, day: 22)!)
  validator.checkFiles = false
  _ = validator.validate(loaded)
  // What is written must read back as the same case.
  let yaml = CaseFileWriter.yaml(for: c)
  guard let again = try? CaseFileReader.read(text: yaml, file: "rewritten.yaml") else {
    fatalError("written case does not read back:\n\(yaml)")
  }
  if again != c { fatalError("round trip changed the case:\n\(yaml)") }
  return 0
}
