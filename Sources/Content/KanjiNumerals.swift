/// The value of a number written in kanji: 三十 → 30, 二千二十六 → 2026, 二〇二六 → 2026,
/// 一万五千 → 15000. A writer who typed `capacity: 三十人` is told to write `capacity: 30`, and
/// lint's hint for 三十人 says 30人, instead of an example to copy and change.
public enum KanjiNumerals {
  /// 〇 to 九 (and 零 for 〇).
  static let digits: [Character: Int] = [
    "〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
  ]
  static let smallUnits: [Character: Int] = ["十": 10, "百": 100, "千": 1000]
  static let largeUnits: [Character: Int] = ["万": 10_000, "億": 100_000_000, "兆": 1_000_000_000_000]

  /// Whether `c` is part of a kanji number.
  public static func isNumeral(_ c: Character) -> Bool {
    digits[c] != nil || smallUnits[c] != nil || largeUnits[c] != nil
  }

  /// The number `text` spells, all of it kanji numerals; nil when it is not one number (二三十,
  /// 十百, 万億: a writer's approximation or a slip, whose value is theirs to say).
  public static func value<S: StringProtocol>(of text: S) -> Int? {
    guard !text.isEmpty else { return nil }
    // Digit by digit, as years are written: 二〇二六.
    if text.allSatisfy({ digits[$0] != nil }) {
      guard text.count <= 18 else { return nil }
      return text.reduce(0) { $0 * 10 + digits[$1]! }
    }
    var total = 0
    var section = 0
    var digit: Int?
    var lastSmall = Int.max
    var lastLarge = Int.max
    for c in text {
      if let d = digits[c] {
        guard digit == nil else { return nil }  // 二三十
        digit = d
      } else if let unit = smallUnits[c] {
        guard unit < lastSmall, digit != 0 else { return nil }  // 十百, 〇十
        section += (digit ?? 1) * unit
        (digit, lastSmall) = (nil, unit)
      } else if let unit = largeUnits[c] {
        guard unit < lastLarge else { return nil }  // 万億
        let part = section + (digit ?? 0)
        total += (part == 0 ? 1 : part) * unit
        (section, digit, lastSmall, lastLarge) = (0, nil, Int.max, unit)
      } else {
        return nil
      }
    }
    return total + section + (digit ?? 0)
  }

  /// How 公用文 writes `value` in horizontal text when it was spelled with 万, 億 or 兆: Arabic
  /// numerals with those units kept (三十万 → 30万, 一万五千 → 1万5000); other numbers plainly.
  public static func written(_ value: Int, keepingLargeUnitsOf kanji: some StringProtocol) -> String
  {
    guard kanji.contains(where: { largeUnits[$0] != nil }), value >= 10_000 else {
      return "\(value)"
    }
    var rest = value
    var out = ""
    for (unit, size) in [("兆", 1_000_000_000_000), ("億", 100_000_000), ("万", 10_000)] {
      if rest >= size { out += "\(rest / size)\(unit)" }
      rest %= size
    }
    return rest > 0 ? out + "\(rest)" : out
  }
}
