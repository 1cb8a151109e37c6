import Foundation
import RedressCore

/// The steps that do more than store an answer: evidence files (copied into the store with a
/// progress bar), the e-invoice that fills in the seller and the purchase, and the power of
/// attorney an agent needs.
extension InterviewRunner {
  // MARK: Evidence files

  /// Asks for the file of evidence item `index`: the stored copy's name is the default;
  /// a new path is checked, copied into the store and, when it is an e-invoice, read.
  func askEvidenceFile(index: Int, backward: Bool) throws -> StepResult {
    let key = "evidence[\(index)].file"
    if fastForward && progress.answered.contains(key) { return .forward }
    fastForward = false
    let current = caseFile.evidence[index].file.map { AnswerValue.text(($0 as NSString).lastPathComponent) }
    show("evidence.file", kind: .text(multiline: false), required: false, shown: current)
    while true {
      let raw = try read()
      let s = AnswerParser.normalize(raw)
      if Self.isHelp(s) {
        block(text.question("evidence.file").help, prefix: "  │ ")
        continue
      }
      if Self.isBack(s) { return .back }
      if s == "-" { caseFile.evidence[index].file = nil }
      if s.isEmpty || s == "-" {
        markAnswered(key)
        try save()
        return .forward
      }
      guard let (url, stored) = try takeFile(raw) else { continue }
      caseFile.evidence[index].file = stored.file
      markAnswered(key)
      try save()
      if let invoice = readInvoiceIfAny(url) {
        var e = caseFile.evidence[index]
        e.kind = e.kind ?? .invoice
        e.date = e.date ?? invoice.issueDate
        if e.title == nil { e.title = invoiceTitle(invoice) }
        caseFile.evidence[index] = e
        try offerInvoiceFill(invoice)
        try save()
      }
      return .forward
    }
  }

  /// Parses and checks a path, then copies the file into the store. Nil (after saying why)
  /// when the path cannot be used.
  func takeFile(_ raw: String) throws -> (URL, IngestedEvidence)? {
    let url: URL
    switch EvidencePath.parse(raw, home: context.home, currentDirectory: context.currentDirectory) {
    case .failure(let p):
      problem(p)
      return nil
    case .success(let u): url = u
    }
    if let p = EvidencePath.problem(with: url) {
      problem(p)
      return nil
    }
    guard let id = caseFile.id else { return nil }
    var interrupted: Int32?
    let label = text.message(.copying, ["name": url.lastPathComponent])
    let terminal = self.terminal
    do {
      let stored = try context.ingestor.ingest(url, caseID: id) { done, total in
        if let signal = terminal.takePendingSignal() {
          interrupted = signal
          return false
        }
        if total >= 8 << 20 { terminal.showProgress(label: label, done: done, total: total) }
        return true
      }
      terminal.endProgress()
      say(
        "  "
          + style(
            text.message(.fileStored, ["name": url.lastPathComponent, "size": Self.size(stored.size)]), .green
          ))
      // Ctrl-C during the copy normally stops it (the catch below); one that came after the
      // last chunk (or during a small file) keeps the copy, saved with the next save, then we leave.
      pendingSignal = interrupted ?? terminal.takePendingSignal()
      return (url, stored)
    } catch {
      terminal.endProgress()
      if let interrupted { throw InterviewExit.signal(interrupted) }
      problem(AnswerProblem(.copyFailed, ["path": url.path, "reason": "\(error)"]))
      return nil
    }
  }

