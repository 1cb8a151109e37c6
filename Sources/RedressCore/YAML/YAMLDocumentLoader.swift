import Foundation
import Yams

/// Turns the bytes of a YAML file into a composed tree, or into diagnostics that say what is
/// wrong with the file as a whole: not text, empty, too large, nested too deep, or a syntax
/// error at a line and column. Guards run before the parser so that hostile input ends in
/// an error quickly instead of a crash or a hang.
public enum YAMLDocumentLoader {
  /// Larger than any real case file (a case with 100,000 items is about 10 MB).
  public static let maxBytes = 64 << 20
  /// Deeper than any real case file by far; deeper input would exhaust the parser's stack.
  public static let maxDepth = 64

  /// `resolver` decides the tags of plain scalars. redress reads every value from its text
  /// (`YAMLNodeReader`), so the default is `.basic`, which skips the regular expressions of
  /// Yams' default resolver.
  public static func load(contentsOf url: URL, displayName: String, resolver: Resolver = .basic) throws
    -> Node
  {
    let data: Data
    do {
      let handle = try FileHandle(forReadingFrom: url)
      defer { try? handle.close() }
      data = try handle.read(upToCount: maxBytes + 1) ?? Data()
    } catch {
      throw DiagnosticsError([
        Diagnostic(.error, file: displayName, message: "cannot read the file: \(Self.reason(error))")
      ])
    }
    return try load(data: data, file: displayName, resolver: resolver)
  }

  public static func load(data: Data, file: String, resolver: Resolver = .basic) throws -> Node {
    func fail(_ message: String, line: Int? = nil, column: Int? = nil) -> DiagnosticsError {
      DiagnosticsError([Diagnostic(.error, file: file, line: line, column: column, message: message)])
    }
    if data.count > maxBytes {
      throw fail("the file is larger than \(maxBytes >> 20) MiB; a case file is a small text file")
    }
    // One pass over the raw bytes (Data's element iterator costs a call per byte).
    let (blank, hasNUL) = data.withUnsafeBytes { raw -> (Bool, Bool) in
      var blank = true
      for byte in raw {
        if byte == 0 { return (false, true) }
        if blank && byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { blank = false }
      }
      return (blank, false)
    }
    if blank {
      throw fail("the file is empty; a case file starts with 'version: 1'")
    }
    if hasNUL {
      throw fail("the file is not text (it holds NUL bytes); expected a YAML case file")
    }
    guard var text = String(data: data, encoding: .utf8) else {
      let line = firstInvalidUTF8Line(data)
      throw fail("the file is not UTF-8 text; save it as UTF-8", line: line)
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    if let (line, column) = excessiveNesting(in: text) {
      throw fail(
        "the document is nested more than \(maxDepth) levels deep; a case file needs a few",
        line: line, column: column)
    }
    let node: Node?
    do {
      node = try Yams.compose(yaml: text, resolver)
    } catch let error as YamlError {
      throw DiagnosticsError([diagnostic(from: error, file: file)])
    } catch {
      throw fail("cannot parse the YAML: \(error)")
    }
    guard let node, !YAMLNodeReader.isNull(node) else {
      throw fail("the file holds no YAML document; a case file starts with 'version: 1'")
    }
    return node
  }

  /// A syntax error as a diagnostic at its line and column, with libyaml's wording.
  static func diagnostic(from error: YamlError, file: String) -> Diagnostic {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      var message = "YAML syntax: \(problem)"
      if let context {
        message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
      }
      if problem.contains("undefined alias") {
        message += "; a value cannot start with '*' unless it is quoted"
      }
      return Diagnostic(.error, file: file, line: mark.line, column: mark.column, message: message)
    case .reader(let problem, _, _, _):
      return Diagnostic(.error, file: file, message: "YAML reader: \(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      return Diagnostic(
        .error, file: file, line: context.mark.line, column: context.mark.column,
        message:
          "key \(duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")) appears twice in one mapping")
    default:
      return Diagnostic(.error, file: file, message: "cannot parse the YAML: \(error)")
    }
  }

  /// The first place where flow brackets or block indicators nest deeper than `maxDepth`.
  /// A rough scan (quotes and comments are skipped) that only needs to be conservative.
  static func excessiveNesting(in text: String) -> (Int, Int)? {
    var line = 1
    var column = 0
    var flowDepth = 0
    var quote: UInt8? = nil
    var inComment = false
    var atLineStart = true
    var blockMarkers = 0
    var previous: UInt8 = 0x0A
    for byte in text.utf8 {
      column += 1
      if byte == 0x0A {
        line += 1
        column = 0
        inComment = false
        atLineStart = true
        blockMarkers = 0
        previous = byte
        continue
      }
      defer { previous = byte }
      if inComment { continue }
      if let q = quote {
        if byte == q && !(q == UInt8(ascii: "\"") && previous == UInt8(ascii: "\\")) { quote = nil }
        continue
      }
      if atLineStart {
        if byte == 0x20 || byte == 0x09 {
          if column > maxDepth * 8 { return (line, column) }
          continue
        }
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "?") {
          blockMarkers += 1
          if blockMarkers > maxDepth { return (line, column) }
          continue
        }
        atLineStart = false
      }
      switch byte {
      case UInt8(ascii: "#") where previous == 0x20 || previous == 0x09 || column == 1:
        inComment = true
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        if flowDepth > 0 || previous == 0x20 || previous == UInt8(ascii: ":") || column == 1 {
          quote = byte
        }
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        flowDepth += 1
        if flowDepth > maxDepth { return (line, column) }
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        flowDepth = max(0, flowDepth - 1)
      default:
        break
      }
    }
    return nil
  }

  static func firstInvalidUTF8Line(_ data: Data) -> Int? {
    var line = 1
    var start = data.startIndex
    for (i, byte) in zip(data.indices, data) where byte == 0x0A {
      if String(data: data[start..<i], encoding: .utf8) == nil { return line }
      line += 1
      start = i + 1
    }
    return String(data: data[start...], encoding: .utf8) == nil ? line : nil
  }

  static func reason(_ error: Error) -> String {
    let ns = error as NSError
    if ns.domain == NSCocoaErrorDomain {
      switch ns.code {
      case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file"
      case NSFileReadNoPermissionError: return "permission denied"
      default: break
      }
    }
    if let posix = ns.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain,
      let code = POSIXErrorCode(rawValue: Int32(posix.code))
    {
      return String(cString: strerror(code.rawValue))
    }
    return ns.localizedDescription
  }
}
