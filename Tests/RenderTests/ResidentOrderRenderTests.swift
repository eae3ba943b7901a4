import Content
import Foundation
import Site
import TestSupport
import Testing

@testable import Render

/// The order a resident meets things in: the home page says what the site is and where to go
/// before what is new, and a past year's events are under their months as /events/'s are.
@Suite struct ResidentOrderRenderTests {
  /// A small site with two domains (one the foundation), a strategy chapter listed in 更新情報,
  /// an upcoming event and five past ones (four in 2025, in three months), rendered with the
  /// default theme and `past_events_listed: 1`; the output files by path.
  func render() throws -> [String: String] {
    let content = try temporaryFolder("resident-order").appendingPathComponent("content")
    let site = """
      title: テスト
      base_url: https://x.example/
      past_events_listed: 1
      domains:
        - { id: life, name: 暮らし, fields: [{ id: safety, name: 安全・安心 }] }
        - { id: base, name: 土台づくり, foundation: true, fields: [{ id: skills, name: 人材育成 }] }

      """
    var files = [
      "strategy/basics.md":
        "title: 基本的な考え方\norder: 1\nsummary: 考え方です。\nupdated: 2026-11-20\n",
      "events/class.md":
        "title: スマホ教室\nsummary: 使い方を学びます。\nstart: 2026-12-05T13:30:00+09:00\nplace: 県庁\n",
      "events/forum.md":
        "title: 秋のフォーラム\nsummary: 終わりました。\nstart: 2026-09-10T10:00:00+09:00\nplace: 県庁\n",
    ]
    // 2025: two in June (one written in UTC on 31 May: 1 June in Japan, where it is held),
    // one in March and one on New Year's Day.
    let past = [
      ("june-a", "2025-06-02T10:00:00+09:00"), ("june-b", "2025-05-31T16:00:00Z"),
      ("march", "2025-03-15T10:00:00+09:00"), ("new-year", "2025-01-01T10:00:00+09:00"),
    ]
    for (slug, start) in past {
      files["events/\(slug).md"] =
        "title: 催し\(slug)\nsummary: 去年の催しです。\nstart: \(start)\nplace: 県庁\n"
    }
    try site.write(
      to: content.appendingPathComponent("site.yml").creatingFolder(), atomically: true,
      encoding: .utf8)
    for (path, text) in files {
      try "---\n\(text)---\n\n本文です。\n".write(
        to: content.appendingPathComponent(path).creatingFolder(), atomically: true,
        encoding: .utf8)
    }
    return try renderedFiles(resolvedSite(content))
  }

  /// Where each of `needles` first is in `text`; fails when one is missing.
  func positions(_ needles: [String], in text: String) throws -> [String.Index] {
    try needles.map { try #require(text.range(of: $0), "\($0)").lowerBound }
  }

  /// What the site is and its search, then where to go (the domains, then the foundation),
  /// then what is new (events, 更新情報), then the strategy: news came before the domains.
  @Test func theHomePageSaysWhereToGoBeforeWhatIsNew() throws {
    let home = try #require(try render()["index.html"])
    let at = try positions(
      [
        "<h1 id=\"page-title\">", "role=\"search\"", "<h2 id=\"domains-heading\">",
        "<h3><a href=\"/domains/life/\">暮らし</a></h3>", "<h2 id=\"foundation-heading\">",
        "<h2 id=\"events-heading\">", "/events/class/", "<h2 id=\"updates-heading\">",
        "/strategy/basics/", "<h2 id=\"strategy-heading\">",
      ], in: home)
    #expect(at == at.sorted())
  }

  /// A year's page: a heading per month (h2, newest first as the list was, with its count),
  /// the events' titles a level below, each under the month it begins in, in Japan.
  @Test func aPastYearsEventsAreUnderTheirMonths() throws {
    let files = try render()
    let year = try #require(files["events/past/2025/index.html"])
    func month(_ m: Int, _ count: Int) -> String {
      "<div class=\"month-group\">\n<h2 id=\"month-2025-\(m)\" class=\"month-heading\">2025年\(m)月 "
        + "<span class=\"count\">\(count)件</span></h2>"
    }
    let at = try positions(
      [
        month(6, 2), "/events/june-a/", "/events/june-b/", month(3, 1), "/events/march/",
        month(1, 1), "/events/new-year/", "<h2 id=\"past-years\">",
      ], in: year)
    #expect(at == at.sorted())
    #expect(year.contains("<h3 class=\"card-title\"><a href=\"/events/march/\">"))
    #expect(!year.contains("<h2 class=\"card-title\">"))
    // The newest year, one event: a heading for its month too, as on /events/.
    let latest = try #require(files["events/past/2026/index.html"])
    #expect(latest.contains(">2026年9月 <span class=\"count\">1件</span></h2>"))
  }
}

extension URL {
  /// The URL, its folder made first.
  fileprivate func creatingFolder() throws -> URL {
    try FileManager.default.createDirectory(
      at: deletingLastPathComponent(), withIntermediateDirectories: true)
    return self
  }
}
