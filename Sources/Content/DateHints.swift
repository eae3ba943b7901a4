import Foundation

/// What to write instead of a date a writer typed in another form: 2026/4/1, 2026年4月1日,
/// 令和8年4月1日 (full-width digits too), a month or day that does not exist, a time without
/// its offset, a time written 14時 or 午後2時 or after a space. The hint said "write the date
/// as YYYY-MM-DD" to someone who had, and dropped a typed time (a page published at midnight,
/// nine hours early).
enum DateHints {
  /// What a key takes.
  enum Takes {
    case date
    case dateTime
    /// `publish`, `deadline`: a date alone (the day's start or end) or a date and time.
    case dateOrDateTime
  }

  /// The hint for `raw` given for `key`. `day`: the date a time alone belongs to (an event's
  /// `end: 16時` is on its start's day).
  static func hint(for raw: String, key: String, takes: Takes, day: LocalDate? = nil) -> String? {
    hints(for: raw, key: key, takes: takes, day: day)?.english
  }

  /// The same hint in English and in Japanese (`Diagnostic.ja`). `year`: the year a month and
  /// day written alone (`12月20日`) belong to, from the event's start; nil where nothing says.
  static func hints(
    for raw: String, key: String, takes: Takes, day: LocalDate? = nil,
    year: ((_ month: Int, _ day: Int) -> Int)? = nil
  ) -> (
    english: String, japanese: String
  )? {
    let text = raw.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? raw
    let example = takes == .date ? "\(key): 2026-04-01" : "\(key): 2026-12-05T13:30:00+09:00"
    // A date and time without an offset: the clock of which place?
    if takes != .date, text.count == 19 || text.count == 16, text.contains("T"),
      DateTime(iso: text + "+09:00") != nil
    {
      return (
        "add Japan's offset `+09:00`: `\(key): \(text)+09:00`",
        "日本の時刻であることを表す `+09:00` を付けてください：`\(key): \(text)+09:00`"
      )
    }
    // `0000-12-24`: no year 0 (`dated` reads no year below 1000 without an era).
    if text.hasPrefix("0000-"), let m = Int(text.dropFirst(5).prefix(2)), (1...12).contains(m),
      let d = Int(text.dropFirst(8).prefix(2))
    {
      return noSuchYear(0, month: m, day: d, rest: text.dropFirst(10), key: key, takes: takes)
    }
    // `12月24日 14時`, `12/24` with no year to take from the page: the month, day and time
    // kept, with the year to write (the hint was an unrelated example, copied as it was).
    if dated(text, year: year) == nil, let (m, d, rest) = monthAndDay(of: text),
      (1...12).contains(m),
      (1...LocalDate.daysIn(month: m, year: 2024)).contains(d)
    {
      let date = "2026-\(zeroPadded(m, 2))-\(zeroPadded(d, 2))"
      let written = value(key, date, timeIn: rest, takes: takes)
      return (
        "the date has no year: write it with its year, e.g. `\(written)`",
        "日付に年がありません。年を付けて書いてください。例: `\(written)`"
      )
    }
    guard let (y, m, d, rest) = dated(text, year: year) else {
      // A time alone: which day?
      guard takes != .date, let (hour, minute) = time(in: text[...]) else { return nil }
      let date = day?.description ?? "2026-12-05"
      return (
        "write the date too: `\(key): \(date)T\(clock(hour, minute))+09:00`"
          + (day == nil ? " (with the event's day)" : ""),
        "日付も書いてください：`\(key): \(date)T\(clock(hour, minute))+09:00`"
          + (day == nil ? "（日付はイベントの日にします）" : "")
      )
    }
    guard (1...12).contains(m) else {
      return (
        "there is no month \(m); write e.g. `\(example)`", "\(m)月という月はありません。例: `\(example)`"
      )
    }
    // `10000-12-24`: the hint wrote the value back as it was.
    guard (1...9999).contains(y) else {
      return noSuchYear(y, month: m, day: d, rest: rest, key: key, takes: takes)
    }
    let days = LocalDate.daysIn(month: m, year: y)
    guard (1...days).contains(d) else {
      // The month's last day, with the time typed: the nearest date that exists, not an
      // unrelated example.
      let last = LocalDate(year: y, month: m, day: days).description
      let near = value(key, last, timeIn: rest, takes: takes)
      return (
        "\(y)年\(m)月 has \(days) days; write e.g. `\(near)`",
        "\(y)年\(m)月は\(days)日までです。例: `\(near)`"
      )
    }
    let local = LocalDate(year: y, month: m, day: d)
    let date = local.description
    // `2026年12月6日（土）`: a weekday that is not the date's; the date or the weekday is
    // wrong, and the hint gave the date as typed without a word.
    let (weekdayNote, weekdayNoteJa) = weekdayConflict(in: rest, date: local)
    if takes != .date, let (hour, minute) = time(in: rest) {
      let written = "\(key): \(date)T\(clock(hour, minute))+09:00"
      // `10時〜16時` in `start`: the end, which the hint dropped, on a line of its own.
      if key == "start", let (endHour, endMinute) = rangeEnd(in: rest) {
        let end = "end: \(date)T\(clock(endHour, endMinute))+09:00"
        return (
          "write `\(written)` and, on a line of its own, `\(end)`" + weekdayNote,
          "`\(written)` と書き、次の行に `\(end)` と書いてください" + weekdayNoteJa
        )
      }
      return ("write `\(written)`" + weekdayNote, "`\(written)` と書いてください" + weekdayNoteJa)
    }
    // `T10:60`, `T09:99`: the hint gave the date alone, and following it made a timed event
    // an all-day one.
    if takes != .date, let (hour, minute) = clockOutOfRange(in: rest) {
      let shown = "\(hour):\(zeroPadded(minute, 2))"
      let near =
        minute == 60 && hour < 23
        ? "\(key): \(date)T\(clock(hour + 1, 0))+09:00"
        : "\(key): \(date)T\(clock(min(hour, 23), 0))+09:00"
      return (
        "there is no \(shown) (minutes go from 00 to 59); write the time again, e.g. `\(near)`",
        "\(shown) という時刻はありません（分は00から59まで）。時刻を書き直してください。例: `\(near)`"
      )
    }
    if takes != .date, let (hour, minute) = time(in: rest, maxHour: 47) {
      // `25:00` (or 25時) for 1 a.m. of the next day, as TV timetables write it: the hint kept
      // the date alone, dropping the time (an all-day `end` for a timed event).
      let next = LocalDate(year: y, month: m, day: d).adding(days: 1)
      let written = "\(key): \(next)T\(clock(hour - 24, minute))+09:00"
      return (
        "there is no hour \(hour) in a day (00 to 23): \(hour):\(zeroPadded(minute, 2)) is \(hour - 24):\(zeroPadded(minute, 2)) of the next day — write `\(written)`",
        "1日の時刻は23時までです。\(hour)時は、次の日の\(hour - 24)時です：`\(written)` と書いてください"
      )
    }
    switch takes {
    case .date, .dateOrDateTime:
      return (
        "write `\(key): \(date)`" + weekdayNote, "`\(key): \(date)` と書いてください" + weekdayNoteJa
      )
    case .dateTime:
      return (
        "write the date and the time, e.g. `\(key): \(date)T13:30:00+09:00` (13:30 in Japan)",
        "日付と時刻を書いてください。例: `\(key): \(date)T13:30:00+09:00`（日本の13時30分）"
      )
    }
  }

