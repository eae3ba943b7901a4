import Content
import Foundation
import TestSupport
import Testing

@testable import Build

/// `portal build` walks the sources once (`SourceTree.scan`): the digest it compares with the
/// last build's and, when that differs, the tree it goes on with must be a walk's own.
@Suite final class SourceScanTests {
  let root: URL
  let content: URL
  let theme: URL

  init() throws {
    root = try temporaryFolder("scan")
    content = root.appendingPathComponent("content")
    theme = root.appendingPathComponent("theme")
    for file in [
      "content/site.yml", "content/glossary/a.md", "content/strategy/日本語の名前.md",
      "content/deep/a/b/c.md", "theme/layouts/base.mustache", "elsewhere/linked.md",
    ] {
      let url = root.appendingPathComponent(file)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(file.utf8).write(to: url)
    }
    try FileManager.default.createSymbolicLink(
      atPath: content.appendingPathComponent("strategy/link.md").path,
      withDestinationPath: root.appendingPathComponent("elsewhere/linked.md").path)
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  @Test func theScansTreeIsAWalksTree() throws {
    let scan = SourceTree.scan(content: content, theme: theme)
    let tree = SourceTree(scan)
    let walked = SourceTree(content: content, theme: theme)
    #expect(tree.stamps == walked.stamps)
    #expect(tree.stamps.keys.contains("c/strategy/日本語の名前.md"))
    #expect(tree.stamps.keys.contains("c/deep/a/b"))
    #expect(tree.links == walked.links && tree.links == ["c/strategy/link.md"])
    #expect(scan.digest == walked.digest)
    #expect(!tree.linksLeaving(content: content, theme: theme).isEmpty)
    // Its folders are known, as a walk's: removing one drops what it held.
    try FileManager.default.removeItem(at: content.appendingPathComponent("deep"))
    var refreshed = tree
    var walkedRefreshed = walked
    let a = refreshed.refresh(["c/deep"], content: content, theme: theme)
    let b = walkedRefreshed.refresh(["c/deep"], content: content, theme: theme)
    #expect(a == b)
    #expect(refreshed.stamps == SourceTree(content: content, theme: theme).stamps)
  }
}
