import RedressDocuments
import Testing

@Suite struct RedactorTests {
  @Test func residentIDKeepsRegionAndLastFour() {
    #expect(Redactor.idNumber("11010519491231002X") == "110105********002X")
    #expect(Redactor.idNumber("123") == "***")
  }

  @Test func phonesKeepTheirEnds() {
    #expect(Redactor.phone("13800138000") == "138****8000")
    #expect(Redactor.phone("025-84000000") == "025-****0000")
    #expect(Redactor.phone("0755-83000000") == "0755-****0000")
    #expect(Redactor.phone("+86 138 0013 8000") == "+86 *** **** 8000")
  }

  @Test func emailKeepsItsDomain() {
    #expect(Redactor.email("xiaoming@example.com") == "x***@example.com")
  }

  @Test func addressesAreCutAtTheDistrict() {
    #expect(Redactor.district(of: "北京市朝阳区某某路1号") == "北京市朝阳区")
    #expect(Redactor.district(of: "深圳市福田区某某街道某某花园5栋1201") == "深圳市福田区")
    #expect(Redactor.district(of: "浙江省杭州市西湖区文三路90号") == "浙江省杭州市西湖区")
    #expect(Redactor.district(of: "内蒙古自治区呼和浩特市新城区某路") == "内蒙古自治区呼和浩特市新城区")
    #expect(Redactor.district(of: "广东省东莞市长安镇某村") == "广东省东莞市")
    #expect(Redactor.district(of: "某某路1号") == "")
  }
}
