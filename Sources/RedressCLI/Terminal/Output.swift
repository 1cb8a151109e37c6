import Foundation
import RedressCore

/// Where a command writes: standard output and standard error, with colour only when the
/// stream is a terminal, `NO_COLOR` is unset, `TERM` is not `dumb` and `--no-color` was not
/// given. Tests inject string sinks.
public final class Output: @unchecked Sendable {
  public let colorOut: Bool
  public let colorErr: Bool
  private let writeOut: (String) -> Void
  private let writeErr: (String) -> Void
  /// Standard output's writer for text already in UTF-8 bytes (a large JSON document);
  /// by default the bytes go through `writeOut` as a string.
  private let writeOutBytes: ([UInt8]) -> Void

  public init(
    colorOut: Bool, colorErr: Bool, writeOut: @escaping (String) -> Void,
    writeErr: @escaping (String) -> Void, writeOutBytes: (([UInt8]) -> Void)? = nil
  ) {
    self.colorOut = colorOut
    self.colorErr = colorErr
    self.writeOut = writeOut
    self.writeErr = writeErr
    self.writeOutBytes = writeOutBytes ?? { writeOut(String(decoding: $0, as: UTF8.self)) }
  }

  /// The process's own streams.
  public static func standard(noColor: Bool, environment: [String: String]) -> Output {
    let allowed =
      !noColor && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
      && environment["TERM"] != nil
    return Output(
      colorOut: allowed && isatty(STDOUT_FILENO) == 1,
      colorErr: allowed && isatty(STDERR_FILENO) == 1,
      writeOut: { FileHandle.standardOutput.write(Data($0.utf8)) },
      writeErr: { FileHandle.standardError.write(Data($0.utf8)) },
      writeOutBytes: { bytes in
        bytes.withUnsafeBytes { raw in
          guard let base = raw.baseAddress, raw.count > 0 else { return }
          FileHandle.standardOutput.write(
            Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: raw.count, deallocator: .none))
        }
      })
  }

  /// Collects everything written, for tests.
  public static func capturing() -> (Output, () -> (out: String, err: String)) {
    let box = CaptureBox()
    let output = Output(
      colorOut: false, colorErr: false, writeOut: { box.append(out: $0) },
      writeErr: { box.append(err: $0) })
    return (output, { box.read() })
  }

  public func out(_ text: String, terminator: String = "\n") { writeOut(text + terminator) }
  public func err(_ text: String, terminator: String = "\n") { writeErr(text + terminator) }

  /// Writes UTF-8 text held as bytes to standard output as it is (no line break added),
  /// without copying it into a string.
  public func write(utf8 bytes: [UInt8]) { writeOutBytes(bytes) }

  /// Colours `text` for standard output when colour is on.
  public func style(_ text: String, _ style: Style) -> String {
    colorOut ? style.apply(text) : text
  }

  /// Colours `text` for standard error when colour is on.
  public func styleErr(_ text: String, _ style: Style) -> String {
    colorErr ? style.apply(text) : text
  }

  public typealias Style = TerminalStyle
}

private final class CaptureBox: @unchecked Sendable {
  private let lock = NSLock()
  private var out = ""
  private var err = ""
  func append(out text: String) { lock.withLock { out += text } }
  func append(err text: String) { lock.withLock { err += text } }
  func read() -> (out: String, err: String) { lock.withLock { (out, err) } }
}
