import Foundation
import RedressCore
import RedressTestSupport
import Testing

struct CaseFileWriterTests {
  @Test func exampleCaseRoundTrips() throws {
    let original = try CaseFileReader.read(contentsOf: Fixtures.washerCase)
    let yaml = CaseFileWriter.yaml(for: original)
    let again = try CaseFileReader.read(text: yaml, file: "written.yaml")
    #expect(again == original)
    // Writing is stable: the second writing is the first.
    #expect(CaseFileWriter.yaml(for: again) == yaml)
  }

  @Test func foodAgentCaseRoundTrips() throws {
    let original = try CaseFileReader.read(contentsOf: Fixtures.foodAgentCase)
    let again = try CaseFileReader.read(text: CaseFileWriter.yaml(for: original), file: "w.yaml")
    #expect(again == original)
  }

  @Test func keysKeepTheDocumentedOrder() throws {
    var c = try CaseFileReader.read(contentsOf: Fixtures.washerCase)
    c.region = "330100"
    let yaml = CaseFileWriter.yaml(for: c)
    // A list's elements start at their key's column with "- " (libyaml's layout).
    let topKeys = yaml.split(separator: "\n").filter {
      !$0.hasPrefix(" ") && !$0.hasPrefix("#") && !$0.hasPrefix("- ")
    }
    .compactMap { $0.split(separator: ":").first.map(String.init) }
    #expect(topKeys == CaseFile.fields.map(\.key))
    let purchaseKeys = yaml.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
    #expect(purchaseKeys.contains("  amount_paid: \"2999.00\""))
  }

  @Test func chineseIsWrittenAsItself() throws {
    let yaml = CaseFileWriter.yaml(for: try CaseFileReader.read(contentsOf: Fixtures.washerCase))
    #expect(yaml.contains("name: 王小明"))
    #expect(yaml.contains("addressee: 杭州市消费者权益保护委员会"))
    #expect(!yaml.contains("\\u"))
  }

  @Test func moneyKeepsItsText() throws {
    var c = CaseFile()
    var p = Purchase()
    p.amountPaid = Money(decimal: "2999.10")
    var item = Item()
    item.name = "x"
    item.unitPrice = Money(decimal: "15")
    p.items = [item]
    c.purchase = p
    let yaml = CaseFileWriter.yaml(for: c)
    #expect(yaml.contains("amount_paid: \"2999.10\""))
    #expect(yaml.contains("unit_price: \"15\""))
  }

  /// The layout of Yams' emitter (libyaml): the header as comments, lists at their key's
  /// column, an element with no field as `{}`, an empty list that is written as `[]`, multi-line
  /// text as a literal block, nothing folded however long the line.
  @Test func layout() throws {
    var c = CaseFile()
    var p = Purchase()
    var item = Item()
    item.name = "x"
    item.quantity = 2
    p.items = [item, Item()]
    c.purchase = p
    var d = Damage()
    d.description = "第一行\n第二行\n"
    c.damage = d
    var complainant = Complainant()
    complainant.address = String(repeating: "很长 ", count: 40) + "end"
    c.complainant = complainant
    c.negotiation = Negotiation()
    let yaml = CaseFileWriter.yaml(for: c, header: "exported\n第二行")
    let expected = """
      # exported
      # 第二行
      version: 1
      complainant:
        address: \(String(repeating: "很长 ", count: 40))end
      purchase:
        items:
        - name: x
          quantity: 2
        - {}
      damage:
        description: |
          第一行
          第二行
      negotiation:
        attempts: []

      """
    #expect(yaml == expected)
    #expect(try CaseFileReader.read(text: yaml, file: "layout.yaml") == c)
  }

