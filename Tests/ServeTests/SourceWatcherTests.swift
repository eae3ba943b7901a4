import Build
import Foundation
import Testing

@testable import Serve

/// The watcher reports what changed, and refreshing those paths gives the stamps a full scan
/// gives: otherwise `portal serve` would miss an edit or rebuild for nothing.
@Suite final class SourceWatcherTests {
  let root: URL
  let content: URL
  let theme: URL

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "portal-watch-\(UUID().uuidString)")
    content = root.appendingPathComponent("content")
    theme = root.appendingPathComponent("theme")
    try write("content/site.yml")
    try write("content/glossary/a.md")
    try write("theme/layouts/base.mustache")
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  func write(_ relative: String, _ text: String = "x") throws {
    let url = root.appendingPathComponent(relative)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  /// Waits for the first events, then gathers what follows for a moment.
  func changes(_ watcher: SourceWatcher) -> SourceWatcher.Changes {
    var result = SourceWatcher.Changes.quiet
    let deadline = Date().addingTimeInterval(2)
    while result == .quiet, Date() < deadline {
      Thread.sleep(forTimeInterval: 0.02)
      result = watcher.changes()
    }
    Thread.sleep(forTimeInterval: 0.05)
    switch (result, watcher.changes()) {
    case (.paths(let a), .paths(let b)): return .paths(a.union(b))
    case (_, .rescan): return .rescan
    default: return result
    }
  }

  #if os(Linux)
    @Test func reportsEditsAndTheirRefreshMatchesAScan() throws {
      let watcher = try #require(SourceWatcher(content: content, theme: theme))
      var tree = SourceTree(content: content, theme: theme)
      #expect(watcher.changes() == .quiet)

      let edits: [(String, () throws -> Void)] = [
        ("edit", { try self.write("content/glossary/a.md", "edited") }),
        ("add", { try self.write("content/glossary/b.md") }),
        ("new folder", { try self.write("content/events/2026/e.md") }),
        // Watched as soon as it appeared: an edit inside it is reported too.
        ("edit in new folder", { try self.write("content/events/2026/e.md", "again") }),
        ("theme", { try self.write("theme/partials/p.mustache") }),
        (
          "save through a rename",
          {
            try self.write("content/glossary/.b.tmp", "saved")
            let from = self.content.appendingPathComponent("glossary/.b.tmp").path
            #expect(rename(from, self.content.appendingPathComponent("glossary/b.md").path) == 0)
          }
        ),
        (
          "remove folder",
          { try FileManager.default.removeItem(at: self.content.appendingPathComponent("events")) }
        ),
      ]
      for (name, edit) in edits {
        Thread.sleep(forTimeInterval: 0.01)
        try edit()
        guard case .paths(let paths) = changes(watcher) else {
          Issue.record("\(name): no paths reported")
          continue
        }
        tree.refresh(paths, content: content, theme: theme)
        #expect(tree == SourceTree(content: content, theme: theme), "\(name): \(paths.sorted())")
      }
      #expect(watcher.changes() == .quiet)
    }

    /// The static folder is watched too, hidden names included; one made while serving is
    /// watched by the next watcher (`watchesStatic` tells the server to make one).
    @Test func theStaticFolderIsWatchedWhenItIsThere() throws {
      let statics = root.appendingPathComponent("static")
      let missing = try #require(
        SourceWatcher(content: content, theme: theme, staticFolder: statics))
      #expect(!missing.watchesStatic)
      try write("static/CNAME")
      let watcher = try #require(
        SourceWatcher(content: content, theme: theme, staticFolder: statics))
      #expect(watcher.watchesStatic)
      var tree = SourceTree(content: content, theme: theme, staticFolder: statics)
      for (name, edit) in [
        ("edit", { try self.write("static/CNAME", "dx.example.jp") }),
        ("hidden folder", { try self.write("static/.well-known/security.txt") }),
        ("in it", { try self.write("static/.well-known/security.txt", "Contact: x") }),
        ("underscore", { try self.write("static/_headers") }),
      ] as [(String, () throws -> Void)] {
        Thread.sleep(forTimeInterval: 0.01)
        try edit()
        guard case .paths(let paths) = changes(watcher) else {
          Issue.record("\(name): no paths reported")
          continue
        }
        #expect(paths.allSatisfy { $0.hasPrefix("s/") }, "\(name): \(paths.sorted())")
        tree.refresh(paths, content: content, theme: theme, staticFolder: statics)
        #expect(
          tree == SourceTree(content: content, theme: theme, staticFolder: statics),
          "\(name): \(paths.sorted())")
      }
    }

    @Test func aMovedFolderAsksForAFullScan() throws {
      let watcher = try #require(SourceWatcher(content: content, theme: theme))
      try FileManager.default.moveItem(
        at: content.appendingPathComponent("glossary"),
        to: content.appendingPathComponent("terms"))
      #expect(changes(watcher) == .rescan)
    }

    /// A missing or removed root cannot be watched: the server scans instead, and watches
    /// again once it is back.
    @Test func aRootThatIsGoneCannotBeWatched() throws {
      let watcher = try #require(SourceWatcher(content: content, theme: theme))
      try FileManager.default.removeItem(at: content)
      #expect(changes(watcher) == .rescan)
      #expect(SourceWatcher(content: content, theme: theme) == nil)
      try write("content/site.yml")
      #expect(SourceWatcher(content: content, theme: theme) != nil)
    }

    /// A watcher that cannot start closes its inotify descriptor once. It was closed in the
    /// initialiser and again by `deinit`, which Swift runs for a failed initialiser once every
    /// property is set: the second close failed with EBADF, or, when another thread had just
    /// opened a file and been given that number, closed that file instead (a test's copy of
    /// the fixture failed so in CI).
    @Test func aWatcherThatCannotStartClosesItsDescriptorOnce() throws {
      try FileManager.default.removeItem(at: content)
      errno = 0
      let watcher = SourceWatcher(content: content, theme: theme)
      let after = errno
      #expect(watcher == nil)
      #expect(after != EBADF)
    }
  #endif
}
