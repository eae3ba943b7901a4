import Content
import Foundation
import Search
import TestSupport
import Testing

@testable import Build

/// An all-day event over several days (`start: 2026-12-20`, `end: 2026-12-24`, the shipped
/// style's fixture `Fixtures/allday/dx-exhibition.md`) on its page, in the lists, the
/// calendars, the feed and the search, and upcoming until its last day is over in Japan.
@Suite struct AllDayEventBuildTests {
  let content: URL
  let output: URL

  init() throws {
    content = try copyFixture()
    output = content.deletingLastPathComponent().appendingPathComponent("site")
    try FileManager.default.copyItem(
      at: Bundle.module.resourceURL!.appendingPathComponent("Fixtures/allday/dx-exhibition.md"),
      to: content.appendingPathComponent("events/dx-exhibition.md"))
  }

  func build(at now: String, into folder: URL? = nil) throws -> BuildReport {
    var o = options(content: content, output: folder ?? output)
    o.now = try #require(DateTime(iso: now))
    let report = SiteBuilder.build(o)
    #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
    return report
  }

  func read(_ path: String) throws -> String {
    try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
  }

  /// The upcoming section of the events page, and the past one.
  func eventLists() throws -> (upcoming: String, past: String) {
    let parts = try read("events/index.html").components(separatedBy: "<h2 id=\"past\">")
    return (parts[0], parts[1])
  }

  @Test func shownAsDaysEverywhere() throws {
    _ = try build(at: "2026-11-25T00:00:00+09:00")
    let page = try read("events/dx-exhibition/index.html")
    #expect(
      page.contains(
        "<time datetime=\"2026-12-20\">2026年12月20日（日）</time>から<time datetime=\"2026-12-24\">12月24日（木）</time>まで"
      ))
    #expect(page.contains("\"endDate\":\"2026-12-24\""))
    #expect(page.contains("\"startDate\":\"2026-12-20\""))
    // portal.js says it is over from the midnight after the last day, on the reader's clock.
    #expect(page.contains("data-ends=\"2026-12-25T00:00:00+09:00\""))

    let (upcoming, _) = try eventLists()
    #expect(
      upcoming.contains(
        "<time datetime=\"2026-12-20\">2026年12月20日（日）</time>から<time datetime=\"2026-12-24\">12月24日（木）</time>まで"
      ))
    // After the seminar of 5 December.
    let seminar = try #require(upcoming.range(of: "/events/seminar/"))
    let fair = try #require(upcoming.range(of: "/events/dx-exhibition/"))
    #expect(seminar.lowerBound < fair.lowerBound)
    // The initiative it names lists it too.
    #expect(
      try read("initiatives/ai-disaster/index.html").contains(
        "<time datetime=\"2026-12-20\">2026年12月20日（日）</time>から<time datetime=\"2026-12-24\">12月24日（木）</time>まで"
      ))

    for path in ["events/dx-exhibition/event.ics", "events/events.ics"] {
      let ics = try read(path)
      #expect(ics.contains("\r\nDTSTART;VALUE=DATE:20261220\r\nDTEND;VALUE=DATE:20261225\r\n"))
    }
    // Dated in the feed by nothing still to come: without `updated` or `publish`, unknown.
    let feed = try read("events/feed.xml")
    let entry = try #require(
      feed.components(separatedBy: "<entry>").first { $0.contains("dx-exhibition") })
    #expect(entry.contains("<updated>1970-01-01T00:00:00Z</updated>"))
    #expect(entry.contains("<summary>2026年12月20日（日）から12月24日（木）まで　"))

    // Found by any of its days, as residents type them.
    let engine = try SearchEngine(directory: output.appendingPathComponent("search"))
    for day in ["12月20日", "12月22日", "12月24日"] {
      #expect(try engine.search(day).map(\.url).contains("/events/dx-exhibition/"), "\(day)")
    }
    #expect(try !engine.search("12月25日").map(\.url).contains("/events/dx-exhibition/"))
  }

  /// On the same day as a timed event, an all-day one comes first: it starts at 00:00.
  @Test func sortsAsStartingAtMidnight() throws {
    try edit(content.appendingPathComponent("events/dx-exhibition.md")) {
      $0.replacingOccurrences(of: "start: 2026-12-20\nend: 2026-12-24", with: "start: 2026-12-05")
    }
    _ = try build(at: "2026-11-25T00:00:00+09:00")
    let (upcoming, _) = try eventLists()
    let seminar = try #require(upcoming.range(of: "/events/seminar/"))
    let fair = try #require(upcoming.range(of: "/events/dx-exhibition/"))
    #expect(fair.lowerBound < seminar.lowerBound)
    #expect(upcoming.contains("<time datetime=\"2026-12-05\">2026年12月5日（土）</time>"))
    #expect(try read("events/dx-exhibition/event.ics").contains("DTEND;VALUE=DATE:20261206\r\n"))
  }

  /// "Today" all through its last day; past from the midnight after it, which is one of the
  /// cache's clock boundaries: a build then is not "up to date", and gives a full build's bytes.
  @Test func upcomingUntilItsLastDayIsOver() throws {
    _ = try build(at: "2026-12-23T23:00:00+09:00")
    // Past 00:00 of the last day (where a timed event's end would be): nothing changed.
    #expect(try build(at: "2026-12-24T23:59:59+09:00").mode == .upToDate)
    var (upcoming, past) = try eventLists()
    #expect(upcoming.contains("/events/dx-exhibition/") && !past.contains("/events/dx-exhibition/"))
    #expect(
      !(try read("events/dx-exhibition/index.html")).contains("<p class=\"notice notice-past\">"))
    #expect(try read("index.html").contains("/events/dx-exhibition/"))

    // Midnight in Japan: over.
    #expect(try build(at: "2026-12-25T00:00:00+09:00").mode == .incremental)
    (upcoming, past) = try eventLists()
    #expect(!upcoming.contains("/events/dx-exhibition/") && past.contains("/events/dx-exhibition/"))
    #expect(
      try read("events/dx-exhibition/index.html").contains(
        "<p class=\"notice notice-past\">このイベントは終わりました。</p>"))
    // Over, the feed dates it by when it ended.
    #expect(try read("events/feed.xml").contains("<updated>2026-12-25T00:00:00+09:00</updated>"))
    let fresh = content.deletingLastPathComponent().appendingPathComponent("fresh")
    _ = try build(at: "2026-12-25T00:00:00+09:00", into: fresh)
    #expect(comparableSite(output) == comparableSite(fresh))
  }
}
