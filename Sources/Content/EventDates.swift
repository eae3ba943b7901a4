import Yams

/// An event's `start` and `end`: a date and time each (a timed event), or a date each (an
/// all-day event, `end` its last day, inclusive). Kept out of the parser's event case so the
/// rules that tie the two together are read in one place.
extension PageParser {
  /// The start a `start` typed in another form meant (`DateHints.meant`), for the hints of the
  /// keys after it; nil when it is valid, missing or cannot be told.
  static func meantStart(_ y: inout YAMLFields, publish: DateTime?) -> DateTime? {
    guard let raw = y.node("start")?.string else { return nil }
    return DateHints.meant(raw, year: publish.map { DateHints.yearOnOrAfter($0) })
  }

  /// - Parameter publish: the page's `publish`, which gives the year of a `start` written
  ///   without one (`start: 12月10日 14時`).
  static func eventTimes(_ y: inout YAMLFields, publish: DateTime? = nil) -> (
    start: DateTime?, end: DateTime?
  ) {
    let start = dateTime(
      &y, "start", required: true, allowDateOnly: true,
      year: publish.map { DateHints.yearOnOrAfter($0) })
    // A time alone (`end: 16時`) is on a timed start's day; an all-day start has no time to
    // pair it with, and its hint would lead to the mixed form. A start typed otherwise
    // (`2026年12月19日 13時30分`) gives the day it meant.
    let known = start ?? meantStart(&y, publish: publish)
    let end = dateTime(
      &y, "end", allowDateOnly: true, day: known.flatMap { $0.isDateOnly ? nil : $0.local.date },
      year: known.map { DateHints.yearNearest($0) })
    guard let start, let end else { return (start, end) }
    let (first, last) = (start.inJapan.local.date, end.inJapan.local.date)
    guard start.isDateOnly == end.isDateOnly else {
      mixedForms(&y, start: start, end: end)
      return (start, nil)
    }
    if end < start {
      if start.isDateOnly {
        y.error(
          y.node("end")?.mark,
          "the event ends before it starts: its last day `\(last)` is before `start` (\(first))",
          hint:
            "write the last day of the event, on or after `start` (\(first)), e.g. `end: \(first)`",
          code: "front-matter.date",
          ja: "イベントの最終日（`end` の `\(last)`）が、始まりの日（`start`）より前になっています",
          jaHint: "`end` には、`start`（\(first)）と同じ日か、それより後の最終日を書いてください。例：`end: \(first)`")
      } else {
        let suggested = laterEnd(start: start, end: end)
        y.error(
          y.node("end")?.mark, "the event ends before it starts",
          hint: "make `end` later than `start` (\(start)), e.g. `end: \(suggested)`",
          code: "front-matter.date",
          ja: "イベントの終わり（`end`）が、始まり（`start`）より前になっています",
          jaHint: "`end` を、`start`（\(start)）より後の日時にしてください。例：`end: \(suggested)`")
      }
    }
    return (start, end)
  }

  /// An `end` to offer for one written before `start`: its time on the start's day (the day
  /// copied from another event), else that time in the afternoon (`04:00` meant for 16時) when
  /// that makes no event of over ten hours, else that time the next day (an evening event
  /// ending after midnight, 22時 to 1時, its date not moved on) within twelve hours, else two
  /// hours after the start. (`09:30` for a start at 10:00 offered 21:30, an 11½-hour event.)
  static func laterEnd(start: DateTime, end: DateTime) -> DateTime {
    let (s, e) = (start.inJapan, end.inJapan)
    let midnight = s.local.date.midnightInJapan.epochSeconds
    let time = e.local.hour * 3600 + e.local.minute * 60 + e.local.second
    let from = start.epochSeconds
    var candidates = [(midnight + time, 24)]
    if e.local.hour < 12 { candidates.append((midnight + time + 12 * 3600, 10)) }
    candidates.append((midnight + 86400 + time, 12))
    let at =
      candidates.first { $0.0 > from && $0.0 - from <= $0.1 * 3600 }?.0 ?? from + 2 * 3600
    return DateTime(epochSeconds: at, offsetSeconds: 9 * 3600)
  }

  /// `start: 2026-12-20` with `end: 2026-12-24T16:00:00+09:00`, or the reverse: is it a day
  /// or a time? The hint shows both ways to write it, from the days written.
  private static func mixedForms(_ y: inout YAMLFields, start: DateTime, end: DateTime) {
    let (first, last) = (start.inJapan.local.date, end.inJapan.local.date)
    let allDay = "`start: \(first)` and `end: \(last)`"
    let allDayJa = "`start: \(first)` と `end: \(last)`"
    let timedStart = start.isDateOnly ? "\(first)T10:00:00+09:00" : start.description
    var timedEnd = end.description
    if end.isDateOnly {
      // 16時 on the last day, or two hours after a start later than that.
      let four = last.midnightInJapan.epochSeconds + 16 * 3600
      let at = max(four, start.epochSeconds + 2 * 3600)
      timedEnd = DateTime(epochSeconds: at, offsetSeconds: 9 * 3600).description
    }
    let timed = "`start: \(timedStart)` and `end: \(timedEnd)`"
    let timedJa = "`start: \(timedStart)` と `end: \(timedEnd)`"
    let (message, messageJa) =
      start.isDateOnly
      ? (
        "`start` is a date alone (an all-day event), but `end` has a time",
        "`start` は日付だけ（終日のイベント）ですが、`end` には時刻があります"
      )
      : (
        "`start` has a time, but `end` is a date alone",
        "`start` には時刻がありますが、`end` は日付だけです"
      )
    y.error(
      y.node("end")?.mark, message,
      hint:
        "write both as dates for an all-day event, \(allDay) (its last day), or both with times, \(timed)",
      code: "front-matter.date", ja: messageJa,
      jaHint: "終日のイベントなら両方を日付だけで（\(allDayJa)。`end` は最終日）、時刻を決めるなら両方を時刻付きで（\(timedJa)）書いてください")
  }
}
