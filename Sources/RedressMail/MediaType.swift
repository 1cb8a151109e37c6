/// The MIME type of an attachment, from its file name's extension and its first bytes.
///
/// The content decides where it is unambiguous (a phone photo called `.jpg` that is really HEIC
/// is sent as HEIC, so the client shows it right); the extension decides inside a family the
/// bytes cannot tell apart (a ZIP container may be a .docx; text may be XML).
public enum MediaType {
  public static let fallback = "application/octet-stream"
  public static let docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

  static let byExtension: [String: String] = [
    "pdf": "application/pdf",
    "docx": docx,
    "doc": "application/msword",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "xml": "application/xml",
    "ofd": "application/ofd",
    "json": "application/json",
    "txt": "text/plain",
    "csv": "text/csv",
    "md": "text/markdown",
    "htm": "text/html",
    "html": "text/html",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "webp": "image/webp",
    "heic": "image/heic",
    "tif": "image/tiff",
    "tiff": "image/tiff",
    "bmp": "image/bmp",
    "mp4": "video/mp4",
    "m4v": "video/mp4",
    "mov": "video/quicktime",
    "3gp": "video/3gpp",
    "avi": "video/x-msvideo",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "aac": "audio/aac",
    "wav": "audio/wav",
    "amr": "audio/amr",
    "ogg": "audio/ogg",
    "zip": "application/zip",
    "7z": "application/x-7z-compressed",
    "rar": "application/vnd.rar",
  ]

  /// The lower-cased extension of a file name, without the dot ("" when none).
  public static func fileExtension(of name: String) -> String {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return name[name.index(after: dot)...].lowercased()
  }

  /// The type for a file called `name` whose content starts with `head` (the first 16 bytes or
  /// more are enough).
  public static func detect(name: String, head: [UInt8]) -> String {
    let ext = fileExtension(of: name)
    let fromName = byExtension[ext]
    guard let sniffed = sniff(head) else { return fromName ?? fallback }
    switch sniffed {
    case "application/zip":
      // docx, xlsx, ofd and zip are all ZIP containers.
      if let fromName, ["docx", "xlsx", "ofd", "zip"].contains(ext) { return fromName }
      return sniffed
    case "video/mp4":
      // The ISO media family: the brand tells audio (M4A) from video, the extension helps.
      if let fromName, fromName.hasPrefix("audio/") || fromName.hasPrefix("video/") { return fromName }
      return sniffed
    default:
      return sniffed
    }
  }

  /// The type the first bytes announce, when they are a signature we know.
  static func sniff(_ b: [UInt8]) -> String? {
    func starts(_ sig: [UInt8], at offset: Int = 0) -> Bool {
      b.count >= offset + sig.count && Array(b[offset..<offset + sig.count]) == sig
    }
    if starts(Array("%PDF-".utf8)) { return "application/pdf" }
    if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
    if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
    if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return "image/gif" }
    if starts(Array("PK".utf8) + [3, 4]) { return "application/zip" }
    if starts(Array("RIFF".utf8)) && starts(Array("WAVE".utf8), at: 8) { return "audio/wav" }
    if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return "image/webp" }
    if starts(Array("#!AMR".utf8)) { return "audio/amr" }
    if starts(Array("ID3".utf8)) { return "audio/mpeg" }
    if starts(Array("ftyp".utf8), at: 4), b.count >= 12 {
      let brand = String(decoding: b[8..<12], as: UTF8.self)
      switch brand {
      case "M4A ", "M4B ": return "audio/mp4"
      case "heic", "heix", "mif1", "msf1": return "image/heic"
      case "qt  ": return "video/quicktime"
      default: return "video/mp4"
      }
    }
    return nil
  }

  /// True for the types that are text, which get `; charset=UTF-8` when their bytes are UTF-8.
  static func isText(_ type: String) -> Bool {
    type.hasPrefix("text/")
  }
}
