// libFuzzer entry point over the rule engine: whatever case the reader makes of the input is
// evaluated on several days and at both venues. The pack comes from $REDRESS_DATA/legal
// (scripts/fuzz sets it to the repository).
import Foundation
import RedressCore

let engine: RuleEngine = {
  let root = ProcessInfo.processInfo.environment["REDRESS_DATA"] ?? "."
  do {
    return try RuleEngine.load(packAt: URL(fileURLWithPath: root).appendingPathComponent("legal"), jurisdiction: "cn")
  } catch {
    fatalError("cannot load the cn pack: \(error)")
  }
}()

let days = ["1900-01-01", "2024-02-29", "2026-11-22", "2029-10-05", "9999-12-31"].map { CalendarDate(iso: $0)! }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Data(bytes: data, count: size)
  guard let node = try? YAMLDocumentLoader.load(data: bytes, file: "fuzz.yaml") else { return 0 }
  let (c, _, _) = CaseFileReader.decodeLeniently(node, file: "fuzz.yaml")
  for today in days {
    for venue in Venue.allCases {
      let findings = engine.evaluate(c, today: today, venue: venue)
      // The contract's invariants: admissible exactly when nothing blocks; every finding cites.
      for f in findings where f.citations.isEmpty { fatalError("\(f.rule) has no citation") }
      let missing = CaseValidator.missingRequiredFields(c)
      let reported = findings.first { $0.rule == "cn.missing-contents" }?.fields ?? []
      if Set(missing) != Set(reported) { fatalError("missing-contents \(reported) vs \(missing)") }
    }
  }
  return 0
}