  /// A note for a weekday in brackets after the date (`（土）`) that is not the date's own:
  /// empty when there is none or it matches.
  static func weekdayConflict(in rest: Substring, date: LocalDate) -> (String, String) {
    let names: [Character] = ["日", "月", "火", "水", "木", "金", "土"]
    let english = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    let s = rest.drop { $0 == " " || $0 == "\u{3000}" }
    guard let open = s.first, open == "(" || open == "（", s.count >= 3,
      let typed = names.firstIndex(of: s[s.index(after: s.startIndex)]),
      let close = s.dropFirst(2).first, close == ")" || close == "）", typed != date.weekday
    else { return ("", "") }
    let (typedName, actual) = (names[typed], names[date.weekday])
    return (
      " — but \(date) is a \(english[date.weekday]), not a \(english[typed]) (\(typedName)) as written: check which is right",
      "。ただし、\(date) は\(actual)曜日で、書かれた（\(typedName)）と合いません。日付と曜日のどちらが正しいか確かめてください"
    )
  }

  /// The hint for a year outside 0001–9999 (`0000`, `10000`), with the month and day kept in an
  /// example year: which year was meant cannot be told.
  /// The time typed after the date is kept (`T10:00`), as every other hint keeps it.
  private static func noSuchYear(
    _ y: Int, month m: Int, day d: Int, rest: Substring, key: String, takes: Takes
  ) -> (String, String) {
    let day = min(max(d, 1), LocalDate.daysIn(month: m, year: 2026))
    let date = "2026-\(zeroPadded(m, 2))-\(zeroPadded(day, 2))"
    let example = value(key, date, timeIn: rest, takes: takes)
    let shown = zeroPadded(y, 4)
    return (
      "there is no year \(shown) (a year is written with four digits from 0001 to 9999); write e.g. `\(example)`",
      "\(shown)年という年はありません（年は 0001 から 9999 までの4けたで書きます）。例: `\(example)`"
    )
  }

