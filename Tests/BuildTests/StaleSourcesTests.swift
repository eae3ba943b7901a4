import ByteFormats
import Check
import Content
import Foundation
import TestSupport
import Testing

@testable import Build

/// `portal check` calls a site stale (`check.stale`) only when a source's bytes changed after
/// the build, not when a fresh checkout in a second CI job (or a `touch`) merely dated every
/// file after it: the build records each source's hash in the source map, and the check
/// compares the files saved since with them.
@Suite struct StaleSourcesTests {
  /// A project folder (content, theme, site) built from the valid fixture and the theme.
  struct Project {
    let root: URL
    var content: URL { root.appendingPathComponent("content") }
    var theme: URL { root.appendingPathComponent("theme") }
    var site: URL { root.appendingPathComponent("site") }
    var map: URL { site.appendingPathComponent(".portal/sourcemap.json") }
    var record: URL { site.appendingPathComponent(".portal/sources.json") }

    /// `adding` files to the content (paths under it) before the build.
    init(adding extra: [String: String] = [:]) throws {
      root = try temporaryFolder("stale")
      let fm = FileManager.default
      try fm.copyItem(at: try copyFixture(), to: content)
      try fm.copyItem(at: repoRoot.appendingPathComponent("theme"), to: theme)
      for (path, text) in extra {
        let url = content.appendingPathComponent(path)
        try fm.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
      }
      try build()
    }

    /// Builds the site (incrementally when it was built before).
    func build() throws {
      let report = SiteBuilder.build(
        BuildOptions(
          contentDirectory: content, themeDirectory: theme, outputDirectory: site,
          now: DateTime(iso: "2026-11-25T00:00:00+09:00")!))
      try #require(report.succeeded, "\(report.diagnostics.map(\.text))")
    }

    /// What `check.stale` says, as its message (nil when it says nothing).
    func stale() async -> String? {
      let report = await SiteChecker.check(CheckOptions(site: site, projectRoot: root))
      return report.diagnostics.first { $0.code == "check.stale" }?.message
    }

    /// Dates every file and folder of the content and the theme a minute after the build, as
    /// a fresh checkout does.
    func touchAll() throws {
      let later = Date().addingTimeInterval(60)
      for folder in [content, theme] {
        let paths =
          [folder.path]
          + (FileManager.default.subpaths(atPath: folder.path) ?? []).map {
            folder.path + "/" + $0
          }
        for path in paths {
          try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: path)
        }
      }
    }

    /// Changes one byte of `path` (under the project), keeping its date after the build.
    func changeOneByte(_ path: String) throws {
      let url = root.appendingPathComponent(path)
      var data = try Data(contentsOf: url)
      data[data.count - 1] = data[data.count - 1] == UInt8(ascii: "\n") ? UInt8(ascii: " ") : 0x0A
      try data.write(to: url)
      try FileManager.default.setAttributes(
        [.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: url.path)
    }
  }

  @Test func theBuildRecordsTheHashOfEverySourceTheMapNames() throws {
    let project = try Project()
    let map = try JSONDecoder().decode(SourceMap.self, from: Data(contentsOf: project.map))
    let hashes = SourceMap.hashes(site: project.site)
    for path in [
      "content/initiatives/ai-disaster.md", "content/site.yml", "theme/templates/layout.mustache",
      "theme/templates/initiative.mustache", "theme/assets/style.css",
    ] {
      let file = project.root.appendingPathComponent(path).path
      #expect(hashes[file] == SourceHash.ofFile(atPath: file), "\(path)")
    }
    // Every page's Markdown file and template is recorded.
    for page in map.pages.values {
      for path in [page.source, page.template].compactMap({ $0 }) {
        #expect(hashes[path] != nil, "\(path)")
      }
    }
  }

