import Diagnostics
import Foundation
import Testing

@testable import Content

/// Events of whole days: `start: 2026-12-20`, and `end` its last day.
@Suite struct AllDayEventTests {
  func parse(_ lines: String...) throws -> (EventMeta?, [Diagnostic]) {
    let text = (["---", "title: デジタル体験フェア", "summary: 体験できます。"] + lines + ["---", ""])
      .joined(separator: "\n")
    let (page, diagnostics) = try parseFile(
      text, kind: .event, path: "content/events/fair.md", config: nil)
    guard case .event(let m)? = page?.meta else { return (nil, diagnostics) }
    return (m, diagnostics)
  }

  func described(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message) / \($0.hint ?? "")" }
  }

  @Test func aDateAloneIsAnAllDayEvent() throws {
    let (one, none) = try parse("start: 2026-12-20")
    #expect(none.isEmpty, "\(described(none))")
    let m = try #require(one)
    #expect(m.isAllDay && m.end == nil)
    #expect(m.firstDay == LocalDate(year: 2026, month: 12, day: 20) && m.lastDay == m.firstDay)
    #expect(m.startISO == "2026-12-20" && m.endISO == nil)
    // Quoted, and over several days: `end` is the last day, inclusive.
    let (several, neither) = try parse("start: '2026-12-20'", "end: \"2026-12-24\"")
    #expect(neither.isEmpty, "\(described(neither))")
    let s = try #require(several)
    #expect(s.isAllDay && s.lastDay == LocalDate(year: 2026, month: 12, day: 24))
    #expect(s.startISO == "2026-12-20" && s.endISO == "2026-12-24")
    #expect(s.endsAt.description == "2026-12-25T00:00:00+09:00")
    // One day written twice is one day.
    #expect(try parse("start: 2026-12-20", "end: 2026-12-20").1.isEmpty)
    // A timed event is as before.
    let (timed, _) = try parse("start: 2026-12-05T13:30:00+09:00")
    #expect(timed?.isAllDay == false && timed?.startISO == "2026-12-05T13:30:00+09:00")
  }

  @Test func aLastDayBeforeTheFirstIsAnError() throws {
    let (_, diagnostics) = try parse("start: 2026-12-20", "end: 2026-12-19")
    #expect(
      described(diagnostics) == [
        "5:6 the event ends before it starts: its last day `2026-12-19` is before `start` (2026-12-20) / write the last day of the event, on or after `start` (2026-12-20), e.g. `end: 2026-12-20`"
      ])
    #expect(diagnostics.first?.code == "front-matter.date")
    expectJapanese(diagnostics)
  }

  /// A timed event's end before its start gets an end to write: its time on the start's day
  /// (the day copied from another event), that time in the afternoon (04:00 meant for 16時),
  /// else two hours after the start.
  @Test func anEndBeforeTheStartGetsAnEndToWrite() throws {
    for (end, offered) in [
      ("2026-12-04T16:00:00+09:00", "2026-12-05T16:00:00+09:00"),
      ("2026-12-05T04:00:00+09:00", "2026-12-05T16:00:00+09:00"),
      ("2026-12-05T13:00:00+09:00", "2026-12-05T15:30:00+09:00"),
    ] {
      let (_, diagnostics) = try parse("start: 2026-12-05T13:30:00+09:00", "end: \(end)")
      #expect(
        described(diagnostics) == [
          "5:6 the event ends before it starts / make `end` later than `start` (2026-12-05T13:30:00+09:00), e.g. `end: \(offered)`"
        ])
      #expect(diagnostics.first?.japanese?.hint?.hasSuffix("例：`end: \(offered)`") == true)
    }
  }

  /// An evening event ending after midnight with its date not moved on gets that time the next
  /// day; a morning end for a start just after it is no 11½-hour event in the evening.
  @Test func anOvernightEndIsOfferedTheNextDay() throws {
    for (start, end, offered) in [
      ("2026-12-24T22:00:00+09:00", "2026-12-24T01:00:00+09:00", "2026-12-25T01:00:00+09:00"),
      ("2026-12-24T10:00:00+09:00", "2026-12-24T09:30:00+09:00", "2026-12-24T12:00:00+09:00"),
    ] {
      let (_, diagnostics) = try parse("start: \(start)", "end: \(end)")
      #expect(diagnostics.first?.hint?.hasSuffix("e.g. `end: \(offered)`") == true, "\(start)")
    }
  }

  /// A day and a time together: which was meant? Both correct forms, from the days written.
  @Test func aDateWithATimeIsAnErrorShowingBothForms() throws {
    let (m, diagnostics) = try parse("start: 2026-12-20", "end: 2026-12-24T16:00:00+09:00")
    #expect(
      described(diagnostics) == [
        "5:6 `start` is a date alone (an all-day event), but `end` has a time / write both as dates for an all-day event, `start: 2026-12-20` and `end: 2026-12-24` (its last day), or both with times, `start: 2026-12-20T10:00:00+09:00` and `end: 2026-12-24T16:00:00+09:00`"
      ])
    #expect(m?.end == nil)
    expectJapanese(diagnostics)
    #expect(
      diagnostics.first?.japanese?.hint
        == "終日のイベントなら両方を日付だけで（`start: 2026-12-20` と `end: 2026-12-24`。`end` は最終日）、時刻を決めるなら両方を時刻付きで（`start: 2026-12-20T10:00:00+09:00` と `end: 2026-12-24T16:00:00+09:00`）書いてください"
    )

    let (_, reverse) = try parse("start: 2026-12-20T18:00:00+09:00", "end: 2026-12-20")
    #expect(
      described(reverse) == [
        "5:6 `start` has a time, but `end` is a date alone / write both as dates for an all-day event, `start: 2026-12-20` and `end: 2026-12-20` (its last day), or both with times, `start: 2026-12-20T18:00:00+09:00` and `end: 2026-12-20T20:00:00+09:00`"
      ])
    expectJapanese(reverse)
  }

  /// A time alone for the end of an all-day event gets no hint that makes it a time on that
  /// day, which would be the mixed form.
  @Test func aTimeAloneAfterADayIsNotGivenTheDay() throws {
    let (_, diagnostics) = try parse("start: 2026-12-20", "end: 16時")
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.hint?.contains("2026-12-20T16:00") == false)
  }

  /// Registration may close any time on an all-day event's first day; a later day is a warning.
  @Test func aDeadlineIsComparedWithTheFirstDay() throws {
    let form = "registration: https://example.jp/form"
    #expect(try parse("start: 2026-12-20", form, "deadline: 2026-12-20").1.isEmpty)
    #expect(try parse("start: 2026-12-20", form, "deadline: 2026-12-20T17:00:00+09:00").1.isEmpty)
    let (_, late) = try parse("start: 2026-12-20", form, "deadline: 2026-12-21T09:00:00+09:00")
    #expect(
      described(late) == [
        "6:11 registration closes after the event starts (`start: 2026-12-20`) / write the last day people can apply, before the event: e.g. `deadline: 2026-12-19`"
      ])
    // The deadline's day in Japan: 2026-12-20T15:00Z is already the 21st there.
    #expect(try parse("start: 2026-12-20", form, "deadline: 2026-12-20T15:00:00Z").1.count == 1)
  }

  /// Upcoming until the end of its last day in Japan: "today" all day, not past at 00:00.
  @Test func anAllDayEventIsPastOnlyAfterItsLastDay() throws {
    let m = try #require(try parse("start: 2026-12-20", "end: 2026-12-24").0)
    func past(_ now: String) throws -> Bool { m.isPast(at: try #require(DateTime(iso: now))) }
    #expect(try !past("2026-12-20T00:00:00+09:00"))
    #expect(try !past("2026-12-24T23:59:59+09:00"))
    #expect(try past("2026-12-25T00:00:00+09:00"))
    // The day in Japan, whatever the build machine's zone: 15:00Z is midnight in Chiba.
    #expect(try !past("2026-12-24T14:59:59Z"))
    #expect(try past("2026-12-24T15:00:00Z"))
    #expect(m.pastFrom.description == "2026-12-25T00:00:00+09:00")
    // A timed event is past once its end has gone by, as before: the boundary is a second on.
    let timed = try #require(
      try parse("start: 2026-12-05T13:30:00+09:00", "end: 2026-12-05T15:00:00+09:00").0)
    #expect(!timed.isPast(at: try #require(DateTime(iso: "2026-12-05T15:00:00+09:00"))))
    #expect(timed.isPast(at: try #require(DateTime(iso: "2026-12-05T15:00:01+09:00"))))
    #expect(timed.endsAt.description == "2026-12-05T15:00:00+09:00")
    #expect(timed.ongoingFrom?.description == "2026-12-05T13:30:00+09:00")
  }

  /// A time without an `end`: not over the second it starts (the page said 「終わりました」 at
  /// 10:00:01), but at the end of its day in Japan; and never 開催中, for how long it lasts is
  /// not written.
  @Test func aTimeWithoutAnEndIsOverWhenItsDayIs() throws {
    let m = try #require(try parse("start: 2026-12-06T10:00:00+09:00").0)
    func past(_ now: String) throws -> Bool { m.isPast(at: try #require(DateTime(iso: now))) }
    #expect(try !past("2026-12-06T10:00:01+09:00"))
    #expect(try !past("2026-12-06T23:59:59+09:00"))
    #expect(try past("2026-12-07T00:00:00+09:00"))
    #expect(m.endsAt.description == "2026-12-07T00:00:00+09:00")
    #expect(m.pastFrom.description == "2026-12-07T00:00:00+09:00")
    #expect(m.ongoingFrom == nil)
  }
}
