import Foundation

/// Markdown sources and templates read once and shared by all pages, since the same layout is
/// searched for thousands of pages. Thread-safe because pages are checked in parallel.
final class TextFiles: @unchecked Sendable {
  let root: URL
  private let lock = NSLock()
  private var cache: [String: LineIndex?] = [:]

  /// `root` is the folder the source map's relative paths start from (the project folder).
  init(root: URL) { self.root = root }

  func url(for path: String) -> URL {
    path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
  }

  /// The file's line index, or nil when it cannot be read.
  func index(_ path: String) -> LineIndex? {
    lock.lock()
    if let cached = cache[path] {
      lock.unlock()
      return cached
    }
    lock.unlock()
    let loaded = FileManager.default.contents(atPath: url(for: path).path).map {
      LineIndex(Array($0))
    }
    lock.lock()
    cache[path] = loaded
    lock.unlock()
    return loaded
  }

  func text(_ path: String) -> String? {
    FileManager.default.contents(atPath: url(for: path).path).map {
      String(decoding: $0, as: UTF8.self)
    }
  }
}

enum Paths {
  /// A path as the user would type it: relative to `root` (default: the working folder) when
  /// inside it.
  static func display(_ url: URL, relativeTo root: URL? = nil) -> String {
    let path = url.standardizedFileURL.path
    let base = root?.standardizedFileURL.path ?? FileManager.default.currentDirectoryPath
    if path == base { return "." }
    if path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) }
    return path
  }
}
