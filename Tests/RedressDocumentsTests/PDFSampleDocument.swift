import RedressDocuments

/// A complaint letter built by hand, with everything the PDF writer must handle: a title,
/// headings, long Chinese paragraphs with numbers, codes and punctuation, bold runs, both
/// kinds of list, a four-column evidence table long enough to run onto a second page, and a
/// right-aligned signature.
enum PDFSampleDocument {
  static let facts =
    "2026年10月12日，投诉人通过被投诉人在某电商平台开设的“某某电器旗舰店”购买海尔牌XQG100-14型滚筒洗衣机一台"
    + "（订单号：GD2026101200001），实付价款2999.00元，另付安装费200.00元。商品于2026年10月15日送达并由被投诉人"
    + "安排的师傅安装。2026年10月20日起，洗衣机在脱水时剧烈震动并发出异响，机身移位约10厘米，"
    + "无法正常使用；投诉人当日即致电被投诉人客服（电话：400-800-1234）报修。"

  static let negotiation =
    "2026年10月22日，被投诉人派出的维修人员上门检测后认定“减震器断裂、内筒偏心”，属于产品质量问题，"
    + "并出具了《售后服务检测单》（编号：SH-20261022-0057）。投诉人随即要求退货退款，被投诉人以“已安装商品不支持"
    + "无理由退货”为由拒绝，仅同意再次维修。此后投诉人又于10月25日、10月30日和11月5日三次通过电话及电子邮件"
    + "（zhang.san@example.com）与被投诉人协商，"
  static let negotiationBold = "被投诉人至今未予处理。"

  static let law =
    "根据《中华人民共和国消费者权益保护法》第二十四条，经营者提供的商品不符合质量要求的，消费者可以依照国家规定、"
    + "当事人约定退货；依照《部分商品修理更换退货责任规定》，洗衣机在“三包”有效期内出现性能故障的，"
    + "消费者有权选择退货。被投诉人的做法侵害了投诉人的合法权益！"

  static let evidenceRows: [(String, String, String)] = (1...32).map { number in
    switch number % 4 {
    case 0:
      return (
        "电子邮件往来记录（第\(number)封）", "证明投诉人于2026年11月\(number % 28 + 1)日通过电子邮件与被投诉人协商，被投诉人未予答复。",
        "第\(number * 2)页"
      )
    case 1:
      return ("订单截图", "证明购买事实、商品型号XQG100-14及实付价款2999.00元。", "第\(number * 2)页")
    case 2:
      return (
        "售后服务检测单",
        "证明洗衣机存在“减震器断裂、内筒偏心”的质量问题，检测单编号SH-20261022-0057，"
          + "由被投诉人派出的维修人员出具并签字确认，系被投诉人自认。", "第\(number * 2)页"
      )
    default:
      return ("通话录音及文字整理", "证明投诉人多次要求退货退款。", "第\(number * 2)页")
    }
  }

  static var document: DocumentModel {
    var blocks: [Block] = [
      .heading(level: 1, [.text("投诉书")]),
      .paragraph(
        [
          .strong("投诉人："),
          .text(
            "张三，男，1985年3月7日出生，联系电话：13800138000，电子邮箱：zhang.san@example.com，"
              + "住址：北京市朝阳区建国路88号院3号楼2单元1501室，邮政编码：100022。"),
        ], align: .left),
      .paragraph(
        [
          .strong("被投诉人："),
          .text("北京某某电器销售有限公司"),
          .lineBreak,
          .text("统一社会信用代码：91110105MA01ABCD3X"),
          .lineBreak,
          .text("地址：北京市海淀区中关村大街1号，联系电话：010-12345678。"),
        ], align: .left),
      .heading(level: 2, [.text("一、投诉请求")]),
      .list(
        ordered: true, start: 1,
        items: [
          [.text("请求被投诉人退还货款2999.00元并上门取回洗衣机；")],
          [.text("请求被投诉人按照价款的三倍支付惩罚性赔偿8997.00元；")],
          [.text("请求被投诉人承担安装费200.00元及检测费用150.00元，合计350.00元。")],
        ]),
      .heading(level: 2, [.text("二、事实与理由")]),
      .paragraph([.text(facts)], align: .left),
      .paragraph([.text(negotiation), .strong(negotiationBold)], align: .left),
      .paragraph([.text(law)], align: .left),
      .list(
        ordered: false, start: 1,
        items: [
          [.text("商品存在质量问题，有检测单为证；")],
          [.text("投诉人已多次与被投诉人协商未果。")],
        ]),
      .heading(level: 2, [.text("三、证据清单")]),
    ]
    let rows: [[[Inline]]] = evidenceRows.enumerated().map { index, row in
      [[.text("证据\(index + 1)")], [.text(row.0)], [.text(row.1)], [.text(row.2)]]
    }
    blocks.append(
      .table(header: [[.text("序号")], [.text("证据名称")], [.text("证明内容")], [.text("页码")]], rows: rows))
    blocks += [
      .paragraph([.text("此致")], align: .left),
      .paragraph([.text("北京市朝阳区消费者协会")], align: .left),
      .paragraph([.text("投诉人：张三")], align: .right),
      .paragraph([.text("2026年11月22日")], align: .right),
    ]
    return DocumentModel(title: "投诉书（张三诉北京某某电器销售有限公司）", language: "zh-Hans", blocks: blocks)
  }
}
