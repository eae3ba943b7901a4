import Content
import Foundation
import TestSupport
import Testing

@testable import Build

/// An edit that keeps every relation between pages, in a session, goes the quick way
/// (`EditInPlace`); anything more goes the usual incremental way. Either way the site and the
/// cache must be those of a full build.
@Suite final class EditInPlaceTests {
  let root: URL
  let content: URL
  let output: URL

  init() throws {
    content = try copyFixture()
    root = content.deletingLastPathComponent()
    output = root.appendingPathComponent("site")
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  func file(_ relative: String) -> URL { content.appendingPathComponent(relative) }

  /// Builds in the session, then checks the mode, and that the output and the cache the session
  /// holds are byte for byte those of a full build of the same sources into another folder.
  @discardableResult
  func expectBuild(
    _ session: BuildSession, _ mode: BuildReport.Mode, _ name: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> BuildReport {
    let report = SiteBuilder.build(options(content: content, output: output), session: session)
    try #require(
      report.succeeded, "\(name): \(report.diagnostics.map(\.text))",
      sourceLocation: sourceLocation)
    #expect(report.mode == mode, "\(name)", sourceLocation: sourceLocation)
    let full = root.appendingPathComponent("full-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: full) }
    #expect(SiteBuilder.build(options(content: content, output: full)).mode == .full)
    let (a, b) = (site(output), site(full))
    #expect(a.keys.sorted() == b.keys.sorted(), "\(name): different files")
    for key in a.keys.sorted() where a[key] != b[key] {
      Issue.record("\(name): \(key) differs", sourceLocation: sourceLocation)
    }
    let cache = try #require(session.cache, sourceLocation: sourceLocation)
    // Compared with the plain texts in the state: the packs of texts differ in their ids and
    // in what was appended to them.
    let (head, state) = try #require(
      BuildCache.encoded(in: full, contentDirectory: content), sourceLocation: sourceLocation)
    let encoded = cache.encoded()
    #expect(encoded.head == head, "\(name): cache head", sourceLocation: sourceLocation)
    #expect(encoded.state == state, "\(name): cache state", sourceLocation: sourceLocation)
    return report
  }

  /// Changes a title in `relative` and builds without a session, through the incremental
  /// build: what a title edit with `portal build` renders must be what the session renders.
  func expectTitleEditWithoutSession(
    _ relative: String, from old: String, to new: String, renders: String, skips: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    try edit(file(relative)) {
      $0.replacingOccurrences(of: "title: \(old)", with: "title: \(new)")
    }
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.mode == .incremental, sourceLocation: sourceLocation)
    #expect(report.renderedPaths.contains(renders), sourceLocation: sourceLocation)
    #expect(!report.renderedPaths.contains(skips), sourceLocation: sourceLocation)
  }

