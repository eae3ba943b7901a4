import Diagnostics

/// Numbers as writers type them in a value (`capacity: 三十人`), read for the typed accessors.
extension YAMLFields {
  /// The one number a value holds (`20人`, `２０名`, `約1,000人`, `1万人`, `三十人`), half-width;
  /// nil for none or several (`10〜20人`, `20人か三十人`: which one is meant is the writer's to
  /// say), and for a kanji number beside 数 or 余 (十数人, 二十余名: not one number).
  static func number(in text: String) -> Int? {
    let hasDigits = text.contains(where: isDigit)
    var runs: [Substring] = []
    var i = text.startIndex
    while let start = text[i...].firstIndex(where: KanjiNumerals.isNumeral) {
      let end = text[start...].firstIndex { !KanjiNumerals.isNumeral($0) } ?? text.endIndex
      i = end
      let after = end < text.endIndex ? text[end] : nil
      let before = start > text.startIndex ? text[text.index(before: start)] : nil
      // 1万, 2億3000万: units of a number in digits (`arabicNumber` reads them).
      if let c = before, isDigit(c),
        text[start..<end].allSatisfy({ KanjiNumerals.largeUnits[$0] != nil })
      {
        continue
      }
      if let c = after, "数余".contains(c) { return nil }
      if let c = before, "数余".contains(c) { return nil }
      // Inside a word (千葉, 八千代, 一般), unless a counter follows or 約, 計, 全, 各, 最大
      // stands before it.
      if let c = after, isKanji(c), !Self.counters.contains(c) { continue }
      if let c = before, isKanji(c), !"約計全各大".contains(c) { continue }
      runs.append(text[start..<end])
    }
    // Digits and kanji numbers together (20人か三十人): which is meant is the writer's to say.
    if hasDigits { return runs.isEmpty ? arabicNumber(in: text) : nil }
    return runs.count == 1 ? KanjiNumerals.value(of: runs[0]) : nil
  }

  /// Kanji that count what a number before them counts (三十人, 二十名, 五十席).
  static let counters: Set<Character> = [
    "人", "名", "席", "組", "件", "回", "個", "枚", "部", "本", "台", "社", "校", "円", "歳", "冊", "点",
  ]

  /// A digit, half- or full-width (the digits `arabicNumber` reads).
  private static func isDigit(_ c: Character) -> Bool {
    guard let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1 else { return false }
    return (0x30...0x39).contains(v) || (0xFF10...0xFF19).contains(v)
  }

  private static func isKanji(_ c: Character) -> Bool {
    c.unicodeScalars.count == 1 && Kanji.contains(c.unicodeScalars.first!.value)
  }

  /// The one number in Arabic numerals (half- or full-width) a value holds.
  static func arabicNumber(in text: String) -> Int? {
    var runs: [String] = []
    var current = ""
    for c in text {
      guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else {
        if !current.isEmpty { runs.append(current) }
        current = ""
        continue
      }
      switch scalar.value {
      case 0x30...0x39: current.append(c)
      case 0xFF10...0xFF19: current.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
      case 0x2C where !current.isEmpty, 0xFF0C where !current.isEmpty: continue  // 1,000
      case _ where !current.isEmpty && KanjiNumerals.largeUnits[c] != nil:
        current.append(c)  // 1万5000
      default:
        if !current.isEmpty { runs.append(current) }
        current = ""
      }
    }
    if !current.isEmpty { runs.append(current) }
    return runs.count == 1 ? withLargeUnits(runs[0]) : nil
  }

  /// The value of digits with 万, 億 and 兆 among them (`1万5000` → 15000), as written in
  /// horizontal text; nil for units out of order or without digits before them.
  static func withLargeUnits(_ run: String) -> Int? {
    var total = 0
    var digits = ""
    var lastUnit = Int.max
    for c in run {
      guard let unit = KanjiNumerals.largeUnits[c] else {
        digits.append(c)
        continue
      }
      guard let d = Int(digits), unit < lastUnit else { return nil }
      (total, digits, lastUnit) = (total + d * unit, "", unit)
    }
    return digits.isEmpty ? total : Int(digits).map { total + $0 }
  }
}
