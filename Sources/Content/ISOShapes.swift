/// The usual shapes of a date (`2026-04-01`) and of a date and time with its offset
/// (`2026-12-05T13:30:00+09:00`), read from their bytes. `LocalDate(iso:)` and
/// `DateTime(iso:)` split the text into characters, or arrays of them, to read every other
/// shape; nearly every value is of these two, and reading them as characters was 3 % of
/// loading 10,000 pages. Only the digits are read here: the ranges are checked by
/// `DateTime.init(_:)` and `LocalDate.isDay`, for both ways (`LoadingCheaperTests` holds the
/// two ways together).
enum ISOShapes {
  /// A date and time's parts, as written.
  struct DateTimeParts {
    var year, month, day, hour, minute, second: Int
    /// -1 for `-`, 1 for `+`.
    var sign: Int
    var offsetHours, offsetMinutes: Int
  }

  /// `YYYY-MM-DD`, all ten bytes ASCII digits and hyphens; else nil.
  static func date(_ text: String) -> (year: Int, month: Int, day: Int)? {
    text.utf8.withContiguousStorageIfAvailable { b -> (Int, Int, Int)? in
      guard b.count == 10 else { return nil }
      return dateParts(b)
    } ?? nil
  }

  /// `YYYY-MM-DDTHH:MM:SS+HH:MM` (`T` or a space, `+` or `-`), the digits ASCII; else nil.
  static func dateTime(_ text: String) -> DateTimeParts? {
    text.utf8.withContiguousStorageIfAvailable { b -> DateTimeParts? in
      guard b.count == 25, b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "),
        b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"), b[22] == UInt8(ascii: ":"),
        b[19] == UInt8(ascii: "+") || b[19] == UInt8(ascii: "-"),
        let (year, month, day) = dateParts(b),
        let hour = number(b, 11, 2), let minute = number(b, 14, 2),
        let second = number(b, 17, 2), let oh = number(b, 20, 2), let om = number(b, 23, 2)
      else { return nil }
      return DateTimeParts(
        year: year, month: month, day: day, hour: hour, minute: minute, second: second,
        sign: b[19] == UInt8(ascii: "-") ? -1 : 1, offsetHours: oh, offsetMinutes: om)
    } ?? nil
  }

  /// The date in the first ten bytes, `YYYY-MM-DD`.
  private static func dateParts(_ b: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
    guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), let year = number(b, 0, 4),
      let month = number(b, 5, 2), let day = number(b, 8, 2)
    else { return nil }
    return (year, month, day)
  }

  /// The `count` ASCII digits at `start` as a number; nil at any other byte.
  private static func number(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
    var value = 0
    for i in start..<start + count {
      let digit = Int(b[i]) - 0x30
      guard digit >= 0, digit <= 9 else { return nil }
      value = value * 10 + digit
    }
    return value
  }
}
