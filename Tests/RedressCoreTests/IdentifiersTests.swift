import RedressCore
import Testing

/// Published test vectors, each with where it comes from.
struct IdentifiersTests {
  let today = CalendarDate(iso: "2026-11-22")!

  /// GB 11643-1999 《公民身份号码》 gives 11010519491231002X and 440524188001010014 as its
  /// examples of the check character (the second one's birth year 1880 is also a real date).
  @Test func residentIDVectorsFromGB11643() {
    #expect(Identifiers.residentIDProblem("11010519491231002X", today: today) == nil)
    #expect(Identifiers.residentIDProblem("11010519491231002x", today: today) == nil)
    #expect(Identifiers.residentIDProblem("440524188001010014", today: today) == nil)
    #expect(Identifiers.residentIDCheckCharacter("11010519491231002") == "X")
    #expect(Identifiers.residentIDCheckCharacter("44052418800101001") == "4")
  }

  @Test func residentIDErrors() {
    #expect(Identifiers.residentIDProblem("110105194912310021", today: today)!.contains("check character"))
    #expect(Identifiers.residentIDProblem("11010519491331002X", today: today)!.contains("not a real day"))
    #expect(Identifiers.residentIDProblem("11010520300101002X", today: today)!.contains("future"))
    #expect(Identifiers.residentIDProblem("99010519491231002X", today: today)!.contains("province"))
    #expect(Identifiers.residentIDProblem("1101051949123100", today: today) != nil)
    #expect(Identifiers.residentIDProblem("11010519491231002Y", today: today)!.contains("check character"))
  }

  /// GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》 prints 91350100M000100Y43 as its
  /// example code; the contract's example case uses it too.
  @Test func creditCodeVectorFromGB32100() {
    #expect(Identifiers.creditCodeProblem("91350100M000100Y43") == nil)
    #expect(Identifiers.creditCodeCheckCharacter("91350100M000100Y4") == "3")
  }

  @Test func creditCodeErrors() {
    #expect(Identifiers.creditCodeProblem("91350100M000100Y44")!.contains("check character"))
    #expect(Identifiers.creditCodeProblem("91350100M000100Y4")!.contains("18 characters"))
    #expect(Identifiers.creditCodeProblem("91350100I000100Y43")!.contains("never uses"))
  }

  @Test func mobilesAndLandlines() {
    #expect(Identifiers.phoneKind("13800138000") == .mobile)
    #expect(Identifiers.phoneKind("+86 138 0013 8000") == .mobile)
    #expect(Identifiers.phoneKind("19912345678") == .mobile)
    #expect(Identifiers.phoneKind("12800138000") == nil)
    #expect(Identifiers.phoneKind("1380013800") == nil)
    #expect(Identifiers.phoneKind("025-84000000") == .landline)
    #expect(Identifiers.phoneKind("0755-83000000") == .landline)
    #expect(Identifiers.phoneKind("010-62345678") == .landline)
    #expect(Identifiers.phoneKind("010-12345678") == nil)  // local numbers never start with 1
    #expect(Identifiers.phoneKind("(010)62345678") == .landline)
    #expect(Identifiers.phoneKind("0571-8765432") == .landline)
    #expect(Identifiers.phoneKind("010-1234567") == nil)  // Beijing numbers have 8 digits
    #expect(Identifiers.phoneKind("84000000") == nil)  // no area code
    #expect(Identifiers.phoneKind("025-84000000转123") == .landline)
    #expect(Identifiers.phoneKind("400-810-5555") == .hotline)
    #expect(Identifiers.phoneKind("95588") == .hotline)
    #expect(Identifiers.phoneKind("abc") == nil)
    #expect(Identifiers.personalPhoneProblem("400-810-5555")!.contains("hotline"))
    #expect(Identifiers.businessPhoneProblem("400-810-5555") == nil)
  }

  @Test func postcodes() {
    #expect(Identifiers.postcodeProblem("100020") == nil)
    #expect(Identifiers.postcodeProblem("010000") == nil)
    #expect(Identifiers.postcodeProblem("10002") != nil)
    #expect(Identifiers.postcodeProblem("1000200") != nil)
    #expect(Identifiers.postcodeProblem("10002a") != nil)
  }

  @Test func emails() {
    #expect(Identifiers.emailProblem("xiaoming@example.com") == nil)
    #expect(Identifiers.emailProblem("a.b+c@mail.example.cn") == nil)
    #expect(Identifiers.emailProblem("no-at-sign") != nil)
    #expect(Identifiers.emailProblem("a@b") != nil)
    #expect(Identifiers.emailProblem("a@@b.com") != nil)
    #expect(Identifiers.emailProblem("a b@c.com") != nil)
    #expect(Identifiers.emailProblem("x@y.com\r\nBcc: z@w.com") != nil)
  }
}
