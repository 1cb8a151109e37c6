/// Writes a case as a version-1 case file: keys in the documented order, absent fields left
/// out, Chinese written as itself, strings quoted only where YAML would misread them.
/// Reading the output gives back an equal `CaseFile`.
public enum CaseFileWriter {
  public static func yaml(for c: CaseFile, header: String? = nil) -> String {
    var w = Emitter()
    if let header {
      for line in header.split(separator: "\n", omittingEmptySubsequences: false) {
        w.lines.append("# \(line)")
      }
    }
    w.scalar("version", String(c.version), raw: true, indent: 0)
    w.string("id", c.id, indent: 0)
    w.string("jurisdiction", c.jurisdiction, indent: 0)
    w.word("venue", c.venue?.rawValue, indent: 0)
    w.word("language", c.language?.rawValue, indent: 0)
    w.string("addressee", c.addressee, indent: 0)
    w.string("region", c.region, indent: 0)
    if let x = c.complainant {
      w.section("complainant", indent: 0)
      w.string("name", x.name, indent: 2)
      w.word("gender", x.gender?.rawValue, indent: 2)
      w.string("id_number", x.idNumber, indent: 2)
      w.string("phone", x.phone, indent: 2)
      w.string("email", x.email, indent: 2)
      w.string("address", x.address, indent: 2)
      w.string("postcode", x.postcode, indent: 2)
      w.closeEmptySection(indent: 2)
    }
    if let x = c.agent {
      w.section("agent", indent: 0)
      w.string("name", x.name, indent: 2)
      w.string("phone", x.phone, indent: 2)
      w.word("relationship", x.relationship?.rawValue, indent: 2)
      w.string("authorization", x.authorization, indent: 2)
      w.closeEmptySection(indent: 2)
    }
    if let x = c.respondent {
      w.section("respondent", indent: 0)
      w.string("name", x.name, indent: 2)
      w.string("credit_code", x.creditCode, indent: 2)
      w.string("address", x.address, indent: 2)
      w.string("phone", x.phone, indent: 2)
      w.string("postcode", x.postcode, indent: 2)
      w.string("store", x.store, indent: 2)
      w.bool("private_individual", x.privateIndividual, indent: 2)
      w.closeEmptySection(indent: 2)
    }
    if let x = c.purchase {
      w.section("purchase", indent: 0)
      w.word("subject", x.subject?.rawValue, indent: 2)
      w.word("purpose", x.purpose?.rawValue, indent: 2)
      w.word("date", x.date?.iso, indent: 2)
      w.word("received_on", x.receivedOn?.iso, indent: 2)
      w.word("channel", x.channel?.rawValue, indent: 2)
      w.string("platform", x.platform, indent: 2)
      w.string("order_number", x.orderNumber, indent: 2)
      if !x.items.isEmpty {
        w.section("items", indent: 2)
        for item in x.items {
          w.listItem(indent: 4)
          w.string("name", item.name, indent: 6)
          w.word("category", item.category?.rawValue, indent: 6)
          w.string("brand", item.brand, indent: 6)
          w.string("model", item.model, indent: 6)
          w.string("spec", item.spec, indent: 6)
          w.string("origin", item.origin, indent: 6)
          w.word("quantity", item.quantity.map(String.init), indent: 6)
          w.string("unit_price", item.unitPrice?.text, indent: 6)
          w.closeListItem()
        }
      }
      w.string("amount_paid", x.amountPaid?.text, indent: 2)
      w.string("currency", x.currency, indent: 2)
      w.word("warranty_until", x.warrantyUntil?.iso, indent: 2)
      w.bool("sold_as_clearance", x.soldAsClearance, indent: 2)
      w.bool("farm_inputs", x.farmInputs, indent: 2)
      if let p = x.prepaid {
        w.section("prepaid", indent: 2)
        w.word("units_total", p.unitsTotal.map(String.init), indent: 4)
        w.word("units_used", p.unitsUsed.map(String.init), indent: 4)
        w.string("balance", p.balance?.text, indent: 4)
        w.bool("business_stopped", p.businessStopped, indent: 4)
        w.closeEmptySection(indent: 4)
      }
      w.closeEmptySection(indent: 2)
    }
    if let x = c.damage {
      w.section("damage", indent: 0)
      w.word("category", x.category?.rawValue, indent: 2)
      w.string("description", x.description, indent: 2)
      w.word("discovered_on", x.discoveredOn?.iso, indent: 2)
      w.bool("caused_by_misuse", x.causedByMisuse, indent: 2)
      w.bool("needs_appraisal", x.needsAppraisal, indent: 2)
      w.bool("personal_injury", x.personalInjury, indent: 2)
      w.bool("fraud_alleged", x.fraudAlleged, indent: 2)
      w.bool("food_safety_violation", x.foodSafetyViolation, indent: 2)
      w.bool("drug_safety_violation", x.drugSafetyViolation, indent: 2)
      w.bool("serious_injury", x.seriousInjury, indent: 2)
      w.bool("business_knew", x.businessKnew, indent: 2)
      w.bool("in_business_custody", x.inBusinessCustody, indent: 2)
      w.bool("disclosed_defect", x.disclosedDefect, indent: 2)
      w.string("losses", x.losses?.text, indent: 2)
      w.closeEmptySection(indent: 2)
    }
    if let x = c.negotiation {
      w.section("negotiation", indent: 0)
      if !x.attempts.isEmpty {
        w.section("attempts", indent: 2)
        for a in x.attempts {
          w.listItem(indent: 4)
          w.word("date", a.date?.iso, indent: 6)
          w.word("channel", a.channel?.rawValue, indent: 6)
          w.string("with", a.with, indent: 6)
          w.string("summary", a.summary, indent: 6)
          w.word("outcome", a.outcome?.rawValue, indent: 6)
          w.closeListItem()
        }
      } else {
        w.scalar("attempts", "[]", raw: true, indent: 2)
      }
      if let s = x.settlement {
        w.section("settlement", indent: 2)
        w.bool("reached", s.reached, indent: 4)
        w.bool("performed", s.performed, indent: 4)
        w.closeEmptySection(indent: 4)
      }
    }
    if let x = c.proceedings {
      w.section("proceedings", indent: 0)
      w.bool("court", x.court, indent: 2)
      w.bool("arbitration", x.arbitration, indent: 2)
      w.bool("administrative", x.administrative, indent: 2)
      w.bool("mediation", x.mediation, indent: 2)
      w.bool("previous_complaint", x.previousComplaint, indent: 2)
      w.bool("new_evidence", x.newEvidence, indent: 2)
      w.closeEmptySection(indent: 2)
    }
    if !c.claims.isEmpty {
      w.section("claims", indent: 0)
      for x in c.claims {
        w.listItem(indent: 2)
        w.word("type", x.type?.rawValue, indent: 4)
        w.string("amount", x.amount?.text, indent: 4)
        w.string("note", x.note, indent: 4)
        w.closeListItem()
      }
    }
    if !c.evidence.isEmpty {
      w.section("evidence", indent: 0)
      for x in c.evidence {
        w.listItem(indent: 2)
        w.string("id", x.id, indent: 4)
        w.word("kind", x.kind?.rawValue, indent: 4)
        w.string("title", x.title, indent: 4)
        w.string("file", x.file, indent: 4)
        w.word("date", x.date?.iso, indent: 4)
        w.string("proves", x.proves, indent: 4)
        w.closeListItem()
      }
    }
    if let x = c.filing {
      w.section("filing", indent: 0)
      w.word("filed_on", x.filedOn?.iso, indent: 2)
      w.word("accepted_on", x.acceptedOn?.iso, indent: 2)
      w.string("reference", x.reference, indent: 2)
      if !x.events.isEmpty {
        w.section("events", indent: 2)
        for e in x.events {
          w.listItem(indent: 4)
          w.word("date", e.date?.description, indent: 6)
          w.word("kind", e.kind?.rawValue, indent: 6)
          w.string("note", e.note, indent: 6)
          w.closeListItem()
        }
      }
      w.closeEmptySection(indent: 2)
    }
    return w.lines.joined(separator: "\n") + "\n"
  }