  static func size(_ bytes: Int64) -> String {
    if bytes < 1024 { return "\(bytes) B" }
    if bytes < 1 << 20 { return String(format: "%.1f KiB", Double(bytes) / 1024) }
    if bytes < 1 << 30 { return String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
    return String(format: "%.2f GiB", Double(bytes) / 1_073_741_824)
  }

  // MARK: The e-invoice

  /// The invoice in `url` when it is a 数电票 XML; a file that looks like one but cannot be
  /// read is reported (it stays evidence all the same).
  func readInvoiceIfAny(_ url: URL) -> EInvoice? {
    guard url.pathExtension.lowercased() == "xml",
      let handle = try? FileHandle(forReadingFrom: url),
      let head = try? handle.read(upToCount: 4096)
    else { return nil }
    try? handle.close()
    guard EInvoiceReader.looksLikeEInvoice(head) else { return nil }
    do {
      return try EInvoiceReader.read(contentsOf: url)
    } catch let e as EInvoiceError {
      say("  " + style(text.message(.einvoiceUnreadable, ["reason": invoiceProblem(e)]), .yellow))
      return nil
    } catch {
      return nil
    }
  }

  func invoiceProblem(_ e: EInvoiceError) -> String {
    switch e.kind {
    case .tooLarge: return text.message(.einvoiceTooLarge)
    case .declarationForbidden: return text.message(.einvoiceDeclaration)
    case .notUTF8, .unsupportedEncoding: return text.message(.einvoiceEncoding)
    case .malformed(let line, let column):
      return text.message(.einvoiceMalformed, ["line": String(line), "column": String(column)])
    case .badAmount(let field, let value), .badNumber(let field, let value):
      return text.message(.einvoiceAmount, ["field": field, "value": value])
    case .unreadable, .empty, .notAnEInvoice, .noInvoiceData: return text.message(.einvoiceNotInvoice)
    }
  }

  func invoiceTitle(_ invoice: EInvoice) -> String {
    text.message(.einvoiceTitle, ["number": invoice.number ?? ""]).trimmingCharacters(in: .whitespaces)
  }

  /// The respondent-section shortcut: an e-invoice XML given here becomes evidence and fills
  /// the seller and the purchase, so the person types less.
  func askEInvoiceShortcut(backward: Bool) throws -> StepResult {
    let key = "respondent.einvoice"
    if fastForward && progress.answered.contains(key) { return .forward }
    fastForward = false
    show(key, kind: .text(multiline: false), required: false, shown: nil)
    while true {
      let raw = try read()
      let s = AnswerParser.normalize(raw)
      if Self.isHelp(s) {
        block(text.question(key).help, prefix: "  │ ")
        continue
      }
      if Self.isBack(s) { return .back }
      if s.isEmpty || s == "-" {
        markAnswered(key)
        try save()
        return .forward
      }
      // Check before copying: only an e-invoice is taken here.
      guard
        case .success(let url) = EvidencePath.parse(
          raw, home: context.home, currentDirectory: context.currentDirectory)
      else {
        if case .failure(let p) = EvidencePath.parse(
          raw, home: context.home, currentDirectory: context.currentDirectory)
        {
          problem(p)
        }
        continue
      }
      if let p = EvidencePath.problem(with: url) {
        problem(p)
        continue
      }
      let invoice: EInvoice
      do {
        invoice = try EInvoiceReader.read(contentsOf: url)
      } catch let e as EInvoiceError {
        problem(AnswerProblem(.einvoiceRefused, ["reason": invoiceProblem(e)]))
        continue
      }
      guard let (_, stored) = try takeFile(raw) else { continue }
      var e = Evidence()
      e.id = caseFile.nextEvidenceID
      e.kind = .invoice
      e.title = invoiceTitle(invoice)
      e.file = stored.file
      e.date = invoice.issueDate
      e.proves = text.question("evidence.proves").suggestions[EvidenceKind.invoice.rawValue]
      caseFile.evidence.append(e)
      say("  " + text.message(.einvoiceAddedAsEvidence, ["id": e.id ?? ""]))
      try offerInvoiceFill(invoice)
      markAnswered(key)
      try save()
      return .forward
    }
  }

  /// One field the invoice can fill: its label, the value now, the invoice's value, and how
  /// to write it.
  struct InvoiceFill {
    var label: String
    var current: String?
    var proposed: String
    var apply: (inout CaseFile) -> Void
  }

  func invoiceFills(_ invoice: EInvoice) -> (fills: [InvoiceFill], notes: [String]) {
    var fills: [InvoiceFill] = []
    var notes: [String] = []
    let r = caseFile.respondent
    let label = text.label
    if let v = invoice.sellerName {
      fills.append(
        InvoiceFill(label: label("respondent.name"), current: r?.name, proposed: v) {
          $0.respondentForm.name = v
        })
    }
    if let v = invoice.sellerTaxID {
      if case .success(let code) = AnswerParser.creditCode(v) {
        fills.append(
          InvoiceFill(label: label("respondent.credit_code"), current: r?.creditCode, proposed: code) {
            $0.respondentForm.creditCode = code
          })
      } else {
        notes.append(text.message(.einvoiceTaxIDInvalid, ["value": v]))
      }
    }
    if let v = invoice.sellerAddress {
      fills.append(
        InvoiceFill(label: label("respondent.address"), current: r?.address, proposed: v) {
          $0.respondentForm.address = v
        })
    }
    if let v = invoice.sellerPhone, Identifiers.phoneKind(v) != nil {
      fills.append(
        InvoiceFill(label: label("respondent.phone"), current: r?.phone, proposed: v) {
          $0.respondentForm.phone = v
        })
    }
    if let v = invoice.issueDate {
      fills.append(
        InvoiceFill(label: label("purchase.date"), current: caseFile.purchase?.date?.iso, proposed: v.iso) {
          $0.purchaseForm.date = v
        })
    }
    if let v = invoice.totalIncludingTax {
      fills.append(
        InvoiceFill(
          label: label("purchase.amount_paid"),
          current: caseFile.purchase?.amountPaid.map { "¥" + $0.grouped },
          proposed: "¥" + v.grouped
        ) { $0.purchaseForm.amountPaid = v })
    }
    let lines = invoice.lines.filter { ($0.totalIncludingTax?.minorUnits ?? 0) > 0 }
    let hasDiscount = invoice.lines.contains { ($0.totalIncludingTax?.minorUnits ?? 0) < 0 }
    if hasDiscount { notes.append(text.message(.einvoiceDiscount)) }
    var items: [Item] = []
    for line in lines {
      var item = Item()
      item.name = line.plainName
      item.model = line.specModel
      item.quantity = line.quantity?.wholeNumber
      if !hasDiscount, let price = line.exactUnitPriceIncludingTax {
        item.unitPrice = price
      } else if !hasDiscount, let total = line.totalIncludingTax {
        notes.append(
          text.message(
            .einvoiceUnitPriceInexact,
            ["name": line.plainName, "total": total.grouped, "quantity": line.quantity?.description ?? "?"]))
      }
      items.append(item)
    }
    if !items.isEmpty {
      let describe = { (list: [Item]) in
        list.map { "\($0.name ?? "—") ×\($0.effectiveQuantity)" }.joined(separator: "、")
      }
      let current = caseFile.purchase?.items ?? []
      fills.append(
        InvoiceFill(
          label: label("purchase.items"), current: current.isEmpty ? nil : describe(current),
          proposed: describe(items)
        ) { $0.purchaseForm.items = items })
    }
    return (fills, notes)
  }

  /// Shows what the invoice says and offers to fill the seller and the purchase with it:
  /// everything, only what is still empty, or nothing.
  func offerInvoiceFill(_ invoice: EInvoice) throws {
    let (fills, notes) = invoiceFills(invoice)
    let changes = fills.filter { $0.current != $0.proposed }
    say(style(text.message(.einvoiceRead), .bold))
    for fill in fills {
      var line = "  " + fill.label + "：" + fill.proposed
      if let current = fill.current, current != fill.proposed {
        line += style(text.message(.einvoiceDiffers, ["current": current]), .yellow)
      }
      say(line)
    }
    for note in notes { block(note, .dim) }
    guard !changes.isEmpty else {
      say("  " + text.message(.einvoiceSame))
      return
    }
    let conflicts = changes.contains { $0.current != nil }
    let words = ["all", "blanks", "none"]
    let answer = try askMeta(
      "evidence.einvoice", kind: .choice(conflicts ? words : ["all", "none"]),
      preset: .word(conflicts ? "blanks" : "all"))
    guard case .word(let choice)? = answer, choice != "none" else { return }
    for fill in changes where choice == "all" || fill.current == nil {
      fill.apply(&caseFile)
    }
    try save()
    say("  " + style(text.message(.einvoiceFilled), .green))
  }

  // MARK: Power of attorney

  /// An agent files only with a signed 授权委托书: this adds it to the evidence (to be signed;
  /// redress writes it at the end) and points `agent.authorization` at it.
  func ensurePowerOfAttorney(backward: Bool) throws -> StepResult {
    if backward { return .skipped }
    if let id = caseFile.agent?.authorization, caseFile.evidence(withID: id)?.kind == .powerOfAttorney {
      return .skipped
    }
    let id: String
    if let existing = caseFile.evidence.first(where: { $0.kind == .powerOfAttorney })?.id {
      id = existing
    } else {
      var e = Evidence()
      e.id = caseFile.nextEvidenceID
      e.kind = .powerOfAttorney
      e.title = text.message(.poaTitle)
      e.proves = text.message(
        .poaProves, ["agent": caseFile.agent?.name ?? "", "complainant": caseFile.complainant?.name ?? ""])
      caseFile.evidence.append(e)
      id = e.id!
    }
    caseFile.agentForm.authorization = id
    try save()
    block(text.message(.poaAdded, ["id": id]), prefix: "  ", .cyan)
    return .skipped
  }
}
