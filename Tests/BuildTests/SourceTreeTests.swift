import Content
import Foundation
import TestSupport
import Testing

@testable import Build

/// `portal serve` refreshes only the paths its watcher reports; after any edit that must give
/// the stamps a full scan gives, or a change would go unnoticed or be seen twice.
@Suite final class SourceTreeTests {
  let root: URL
  let content: URL
  let theme: URL

  init() throws {
    root = try temporaryFolder("tree")
    content = root.appendingPathComponent("content")
    theme = root.appendingPathComponent("theme")
    for file in ["content/site.yml", "content/glossary/a.md", "theme/layouts/base.mustache"] {
      try write(file, "x")
    }
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  func write(_ relative: String, _ text: String) throws {
    let url = root.appendingPathComponent(relative)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  /// Applies `edit`, refreshes the reported paths and compares with a new scan.
  func expectRefreshMatchesScan(
    reporting paths: [String], sourceLocation: SourceLocation = #_sourceLocation,
    _ edit: () throws -> Void
  ) throws {
    var tree = SourceTree(content: content, theme: theme)
    // Stamps are nanoseconds, but a coarse file system clock could hide an edit.
    Thread.sleep(forTimeInterval: 0.01)
    try edit()
    let before = tree
    let changed = tree.refresh(paths, content: content, theme: theme)
    let scanned = SourceTree(content: content, theme: theme)
    #expect(tree == scanned, sourceLocation: sourceLocation)
    #expect(tree.stamps == scanned.stamps, sourceLocation: sourceLocation)
    #expect(before != scanned, "the edit changed nothing", sourceLocation: sourceLocation)
    // The digest `portal build` compares first: the scan's, and changed by the edit.
    let digest = SourceTree.scan(content: content, theme: theme).digest
    #expect(digest == scanned.digest, sourceLocation: sourceLocation)
    #expect(digest != before.digest, sourceLocation: sourceLocation)
    // What the refresh reports, and what the refreshed tree answers without comparing every
    // stamp, are what comparing every stamp finds.
    let compared = scanned.changes(since: before)
    #expect(changed == compared, sourceLocation: sourceLocation)
    #expect(tree.changes(since: before) == compared, sourceLocation: sourceLocation)
    #expect(tree != before, sourceLocation: sourceLocation)
  }

  @Test func digestWithoutAScanIsTheScansDigest() throws {
    try write("content/strategy/日本語の名前.md", "x")
    try write("content/deep/a/b/c.md", "x")
    try write("elsewhere/linked.md", "x")
    try FileManager.default.createSymbolicLink(
      atPath: content.appendingPathComponent("strategy/link.md").path,
      withDestinationPath: root.appendingPathComponent("elsewhere/linked.md").path)
    try FileManager.default.createSymbolicLink(
      atPath: content.appendingPathComponent("linked-folder").path,
      withDestinationPath: root.appendingPathComponent("elsewhere").path)
    let scanned = SourceTree(content: content, theme: theme)
    #expect(scanned.stamps.keys.contains("c/strategy/日本語の名前.md"))
    #expect(SourceTree.scan(content: content, theme: theme).digest == scanned.digest)
    // A linked file counts by its target: editing it elsewhere changes the digest.
    Thread.sleep(forTimeInterval: 0.01)
    try write("elsewhere/linked.md", "changed")
    let digest = SourceTree.scan(content: content, theme: theme).digest
    #expect(digest != scanned.digest)
    #expect(digest == SourceTree(content: content, theme: theme).digest)
    // The same stamps under other paths give another digest (a rename is a change).
    let moved = SourceTree(
      stamps: Dictionary(
        uniqueKeysWithValues: scanned.stamps.map {
          ($0.key.replacingOccurrences(of: "a.md", with: "b.md"), $0.value)
        }))
    #expect(moved.digest != scanned.digest)
  }

  @Test func refreshThatChangesNothingKeepsTheTreeEqual() throws {
    var tree = SourceTree(content: content, theme: theme)
    let before = tree
    #expect(
      tree.refresh(["c/glossary/a.md", "c/missing.md"], content: content, theme: theme) == [])
    #expect(tree == before)
    #expect(tree.changes(since: before) == [])
  }

  @Test func folderReplacedByAFile() throws {
    try expectRefreshMatchesScan(reporting: ["c/glossary"]) {
      try FileManager.default.removeItem(at: content.appendingPathComponent("glossary"))
      try write("content/glossary", "now a file")
    }
  }

  @Test func fileReplacedByAFolder() throws {
    try expectRefreshMatchesScan(reporting: ["c/site.yml"]) {
      try FileManager.default.removeItem(at: content.appendingPathComponent("site.yml"))
      try write("content/site.yml/inner.md", "now a folder")
    }
  }

  @Test func editedFile() throws {
    try expectRefreshMatchesScan(reporting: ["c/glossary/a.md"]) {
      try write("content/glossary/a.md", "longer text")
    }
  }

  @Test func addedFileAlsoRestampsItsFolder() throws {
    try expectRefreshMatchesScan(reporting: ["c/glossary/b.md"]) {
      try write("content/glossary/b.md", "new")
    }
  }

  @Test func savedThroughATemporaryFileAndARename() throws {
    try expectRefreshMatchesScan(reporting: ["c/glossary/.a.md.swp", "c/glossary/a.md"]) {
      try write("content/glossary/.a.md.swp", "saved")
      try FileManager.default.removeItem(at: content.appendingPathComponent("glossary/a.md"))
      try FileManager.default.moveItem(
        at: content.appendingPathComponent("glossary/.a.md.swp"),
        to: content.appendingPathComponent("glossary/a.md"))
    }
  }

  @Test func removedFolderDropsEverythingUnderIt() throws {
    try expectRefreshMatchesScan(reporting: ["c/glossary"]) {
      try FileManager.default.removeItem(at: content.appendingPathComponent("glossary"))
    }
  }

  @Test func addedFolderIsWalked() throws {
    try expectRefreshMatchesScan(reporting: ["t/partials"]) {
      try write("theme/partials/a.mustache", "a")
      try write("theme/partials/deep/b.mustache", "b")
    }
  }

  @Test func renamedFolder() throws {
    try expectRefreshMatchesScan(reporting: ["c/glossary", "c/terms"]) {
      try FileManager.default.moveItem(
        at: content.appendingPathComponent("glossary"),
        to: content.appendingPathComponent("terms"))
    }
  }

  @Test func fileAtTheTop() throws {
    try expectRefreshMatchesScan(reporting: ["c/site.yml"]) {
      try write("content/site.yml", "title: changed")
    }
  }

  @Test func wholeRootAgain() throws {
    try expectRefreshMatchesScan(reporting: ["c/"]) {
      try write("content/events/e.md", "e")
    }
  }
}
