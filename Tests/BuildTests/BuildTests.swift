import Content
import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Build

/// A writable copy of the valid fixture site.
func copyFixture() throws -> URL {
  let dir = try temporaryFolder("content")
  let content = dir.appendingPathComponent("content")
  try FileManager.default.copyItem(
    at: Bundle.module.resourceURL!.appendingPathComponent("Fixtures/valid/content"), to: content)
  return content
}

/// Appends `markdown` to the body of the Markdown file `page`, after a blank line; returns the
/// line its first line is on, where a warning about it is expected.
@discardableResult
func appendToBody(of page: URL, _ markdown: String) throws -> Int {
  let text = try String(contentsOf: page, encoding: .utf8)
  let start = (text.hasSuffix("\n") ? text : text + "\n") + "\n"
  try (start + markdown + "\n").write(to: page, atomically: true, encoding: .utf8)
  return start.split(separator: "\n", omittingEmptySubsequences: false).count
}

/// Where a report says what `code` finds: `basics.md:17:1`, the file's name, line and column.
func placesOf(_ code: String, in report: BuildReport) -> [String] {
  report.diagnostics.filter { $0.code == code }.map {
    "\(URL(fileURLWithPath: $0.location.file).lastPathComponent):\($0.location.line):\($0.location.column)"
  }
}

/// A static folder beside `content` holding `qr.png`.
func staticFolder(beside content: URL) throws -> URL {
  let statics = content.deletingLastPathComponent().appendingPathComponent("static")
  try FileManager.default.createDirectory(at: statics, withIntermediateDirectories: true)
  try Data("x".utf8).write(to: statics.appendingPathComponent("qr.png"))
  return statics
}

/// The fixture's content with a copy of the default theme beside it to edit, and the options
/// that build them into `site` beside both.
func fixtureWithOwnTheme() throws -> (content: URL, theme: URL, options: BuildOptions) {
  let content = try copyFixture()
  let root = content.deletingLastPathComponent()
  let theme = root.appendingPathComponent("theme")
  try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("theme"), to: theme)
  var options = options(content: content, output: root.appendingPathComponent("site"))
  options.themeDirectory = theme
  return (content, theme, options)
}

func options(content: URL, output: URL) -> BuildOptions {
  BuildOptions(
    contentDirectory: content, themeDirectory: repoRoot.appendingPathComponent("theme"),
    outputDirectory: output,
    now: DateTime(iso: "2026-11-25T00:00:00+09:00")!)
}

/// A built site's files, to compare an incremental build after the clock moved with a full
/// one: everything but the cache, calendars included (their DTSTAMP comes from the content,
/// not the build's clock).
func comparableSite(_ folder: URL) -> [String: String] {
  snapshot(folder).filter { !$0.key.contains(".portal/") }.mapValues {
    String(decoding: $0, as: UTF8.self)
  }
}

