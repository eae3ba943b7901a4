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

  /// The JSON of one page's entry, or nil for files that are not pages.
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

  /// The whole file from entries by output path; keys in Swift's String order, as JSONEncoder's
  /// `.sortedKeys` writes them.
  static func file(entries: [String: [UInt8]]) -> OutputFile {
    var j = JSONBytes()
    j.bytes.reserveCapacity(entries.values.reduce(64) { $0 + $1.count + 48 })
    j.raw("{\"pages\":{")
    for (n, key) in entries.keys.sorted().enumerated() {
      if n > 0 { j.raw(",") }
      j.string(key)
      j.raw(":")
      j.bytes += entries[key]!
    }
    j.raw("},\"version\":1}")
    return OutputFile(path: path, data: Data(j.bytes))
  }

  static func file(for files: [OutputFile]) -> OutputFile {
    var entries: [String: [UInt8]] = [:]
    for f in files { if let e = entry(for: f) { entries[f.path] = e } }
    return file(entries: entries)
  }
}
