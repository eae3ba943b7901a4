import ByteFormats
import Check
import Content
import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Build

#if canImport(Glibc)
  import Glibc
#endif

/// `static/`: files copied byte for byte to the same paths in the output, hidden and `_`
/// names included, editor leftovers not; a path the build writes itself is an error; an
/// incremental build after any change under it leaves what a full build leaves.
@Suite struct StaticFolderTests {
  /// A copy of the fixture site with a static folder beside its content.
  struct Project {
    let content: URL
    let root: URL
    var statics: URL { root.appendingPathComponent("static") }
    var output: URL { root.appendingPathComponent("site") }

    init() throws {
      content = try copyFixture()
      root = content.deletingLastPathComponent()
    }

    func settings(output: URL? = nil, incremental: Bool = true) -> BuildOptions {
      var o = options(content: content, output: output ?? self.output)
      // A theme of the project's own, when it has one (`portal check` finds it there).
      let theme = root.appendingPathComponent("theme")
      if FileManager.default.fileExists(atPath: theme.path) { o.themeDirectory = theme }
      o.staticDirectory = statics
      o.incremental = incremental
      return o
    }

    func write(_ relative: String, _ bytes: [UInt8]) throws {
      let url = statics.appendingPathComponent(relative)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
    }

    func write(_ relative: String, _ text: String) throws { try write(relative, Array(text.utf8)) }

    func remove(_ relative: String) throws {
      try FileManager.default.removeItem(at: statics.appendingPathComponent(relative))
    }

