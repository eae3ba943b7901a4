import Testing

@testable import Content
@testable import Render

/// `JapaneseDate.rangeParts`: an event's dates cut into the pieces a `<time datetime>` each
/// holds, whose texts joined are the label residents read (`range`).
@Suite struct EventDatePartsTests {
  func parts(_ start: String, _ end: String? = nil) throws -> [JapaneseDate.Part] {
    let s = try #require(DateTime(iso: start, allowDateOnly: true))
    let e = try end.map { try #require(DateTime(iso: $0, allowDateOnly: true)) }
    let parts = JapaneseDate.rangeParts(s, e)
    #expect(parts.map { $0.label + $0.after }.joined() == JapaneseDate.range(s, e))
    return parts
  }

  func part(_ iso: String, _ label: String, _ after: String = "") -> JapaneseDate.Part {
    JapaneseDate.Part(iso: iso, label: label, after: after)
  }

  @Test func oneDay() throws {
    #expect(try parts("2026-12-20") == [part("2026-12-20", "2026年12月20日（日）")])
    #expect(try parts("2026-12-20", "2026-12-20") == [part("2026-12-20", "2026年12月20日（日）")])
    // A start alone: its instant.
    #expect(
      try parts("2026-12-05T13:30:00+09:00")
        == [part("2026-12-05T13:30:00+09:00", "2026年12月5日（土）13時30分")])
    // Hours on one day: the end is a time, and its instant is on that day.
    #expect(
      try parts("2026-12-05T13:30:00+09:00", "2026-12-05T15:00:00+09:00") == [
        part("2026-12-05T13:30:00+09:00", "2026年12月5日（土）13時30分", "から"),
        part("2026-12-05T15:00:00+09:00", "15時", "まで"),
      ])
  }

  @Test func severalDays() throws {
    #expect(
      try parts("2026-12-20", "2026-12-24") == [
        part("2026-12-20", "2026年12月20日（日）", "から"), part("2026-12-24", "12月24日（木）", "まで"),
      ])
    // Across a month: the end's month is said, its year is not.
    #expect(
      try parts("2027-01-30", "2027-02-02") == [
        part("2027-01-30", "2027年1月30日（土）", "から"), part("2027-02-02", "2月2日（火）", "まで"),
      ])
    #expect(
      try parts("2027-02-13T10:00:00+09:00", "2027-02-14T17:00:00+09:00") == [
        part("2027-02-13T10:00:00+09:00", "2027年2月13日（土）10時", "から"),
        part("2027-02-14T17:00:00+09:00", "2月14日（日）17時", "まで"),
      ])
  }

  @Test func acrossAYear() throws {
    #expect(
      try parts("2026-12-28", "2027-01-05") == [
        part("2026-12-28", "2026年12月28日（月）", "から"), part("2027-01-05", "2027年1月5日（火）", "まで"),
      ])
    #expect(
      try parts("2026-12-28T10:00:00+09:00", "2027-01-05T17:00:00+09:00") == [
        part("2026-12-28T10:00:00+09:00", "2026年12月28日（月）10時", "から"),
        part("2027-01-05T17:00:00+09:00", "2027年1月5日（火）17時", "まで"),
      ])
  }

  /// Written in UTC (copied from a calendar export): the label is on Japan's clock, the
  /// `datetime` the same instant as written; both say 2026年12月6日 0時30分 in Chiba.
  @Test func anotherOffsetIsTheSameInstant() throws {
    #expect(
      try parts("2026-12-05T13:00:00Z", "2026-12-05T15:30:00Z") == [
        part("2026-12-05T13:00:00+00:00", "2026年12月5日（土）22時", "から"),
        part("2026-12-05T15:30:00+00:00", "12月6日（日）0時30分", "まで"),
      ])
  }
}
