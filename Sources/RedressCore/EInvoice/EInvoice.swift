import Foundation

/// What a fully digitalised e-invoice (数电票, 全面数字化的电子发票) says about a purchase: the
/// seller, the lines and the totals, read by `EInvoiceReader` from the XML the tax platform
/// issues. Amounts are exact: a line's pre-tax unit price may carry many decimals
/// (2653.982300884956) and is kept as written; money amounts have at most two.
public struct EInvoice: Hashable, Sendable {
  /// The invoice number (发票号码), from `TaxSupervisionInfo/InvoiceNumber` or `Header/EIid`.
  public var number: String?
  /// The day it was issued (`TaxSupervisionInfo/IssueTime`, else `BasicInformation/RequestTime`).
  public var issueDate: CalendarDate?
  public var sellerName: String?
  /// The seller's taxpayer id (纳税人识别号); for a company, its unified social credit code.
  public var sellerTaxID: String?
  public var sellerAddress: String?
  public var sellerPhone: String?
  public var buyerName: String?
  public var lines: [Line] = []
  public var totalExcludingTax: Money?
  public var totalTax: Money?
  /// What was paid: the tax-inclusive total (价税合计).
  public var totalIncludingTax: Money?

  public init() {}

  /// One line of the invoice (`IssuItemInformation`).
  public struct Line: Hashable, Sendable {
    /// The name as printed, with its tax-category prefix: `*家用电器*滚筒洗衣机`.
    public var name: String
    public var specModel: String?
    public var unit: String?
    public var quantity: DecimalText?
    /// The pre-tax unit price as written; often not a whole number of fen.
    public var unitPrice: DecimalText?
    /// The pre-tax amount of the line.
    public var amount: Money?
    public var taxRate: DecimalText?
    public var tax: Money?
    /// The tax-inclusive amount of the line, as written or as `amount` + `tax`.
    public var totalIncludingTax: Money?

    public init(name: String) { self.name = name }

    /// The name without the tax-category prefix: `滚筒洗衣机`.
    public var plainName: String { Self.split(name).plain }
    /// The tax category of the prefix: `家用电器`.
    public var taxCategory: String? { Self.split(name).category }

    static func split(_ name: String) -> (category: String?, plain: String) {
      guard name.hasPrefix("*") else { return (nil, name) }
      let rest = name.dropFirst()
      guard let end = rest.firstIndex(of: "*") else { return (nil, name) }
      let category = String(rest[..<end])
      let plain = String(rest[rest.index(after: end)...]).trimmingCharacters(in: .whitespaces)
      return (category.isEmpty ? nil : category, plain.isEmpty ? name : plain)
    }

    /// The tax-inclusive price of one unit, when the quantity is a whole number that divides
    /// the line's tax-inclusive amount exactly to the fen; nil otherwise (never rounded).
    public var exactUnitPriceIncludingTax: Money? {
      guard let total = totalIncludingTax, let q = quantity?.wholeNumber, q > 0 else { return nil }
      guard total.minorUnits % Int64(q) == 0 else { return nil }
      return Money(minorUnits: total.minorUnits / Int64(q), scale: 2)
    }
  }
}

/// A decimal number exactly as written (no binary floating point, no rounding): sign, the
/// integer digits and the fraction digits.
public struct DecimalText: Hashable, Sendable, CustomStringConvertible {
  public let negative: Bool
  public let integerDigits: String
  public let fractionDigits: String

  /// Parses `123`, `-1.5`, `2653.982300884956`; nil for anything else (no exponent, no
  /// grouping). At most 40 digits.
  public init?(_ text: some StringProtocol) {
    var s = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
    negative = s.first == "-"
    if negative || s.first == "+" { s = s.dropFirst() }
    let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard let whole = parts.first, !whole.isEmpty,
      whole.utf8.count + (parts.count > 1 ? parts[1].utf8.count : 0) <= 40,
      whole.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 })
    else { return nil }
    var fraction: Substring = ""
    if parts.count == 2 {
      fraction = parts[1]
      guard !fraction.isEmpty, fraction.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
    }
    let trimmedWhole = whole.drop { $0 == "0" }
    integerDigits = trimmedWhole.isEmpty ? "0" : String(trimmedWhole)
    fractionDigits = String(fraction)
  }

  public var description: String {
    (negative ? "-" : "") + integerDigits + (fractionDigits.isEmpty ? "" : "." + fractionDigits)
  }

  /// The value as `Money` when it has no non-zero digit beyond the second decimal; nil
  /// otherwise (an amount is never rounded silently).
  public var money: Money? {
    let significant = fractionDigits.count > 2 ? fractionDigits.dropFirst(2) : ""
    guard significant.allSatisfy({ $0 == "0" }) else { return nil }
    let kept = String(fractionDigits.prefix(2))
    return Money(decimal: (negative ? "-" : "") + integerDigits + (kept.isEmpty ? "" : "." + kept))
  }

  /// The value as a whole number when it is one (`1`, `2.000`); nil otherwise.
  public var wholeNumber: Int? {
    guard fractionDigits.allSatisfy({ $0 == "0" }), integerDigits.count <= 15,
      let v = Int(integerDigits)
    else { return nil }
    return negative ? -v : v
  }
}
