import Diagnostics
import Foundation
import Testing

@testable import Check

/// A project folder in a temporary directory with a built site (`site/`), its source map and
/// the Markdown and templates the map points at, written by each test.
final class FixtureSite {
  let root: URL

  init(_ files: [String: String]) throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "portal-check-\(UUID().uuidString)")
    for (path, text) in files { try write(path, text) }
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  var site: URL { root.appendingPathComponent("site") }

  func write(_ path: String, _ text: String) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  func check(baseURL: String? = nil, external: ExternalCheckOptions? = nil) async -> CheckReport {
    await SiteChecker.check(
      CheckOptions(site: site, projectRoot: root, baseURL: baseURL, external: external))
  }

  /// The merged diagnostics as `file:line:column: severity: message [code]`, without hints.
  func lines(baseURL: String? = nil, external: ExternalCheckOptions? = nil) async -> [String] {
    await check(baseURL: baseURL, external: external).diagnostics.map(Self.line)
  }

  static func line(_ d: Diagnostic) -> String {
    "\(d.location.file):\(d.location.line):\(d.location.column): \(d.severity.rawValue): \(d.message) [\(d.code ?? "")]"
  }
}

/// A page that passes every accessibility rule, with `body` inside `<main>`. Line 1 is the
/// doctype; the body starts on line 6.
func page(_ title: String = "ページ", lang: String? = "ja", head: String = "", body: String = "")
  -> String
{
  let langAttribute = lang.map { " lang=\"\($0)\"" } ?? ""
  return """
    <!DOCTYPE html>
    <html\(langAttribute)>
    <head><meta charset="utf-8"><title>\(title)</title>\(head)</head>
    <body>
    <main><h1>\(title)</h1>
    \(body)
    </main>
    </body>
    </html>

    """
}

/// A source map with one page entry, in the build's JSON form.
func sourceMap(
  _ pages: [String: (
    source: String?, template: String?, links: [SourceMap.Link], headings: [SourceMap.Heading]
  )]
)
  -> String
{
  func quoted(_ s: String) -> String {
    "\""
      + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      + "\""
  }
  let entries = pages.keys.sorted().map { key -> String in
    let p = pages[key]!
    var fields: [String] = []
    if let s = p.source { fields.append("\"source\":\(quoted(s))") }
    if let t = p.template { fields.append("\"template\":\(quoted(t))") }
    let links = p.links.map {
      "{\"url\":\(quoted($0.url)),\"line\":\($0.line),\"column\":\($0.column),\"image\":\($0.image),\"text\":\(quoted($0.text))}"
    }
    fields.append("\"links\":[\(links.joined(separator: ","))]")
    let headings = p.headings.map {
      "{\"level\":\($0.level),\"text\":\(quoted($0.text)),\"line\":\($0.line),\"column\":\($0.column)}"
    }
    fields.append("\"headings\":[\(headings.joined(separator: ","))]")
    return "\(quoted(key)):{\(fields.joined(separator: ","))}"
  }
  return "{\"version\":1,\"pages\":{\(entries.joined(separator: ","))}}"
}
