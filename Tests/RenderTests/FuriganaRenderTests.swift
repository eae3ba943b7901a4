import Content
import Foundation
import Site
import TestSupport
import Testing

@testable import Render

/// Furigana written in titles, summaries and places: shown as ruby where the page shows the
/// text, plain wherever text must be plain (the tab's title, shared cards, structured data,
/// feeds, the calendar).
@Suite struct FuriganaRenderTests {
  static func ruby(_ base: String, _ reading: String) -> String {
    "<ruby>\(base)<rp>（</rp><rt>\(reading)</rt><rp>）</rp></ruby>"
  }

  /// A small site with an event, a chapter of the strategy and a page about the site, each
  /// written with furigana; its output files by path.
  func render() throws -> [String: String] {
    let content = try temporaryFolder("furigana-render").appendingPathComponent("content")
    let files = [
      "site.yml": "title: テスト\nbase_url: https://x.example/\ndomains: []\n",
      "events/sousa.md":
        "title: \"{匝瑳|そうさ}の{集|つど}い\"\nsummary: \"{防災|ぼうさい}を学びます。\"\nstart: 2026-12-05T13:30:00+09:00\nplace: \"{匝瑳|そうさ}市民ホール\"\n",
      "strategy/basics.md":
        "title: \"{基本|きほん}の考え方\"\norder: 1\nsummary: \"{概要|がいよう}です。\"\n",
      "strategy/detail.md": "title: 詳しく\norder: 2\nparent: basics\n",
      "pages/policy.md": "title: \"{方針|ほうしん}\"\nsummary: \"<b>{太字|ふとじ}</b>\"\n",
      "pages/script.md":
        "title: \"{<script>alert(1)</script>|<script>alert(2)</script>}の話\"\nsummary: 説明です。\n",
    ]
    try writeFiles(
      files.reduce(into: [:]) { written, file in
        written[file.key] =
          file.key.hasSuffix(".md") ? "---\n\(file.value)---\n\n本文です。\n" : file.value
      }, into: content)
    return try renderedFiles(resolvedSite(content))
  }

  @Test func theHeadingSummaryAndPlaceShowRuby() throws {
    let files = try render()
    let event = try #require(files["events/sousa/index.html"])
    let title = "\(Self.ruby("匝瑳", "そうさ"))の\(Self.ruby("集", "つど"))い"
    #expect(event.contains("<h1 id=\"page-title\">\(title)</h1>"))
    #expect(event.contains("<p class=\"lead\">\(Self.ruby("防災", "ぼうさい"))を学びます。</p>"))
    #expect(event.contains("<dd>\(Self.ruby("匝瑳", "そうさ"))市民ホール</dd>"))
    // Where text must be plain: the tab, the shared card, the structured data, the trail.
    #expect(event.contains("<title>匝瑳の集い（2026年12月5日）｜テスト</title>"))
    #expect(event.contains("<meta property=\"og:title\" content=\"匝瑳の集い（2026年12月5日）\">"))
    #expect(event.contains("content=\"防災を学びます。\""))
    #expect(event.contains("\"name\":\"匝瑳の集い\""))
    #expect(event.contains("<span aria-current=\"page\">匝瑳の集い</span>"))
    #expect(!event.contains("{匝瑳") && !event.contains("匝瑳そうさ"))
  }

  @Test func cardsAndListsShowRuby() throws {
    let files = try render()
    let title = "\(Self.ruby("匝瑳", "そうさ"))の\(Self.ruby("集", "つど"))い"
    let events = try #require(files["events/index.html"])
    #expect(events.contains("<a href=\"/events/sousa/\">\(title)</a>"))
    #expect(events.contains("<p class=\"card-place\">会場：\(Self.ruby("匝瑳", "そうさ"))市民ホール</p>"))
    #expect(events.contains("<p>\(Self.ruby("防災", "ぼうさい"))を学びます。</p>"))
    let home = try #require(files["index.html"])
    #expect(home.contains("<a href=\"/events/sousa/\">\(title)</a>"))
    #expect(home.contains("<a href=\"/strategy/basics/\">\(Self.ruby("基本", "きほん"))の考え方</a>"))
    let strategy = try #require(files["strategy/index.html"])
    #expect(strategy.contains("<p>\(Self.ruby("概要", "がいよう"))です。</p>"))
    // The child's trail names its parent plainly; its pager shows the ruby.
    let detail = try #require(files["strategy/detail/index.html"])
    #expect(detail.contains("<a href=\"/strategy/basics/\">基本の考え方</a></li>"))
    #expect(detail.contains("</span> \(Self.ruby("基本", "きほん"))の考え方</a>"))
  }

  /// HTML written around or in the groups is text, escaped by the generator.
  @Test func writtenMarkupIsEscaped() throws {
    let files = try render()
    let about = try #require(files["about/policy/index.html"])
    #expect(
      about.contains("<p class=\"lead\">&lt;b&gt;\(Self.ruby("太字", "ふとじ"))&lt;/b&gt;</p>"))
    #expect(!about.contains("<b>"))
    // `<script>` in the base and in the reading: text on the page and in the lists, plain
    // (escaped) in its head.
    let script = try #require(files["about/script/index.html"])
    let shown = Self.ruby(
      "&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;script&gt;alert(2)&lt;/script&gt;")
    #expect(script.contains("<h1 id=\"page-title\">\(shown)の話</h1>"))
    #expect(script.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;の話｜テスト</title>"))
    #expect(try #require(files["about/index.html"]).contains("\(shown)の話</a>"))
    for (path, html) in files where path.hasSuffix(".html") {
      #expect(!html.contains("<script>alert"), "\(path)")
    }
  }

  /// Feeds and the calendar carry the plain text.
  @Test func feedsAndTheCalendarArePlain() throws {
    let files = try render()
    let feed = try #require(files["events/feed.xml"])
    #expect(feed.contains("<title>匝瑳の集い</title>"))
    #expect(!feed.contains("ruby") && !feed.contains("そうさ"))
    let ics = try #require(files["events/sousa/event.ics"])
    #expect(ics.contains("SUMMARY:匝瑳の集い"))
    #expect(ics.contains("LOCATION:匝瑳市民ホール"))
  }
}
