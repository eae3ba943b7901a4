import Content
import Foundation
import TestSupport
import Testing

@testable import Build

/// A past year's page (`past_events_listed: 1`) groups its events by month: an event moved to
/// another month of the year moves under that month's heading in a session (`portal serve`)
/// and in an incremental `portal build`, byte for byte as in a full build. The months are read
/// from the events' starts, which are front matter: the year page's inputs hash them already.
@Suite final class PastYearMonthsBuildTests {
  let root: URL
  let content: URL
  let output: URL

  init() throws {
    content = try copyFixture()
    root = content.deletingLastPathComponent()
    output = root.appendingPathComponent("site")
    try edit(content.appendingPathComponent("site.yml")) { $0 + "past_events_listed: 1\n" }
    for (slug, start) in [
      ("june", "2025-06-02T10:00:00+09:00"), ("march", "2025-03-15T10:00:00+09:00"),
    ] {
      try """
      ---
      title: 催し\(slug)
      summary: 去年の催しです。
      start: \(start)
      place: 千葉県庁
      ---

      終わりました。

      """.write(
        to: content.appendingPathComponent("events/\(slug).md"), atomically: true, encoding: .utf8)
    }
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  /// Builds (in `session`, or alone when nil) and checks the site is that of a full build into
  /// another folder; returns the 2025 page.
  func build(_ session: BuildSession?, _ name: String) throws -> String {
    let o = options(content: content, output: output)
    let report = session.map { SiteBuilder.build(o, session: $0) } ?? SiteBuilder.build(o)
    try #require(report.succeeded, "\(name): \(report.diagnostics.map(\.text))")
    let full = root.appendingPathComponent("full-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: full) }
    #expect(SiteBuilder.build(options(content: content, output: full)).mode == .full)
    let (built, fresh) = (comparableSite(output), comparableSite(full))
    let differing = Set(built.keys).union(fresh.keys).filter { built[$0] != fresh[$0] }.sorted()
    #expect(differing.isEmpty, "\(name): \(differing)")
    return try String(
      contentsOf: output.appendingPathComponent("events/past/2025/index.html"), encoding: .utf8)
  }

  func heading(_ month: Int, _ count: Int) -> String {
    "<h2 id=\"month-2025-\(month)\" class=\"month-heading\">2025年\(month)月 <span class=\"count\">\(count)件</span></h2>"
  }

  @Test func anEventMovedToAnotherMonthMovesUnderItsHeading() throws {
    let session = BuildSession()
    var page = try build(session, "first build")
    #expect(page.contains(heading(6, 1)) && page.contains(heading(3, 1)))

    try edit(content.appendingPathComponent("events/june.md")) {
      $0.replacingOccurrences(of: "start: 2025-06-02", with: "start: 2025-03-20")
    }
    page = try build(session, "june to march, in a session")
    #expect(page.contains(heading(3, 2)) && !page.contains("month-2025-6"))

    // Without a session: 31 January in UTC is 1 February in Japan, the month it is under.
    try edit(content.appendingPathComponent("events/march.md")) {
      $0.replacingOccurrences(
        of: "start: 2025-03-15T10:00:00+09:00", with: "start: 2025-01-31T16:00:00Z")
    }
    page = try build(nil, "march to february, incrementally")
    #expect(page.contains(heading(3, 1)) && page.contains(heading(2, 1)))
    #expect(!page.contains("month-2025-1\""))
  }
}
