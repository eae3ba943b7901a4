import Testing

@testable import Content

/// Dates typed the way Japanese documents write them get the form to write instead.
@Suite struct DateHintTests {
  @Test(arguments: [
    ("2026/4/1", false, "write `updated: 2026-04-01`"),
    ("2026年4月1日（水）", false, "write `updated: 2026-04-01`"),
    ("令和8年4月1日", false, "write `updated: 2026-04-01`"),
    ("令和元年5月1日", false, "write `updated: 2019-05-01`"),
    ("２０２６－０４－０１", false, "write `updated: 2026-04-01`"),
    ("2026-13-01", false, "there is no month 13; write e.g. `updated: 2026-04-01`"),
    ("2026-02-30", false, "2026年2月 has 28 days; write e.g. `updated: 2026-02-28`"),
    // The month's last day, with the time typed (an unrelated example date read as a typo).
    (
      "2027-02-30T10:00:00+09:00", true,
      "2027年2月 has 28 days; write e.g. `updated: 2027-02-28T10:00:00+09:00`"
    ),
    (
      "2026-12-10T14:00:00", true,
      "add Japan's offset `+09:00`: `updated: 2026-12-10T14:00:00+09:00`"
    ),
    ("2026/12/10 14:00", true, "write `updated: 2026-12-10T14:00:00+09:00`"),
    (
      "2026/12/10", true,
      "write the date and the time, e.g. `updated: 2026-12-10T13:30:00+09:00` (13:30 in Japan)"
    ),
  ])
  func hints(_ text: String, _ withTime: Bool, _ expected: String) {
    #expect(
      DateHints.hint(for: text, key: "updated", takes: withTime ? .dateTime : .date) == expected)
  }

  /// Slips the hint wrote back as they were, or answered by dropping the time typed: a year
  /// outside 0001–9999, minutes past 59, a weekday after a date alone.
  @Test(arguments: [
    (
      "0000-12-24", DateHints.Takes.dateOrDateTime,
      "there is no year 0000 (a year is written with four digits from 0001 to 9999); write e.g. `start: 2026-12-24`"
    ),
    (
      "0000-12-24T10:00:00+09:00", .dateOrDateTime,
      "there is no year 0000 (a year is written with four digits from 0001 to 9999); write e.g. `start: 2026-12-24T10:00:00+09:00`"
    ),
    (
      "10000-01-01", .date,
      "there is no year 10000 (a year is written with four digits from 0001 to 9999); write e.g. `start: 2026-01-01`"
    ),
    (
      "2026-12-24T10:60:00+09:00", .dateOrDateTime,
      "there is no 10:60 (minutes go from 00 to 59); write the time again, e.g. `start: 2026-12-24T11:00:00+09:00`"
    ),
    (
      "2026-12-24T09:99+09:00", .dateOrDateTime,
      "there is no 9:99 (minutes go from 00 to 59); write the time again, e.g. `start: 2026-12-24T09:00:00+09:00`"
    ),
    (
      "12月24日 14時", .dateOrDateTime,
      "the date has no year: write it with its year, e.g. `start: 2026-12-24T14:00:00+09:00`"
    ),
    (
      "12/24", .dateOrDateTime,
      "the date has no year: write it with its year, e.g. `start: 2026-12-24`"
    ),
    ("20271224", .dateOrDateTime, "write `start: 2027-12-24`"),
    ("20271224 10:00", .dateOrDateTime, "write `start: 2027-12-24T10:00:00+09:00`"),
    (
      "2026-12-06（土）", .dateOrDateTime,
      "write `start: 2026-12-06` — but 2026-12-06 is a Sunday, not a Saturday (土) as written: check which is right"
    ),
  ])
  func slipsTheHintRepeatedOrDropped(_ text: String, _ takes: DateHints.Takes, _ expected: String) {
    #expect(DateHints.hint(for: text, key: "start", takes: takes) == expected)
  }

  /// RFC 3339's lower-case `t` and `z` are read; a second 60 (leap seconds) and year 0 are not
  /// dates (23:59:60 became 0時 of the next day, 0000 an invalid `<time datetime>`).
  @Test func edgesOfTheForm() {
    #expect(DateTime(iso: "2026-12-24t10:00:00+09:00")?.description == "2026-12-24T10:00:00+09:00")
    #expect(DateTime(iso: "2026-12-24t01:00:00z") != nil)
    #expect(DateTime(iso: "2026-12-24T23:59:60+09:00") == nil)
    #expect(DateTime(iso: "0000-12-24", allowDateOnly: true) == nil)
    #expect(LocalDate(iso: "0000-12-24") == nil)
    #expect(LocalDate(iso: "0001-01-01") != nil)
  }

  /// A typed time is kept, in the forms Japanese documents write it; a key that takes a date
  /// alone gets the date and time when a time was typed (the hint dropped it: a page
  /// published at midnight instead of 9:00, a deadline moved to the end of the day).
  @Test(arguments: [
    ("2026-12-10 09:00", DateHints.Takes.dateOrDateTime, "write `k: 2026-12-10T09:00:00+09:00`"),
    ("2026年12月10日 9時", .dateOrDateTime, "write `k: 2026-12-10T09:00:00+09:00`"),
    ("2026-12-10 午前9時", .dateOrDateTime, "write `k: 2026-12-10T09:00:00+09:00`"),
    ("2026年12月3日（木）17:00", .dateOrDateTime, "write `k: 2026-12-03T17:00:00+09:00`"),
    ("2027年1月16日 14時", .dateTime, "write `k: 2027-01-16T14:00:00+09:00`"),
    ("2027/1/16 午後2時半", .dateTime, "write `k: 2027-01-16T14:30:00+09:00`"),
    ("２０２７年１月１６日　１４時１５分", .dateTime, "write `k: 2027-01-16T14:15:00+09:00`"),
    ("2027/1/16 正午", .dateTime, "write `k: 2027-01-16T12:00:00+09:00`"),
    ("2027/1/16 午前12時", .dateTime, "write `k: 2027-01-16T00:00:00+09:00`"),
    ("2026-12-10 09:00", .date, "write `k: 2026-12-10`"),
    // 25時 is 1時 of the next day, as timetables write it (ErrorsAuditLateHourTests).
    (
      "2026-12-10 25時", .dateOrDateTime,
      "there is no hour 25 in a day (00 to 23): 25:00 is 1:00 of the next day — write `k: 2026-12-11T01:00:00+09:00`"
    ),
    (
      "2026-12-10 午後13時", .dateTime,
      "write the date and the time, e.g. `k: 2026-12-10T13:30:00+09:00` (13:30 in Japan)"
    ),
    ("2026/12/10", .dateOrDateTime, "write `k: 2026-12-10`"),
  ])
  func typedTimesAreKept(_ text: String, _ takes: DateHints.Takes, _ expected: String) {
    #expect(DateHints.hint(for: text, key: "k", takes: takes) == expected)
  }

  /// A range of times in `start` gives the `end` line too; a weekday that is not the date's
  /// is pointed out (the date or the weekday is wrong), in both languages.
  @Test func aRangeGivesTheEndAndAWrongWeekdayIsPointedOut() {
    #expect(
      DateHints.hint(for: "2026年12月5日 10時〜16時", key: "start", takes: .dateTime)
        == "write `start: 2026-12-05T10:00:00+09:00` and, on a line of its own, `end: 2026-12-05T16:00:00+09:00`"
    )
    #expect(
      DateHints.hint(for: "2026/12/5 10:00-16:30", key: "start", takes: .dateTime)
        == "write `start: 2026-12-05T10:00:00+09:00` and, on a line of its own, `end: 2026-12-05T16:30:00+09:00`"
    )
    #expect(
      DateHints.hint(for: "2026年12月6日（土）10時", key: "start", takes: .dateTime)
        == "write `start: 2026-12-06T10:00:00+09:00` — but 2026-12-06 is a Sunday, not a Saturday (土) as written: check which is right"
    )
    #expect(
      DateHints.hints(for: "2026年12月6日（土）10時", key: "start", takes: .dateTime)?.japanese
        == "`start: 2026-12-06T10:00:00+09:00` と書いてください。ただし、2026-12-06 は日曜日で、書かれた（土）と合いません。日付と曜日のどちらが正しいか確かめてください"
    )
    // The right weekday, and an end that is not `start`'s to give: as before.
    #expect(
      DateHints.hint(for: "2026年12月5日（土）10時", key: "start", takes: .dateTime)
        == "write `start: 2026-12-05T10:00:00+09:00`")
    #expect(
      DateHints.hint(for: "2026年12月5日 10時〜16時", key: "deadline", takes: .dateOrDateTime)
        == "write `deadline: 2026-12-05T10:00:00+09:00`")
  }

  /// `end: 16時` is on the start's day; without one, the writer is told to add the day.
  @Test func aTimeAloneGetsTheEventsDay() throws {
    #expect(
      DateHints.hint(for: "16時", key: "end", takes: .dateTime, day: LocalDate(iso: "2027-01-16"))
        == "write the date too: `end: 2027-01-16T16:00:00+09:00`")
    #expect(
      DateHints.hint(for: "16:30", key: "end", takes: .dateTime)
        == "write the date too: `end: 2026-12-05T16:30:00+09:00` (with the event's day)")
    #expect(DateHints.hint(for: "16時", key: "updated", takes: .date) == nil)
    let event = "---\ntitle: T\nsummary: S\nstart: 2027-01-16T10:00:00+09:00\nend: 16時\n---\n"
    let hints = try parseFile(event, kind: .event).1.compactMap(\.hint)
    #expect(hints.contains("write the date too: `end: 2027-01-16T16:00:00+09:00`"), "\(hints)")
  }

  /// A month and day without a year (`end: 1月3日`, `deadline: 12月20日`) get the year that puts
  /// them nearest the event's start; `start` itself, with nothing to go by, keeps the example.
  @Test(arguments: [
    ("2026-12-28T10:00:00+09:00", "end: 1月3日 16時", "write `end: 2027-01-03T16:00:00+09:00`"),
    ("2026-12-28", "end: 1月3日", "write `end: 2027-01-03`"),
    ("2027-01-16T13:30:00+09:00", "deadline: 12月20日", "write `deadline: 2026-12-20`"),
    ("2026-12-05T10:00:00+09:00", "deadline: 11/30", "write `deadline: 2026-11-30`"),
    ("2026-12-05T10:00:00+09:00", "deadline: 12月20日", "write `deadline: 2026-12-20`"),
  ])
  func aMonthAndDayGetTheStartsYear(_ start: String, _ line: String, _ expected: String) throws {
    let event = "---\ntitle: T\nsummary: S\nstart: \(start)\n\(line)\n---\n"
    let hints = try parseFile(event, kind: .event).1.compactMap(\.hint)
    #expect(hints.contains(expected), "\(hints)")
  }

  /// A start typed the Japanese way gives `end` and `deadline` its day and year, as a valid
  /// one does: the writer types all three alike, and their hints gave an unrelated day.
  @Test func aStartTypedOtherwiseGivesItsDay() throws {
    let event =
      "---\ntitle: T\nsummary: S\nstart: 2026年12月19日（土）13時30分\nend: 15時30分\ndeadline: 1月10日\n---\n"
    let hints = try parseFile(event, kind: .event).1.compactMap(\.hint)
    #expect(
      hints == [
        "write `start: 2026-12-19T13:30:00+09:00`",
        "write the date too: `end: 2026-12-19T15:30:00+09:00`",
        "write `deadline: 2027-01-10`",
      ], "\(hints)")
    #expect(DateHints.meant("令和8年12月19日") == DateTime(iso: "2026-12-19", allowDateOnly: true))
    #expect(DateHints.meant("2026年2月30日") == nil && DateHints.meant("未定") == nil)
  }

  /// An e-mail address in `registration` is told to go in `application` (it was hinted as a
  /// web address without its `https://`); a reading in letters gets the term's own reading as
  /// the example (it was `でぃーえっくす` whatever the term).
  @Test func anEMailToApplyToAndAReadingInLetters() throws {
    let event =
      "---\ntitle: T\nsummary: S\nstart: 2026-12-19T13:30:00+09:00\nregistration: dx@pref.chiba.lg.jp\n---\n"
    #expect(
      try parseFile(event, kind: .event).1.compactMap(\.hint) == [
        "`registration` is the address of a web form; to apply by e-mail, say so in `application`: `application: dx@pref.chiba.lg.jp へメールで申し込んでください。`"
      ])
    let term = "---\nterm: メタバース\nreading: Metaverse\nshort: 仮想の空間です。\n---\n"
    #expect(
      try parseFile(term, kind: .glossary, path: "content/glossary/x.md").1.compactMap(\.hint)
        .first?
        .contains("`reading: めたばーす`") == true)
  }

  /// A start without its year (and no `publish` to take one from): the year is said to be
  /// missing, and the example keeps the month, day and time typed (an unrelated example date,
  /// copied as it was, published the event on the wrong day).
  @Test func aStartWithoutItsYearKeepsWhatWasTyped() throws {
    let event = "---\ntitle: T\nsummary: S\nstart: 12月5日 10時\n---\n"
    let hints = try parseFile(event, kind: .event).1.compactMap(\.hint)
    #expect(
      hints.contains {
        $0
          == "the date has no year: write it with its year, e.g. `start: 2026-12-05T10:00:00+09:00`"
      }, "\(hints)")
    #expect(DateHints.monthAndDay(of: "12月20日")! == (12, 20, ""))
    #expect(DateHints.monthAndDay(of: "16時") == nil && DateHints.monthAndDay(of: "123/4") == nil)
  }

  @Test func notADateAtAll() {
    #expect(DateHints.hint(for: "来年", key: "updated", takes: .date) == nil)
    #expect(DateHints.hint(for: "来月10日", key: "updated", takes: .date) == nil)
  }

  /// `publish` and `deadline` take a date alone or a date and time: a time typed without its
  /// offset is told to add it (the hint dropped the time, publishing 9 hours early).
  @Test func aTimeWithoutOffsetKeepsItsTimeWhereADateAloneIsAllowed() throws {
    let text =
      "---\ntitle: T\nsummary: S\nfields: [f]\npublish: 2026-11-01T09:00:00\n---\n"
    let hints = try parseFile(text, kind: .initiative).1.compactMap(\.hint)
    #expect(
      hints.contains("add Japan's offset `+09:00`: `publish: 2026-11-01T09:00:00+09:00`"),
      "\(hints)")
    let dateOnly = "---\ntitle: T\nsummary: S\nfields: [f]\npublish: 2026/11/1\n---\n"
    #expect(
      try parseFile(dateOnly, kind: .initiative).1.compactMap(\.hint).contains(
        "write `publish: 2026-11-01`"))
  }
}
