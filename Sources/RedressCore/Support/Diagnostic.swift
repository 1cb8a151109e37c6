/// A problem found in an input file, located as precisely as the input allows. Printed in
/// compiler style: `case.yaml:12:7: error: purchase.amount_paid: expected …`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Sendable, Comparable {
    case error, warning, note

    private var rank: Int {
      switch self {
      case .error: return 0
      case .warning: return 1
      case .note: return 2
      }
    }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  public var severity: Severity
  /// The file as the user named it.
  public var file: String
  /// 1-based line and column; nil when the problem has no single place (a missing key).
  public var line: Int?
  public var column: Int?
  /// The field path, `purchase.items[0].unit_price`; empty for the whole file.
  public var path: String
  public var message: String

  public init(
    _ severity: Severity, file: String, line: Int? = nil, column: Int? = nil, path: String = "",
    message: String
  ) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.path = path
    self.message = message
  }

  /// `file:line:col: severity: path: message`, leaving out what is unknown.
  public var description: String {
    var location = file
    if let line {
      location += ":\(line)"
      if let column { location += ":\(column)" }
    }
    let subject = path.isEmpty ? "" : "\(path): "
    return "\(location): \(severity.rawValue): \(subject)\(message)"
  }
}

/// Several diagnostics at once; thrown when a file cannot be used.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
