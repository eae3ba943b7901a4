import Foundation
import Testing

@testable import Build
@testable import Content

/// An event joined online whose address is still to come says so in `place` (as the build's
/// hint for `online: オンライン（Zoom）` asks): the page said 「会場で参加」 with 会場
/// 「オンライン（Zoom）」, and its structured data said the event was held offline.
@Suite struct EventAttendanceTests {
  static func meta(place: String?, online: String? = nil) -> EventMeta {
    EventMeta(
      title: "t", summary: "s", start: DateTime(iso: "2026-12-10T14:00:00+09:00")!, end: nil,
      place: place, online: online, registration: nil, deadline: nil, capacity: nil, fee: nil,
      audience: nil, accessibility: [], initiatives: [])
  }

  @Test func aPlaceThatSaysOnlineIsNoVenue() {
    for place in [
      "オンライン（Zoom）", "ＺＯＯＭで開催", "【オンライン】", "YouTubeでライブ配信", "Online", "ｵﾝﾗｲﾝ（Teams）", "ｗｅｂｅｘ",
    ] {
      let a = Self.meta(place: place).attendance
      #expect(
        a
          == EventAttendance(
            atVenue: false, online: true, placeIsOnline: true, placeSaysOnline: true),
        "\(place)")
    }
    let both = Self.meta(place: "千葉県庁 本庁舎（オンラインでも参加できます）").attendance
    #expect(
      both
        == EventAttendance(atVenue: true, online: true, placeIsOnline: false, placeSaysOnline: true)
    )
    // helper-165: online words with a venue, and an online way said not to be offered.
    for place in [
      "オンライン・千葉県庁 本庁舎（どちらでも参加できます）", "オンラインと千葉県文化会館の両方で開催", "Teamsまたは千葉県庁",
      "Zoomにて配信（会場：千葉県庁）", "オンライン相談センター（千葉市）",
    ] {
      let a = Self.meta(place: place).attendance
      #expect(a.atVenue && a.online && !a.placeIsOnline, "\(place)")
    }
    for place in ["千葉県庁 本庁舎（オンライン配信はありません）", "千葉県文化会館（ライブ配信は行いません）"] {
      let a = Self.meta(place: place).attendance
      #expect(a == EventAttendance(atVenue: true, online: false, placeIsOnline: false), "\(place)")
    }
    #expect(Self.meta(place: "Googleミート").attendance.placeIsOnline)
    #expect(Self.meta(place: "オンライン（Zoom）での開催").attendance.placeIsOnline)
    let venue = Self.meta(place: "千葉県立中央図書館").attendance
    #expect(venue == EventAttendance(atVenue: true, online: false, placeIsOnline: false))
    let address = Self.meta(place: nil, online: "https://example.jp/live").attendance
    #expect(address == EventAttendance(atVenue: false, online: true, placeIsOnline: false))
    #expect(
      Self.meta(place: "オンライン", online: "https://example.jp/live").attendance.atVenue == false)
  }

  @Test func pagesListsAndStructuredDataSayOnline() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let events = content.appendingPathComponent("events")
    try """
    ---
    title: オンライン講座
    summary: 家から参加できる講座です。
    start: 2026-12-10T14:00:00+09:00
    place: オンライン（Zoom）
    ---

    参加のしかたは、申し込んだ方にメールでお知らせします。
    """.write(
      to: events.appendingPathComponent("online-course.md"), atomically: true, encoding: .utf8)
    try """
    ---
    title: 県庁での説明会
    summary: 県庁でも家からでも参加できます。
    start: 2026-12-11T14:00:00+09:00
    place: 千葉県庁 本庁舎（オンラインでも参加できます）
    online: https://example.jp/live
    ---

    説明会です。
    """.write(to: events.appendingPathComponent("both.md"), atomically: true, encoding: .utf8)
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
    func read(_ path: String) throws -> String {
      try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }
    let online = try read("events/online-course/index.html")
    #expect(online.contains("<div><dt>参加のしかた</dt><dd>オンラインで参加</dd></div>"))
    #expect(online.contains("<div><dt>場所</dt><dd>オンライン（Zoom）</dd></div>"), "\(online)")
    #expect(!online.contains("会場で参加"))
    #expect(
      online.contains("\"eventAttendanceMode\":\"https://schema.org/OnlineEventAttendanceMode\""))
    #expect(
      online.contains("\"location\":{\"@type\":\"VirtualLocation\",\"name\":\"オンライン（Zoom）\"}"))
    let both = try read("events/both/index.html")
    #expect(both.contains("<div><dt>参加のしかた</dt><dd>会場かオンラインで参加</dd></div>"))
    #expect(both.contains("<div><dt>会場</dt>"))
    #expect(
      both.contains("\"eventAttendanceMode\":\"https://schema.org/MixedEventAttendanceMode\""))
    let list = try read("events/index.html")
    #expect(list.contains("オンライン（Zoom）"))
    #expect(!list.contains("会場：オンライン（Zoom）"), "\(list)")
    // A place that says it already is not told （オンラインでも参加できます） twice.
    #expect(list.contains("会場：千葉県庁 本庁舎（オンラインでも参加できます）<"), "\(list)")
  }
}
