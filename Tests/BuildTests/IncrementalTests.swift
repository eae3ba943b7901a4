import Content
import Foundation
import TestSupport
import Testing

@testable import Build
@testable import Render
@testable import Site

#if canImport(Glibc)
  import Glibc
#endif

/// The site without the incremental cache, which records paths and stamps.
func site(_ dir: URL) -> [String: Data] {
  snapshot(dir).filter { !$0.key.hasPrefix("/.portal/cache") }
}

func edit(_ file: URL, _ change: (String) -> String) throws {
  let text = try String(contentsOf: file, encoding: .utf8)
  try change(text).write(to: file, atomically: true, encoding: .utf8)
}

@Suite struct IncrementalTests {
  @Test func noChangeReadsAndWritesNothing() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    #expect(SiteBuilder.build(options(content: content, output: output)).mode == .full)
    let before = stamps(output)
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded)
    #expect(report.mode == .upToDate)
    #expect(report.filesWritten == 0)
    #expect(report.summary.hasPrefix("Up to date"))
    #expect(stamps(output) == before)
  }

  @Test func oneFileRendersOnlyWhatDependsOnIt() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)

    // A body edit: only that page (and the search index and source map).
    try edit(content.appendingPathComponent("initiatives/cyber-security.md")) { $0 + "\n追記です。\n" }
    var report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.mode == .incremental)
    #expect(
      report.renderedPaths.filter { $0.hasSuffix(".html") } == [
        "initiatives/cyber-security/index.html"
      ])
    #expect(report.changedPaths.contains("initiatives/cyber-security/index.html"))
    // The search index is patched: of the documents' files only the edited page's are made.
    let documentFiles = report.renderedPaths.filter { $0.hasPrefix("search/c/") }
    let ids = Set(documentFiles.map { $0.dropFirst(9).prefix { $0.isNumber } })
    #expect(ids.count == 1 && !documentFiles.isEmpty, "\(documentFiles)")

    // A title edit: the page, its fields, the list, the related initiative, the event that
    // names it and the glossary entry listing it as a user; not the strategy or other terms.
    try edit(content.appendingPathComponent("initiatives/ai-disaster.md")) {
      $0.replacingOccurrences(of: "title: AIを活用した防災対策", with: "title: AIで防災")
    }
    report = SiteBuilder.build(options(content: content, output: output))
    let html = Set(report.renderedPaths.filter { $0.hasSuffix(".html") })
    for path in [
      "initiatives/ai-disaster/index.html", "fields/crisis-management/index.html",
      "fields/safety/index.html", "initiatives/index.html", "initiatives/cyber-security/index.html",
      "events/seminar/index.html",
    ] {
      #expect(html.contains(path), "\(path) should be rendered again")
    }
    #expect(html.contains("glossary/ai/index.html"))
    #expect(
      !html.contains { $0.hasPrefix("strategy/") || $0 == "glossary/dx/index.html" },
      "\(html.sorted())")
    // The index is patched for the new title too: the cache's parse of the file gives the
    // document the old title is taken out of.
    let titleFiles = report.renderedPaths.filter { $0.hasPrefix("search/c/") }
    #expect(
      Set(titleFiles.map { $0.dropFirst(9).prefix { $0.isNumber } }).count == 1,
      "\(titleFiles)")
  }

  /// Build, edit, build incrementally, and compare with a clean full build, for edits of every
  /// kind: bodies, front matter, a new page, a removed page, a new glossary term, the theme.
  @Test func incrementalEqualsFullBuild() throws {
    let content = try copyFixture()
    let root = content.deletingLastPathComponent()
    let theme = root.appendingPathComponent("theme")
    try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("theme"), to: theme)
    let output = root.appendingPathComponent("site")
    func opts(_ out: URL) -> BuildOptions {
      var o = options(content: content, output: out)
      o.themeDirectory = theme
      return o
    }
    #expect(SiteBuilder.build(opts(output)).succeeded)

    let edits: [(String, () throws -> Void)] = [
      (
        "body",
        { try edit(content.appendingPathComponent("strategy/basics.md")) { $0 + "\nDXを進めます。\n" } }
      ),
      (
        "summary",
        {
          try edit(content.appendingPathComponent("initiatives/cyber-security.md")) {
            $0.replacingOccurrences(of: "summary:", with: "summary: とても")
          }
        }
      ),
      (
        "fields",
        {
          try edit(content.appendingPathComponent("initiatives/ai-disaster.md")) {
            $0.replacingOccurrences(
              of: "fields: [crisis-management, safety]", with: "fields: [awareness]")
          }
        }
      ),
      (
        "new page",
        {
          try """
          ---
          title: 新しい取組
          summary: 新しく始めます。
          fields: [safety]
          related: [ai-disaster]
          ---

          AIとDX※の取組です。[防災](ai-disaster.md)も見てください。
          """.write(
            to: content.appendingPathComponent("initiatives/new-one.md"), atomically: true,
            encoding: .utf8)
        }
      ),
      (
        "glossary alias",
        {
          try edit(content.appendingPathComponent("glossary/ai.md")) {
            $0.replacingOccurrences(of: "aliases: [人工知能]", with: "aliases: [人工知能, 取組]")
          }
        }
      ),
      (
        "a vision links a term",
        {
          try edit(content.appendingPathComponent("fields/crisis-management.md")) {
            $0 + "\nDX※で備えます。\n"
          }
        }
      ),
      (
        // The field page shows the definitions of the terms its vision links (found by
        // tests/test_fuzz_edits.py: the field page kept the old definition).
        "the short definition of a term a vision links",
        {
          try edit(content.appendingPathComponent("glossary/dx.md")) {
            $0.replacingOccurrences(
              of: "short: デジタルで暮らしや仕事をより良く変えることです。", with: "short: デジタルで暮らしを変えることです。")
          }
        }
      ),
      (
        "event moved",
        {
          try edit(content.appendingPathComponent("events/seminar.md")) {
            $0.replacingOccurrences(of: "2026-12-05", with: "2026-11-01")
          }
        }
      ),
      (
        "all-day event added",
        {
          try FileManager.default.copyItem(
            at: Bundle.module.resourceURL!.appendingPathComponent(
              "Fixtures/allday/dx-exhibition.md"),
            to: content.appendingPathComponent("events/dx-exhibition.md"))
        }
      ),
      (
        "all-day event's last day moved, and a timed event made all-day",
        {
          try edit(content.appendingPathComponent("events/dx-exhibition.md")) {
            $0.replacingOccurrences(of: "end: 2026-12-24", with: "end: 2026-12-27")
          }
          try edit(content.appendingPathComponent("events/past-forum.md")) {
            $0.replacingOccurrences(of: "2026-09-10T10:00:00+09:00", with: "2026-09-10")
          }
        }
      ),
      (
        "removed page",
        {
          try FileManager.default.removeItem(
            at: content.appendingPathComponent("initiatives/new-one.md"))
        }
      ),
      (
        "vision",
        {
          try edit(content.appendingPathComponent("fields/crisis-management.md")) {
            $0 + "\n## 新しい節\n"
          }
        }
      ),
      (
        "strategy title (its neighbours' previous and next links show it)",
        {
          try edit(content.appendingPathComponent("strategy/period.md")) {
            $0.replacingOccurrences(of: "title: 戦略期間", with: "title: 戦略の期間")
          }
        }
      ),
      (
        "published file and a link to it",
        {
          let files = content.appendingPathComponent("files/図")
          try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
          try Data("PNG".utf8).write(to: files.appendingPathComponent("地図.png"))
          try edit(content.appendingPathComponent("strategy/basics.md")) {
            $0 + "\n![地図](../files/図/地図.png)\n"
          }
        }
      ),
      (
        "published file edited",
        {
          try Data("PNG, again".utf8).write(
            to: content.appendingPathComponent("files/図/地図.png"))
        }
      ),
      (
        "published file removed with its link",
        {
          try FileManager.default.removeItem(
            at: content.appendingPathComponent("files/図/地図.png"))
          try edit(content.appendingPathComponent("strategy/basics.md")) {
            $0.replacingOccurrences(of: "\n![地図](../files/図/地図.png)\n", with: "")
          }
        }
      ),
      (
        "updated dates (更新情報 on the home page, its page and feed)",
        {
          try edit(content.appendingPathComponent("strategy/basics.md")) {
            $0.replacingOccurrences(of: "\ntitle:", with: "\nupdated: 2026-10-01\ntitle:")
          }
          try edit(content.appendingPathComponent("glossary/ai.md")) {
            $0.replacingOccurrences(of: "\nterm:", with: "\nupdated: 2026-11-01\nterm:")
          }
        }
      ),
      (
        "updated date changed",
        {
          try edit(content.appendingPathComponent("strategy/basics.md")) {
            $0.replacingOccurrences(of: "updated: 2026-10-01", with: "updated: 2026-11-20")
          }
        }
      ),
      (
        "earlier addresses added",
        {
          try edit(content.appendingPathComponent("initiatives/cyber-security.md")) {
            $0.replacingOccurrences(
              of: "status: planned",
              with: "status: planned\nredirect_from: [/cyber/, /old/cyber.html]")
          }
        }
      ),
      (
        "title of a page with earlier addresses (they show it)",
        {
          try edit(content.appendingPathComponent("initiatives/cyber-security.md")) {
            $0.replacingOccurrences(of: "title: サイバー空間の脅威への対処", with: "title: サイバー犯罪への備え")
          }
        }
      ),
      (
        "an earlier address removed",
        {
          try edit(content.appendingPathComponent("initiatives/cyber-security.md")) {
            $0.replacingOccurrences(of: ", /old/cyber.html]", with: "]")
          }
        }
      ),
      // Pages about the site: every page's footer lists their titles, in order.
      (
        "about page body",
        { try edit(content.appendingPathComponent("pages/links.md")) { $0 + "\nDXの話です。\n" } }
      ),
      (
        "about page title (every footer)",
        {
          try edit(content.appendingPathComponent("pages/links.md")) {
            $0.replacingOccurrences(of: "title: リンク・著作権について", with: "title: 著作権について")
          }
        }
      ),
      (
        "about page left out of the footer",
        {
          try edit(content.appendingPathComponent("pages/about.md")) {
            $0.replacingOccurrences(of: "\ntitle:", with: "\nfooter: false\ntitle:")
          }
        }
      ),
      (
        "about page order",
        {
          try edit(content.appendingPathComponent("pages/accessibility.md")) {
            $0.replacingOccurrences(of: "order: 1", with: "order: 9")
          }
        }
      ),
      (
        "new about page",
        {
          try "---\ntitle: 使い方\norder: 2\n---\n\n[方針](accessibility.md)\n".write(
            to: content.appendingPathComponent("pages/help.md"), atomically: true, encoding: .utf8)
        }
      ),
      (
        "about page removed",
        { try FileManager.default.removeItem(at: content.appendingPathComponent("pages/help.md")) }
      ),
      // Tags: each has a page (/tags/<tag>/), /tags/ lists them, every footer links /tags/.
      (
        "tags added (their pages, /tags/, every footer)",
        {
          try edit(content.appendingPathComponent("initiatives/cyber-security.md")) {
            $0.replacingOccurrences(of: "status: planned", with: "status: planned\ntags: [防災, ＤＸ]")
          }
          try edit(content.appendingPathComponent("events/seminar.md")) {
            $0.replacingOccurrences(of: "place: 千葉県庁", with: "place: 千葉県庁\ntags: [防災]")
          }
        }
      ),
      (
        "title of a tagged page (its tags' pages)",
        {
          try edit(content.appendingPathComponent("events/seminar.md")) {
            $0.replacingOccurrences(of: "title: DXセミナー", with: "title: DXの講座")
          }
        }
      ),
      (
        "tag renamed",
        {
          try edit(content.appendingPathComponent("events/seminar.md")) {
            $0.replacingOccurrences(of: "tags: [防災]", with: "tags: [ぼうさい]")
          }
        }
      ),
      (
        "the last page of a tag loses it (the tag's page goes)",
        {
          try edit(content.appendingPathComponent("initiatives/cyber-security.md")) {
            $0.replacingOccurrences(of: "tags: [防災, ＤＸ]", with: "tags: [防災]")
          }
        }
      ),
      (
        "the tags added above removed",
        {
          try edit(content.appendingPathComponent("initiatives/cyber-security.md")) {
            $0.replacingOccurrences(of: "\ntags: [防災]", with: "")
          }
          try edit(content.appendingPathComponent("events/seminar.md")) {
            $0.replacingOccurrences(of: "\ntags: [ぼうさい]", with: "")
          }
        }
      ),
      (
        "theme",
        { try edit(theme.appendingPathComponent("templates/initiative.mustache")) { $0 + "\n" } }
      ),
    ]
    for (name, change) in edits {
      try change()
      let report = SiteBuilder.build(opts(output))
      try #require(report.succeeded, "\(name): \(report.diagnostics.map(\.text))")
      #expect(report.mode == .incremental, "\(name)")
      let full = root.appendingPathComponent("full-\(UUID().uuidString)")
      #expect(SiteBuilder.build(opts(full)).mode == .full)
      let (a, b) = (site(output), site(full))
      #expect(a.keys.sorted() == b.keys.sorted(), "\(name): different files")
      for key in a.keys where a[key] != b[key] { Issue.record("\(name): \(key) differs") }
      try FileManager.default.removeItem(at: full)
    }
  }

  @Test func searchPatchTrustsOnlyTheShardsItWrote() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    // Shards changed behind Portal's back: the patch gives up and the index is built whole.
    let shards = output.appendingPathComponent("search/s")
    for name in try FileManager.default.contentsOfDirectory(atPath: shards.path) {
      try Data("{}".utf8).write(to: shards.appendingPathComponent(name))
    }
    try edit(content.appendingPathComponent("initiatives/cyber-security.md")) { $0 + "\n追記です。\n" }
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded && report.mode == .incremental)
    let documentFiles = report.renderedPaths.filter { $0.hasPrefix("search/c/") }
    #expect(Set(documentFiles.map { $0.dropFirst(9).prefix { $0.isNumber } }).count > 1)
  }

  /// A page the last build published and this one does not (a renamed file) is a warning
  /// once, naming its address and the `redirect_from` that would keep it; not in a --strict
  /// build, and not again in the "Up to date" build after it. A rename with `redirect_from`
  /// keeps the address and says nothing.
  @Test func aPageThatIsGoneIsSaidOnce() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    #expect(SiteBuilder.build(options(content: content, output: output)).mode == .full)
    let fm = FileManager.default
    try fm.moveItem(
      at: content.appendingPathComponent("events/past-forum.md"),
      to: content.appendingPathComponent("events/forum-2025.md"))
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded && report.mode == .incremental)
    let gone = report.diagnostics.filter { $0.code == GonePages.code }
    #expect(
      gone.map { $0.message.prefix(48) } == ["the page /events/past-forum/ that the last build"])
    // Said at the file that is new in its section, where the redirect_from goes.
    #expect(gone.map(\.location.file).map { $0.hasSuffix("events/forum-2025.md") } == [true])
    #expect(gone.first?.hint?.contains("`redirect_from: /events/past-forum/`") == true)
    // Where `portal serve` takes a tab that showed the old page.
    #expect(report.moved == ["events/past-forum/index.html": "/events/forum-2025/"])
    #expect(
      gone.first?.japanese?.message.contains(
        "events/past-forum.md）がなくなり") == true)
    let again = SiteBuilder.build(options(content: content, output: output))
    #expect(again.mode == .upToDate && again.diagnostics.isEmpty)
    // A --strict build says nothing of it.
    try fm.moveItem(
      at: content.appendingPathComponent("pages/privacy.md"),
      to: content.appendingPathComponent("pages/privacy-policy.md"))
    var strict = options(content: content, output: output)
    strict.strict = true
    let strictReport = SiteBuilder.build(strict)
    #expect(strictReport.succeeded && strictReport.mode == .incremental)
    // Moved back, with the new address kept by redirect_from: nothing is gone.
    try edit(content.appendingPathComponent("events/forum-2025.md")) {
      $0.replacingOccurrences(
        of: "---\n", with: "---\nredirect_from: /events/forum-2025/\n", options: [],
        range: $0.range(of: "---\n"))
    }
    try fm.moveItem(
      at: content.appendingPathComponent("events/forum-2025.md"),
      to: content.appendingPathComponent("events/past-forum.md"))
    let back = SiteBuilder.build(options(content: content, output: output))
    #expect(back.succeeded && !back.diagnostics.contains { $0.code == GonePages.code })
    #expect(back.moved.isEmpty)
    // A tag's page (and /tags/) goes with the last page carrying the tag: what removing the
    // tag means, and no redirect_from could keep it, so nothing is said.
    try edit(content.appendingPathComponent("pages/privacy-policy.md")) {
      $0.replacingOccurrences(of: "tags: [個人情報]\n", with: "")
    }
    let untagged = SiteBuilder.build(options(content: content, output: output))
    #expect(untagged.succeeded && !fm.fileExists(atPath: output.path + "/tags/index.html"))
    #expect(!untagged.diagnostics.contains { $0.code == GonePages.code })
  }

  /// A file rewritten with its modification time set back and the same size (`rsync -a`,
  /// `cp -p`, `touch -r`) is noticed by its inode's change time, which no program can set:
  /// its new title reaches the lists. (That untouched files are taken from the cache without
  /// being parsed is `PageCodingTests.parsedFilesRoundTrip`.)
  @Test func aFileRewrittenWithItsTimeSetBackIsNoticed() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    #expect(SiteBuilder.build(options(content: content, output: output)).mode == .full)
    let hidden = content.appendingPathComponent("initiatives/cyber-security.md")
    var st = stat()
    #expect(stat(hidden.path, &st) == 0)
    let before = try #require(FileStamp.of(path: hidden.path))
    // Rewritten a while later, as a copy would be.
    usleep(20_000)
    try edit(hidden) {
      $0.replacingOccurrences(of: "title: サイバー空間の脅威への対処", with: "title: サイバー空間の危険への対処")
    }
    let times = [st.st_atim, st.st_mtim]
    #expect(utimensat(AT_FDCWD, hidden.path, times, 0) == 0)
    let after = try #require(FileStamp.of(path: hidden.path))
    #expect(after.modified == before.modified && after.size == before.size)
    #expect(after.changed != before.changed)

    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.mode == .incremental)
    let list = try String(
      contentsOf: output.appendingPathComponent("initiatives/index.html"), encoding: .utf8)
    #expect(list.contains("サイバー空間の危険への対処"))
    #expect(!list.contains("サイバー空間の脅威への対処"))
  }

  @Test func failedIncrementalBuildLeavesSiteAndCacheUntouched() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    let before = snapshot(output)
    try edit(content.appendingPathComponent("events/seminar.md")) {
      $0.replacingOccurrences(of: "initiatives: [ai-disaster]", with: "initiatives: [nothing]")
    }
    #expect(!SiteBuilder.build(options(content: content, output: output)).succeeded)
    #expect(snapshot(output) == before)
  }

  @Test func corruptCacheMeansFullBuild() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    try Data("garbage".utf8).write(to: output.appendingPathComponent(BuildCache.file))
    try edit(content.appendingPathComponent("glossary/dx.md")) { $0 + "\n追記。\n" }
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded)
    #expect(report.mode == .full)
  }

  /// The fast template renderer gives swift-mustache's bytes for every page of the fixture.
  @Test func fastTemplatesMatchSwiftMustache() throws {
    let content = try copyFixture()
    let (set, _) = ContentLoader.load(contentDirectory: content)
    let (theme, _) = Theme.load(
      from: repoRoot.appendingPathComponent("theme"), displayPath: "theme")
    let loaded = try #require(set)
    let theTheme = try #require(theme)
    #expect(theTheme.fast != nil)
    let (site, _) = Resolver.resolve(loaded, now: DateTime(iso: "2026-11-25T00:00:00+09:00")!)
    let models = ViewModels(site: site, theme: theTheme)
    var contexts: [(String, TemplateContext)] = site.pages.indices.map { models.context(for: $0) }
    contexts += [
      ("home", models.homeContext()), ("strategy-index", models.strategyIndexContext()),
      ("domains", models.domainsIndexContext()), ("initiatives", models.initiativesIndexContext()),
      ("events", models.eventsIndexContext()), ("glossary", models.glossaryIndexContext()),
      ("search", models.searchContext()), ("404", models.notFoundContext()),
      ("about-index", models.aboutIndexContext()),
    ]
    for d in site.domains {
      contexts.append(("domain", models.domainContext(d)))
      for f in d.fields { contexts.append(("field", models.fieldContext(f))) }
    }
    for (template, context) in contexts {
      var withCrumbs = context
      withCrumbs["has_breadcrumbs"] = .bool(context["breadcrumbs"] != nil)
      let fast = theTheme.fast?.render(template, withCrumbs)
      #expect(fast != nil, "\(template) declined")
      #expect(fast == theTheme.renderWithLibrary(template, context), "\(template) differs")
    }
  }
}

