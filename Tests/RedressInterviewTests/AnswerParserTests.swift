import Foundation
import RedressCore
import Testing

@testable import RedressInterview

@Suite struct AnswerParserTests {
  static let today = CalendarDate(iso: "2026-11-22")!

  func date(_ s: String, allowFuture: Bool = false) -> Result<CalendarDate, AnswerProblem> {
    AnswerParser.parseDate(s, today: Self.today, allowFuture: allowFuture)
  }

  @Test(arguments: [
    "2026-10-01", "2026-10-1", "2026/10/1", "2026.10.01", "2026年10月1日", "2026年10月1号", "20261001",
    "２０２６－１０－０１", " 2026/10/01 ",
  ])
  func datesAreReadTheWaysPeopleWriteThem(_ s: String) {
    #expect(date(s) == .success(CalendarDate(iso: "2026-10-01")!))
  }

  @Test func relativeDays() {
    #expect(date("今天") == .success(Self.today))
    #expect(date("昨天") == .success(CalendarDate(iso: "2026-11-21")!))
    #expect(date("yesterday") == .success(CalendarDate(iso: "2026-11-21")!))
  }

  @Test func badDatesSayWhy() {
    #expect(date("10/01/2026") == .failure(AnswerProblem(.invalidDate, ["value": "10/01/2026"])))
    #expect(date("2026-02-30") == .failure(AnswerProblem(.noSuchDay, ["value": "2026-2-30"])))
    #expect(
      date("2026-11-23")
        == .failure(AnswerProblem(.dateInFuture, ["date": "2026-11-23", "today": "2026-11-22"])))
    #expect(date("2027-10-03", allowFuture: true) == .success(CalendarDate(iso: "2027-10-03")!))
  }

  @Test func moneyIsExact() {
    #expect(AnswerParser.parseMoney("¥3,999.00") == .success(Money(decimal: "3999.00")!))
    #expect(AnswerParser.parseMoney("￥３９９９") == .success(Money(decimal: "3999")!))
    #expect(AnswerParser.parseMoney("2999.1元") == .success(Money(decimal: "2999.10")!))
    #expect(AnswerParser.parseMoney("1，000") == .success(Money(decimal: "1000")!))
    #expect(AnswerParser.parseMoney("12.345") == .failure(AnswerProblem(.moneyDecimals, ["value": "12.345"])))
    #expect(AnswerParser.parseMoney("-5") == .failure(AnswerProblem(.moneyNegative, ["value": "-5"])))
    #expect(AnswerParser.parseMoney("三千") == .failure(AnswerProblem(.invalidMoney, ["value": "三千"])))
    #expect(AnswerParser.parseMoney("1e3") == .failure(AnswerProblem(.invalidMoney, ["value": "1e3"])))
  }

  func parse(_ s: String, _ kind: AnswerKind) -> Result<AnswerValue, AnswerProblem> {
    AnswerParser.parse(s, as: kind, today: Self.today)
  }

  @Test func phones() {
    #expect(parse("138 0013 8000", .personalPhone) == .success(.text("13800138000")))
    #expect(parse("010-65123456", .personalPhone) == .success(.text("010-65123456")))
    #expect(
      parse("400-800-8888", .personalPhone)
        == .failure(AnswerProblem(.phoneHotline, ["value": "400-800-8888"])))
    #expect(parse("12345", .personalPhone) == .failure(AnswerProblem(.phoneInvalid, ["value": "12345"])))
    #expect(parse("400-800-8888", .businessPhone) == .success(.text("400-800-8888")))
  }

  /// GB 11643 example number 11010519491231002X (the standard's own sample).
  @Test func residentIDsNameTheWrongPart() {
    #expect(parse("11010519491231002x", .residentID) == .success(.text("11010519491231002X")))
    #expect(
      parse("110105194912310021", .residentID)
        == .failure(AnswerProblem(.idCheck, ["value": "110105194912310021", "given": "1", "expected": "X"])))
    #expect(
      parse("1101051949", .residentID)
        == .failure(AnswerProblem(.idFormat, ["value": "1101051949", "length": "10"])))
    #expect(
      parse("990105194912310021", .residentID)
        == .failure(AnswerProblem(.idProvince, ["value": "990105194912310021"])))
    #expect(
      parse("110105194913310021", .residentID)
        == .failure(AnswerProblem(.idBirth, ["value": "110105194913310021", "birth": "19491331"])))
    #expect(
      parse("110105202712310021", .residentID)
        == .failure(AnswerProblem(.idBirthFuture, ["value": "110105202712310021", "birth": "2027-12-31"])))
  }

  /// 91350100M000100Y43 is the GB 32100 example used throughout case-file.md.
  @Test func creditCodes() {
    #expect(parse("91350100m000100y43", .creditCode) == .success(.text("91350100M000100Y43")))
    #expect(
      parse("91350100M000100Y44", .creditCode)
        == .failure(
          AnswerProblem(.creditCheck, ["value": "91350100M000100Y44", "given": "4", "expected": "3"])))
    #expect(
      parse("91350100M0001O0Y43", .creditCode)
        == .failure(AnswerProblem(.creditCharacter, ["value": "91350100M0001O0Y43", "character": "O"])))
    #expect(
      parse("9135", .creditCode) == .failure(AnswerProblem(.creditFormat, ["value": "9135", "length": "4"])))
  }

  @Test func othersIdentifiers() {
    #expect(parse("１０００２０", .postcode) == .success(.text("100020")))
    #expect(parse("10002", .postcode) == .failure(AnswerProblem(.postcodeInvalid, ["value": "10002"])))
    #expect(parse("a@b.cn", .email) == .success(.text("a@b.cn")))
    #expect(parse("a@b", .email) == .failure(AnswerProblem(.emailInvalid, ["value": "a@b"])))
    #expect(parse("2", .count) == .success(.count(2)))
    #expect(parse("0", .count) == .failure(AnswerProblem(.invalidCount, ["value": "0"])))
  }

  @Test func yesAndNo() {
    for s in ["是", "y", "YES", "对", "有"] { #expect(AnswerParser.parseFlag(s) == true) }
    for s in ["否", "n", "No", "没有", "不"] { #expect(AnswerParser.parseFlag(s) == false) }
    #expect(AnswerParser.parseFlag("maybe") == nil)
  }

  /// The accepted words come from `templates/words/<language>/answers.yaml`, every language at
  /// once: Traditional forms (derived from the Simplified list) are understood as well.
  @Test func wordsOfEveryLanguageAreTaken() {
    #expect(AnswerParser.parseFlag("對") == true)
    #expect(AnswerParser.parseFlag("沒有") == false)
    #expect(AnswerParser.parseFlag("無") == false)
    #expect(date("前天") == .success(CalendarDate(iso: "2026-11-20")!))
    #expect(date("TODAY") == .success(Self.today))
    #expect(date("2026年10月1號") == .success(CalendarDate(iso: "2026-10-01")!))
    #expect(AnswerParser.parseMoney("人民幣2999塊") == .success(Money(decimal: "2999")!))
    #expect(AnswerParser.parseMoney("RMB 2,999") == .success(Money(decimal: "2999")!))
    for list in [AnswerWords.yes, AnswerWords.no, AnswerWords.add, AnswerWords.quit] {
      #expect(!list.isEmpty && !list.contains { $0.contains("⟨") }, "\(list)")
    }
    #expect(AnswerWords.quit.contains("q") && AnswerWords.quit.contains("退出"))
    #expect(AnswerWords.add.contains("添加") && AnswerWords.add.contains("add"))
  }

  @Test func choicesByNumberWordOrLabel() {
    let words = ["store", "online", "tv"]
    let labels = ["store": "实体店", "online": "网购（网店、App、直播间）", "tv": "电视购物"]
    #expect(AnswerParser.parseChoice("2", words: words, labels: labels) == .success("online"))
    #expect(AnswerParser.parseChoice("tv", words: words, labels: labels) == .success("tv"))
    #expect(AnswerParser.parseChoice("实体店", words: words, labels: labels) == .success("store"))
    #expect(AnswerParser.parseChoice("网购", words: words, labels: labels) == .success("online"))
    #expect(
      AnswerParser.parseChoice("4", words: words, labels: labels)
        == .failure(AnswerProblem(.invalidChoice, ["value": "4", "max": "3"])))
  }
}

