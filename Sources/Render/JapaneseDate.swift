import Content

/// Dates as residents read them: 2026年12月5日（土）13時30分, on Japan's clock whatever offset the
/// time was written with.
public enum JapaneseDate {
  static let weekdays = ["日", "月", "火", "水", "木", "金", "土"]

  public static func date(_ d: LocalDate) -> String {
    "\(d.year)年\(d.month)月\(d.day)日（\(weekdays[d.weekday])）"
  }

  public static func time(hour: Int, minute: Int) -> String {
    minute == 0 ? "\(hour)時" : "\(hour)時\(minute)分"
  }

  public static func dateTime(_ t: DateTime) -> String {
    let l = t.inJapan.local
    return t.isDateOnly ? date(l.date) : date(l.date) + time(hour: l.hour, minute: l.minute)
  }

  /// A range: the end date is repeated only when the event spans several days, and its year
  /// only when that is another (2027年2月13日（土）10時から2月14日（日）17時まで: the year said
  /// twice read as two events).
  /// An all-day event (dates alone) shows no times: 2026年12月20日（日）, or
  /// 2026年12月20日（日）から12月24日（木）まで over several days.
  public static func range(_ start: DateTime, _ end: DateTime?) -> String {
    guard let end else { return dateTime(start) }
    let (s, e) = (start.inJapan.local, end.inJapan.local)
    if s.date == e.date {
      if start.isDateOnly && end.isDateOnly { return date(s.date) }
      return dateTime(start) + "から" + time(hour: e.hour, minute: e.minute) + "まで"
    }
    guard s.date.year == e.date.year else { return dateTime(start) + "から" + dateTime(end) + "まで" }
    let endDay = "\(e.date.month)月\(e.date.day)日（\(weekdays[e.date.weekday])）"
    return dateTime(start) + "から"
      + (end.isDateOnly ? endDay : endDay + time(hour: e.hour, minute: e.minute)) + "まで"
  }
}
