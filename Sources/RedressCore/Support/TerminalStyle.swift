/// The colours and weights of terminal text (ANSI SGR), for the commands' output and the
/// interview; whether to use them at all is the caller's decision (`NO_COLOR`, a terminal).
public enum TerminalStyle: Sendable {
  case red, yellow, green, blue, cyan, dim, bold

  public var code: String {
    switch self {
    case .red: return "31"
    case .yellow: return "33"
    case .green: return "32"
    case .blue: return "34"
    case .cyan: return "36"
    case .dim: return "2"
    case .bold: return "1"
    }
  }

  public func apply(_ text: String) -> String { opening + text + Self.closing }

  /// The escape sequence that starts the style, and the one that ends any style.
  public var opening: String { "\u{1B}[\(code)m" }
  public static let closing = "\u{1B}[0m"
}
