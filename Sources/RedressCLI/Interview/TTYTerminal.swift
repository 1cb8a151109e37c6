import Foundation
import RedressInterview

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The signal caught while the interview runs; 0 when none. Written by the handler (a plain
/// int store, which is async-signal-safe), read and cleared by the terminal.
nonisolated(unsafe) private var caughtSignal: Int32 = 0

private func recordSignal(_ signal: Int32) { caughtSignal = signal }

/// The real terminal: line input in the terminal's own cooked mode (the kernel echoes and
/// edits, multi-byte characters included), output written straight to the file descriptors
/// so that a closed terminal can never crash a write.
///
/// Ctrl-C, a hang-up and SIGTERM are caught (without `SA_RESTART`, so a blocked read returns)
/// and reported as `.interrupted`; the interview then saves and exits. `restore()` puts the
/// previous handlers and terminal modes back.
public final class TTYTerminal: InterviewTerminal {
  public let usesColor: Bool
  private var buffer: [UInt8] = []
  private var savedActions: [(Int32, sigaction)] = []
  private var savedMode: termios?
  private let errIsTTY: Bool
  private var progressShown = false

  /// Whether standard input and output are a terminal (the interview needs both).
  public static var isAvailable: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

  public init(usesColor: Bool) {
    self.usesColor = usesColor
    errIsTTY = isatty(STDERR_FILENO) == 1
    caughtSignal = 0
    // A parent may have left these blocked (signal masks survive exec); unblock them so that
    // Ctrl-C and a hang-up reach the handler.
    var unblock = sigset_t()
    sigemptyset(&unblock)
    for signal in [SIGINT, SIGHUP, SIGTERM] { sigaddset(&unblock, signal) }
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    for signal in [SIGINT, SIGHUP, SIGTERM] {
      var action = sigaction()
      #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = recordSignal
      #else
        action.__sigaction_u.__sa_handler = recordSignal
      #endif
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0
      var old = sigaction()
      if sigaction(signal, &action, &old) == 0 { savedActions.append((signal, old)) }
    }
    // Line editing and echo on, whatever an earlier program left behind.
    var mode = termios()
    if tcgetattr(STDIN_FILENO, &mode) == 0 {
      let wanted = tcflag_t(ICANON | ECHO)
      if mode.c_lflag & wanted != wanted {
        savedMode = mode
        mode.c_lflag |= wanted
        tcsetattr(STDIN_FILENO, TCSANOW, &mode)
      }
    }
  }

  /// Puts back the signal handlers and terminal mode found at start.
  public func restore() {
    endProgress()
    for (signal, old) in savedActions {
      var action = old
      sigaction(signal, &action, nil)
    }
    savedActions = []
    if var mode = savedMode {
      tcsetattr(STDIN_FILENO, TCSANOW, &mode)
      savedMode = nil
    }
  }

  public var width: Int {
    var size = winsize()
    #if canImport(Glibc)
      let ok = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0
    #else
      let ok = ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0
    #endif
    return ok && size.ws_col >= 40 ? Int(size.ws_col) : 80
  }

  public func write(_ text: String) { Self.writeAll(STDOUT_FILENO, Array(text.utf8)) }

  /// Writes every byte, retrying after a signal; gives up silently when the terminal is gone.
  static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
      let n = bytes[offset...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
      if n > 0 {
        offset += n
      } else if n < 0 && errno == EINTR {
        continue
      } else {
        return
      }
    }
  }

  public func readLine(prompt: String) -> TerminalInput {
    write(prompt)
    while true {
      if let line = takeBufferedLine() { return .line(line) }
      if caughtSignal != 0 {
        let signal = caughtSignal
        caughtSignal = 0
        return .interrupted(signal: signal)
      }
      var chunk = [UInt8](repeating: 0, count: 4096)
      let n = chunk.withUnsafeMutableBytes { Foundation.read(STDIN_FILENO, $0.baseAddress, $0.count) }
      if n > 0 {
        buffer.append(contentsOf: chunk[..<n])
      } else if n == 0 {
        // Ctrl-D: on an empty line it is the end; after some text it hands that text over.
        if buffer.isEmpty { return .endOfInput }
        let line = Self.decode(buffer[...])
        buffer = []
        return .line(line)
      } else if errno != EINTR {
        return .endOfInput
      }
    }
  }

  private func takeBufferedLine() -> String? {
    guard let newline = buffer.firstIndex(of: 10) else { return nil }
    let line = Self.decode(buffer[..<newline])
    buffer.removeSubrange(...newline)
    return line
  }

  static func decode(_ bytes: ArraySlice<UInt8>) -> String {
    var text = String(decoding: bytes, as: UTF8.self)
    if text.hasSuffix("\r") { text.removeLast() }
    return text
  }

  /// Lines pasted together with the one just read. A paste arrives at once, but the
  /// terminal's line discipline hands over only complete lines: the last pasted line, still
  /// waiting for Enter, is invisible in cooked mode. So for a moment the terminal is switched
  /// to raw reads to collect what is pending; when a part-line is found, the person's Enter
  /// completes it. Whatever a person types by hand arrives too late to be taken for a paste.
  public func drainPastedLines() -> [String] {
    var lines: [String] = []
    while let line = takeBufferedLine() { lines.append(line) }
    var mode = termios()
    guard tcgetattr(STDIN_FILENO, &mode) == 0 else { return lines }
    var raw = mode
    raw.c_lflag &= ~tcflag_t(ICANON)
    withUnsafeMutableBytes(of: &raw.c_cc) { cc in
      cc[Int(VMIN)] = 0
      cc[Int(VTIME)] = 0
    }
    tcsetattr(STDIN_FILENO, TCSANOW, &raw)
    var pending: [UInt8] = []
    var poller = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
    while poll(&poller, 1, 20) > 0, poller.revents & Int16(POLLIN) != 0 {
      var chunk = [UInt8](repeating: 0, count: 4096)
      let n = chunk.withUnsafeMutableBytes { Foundation.read(STDIN_FILENO, $0.baseAddress, $0.count) }
      guard n > 0 else { break }
      pending.append(contentsOf: chunk[..<n])
    }
    tcsetattr(STDIN_FILENO, TCSANOW, &mode)
    buffer.append(contentsOf: pending.map { $0 == 13 ? 10 : $0 })
    while let line = takeBufferedLine() { lines.append(line) }
    if !buffer.isEmpty {
      // A pasted part-line: the rest (usually just Enter) comes in cooked mode.
      var rest: [UInt8] = []
      while true {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let n = chunk.withUnsafeMutableBytes { Foundation.read(STDIN_FILENO, $0.baseAddress, $0.count) }
        if n > 0 {
          rest.append(contentsOf: chunk[..<n])
          if rest.contains(10) { break }
        } else if n < 0 && errno == EINTR && caughtSignal == 0 {
          continue
        } else {
          break
        }
      }
      buffer.append(contentsOf: rest)
      if let line = takeBufferedLine() {
        lines.append(line)
      } else {
        lines.append(Self.decode(buffer[...]))
        buffer = []
      }
    }
    return lines
  }

  public func takePendingSignal() -> Int32? {
    guard caughtSignal != 0 else { return nil }
    let signal = caughtSignal
    caughtSignal = 0
    return signal
  }

  public func showProgress(label: String, done: Int64, total: Int64) {
    guard errIsTTY, total > 0 else { return }
    let cells = 24
    let fraction = min(1, Double(done) / Double(total))
    let filled = Int(fraction * Double(cells))
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: cells - filled)
    let mib = { (v: Int64) in String(format: "%.1f", Double(v) / 1_048_576) }
    let line = "\r\(label) \(bar) \(Int(fraction * 100))%  \(mib(done))/\(mib(total)) MiB\u{1B}[K"
    Self.writeAll(STDERR_FILENO, Array(line.utf8))
    progressShown = true
  }

  public func endProgress() {
    guard progressShown else { return }
    Self.writeAll(STDERR_FILENO, Array("\r\u{1B}[K".utf8))
    progressShown = false
  }
}
