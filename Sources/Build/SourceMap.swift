import ByteFormats
import Foundation
import Render
import Site

/// `.portal/sourcemap.json`: which Markdown file and template made each page, and where each
/// link and heading of the body was written, so `portal check` can name the line to fix.
///
/// Written by hand in exactly JSONEncoder's form (sorted keys, slashes unescaped), one entry
/// per page, so an incremental build can splice the entries of unchanged pages from its cache
/// instead of encoding all 10,000 again.
enum SourceMapStep {
  static let path = "\(OutputWriter.markerFolder)/sourcemap.json"

  /// Dates the source map now, after a build that wrote files: `portal check` takes its
  /// date for the build's and compares the sources saved after it with the hashes
  /// `SourceRecord` wrote (`check.stale`). A build that changed no entry (an event moved to the past by the
  /// clock) leaves its bytes alone, and its old date had the next check read every source, or,
  /// with a map without hashes, call the fresh site stale.
  static func markBuilt(in output: URL) {
    let file = output.appendingPathComponent(path).path
    try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: file)
  }

  /// The JSON of one page's entry, or nil for files that are not pages. The hashes of the
  /// sources are in `SourceRecord`'s file, so an edit that moves no link or heading leaves
  /// the entry as it was.
  static func entry(for file: OutputFile) -> [UInt8]? {
    guard file.path.hasSuffix(".html") else { return nil }
    var j = JSONBytes()
    j.raw("{\"headings\":[")
    for (n, h) in file.headings.enumerated() {
      j.raw(n == 0 ? "{\"column\":" : ",{\"column\":")
      j.raw(String(h.column))
      j.raw(",\"level\":")
      j.raw(String(h.level))
      j.raw(",\"line\":")
      j.raw(String(h.line))
      j.raw(",\"text\":")
      j.string(h.text)
      j.raw("}")
    }
    j.raw("],\"links\":[")
    for (n, l) in file.links.enumerated() {
      j.raw(n == 0 ? "{\"column\":" : ",{\"column\":")
      j.raw(String(l.column))
      j.raw(",\"image\":")
      j.raw(l.image ? "true" : "false")
      j.raw(",\"line\":")
      j.raw(String(l.line))
      j.raw(",\"text\":")
      j.string(l.text)
      j.raw(",\"url\":")
      j.string(l.url)
      j.raw("}")
    }
    j.raw("]")
    if let source = file.source {
      j.raw(",\"source\":")
      j.string(source)
    }
    if let template = file.template {
      j.raw(",\"template\":")
      j.string(template)
    }
    j.raw("}")
    return j.bytes
  }
}

/// The source map's entries by output path, kept in the file's key order (Swift's String order,
/// as JSONEncoder's `.sortedKeys` writes keys) with each key already written as JSON: writing
/// the file after an edit is then one copy, where sorting and escaping 10,000 keys each time
/// was half of an edit in `portal serve` at 10,000 pages.
struct SourceMapEntries: Sendable {
  private var paths: [String] = []
  /// `"<path>":` for each path.
  private var keys: [[UInt8]] = []
  private var values: [[UInt8]] = []
  /// The entries as read from the cache's file, not decoded until one changes: a build that
  /// changes none only looks a few up (`SourceMapFile`). Nil once decoded.
  private(set) var stored: StoredSourceMap?

  init() {}

  /// The entries of a cache's source map file.
  init(stored: StoredSourceMap) { self.stored = stored }

  var count: Int { stored?.count ?? paths.count }

  /// Every entry, in order.
  var all: Zip2Sequence<[String], [[UInt8]]> {
    guard stored != nil else { return zip(paths, values) }
    var copy = self
    copy.decode()
    return zip(copy.paths, copy.values)
  }

  /// Makes the stored entries into arrays, before a change.
  private mutating func decode() {
    guard let stored else { return }
    self.stored = nil
    paths = (0..<stored.count).map(stored.path(at:))
    values = (0..<stored.count).map(stored.value(at:))
    keys = paths.map(Self.key)
  }

  /// `"<path>":`.
  private static func key(_ path: String) -> [UInt8] {
    var key = JSONBytes()
    key.string(path)
    key.raw(":")
    return key.bytes
  }

  /// Where `path` is or would go.
  private func position(of path: String) -> (index: Int, found: Bool) {
    // Entries usually arrive in order: check the end first.
    if let last = paths.last, last < path { return (paths.count, false) }
    var (lo, hi) = (0, paths.count)
    while lo < hi {
      let mid = (lo + hi) / 2
      if paths[mid] < path { lo = mid + 1 } else { hi = mid }
    }
    return (lo, lo < paths.count && paths[lo] == path)
  }

  subscript(path: String) -> [UInt8]? {
    get {
      if let stored { return stored.value(for: path) }
      let p = position(of: path)
      return p.found ? values[p.index] : nil
    }
    set {
      if stored != nil {
        guard self[path] != newValue else { return }
        decode()
      }
      let p = position(of: path)
      switch (p.found, newValue) {
      case (true, let value?):
        values[p.index] = value
      case (true, nil):
        paths.remove(at: p.index)
        keys.remove(at: p.index)
        values.remove(at: p.index)
      case (false, let value?):
        paths.insert(path, at: p.index)
        keys.insert(Self.key(path), at: p.index)
        values.insert(value, at: p.index)
      case (false, nil):
        break
      }
    }
  }

  mutating func removeAll(where remove: (String) -> Bool) {
    decode()
    let kept = paths.indices.filter { !remove(paths[$0]) }
    guard kept.count < paths.count else { return }
    paths = kept.map { paths[$0] }
    keys = kept.map { keys[$0] }
    values = kept.map { values[$0] }
  }

  /// `.portal/sourcemap.json`.
  func file() -> OutputFile {
    if stored != nil {
      var copy = self
      copy.decode()
      return copy.file()
    }
    let head = Array("{\"pages\":{".utf8)
    let tail = Array("},\"version\":1}".utf8)
    var size = head.count + tail.count + max(0, paths.count - 1)
    for i in paths.indices { size += keys[i].count + values[i].count }
    var data = Data(count: size)
    data.withUnsafeMutableBytes { out in
      var at = 0
      func put(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { b in
          guard let base = b.baseAddress else { return }
          out.baseAddress!.advanced(by: at).copyMemory(from: base, byteCount: b.count)
        }
        at += bytes.count
      }
      put(head)
      for i in paths.indices {
        if i > 0 { put([UInt8(ascii: ",")]) }
        put(keys[i])
        put(values[i])
      }
      put(tail)
    }
    return OutputFile(path: SourceMapStep.path, data: data)
  }
}
