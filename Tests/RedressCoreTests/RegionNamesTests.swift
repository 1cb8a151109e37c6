import Foundation
import RedressCore
import RedressTestSupport
import Testing

/// legal/cn/regions.yaml: the interview derives `region` from the addressee's name.
@Suite struct RegionNamesTests {
  static func table() throws -> RegionNames {
    try #require(try RegionNames.load(jurisdiction: "cn", legal: CaseTrackerTests.legal))
  }

  @Test func everyProvinceLevelDivisionAndTheRegionClockCitiesAreListed() throws {
    let table = try Self.table()
    let codes = Set(table.entries.map(\.code))
    for prefix in RegionCode.provinces { #expect(codes.contains(prefix + "0000"), "\(prefix)") }
    // 浙江's eleven cities, 上海's districts.
    #expect(codes.filter { $0.hasPrefix("33") && $0 != "330000" }.count == 11)
    #expect(codes.contains("310104") && codes.contains("310115"))
    for e in table.entries { #expect(RegionCode.problem(with: e.code) == nil, "\(e.code)") }
  }

  @Test(arguments: [
    ("杭州市消费者权益保护委员会", "330100"),
    ("浙江省杭州市市场监督管理局", "330100"),
    ("浙江省消费者权益保护委员会", "330000"),
    ("上海市徐汇区市场监督管理局", "310104"),
    ("上海市消费者权益保护委员会", "310000"),
    ("北京市朝阳区消费者协会", "110000"),
    ("深圳市消费者委员会", "440300"),
    ("大连市中山区消费者协会", "210200"),
  ])
  func derivesTheMostSpecificRegionNamed(addressee: String, code: String) throws {
    #expect(try Self.table().region(in: addressee) == code)
  }

  @Test func namesNothingWhenNoRegionIsNamed() throws {
    let table = try Self.table()
    #expect(table.region(in: "某市消费者协会") == nil)
    #expect(table.region(in: "") == nil)
    #expect(table.region(in: nil) == nil)
    #expect(RegionNames.prefix(of: "330100") == "3301")
    #expect(RegionNames.prefix(of: "330000") == "33")
    #expect(RegionNames.prefix(of: "310104") == "310104")
  }
}
