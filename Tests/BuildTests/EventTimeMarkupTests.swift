import Foundation
import TestSupport
import Testing

@testable import Build

/// Every place an event's dates are printed gives each end of a range its own `<time
/// datetime>`: one `<time>` with the start's `datetime` around 「…から…まで」 told search engines
/// and calendar extensions that the event was at its start only. The text stays the label
/// residents read (2026年12月28日（月）10時から2027年1月5日（火）17時まで).
@Suite final class EventTimeMarkupTests {
  let root: URL
  let content: URL
  let output: URL

  /// The markup each event's dates are printed with, by slug.
  static let expected: [String: String] = [
    // One day, with times (the fixture's seminar): the end is a time on the same day.
    "seminar":
      "<time datetime=\"2026-12-05T13:30:00+09:00\">2026年12月5日（土）13時30分</time>から<time datetime=\"2026-12-05T15:00:00+09:00\">15時</time>まで",
    // One whole day: the day alone.
    "fair-day": "<time datetime=\"2026-12-12\">2026年12月12日（土）</time>",
    // Whole days across a month: the last day, inclusive.
    "fair-month":
      "<time datetime=\"2027-01-30\">2027年1月30日（土）</time>から<time datetime=\"2027-02-02\">2月2日（火）</time>まで",
    // Across a year, with times: the end says its year, and its instant.
    "camp-year":
      "<time datetime=\"2026-12-28T10:00:00+09:00\">2026年12月28日（月）10時</time>から<time datetime=\"2027-01-05T17:00:00+09:00\">2027年1月5日（火）17時</time>まで",
    // A past year's page.
    "old-fair":
      "<time datetime=\"2025-08-30\">2025年8月30日（土）</time>から<time datetime=\"2025-09-01\">9月1日（月）</time>まで",
  ]

  init() throws {
    content = try copyFixture()
    root = content.deletingLastPathComponent()
    output = root.appendingPathComponent("site")
    try edit(content.appendingPathComponent("site.yml")) { $0 + "past_events_listed: 1\n" }
    try edit(content.appendingPathComponent("events/seminar.md")) {
      $0.replacingOccurrences(
        of: "initiatives: [ai-disaster]\n", with: "initiatives: [ai-disaster]\ntags: [日程]\n")
    }
    for (slug, start, end) in [
      ("fair-day", "2026-12-12", nil), ("fair-month", "2027-01-30", "2027-02-02"),
      ("camp-year", "'2026-12-28T10:00:00+09:00'", "'2027-01-05T17:00:00+09:00'"),
      ("old-fair", "2025-08-30", "2025-09-01"),
    ] {
      try """
      ---
      title: 催し\(slug)
      summary: 日程を確かめる催しです。
      start: \(start)
      \(end.map { "end: \($0)\n" } ?? "")place: 千葉県庁
      initiatives: [ai-disaster]
      tags: [日程]
      ---

      催しです。

      """.write(
        to: content.appendingPathComponent("events/\(slug).md"), atomically: true, encoding: .utf8)
    }
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  func read(_ path: String) throws -> String {
    try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
  }

  /// The text of `html` without its tags, as a reader gets it.
  func text(_ html: String) -> String {
    html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
  }

  @Test func eachEndOfARangeHasItsOwnTime() throws {
    let report = SiteBuilder.build(options(content: content, output: output))
    try #require(report.succeeded, "\(report.diagnostics.map(\.text))")
    let tagFolder = try #require(
      try FileManager.default.contentsOfDirectory(
        atPath: output.appendingPathComponent("tags").path
      )
      .first { !$0.hasSuffix(".html") })
    let upcoming = ["seminar", "fair-day", "fair-month", "camp-year"]
    let pages: [(String, [String])] = [
      ("events/index.html", upcoming), ("events/past/2025/index.html", ["old-fair"]),
      ("index.html", ["seminar", "fair-day", "camp-year"]),
      ("fields/crisis-management/index.html", upcoming),
      ("initiatives/ai-disaster/index.html", upcoming + ["old-fair"]),
      ("tags/\(tagFolder)/index.html", upcoming + ["old-fair"]),
    ]
    for (path, slugs) in pages {
      let page = try read(path)
      for slug in slugs {
        let markup = try #require(Self.expected[slug])
        #expect(page.contains("<p class=\"card-date\">" + markup), "\(path): \(slug)")
      }
    }
    for (slug, markup) in Self.expected {
      let page = try read("events/\(slug)/index.html")
      #expect(page.contains("<dt>日時</dt><dd>" + markup), "\(slug)")
    }
    // A day alone is one element, closed before the hours or the way to take part.
    #expect(!(try read("events/index.html")).contains("2026年12月12日（土）</time>から"))
    // The text is the label residents read: nothing comes between the pieces.
    #expect(
      text(try #require(Self.expected["camp-year"])) == "2026年12月28日（月）10時から2027年1月5日（火）17時まで")
    #expect(text(try #require(Self.expected["fair-month"])) == "2027年1月30日（土）から2月2日（火）まで")
  }
}