@Suite struct CarriedOverTests {
  @Test func fullRebuildKeepsTheExternalLinkCache() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    let cache = output.appendingPathComponent(".portal/external-cache.json")
    try Data(#"{"https://example.jp/":{"status":200}}"#.utf8).write(to: cache)
    // A stray file is not carried over: only what other commands keep in .portal/.
    try Data("old".utf8).write(to: output.appendingPathComponent("stray.html"))

    var full = options(content: content, output: output)
    full.incremental = false
    let report = SiteBuilder.build(full)
    #expect(report.mode == .full)
    #expect(try Data(contentsOf: cache) == Data(#"{"https://example.jp/":{"status":200}}"#.utf8))
    #expect(
      !FileManager.default.fileExists(atPath: output.appendingPathComponent("stray.html").path))
  }
}

/// `portal serve`'s builds: one session keeps parsed files between builds.
@Suite struct SessionTests {
  @Test func sessionRebuildsMatchFullBuildsAndNoticeSiteConfiguration() throws {
    let content = try copyFixture()
    let root = content.deletingLastPathComponent()
    let output = root.appendingPathComponent("site")
    let session = BuildSession()
    #expect(
      SiteBuilder.build(options(content: content, output: output), session: session).succeeded)

    // A body edit, parsed again from the session, gives the bytes of a full build.
    try edit(content.appendingPathComponent("initiatives/cyber-security.md")) {
      $0 + "\nDXの追記です。\n"
    }
    var report = SiteBuilder.build(options(content: content, output: output), session: session)
    #expect(report.mode == .incremental)
    let full = root.appendingPathComponent("full")
    #expect(SiteBuilder.build(options(content: content, output: full)).mode == .full)
    #expect(site(output) == site(full))

