import Content
import Foundation
import Site
import TestSupport
import Testing

@testable import Render

/// 更新情報 (the home page's latest, /updates/, the updates feed) with scheduled pages: a page
/// with `publish` and no `updated` is listed once it is out, dated by its `publish` time and
/// said to be 公開, not 更新.
@Suite struct UpdatesListTests {
  static let pages = [
    // Out since 2026-11-20 09:00: listed as 公開, first (09:00 is after midnight).
    "news.md": "title: 新しいお知らせ\nsummary: 公開したお知らせです。\npublish: 2026-11-20T09:00:00+09:00\n",
    "changed.md": "title: 変えたページ\nupdated: 2026-11-20\n",
    // Not out yet at 11-25: in no list.
    "later.md": "title: 来月のお知らせ\npublish: 2026-12-01T09:00:00+09:00\nupdated: 2026-12-01\n",
    // Both: `updated` is what the list says.
    "both.md": "title: 両方あるページ\npublish: 2026-10-01\nupdated: 2026-11-01\n",
    "plain.md": "title: 日付のないページ\n",
  ]

  /// Writes the pages above as pages about the site, loads them at `now` as a build does
  /// (leaving out those waiting for their time), renders them with the default theme, and
  /// gives the output files by path.
  func render(at now: String) throws -> [String: String] {
    let content = try temporaryFolder("updates-list").appendingPathComponent("content")
    try FileManager.default.createDirectory(
      at: content.appendingPathComponent("pages"), withIntermediateDirectories: true)
    try "title: テスト\nbase_url: https://x.example/\ndomains: []\n".write(
      to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
    for (name, frontMatter) in Self.pages {
      try "---\n\(frontMatter)---\n\n本文です。\n".write(
        to: content.appendingPathComponent("pages/\(name)"), atomically: true, encoding: .utf8)
    }
    let clock = try #require(DateTime(iso: now))
    let (set, problems) = ContentLoader.load(contentDirectory: content, now: clock)
    #expect(problems.isEmpty, "\(problems.map(\.text))")
    let (site, _) = Resolver.resolve(try #require(set), now: clock)
    return try renderedFiles(site)
  }

  /// The cards' date lines of a list, in order.
  func dates(_ html: String) -> [String] {
    html.components(separatedBy: "<p class=\"card-date\">").dropFirst().map {
      $0.components(separatedBy: "</p>")[0]
    }
  }

  /// The cards' titles of a list, in order.
  func titles(_ html: String) -> [String] {
    html.components(separatedBy: "<h2 class=\"card-title\"><a href=\"").dropFirst().map {
      let link = $0.components(separatedBy: "</a>")[0]
      return String(link.drop { $0 != ">" }.dropFirst())
    }
  }

  @Test func aPublishedPageIsListedAtItsTime() throws {
    let files = try render(at: "2026-11-25T09:00:00+09:00")
    let list = try #require(files["updates/index.html"])
    #expect(
      dates(list) == [
        "<time datetime=\"2026-11-20\">2026年11月20日（金）</time>公開<span class=\"card-kind\"><span class=\"visually-hidden\">、</span>このサイトについて</span>",
        "<time datetime=\"2026-11-20\">2026年11月20日（金）</time>更新<span class=\"card-kind\"><span class=\"visually-hidden\">、</span>このサイトについて</span>",
        "<time datetime=\"2026-11-01\">2026年11月1日（日）</time>更新<span class=\"card-kind\"><span class=\"visually-hidden\">、</span>このサイトについて</span>",
      ])
    // (Every title is in the footer, which lists the pages about the site.)
    #expect(titles(list) == ["新しいお知らせ", "変えたページ", "両方あるページ"])
    let home = try #require(files["index.html"])
    #expect(
      home.contains(
        "</time>公開<span class=\"card-kind\"><span class=\"visually-hidden\">、</span>このサイトについて</span></p>"
      ))
    // The page's own 更新日 is still `updated` alone: a published page shows none.
    #expect(try #require(files["about/news/index.html"]).contains("更新日") == false)
    #expect(try #require(files["about/changed/index.html"]).contains("更新日"))

    let feed = try #require(files["updates/feed.xml"])
    let entries = feed.components(separatedBy: "<entry>").dropFirst()
    #expect(entries.count == 3)
    // The feed's own date is its newest entry's: the publish time, not a midnight.
    #expect(feed.contains("<updated>2026-11-20T09:00:00+09:00</updated>\n<author>"))
    #expect(entries.first?.contains("<updated>2026-11-20T09:00:00+09:00</updated>") == true)
    #expect(
      entries.first?.contains("<summary>2026年11月20日（金）公開　公開したお知らせです。</summary>") == true)
    #expect(
      entries.dropFirst().first?.contains("<updated>2026-11-20T00:00:00+09:00</updated>") == true)
    #expect(entries.dropFirst().first?.contains("<summary>2026年11月20日（金）更新　</summary>") == true)
  }

  /// At its time the scheduled page comes out, listed by its `updated` day.
  @Test func aScheduledPageJoinsTheListWhenItComesOut() throws {
    let files = try render(at: "2026-12-01T09:00:00+09:00")
    let list = try #require(files["updates/index.html"])
    #expect(
      dates(list).first
        == "<time datetime=\"2026-12-01\">2026年12月1日（火）</time>更新<span class=\"card-kind\"><span class=\"visually-hidden\">、</span>このサイトについて</span>"
    )
    #expect(titles(list).first == "来月のお知らせ")
  }
}
