import Content
import Foundation
import TestSupport
import Testing

@testable import Build

/// Events where residents look for them: /events/ under month headings, an initiative's events
/// upcoming first with the past ones said to be over without JavaScript, and a field's page
/// with its upcoming events. The fixture's seminar (5 December), the all-day exhibition
/// (20–24 December), a class in January and the forum of September, all of the initiative
/// ai-disaster (fields crisis-management and safety).
@Suite struct EventsWhereResidentsLookTests {
  let content: URL
  let output: URL

  init() throws {
    content = try copyFixture()
    output = content.deletingLastPathComponent().appendingPathComponent("site")
    let events = content.appendingPathComponent("events")
    try FileManager.default.copyItem(
      at: Bundle.module.resourceURL!.appendingPathComponent("Fixtures/allday/dx-exhibition.md"),
      to: events.appendingPathComponent("dx-exhibition.md"))
    try """
    ---
    title: スマートフォン教室
    summary: スマートフォンの使い方を学びます。
    start: 2027-01-16T10:00:00+09:00
    place: 千葉市生涯学習センター
    initiatives: [ai-disaster]
    ---

    はじめての方も参加できます。

    """.write(
      to: events.appendingPathComponent("smartphone-class.md"), atomically: true, encoding: .utf8)
    try edit(events.appendingPathComponent("past-forum.md")) {
      $0.replacingOccurrences(
        of: "place: 幕張メッセ\n", with: "place: 幕張メッセ\ninitiatives: [ai-disaster]\n")
    }
  }

  @discardableResult
  func build(at now: String, into folder: URL? = nil) throws -> BuildReport {
    var o = options(content: content, output: folder ?? output)
    o.now = try #require(DateTime(iso: now))
    let report = SiteBuilder.build(o)
    #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
    return report
  }

  func read(_ path: String, in folder: URL? = nil) throws -> String {
    try String(
      contentsOf: (folder ?? output).appendingPathComponent(path), encoding: .utf8)
  }

