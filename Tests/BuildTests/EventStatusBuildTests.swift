import Content
import Foundation
import TestSupport
import Testing

@testable import Build

/// An event called off (`status: cancelled`) where residents meet it: its page says so at the
/// top and offers no way to apply, join or add it to a calendar as if it were on; its cards in
/// the list, on the home page and on its initiative's page say 中止 instead of how to apply;
/// portal.js is given no times to say 開催中 by.
@Suite struct EventStatusBuildTests {
  @Test func aCancelledEventSaysSoEverywhere() throws {
    let content = try copyFixture()
    let seminar = content.appendingPathComponent("events/seminar.md")
    let text = try String(contentsOf: seminar, encoding: .utf8)
    try text.replacingOccurrences(of: "place: 千葉県庁\n", with: "place: 千葉県庁\nstatus: cancelled\n")
      .write(to: seminar, atomically: true, encoding: .utf8)
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    var settings = options(content: content, output: output)
    settings.now = DateTime(iso: "2026-12-01T09:00:00+09:00")!
    let report = SiteBuilder.build(settings)
    try #require(report.succeeded, "\(report.diagnostics.map(\.text))")
    func read(_ path: String) throws -> String {
      try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }
    let page = try read("events/seminar/index.html")
    #expect(
      page.contains(
        #"<p class="notice notice-status"><span class="status status-cancelled">中止</span> このイベントは中止になりました。</p>"#
      ))
    #expect(page.contains("<dd>受付はありません（中止）</dd>"))
    for gone in [
      "参加を申し込む", "オンラインで参加するページ", "button-secondary\" href=\"/events/seminar/event.ics",
      "data-ends", "いま開催中です",
    ] {
      #expect(!page.contains(gone), "\(gone)")
    }
    #expect(page.contains(#""eventStatus":"https://schema.org/EventCancelled""#))
    #expect(try read("events/seminar/event.ics").contains("STATUS:CANCELLED\r\n"))

    let card =
      #"<p class="card-date"><span class="status status-cancelled">中止</span> このイベントは中止になりました。</p>"#
    for list in ["events/index.html", "index.html", "initiatives/ai-disaster/index.html"] {
      let html = try read(list)
      #expect(html.contains(card), "\(list)")
    }
    let list = try read("events/index.html")
    let item = try #require(list.range(of: "DXセミナー")).lowerBound
    let itemEnd = try #require(list[item...].range(of: "</li>")).upperBound
    #expect(!list[item..<itemEnd].contains("申し込み："))
    #expect(!list[..<item].suffix(400).contains(#"data-starts="2026"#))
  }

  /// Over, a cancelled event is listed among the past ones as called off, not as if it took
  /// place.
  @Test func aPastCancelledEventSaysSoInThePastList() throws {
    let content = try copyFixture()
    let forum = content.appendingPathComponent("events/past-forum.md")
    let text = try String(contentsOf: forum, encoding: .utf8)
    try text.replacingOccurrences(of: "place: 幕張メッセ\n", with: "place: 幕張メッセ\nstatus: cancelled\n")
      .write(to: forum, atomically: true, encoding: .utf8)
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    try #require(SiteBuilder.build(options(content: content, output: output)).succeeded)
    let list = try String(
      contentsOf: output.appendingPathComponent("events/index.html"), encoding: .utf8)
    let item = try #require(list.range(of: "過去のフォーラム")).lowerBound
    let itemEnd = try #require(list[item...].range(of: "</li>")).upperBound
    #expect(list[item..<itemEnd].contains("このイベントは中止になりました。"))
    let page = try String(
      contentsOf: output.appendingPathComponent("events/past-forum/index.html"), encoding: .utf8)
    #expect(page.contains("このイベントは中止になりました。"))
    #expect(!page.contains("このイベントは終わりました。"))
  }
}
