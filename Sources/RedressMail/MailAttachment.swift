import Foundation

/// A file to attach: its name as the recipient will see it, its MIME type and where its bytes
/// come from. Files are not read into memory; they are streamed when the message is written.
public struct MailAttachment: Hashable, Sendable {
  public enum Source: Hashable, Sendable {
    case data(Data)
    case file(URL)
  }

  /// The file name, sanitised (no control characters, no path separators).
  public var fileName: String
  /// The full `Content-Type` value without the name parameter, e.g. `application/pdf` or
  /// `text/plain; charset=UTF-8`.
  public var contentType: String
  public var byteCount: Int64
  public var source: Source

  /// An attachment held in memory (a generated document).
  public init(fileName: String, data: Data, contentType: String? = nil) {
    self.fileName = MailAttachment.sanitizedFileName(fileName)
    self.byteCount = Int64(data.count)
    self.source = .data(data)
    self.contentType = MailAttachment.fullType(
      contentType ?? MediaType.detect(name: self.fileName, head: Array(data.prefix(32))),
      utf8: { String(data: data, encoding: .utf8) != nil })
  }

  /// An attachment read from a file when the message is written; its size and first bytes are
  /// read now. Throws `MailError.unreadableAttachment` when the file cannot be read.
  public init(fileName: String, file: URL, contentType: String? = nil) throws {
    let name = MailAttachment.sanitizedFileName(fileName)
    func unreadable(_ reason: String) -> MailError {
      .unreadableAttachment(name: name, path: file.path, reason: reason)
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) else {
      throw unreadable("no such file")
    }
    guard !isDirectory.boolValue else { throw unreadable("it is a folder, not a file") }
    let attributes: [FileAttributeKey: Any]
    do {
      attributes = try FileManager.default.attributesOfItem(atPath: file.path)
    } catch {
      throw unreadable("its size cannot be read")
    }
    guard (attributes[.type] as? FileAttributeType) == .typeRegular,
      let size = (attributes[.size] as? NSNumber)?.int64Value
    else { throw unreadable("it is not a regular file") }
    guard let handle = try? FileHandle(forReadingFrom: file) else {
      throw unreadable("permission denied or unreadable")
    }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 32)) ?? Data()
    self.fileName = name
    self.byteCount = size
    self.source = .file(file)
    self.contentType = MailAttachment.fullType(
      contentType ?? MediaType.detect(name: name, head: Array(head)),
      utf8: {
        guard size <= 4_000_000, let all = try? Data(contentsOf: file) else { return false }
        return String(data: all, encoding: .utf8) != nil
      })
  }

  /// Adds `charset=UTF-8` to a text type whose content is UTF-8.
  static func fullType(_ type: String, utf8: () -> Bool) -> String {
    guard MediaType.isText(type), !type.contains(";") else { return type }
    return utf8() ? type + "; charset=UTF-8" : type
  }

  /// A name safe to put in a header and to save under: control characters and path separators
  /// replaced, never empty.
  public static func sanitizedFileName(_ name: String) -> String {
    var s = HeaderText.sanitized(name)
    s = String(s.map { $0 == "/" || $0 == "\\" ? "_" : $0 })
    while s.hasPrefix(".") { s.removeFirst() }
    return s.isEmpty ? "attachment" : s
  }

  /// Streams the bytes, `Base64Lines.chunkOctets` at a time; fails when the file changed size.
  func forEachChunk(_ body: (Data) throws -> Void) throws {
    switch source {
    case .data(let data):
      var start = data.startIndex
      repeat {
        let end = min(start + Base64Lines.chunkOctets, data.endIndex)
        try body(data[start..<end])
        start = end
      } while start < data.endIndex
    case .file(let url):
      let unreadable = { (reason: String) in
        MailError.unreadableAttachment(name: self.fileName, path: url.path, reason: reason)
      }
      guard let handle = try? FileHandle(forReadingFrom: url) else {
        throw unreadable("it can no longer be opened")
      }
      defer { try? handle.close() }
      var total: Int64 = 0
      var atEnd = false
      while !atEnd {
        // Fill whole chunks so base64 lines continue across them.
        var chunk = Data()
        while chunk.count < Base64Lines.chunkOctets {
          let piece: Data
          do {
            piece = try handle.read(upToCount: Base64Lines.chunkOctets - chunk.count) ?? Data()
          } catch {
            throw unreadable("a read failed")
          }
          if piece.isEmpty {
            atEnd = true
            break
          }
          chunk.append(piece)
        }
        if chunk.isEmpty { break }
        total += Int64(chunk.count)
        guard total <= byteCount else { throw unreadable("it grew while being exported") }
        try body(chunk)
      }
      guard total == byteCount else { throw unreadable("it changed size while being exported") }
      if total == 0 { try body(Data()) }
    }
  }
}
