import Diagnostics
import Foundation
import Testing

@testable import Content

/// A page that is a link to a file outside content/ is refused when the loader walks the folder
/// itself (`portal lint`), as the build refuses it: it was linted as a page the build would never
/// publish. A link that stays inside content/ is a page as before.
@Suite struct LinkLeavingTests {
  @Test func aLinkOutIsAnErrorAndNotRead() throws {
    let (root, content) = try writableFixture("invalid")
    defer { try? FileManager.default.removeItem(at: root) }
    let outside = root.appendingPathComponent("outside.md")
    try Data("---\ntitle: 外\n---\n本文\n".utf8).write(to: outside)
    let pages = content.appendingPathComponent("pages")
    try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      at: pages.appendingPathComponent("linked.md"), withDestinationURL: outside)
    let inside = try #require(
      ContentLoader.files(in: content).first { $0.hasPrefix("initiatives/") && $0.hasSuffix(".md") }
    )
    try FileManager.default.createSymbolicLink(
      atPath: pages.appendingPathComponent("alias.md").path, withDestinationPath: "../" + inside)

    let (set, diagnostics) = ContentLoader.load(contentDirectory: content, displayPrefix: "content")
    let refused = diagnostics.filter { $0.code == "source.link-outside" }
    #expect(refused.map(\.location.file) == ["content/pages/linked.md"])
    #expect(refused.first?.message.contains(LinkLeaving.realPath(outside.path)!) == true)
    #expect(set?.pages.contains { $0.relativePath == "pages/linked.md" } == false)
    #expect(ContentLoader.files(in: content).contains("pages/alias.md"))
    #expect(!ContentLoader.files(in: content).contains("pages/linked.md"))
  }
}

/// A copy of the fixture site `name` to write into: the folder holding it, and its `content`.
func writableFixture(_ name: String) throws -> (root: URL, content: URL) {
  let root = FileManager.default.temporaryDirectory
    .appendingPathComponent("\(name)-\(UUID().uuidString)")
  let content = root.appendingPathComponent("content")
  try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  try FileManager.default.copyItem(at: fixture(name), to: content)
  return (root, content)
}
