import RedressCore

/// One e-mail address with an optional display name (RFC 5322 `mailbox`).
public struct Mailbox: Hashable, Sendable {
  /// The name shown to the reader, already sanitised (no control characters).
  public var displayName: String?
  /// The `local@domain` part, validated.
  public var address: String

  /// A mailbox from an address and a name; throws `MailError.invalidAddress` when the address
  /// is not a plain `name@example.com` (RFC 5322 dot-atom, ASCII only).
  public init(address: String, displayName: String? = nil) throws {
    let trimmed = address.trimmingCharacters(in: .whitespaces)
    if let problem = Mailbox.addressProblem(trimmed) {
      throw MailError.invalidAddress(address: address, reason: problem)
    }
    self.address = trimmed
    let name = displayName.map(HeaderText.sanitized)
    self.displayName = (name?.isEmpty ?? true) ? nil : name
  }

  /// Reads what a person types after `--to` or `--from`: `name@example.com` or
  /// `Name <name@example.com>`.
  public init(parsing text: String) throws {
    let t = text.trimmingCharacters(in: .whitespaces)
    if t.hasSuffix(">"), let open = t.lastIndex(of: "<") {
      var name = String(t[..<open]).trimmingCharacters(in: .whitespaces)
      if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
        name = String(name.dropFirst().dropLast())
      }
      let address = String(t[t.index(after: open)..<t.index(before: t.endIndex)])
      try self.init(address: address, displayName: name)
    } else {
      try self.init(address: t)
    }
  }

  /// The domain, used for the `Message-ID` of messages sent from this address.
  public var domain: String {
    String(address[address.index(after: address.lastIndex(of: "@")!)...]).lowercased()
  }

  /// nil for an address we can put in a header; else why not. Stricter than RFC 5322 in what it
  /// accepts (no quoted local parts, no comments, no domain literals), so nothing in it needs
  /// quoting or can end a header line.
  static func addressProblem(_ address: String) -> MailError.AddressProblem? {
    if address.unicodeScalars.contains(where: HeaderText.isUnsafe) { return .controlCharacter }
    if address.isEmpty { return .empty }
    if Identifiers.emailProblem(address) != nil { return .malformed }
    return nil
  }

  /// The mailbox as a header value: the name (RFC 2047 encoded when not plain ASCII) and the
  /// address in angle brackets, as tokens the caller folds between.
  func headerTokens() -> [String] {
    guard let name = displayName else { return [address] }
    let bracketed = "<" + address + ">"
    if HeaderText.isPlainASCII(name), name.utf8.count <= 60 {
      if name.allSatisfy({ $0 == " " || Mailbox.isAtext($0) }) {
        return name.split(separator: " ").map(String.init) + [bracketed]
      }
      let escaped = name.replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "\"", with: "\\\"")
      return ["\"" + escaped + "\"", bracketed]
    }
    // One word as long as RFC 2047 allows: some readers (Python's email package) show a space
    // between two encoded words of a display name.
    return HeaderText.encodedWords(name) + [bracketed]
  }

  static func isAtext(_ c: Character) -> Bool {
    guard c.isASCII else { return false }
    return c.isLetter || c.isNumber || "!#$%&'*+-/=?^_`{|}~".contains(c)
  }
}

extension Mailbox: CustomStringConvertible {
  public var description: String {
    displayName.map { "\($0) <\(address)>" } ?? address
  }
}

/// Who a message is addressed to: mailboxes, or none at all (the RFC 5322 empty group
/// `undisclosed-recipients:;`, for a message the user addresses in their mail client).
public enum Recipients: Hashable, Sendable {
  case mailboxes([Mailbox])
  case undisclosed

  func headerField(name: String) -> String {
    switch self {
    case .undisclosed:
      return name + ": undisclosed-recipients:;"
    case .mailboxes(let list):
      var tokens: [String] = []
      for (i, m) in list.enumerated() {
        var t = m.headerTokens()
        if i < list.count - 1 { t[t.count - 1] += "," }
        tokens += t
      }
      return HeaderText.fold(prefix: name + ": ", tokens: tokens)
    }
  }
}
