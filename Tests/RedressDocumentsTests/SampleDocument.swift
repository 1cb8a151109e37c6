import RedressDocuments

/// A hand-built, letter-like document that uses every block and inline kind, Chinese and Latin
/// text, long numbers, and hostile user text; the writers' goldens are rendered from it.
enum SampleDocument {
  /// User text that must come out literally in every format.
  static let hostile =
    "<script>alert(\"x\")</script> & {{tags}} ]]> 'single' \"double\" **not bold** | # 1. -> x <-"

  static let letter = DocumentModel(
    title: "投诉书",
    language: "zh-Hans",
    blocks: [
      .heading(level: 1, [.text("投诉书")]),
      .paragraph(
        [
          .strong("投诉人："), .text("张三，男，身份证号码 110101199003071234，联系电话 13800138000，"),
          .text("住址：北京市朝阳区建国路88号院3号楼2单元1101室。"),
        ], align: .left),
      .paragraph(
        [
          .strong("被投诉人："), .text("北京某某电器销售有限公司（统一社会信用代码 91110105MA01ABCD2X），"),
          .text("地址：北京市朝阳区某某路1号。"),
        ], align: .left),
      .heading(level: 2, [.text("一、投诉请求")]),
      .list(
        ordered: true, start: 1,
        items: [
          [.text("退还货款 "), .strong("¥3,199.00"), .text("；")],
          [.text("依据《消费者权益保护法》第五十五条第一款，赔偿货款三倍 ¥9,597.00；")],
          [.text("承担检测费用 ¥200.00。")],
        ]),
      .heading(level: 2, [.text("二、事实与理由")]),
      .paragraph(
        [
          .text(
            "2026年3月15日，投诉人在被投诉人经营的门店购买某品牌XQG100-14B型滚筒洗衣机一台（订单号 "
              + "DD2026031500012345678，数量1台，单价 ¥3,199.00）。使用不足一个月即出现漏水、无法脱水等故障，"
              + "经售后检测确认为主板缺陷（见证据3）。The seller's technician confirmed the defect on 2026-04-10.")
        ],
        align: .left),
      .heading(level: 3, [.text("（一）协商经过")]),
      .list(
        ordered: false, start: 1,
        items: [
          [.text("2026年4月12日，电话联系客服李某，对方同意退货，后未兑现；")],
          [
            .text("2026年4月20日，到店协商，店长王某拒绝退款，仅同意维修。"), .lineBreak,
            .text("（现场录音见证据4）"),
          ],
        ]),
      .paragraph([.text("消费者留言（原文照录）："), .lineBreak, .text(hostile)], align: .left),
      .heading(level: 2, [.text("三、证据清单")]),
      .table(
        header: [[.text("编号")], [.text("证据名称")], [.text("证明内容")]],
        rows: [
          [[.text("证据1")], [.text("购物发票")], [.text("购买事实、价款 ¥3,199.00")]],
          [[.text("证据2")], [.text("订单截图")], [.text("订单号 DD2026031500012345678")]],
          [[.text("证据3")], [.text("检测报告")], [.text("主板缺陷，属质量问题"), .lineBreak, .text("（第2页）")]],
          [[.text("证据4")], [.text("录音")], [.text(hostile)]],
        ]),
      .paragraph([.text("此致")], align: .left),
      .paragraph([.strong("北京市朝阳区消费者协会")], align: .left),
      .paragraph([.text("投诉人：张三")], align: .right),
      .paragraph([.text("2026年11月22日")], align: .right),
      .paragraph([.text("（本投诉书一式两份）")], align: .center),
    ])
}