  /// Strings that YAML would misread if written plain come back exactly as they were.
  @Test func awkwardStringsRoundTrip() throws {
    let samples = [
      "", " leading", "trailing ", "yes", "No", "null", "~", "123", "0755-83000000", "2026-10-01",
      "- dash", "a: b", "x #y", "#hash", "'single'", "\"double\"", "multi\nline\n", "no newline\nend",
      "trailing newlines\n\n\n", "\ttab", "控制\u{7}字符", "{braces}", "[list]", "*star", "&amp",
      "!tag", "|pipe", ">fold", "%percent", "@at", "`tick`", "王小明: 投诉", "\u{2028}sep", "3.14",
      ".5", "+1", "true", "  two\n  lines", "\r\nCRLF", "<script>alert(1)</script>", "{{tag}}", "]]>",
    ]
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array(" \n\t:#-'\"\\{}[]&*!|>%@`,?王明。，abc019\u{7}\u{2028}")
    var strings = samples
    for _ in 0..<300 {
      let length = Int.random(in: 1...12, using: &generator)
      strings.append(String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
    }
    for s in strings {
      var c = CaseFile()
      var d = Damage()
      d.description = s
      c.damage = d
      var comp = Complainant()
      comp.name = s
      c.complainant = comp
      let yaml = CaseFileWriter.yaml(for: c)
      let again = try CaseFileReader.read(text: yaml, file: "awkward.yaml")
      #expect(again.damage?.description == s, "description \(s.debugDescription) → \(yaml)")
      #expect(again.complainant?.name == s, "name \(s.debugDescription) → \(yaml)")
    }
  }
}

/// The fields revision 2 of `case-file.md` adds are read, written and read back unchanged, and
/// a case that uses none of them is written without them.
struct CaseFileRevisionTwoFieldTests {
  @Test func newFieldsRoundTrip() throws {
    let text = """
      version: 1
      region: "330100"
      purchase:
        channel: live-stream
        items:
          - name: 私教课
            category: prepaid
        amount_paid: "12800.00"
        prepaid:
          units_total: 96
          units_used: 38
          business_stopped: true
      damage:
        category: after-sales
        drug_safety_violation: false
        serious_injury: true
        business_knew: true
        in_business_custody: false
        disclosed_defect: false
      claims:
        - type: prepaid-refund
      filing:
        filed_on: 2026-10-10
        events:
          - date: 2026-10-12
            kind: appraisal-start
          - date: 2026-10-20
            kind: appraisal-end
          - date: 2026-10-21
            kind: withdrawn

      """
    let c = try CaseFileReader.read(text: text, file: "rev2.yaml")
    #expect(c.region == "330100")
    #expect(c.purchase?.channel == .liveStream)
    #expect(c.purchase?.prepaid?.unitsTotal == 96)
    #expect(c.purchase?.prepaid?.unitsUsed == 38)
    #expect(c.purchase?.prepaid?.businessStopped == true)
    #expect(c.damage?.category == .afterSales)
    #expect(c.damage?.seriousInjury == true)
    #expect(c.claims.first?.type == .prepaidRefund)
    #expect(c.filing?.events.map(\.kind) == [.appraisalStart, .appraisalEnd, .withdrawn])
    let written = CaseFileWriter.yaml(for: c)
    #expect(try CaseFileReader.read(text: written, file: "again.yaml") == c)
    #expect(written.contains("  prepaid:\n    units_total: 96\n    units_used: 38\n"))
  }

  @Test func aVersionOneCaseIsWrittenWithoutTheNewFields() throws {
    let yaml = CaseFileWriter.yaml(for: try CaseFileReader.read(contentsOf: Fixtures.washerCase))
    for key in ["region:", "prepaid:", "drug_safety_violation:", "serious_injury:", "business_knew:"] {
      #expect(!yaml.contains(key), "\(key)")
    }
  }

  @Test func aRegionThatIsNoCodeIsAnErrorAtItsLine() throws {
    for (value, fragment) in [("\"3301\"", "six-digit"), ("\"990100\"", "prefix 99"), ("杭州", "six-digit")] {
      let text = "version: 1\nregion: \(value)\n"
      #expect {
        try CaseFileReader.read(text: text, file: "r.yaml")
      } throws: { error in
        let message = "\(error)"
        return message.contains("r.yaml:2:9") && message.contains("region") && message.contains(fragment)
      }
    }
  }
}
