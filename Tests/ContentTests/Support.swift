import Diagnostics
import Foundation

@testable import Content

/// A content folder in the temporary directory with a minimal site.yml and the given folders;
/// the caller removes it (`defer`).
func contentFolder(_ folders: String...) throws -> URL {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
    "portal-content-\(UUID().uuidString)")
  for folder in folders {
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent(folder), withIntermediateDirectories: true)
  }
  try "title: T\nbase_url: https://x.example/\ndomains: []\n".write(
    to: dir.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
  return dir
}

/// Parses `text` as a whole content file (front matter and body) of `kind`.
func parseFile(
  _ text: String, kind: ContentKind, path: String = "content/initiatives/x.md",
  config: SiteConfig? = nil
) throws -> (Page?, [Diagnostic]) {
  let relative = String(path.split(separator: "/", maxSplits: 1).last!)
  let source = try SourceFile.read(bytes: Array(text.utf8), path: path, relativePath: relative)
    .get()
  return PageParser.parse(source, kind: kind, config: config)
}
