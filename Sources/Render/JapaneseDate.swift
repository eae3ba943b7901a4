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

  /// A range: the end date is repeated only when the event spans several days.
  public static func range(_ start: DateTime, _ end: DateTime?) -> String {
    guard let end else { return dateTime(start) }
    let (s, e) = (start.inJapan.local, end.inJapan.local)
    if s.date == e.date {
      return dateTime(start) + "から" + time(hour: e.hour, minute: e.minute) + "まで"
    }
    return dateTime(start) + "から" + dateTime(end) + "まで"
  }
}