  @Test(arguments: [false, true])
  func editsInPlaceMatchFullBuilds(defersCacheWrites: Bool) throws {
    let session = BuildSession()
    session.defersCacheWrites = defersCacheWrites
    try expectBuild(session, .full, "first build")

    try edit(file("initiatives/cyber-security.md")) { $0 + "\n窓口は県庁の一階です。\n" }
    try expectBuild(session, .inPlace, "initiative body")
    // The vision of a field is shown on the field's page.
    try edit(file("fields/crisis-management.md")) { $0 + "\n## 新しい節\n\n備えを進めます。\n" }
    try expectBuild(session, .inPlace, "vision body")
    // Its summary is its search document's and shown on its domain's page, whose own search
    // document (from site.yml) stays as it is.
    try edit(file("fields/crisis-management.md")) {
      $0.replacingOccurrences(of: "summary: 災害から命を守ります。", with: "summary: 災害から命と暮らしを守ります。")
    }
    try expectBuild(session, .inPlace, "vision summary")
    try edit(file("glossary/ai.md")) { $0 + "\n使い方に気をつけます。\n" }
    try edit(file("strategy/basics.md")) { $0 + "\n基本を守ります。\n" }
    try expectBuild(session, .inPlace, "two files")
    try edit(file("events/seminar.md")) { $0 + "\n[取組](../initiatives/ai-disaster.md)の話です。\n" }
    try expectBuild(session, .inPlace, "event body with a link")

    // Saved again with the same bytes: nothing to write.
    let text = try String(contentsOf: file("strategy/basics.md"), encoding: .utf8)
    try text.write(to: file("strategy/basics.md"), atomically: true, encoding: .utf8)
    try expectBuild(session, .inPlace, "same bytes")

    // Front matter that other pages show but no relation reads: in place too.
    try edit(file("initiatives/cyber-security.md")) {
      $0.replacingOccurrences(of: "status: planned", with: "status: active")
    }
    try expectBuild(session, .inPlace, "status")
    try edit(file("initiatives/ai-disaster.md")) {
      $0.replacingOccurrences(of: "title: AIを活用した防災対策", with: "title: AIで防災")
        .replacingOccurrences(of: "department: 防災危機管理部", with: "department: 危機管理課")
    }
    try expectBuild(session, .inPlace, "title shown on lists, fields, related and event pages")

    /// Each edit (name, file, text, replacement) in turn, built the way `mode` says.
    func expectEdits(_ edits: [(String, String, String, String)], _ mode: BuildReport.Mode) throws {
      for (name, path, from, to) in edits {
        try edit(file(path)) { $0.replacingOccurrences(of: from, with: to) }
        try expectBuild(session, mode, name)
      }
    }
    // A page moved between lists: in place, with the relations derived again.
    try expectEdits(
      [
        (
          "fields", "initiatives/ai-disaster.md", "fields: [crisis-management, safety]",
          "fields: [safety]"
        ),
        ("related", "initiatives/ai-disaster.md", "related: [cyber-security]", "related: []"),
        ("strategy order", "strategy/basics.md", "order: 1", "order: 5"),
      ], .inPlace)
    // A page's place changed: the usual way, and the quick way again after it.
    try expectEdits(
      [
        ("event time", "events/seminar.md", "start: 2026-12-05T13:30", "start: 2026-12-05T13:00"),
        (
          "event at midnight", "events/past-forum.md", "start: 2026-09-10T10:00:00",
          "start: 2026-09-10T00:00:00"
        ),
        // The same instant, now a whole day: shown, ordered and past by other rules.
        (
          "event made all-day", "events/past-forum.md", "start: 2026-09-10T00:00:00+09:00",
          "start: 2026-09-10"
        ),
        ("glossary entry", "glossary/ai.md", "reading: えーあい", "reading: えいあい"),
      ], .incremental)
    // 更新情報 lists pages by their `updated` date: a new date moves the page in that list.
    try expectEdits(
      [
        ("updated date added", "strategy/basics.md", "\ntitle:", "\nupdated: 2026-10-01\ntitle:"),
        (
          "an older updated date", "initiatives/cyber-security.md", "\ntitle:",
          "\nupdated: 2026-09-01\ntitle:"
        ),
        (
          "updated date changed to the newest", "initiatives/cyber-security.md",
          "updated: 2026-09-01", "updated: 2026-11-01"
        ),
      ], .inPlace)
    // An earlier address added is an output of its own: the usual way. A title edit then goes
    // in place and renders the page at the earlier address, which shows the title.
    try expectEdits(
      [
        (
          "earlier address", "initiatives/ai-disaster.md", "\ntitle:",
          "\nredirect_from: /initiatives/ai/\ntitle:"
        )
      ], .incremental)
    try edit(file("initiatives/ai-disaster.md")) {
      $0.replacingOccurrences(of: "title: AIで防災", with: "title: AIによる防災")
    }
    let retitled = try expectBuild(session, .inPlace, "title of a page with an earlier address")
    #expect(retitled.changedPaths.contains("initiatives/ai/index.html"))
    // Pages about the site. A body edit renders that page alone; front matter every footer
    // shows (the title, `order`, `footer`) renders every page again, with the footer derived
    // again; a summary no other page shows renders what reads it, which is every page.
    try edit(file("pages/accessibility.md")) { $0 + "\n手順を見直します。\n" }
    let aboutBody = try expectBuild(session, .inPlace, "about page body")
    #expect(
      aboutBody.renderedPaths.filter { $0.hasSuffix(".html") } == ["about/accessibility/index.html"]
    )
    try expectEdits(
      [
        (
          "about page title", "pages/links.md", "title: リンク・著作権について", "title: 著作権について"
        ),
        ("about page summary", "pages/accessibility.md", "summary: だれもが", "summary: みんなが"),
        ("about page order", "pages/accessibility.md", "order: 1", "order: 5"),
        ("about page out of the footer", "pages/about.md", "\ntitle:", "\nfooter: false\ntitle:"),
        ("about page into the footer", "pages/privacy.md", "footer: false", "footer: true"),
      ], .inPlace)
    #expect(
      try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        .contains("/about/privacy/\">プライバシーポリシー"))
    // A glossary term the body did not link before: the term's page lists its users.
    try edit(file("initiatives/cyber-security.md")) { $0 + "\nAIも使います。\n" }
    try expectBuild(session, .incremental, "new glossary term")
    try edit(file("initiatives/cyber-security.md")) { $0 + "\nさらに追記します。\n" }
    try expectBuild(session, .inPlace, "body again")
  }

  /// A glossary entry's definition is shown on every page whose body links the term (the
  /// terms list under the body): those pages are rendered again. (The usual incremental way:
  /// a glossary entry's front matter is not edited in place.)
  @Test func aDefinitionEditReachesThePagesLinkingTheTerm() throws {
    let session = BuildSession()
    try expectBuild(session, .full, "first build")
    let linking = output.appendingPathComponent("initiatives/ai-disaster/index.html")
    #expect(try String(contentsOf: linking, encoding: .utf8).contains("人のように考える"))
    try edit(file("glossary/ai.md")) {
      $0.replacingOccurrences(of: "short: 人のように考える", with: "short: 人のまねをして考える")
    }
    try expectBuild(session, .incremental, "definition")
    #expect(try String(contentsOf: linking, encoding: .utf8).contains("人のまねをして考える"))
  }

  /// A title or summary edit is made in place, and the search index patched for that page
  /// alone instead of built whole; so is a tag's, which goes the usual way (a tag has a page).
  @Test func frontMatterEditsPatchTheSearchIndex() throws {
    let session = BuildSession()
    try expectBuild(session, .full, "first build")
    let page = file("initiatives/cyber-security.md")
    for (name, from, to, mode) in [
      ("title", "title: サイバー空間の脅威への対処", "title: サイバー対策", BuildReport.Mode.inPlace),
      // Not shorter: in a site this small the index would drop to fewer shards (a full build).
      ("summary", "summary: ネットの犯罪から県民を守ります。", "summary: ネットの犯罪から県民のくらしを守ります。", .inPlace),
      ("tags", "status: planned", "status: planned\ntags: [防犯]", .incremental),
    ] {
      try edit(page) { $0.replacingOccurrences(of: from, with: to) }
      let report = SiteBuilder.build(
        options(content: content, output: output), session: session)
      try #require(report.succeeded, "\(name)")
      #expect(report.mode == mode, "\(name)")
      let documentFiles = report.renderedPaths.filter { $0.hasPrefix("search/c/") }
      let ids = Set(documentFiles.map { $0.dropFirst(9).prefix { $0.isNumber } })
      #expect(ids.count == 1, "\(name): \(documentFiles)")
      try expectBuild(session, .upToDate, name)
    }
  }

  /// A session that resolved an up-to-date output holds the other pages' bodies as stubs; a
  /// title edit renders the pages that show it with their bodies. `portal serve` prepares the
  /// session for edits while it waits (`prepareForEdits`): the same files either way.
  @Test(arguments: [false, true])
  func editInPlaceAfterResolvingAnUpToDateOutput(prepared: Bool) throws {
    #expect(SiteBuilder.build(options(content: content, output: output)).mode == .full)
    let session = BuildSession()
    session.resolvesWhenUpToDate = true
    let first = SiteBuilder.build(options(content: content, output: output), session: session)
    session.resolvesWhenUpToDate = false
    #expect(first.succeeded && first.mode == .incremental && first.changedPaths.isEmpty)
    #expect(session.holdsSite)
    // Resolving an up-to-date output makes no search documents; no edit has needed readers.
    #expect(session.resolved?.search == nil && session.resolved?.readers == nil)
    if prepared {
      session.prepareForEdits()
      #expect(session.isPreparedForEdits)
    }
    try edit(file("initiatives/cyber-security.md")) {
      $0.replacingOccurrences(of: "title: サイバー空間の脅威への対処", with: "title: サイバー対策")
    }
    try expectBuild(session, .inPlace, "title")
    try edit(file("initiatives/cyber-security.md")) { $0 + "\n窓口は県庁の一階です。\n" }
    try expectBuild(session, .inPlace, "body")
  }

  /// A tag added, renamed or taken from the last page carrying it changes which pages exist
  /// (its page, /tags/, every footer's link): the usual way. A title of a tagged page goes in
  /// place and reaches its tags' pages; tags moved to another line stay in place unless the
  /// site warns about them there.
  @Test func tagEditsGoTheUsualWayAndTitlesReachTheirTagsPages() throws {
    let session = BuildSession()
    try expectBuild(session, .full, "first build")
    func exists(_ path: String) -> Bool {
      FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }
    try edit(file("initiatives/cyber-security.md")) {
      $0.replacingOccurrences(of: "status: planned", with: "status: planned\ntags: [防災]")
    }
    try expectBuild(session, .incremental, "a tag added")
    #expect(exists("tags/防災/index.html"))
    try edit(file("initiatives/ai-disaster.md")) {
      $0.replacingOccurrences(of: "status: active", with: "status: active\ntags: [防災, ＤＸ]")
    }
    try expectBuild(session, .incremental, "a second page and a second tag")
    #expect(exists("tags/DX/index.html"))

    try edit(file("initiatives/cyber-security.md")) {
      $0.replacingOccurrences(of: "title: サイバー空間の脅威への対処", with: "title: サイバー対策")
    }
    let title = try expectBuild(session, .inPlace, "title of a tagged page")
    #expect(title.renderedPaths.contains("tags/防災/index.html"))
    #expect(!title.renderedPaths.contains("tags/DX/index.html"))

    // 防災 has no reading: warned at its first use, ai-disaster.md. Its tags moved down a line
    // move the warning; cyber-security.md's move nothing.
    try edit(file("initiatives/cyber-security.md")) {
      $0.replacingOccurrences(of: "\ntags:", with: "\n# 話題\ntags:")
    }
    try expectBuild(session, .inPlace, "tags on another line, no warning there")
    try edit(file("initiatives/ai-disaster.md")) {
      $0.replacingOccurrences(of: "\ntags:", with: "\n# 話題\ntags:")
    }
    let moved = try expectBuild(session, .incremental, "tags warned about on another line")
    #expect(
      moved.diagnostics.contains { $0.code == "content.tag-reading" && $0.location.line == 7 })

    try edit(file("initiatives/ai-disaster.md")) {
      $0.replacingOccurrences(of: "tags: [防災, ＤＸ]", with: "tags: [ぼうさい, ＤＸ]")
    }
    try expectBuild(session, .incremental, "a tag renamed")
    #expect(exists("tags/ぼうさい/index.html") && exists("tags/防災/index.html"))
    try edit(file("initiatives/ai-disaster.md")) {
      $0.replacingOccurrences(of: "tags: [ぼうさい, ＤＸ]", with: "tags: [ぼうさい]")
    }
    try expectBuild(session, .incremental, "the last page of a tag")
    #expect(!exists("tags/DX/index.html"))
    try edit(file("initiatives/ai-disaster.md")) { $0 + "\n備えます。\n" }
    try expectBuild(session, .inPlace, "body of a tagged page")
  }

  @Test func errorsGoTheUsualWayAndTheQuickWayResumesAfterTheFix() throws {
    let session = BuildSession()
    try expectBuild(session, .full, "first build")
    let page = file("initiatives/cyber-security.md")
    let original = try String(contentsOf: page, encoding: .utf8)

    // A broken link in the body is reported at its line, and nothing is written.
    let before = site(output)
    try (original + "\n[古い資料](old.md)\n").write(to: page, atomically: true, encoding: .utf8)
    let broken = SiteBuilder.build(options(content: content, output: output), session: session)
    #expect(!broken.succeeded)
    let error = try #require(broken.diagnostics.first { $0.code == "content.broken-link" })
    #expect(error.location.file.hasSuffix("initiatives/cyber-security.md"))
    #expect(
      error.location.line == original.split(separator: "\n", omittingEmptySubsequences: false).count
        + 1)
    #expect(site(output) == before)

    // A title changed while the build was broken must not be missed by the fix that follows,
    // though the fix itself touches the body alone.
    try
      (original.replacingOccurrences(
        of: "title: サイバー空間の脅威への対処", with: "title: サイバー対策") + "\n[古い資料](old.md)\n")
      .write(to: page, atomically: true, encoding: .utf8)
    #expect(
      !SiteBuilder.build(options(content: content, output: output), session: session).succeeded)
    try original.replacingOccurrences(of: "title: サイバー空間の脅威への対処", with: "title: サイバー対策")
      .write(to: page, atomically: true, encoding: .utf8)
    try expectBuild(session, .incremental, "fixed")
    #expect(
      String(decoding: site(output)["/initiatives/cyber-security/index.html"]!, as: UTF8.self)
        .contains("サイバー対策"))
    try edit(page) { $0 + "\n追記です。\n" }
    try expectBuild(session, .inPlace, "after the fix")
  }

  /// An `updated` day still to come is warned about in `portal serve` as in a build, and the
  /// warning goes when the day is mended; other edits of the page still go the quick way.
  @Test func anUpdatedDayToComeIsWarnedAndMendedInASession() throws {
    let session = BuildSession()
    try expectBuild(session, .full, "first build")
    let page = file("initiatives/cyber-security.md")
    try edit(page) {
      $0.replacingOccurrences(of: "\ntitle:", with: "\nupdated: 2027-11-01\ntitle:")
    }
    let warned = try expectBuild(session, .incremental, "a day to come")
    #expect(warned.diagnostics.map(\.code) == ["content.future-updated"])
    try edit(page) { $0 + "\n追記です。\n" }
    #expect(try expectBuild(session, .inPlace, "body edited").diagnostics.count == 1)
    try edit(page) {
      $0.replacingOccurrences(of: "updated: 2027-11-01", with: "updated: 2026-11-01")
    }
    #expect(try expectBuild(session, .incremental, "mended").diagnostics.isEmpty)
  }

  /// The output deleted while the session holds it (`rm -rf site` beside `portal serve`): the
  /// next edit builds the site whole instead of failing to write into folders that are gone.
  @Test func anOutputDeletedBehindTheSessionIsBuiltWhole() throws {
    let session = BuildSession()
    try expectBuild(session, .full, "first build")
    try edit(file("initiatives/cyber-security.md")) { $0 + "\n追記です。\n" }
    try expectBuild(session, .inPlace, "an edit")
    try FileManager.default.removeItem(at: output)
    try edit(file("initiatives/cyber-security.md")) { $0 + "\nもう一つ。\n" }
    try expectBuild(session, .full, "after the output was deleted")
    try edit(file("initiatives/cyber-security.md")) { $0 + "\n三つ目。\n" }
    try expectBuild(session, .inPlace, "the quick way again")
  }

  /// `rm -rf site/*` keeps the cache in `site/.portal`: every later build said "Up to date"
  /// over an empty site, and `portal serve` answered 404 for every page, also after a
  /// restart. The build looks for what the last one wrote at the output's top and builds it
  /// all again when any is gone; a session is told it lost its output without a save.
  @Test func anOutputEmptiedButForItsCacheIsBuiltWhole() throws {
    func emptyButTheCache() throws {
      for name in try FileManager.default.contentsOfDirectory(atPath: output.path)
      where name != ".portal" {
        try FileManager.default.removeItem(at: output.appendingPathComponent(name))
      }
    }
    try expectBuild(BuildSession(), .full, "first build")
    try #require(
      SiteBuilder.build(options(content: content, output: output)).mode == .upToDate)
    try emptyButTheCache()
    try expectBuild(BuildSession(), .full, "a new process after `rm -rf site/*`")
    #expect(
      FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    // One top folder gone (`rm -rf site/initiatives`): the same.
    try FileManager.default.removeItem(at: output.appendingPathComponent("initiatives"))
    try expectBuild(BuildSession(), .full, "a section's folder gone")
    // Behind a session (`portal serve`): it knows before any save, and builds all again.
    let session = BuildSession()
    session.defersCacheWrites = true
    try FileManager.default.removeItem(at: output)
    try expectBuild(session, .full, "serve's first build")
    #expect(!session.outputIsMissing(from: output))
    try edit(file("initiatives/cyber-security.md")) { $0 + "\n追記です。\n" }
    try expectBuild(session, .inPlace, "an edit, its cache not yet written")
    try emptyButTheCache()
    #expect(session.outputIsMissing(from: output))
    // The cache kept in memory is not written into the emptied output, alone.
    session.saveCache(to: output)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: output.path) == [".portal"]
        || !FileManager.default.fileExists(atPath: output.path))
    try expectBuild(session, .full, "built again, no source changed")
    #expect(!session.outputIsMissing(from: output))
    #expect(
      FileManager.default.fileExists(
        atPath: output.appendingPathComponent("initiatives/cyber-security/index.html").path))
  }

  /// Editors leave locks, backups and swap files beside the page they save; the build never
  /// reads them, so they do not stop an edit in place, and alone they change nothing.
  @Test func editorsFilesBesideThePageAreIgnored() throws {
    let session = BuildSession()
    session.defersCacheWrites = true
    try expectBuild(session, .full, "first build")
    let folder = file("initiatives")
    try Data("user@host.1234".utf8).write(to: folder.appendingPathComponent(".#cyber-security.md"))
    let before = stamps(output)
    try expectBuild(session, .inPlace, "an editor's lock file alone")
    #expect(stamps(output) == before, "nothing is written")
    try Data("old".utf8).write(to: folder.appendingPathComponent("cyber-security.md~"))
    try Data("draft".utf8).write(to: folder.appendingPathComponent("_notes.md"))
    try edit(file("initiatives/cyber-security.md")) { $0 + "\n保存しました。\n" }
    try expectBuild(session, .inPlace, "body beside an editor's files")
    try FileManager.default.removeItem(at: folder.appendingPathComponent(".#cyber-security.md"))
    var report = SiteBuilder.build(options(content: content, output: output), session: session)
    #expect(report.succeeded && report.mode == .inPlace && report.changedPaths.isEmpty)
    // A page file that appears is a new page: the usual way.
    try Data("---\ntitle: x\n---\n".utf8).write(to: folder.appendingPathComponent("new.md"))
    report = SiteBuilder.build(options(content: content, output: output), session: session)
    #expect(report.mode != .inPlace)
  }

  /// A page that names a page that does not exist is reported as the usual way reports it.
  @Test func aMoveToAMissingPageIsReported() throws {
    let session = BuildSession()
    try expectBuild(session, .full, "first build")
    let before = site(output)
    try edit(file("initiatives/ai-disaster.md")) {
      $0.replacingOccurrences(of: "related: [cyber-security]", with: "related: [no-such-page]")
    }
    let report = SiteBuilder.build(options(content: content, output: output), session: session)
    #expect(!report.succeeded)
    #expect(
      report.diagnostics.contains {
        $0.severity == .error && $0.location.file.hasSuffix("initiatives/ai-disaster.md")
      })
    #expect(site(output) == before)
  }

  @Test func addedRemovedAndOtherFilesGoTheUsualWay() throws {
    let session = BuildSession()
    try expectBuild(session, .full, "first build")
    try """
    ---
    term: クラウド
    reading: くらうど
    short: インターネットの向こうのコンピューターです。
    ---

    クラウドを使います。
    """.write(to: file("glossary/cloud.md"), atomically: true, encoding: .utf8)
    try expectBuild(session, .incremental, "added page")
    try FileManager.default.removeItem(at: file("glossary/cloud.md"))
    try expectBuild(session, .incremental, "removed page")
    try edit(file("site.yml")) { $0 + "\n" }
    try expectBuild(session, .incremental, "site.yml")
    // A domain's goal: its search document, which has no page, changes (the session's earlier
    // documents give the one it replaces).
    try edit(file("site.yml")) {
      $0.replacingOccurrences(of: "goal: あらゆる人が暮らしやすい社会", with: "goal: だれもが暮らしやすい社会")
    }
    try expectBuild(session, .incremental, "a domain's goal in site.yml")
    // A published file is copied again, and one added can be linked.
    try FileManager.default.createDirectory(
      at: file("files"), withIntermediateDirectories: true)
    try Data("first".utf8).write(to: file("files/map.png"))
    try edit(file("glossary/dx.md")) { $0 + "\n![地図](../files/map.png)\n" }
    try expectBuild(session, .incremental, "added file")
    try Data("second, longer".utf8).write(to: file("files/map.png"))
    let copied = try expectBuild(session, .incremental, "edited file")
    #expect(copied.changedPaths == ["files/map.png"])
    try edit(file("glossary/dx.md")) { $0 + "\nDXを進めます。\n" }
    try expectBuild(session, .inPlace, "body after them")
    // A strategy page's title is shown by the next and previous links of its neighbours.
    try edit(file("strategy/period.md")) {
      $0.replacingOccurrences(of: "title: 戦略期間", with: "title: 戦略の期間")
    }
    let report = try expectBuild(session, .inPlace, "strategy title")
    #expect(report.renderedPaths.contains("strategy/basics/index.html"))
  }

  /// In `portal serve` (whose session writes the cache later), a file added under files/ of a
  /// type that is not published is warned about at once, not at some later build.
  @Test func anUnpublishedFileIsWarnedAboutAtOnce() throws {
    let session = BuildSession()
    session.defersCacheWrites = true
    try expectBuild(session, .full, "first build")
    try FileManager.default.createDirectory(at: file("files"), withIntermediateDirectories: true)
    try Data("<svg/>".utf8).write(to: file("files/logo.svg"))
    let report = try expectBuild(session, .incremental, "unpublished file")
    #expect(
      report.diagnostics.contains {
        $0.code == "content.file-type" && $0.location.file.hasSuffix("files/logo.svg")
      })
  }

  /// A page saved under another name (Notepad's `a.md.txt`, `a.markdown`, `A.MD`) or an
  /// image outside files/ is warned of by the load: in a session it was taken for a file the
  /// build never reads, and `portal serve` said "0 file(s) changed" without a word.
  @Test func aPageSavedUnderAnotherNameIsWarnedAboutAtOnce() throws {
    let session = BuildSession()
    session.defersCacheWrites = true
    try expectBuild(session, .full, "first build")
    let source = try String(contentsOf: file("initiatives/cyber-security.md"), encoding: .utf8)
    for (name, code) in [
      ("initiatives/notepad.md.txt", "content.file-name"),
      ("initiatives/long.markdown", "content.file-name"),
      ("initiatives/Upper.MD", "content.file-name"),
    ] {
      try source.write(to: file(name), atomically: true, encoding: .utf8)
      let report = try expectBuild(session, .incremental, name)
      #expect(
        report.diagnostics.contains { $0.code == code && $0.location.file.hasSuffix(name) },
        "\(name): \(report.diagnostics.map(\.text))")
      try FileManager.default.removeItem(at: file(name))
      let after = try expectBuild(session, .incremental, "\(name) removed")
      #expect(!after.diagnostics.contains { $0.location.file.hasSuffix(name) })
    }
    // A file the build never reads still changes nothing.
    try Data("メモ".utf8).write(to: file("initiatives/memo.rtf"))
    try expectBuild(session, .inPlace, "a note beside the pages")
    try FileManager.default.createDirectory(at: file("images"), withIntermediateDirectories: true)
    try Data([0x89, 0x50, 0x4E, 0x47]).write(to: file("images/map.png"))
    let report = try expectBuild(session, .incremental, "an image outside files/")
    #expect(report.diagnostics.contains { $0.code == "content.file-place" })
  }

  @Test func theCacheSavedAfterQuickEditsStartsTheNextBuild() throws {
    let session = BuildSession()
    session.defersCacheWrites = true
    try expectBuild(session, .full, "first build")
    try edit(file("initiatives/ai-disaster.md")) { $0 + "\n訓練を続けます。\n" }
    try expectBuild(session, .inPlace, "body")
    #expect(session.hasUnsavedCache)
    session.saveCache(to: output)
    #expect(!session.hasUnsavedCache)
    // A new process (no session) finds the output up to date.
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.mode == .upToDate)
  }

  /// With `initiatives_per_field: 1`, the list of all initiatives shows the first of each
  /// field and links to the field for the rest; a title edit of one it does not show leaves it
  /// alone (found through `Readers` in a session), one it shows renders it again.
  @Test func theListShowsTheFirstOfEachFieldAndDependsOnlyOnThose() throws {
    try edit(file("site.yml")) { $0 + "initiatives_per_field: 1\n" }
    try """
    ---
    title: 見守りの取組
    summary: 地域の見守りを進めます。
    fields: [safety]
    status: active
    ---

    見守ります。

    """.write(to: file("initiatives/watch.md"), atomically: true, encoding: .utf8)
    let session = BuildSession()
    try expectBuild(session, .full, "first build")
    let list = try String(
      contentsOf: output.appendingPathComponent("initiatives/index.html"), encoding: .utf8)
    // 安全・安心 has ai-disaster, cyber-security and watch, in that order.
    #expect(list.contains("安全・安心の取組をすべて見る（3件）"))
    #expect(list.contains("はじめの1件を載せています"))
    #expect(!list.contains("見守りの取組"))
    #expect(!list.contains("危機管理の取組をすべて見る"), "one initiative: no link")

    try edit(file("initiatives/watch.md")) {
      $0.replacingOccurrences(of: "title: 見守りの取組", with: "title: 見守り")
    }
    var html = try expectBuild(session, .inPlace, "title not on the list").renderedPaths
    #expect(html.contains("fields/safety/index.html"))
    #expect(!html.contains("initiatives/index.html"))

    try edit(file("initiatives/ai-disaster.md")) {
      $0.replacingOccurrences(of: "title: AIを活用した防災対策", with: "title: AIで防災")
    }
    html = try expectBuild(session, .inPlace, "title on the list").renderedPaths
    #expect(html.contains("initiatives/index.html"))

    try expectTitleEditWithoutSession(
      "initiatives/watch.md", from: "見守り", to: "地域の見守り",
      renders: "fields/safety/index.html", skips: "initiatives/index.html")
  }

  /// With `past_events_listed: 1`, the events page lists the latest past event and links to a
  /// page per year, which lists all of that year's; a title edit of an event shown only on its
  /// year's page renders that page and not the events page, in a session and without one.
  @Test func pastEventsBeyondTheLimitAreListedByYear() throws {
    try edit(file("site.yml")) { $0 + "past_events_listed: 1\n" }
    try """
    ---
    title: 前の年の説明会
    summary: 去年のイベントです。
    start: 2025-06-01T10:00:00+09:00
    place: 千葉県庁
    ---

    終わりました。

    """.write(to: file("events/last-year.md"), atomically: true, encoding: .utf8)
    let session = BuildSession()
    try expectBuild(session, .full, "first build")
    func page(_ path: String) throws -> String {
      try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }
    let events = try page("events/index.html")
    #expect(events.contains("新しいものから1件を載せています。すべて（2件）は"))
    #expect(events.contains("過去のフォーラム"))
    #expect(!events.contains("前の年の説明会"))
    #expect(events.contains("<a href=\"/events/past/2026/\">2026年（1件）</a>"))
    #expect(events.contains("<a href=\"/events/past/2025/\">2025年（1件）</a>"))
    let year = try page("events/past/2025/index.html")
    #expect(year.contains("<h1 id=\"page-title\">2025年に開かれたイベント</h1>"))
    #expect(year.contains("前の年の説明会"))
    #expect(year.contains("aria-current=\"page\">2025年（1件）</a>"))
    #expect(try page("sitemap.xml").contains("/events/past/2025/"))
    // The feed holds what the events page lists; the calendar of all events holds every one.
    let feed = try page("events/feed.xml")
    #expect(feed.contains("過去のフォーラム") && !feed.contains("前の年の説明会"))
    #expect(try page("events/events.ics").contains("前の年の説明会"))

    try edit(file("events/last-year.md")) {
      $0.replacingOccurrences(of: "title: 前の年の説明会", with: "title: 去年の説明会")
    }
    var html = try expectBuild(session, .inPlace, "title on a year's page").renderedPaths
    #expect(html.contains("events/past/2025/index.html"))
    #expect(!html.contains("events/index.html"))
    #expect(!html.contains("events/feed.xml"))
    #expect(!html.contains("events/past/2026/index.html"))

    try edit(file("events/past-forum.md")) {
      $0.replacingOccurrences(of: "title: 過去のフォーラム", with: "title: 秋のフォーラム")
    }
    html = try expectBuild(session, .inPlace, "title on the events page").renderedPaths
    #expect(html.contains("events/index.html"))
    #expect(html.contains("events/feed.xml"))
    #expect(html.contains("events/past/2026/index.html"))
    #expect(!html.contains("events/past/2025/index.html"))

    try expectTitleEditWithoutSession(
      "events/last-year.md", from: "去年の説明会", to: "二〇二五年の説明会",
      renders: "events/past/2025/index.html", skips: "events/index.html")

    // Under the limit again (0: no limit), the pages per year are gone.
    try edit(file("site.yml")) {
      $0.replacingOccurrences(of: "past_events_listed: 1", with: "past_events_listed: 0")
    }
    try expectBuild(session, .incremental, "no limit")
    #expect(
      !FileManager.default.fileExists(atPath: output.appendingPathComponent("events/past").path))
    #expect(try page("events/index.html").contains("二〇二五年の説明会"))
    #expect(try page("events/feed.xml").contains("二〇二五年の説明会"))
  }

  /// A field's page lists the upcoming events of its initiatives: an event's title, and the
  /// initiatives it names (which move it from one field's page to another's), reach those
  /// pages in a session as in a full build.
  @Test func anEventsEditsReachTheFieldPagesListingIt() throws {
    let session = BuildSession()
    try expectBuild(session, .full, "first build")
    func field(_ id: String) throws -> String {
      try String(
        contentsOf: output.appendingPathComponent("fields/\(id)/index.html"), encoding: .utf8)
    }
    #expect(try field("crisis-management").contains("DXセミナー"))
    #expect(try !field("awareness").contains("DXセミナー"))
    try edit(file("events/seminar.md")) {
      $0.replacingOccurrences(of: "title: DXセミナー", with: "title: DXの勉強会")
    }
    let retitled = try expectBuild(session, .inPlace, "event title on its fields' pages")
    #expect(retitled.renderedPaths.contains("fields/crisis-management/index.html"))
    #expect(try field("crisis-management").contains("DXの勉強会"))
    try edit(file("events/seminar.md")) {
      $0.replacingOccurrences(
        of: "initiatives: [ai-disaster]", with: "initiatives: [cyber-security]")
    }
    try expectBuild(session, .inPlace, "event moved to another field's initiative")
    #expect(try !field("crisis-management").contains("DXの勉強会"))
    #expect(try field("awareness").contains("DXの勉強会"))
  }
}
