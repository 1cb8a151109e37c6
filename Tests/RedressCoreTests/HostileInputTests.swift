import Foundation
import RedressCore
import Testing

/// Inputs built to crash or hang a YAML reader end in one clear error, quickly.
struct HostileInputTests {
  func expectError(_ data: Data, containing text: String) {
    let start = Date()
    do {
      let node = try YAMLDocumentLoader.load(data: data, file: "hostile.yaml")
      _ = try CaseFileReader.decode(node, file: "hostile.yaml")
      Issue.record("hostile input was accepted")
    } catch let error as DiagnosticsError {
      #expect(error.description.contains(text), "\(error.description.prefix(300))")
    } catch {
      Issue.record("unexpected error \(error)")
    }
    // A hang guard, not a benchmark: these must never take long.
    #expect(Date().timeIntervalSince(start) < 2)
  }

  @Test func binaryFile() {
    var bytes = [UInt8](repeating: 0, count: 4096)
    for i in bytes.indices { bytes[i] = UInt8((i * 7919) & 0xFF) }
    expectError(Data(bytes), containing: "not text")
  }

  @Test func invalidUTF8() {
    expectError(Data([0x76, 0x3A, 0x20, 0xC3, 0x28, 0x0A]), containing: "not UTF-8")
  }

  @Test func emptyAndBlankFiles() {
    expectError(Data(), containing: "empty")
    expectError(Data("  \n\n".utf8), containing: "empty")
    expectError(Data("# only a comment\n".utf8), containing: "no YAML document")
  }

  @Test func aListAtTheTop() {
    expectError(Data("- 1\n- 2\n".utf8), containing: "got a list")
  }

  @Test func deeplyNestedFlowBrackets() {
    expectError(Data(("a: " + String(repeating: "[", count: 200_000)).utf8), containing: "nested more than")
    expectError(
      Data(("a: " + String(repeating: "{x: ", count: 100_000)).utf8), containing: "nested more than")
  }

  @Test func deeplyNestedBlockSequences() {
    expectError(Data((String(repeating: "- ", count: 50_000) + "x\n").utf8), containing: "nested more than")
  }

  @Test func repeatedAliasesBillionLaughs() {
    var lines = ["version: 1", "x: &a [{type: refund}, {type: refund}, {type: refund}, {type: refund}]"]
    var previous = "a"
    for name in ["b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m"] {
      lines.append(
        "\(name)_: &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]")
      previous = name
    }
    lines.append("claims: *\(previous)")
    expectError(Data(lines.joined(separator: "\n").utf8), containing: "unknown key")
  }

  @Test func aliasBombInAnAllowedField() {
    var doc = "version: 1\nclaims:\n  - &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in 1..<12 {
      doc +=
        "  - &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
    }
    expectError(Data(doc.utf8), containing: "expected a mapping")
  }

  @Test func tooLarge() {
    let big = Data(count: YAMLDocumentLoader.maxBytes + 1)
    expectError(big, containing: "larger than")
  }
}