    // Files parsed with the old site.yml are parsed again when it changes: a renamed field id
    // makes the pages that name it wrong, and renaming it back makes them right.
    let config = content.appendingPathComponent("site.yml")
    try edit(config) { $0.replacingOccurrences(of: "id: crisis-management", with: "id: crisis") }
    report = SiteBuilder.build(options(content: content, output: output), session: session)
    #expect(!report.succeeded)
    #expect(
      report.diagnostics.contains { $0.location.file.hasSuffix("initiatives/ai-disaster.md") })
    try edit(config) { $0.replacingOccurrences(of: "id: crisis", with: "id: crisis-management") }
    report = SiteBuilder.build(options(content: content, output: output), session: session)
    #expect(report.succeeded)
    #expect(site(output) == site(full))
  }

  /// The session keeps the loaded theme only while no file under theme/ changed.
  @Test func sessionNoticesThemeEditsAndErrors() throws {
    let content = try copyFixture()
    let root = content.deletingLastPathComponent()
    let theme = root.appendingPathComponent("theme")
    try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("theme"), to: theme)
    func opts(_ out: URL) -> BuildOptions {
      var o = options(content: content, output: out)
      o.themeDirectory = theme
      return o
    }
    let output = root.appendingPathComponent("site")
    let session = BuildSession()
    #expect(SiteBuilder.build(opts(output), session: session).succeeded)
    let before = site(output)

    let template = theme.appendingPathComponent("templates/initiative.mustache")
    try edit(template) { $0 + "\n" }
    #expect(SiteBuilder.build(opts(output), session: session).succeeded)
    let full = root.appendingPathComponent("full")
    #expect(SiteBuilder.build(opts(full)).succeeded)
    #expect(site(output) == site(full))
    #expect(site(output) != before)

    try edit(template) { $0 + "{{#unclosed}}" }
    let broken = SiteBuilder.build(opts(output), session: session)
    #expect(!broken.succeeded)
    #expect(broken.diagnostics.contains { $0.location.file.hasSuffix("initiative.mustache") })
    try edit(template) { $0.replacingOccurrences(of: "{{#unclosed}}", with: "") }
    #expect(SiteBuilder.build(opts(output), session: session).succeeded)
    #expect(site(output) == site(full))
  }

  /// A file saved while a rebuild runs (after the build read it, before it finished) is built
  /// by the next rebuild, and by `portal build` after it: the build records what it read, not
  /// what is on disk when it plans. (It recorded the newer bytes as built, and every later
  /// build kept the older site: "nothing changed".)
  @Test(arguments: ["theme/templates/layout.mustache", "content/site.yml"])
  func aSaveDuringARebuildIsBuiltByTheNext(file: String) throws {
    let (content, _, options) = try fixtureWithOwnTheme()
    let root = content.deletingLastPathComponent()
    let session = BuildSession()
    #expect(SiteBuilder.build(options, session: session).succeeded)

    let saved = root.appendingPathComponent(file)
    let original = try String(contentsOf: saved, encoding: .utf8)
    let (old, first, second) =
      file.hasSuffix(".mustache")
      ? (
        "<footer class=\"site-footer\">", "<footer class=\"site-footer\">AAA",
        "<footer class=\"site-footer\">BBB"
      )
      : ("title: ", "title: AAA", "title: BBB")
    #expect(original.contains(old))
    try original.replacingOccurrences(of: old, with: first).write(
      to: saved, atomically: false, encoding: .utf8)
    session.afterLoading = {
      try? original.replacingOccurrences(of: old, with: second).write(
        to: saved, atomically: false, encoding: .utf8)
    }
    #expect(SiteBuilder.build(options, session: session).succeeded)
    session.afterLoading = nil
    let home = options.outputDirectory.appendingPathComponent("index.html")
    #expect(try String(contentsOf: home, encoding: .utf8).contains("AAA"))

    #expect(SiteBuilder.build(options, session: session).succeeded)
    #expect(try String(contentsOf: home, encoding: .utf8).contains("BBB"))
    // The command line agrees: nothing left to build, and the site is the full build's.
    #expect(SiteBuilder.build(options).succeeded)
    let full = root.appendingPathComponent("full")
    var fullOptions = options
    fullOptions.outputDirectory = full
    #expect(SiteBuilder.build(fullOptions).succeeded)
    #expect(site(options.outputDirectory) == site(full))
  }
}
