import Foundation
import Testing

@testable import Content
@testable import Render

/// An all-day event (`start: 2026-12-20`, `end: 2026-12-24`) as residents, calendars, search
/// engines and feed readers get it: days, no times.
@Suite struct AllDayEventRenderTests {
  func event(_ start: String, _ end: String? = nil) throws -> EventMeta {
    EventMeta(
      title: "デジタル体験フェア", summary: "体験できます。",
      start: try #require(DateTime(iso: start, allowDateOnly: true)),
      end: try end.map { try #require(DateTime(iso: $0, allowDateOnly: true)) }, place: "千葉県立美術館",
      online: nil, registration: nil, deadline: nil, capacity: nil, fee: nil, audience: nil,
      accessibility: [], initiatives: [])
  }

  /// The event's calendar entry, line by line.
  func lines(_ m: EventMeta) -> [String] {
    Feeds.vevent(
      slug: "fair", title: "デジタル体験フェア", url: "/events/fair/", m, host: "dx.example.jp",
      absolute: { "https://dx.example.jp" + $0 },
      changed: DateTime(epochSeconds: 1_793_000_000, offsetSeconds: 9 * 3600)
    ).components(separatedBy: "\r\n")
  }

  @Test func daysAreShownWithoutTimes() throws {
    func shown(_ m: EventMeta) -> String { JapaneseDate.range(m.start, m.end) }
    #expect(try shown(event("2026-12-20")) == "2026年12月20日（日）")
    #expect(try shown(event("2026-12-20", "2026-12-20")) == "2026年12月20日（日）")
    #expect(try shown(event("2026-12-20", "2026-12-24")) == "2026年12月20日（日）から12月24日（木）まで")
    // The year again only across years.
    #expect(
      try shown(event("2026-12-28", "2027-01-05")) == "2026年12月28日（月）から2027年1月5日（火）まで")
  }

  /// `VALUE=DATE`, and DTEND the day after the last (RFC 5545: the end is exclusive).
  @Test func calendarEntriesAreWholeDays() throws {
    let several = try lines(event("2026-12-20", "2026-12-24"))
    #expect(several.contains("DTSTART;VALUE=DATE:20261220"))
    #expect(several.contains("DTEND;VALUE=DATE:20261225"))
    #expect(!several.contains { $0.hasPrefix("DTSTART:") || $0.hasPrefix("DTEND:") })
    // One day; the last day of a month and of a year roll over.
    #expect(try lines(event("2026-12-20")).contains("DTEND;VALUE=DATE:20261221"))
    #expect(try lines(event("2027-02-27", "2027-02-28")).contains("DTEND;VALUE=DATE:20270301"))
    #expect(try lines(event("2026-12-31")).contains("DTEND;VALUE=DATE:20270101"))
    // Still CRLF lines of 75 octets at most.
    for line in several { #expect(line.utf8.count <= 75) }
    // A timed event keeps its UTC times; without an end it has no DTEND (RFC 5545 allows it),
    // not an hour the content never gave.
    let timed = try lines(event("2026-12-05T13:30:00+09:00"))
    #expect(timed.contains("DTSTART:20261205T043000Z"))
    #expect(!timed.contains { $0.hasPrefix("DTEND") })
    let ending = try lines(event("2026-12-05T13:30:00+09:00", "2026-12-05T15:00:00+09:00"))
    #expect(ending.contains("DTEND:20261205T060000Z"))
  }

  /// A cancelled event in a calendar: STATUS for the apps that read it, 【中止】 for the ones that
  /// show the title alone; a postponed one TENTATIVE, the nearest iCalendar has. Search engines
  /// get schema.org's eventStatus.
  @Test func aCalledOffEventSaysSoInCalendarsAndStructuredData() throws {
    var m = try event("2026-12-20")
    #expect(!lines(m).contains { $0.hasPrefix("STATUS") })
    m.status = .cancelled
    #expect(lines(m).contains("STATUS:CANCELLED"))
    #expect(lines(m).contains("SUMMARY:【中止】デジタル体験フェア"))
    m.status = .postponed
    #expect(lines(m).contains("STATUS:TENTATIVE"))
    #expect(lines(m).contains("SUMMARY:【延期】デジタル体験フェア"))
    for (status, schema) in [
      (EventStatus?.none, "EventScheduled"), (.cancelled, "EventCancelled"),
      (.postponed, "EventPostponed"),
    ] {
      let json = Feeds.eventJSONLD(
        name: m.title, description: m.summary, start: m.startISO, end: nil, place: m.place,
        online: nil, url: "https://dx.example.jp/events/fair/", status: status)
      #expect(json.contains("\"eventStatus\":\"https://schema.org/\(schema)\""), "\(schema)")
    }
  }

  @Test func structuredDataHasDates() throws {
    let page = try event("2026-12-20", "2026-12-24")
    let json = Feeds.eventJSONLD(
      name: page.title, description: page.summary, start: page.startISO, end: page.endISO,
      place: page.place, online: nil, url: "https://dx.example.jp/events/fair/")
    #expect(json.contains("\"startDate\":\"2026-12-20\""))
    #expect(json.contains("\"endDate\":\"2026-12-24\""))
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    #expect(object?["startDate"] as? String == "2026-12-20")
  }

  /// Atom's `updated` is when the entry changed, never after the build: `updated`, `publish`,
  /// when the event ended once it is over, else the fixed instant of "unknown".
  @Test func feedEntriesAreNeverDatedInTheFuture() throws {
    let now = try #require(DateTime(iso: "2026-12-03T09:00:00+09:00"))
    let fair = try event("2027-01-23", "2027-01-31")
    #expect(Feeds.entryChange(updated: nil, publish: nil, fair, now: now) == nil)
    #expect(
      Feeds.entryChange(
        updated: LocalDate(year: 2026, month: 11, day: 20), publish: nil, fair, now: now)?
        .description == "2026-11-20T00:00:00+09:00")
    let published = try #require(DateTime(iso: "2026-11-01T09:00:00+09:00"))
    #expect(Feeds.entryChange(updated: nil, publish: published, fair, now: now) == published)
    // Over: from the midnight after its last day in Japan.
    let after = try #require(DateTime(iso: "2027-02-01T00:00:00+09:00"))
    #expect(
      Feeds.entryChange(updated: nil, publish: nil, fair, now: after)?.description
        == "2027-02-01T00:00:00+09:00")
    let lastDay = try #require(DateTime(iso: "2027-01-31T23:59:59+09:00"))
    #expect(Feeds.entryChange(updated: nil, publish: nil, fair, now: lastDay) == nil)
  }
}
