import Foundation
import RedressTestSupport
import Testing

@testable import RedressCore

@Suite struct EInvoiceReaderTests {
  static let example = Fixtures.sharedExamples.appendingPathComponent("evidence/invoice.xml")

  @Test func readsTheSharedExample() throws {
    let invoice = try EInvoiceReader.read(contentsOf: Self.example)
    #expect(invoice.sellerName == "某某电器销售有限公司")
    #expect(invoice.sellerTaxID == "91350100M000100Y43")
    #expect(invoice.sellerAddress == "南京市玄武区某某大道8号")
    #expect(invoice.sellerPhone == "025-84000000")
    #expect(invoice.buyerName == "王小明")
    #expect(invoice.number == "26322000000012345678")
    #expect(invoice.issueDate == CalendarDate(iso: "2026-10-01"))
    #expect(invoice.totalIncludingTax == Money(decimal: "2999.00"))
    #expect(invoice.totalExcludingTax == Money(decimal: "2653.98"))
    #expect(invoice.totalTax == Money(decimal: "345.02"))
    #expect(invoice.lines.count == 1)
    let line = try #require(invoice.lines.first)
    #expect(line.name == "*家用电器*滚筒洗衣机")
    #expect(line.plainName == "滚筒洗衣机")
    #expect(line.taxCategory == "家用电器")
    #expect(line.specModel == "XQG100-14")
    #expect(line.unit == "台")
    #expect(line.quantity?.wholeNumber == 1)
    // The pre-tax unit price keeps every digit as written; it is never a Money.
    #expect(line.unitPrice?.description == "2653.982300884956")
    #expect(line.unitPrice?.money == nil)
    #expect(line.amount == Money(decimal: "2653.98"))
    #expect(line.tax == Money(decimal: "345.02"))
    #expect(line.totalIncludingTax == Money(decimal: "2999.00"))
    #expect(line.exactUnitPriceIncludingTax == Money(decimal: "2999.00"))
  }

  static func invoice(items: String, total: String = "100.00", extraHead: String = "") -> Data {
    Data(
      """
      <?xml version="1.0" encoding="UTF-8"?>\(extraHead)
      <EInvoice><EInvoiceData>
      <SellerInformation><SellerName>甲商店</SellerName><SellerIdNum>91350100M000100Y43</SellerIdNum></SellerInformation>
      <BasicInformation><TotalTax-includedAmount>\(total)</TotalTax-includedAmount></BasicInformation>
      \(items)
      </EInvoiceData>
      <TaxSupervisionInfo><IssueTime>2026-10-01 09:00:00</IssueTime></TaxSupervisionInfo>
      </EInvoice>
      """.utf8)
  }

  @Test func lineTotalsComeFromAmountAndTaxWhenNotWritten() throws {
    let data = Self.invoice(
      items: """
        <IssuItemInformation><ItemName>*日用品*杯子</ItemName><Quantity>3</Quantity>
        <UnPrice>26.548672566371681</UnPrice><Amount>79.65</Amount><ComTaxAm>10.35</ComTaxAm></IssuItemInformation>
        <IssuItemInformation><ItemName>*日用品*盘子</ItemName><Quantity>3</Quantity>
        <Amount>8.85</Amount><ComTaxAm>1.15</ComTaxAm></IssuItemInformation>
        """, total: "100.00")
    let invoice = try EInvoiceReader.read(data: data)
    #expect(invoice.issueDate == CalendarDate(iso: "2026-10-01"))
    #expect(invoice.lines.map(\.totalIncludingTax) == [Money(decimal: "90.00"), Money(decimal: "10.00")])
    // 90.00 / 3 is exact; 10.00 / 3 is not, so no unit price is made up.
    #expect(invoice.lines[0].exactUnitPriceIncludingTax == Money(decimal: "30.00"))
    #expect(invoice.lines[1].exactUnitPriceIncludingTax == nil)
    #expect(invoice.lines[0].unitPrice?.description == "26.548672566371681")
  }