    /// The output without the incremental cache, and a full build's into a new folder.
    func compareWithFullBuild(_ what: String) throws {
      let fresh = root.appendingPathComponent("fresh-\(UUID().uuidString)")
      #expect(SiteBuilder.build(settings(output: fresh, incremental: false)).succeeded, "\(what)")
      let (incremental, full) = (site(output), site(fresh))
      #expect(
        incremental.keys.sorted() == full.keys.sorted(),
        "\(what): \(Set(incremental.keys).symmetricDifference(full.keys).sorted())")
      for (path, data) in full where incremental[path] != data {
        Issue.record("\(what): \(path) differs from a full build")
      }
    }
  }

  static let favicon: [UInt8] = [0x00, 0x00, 0x01, 0x00, 0xFF, 0xFE, 0x0A, 0x0D, 0x80]

  @Test func everyFileIsCopiedAsItIsHiddenAndUnderscoreNamesIncluded() throws {
    let p = try Project()
    try p.write("CNAME", "dx.example.jp\n")
    try p.write(".well-known/security.txt", "Contact: mailto:security@example.jp\n")
    try p.write("_headers", "/*\n  X-Frame-Options: DENY\n")
    try p.write("google0123456789abcdef.html", "google-site-verification: google0123.html")
    try p.write("favicon.ico", Self.favicon)
    try p.write(".nojekyll", "")
    // Editor and file manager leftovers are not published.
    for leftover in [
      ".DS_Store", "Thumbs.db", "CNAME~", ".well-known/.security.txt.swp", "#_headers#",
    ] {
      try p.write(leftover, "leftover")
    }
    try FileManager.default.createSymbolicLink(
      atPath: p.statics.appendingPathComponent(".#_headers").path,
      withDestinationPath: "someone@host.1234")
    let report = SiteBuilder.build(p.settings())
    #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.text))")
    let built = snapshot(p.output)
    #expect(built["/favicon.ico"] == Data(Self.favicon))
    #expect(built["/CNAME"] == Data("dx.example.jp\n".utf8))
    #expect(
      built["/.well-known/security.txt"] == Data("Contact: mailto:security@example.jp\n".utf8))
    #expect(built["/_headers"] != nil && built["/.nojekyll"] == Data())
    #expect(built["/google0123456789abcdef.html"] != nil)
    for leftover in [
      "/.DS_Store", "/Thumbs.db", "/CNAME~", "/.well-known/.security.txt.swp", "/#_headers#",
      "/.#_headers",
    ] {
      #expect(built[leftover] == nil, "\(leftover)")
    }
    // Listed for the next build and `portal check`; not pages of the sitemap.
    #expect(
      StaticFileList.read(site: p.output) == [
        ".nojekyll", ".well-known/security.txt", "CNAME", "_headers",
        "favicon.ico", "google0123456789abcdef.html",
      ])
    let sitemap = String(decoding: built["/sitemap.xml"] ?? Data(), as: UTF8.self)
    #expect(sitemap.contains("<loc>") && !sitemap.contains("google0123"))
    // Nothing changed: up to date, nothing written.
    #expect(SiteBuilder.build(p.settings()).mode == .upToDate)
  }

  @Test func aMissingFolderCopiesNothing() throws {
    let p = try Project()
    let report = SiteBuilder.build(p.settings())
    #expect(report.succeeded)
    #expect(
      !FileManager.default.fileExists(
        atPath: p.output.appendingPathComponent(StaticFileList.path).path))
  }

  /// A path the build writes itself is an error at the static file, naming the output, in
  /// English and Japanese; the build writes nothing.
  @Test func aPathTheBuildWritesIsAnError() throws {
    let p = try Project()
    #expect(SiteBuilder.build(p.settings()).succeeded)
    let before = snapshot(p.output)
    let cases: [(String, String)] = [
      ("robots.txt", "the build writes robots.txt itself"),
      ("index.html", "the home page"),
      ("initiatives/cyber-security/index.html", "initiatives/cyber-security.md"),
      ("Sitemap.xml", "differs only in capitals from sitemap.xml"),
      ("events", "the folder events/, where the build writes events/index.html"),
      ("404.html/x.txt", "where the build writes the file 404.html"),
      ("search/extra.json", "the search index"),
      ("assets/site.css", "the theme's files"),
      (".portal/cache/head.bin", "cache"),
    ]
    for (path, _) in cases { try p.write(path, "mine") }
    let report = SiteBuilder.build(p.settings())
    #expect(!report.succeeded)
    let conflicts = report.diagnostics.filter { $0.code == "static.conflict" }
    #expect(conflicts.count == cases.count, "\(report.diagnostics.map(\.text))")
    for (path, words) in cases {
      let d = conflicts.first { $0.location.file.hasSuffix("static/" + path) }
      #expect(d?.severity == .error, "\(path)")
      #expect(
        d.map { ($0.message + ($0.hint ?? "")).contains(words) } == true,
        "\(path): \(d?.text ?? "")")
      #expect(d?.location.line == 1 && d?.location.column == 1)
    }
    expectJapanese(conflicts)
    #expect(snapshot(p.output) == before)
  }

  /// Added, edited, renamed, removed: each incremental build gives a full build's output, and
  /// the copies of removed files go, with the folders they leave empty.
  @Test func incrementalBuildsEqualAFullBuild() throws {
    let p = try Project()
    try p.write("CNAME", "dx.example.jp\n")
    try p.write(".well-known/security.txt", "Contact: mailto:a@example.jp\n")
    #expect(SiteBuilder.build(p.settings()).succeeded)
    let edits: [(String, () throws -> Void)] = [
      ("add", { try p.write("_redirects", "/old /new 301\n") }),
      ("add in a new folder", { try p.write("docs/_sub/readme.txt", "hello") }),
      ("edit", { try p.write("CNAME", "portal.example.jp\n") }),
      ("edit, same size", { try p.write("CNAME", "portal.example.JP\n") }),
      (
        "rename",
        {
          try FileManager.default.moveItem(
            at: p.statics.appendingPathComponent("_redirects"),
            to: p.statics.appendingPathComponent("_headers"))
        }
      ),
      ("delete", { try p.remove("docs/_sub/readme.txt") }),
      ("delete a hidden folder", { try p.remove(".well-known") }),
      ("an HTML file", { try p.write("google1.html", "google-site-verification: google1.html") }),
      ("delete everything", { try p.remove("") }),
      ("again", { try p.write(".well-known/security.txt", "Contact: mailto:b@example.jp\n") }),
    ]
    for (what, change) in edits {
      try change()
      let report = SiteBuilder.build(p.settings())
      #expect(report.succeeded && report.mode == .incremental, "\(what): \(report.summary)")
      // Removing a verification file is no page gone.
      #expect(!report.diagnostics.contains { $0.code == GonePages.code }, "\(what)")
      try p.compareWithFullBuild(what)
    }
    #expect(!FileManager.default.fileExists(atPath: p.output.appendingPathComponent("docs").path))
    #expect(SiteBuilder.build(p.settings()).mode == .upToDate)
  }

  /// In `portal serve`'s session (the cache kept in memory), a change under static/ is no
  /// edit in place: it goes the usual way and gives a full build's output; a page edit after
  /// it still goes in place.
  @Test func aSessionSeesChangesUnderStatic() throws {
    let p = try Project()
    try p.write("CNAME", "dx.example.jp\n")
    let session = BuildSession()
    session.defersCacheWrites = true
    #expect(SiteBuilder.build(p.settings(), session: session).succeeded)
    for (what, change) in [
      ("edit", { try p.write("CNAME", "portal.example.jp\n") }),
      ("add", { try p.write(".well-known/security.txt", "Contact: mailto:a@example.jp\n") }),
      ("delete", { try p.remove("CNAME") }),
    ] as [(String, () throws -> Void)] {
      try change()
      let report = SiteBuilder.build(p.settings(), session: session)
      #expect(report.succeeded && report.mode == .incremental, "\(what): \(report.summary)")
      #expect(!report.changedPaths.isEmpty, "\(what)")
      try p.compareWithFullBuild(what)
    }
    try edit(p.content.appendingPathComponent("initiatives/cyber-security.md")) { $0 + "\n追記。\n" }
    #expect(SiteBuilder.build(p.settings(), session: session).mode == .inPlace)
    session.saveCache(to: p.output)
    try p.compareWithFullBuild("page edit")
    #expect(SiteBuilder.build(p.settings()).mode == .upToDate)
  }

  /// A full build keeps the hidden entries kept by hand in the output, but not the last
  /// build's copies of files removed from static/: what an incremental build leaves.
  @Test func aFullBuildDropsCopiesOfRemovedFilesAndKeepsHiddenFilesKeptByHand() throws {
    let p = try Project()
    func fullBuild() -> [String: Data] {
      let report = SiteBuilder.build(p.settings(incremental: false))
      #expect(report.succeeded && report.mode == .full)
      return snapshot(p.output)
    }
    try p.write(".well-known/security.txt", "Contact: mailto:a@example.jp\n")
    try p.write(".nojekyll", "")
    #expect(SiteBuilder.build(p.settings()).succeeded)
    try p.remove(".nojekyll")
    var built = fullBuild()
    #expect(built["/.nojekyll"] == nil && built["/.well-known/security.txt"] != nil)
    // The last file of a hidden folder removed: the folder goes too.
    try p.remove(".well-known/security.txt")
    built = fullBuild()
    #expect(
      !FileManager.default.fileExists(atPath: p.output.appendingPathComponent(".well-known").path))

    // A folder holding static copies and a file kept by hand is merged.
    try p.write(".well-known/security.txt", "Contact: mailto:a@example.jp\n")
    try p.write(".well-known/change-password", "/account/\n")
    #expect(SiteBuilder.build(p.settings()).succeeded)
    let kept = p.output.appendingPathComponent(".well-known/kept-by-hand.txt")
    try "mine".write(to: kept, atomically: true, encoding: .utf8)
    try "x".write(
      to: p.output.appendingPathComponent(".git-like"), atomically: true, encoding: .utf8)
    try p.remove(".well-known/change-password")
    built = fullBuild()
    #expect(built["/.well-known/kept-by-hand.txt"] == Data("mine".utf8))
    #expect(built["/.git-like"] != nil && built["/.well-known/security.txt"] != nil)
    #expect(built["/.well-known/change-password"] == nil)
    try p.remove(".well-known/security.txt")
    built = fullBuild()
    #expect(built["/.well-known/kept-by-hand.txt"] == Data("mine".utf8))
    #expect(built["/.well-known/security.txt"] == nil)
  }

  /// `portal check`: a static HTML file (a verification file, a page made by hand) is no page
  /// of the site, so its problems are not the site's; links to it are checked as to any file.
  @Test func checkLeavesStaticHTMLOut() async throws {
    let p = try Project()
    try p.write(
      "google1.html", #"<html><body><a href="/nowhere/">x</a><img src="a.png"></body></html>"#)
    try p.write("legacy/old.html", #"<html><body><h2 id="part">Part</h2></body></html>"#)
    #expect(SiteBuilder.build(p.settings()).succeeded)
    let report = await SiteChecker.check(CheckOptions(site: p.output, projectRoot: p.root))
    #expect(!report.pages.contains("google1.html") && !report.pages.contains("legacy/old.html"))
    #expect(report.pages.contains("index.html"))
    #expect(
      !report.diagnostics.contains {
        $0.location.file.contains("google1") || $0.message.contains("google1")
      },
      "\(report.diagnostics.map(\.text))")
    #expect(!report.failed(strict: true), "\(report.diagnostics.map(\.text))")
  }

  /// `check.stale` knows static/: a file saved with other bytes after the build, added or
  /// removed makes the site stale; saved with the same bytes (a checkout), or an editor's
  /// leftover, does not.
  @Test func checkCallsTheSiteStaleWhenAStaticFileChanged() async throws {
    let p = try Project()
    try FileManager.default.copyItem(
      at: repoRoot.appendingPathComponent("theme"), to: p.root.appendingPathComponent("theme"))
    try p.write("CNAME", "dx.example.jp\n")
    try p.write(".well-known/security.txt", "Contact: mailto:a@example.jp\n")
    func build() {
      #expect(SiteBuilder.build(p.settings()).succeeded)
    }
    func stale() async -> String? {
      let report = await SiteChecker.check(CheckOptions(site: p.output, projectRoot: p.root))
      return report.diagnostics.first { $0.code == "check.stale" }?.message
    }
    /// Dated a minute after the build, as a checkout or a save dates it.
    func later(_ paths: String...) throws {
      for path in paths {
        try FileManager.default.setAttributes(
          [.modificationDate: Date().addingTimeInterval(60)],
          ofItemAtPath: p.statics.appendingPathComponent(path).path)
      }
    }
    build()
    #expect(await stale() == nil)
    try later("CNAME", ".well-known/security.txt", ".well-known", "")
    #expect(await stale() == nil)
    try p.write("CNAME", "portal.example.jp\n")
    try later("CNAME")
    #expect(await stale()?.contains("static/CNAME") == true)
    build()
    try p.remove(".well-known/security.txt")
    try later(".well-known")
    #expect(await stale()?.contains("static/.well-known/security.txt") == true)
    build()
    try p.write(".DS_Store", "x")
    try later(".DS_Store", "")
    #expect(await stale() == nil)
    try p.write("_headers", "/*\n")
    try later("_headers")
    #expect(await stale()?.contains("static/_headers") == true)
  }

  /// A link leading out of static/ is the error it is under content/; one inside is copied as
  /// its target's bytes; what cannot be copied is skipped with a warning.
  @Test func linksOutOfTheFolderAreErrorsAndNothingIsRead() throws {
    let p = try Project()
    let secret = p.root.appendingPathComponent("secret.txt")
    try "SECRET_TOKEN=hunter2".write(to: secret, atomically: true, encoding: .utf8)
    try p.write("CNAME", "dx.example.jp\n")
    try FileManager.default.createSymbolicLink(
      at: p.statics.appendingPathComponent(".well-known"),
      withDestinationURL: p.root.appendingPathComponent("content"))
    try FileManager.default.createSymbolicLink(
      at: p.statics.appendingPathComponent("env.txt"), withDestinationURL: secret)
    let report = SiteBuilder.build(p.settings())
    let errors = report.diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.code) == ["source.link-outside", "source.link-outside"])
    #expect(errors.map { $0.location.file.hasSuffix("static/.well-known") } == [true, false])
    #expect(errors.last?.location.file.hasSuffix("static/env.txt") == true)
    expectJapanese(errors)
    #expect(!FileManager.default.fileExists(atPath: p.output.path))

    try p.remove("env.txt")
    try p.remove(".well-known")
    try FileManager.default.createSymbolicLink(
      atPath: p.statics.appendingPathComponent("CNAME.txt").path, withDestinationPath: "CNAME")
    try FileManager.default.createDirectory(
      at: p.statics.appendingPathComponent("docs"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: p.statics.appendingPathComponent("docs-link").path, withDestinationPath: "docs")
    try FileManager.default.createSymbolicLink(
      atPath: p.statics.appendingPathComponent("gone").path, withDestinationPath: "nothing")
    #expect(mkfifo(p.statics.appendingPathComponent("pipe").path, 0o600) == 0)
    let fixed = SiteBuilder.build(p.settings())
    #expect(fixed.succeeded, "\(fixed.diagnostics.map(\.text))")
    #expect(snapshot(p.output)["/CNAME.txt"] == Data("dx.example.jp\n".utf8))
    let skipped = fixed.diagnostics.filter { $0.code == "static.skipped" }
    #expect(
      skipped.map { $0.location.file.components(separatedBy: "static/").last! }
        == ["docs-link", "gone", "pipe"])
    #expect(skipped.allSatisfy { $0.severity == .warning })
    expectJapanese(skipped)
  }

  /// Nothing is written outside the output folder or the staging one, and the output must not
  /// be inside static/ (nor static/ inside it).
  @Test func theOutputCannotOverlapTheStaticFolder() throws {
    let p = try Project()
    try p.write("CNAME", "x")
    let report = SiteBuilder.build(p.settings(output: p.statics.appendingPathComponent("site")))
    #expect(report.diagnostics.map(\.code) == ["output.unsafe"])
  }
}