@Suite struct BuildTests {
  @Test func buildsEveryPageFeedAndCalendar() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
    let files = Set(snapshot(output).keys)
    for path in [
      "/index.html", "/404.html", "/robots.txt", "/sitemap.xml", "/strategy/index.html",
      "/strategy/basics/index.html",
      "/strategy/period/index.html", "/domains/index.html", "/domains/life/index.html",
      "/fields/crisis-management/index.html",
      "/fields/safety/index.html", "/fields/awareness/index.html", "/initiatives/index.html",
      "/initiatives/ai-disaster/index.html",
      "/events/index.html", "/events/seminar/index.html", "/events/seminar/event.ics",
      "/events/events.ics", "/events/feed.xml",
      "/glossary/index.html", "/glossary/dx/index.html", "/search/index.html",
      "/.portal/sourcemap.json",
    ] {
      #expect(files.contains(path), "missing \(path)")
    }
    #expect(files.contains { $0.hasPrefix("/assets/style.") && $0.hasSuffix(".css") })
    let event = String(
      decoding: try Data(contentsOf: output.appendingPathComponent("events/seminar/index.html")),
      as: UTF8.self)
    #expect(event.contains("<html lang=\"ja\">"))
    #expect(
      event.contains(
        "2026年12月5日（土）13時30分</time>から<time datetime=\"2026-12-05T15:00:00+09:00\">15時</time>まで"))
    #expect(event.contains("\"@type\":\"Event\""))
    let ics = String(
      decoding: try Data(contentsOf: output.appendingPathComponent("events/seminar/event.ics")),
      as: UTF8.self)
    #expect(ics.contains("DTSTART:20261205T043000Z\r\n"))
    #expect(report.summary.hasPrefix("Built "))
    let sitemap = String(
      decoding: try Data(contentsOf: output.appendingPathComponent("sitemap.xml")), as: UTF8.self)
    #expect(sitemap.contains("<loc>https://dx.example.jp/initiatives/ai-disaster/</loc>"))
    #expect(!sitemap.contains("404"))
  }

  /// An event's DTSTAMP is when its information last changed (RFC 5545, for a calendar
  /// without METHOD): its `updated` date, else its `publish` time, else its start; never the
  /// build's clock, so builds on different days give the same calendar.
  @Test func calendarStampsComeFromTheContent() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let seminar = content.appendingPathComponent("events/seminar.md")
    let original = try String(contentsOf: seminar, encoding: .utf8)
    func stamps(now: String) throws -> [String] {
      var o = options(content: content, output: output)
      o.now = try #require(DateTime(iso: now))
      o.incremental = false
      let report = SiteBuilder.build(o)
      #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
      return try ["events/seminar/event.ics", "events/events.ics"].map { path in
        let ics = String(
          decoding: try Data(contentsOf: output.appendingPathComponent(path)), as: UTF8.self)
        return ics.split(separator: "\r\n").filter { $0.hasPrefix("DTSTAMP:") }.map(String.init)
      }.flatMap { $0 }
    }
    // The seminar's own calendar, then the calendar of all events (the past forum first).
    func expected(_ seminar: String) -> [String] {
      ["DTSTAMP:" + seminar, "DTSTAMP:20260910T010000Z", "DTSTAMP:" + seminar]
    }
    // No `updated` or `publish`: the start, whatever the day of the build.
    #expect(
      try stamps(now: "2026-11-25T00:00:00+09:00")
        == expected("20261205T043000Z"))
    #expect(
      try stamps(now: "2026-12-24T10:00:00+09:00")
        == expected("20261205T043000Z"))
    // `publish` (already past), then `updated` (midnight in Japan) before it.
    try original.replacingOccurrences(
      of: "title: DXセミナー\n", with: "title: DXセミナー\npublish: 2026-11-01T08:00:00+09:00\n"
    ).write(to: seminar, atomically: true, encoding: .utf8)
    #expect(
      try stamps(now: "2026-11-25T00:00:00+09:00")
        == expected("20261031T230000Z"))
    try original.replacingOccurrences(
      of: "title: DXセミナー\n",
      with: "title: DXセミナー\npublish: 2026-11-01T08:00:00+09:00\nupdated: 2026-11-20\n"
    ).write(to: seminar, atomically: true, encoding: .utf8)
    #expect(
      try stamps(now: "2026-11-25T00:00:00+09:00")
        == expected("20261119T150000Z"))
  }

  /// 更新情報: pages with an `updated` date, newest first, on the home page (the latest),
  /// their own page and an Atom feed; without any, the home page has no such section.
  @Test func updatesListPagesByTheirUpdatedDate() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    func text(_ path: String) throws -> String {
      String(decoding: try Data(contentsOf: output.appendingPathComponent(path)), as: UTF8.self)
    }
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    #expect(try !text("index.html").contains("更新情報の一覧を見る"))
    #expect(try text("updates/index.html").contains("更新したページは、まだありません。"))
    // An empty feed does not carry the build clock (an incremental build would keep an old one).
    var later = options(content: content, output: output.appendingPathExtension("later"))
    later.now = try #require(DateTime(iso: "2027-03-01T12:00:00+09:00"))
    #expect(SiteBuilder.build(later).succeeded)
    #expect(
      try Data(contentsOf: output.appendingPathComponent("updates/feed.xml"))
        == Data(contentsOf: later.outputDirectory.appendingPathComponent("updates/feed.xml")))

    try edit(content.appendingPathComponent("strategy/basics.md")) {
      $0.replacingOccurrences(of: "\ntitle:", with: "\nupdated: 2026-10-01\ntitle:")
    }
    try edit(content.appendingPathComponent("initiatives/cyber-security.md")) {
      $0.replacingOccurrences(of: "\ntitle:", with: "\nupdated: 2026-11-20\ntitle:")
    }
    let report = SiteBuilder.build(options(content: content, output: output))
    try #require(report.succeeded, "\(report.diagnostics.map(\.text))")

    let home = try text("index.html")
    #expect(home.contains("<h2 id=\"updates-heading\">更新情報</h2>"))
    let newest = try #require(home.range(of: "サイバー空間の脅威への対処</a>"))
    let older = try #require(home.range(of: "基本的な考え方</a></h3><p class=\"card-date\">"))
    #expect(newest.lowerBound < older.lowerBound)
    let kind = "<span class=\"card-kind\"><span class=\"visually-hidden\">、</span>"
    #expect(home.contains("<time datetime=\"2026-11-20\">2026年11月20日（金）</time>更新\(kind)取組</span>"))

    let list = try text("updates/index.html")
    #expect(list.contains("<h1 id=\"page-title\">更新情報</h1>"))
    #expect(list.contains("<time datetime=\"2026-10-01\">2026年10月1日（木）</time>更新\(kind)戦略</span>"))

    let feed = try text("updates/feed.xml")
    #expect(feed.contains("<title>テストポータル：更新情報</title>"))
    #expect(feed.contains("<updated>2026-11-20T00:00:00+09:00</updated>\n<author>"))
    let entries = feed.components(separatedBy: "<entry>").dropFirst().map {
      $0.components(separatedBy: "<id>")[1].components(separatedBy: "</id>")[0]
    }
    #expect(
      entries == [
        "https://dx.example.jp/initiatives/cyber-security/",
        "https://dx.example.jp/strategy/basics/",
      ])
    // Search engines get the date too.
    #expect(
      try text("sitemap.xml").contains(
        "<url><loc>https://dx.example.jp/initiatives/cyber-security/</loc><lastmod>2026-11-20</lastmod></url>"
      ))
    // Every page offers the feed to feed readers.
    #expect(
      try text("glossary/ai/index.html").contains(
        "type=\"application/atom+xml\" title=\"テストポータル：更新情報\" href=\"/updates/feed.xml\""))
  }

  @Test func sameInputSameBytes() throws {
    let content = try copyFixture()
    let a = content.deletingLastPathComponent().appendingPathComponent("a")
    let b = content.deletingLastPathComponent().appendingPathComponent("b")
    #expect(SiteBuilder.build(options(content: content, output: a)).succeeded)
    #expect(SiteBuilder.build(options(content: content, output: b)).succeeded)
    let (sa, sb) = (snapshot(a), snapshot(b))
    #expect(sa.keys.sorted() == sb.keys.sorted())
    for key in sa.keys where !key.hasPrefix("/.portal/cache") {
      #expect(sa[key] == sb[key], "\(key) differs")
    }
  }

  /// An event's feed entry is dated when it last changed (`updated`, else `publish`, else,
  /// once it is over, when it ended: the forum has no end, so the end of its day); the feed at
  /// the latest of them.
  @Test func eventsFeedEntriesAreDatedByTheirLastChange() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let seminar = content.appendingPathComponent("events/seminar.md")
    let text = try String(contentsOf: seminar, encoding: .utf8)
    try text.replacingOccurrences(of: "place: 千葉県庁\n", with: "place: 千葉県庁\nupdated: 2026-11-02\n")
      .write(to: seminar, atomically: true, encoding: .utf8)
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    let feed = try String(
      contentsOf: output.appendingPathComponent("events/feed.xml"), encoding: .utf8)
    let updated = feed.components(separatedBy: "<updated>").dropFirst().map {
      $0.components(separatedBy: "</updated>")[0]
    }
    // The feed, then the upcoming seminar (updated), then the past forum (its day's end).
    #expect(
      updated == [
        "2026-11-02T00:00:00+09:00", "2026-11-02T00:00:00+09:00", "2026-09-11T00:00:00+09:00",
      ])
  }

  @Test func failedBuildLeavesPreviousSiteUntouched() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    let before = snapshot(output)
    // Break front matter and a link.
    let file = content.appendingPathComponent("initiatives/ai-disaster.md")
    var text = try String(contentsOf: file, encoding: .utf8)
    text = text.replacingOccurrences(of: "status: active", with: "status: actve")
    text += "\n[壊れたリンク](missing.md)\n"
    try text.write(to: file, atomically: true, encoding: .utf8)
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(!report.succeeded)
    let got = report.diagnostics.map {
      "\($0.location.line):\($0.location.column) \($0.code ?? "")"
    }
    #expect(got == ["5:9 front-matter.value", "14:1 content.broken-link"])
    #expect(report.diagnostics[1].location.file.hasSuffix("initiatives/ai-disaster.md"))
    #expect(snapshot(output) == before)
    let leftovers = try FileManager.default.contentsOfDirectory(
      atPath: output.deletingLastPathComponent().path)
    #expect(leftovers.sorted() == ["content", "site"])
  }

  /// `--strict` (CI): a warning stops the build before anything is written, and a build with
  /// nothing to do still fails on the warnings it found last time.
  @Test func strictBuildsStopOnWarnings() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    var strict = options(content: content, output: output)
    strict.strict = true
    let first = SiteBuilder.build(strict)
    #expect(first.succeeded && first.diagnostics.isEmpty)
    let before = snapshot(output)
    // A year slipped in `updated`: a warning, not an error.
    let file = content.appendingPathComponent("initiatives/ai-disaster.md")
    let text = try String(contentsOf: file, encoding: .utf8)
    try text.replacingOccurrences(of: "title:", with: "updated: 2026-11-27\ntitle:")
      .write(to: file, atomically: true, encoding: .utf8)
    let report = SiteBuilder.build(strict)
    #expect(!report.succeeded)
    #expect(report.diagnostics.map(\.code) == ["content.future-updated"])
    #expect(report.summary.hasPrefix("Build failed: 0 error(s), 1 warning(s) (--strict"))
    #expect(snapshot(output) == before)
    // Without --strict the same content builds, with its warning.
    let relaxed = SiteBuilder.build(options(content: content, output: output))
    #expect(relaxed.succeeded && relaxed.diagnostics.count == 1)
    let upToDate = SiteBuilder.build(strict)
    #expect(upToDate.mode == .upToDate && !upToDate.succeeded)
    // On the day itself the warning is gone, although no file changed.
    strict.now = DateTime(iso: "2026-11-27T00:00:00+09:00")!
    let onTheDay = SiteBuilder.build(strict)
    #expect(
      onTheDay.succeeded && onTheDay.diagnostics.isEmpty, "\(onTheDay.diagnostics.map(\.text))")
  }

  @Test func refusesToReplaceFoldersThatAreNotOutput() throws {
    let content = try copyFixture()
    let precious = content.deletingLastPathComponent().appendingPathComponent("documents")
    try FileManager.default.createDirectory(at: precious, withIntermediateDirectories: true)
    try Data("keep".utf8).write(to: precious.appendingPathComponent("letter.txt"))
    let report = SiteBuilder.build(options(content: content, output: precious))
    #expect(!report.succeeded)
    #expect(report.diagnostics.first?.code == "output.unsafe")
    #expect(
      FileManager.default.fileExists(atPath: precious.appendingPathComponent("letter.txt").path))
    // Output over the content folder is refused too.
    let over = SiteBuilder.build(
      options(content: content, output: content.deletingLastPathComponent()))
    #expect(over.diagnostics.first?.code == "output.unsafe")
    // Said as what it is: the content folder itself, inside it, or holding it; with the rule.
    let real = OutputWriter.realPath(content.standardizedFileURL.path)
    for (output, words) in [
      // The same folder twice (`--static site` too): not told to use `site`, which it is.
      (
        content,
        "is also a folder the build reads (--content, --theme or --static); give each its own folder"
      ),
      (content.appendingPathComponent("site"), "is inside \(real), a folder the build reads"),
      (content.deletingLastPathComponent(), "holds \(real), a folder the build reads"),
    ] {
      let d = try #require(
        SiteBuilder.build(options(content: content, output: output)).diagnostics.first)
      #expect(d.message.contains(words), "\(d.message)")
      #expect(d.hint?.contains("replaces its output folder") == true)
    }
  }

  @Test func outputPathsCannotEscape() {
    #expect(OutputWriter.safeRelative("initiatives/a/index.html"))
    #expect(!OutputWriter.safeRelative("../etc/passwd"))
    #expect(!OutputWriter.safeRelative("/etc/passwd"))
    #expect(!OutputWriter.safeRelative("a/../../b"))
    #expect(!OutputWriter.safeRelative("a//b"))
  }
}