  /// Where each of `needles` first is in `text`, in their order; fails when one is missing.
  func positions(_ needles: [String], in text: String) throws -> [String.Index] {
    try needles.map { try #require(text.range(of: $0), "\($0)").lowerBound }
  }

  @Test func upcomingEventsAreUnderTheirMonths() throws {
    try build(at: "2026-11-25T00:00:00+09:00")
    let page = try read("events/index.html")
    let upcoming = try #require(page.components(separatedBy: "<h2 id=\"past\">").first)
    let december =
      "<h3 id=\"month-2026-12\" class=\"month-heading\">2026年12月 <span class=\"count\">2件</span></h3>"
    let january =
      "<h3 id=\"month-2027-1\" class=\"month-heading\">2027年1月 <span class=\"count\">1件</span></h3>"
    // Each month's heading before its events, in the list's order; the cards' titles a level
    // below the months'.
    let at = try positions(
      [
        december, "/events/seminar/", "/events/dx-exhibition/", january,
        "/events/smartphone-class/",
      ], in: upcoming)
    #expect(at == at.sorted())
    #expect(upcoming.contains("<h4 class=\"card-title\"><a href=\"/events/seminar/\">"))
    #expect(!upcoming.contains("<h3 class=\"card-title\">"))
    // The past ones stay one list, as before.
    #expect(!page.contains("month-2026-9"))
  }

  /// 関係するイベント without JavaScript: the upcoming ones first, then the past ones, each
  /// saying it is over by the build clock.
  @Test func anInitiativesPastEventsComeLastAndSaySo() throws {
    try build(at: "2026-11-25T00:00:00+09:00")
    let page = try read("initiatives/ai-disaster/index.html")
    let at = try positions(
      [
        "/events/seminar/", "/events/dx-exhibition/", "/events/smartphone-class/",
        "/events/past-forum/",
      ], in: page)
    #expect(at == at.sorted())
    let forum = try #require(
      page.components(separatedBy: "<li class=\"card\"").first {
        $0.contains("/events/past-forum/")
      })
    #expect(forum.contains("<p class=\"card-date\">このイベントは終わりました。</p>"))
    let seminar = try #require(
      page.components(separatedBy: "<li class=\"card\"").first { $0.contains("/events/seminar/") })
    #expect(!seminar.contains("<p class=\"card-date\">このイベントは終わりました。</p>"))
  }

  /// After the seminar is over, an incremental build moves it on the initiative's page as a
  /// full build does: the page's inputs hash which of its events are over.
  @Test func anInitiativesEventsFollowTheClockIncrementally() throws {
    try build(at: "2026-11-25T00:00:00+09:00")
    try build(at: "2026-12-06T00:00:00+09:00")
    let fresh = content.deletingLastPathComponent().appendingPathComponent("fresh")
    try build(at: "2026-12-06T00:00:00+09:00", into: fresh)
    let path = "initiatives/ai-disaster/index.html"
    let page = try read(path)
    #expect(page == (try read(path, in: fresh)))
    let at = try positions(
      ["/events/dx-exhibition/", "/events/seminar/", "/events/past-forum/"], in: page)
    #expect(at == at.sorted())
    let (built, full) = (comparableSite(output), comparableSite(fresh))
    let differing = Set(built.keys).union(full.keys).filter { built[$0] != full[$0] }.sorted()
    #expect(differing.isEmpty, "\(differing)")
  }

  /// A field's page lists the upcoming events of its initiatives, soonest first, and no past
  /// ones; after one is over an incremental build drops it as a full build does.
  @Test func aFieldShowsItsUpcomingEvents() throws {
    try build(at: "2026-11-25T00:00:00+09:00")
    var page = try read("fields/crisis-management/index.html")
    #expect(
      page.contains(
        "<h2 id=\"events-heading\">この分野のこれからのイベント <span class=\"count\">3件</span></h2>"))
    let at = try positions(
      [
        "id=\"events-heading\"", "/events/seminar/", "/events/dx-exhibition/",
        "/events/smartphone-class/", "id=\"initiatives-heading\"",
      ], in: page)
    #expect(at == at.sorted())
    #expect(!page.contains("/events/past-forum/"))
    // A field none of whose initiatives has an event says nothing of events.
    #expect(!(try read("fields/awareness/index.html")).contains("events-heading"))

    try build(at: "2026-12-06T00:00:00+09:00")
    page = try read("fields/crisis-management/index.html")
    #expect(page.contains("この分野のこれからのイベント <span class=\"count\">2件</span>"))
    #expect(!page.contains("/events/seminar/"))
    let fresh = content.deletingLastPathComponent().appendingPathComponent("fresh")
    try build(at: "2026-12-06T00:00:00+09:00", into: fresh)
    #expect(page == (try read("fields/crisis-management/index.html", in: fresh)))
  }

  /// An event under way for months is listed under the build's month, first, not under the
  /// month gone by in which it began; at the next month's start the cache is not up to date,
  /// and an incremental build moves it as a full build does.
  @Test func anEventUnderWayIsListedUnderTheBuildsMonth() throws {
    try """
    ---
    title: デジタル図書館の展示
    summary: 電子書籍の借り方を紹介します。
    start: 2026-11-01
    end: 2027-02-28
    place: 千葉県立中央図書館
    ---

    開いている時間なら、いつでも見られます。

    """.write(
      to: content.appendingPathComponent("events/long-exhibition.md"), atomically: true,
      encoding: .utf8)
    func heading(_ year: Int, _ month: Int, _ count: Int) -> String {
      "<h3 id=\"month-\(year)-\(month)\" class=\"month-heading\">\(year)年\(month)月 "
        + "<span class=\"count\">\(count)件</span></h3>"
    }
    try build(at: "2026-11-25T00:00:00+09:00")
    var page = try read("events/index.html")
    var at = try positions(
      [heading(2026, 11, 1), "/events/long-exhibition/", heading(2026, 12, 2), "/events/seminar/"],
      in: page)
    #expect(at == at.sorted())

    // In December it is December's, with the seminar over and the exhibition of the 20th.
    let report = try build(at: "2026-12-06T00:00:00+09:00")
    #expect(report.mode != .upToDate)
    page = try read("events/index.html")
    #expect(!page.contains("month-2026-11"))
    at = try positions(
      [heading(2026, 12, 2), "/events/long-exhibition/", "/events/dx-exhibition/"], in: page)
    #expect(at == at.sorted())
    let fresh = content.deletingLastPathComponent().appendingPathComponent("fresh")
    try build(at: "2026-12-06T00:00:00+09:00", into: fresh)
    #expect(page == (try read("events/index.html", in: fresh)))

    // The next month's start is a clock boundary: the exhibition of the 20th is over by then,
    // and the long one moves on to January, as a full build has it.
    #expect(try build(at: "2026-12-06T12:00:00+09:00").mode == .upToDate)
    try build(at: "2027-01-01T00:00:00+09:00")
    page = try read("events/index.html")
    at = try positions(
      [heading(2027, 1, 2), "/events/long-exhibition/", "/events/smartphone-class/"], in: page)
    #expect(at == at.sorted())
    try build(at: "2027-01-01T00:00:00+09:00", into: fresh)
    #expect(page == (try read("events/index.html", in: fresh)))
  }

  /// An event page's `<title>` names its day (from its first day, over several days), and says
  /// 【中止】 once it is called off: a monthly 相談会 has one title each time, and a tab or a
  /// search engine's result told them apart by nothing.
  @Test func anEventsTitleNamesItsDay() throws {
    try build(at: "2026-11-25T00:00:00+09:00")
    #expect(try read("events/seminar/index.html").contains("（2026年12月5日）｜"))
    #expect(
      try read("events/dx-exhibition/index.html").contains(
        "<title>ちばのDX展 2026（例）（2026年12月20日から）｜"))
    try edit(content.appendingPathComponent("events/dx-exhibition.md")) {
      $0.replacingOccurrences(of: "fee: 無料\n", with: "fee: 無料\nstatus: cancelled\n")
    }
    try build(at: "2026-11-25T00:00:00+09:00")
    #expect(
      try read("events/dx-exhibition/index.html").contains(
        "<title>【中止】ちばのDX展 2026（例）（2026年12月20日から）｜"))
    // And so does the card a page shared in LINE or X shows.
    #expect(
      try read("events/dx-exhibition/index.html").contains(
        "<meta property=\"og:title\" content=\"【中止】ちばのDX展 2026（例）（2026年12月20日から）\">"))
  }
}
