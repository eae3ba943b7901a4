import Testing

@testable import Content
@testable import Render

/// What an event's calendar entry says besides its times: a resident looks at it before the
/// deadline and on the day, perhaps without the page.
@Suite struct EventCalendarDescriptionTests {
  func event(_ extra: (inout EventMeta) -> Void) throws -> EventMeta {
    var m = EventMeta(
      title: "スマホ教室", summary: "スマートフォンの教室です。",
      start: try #require(DateTime(iso: "2027-01-16T13:30:00+09:00")), end: nil,
      place: "中央図書館", online: nil, registration: nil, deadline: nil, capacity: nil, fee: nil,
      audience: nil, accessibility: [], initiatives: [])
    extra(&m)
    return m
  }

  @Test func theDeadlineAndHowToApplyAreSaid() throws {
    let m = try event {
      $0.registration = "https://example.jp/apply?a=1,b=2"
      $0.deadline = DateTime(iso: "2027-01-08", allowDateOnly: true)
      $0.application = "インターネットのほか、電話かファクスでも申し込めます。"
      $0.phone = "043-000-0000"
      $0.fax = "043-000-0001"
      $0.access = "JR本千葉駅から歩いて10分ほど"
    }
    #expect(
      Feeds.description(m)
        == """
        スマートフォンの教室です。
        行き方：JR本千葉駅から歩いて10分ほど
        申し込みの締め切り：2027年1月8日（金）
        申し込みのしかた：インターネットのほか、電話かファクスでも申し込めます。
        申し込みのページ：https://example.jp/apply?a=1,b=2
        電話：043-000-0000
        ファクス：043-000-0001
        """)
    // A deadline with a time says it.
    let timed = try event { $0.deadline = DateTime(iso: "2027-01-08T17:00:00+09:00") }
    #expect(Feeds.description(timed).hasSuffix("\n申し込みの締め切り：2027年1月8日（金）17時"))
    // Without registration, nothing about applying.
    #expect(Feeds.description(try event { _ in }) == "スマートフォンの教室です。")
  }

  /// In the entry, escaped (the form's `,` is `\,`) and folded at 75 octets between
  /// characters: unfolded, it is the description again.
  @Test func escapedAndFoldedInTheEntry() throws {
    let m = try event {
      $0.registration = "https://example.jp/apply?a=1,b=2"
      $0.deadline = DateTime(iso: "2027-01-08", allowDateOnly: true)
      $0.application = String(repeating: "電話かファクスでも申し込めます。", count: 6)
    }
    let entry = Feeds.vevent(
      slug: "class", title: m.title, url: "/events/class/", m, host: "x.example",
      absolute: { "https://x.example" + $0 },
      changed: try #require(DateTime(iso: "2026-11-01T00:00:00+09:00")))
    for line in entry.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75, "\(line)") }
    let unfolded = entry.replacingOccurrences(of: "\r\n ", with: "")
    let description = try #require(
      unfolded.components(separatedBy: "\r\n").first { $0.hasPrefix("DESCRIPTION:") })
    #expect(description == "DESCRIPTION:" + Feeds.icsText(Feeds.description(m)))
    #expect(description.contains("\\n申し込みの締め切り：2027年1月8日（金）\\n"))
    #expect(description.contains("申し込みのページ：https://example.jp/apply?a=1\\,b=2"))
  }
}