  /// `key: date` with the time typed after the date (`rest`) kept where the key takes one, or
  /// an example time where it must have one: the line a hint offers.
  private static func value(_ key: String, _ date: String, timeIn rest: Substring, takes: Takes)
    -> String
  {
    guard takes != .date else { return "\(key): \(date)" }
    if let (hour, minute) = time(in: rest) { return "\(key): \(date)T\(clock(hour, minute))+09:00" }
    return takes == .dateTime ? "\(key): \(date)T13:30:00+09:00" : "\(key): \(date)"
  }

  /// A clock time after the date whose minutes are past 59 (`T10:60`, ` 9:99`), which
  /// `time(in:)` does not read as a time.
  static func clockOutOfRange(in rest: Substring) -> (hour: Int, minute: Int)? {
    var s = rest.drop { $0 == " " || $0 == "\u{3000}" }
    if s.first == "T" || s.first == "t" { s = s.dropFirst() }
    guard let hour = leadingNumber(&s, maxDigits: 2), s.first == ":" else { return nil }
    s = s.dropFirst()
    guard let minute = leadingNumber(&s, maxDigits: 2), minute > 59, hour < 48 else { return nil }
    return (hour, minute)
  }

  /// The end of a range of times after the first (`10時〜16時`, `10:00-16:00`, `10時から16時`).
  static func rangeEnd(in rest: Substring) -> (hour: Int, minute: Int)? {
    for mark in ["〜", "~", "～", "-", "－", "から"] {
      guard let range = rest.range(of: mark) else { continue }
      let after = rest[range.upperBound...]
      guard time(in: rest[..<range.lowerBound]) != nil, let end = time(in: after) else {
        continue
      }
      return end
    }
    return nil
  }

  /// The date (and time) `raw` was meant to say (`2026年12月19日（土）13時30分`), where the hint
  /// can tell it: the day and year the keys read after it take theirs from (an event's `end`
  /// and `deadline`, whose hints gave another day while `start` was typed so). `year`: for a
  /// month and day alone.
  static func meant(_ raw: String, year: ((_ month: Int, _ day: Int) -> Int)? = nil) -> DateTime? {
    let text = raw.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? raw
    guard let (y, m, d, rest) = dated(text, year: year), (1...12).contains(m),
      (1...LocalDate.daysIn(month: m, year: y)).contains(d)
    else { return nil }
    let date = LocalDate(year: y, month: m, day: d).description
    guard let (hour, minute) = time(in: rest) else {
      return DateTime(iso: date, allowDateOnly: true)
    }
    return DateTime(iso: "\(date)T\(clock(hour, minute))+09:00")
  }

  /// The year, month and day `text` starts with, and what follows them: a date with its year,
  /// or a month and day alone given the year `year` picks (none without it).
  static func dated(_ text: String, year: ((_ month: Int, _ day: Int) -> Int)?) -> (
    Int, Int, Int, Substring
  )? {
    parts(of: text)
      ?? year.flatMap { year in
        monthAndDay(of: text).map { (year($0.0, $0.1), $0.0, $0.1, $0.2) }
      }
  }

  private static func clock(_ hour: Int, _ minute: Int) -> String {
    (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute):00"
  }

  /// A time after the date, as Japanese documents write it: `14:00`, `9:30`, `T09:00`,
  /// `14時`, `14時30分`, `2時半`, `午後2時`, `午前9時30分`, `正午`, after a weekday in
  /// brackets or spaces. Nil when there is none, or it is not a time of day.
  /// - Parameter maxHour: 23, or 47 to read the hours after midnight as Japanese timetables
  ///   write them (`25:00`, `25時` for 1時 of the next day).
  static func time(in text: Substring, maxHour: Int = 23) -> (hour: Int, minute: Int)? {
    var s = text.drop { $0 == " " || $0 == "\u{3000}" }
    // A weekday in brackets: （水）, (水).
    if let open = s.first, open == "(" || open == "（",
      let close = s.firstIndex(where: { $0 == ")" || $0 == "）" })
    {
      s = s[s.index(after: close)...].drop { $0 == " " || $0 == "\u{3000}" }
    }
    if s.hasPrefix("T") { s = s.dropFirst() }
    if s.hasPrefix("正午") { return (12, 0) }
    var afternoon: Bool?
    for (word, pm) in [("午前", false), ("午後", true), ("AM", false), ("PM", true)]
    where s.hasPrefix(word) {
      afternoon = pm
      s = s.dropFirst(word.count).drop { $0 == " " }
    }
    func number() -> Int? { leadingNumber(&s, maxDigits: 2) }
    guard var hour = number() else { return nil }
    var minute = 0
    if s.hasPrefix(":") {
      s = s.dropFirst()
      guard let m = number() else { return nil }
      minute = m
    } else if s.hasPrefix("時") {
      s = s.dropFirst()
      if s.hasPrefix("半") {
        minute = 30
      } else if let m = number() {
        guard s.hasPrefix("分") else { return nil }
        minute = m
      }
    } else {
      return nil
    }
    if let afternoon {
      guard (0...12).contains(hour) else { return nil }
      if afternoon && hour < 12 { hour += 12 }
      if !afternoon && hour == 12 { hour = 0 }
    }
    guard (0...maxHour).contains(hour), (0...59).contains(minute) else { return nil }
    return (hour, minute)
  }