  /// A string as a YAML scalar that reads back as exactly that string: plain where that is
  /// safe, double-quoted with escapes otherwise.
  public static func quote(_ s: String) -> String {
    if isPlainSafe(s) { return s }
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      case "\u{2028}": out += "\\L"
      case "\u{2029}": out += "\\P"
      case "\u{85}": out += "\\N"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
          || scalar.value == 0xFEFF
        {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  static func isPlainSafe(_ s: String) -> Bool {
    guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
    if first == " " || last == " " || first == "\t" || last == "\t" { return false }
    if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
    if s.contains(": ") || s.contains(" #") || s.hasSuffix(":") { return false }
    for scalar in s.unicodeScalars {
      if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
        || scalar.value == 0xFEFF || scalar.value == 0x2028 || scalar.value == 0x2029
      {
        return false
      }
    }
    // Anything YAML 1.1 or 1.2 might resolve as something other than a string.
    let lower = s.lowercased()
    let specials: Set<String> = [
      "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", ".nan", ".inf", "-.inf",
      "+.inf", "<<", "=",
    ]
    if specials.contains(lower) { return false }
    if let c = first.properties.numericType, c == .decimal || first == "+" || first == "." {
      return false
    }
    if first == "+" || first == "." { return false }
    return true
  }

  /// Builds block-style YAML line by line.
  struct Emitter {
    var lines: [String] = []
    /// When set, the next key line starts a list item (`- key: value`).
    var pendingDash: Int?
    /// Index of the last section header, to close one that got no children.
    var lastSectionLine: Int?

    mutating func keyLine(_ key: String, _ rest: String, indent: Int) {
      if let dashIndent = pendingDash {
        lines.append(String(repeating: " ", count: dashIndent) + "- \(key):\(rest)")
        pendingDash = nil
      } else {
        lines.append(String(repeating: " ", count: indent) + "\(key):\(rest)")
      }
      lastSectionLine = nil
    }

    mutating func section(_ key: String, indent: Int) {
      keyLine(key, "", indent: indent)
      lastSectionLine = lines.count - 1
    }

    /// A section that got no children is written as an empty mapping, `key: {}`.
    mutating func closeEmptySection(indent: Int) {
      if let i = lastSectionLine {
        lines[i] += " {}"
        lastSectionLine = nil
      }
    }

    mutating func listItem(indent: Int) { pendingDash = indent }

    mutating func closeListItem() {
      if let dashIndent = pendingDash {
        lines.append(String(repeating: " ", count: dashIndent) + "- {}")
        pendingDash = nil
        lastSectionLine = nil
      }
    }

    mutating func scalar(_ key: String, _ value: String, raw: Bool, indent: Int) {
      keyLine(key, " " + (raw ? value : CaseFileWriter.quote(value)), indent: indent)
    }

    mutating func word(_ key: String, _ value: String?, indent: Int) {
      guard let value else { return }
      keyLine(key, " " + value, indent: indent)
    }

    mutating func bool(_ key: String, _ value: Bool?, indent: Int) {
      guard let value else { return }
      keyLine(key, value ? " true" : " false", indent: indent)
    }

    mutating func string(_ key: String, _ value: String?, indent: Int) {
      guard let value else { return }
      if value.contains("\n"), let block = literalBlock(value, indent: indent + 2) {
        keyLine(key, " " + block.header, indent: indent)
        lines.append(contentsOf: block.body)
      } else {
        keyLine(key, " " + CaseFileWriter.quote(value), indent: indent)
      }
    }

    /// A multi-line string as a literal block (`|`, `|-` or `|+`), when it can be one.
    func literalBlock(_ s: String, indent: Int) -> (header: String, body: [String])? {
      // A line that starts with white space would confuse the block's indentation.
      let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
      guard !lines.contains(where: { $0.hasPrefix(" ") || $0.hasPrefix("\t") }),
        !s.hasPrefix("\n"), !s.contains("\r"),
        s.unicodeScalars.allSatisfy({
          $0 == "\n" || $0 == "\t"
            || ($0.value >= 0x20 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value)
              && $0.value != 0xFEFF && $0.value != 0x2028 && $0.value != 0x2029)
        })
      else { return nil }
      var trailing = 0
      for ch in s.unicodeScalars.reversed() {
        if ch == "\n" { trailing += 1 } else { break }
      }
      let content = String(s.unicodeScalars.dropLast(trailing))
      // Lines that end in spaces are kept by a literal block, so they are safe.
      let chomp = trailing == 0 ? "|-" : (trailing == 1 ? "|" : "|+")
      let pad = String(repeating: " ", count: indent)
      var body = content.split(separator: "\n", omittingEmptySubsequences: false).map {
        $0.isEmpty ? "" : pad + $0
      }
      if trailing > 1 { body.append(contentsOf: Array(repeating: "", count: trailing - 1)) }
      return (chomp, body)
    }
  }
}