@Suite struct EvidencePathTests {
  let dir: URL
  init() throws {
    dir = FileManager.default.temporaryDirectory.appendingPathComponent("evidence-path-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try Data("x".utf8).write(to: dir.appendingPathComponent("My Photo's 1.jpg"))
  }

  func parse(_ s: String) -> URL? {
    try? EvidencePath.parse(s, home: dir.path, currentDirectory: dir).get()
  }

  @Test func dragAndDropForms() {
    let target = dir.appendingPathComponent("My Photo's 1.jpg").path
    #expect(parse("'\(dir.path)/My Photo'\\''s 1.jpg' ")?.path == target)  // GNOME Terminal
    #expect(parse("\(dir.path)/My\\ Photo\\'s\\ 1.jpg")?.path == target)  // macOS Terminal, iTerm2
    #expect(parse("\"\(dir.path)/My Photo's 1.jpg\"")?.path == target)
    #expect(parse("file://\(dir.path)/My%20Photo's%201.jpg")?.path == target)
    #expect(parse("~/My Photo's 1.jpg")?.path == target)  // typed, unescaped
    #expect(parse("My\\ Photo\\'s\\ 1.jpg")?.path == target)  // relative
  }

  @Test func twoFilesAtOnceAreRefused() {
    #expect(
      EvidencePath.parse("'/a.jpg' '/b.jpg'", home: nil, currentDirectory: dir)
        == .failure(AnswerProblem(.pathMultiple, ["count": "2"])))
  }

  @Test func whatIsNotARegularFileIsRefusedWithItsReason() throws {
    #expect(EvidencePath.problem(with: dir) == AnswerProblem(.pathDirectory, ["path": dir.path]))
    let link = dir.appendingPathComponent("link.jpg")
    try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "My Photo's 1.jpg")
    #expect(
      EvidencePath.problem(with: link)
        == AnswerProblem(.pathSymlink, ["path": link.path, "target": "My Photo's 1.jpg"]))
    let fifo = dir.appendingPathComponent("pipe")
    #expect(mkfifo(fifo.path, 0o600) == 0)
    #expect(EvidencePath.problem(with: fifo) == AnswerProblem(.pathFIFO, ["path": fifo.path]))
    #expect(
      EvidencePath.problem(with: URL(fileURLWithPath: "/dev/null"))
        == AnswerProblem(.pathDevice, ["path": "/dev/null"]))
    let empty = dir.appendingPathComponent("empty.txt")
    #expect(FileManager.default.createFile(atPath: empty.path, contents: Data()))
    #expect(EvidencePath.problem(with: empty) == AnswerProblem(.pathEmpty, ["path": empty.path]))
    let missing = dir.appendingPathComponent("nope.jpg")
    #expect(EvidencePath.problem(with: missing) == AnswerProblem(.pathMissing, ["path": missing.path]))
    #expect(EvidencePath.problem(with: dir.appendingPathComponent("My Photo's 1.jpg")) == nil)
  }
}