  /// For a month and day written without a year (`end: 1月3日`, `deadline: 12月20日`), the
  /// year that puts it nearest the event's `start`: an event from 12月28日 ends on 1月3日 of the
  /// next year, one on 1月16日 closes its registration on 12月20日 of the year before.
  static func yearNearest(_ start: DateTime) -> (_ month: Int, _ day: Int) -> Int {
    let first = start.inJapan.local.date
    let from = LocalDate.daysFromCivil(first.year, first.month, first.day)
    return { month, day in
      (first.year - 1...first.year + 1).min { a, b in
        let days = { (y: Int) in
          abs(
            LocalDate.daysFromCivil(y, month, min(day, LocalDate.daysIn(month: month, year: y)))
              - from)
        }
        return days(a) < days(b)
      }!
    }
  }

  /// For an event's `start` written without a year (`start: 12月10日 14時`), the year that puts
  /// it on or after the day its page is published (`publish`): an event is announced before it
  /// happens.
  static func yearOnOrAfter(_ publish: DateTime) -> (_ month: Int, _ day: Int) -> Int {
    let first = publish.inJapan.local.date
    return { month, day in (month, day) >= (first.month, first.day) ? first.year : first.year + 1 }
  }

  /// A month and day without a year, as a notice writes them: `12月20日`, `12/20`, and the
  /// rest of the text (a time).
  static func monthAndDay(of text: String) -> (Int, Int, Substring)? {
    var s = text[...]
    guard let m = leadingNumber(&s, maxDigits: 2) else { return nil }
    if s.hasPrefix("月") || s.hasPrefix("/") { s = s.dropFirst() } else { return nil }
    guard let d = leadingNumber(&s, maxDigits: 2) else { return nil }
    if s.hasPrefix("日") { s = s.dropFirst() }
    return (m, d, s.drop { $0 == " " })
  }

  /// The number of ASCII digits `s` starts with (at most `maxDigits` of them), taken off it.
  private static func leadingNumber(_ s: inout Substring, maxDigits: Int = .max) -> Int? {
    let digits = s.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, digits.count <= maxDigits else { return nil }
    s = s.dropFirst(digits.count)
    return Int(digits)
  }

  /// Year, month, day and what follows, from `2026-4-1`, `2026/4/1`, `2026.4.1`,
  /// `2026年4月1日（水）` or `令和8年4月1日`.
  static func parts(of text: String) -> (Int, Int, Int, Substring)? {
    var s = text[...]
    // `20261224`, as some forms and file names write a date.
    let compact = s.prefix { $0.isASCII && $0.isNumber }
    if compact.count == 8, let y = Int(compact.prefix(4)), y >= 1000,
      let m = Int(compact.dropFirst(4).prefix(2)), let d = Int(compact.suffix(2))
    {
      return (y, m, d, s.dropFirst(8).drop { $0 == " " })
    }
    var era: Int?
    for (name, start) in [("令和", 2018), ("平成", 1988)] where s.hasPrefix(name) {
      era = start
      s = s.dropFirst(name.count)
    }
    func number() -> Int? {
      if s.hasPrefix("元") {
        s = s.dropFirst()
        return 1
      }
      return leadingNumber(&s)
    }
    func separator(_ options: [String]) -> Bool {
      for o in options where s.hasPrefix(o) {
        s = s.dropFirst(o.count)
        return true
      }
      return false
    }
    guard var y = number(), separator(["-", "/", ".", "年"]), let m = number(),
      separator(["-", "/", ".", "月"]), let d = number()
    else { return nil }
    _ = separator(["日"])
    if let era { y += era } else if y < 1000 { return nil }
    return (y, m, d, s.drop { $0 == " " })
  }
}
