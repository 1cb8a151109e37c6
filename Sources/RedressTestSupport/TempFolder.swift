import Foundation

/// A fresh folder under the system temporary folder, removed when the value goes away.
public final class TempFolder {
  public let url: URL
  public init(under parent: URL = FileManager.default.temporaryDirectory) throws {
    url = parent.appendingPathComponent("redress-test-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }
  deinit { try? FileManager.default.removeItem(at: url) }

  public func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

  /// Writes `data` at `relative`, creating folders.
  @discardableResult
  public func write(_ relative: String, _ data: Data) throws -> URL {
    let target = path(relative)
    try FileManager.default.createDirectory(
      at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: target)
    return target
  }
}
