import Foundation
import RedressCore

/// Reads the path of an evidence file as people give it: typed, pasted, or dropped onto the
/// terminal window (which quotes it, `'/home/me/My Photos/a.jpg' `, or escapes it,
/// `/Users/me/My\ Photos/a.jpg`, or writes a `file://` URL), with `~` for the home folder.
enum EvidencePath {
  static func parse(_ raw: String, home: String?, currentDirectory: URL) -> Result<URL, AnswerProblem> {
    let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    var path: String
    if let literal = resolve(trimmed, home: home, currentDirectory: currentDirectory),
      FileManager.default.fileExists(atPath: literal.path) || isSymlink(literal)
    {
      return .success(literal)
    }
    if trimmed.lowercased().hasPrefix("file://") {
      guard let url = URL(string: trimmed), url.isFileURL else {
        return .failure(AnswerProblem(.pathMissing, ["path": trimmed]))
      }
      path = url.path
    } else if let words = shellWords(trimmed) {
      guard words.count <= 1 else {
        return .failure(AnswerProblem(.pathMultiple, ["count": String(words.count)]))
      }
      path = words.first ?? ""
    } else {
      path = trimmed
    }
    guard !path.isEmpty, let url = resolve(path, home: home, currentDirectory: currentDirectory) else {
      return .failure(AnswerProblem(.pathMissing, ["path": trimmed]))
    }
    return .success(url)
  }

  static func resolve(_ path: String, home: String?, currentDirectory: URL) -> URL? {
    var p = path
    if p.isEmpty { return nil }
    if p == "~" || p.hasPrefix("~/") {
      guard let home else { return nil }
      p = home + p.dropFirst()
    }
    if p.hasPrefix("/") { return URL(fileURLWithPath: p).standardizedFileURL }
    return currentDirectory.appendingPathComponent(p).standardizedFileURL
  }

  /// Splits text the way a POSIX shell splits words: single quotes, double quotes (with
  /// `\"`, `\\`, `\$`, `` \` `` escapes), backslash escapes elsewhere. Nil when a quote is
  /// left open.
  static func shellWords(_ text: String) -> [String]? {
    var words: [String] = []
    var current = ""
    var inWord = false
    var chars = Array(text)[...]
    while let c = chars.popFirst() {
      switch c {
      case "'":
        inWord = true
        guard let end = chars.firstIndex(of: "'") else { return nil }
        current += String(chars[..<end])
        chars = chars[(end + 1)...]
      case "\"":
        inWord = true
        var closed = false
        while let d = chars.popFirst() {
          if d == "\"" {
            closed = true
            break
          }
          if d == "\\", let next = chars.first, "\"\\$`".contains(next) {
            current.append(chars.removeFirst())
          } else {
            current.append(d)
          }
        }
        if !closed { return nil }
      case "\\":
        inWord = true
        if let next = chars.popFirst() { current.append(next) }
      case " ", "\t":
        if inWord {
          words.append(current)
          current = ""
          inWord = false
        }
      default:
        inWord = true
        current.append(c)
      }
    }
    if inWord { words.append(current) }
    return words
  }

  static func isSymlink(_ url: URL) -> Bool {
    var info = stat()
    return lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
  }

  /// Nil when `url` is a regular, readable, non-empty file; otherwise why it cannot be
  /// evidence. A symbolic link is refused (the store keeps the file itself, and a link can
  /// point anywhere); the message names its target so the person can give that instead.
  static func problem(with url: URL) -> AnswerProblem? {
    var info = stat()
    let path = url.path
    guard lstat(path, &info) == 0 else { return AnswerProblem(.pathMissing, ["path": path]) }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFLNK:
      let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
      return AnswerProblem(.pathSymlink, ["path": path, "target": target])
    case S_IFDIR: return AnswerProblem(.pathDirectory, ["path": path])
    case S_IFIFO: return AnswerProblem(.pathFIFO, ["path": path])
    case S_IFCHR, S_IFBLK: return AnswerProblem(.pathDevice, ["path": path])
    default: return AnswerProblem(.pathSpecial, ["path": path])
    }
    guard access(path, R_OK) == 0 else { return AnswerProblem(.pathUnreadable, ["path": path]) }
    guard info.st_size > 0 else { return AnswerProblem(.pathEmpty, ["path": path]) }
    return nil
  }

  /// The kind of evidence a file name suggests (a photo, a video, an e-invoice).
  static func guessKind(_ file: String) -> EvidenceKind? {
    switch (file as NSString).pathExtension.lowercased() {
    case "xml", "ofd": return .invoice
    case "jpg", "jpeg", "png", "heic", "heif", "webp", "gif", "bmp", "tif", "tiff": return .photo
    case "mp4", "mov", "m4v", "avi", "mkv", "3gp", "webm": return .video
    case "mp3", "m4a", "amr", "wav", "aac", "ogg", "opus", "flac": return .audio
    case "eml", "msg": return .correspondence
    default: return nil
    }
  }
}