@Suite struct GlossaryUsersTests {
  /// A common term lists its first pages and hands the rest to search, so its entry stays small.
  @Test func aCommonTermListsTheFirstPagesAndLinksToSearch() throws {
    let content = try copyFixture()
    for n in 1...25 {
      try """
      ---
      title: 取組\(n)
      summary: DXの取組です。
      fields: [safety]
      ---

      DXを進めます。
      """.write(
        to: content.appendingPathComponent("initiatives/extra-\(n).md"), atomically: true,
        encoding: .utf8)
    }
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
    let html = try String(
      contentsOf: output.appendingPathComponent("glossary/dx/index.html"), encoding: .utf8)
    let section = try #require(html.components(separatedBy: "id=\"used-heading\"").last)
    let listed =
      section.components(separatedBy: "</ul>")[0].components(separatedBy: "<li>").count - 1
    #expect(listed == 20)
    // The 25 new initiatives, the fixture's strategy page and its accessibility policy use DX
    // in their bodies: 27 pages.
    #expect(section.contains("ほかに7ページで使われています"))
    #expect(section.contains("href=\"/search/?q=DX\""))
  }
}

/// What a page shows when a resident shares it (LINE, X, Facebook read Open Graph).
@Suite struct ShareCardTests {
  @Test func everyPageSaysItsTitleSummaryAndAddressEscaped() throws {
    let content = try copyFixture()
    let file = content.appendingPathComponent("initiatives/ai-disaster.md")
    let text = try String(contentsOf: file, encoding: .utf8)
    try text.replacingOccurrences(
      of: "title: AIを活用した防災対策", with: "title: 'AIで\"防災\" & <対策>'"
    ).write(to: file, atomically: true, encoding: .utf8)
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
    let page = try String(
      contentsOf: output.appendingPathComponent("initiatives/ai-disaster/index.html"),
      encoding: .utf8)
    for tag in [
      #"<meta property="og:type" content="article">"#,
      #"<meta property="og:title" content="AIで&quot;防災&quot; &amp; &lt;対策&gt;">"#,
      #"<meta property="og:description" content="AIで災害の情報を早く集めます。">"#,
      #"<meta property="og:url" content="https://dx.example.jp/initiatives/ai-disaster/">"#,
      #"<meta property="og:locale" content="ja_JP">"#,
      #"<meta name="twitter:card" content="summary">"#,
    ] {
      #expect(page.contains(tag), "\(tag)")
    }
    let home = try String(
      contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(home.contains(#"<meta property="og:type" content="website">"#))
    #expect(home.contains(#"<meta property="og:url" content="https://dx.example.jp/">"#))
  }
}

/// `--base-url`: the same content published at another address (a preview of a change).
@Suite struct BaseURLTests {
  @Test func anotherAddressMovesEveryLinkAndBackAgain() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    var preview = options(content: content, output: output)
    preview.baseURL = "https://preview.example.jp/pr-12/"
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    // Not "up to date": every address changes.
    let moved = SiteBuilder.build(preview)
    #expect(moved.succeeded && moved.mode == .full)
    let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(home.contains(#"<link rel="canonical" href="https://preview.example.jp/pr-12/">"#))
    #expect(home.contains(#"href="/pr-12/strategy/""#))
    #expect(!home.contains(#"href="/strategy/""#))
    // A preview's pages ask not to be indexed: its sitemap lists none of them.
    let sitemap = try String(
      contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
    #expect(!sitemap.contains("<loc>"))
    #expect(
      try String(contentsOf: output.appendingPathComponent("robots.txt"), encoding: .utf8)
        == "User-agent: *\nDisallow: /\n")
    // Back to site.yml's address: the same bytes as a build that never moved.
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    let fresh = content.deletingLastPathComponent().appendingPathComponent("fresh")
    #expect(SiteBuilder.build(options(content: content, output: fresh)).succeeded)
    #expect(
      snapshot(output).filter { !$0.key.contains(".portal/") }
        == snapshot(fresh).filter { !$0.key.contains(".portal/") })
  }
}