  @Test func savedWithTheSameBytesIsNoChangeButOneByteIs() async throws {
    let project = try Project()
    #expect(await project.stale() == nil)
    try project.touchAll()
    #expect(await project.stale() == nil)

    try project.changeOneByte("content/initiatives/ai-disaster.md")
    #expect(
      await project.stale()
        == "content/initiatives/ai-disaster.md changed after this site was built: this check is of the site as it was built then"
    )
    try project.changeOneByte("theme/templates/layout.mustache")
    #expect(
      await project.stale()?.hasPrefix(
        "content/initiatives/ai-disaster.md, theme/templates/layout.mustache changed") == true)
  }

  /// After an edit and an incremental build, every hash recorded is the file's new one, and
  /// the source map, whose links and headings did not move, was not written again.
  @Test func anIncrementalBuildRecordsTheEdit() async throws {
    let project = try Project()
    let mapBefore = try Data(contentsOf: project.map)
    let page = project.content.appendingPathComponent("pages/links.md")
    try Data((try String(contentsOf: page, encoding: .utf8) + "\n追記です。\n").utf8).write(to: page)
    try project.build()
    #expect(try Data(contentsOf: project.map) == mapBefore)
    let hashes = SourceMap.hashes(site: project.site)
    #expect(hashes[page.path] == SourceHash.ofFile(atPath: page.path))
    for (path, hash) in hashes {
      #expect(hash == SourceHash.ofFile(atPath: path), "\(path)")
    }
    try project.touchAll()
    #expect(await project.stale() == nil)
  }

  /// The build reads Markdown without its BOM and with `\n` line endings: saved with CRLF
  /// it renders nothing again, and is no change either.
  @Test func lineEndingsAloneAreNoChange() async throws {
    let project = try Project()
    let page = project.content.appendingPathComponent("initiatives/ai-disaster.md")
    let text = try String(contentsOf: page, encoding: .utf8)
    try Data(("\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")).utf8).write(to: page)
    try project.touchAll()
    #expect(await project.stale() == nil)
  }

  /// A file of `content/files/` is published as it is: the site's copy is what it is
  /// compared with.
  @Test func aPublishedFileIsComparedWithItsCopy() async throws {
    let project = try Project(adding: ["files/plan.csv": "年度,件数\n2026,3\n"])
    #expect(FileManager.default.fileExists(atPath: project.site.path + "/files/plan.csv"))
    try project.touchAll()
    #expect(await project.stale() == nil)
    try project.changeOneByte("content/files/plan.csv")
    #expect(await project.stale()?.hasPrefix("content/files/plan.csv changed") == true)
  }

  /// A file added since the build is not in the map, and one removed is missing from its
  /// folder: both are changes, as with the times alone.
  @Test func filesAddedOrRemovedAreChanges() async throws {
    let project = try Project()
    try project.touchAll()
    try FileManager.default.removeItem(
      at: project.content.appendingPathComponent("glossary/ai.md"))
    #expect(await project.stale()?.hasPrefix("content/glossary/ai.md changed") == true)

    let added = try Project()
    try added.touchAll()
    let new = added.content.appendingPathComponent("glossary/new.md")
    try Data("---\ntitle: 新しい用語\n---\n".utf8).write(to: new)
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: new.path)
    #expect(await added.stale()?.hasPrefix("content/glossary/new.md changed") == true)
  }

  /// A draft is not built, so the map records no hash of it: it is no change, whatever it
  /// holds, while it says `draft: true`; a page waiting for its `publish` time is.
  @Test func aDraftIsNoChange() async throws {
    let draft = "---\nterm: 準備中\nreading: じゅんびちゅう\nshort: まだ公開しない用語です。\ndraft: true\n---\n\n本文です。\n"
    let project = try Project(adding: ["glossary/draft.md": draft])
    #expect(
      !FileManager.default.fileExists(atPath: project.site.path + "/glossary/draft/index.html"))
    try project.touchAll()
    #expect(await project.stale() == nil)
    try project.changeOneByte("content/glossary/draft.md")
    #expect(await project.stale() == nil)

    let published = project.content.appendingPathComponent("glossary/draft.md")
    try Data(draft.replacingOccurrences(of: "draft: true", with: "draft: false").utf8).write(
      to: published)
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: published.path)
    #expect(await project.stale()?.hasPrefix("content/glossary/draft.md changed") == true)
  }

  /// Files the build never reads (hidden ones, and `_` names under content/) change nothing.
  @Test func filesTheBuildDoesNotReadAreNoChange() async throws {
    let project = try Project()
    try project.touchAll()
    let files = project.content.appendingPathComponent("files")
    try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
    let unread = [
      files.appendingPathComponent(".gitkeep"),
      project.content.appendingPathComponent("initiatives/_memo.md"),
      project.theme.appendingPathComponent("templates/.layout.mustache.swp"),
    ]
    for url in unread {
      try Data("メモ".utf8).write(to: url)
      try FileManager.default.setAttributes(
        [.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: url.path)
    }
    #expect(await project.stale() == nil)
  }

  /// A site built by a `portal` from before the record (no `sources.json`) is still checked,
  /// and the modification times alone decide, as they did.
  @Test func aSiteWithoutARecordFallsBackToTheTimes() async throws {
    let project = try Project()
    try FileManager.default.removeItem(at: project.record)
    #expect(SourceMap.hashes(site: project.site).isEmpty)

    #expect(await project.stale() == nil)
    try project.touchAll()
    #expect(await project.stale()?.contains(" changed after this site was built") == true)
  }
}
