import Content

/// Dates as residents read them: 2026年12月5日（土）13時30分, on Japan's clock whatever offset the
/// time was written with.
public enum JapaneseDate {
  static let weekdays = ["日", "月", "火", "水", "木", "金", "土"]

  public static func date(_ d: LocalDate) -> String {
    day(d) + "（\(weekdays[d.weekday])）"
  }

  /// The day without its weekday, where the weekday's brackets would sit inside others: an
  /// event page's `<title>`, デジタル相談会（2026年12月10日）.
  public static func day(_ d: LocalDate) -> String {
    "\(d.year)年\(d.month)月\(d.day)日"
  }

  public static func time(hour: Int, minute: Int) -> String {
    minute == 0 ? "\(hour)時" : "\(hour)時\(minute)分"
  }

  public static func dateTime(_ t: DateTime) -> String {
    let l = t.inJapan.local
    return t.isDateOnly ? date(l.date) : date(l.date) + time(hour: l.hour, minute: l.minute)
  }

  /// One end of a range as a `<time>` element holds it: `iso` its `datetime` (a day alone,
  /// `2026-12-20`, or the instant with its offset), `label` its text, and `after` the words
  /// that follow the element (から, まで), outside it because they are no date.
  public struct Part: Sendable, Hashable {
    public var iso: String
    public var label: String
    public var after: String
  }

  /// A range: the end date is repeated only when the event spans several days, and its year
  /// only when that is another (2027年2月13日（土）10時から2月14日（日）17時まで: the year said
  /// twice read as two events).
  /// An all-day event (dates alone) shows no times: 2026年12月20日（日）, or
  /// 2026年12月20日（日）から12月24日（木）まで over several days.
  public static func range(_ start: DateTime, _ end: DateTime?) -> String {
    text(rangeParts(start, end))
  }

  /// The parts of a range as one text, as `range` gives it.
  public static func text(_ parts: [Part]) -> String {
    parts.map { $0.label + $0.after }.joined()
  }

  /// `range` cut where machines need it: the start and the end each a part of their own, so a
  /// `<time datetime>` can say which instant each piece of text is. One `<time>` with the
  /// start's `datetime` around the whole range told a search engine or a calendar extension
  /// that the event is at its start only. Joined, the parts are `range` exactly: what a
  /// sighted reader or a screen reader gets does not change.
  public static func rangeParts(_ start: DateTime, _ end: DateTime?) -> [Part] {
    let first = Part(iso: iso(start), label: dateTime(start), after: "")
    guard let end else { return [first] }
    let (s, e) = (start.inJapan.local, end.inJapan.local)
    let endLabel: String
    if s.date == e.date {
      if start.isDateOnly && end.isDateOnly { return [first] }
      endLabel = time(hour: e.hour, minute: e.minute)
    } else if s.date.year != e.date.year {
      endLabel = dateTime(end)
    } else {
      let endDay = "\(e.date.month)月\(e.date.day)日（\(weekdays[e.date.weekday])）"
      endLabel = end.isDateOnly ? endDay : endDay + time(hour: e.hour, minute: e.minute)
    }
    return [
      Part(iso: first.iso, label: first.label, after: "から"),
      Part(iso: iso(end), label: endLabel, after: "まで"),
    ]
  }

  /// A `<time datetime>` value: the day on Japan's clock for a date written alone (the day
  /// the label names), else the instant with the offset it was written with.
  static func iso(_ t: DateTime) -> String {
    t.isDateOnly ? t.inJapan.local.date.description : t.description
  }
}