  @Test func anAmountWithMoreThanTwoDecimalsIsRefusedNotRounded() {
    let data = Self.invoice(
      items: "<IssuItemInformation><ItemName>x</ItemName><Amount>1.005</Amount></IssuItemInformation>")
    #expect(throws: EInvoiceError(.badAmount(field: "IssuItemInformation[1]/Amount", text: "1.005"))) {
      try EInvoiceReader.read(data: data)
    }
    // Trailing zeros are exact and accepted.
    let zeros = Self.invoice(items: "", total: "100.000")
    #expect((try? EInvoiceReader.read(data: zeros))?.totalIncludingTax == Money(decimal: "100.00"))
  }

  @Test func aDoctypeIsRefusedBeforeParsing() {
    let data = Data(
      """
      <?xml version="1.0"?>
      <!DOCTYPE EInvoice [<!ENTITY seller "甲商店">]>
      <EInvoice><EInvoiceData><SellerInformation><SellerName>&seller;</SellerName></SellerInformation></EInvoiceData></EInvoice>
      """.utf8)
    #expect(throws: EInvoiceError(.declarationForbidden)) { try EInvoiceReader.read(data: data) }
  }

  @Test func anExternalEntityIsRefused() {
    let data = Data(
      """
      <?xml version="1.0"?>
      <!DOCTYPE EInvoice [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
      <EInvoice><EInvoiceData><SellerInformation><SellerName>&xxe;</SellerName></SellerInformation></EInvoiceData></EInvoice>
      """.utf8)
    #expect(throws: EInvoiceError(.declarationForbidden)) { try EInvoiceReader.read(data: data) }
    // An external DTD (a network fetch) and a lower-case spelling are refused alike.
    let dtd = Data(#"<!doctype EInvoice SYSTEM "http://example.invalid/e.dtd"><EInvoice/>"#.utf8)
    #expect(throws: EInvoiceError(.declarationForbidden)) { try EInvoiceReader.read(data: dtd) }
  }

  @Test func billionLaughsIsRefusedAtOnce() {
    var decl = "<!ENTITY lol0 \"lol\">"
    for i in 1...9 { decl += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">" }
    let data = Data(
      "<?xml version=\"1.0\"?><!DOCTYPE EInvoice [\(decl)]><EInvoice><X>&lol9;</X></EInvoice>".utf8)
    let start = Date()
    #expect(throws: EInvoiceError(.declarationForbidden)) { try EInvoiceReader.read(data: data) }
    #expect(Date().timeIntervalSince(start) < 1)
  }

  @Test func anUndeclaredEntityReferenceIsAnErrorWithItsPlace() {
    let data = Self.invoice(items: "<IssuItemInformation><ItemName>a&xxe;b</ItemName></IssuItemInformation>")
    #expect(throws: EInvoiceError(.malformed(line: 5, column: 38))) { try EInvoiceReader.read(data: data) }
  }

  @Test func aHugeFileIsRefusedWithoutReadingItWhole() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("einvoice-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("huge.xml")
    var data = Data("<?xml version=\"1.0\"?><EInvoice>".utf8)
    data.append(Data(String(repeating: "<Pad>0123456789</Pad>", count: 200_000).utf8))
    data.append(Data("</EInvoice>".utf8))
    try data.write(to: url)
    let start = Date()
    #expect(throws: EInvoiceError(.tooLarge(limit: EInvoiceReader.maxBytes))) {
      try EInvoiceReader.read(contentsOf: url)
    }
    #expect(Date().timeIntervalSince(start) < 1)
  }

  @Test func utf16WhichCouldHideADoctypeIsRefused() {
    let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE x [<!ENTITY a \"b\">]><EInvoice/>"
    let data = text.data(using: .utf16)!
    #expect(throws: EInvoiceError(.notUTF8)) { try EInvoiceReader.read(data: data) }
    let gbk = Data("<?xml version=\"1.0\" encoding=\"GBK\"?><EInvoice/>".utf8)
    #expect(throws: EInvoiceError(.unsupportedEncoding("GBK"))) { try EInvoiceReader.read(data: gbk) }
  }

  @Test func otherDocumentsAreNamedForWhatTheyAre() {
    #expect(throws: EInvoiceError(.notAnEInvoice(root: "Invoice"))) {
      try EInvoiceReader.read(data: Data("<Invoice><a>1</a></Invoice>".utf8))
    }
    #expect(throws: EInvoiceError(.empty)) { try EInvoiceReader.read(data: Data()) }
    #expect(throws: EInvoiceError(.noInvoiceData)) {
      try EInvoiceReader.read(data: Data("<EInvoice><Header/></EInvoice>".utf8))
    }
    #expect(throws: EInvoiceError(.malformed(line: 1, column: 1))) {
      try EInvoiceReader.read(data: Data("not xml at all".utf8))
    }
    #expect(throws: EInvoiceError(.malformed(line: 1, column: 25))) {
      try EInvoiceReader.read(data: Data("<EInvoice><a></EInvoice>".utf8))
    }
    #expect(EInvoiceReader.looksLikeEInvoice(Self.invoice(items: "")))
    #expect(!EInvoiceReader.looksLikeEInvoice(Data("<html></html>".utf8)))
  }

  @Test func commentsAndCDATAAreAllowed() throws {
    let data = Self.invoice(
      items:
        "<!-- 备注 --><IssuItemInformation><ItemName><![CDATA[*服装*T恤 <男款>]]></ItemName></IssuItemInformation>")
    let invoice = try EInvoiceReader.read(data: data)
    #expect(invoice.lines.first?.plainName == "T恤 <男款>")
  }

  @Test func decimalTextIsExact() {
    #expect(DecimalText("0012.50")?.description == "12.50")
    #expect(DecimalText("12.50")?.money == Money(decimal: "12.50"))
    #expect(DecimalText("12.501")?.money == nil)
    #expect(DecimalText("1e5") == nil)
    #expect(DecimalText("1,000") == nil)
    #expect(DecimalText("2.000")?.wholeNumber == 2)
    #expect(DecimalText("2.5")?.wholeNumber == nil)
  }
}
