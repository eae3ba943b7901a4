/// Numbers a resident types in kanji (十二月, 三十人, 第三回, 令和六年) as the portal's pages write
/// them, in Arabic numerals as 公用文 does (12月, 30人, 第3回, 令和6年; 三十万 → 30万, 一万五千 →
/// 1万5000): each query term gets that form as one more alternative, as a glossary name gets its
/// group's names, so the term finds either. A numeral inside a word stays (千葉, 一般, 統一,
/// 五十音, 万が一), and so do the fixed words 公用文 keeps in kanji (一人, 一部, 一番, 十分).
///
/// Sources/Content's `KanjiNumerals` reads numbers for the content lint; the Search module
/// depends on neither Content nor Yams (its engine is mirrored in search.js, `arabic`, which
/// needs these rules anyway), so it reads them here, with its own tests.
enum QueryNumerals {
  static let digits = Dictionary(
    uniqueKeysWithValues: "〇一二三四五六七八九".unicodeScalars.enumerated().map { ($1.value, $0) })
  static let zero = scalar("〇")
  static let units: [UInt32: Int] = [scalar("十"): 10, scalar("百"): 100, scalar("千"): 1000]
  /// 万 and 億, largest first; 兆 is left out (its numbers pass what JavaScript counts exactly).
  static let large: [UInt32] = ["億", "万"].map(scalar)

  static func isNumeral(_ v: UInt32) -> Bool {
    digits[v] != nil || units[v] != nil || large.contains(v)
  }

  /// Kanji after which a number is a quantity, an order or a date.
  static let counters = Set(
    "人名件回年月日時分秒円個本枚歳才台階号倍割社校週期位点冊部番章条項種軒戸代度席組泊周版".unicodeScalars.map(\.value))
  /// か月, ヵ所, ヶ国, 箇月… (normalised: カ → か, ヵ → ゕ, ヶ → ゖ, ケ → け).
  static let smallCounters = Set("かゕゖけ箇".unicodeScalars.map(\.value))
  static let afterSmallCounters = Set("月所国".unicodeScalars.map(\.value))
  /// Kanji that may stand right before a number: 第三回, 約五十人, 年二回, 令和六年, 平成三十年.
  static let prefixes = Set("第約計全各毎満年月週日和成".unicodeScalars.map(\.value))
  /// Words 公用文 writes in kanji though a counter follows their numeral.
  static let kept: [[UInt32]] = [
    "一人", "一部", "一番", "一時", "一度", "一種", "一日も", "一日中", "一本化", "一回り", "一軒家", "一期一会", "十分",
    "十人十色", "二人三脚", "三日月", "三位一体", "百人一首", "千代", "八千代",
  ].map { $0.unicodeScalars.map(\.value) }

  /// The numbers in normalised text, each with its Arabic form.
  static func numbers(in s: [UInt32]) -> [(range: Range<Int>, arabic: [UInt32])] {
    var out: [(Range<Int>, [UInt32])] = []
    var i = 0
    while i < s.count {
      guard isNumeral(s[i]) else {
        i += 1
        continue
      }
      var end = i
      while end < s.count, isNumeral(s[end]) { end += 1 }
      defer { i = end }
      if let arabic = written(s[i..<end]), isNumber(s, i, end) { out.append((i..<end, arabic)) }
    }
    return out
  }

  /// Whether the numerals `s[start..<end]` are a number, not part of a word.
  static func isNumber(_ s: [UInt32], _ start: Int, _ end: Int) -> Bool {
    if start > 0 {
      let before = s[start - 1]
      if isKanji(before) && !prefixes.contains(before) { return false }  // 統一, 唯一
      if (0x30...0x39).contains(before) { return false }  // 1万: a number in digits already
    }
    if kept.contains(where: { s[start...].starts(with: $0) }) { return false }
    guard end < s.count else { return end - start >= 2 }  // 三十, 十二; not 三 alone
    let after = s[end]
    if counters.contains(after) { return true }
    if smallCounters.contains(after), end + 1 < s.count, afterSmallCounters.contains(s[end + 1]) {
      return true
    }
    // 二十三の事業 is a number; 五十音, 八百屋 and 九十九里 are words.
    return end - start >= 2 && !isKanji(after)
  }

  static func isKanji(_ v: UInt32) -> Bool {
    (0x3400...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
      || (0x20000...0x3FFFF).contains(v) || v == 0x3005
  }

  /// How 公用文 writes the number `run` spells, or nil when it spells none: 十二 → 12, 三十万 →
  /// 30万, 一万五千 → 1万5000, 二〇二六 → 2026. Not a number: 二三 (二、三: about two or three),
  /// 十百, 万 or 〇 first (万人, 〇〇市), 億 after 万.
  static func written(_ run: ArraySlice<UInt32>) -> [UInt32]? {
    guard let first = run.first, run.count <= 12, digits[first] != 0, !large.contains(first) else {
      return nil
    }
    if run.allSatisfy({ digits[$0] != nil }) {
      guard run.count == 1 || run.count >= 3 || run.contains(zero)
      else { return nil }
      return run.flatMap { ascii(digits[$0]!) }
    }
    var out: [UInt32] = []
    var part = run.startIndex
    var unitsLeft = large[...]
    for (k, v) in zip(run.indices, run) where large.contains(v) {
      guard let u = unitsLeft.firstIndex(of: v), let n = sum(run[part..<k]), n > 0 else {
        return nil
      }
      out += ascii(n) + [v]
      (part, unitsLeft) = (k + 1, unitsLeft[(u + 1)...])
    }
    guard part < run.endIndex else { return out }
    guard let n = sum(run[part...]) else { return nil }
    return n > 0 ? out + ascii(n) : out
  }

  /// The value of numerals below 万: 三百二十 → 320; nil for 二三, 十百, 〇十.
  static func sum(_ part: ArraySlice<UInt32>) -> Int? {
    var total = 0
    var pending: Int?
    var lastUnit = Int.max
    for v in part {
      if let d = digits[v] {
        guard pending == nil else { return nil }
        pending = d
      } else if let u = units[v], u < lastUnit, pending != 0 {
        total += (pending ?? 1) * u
        (pending, lastUnit) = (nil, u)
      } else {
        return nil
      }
    }
    return total + (pending ?? 0)
  }

  /// A term with its numbers in Arabic numerals; nil when it holds none.
  static func arabic(_ term: [UInt32]) -> [UInt32]? {
    let found = numbers(in: term)
    guard !found.isEmpty else { return nil }
    var out = term
    for (range, arabic) in found.reversed() { out.replaceSubrange(range, with: arabic) }
    return out
  }

  /// The query as typed with its numbers in Arabic numerals (十二月のイベント → 12月のイベント),
  /// which a search says it looked for too; nil when it holds none.
  static func arabic(query: String) -> String? {
    var normalizer = Normalizer()
    let input = query.unicodeScalars.map(\.value)
    let n = normalizer.normalize(input)
    let found = numbers(in: n.scalars)
    guard !found.isEmpty else { return nil }
    var out = input
    for (range, arabic) in found.reversed() {
      let from = Int(n.originStart[range.lowerBound])
      out.replaceSubrange(from..<Int(n.originEnd[range.upperBound - 1]), with: arabic)
    }
    return SearchText.string(out)
  }

  static func ascii(_ n: Int) -> [UInt32] { String(n).unicodeScalars.map(\.value) }
  static func scalar(_ s: String) -> UInt32 { s.unicodeScalars.first!.value }
}
