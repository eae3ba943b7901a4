import Foundation

/// What to write instead of a date a writer typed in another form: 2026/4/1, 2026年4月1日,
/// 令和8年4月1日 (full-width digits too), a month or day that does not exist, a time without
/// its offset. The hint said "write the date as YYYY-MM-DD" to someone who had.
enum DateHints {
  /// The hint for `text` given for `key`; `withTime`: the key takes a date-time.
  static func hint(for raw: String, key: String, withTime: Bool) -> String? {
    let text = raw.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? raw
    let example = withTime ? "\(key): 2026-12-05T13:30:00+09:00" : "\(key): 2026-04-01"
    // A date and time without an offset: the clock of which place?
    if withTime, text.count == 19 || text.count == 16, DateTime(iso: text + "+09:00") != nil {
      return "add Japan's offset `+09:00`: `\(key): \(text)+09:00`"
    }
    guard let (y, m, d, rest) = parts(of: text) else { return nil }
    guard (1...12).contains(m) else { return "there is no month \(m); write e.g. `\(example)`" }
    let days = LocalDate.daysIn(month: m, year: y)
    guard (1...days).contains(d) else {
      return "\(y)年\(m)月 has \(days) days; write e.g. `\(example)`"
    }
    let date = LocalDate(year: y, month: m, day: d).description
    return withTime
      ? "write the date and the time, e.g. `\(key): \(date)T13:30:00+09:00` (13:30 in Japan)"
      : "write `\(key): \(date)`"
  }

  /// Year, month, day and what follows, from `2026-4-1`, `2026/4/1`, `2026.4.1`,
  /// `2026年4月1日（水）` or `令和8年4月1日`.
  static func parts(of text: String) -> (Int, Int, Int, Substring)? {
    var s = text[...]
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
      let digits = s.prefix { $0.isASCII && $0.isNumber }
      guard !digits.isEmpty else { return nil }
      s = s.dropFirst(digits.count)
      return Int(digits)
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
