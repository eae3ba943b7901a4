import Foundation

/// A calendar date without time, as written in front matter (`2026-04-01`).
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD` and rejects impossible dates such as 2026-02-30.
  public init?(iso text: String) {
    if let (y, m, d) = ISOShapes.date(text) {
      guard Self.isDay(y, m, d) else { return nil }
      self.init(year: y, month: m, day: d)
      return
    }
    self.init(isoByCharacters: text)
  }

  /// `init(iso:)` of any shape, the text split into characters.
  init?(isoByCharacters text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
      Self.isDay(y, m, d)
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// Whether the month and day are a day of that year's calendar; year 0 is none (HTML's
  /// `<time datetime>` starts at year 1, and `start: 0000-12-24` was a slip built as 0年).
  static func isDay(_ year: Int, _ month: Int, _ day: Int) -> Bool {
    year >= 1 && (1...12).contains(month) && day >= 1 && day <= daysIn(month: month, year: year)
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public var description: String {
    guard fitsISO else {
      return zeroPadded(year, 4) + "-" + zeroPadded(month, 2) + "-" + zeroPadded(day, 2)
    }
    return String(unsafeUninitializedCapacity: 10) { b in
      write(into: b.baseAddress!)
      return 10
    }
  }

  /// Whether every part is written in its width (`write` can be used).
  fileprivate var fitsISO: Bool {
    ISODigits.fit(year, 4) && ISODigits.fit(month, 2) && ISODigits.fit(day, 2)
  }

  /// `description`'s 10 bytes at `p`, for a date that `fitsISO`.
  fileprivate func write(into p: UnsafeMutablePointer<UInt8>) {
    ISODigits.put(year, 4, p)
    p[4] = UInt8(ascii: "-")
    ISODigits.put(month, 2, p + 5)
    p[7] = UInt8(ascii: "-")
    ISODigits.put(day, 2, p + 8)
  }

  public static func < (a: LocalDate, b: LocalDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  /// The date `days` later (earlier when negative).
  public func adding(days: Int) -> LocalDate {
    LocalDate.civil(fromDays: LocalDate.daysFromCivil(year, month, day) + days)
  }

  /// 0 = Sunday … 6 = Saturday (Zeller-free: days since a known Sunday).
  public var weekday: Int {
    let days = LocalDate.daysFromCivil(year, month, day)
    return ((days % 7) + 7 + 4) % 7  // 1970-01-01 was a Thursday.
  }

  static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }
}

/// An instant with the UTC offset it was written with, so an event is shown in its own local
/// time whatever the build machine's time zone.
public struct DateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Seconds since 1970-01-01T00:00:00Z.
  public var epochSeconds: Int
  /// Offset from UTC in seconds (+09:00 → 32400).
  public var offsetSeconds: Int
  /// True when written as a date only (for deadlines: the end of that day counts).
  public var isDateOnly: Bool

  public init(epochSeconds: Int, offsetSeconds: Int, isDateOnly: Bool = false) {
    self.epochSeconds = epochSeconds
    self.offsetSeconds = offsetSeconds
    self.isDateOnly = isDateOnly
  }

  /// Parses ISO 8601 `YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)`; an offset is required so builds do not
  /// depend on the machine's time zone. With `allowDateOnly`, `YYYY-MM-DD` means that day in JST.
  public init?(iso text: String, allowDateOnly: Bool = false) {
    // The usual shape, from its bytes (it is never a date alone).
    if let parts = ISOShapes.dateTime(text) {
      self.init(parts)
      return
    }
    self.init(isoByCharacters: text, allowDateOnly: allowDateOnly)
  }

  /// `init(iso:allowDateOnly:)` of any shape, the text an array of characters.
  init?(isoByCharacters text: String, allowDateOnly: Bool) {
    if allowDateOnly, let date = LocalDate(iso: text) {
      self = date.midnightInJapan
      return
    }
    let chars = Array(text)
    // RFC 3339 allows `t` and `z` in lower case.
    guard chars.count >= 17, chars[10] == "T" || chars[10] == "t" || chars[10] == " ",
      let date = LocalDate(iso: String(chars[0..<10]))
    else { return nil }
    var rest = Array(chars[11...])
    func number(_ n: Int) -> Int? {
      guard rest.count >= n, let v = Int(String(rest[0..<n])) else { return nil }
      rest.removeFirst(n)
      return v
    }
    guard let hour = number(2), rest.first == ":" else { return nil }
    rest.removeFirst()
    guard let minute = number(2) else { return nil }
    var parts = ISOShapes.DateTimeParts(
      year: date.year, month: date.month, day: date.day, hour: hour, minute: minute, second: 0,
      sign: 1, offsetHours: 0, offsetMinutes: 0)
    if rest.first == ":" {
      rest.removeFirst()
      guard let s = number(2) else { return nil }
      parts.second = s
      if rest.first == "." {
        rest.removeFirst()
        while let c = rest.first, c.isNumber { rest.removeFirst() }
      }
    }
    if rest != ["Z"] && rest != ["z"] {
      guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
      rest.removeFirst()
      guard let oh = number(2), rest.first == ":" else { return nil }
      rest.removeFirst()
      guard let om = number(2), rest.isEmpty else { return nil }
      (parts.sign, parts.offsetHours, parts.offsetMinutes) = (sign == "-" ? -1 : 1, oh, om)
    }
    self.init(parts)
  }

  /// The instant of a date and time as written, both ways of reading one: nil when a part is
  /// out of its range (an impossible day, 24:00, an offset of 24 hours or more).
  init?(_ p: ISOShapes.DateTimeParts) {
    guard LocalDate.isDay(p.year, p.month, p.day), p.hour < 24, p.minute < 60, p.second < 60,
      p.offsetHours < 24, p.offsetMinutes < 60
    else { return nil }
    let offset = (p.offsetHours * 3600 + p.offsetMinutes * 60) * p.sign
    let local =
      LocalDate.daysFromCivil(p.year, p.month, p.day) * 86400 + p.hour * 3600 + p.minute * 60
      + p.second
    self.init(epochSeconds: local - offset, offsetSeconds: offset)
  }

  public init(date: Date, offsetSeconds: Int = 9 * 3600) {
    self.init(
      epochSeconds: Int(date.timeIntervalSince1970.rounded(.down)), offsetSeconds: offsetSeconds)
  }

  /// The same instant on Japan's clock (+09:00), as residents read it: `14:00:00Z`, copied
  /// from a calendar export, is 23時 in Chiba, not 14時.
  public var inJapan: DateTime {
    DateTime(epochSeconds: epochSeconds, offsetSeconds: 9 * 3600, isDateOnly: isDateOnly)
  }

  /// Local wall-clock parts in the written offset.
  public var local: (date: LocalDate, hour: Int, minute: Int, second: Int) {
    let t = epochSeconds + offsetSeconds
    let days = Int((Double(t) / 86400).rounded(.down))
    let secs = t - days * 86400
    let date = LocalDate.civil(fromDays: days)
    return (date, secs / 3600, (secs % 3600) / 60, secs % 60)
  }

  public var description: String {
    let l = local
    let o = abs(offsetSeconds)
    guard l.date.fitsISO, ISODigits.fit(l.hour, 2), ISODigits.fit(l.minute, 2),
      ISODigits.fit(l.second, 2), ISODigits.fit(o / 3600, 2)
    else {
      let sign = offsetSeconds < 0 ? "-" : "+"
      return l.date.description + "T" + zeroPadded(l.hour, 2) + ":" + zeroPadded(l.minute, 2)
        + ":" + zeroPadded(l.second, 2) + sign + zeroPadded(o / 3600, 2) + ":"
        + zeroPadded((o % 3600) / 60, 2)
    }
    // Written as bytes: joined from a dozen small Strings, an event page's six dates were a
    // visible part of rendering.
    return String(unsafeUninitializedCapacity: 25) { b in
      let p = b.baseAddress!
      l.date.write(into: p)
      p[10] = UInt8(ascii: "T")
      ISODigits.put(l.hour, 2, p + 11)
      p[13] = UInt8(ascii: ":")
      ISODigits.put(l.minute, 2, p + 14)
      p[16] = UInt8(ascii: ":")
      ISODigits.put(l.second, 2, p + 17)
      p[19] = offsetSeconds < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
      ISODigits.put(o / 3600, 2, p + 20)
      p[22] = UInt8(ascii: ":")
      ISODigits.put((o % 3600) / 60, 2, p + 23)
      return 25
    }
  }

  public static func < (a: DateTime, b: DateTime) -> Bool { a.epochSeconds < b.epochSeconds }

  /// As a writer reads it in a message: the date alone when written so, else
  /// `2026-12-10 09:00`, with its offset when that is not Japan's.
  public var readable: String {
    let l = local
    if isDateOnly { return l.date.description }
    let time = l.date.description + " " + zeroPadded(l.hour, 2) + ":" + zeroPadded(l.minute, 2)
    guard offsetSeconds != 9 * 3600 else { return time }
    return time + " (" + String(description.suffix(6)) + ")"
  }
}

/// Decimal digits written into bytes, for the ISO forms of dates (`description`).
enum ISODigits {
  /// Whether `n` is written in exactly `width` digits by `zeroPadded` (0 ≤ n < 10^width).
  @inline(__always) static func fit(_ n: Int, _ width: Int) -> Bool {
    n >= 0 && n < (width == 4 ? 10_000 : 100)
  }

  /// `n` (which `fit`s) as `width` (2 or 4) digits at `p`, zeros first.
  @inline(__always) static func put(_ n: Int, _ width: Int, _ p: UnsafeMutablePointer<UInt8>) {
    var n = n
    for k in stride(from: width - 1, through: 0, by: -1) {
      p[k] = UInt8(truncatingIfNeeded: 0x30 + n % 10)
      n /= 10
    }
  }
}

/// `String(format: "%0*d")` without Foundation's formatter, which was a visible cost of
/// rendering 10,000 pages with dates.
public func zeroPadded(_ n: Int, _ width: Int) -> String {
  guard n >= 0 else { return String(format: "%0\(width)d", n) }
  let digits = String(n)
  return digits.count >= width
    ? digits : String(repeating: "0", count: width - digits.count) + digits
}

extension LocalDate {
  static func civil(fromDays z0: Int) -> LocalDate {
    let z = z0 + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return LocalDate(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
  }
}

extension DateTime {
  /// The same instant as a time of day, not a date alone.
  public var timed: DateTime { DateTime(epochSeconds: epochSeconds, offsetSeconds: offsetSeconds) }
}

extension LocalDate {
  /// The first moment of this day on Japan's clock, as a date-only time.
  public var midnightInJapan: DateTime {
    DateTime(
      epochSeconds: LocalDate.daysFromCivil(year, month, day) * 86400 - 9 * 3600,
      offsetSeconds: 9 * 3600, isDateOnly: true)
  }
}
