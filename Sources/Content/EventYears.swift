import Yams

/// An event's year typed wrong: `start: 1926-12-10` or `2062-12-10` for 2026, `end` a year after
/// its start (`2027-12-10` for `2026-12-10`). Each is a valid date, so nothing said so: the
/// event went to 終わったイベント, or stayed at the top of the upcoming ones for decades, and a
/// deadline's warning then suggested a day in 1926. Warnings, as a year-long event can be
/// meant; told only where the year written is the one thing that makes the event odd. Judged
/// from the page alone (its `publish`), not the build's clock, so the parse memo keeps them.
extension PageParser {
  /// How far an event may start before its page is published: a report of a past event put on
  /// the site later is usual within a year.
  static let startBeforePublishDays = 366
  /// How far ahead of its page an event may start: two years is far for a notice.
  static let startAfterPublishDays = 731
  /// An event this long whose `end` in its start's year would follow the start is a slip of
  /// the year.
  static let longEventDays = 300

  /// Warns of a year slip in `start` (against `publish`) or `end` (against `start`); true when
  /// `start` was warned of, so that other checks do not build hints on its year.
  static func eventYearSlips(
    _ y: inout YAMLFields, start: DateTime, end: DateTime?, publish: DateTime?
  ) -> Bool {
    let first = start.inJapan.local.date
    if let publish {
      let published = publish.inJapan.local.date
      let days = dayNumber(first) - dayNumber(published)
      if days < -startBeforePublishDays || days > startAfterPublishDays {
        let year = DateHints.yearOnOrAfter(publish)(first.month, first.day)
        let fixedStart = changingYear(start, to: year)
        var written = "`start: \(shown(fixedStart))`"
        var writtenJa = written
        if let end, end.inJapan.local.date.year == first.year {
          let fixedEnd = changingYear(end, to: end.inJapan.local.date.year + year - first.year)
          written += " and `end: \(shown(fixedEnd))`"
          writtenJa += " と `end: \(shown(fixedEnd))`"
        }
        let years = abs(first.year - published.year)
        let (away, awayJa) =
          days < 0
          ? ("\(years) \(years == 1 ? "year" : "years") before", "\(years)年前")
          : ("\(years) years after", "\(years)年後")
        y.diagnostics.append(
          .warning(
            y.location(y.node("start")?.mark),
            "the event starts on \(first), \(away) its page is published (`publish: \(published)`): is the year right?",
            hint: "if the year is a slip, write \(written)", code: "front-matter.date"
          ).ja(
            "イベントの始まり（`start`）が \(first) で、ページを公開する日（`publish: \(published)`）の\(awayJa)です。年はまちがっていませんか",
            hint: "年の打ちまちがいなら、\(writtenJa) と書いてください"))
        return true
      }
    }
    guard let end else { return false }
    let last = end.inJapan.local.date
    let length = dayNumber(last) - dayNumber(first)
    guard length > longEventDays, last.year != first.year,
      let year = [first.year, first.year + 1].first(where: { year in
        let moved = changingYear(end, to: year)
        return moved >= start
          && dayNumber(moved.inJapan.local.date) - dayNumber(first) <= longEventDays
      })
    else { return false }
    let fixed = shown(changingYear(end, to: year))
    y.diagnostics.append(
      .warning(
        y.location(y.node("end")?.mark),
        "the event lasts \(length + 1) days, from \(first) to \(last): is the year of `end` right?",
        hint: "if it ends in \(year), write `end: \(fixed)`", code: "front-matter.date"
      ).ja(
        "イベントが \(first) から \(last) までの\(length + 1)日間になっています。`end` の年はまちがっていませんか",
        hint: "\(year)年に終わるなら、`end: \(fixed)` と書いてください"))
    return false
  }

  private static func dayNumber(_ d: LocalDate) -> Int {
    LocalDate.daysFromCivil(d.year, d.month, d.day)
  }

  /// `time` on the same month and day of `year` (the 29th of February on the 28th).
  static func changingYear(_ time: DateTime, to year: Int) -> DateTime {
    let d = time.inJapan.local.date
    let moved = LocalDate(
      year: year, month: d.month, day: min(d.day, LocalDate.daysIn(month: d.month, year: year)))
    let shift = (dayNumber(moved) - dayNumber(d)) * 86400
    return DateTime(
      epochSeconds: time.epochSeconds + shift, offsetSeconds: time.offsetSeconds,
      isDateOnly: time.isDateOnly)
  }

  /// As the writer types it: the date alone for a date, else the full time.
  private static func shown(_ time: DateTime) -> String {
    time.isDateOnly ? time.inJapan.local.date.description : time.description
  }
}
