import Content
import Diagnostics

/// 公用文作成の考え方 (2022) asks for Arabic numerals in horizontal text (3人, 12月5日) and keeps
/// kanji for idioms, fixed words and approximate numbers (一部, 一般, 数十人, 二、三人). Without a
/// dictionary, a kanji number is reported only when a counter follows it (人, 回, 年, 円…), since
/// that is where it is a quantity, or when it is spelled with a unit (二十三の事業) and no kanji
/// follows; it is left alone inside a kanji word (統一回答, 数十人, 五十音), in the words of
/// `keep`, in code and in 「」 (a name quoted as written).
///
/// `--fix` writes the Arabic number when the kanji have one value and the number ends where a
/// quantity does: before a counter that no other kanji follows but a number's (3人, 12月5日,
/// 3日間, 3年後), or a composed number before no kanji. 一年生 and 三人組 are warned, not changed:
/// a counter inside a longer word may be part of a fixed one.
struct KanjiNumberRule: Rule {
  let id = "lint.kanji-number"
  let summary = "A number written in kanji where Arabic numerals are the rule (三人 → 3人)."
  let japaneseSummary = "数が漢数字で書かれています（三人 → 3人）。"
  let fix: FixSummary? = FixSummary("a number in kanji (三人 → 3人)", "漢数字の数（三人 → 3人）")

  static let digits = CharacterClass("〇一二三四五六七八九十百千")
  static let numerals = CharacterClass("〇一二三四五六七八九十百千万億兆")
  /// Words that keep kanji: idioms and fixed words, and place names with a counter-like kanji.
  static let keep = [
    "一人ひとり", "一人一人", "一部", "一般", "一層", "一体", "一時", "一番", "一日も", "一日でも", "一本化", "一丸",
    "一回り", "十分", "万一", "四季", "二人三脚", "三位一体", "一期一会", "十人十色", "三日月", "千代",
    "八千代", "九十九里", "六本木", "三日坊主", "一人前", "一種の", "一戸建",
    // Places of Chiba (三番瀬, 八日市場) and an idiom of an age, not a count (千年に一度).
    "三番瀬", "八日市場", "千年に一度", "百年に一度",
  ].map(LintCharacter.array)
  /// Counters after which a number is a quantity, an order or a date.
  static let counters = [
    "人", "名", "件", "回", "年", "か月", "カ月", "ヶ月", "ケ月", "箇月", "月", "日", "時", "分", "秒", "円",
    "個", "本", "枚", "歳", "才", "台", "階", "号", "倍", "割", "社", "校", "週", "期", "位", "点", "冊",
    "部", "番", "か所", "カ所", "ヶ所", "箇所", "か国", "カ国", "章", "条", "項", "種", "世帯", "軒", "戸",
    "代", "区", "市", "町", "村", "％", "%",
  ].map(LintCharacter.array)
  /// A number spelled with a unit and a digit (二十三, 三百, 十二): a quantity whatever follows
  /// it (二十三の事業), unless a kanji follows, as in the fixed words 五十音 and 八百屋.
  static func isComposed(_ run: ArraySlice<LintCharacter>) -> Bool {
    run.count >= 2 && run.contains { units.contains($0) } && run.contains { ones.contains($0) }
  }
  static let units = CharacterClass("十百千")
  static let ones = CharacterClass("一二三四五六七八九")
  /// Kanji that may stand right before a number that should be Arabic: 第三回, 約五人, 年二回.
  static let prefixes = CharacterClass("第約計全各毎満年月週日")
  /// Kanji that may follow a counter in a quantity to fix: a number's (十二月五日), 年度, 2回目,
  /// 3日間, 3年後・前, 3人以上, 3人程, 30人余, 3時頃, 1時半.
  static let afterCounter = CharacterClass("〇一二三四五六七八九十百千万億兆度目間後前以程余頃半")

  func check(_ block: LintBlock, _ context: RuleContext) -> [Diagnostic] {
    var result: [Diagnostic] = []
    let text = block.text
    var i = 0
    while i < text.count {
      guard Self.numerals.contains(text[i]), i == 0 || !Self.numerals.contains(text[i - 1]) else {
        i += 1
        continue
      }
      var end = i
      while end < text.count, Self.numerals.contains(text[end]) { end += 1 }
      defer { i = end }
      guard text[i..<end].contains(where: { Self.digits.contains($0) }), !block.isInCodeSpan(i),
        !text.isQuoted(i..<end)
      else { continue }
      if i > 0 {
        let before = text[i - 1]
        if before.isKanji && !Self.prefixes.contains(before) { continue }
        if before.isArabicDigit { continue }
        // 概数 written with 、: 二、三人, 四、五十人.
        if before.isTouten, i >= 2, Self.numerals.contains(text[i - 2]) { continue }
      }
      if end + 1 < text.count, text[end].isTouten, Self.numerals.contains(text[end + 1]) {
        continue
      }
      if Self.keep.contains(where: { text.hasPrefix($0, at: i) }) { continue }
      let counter = Self.counters.first { text.hasPrefix($0, at: end) }
      let composed = Self.isComposed(text[i..<end]) && (end == text.count || !text[end].isKanji)
      guard counter != nil || composed else { continue }
      let number = text.excerpt(i..<end)
      // The number to write when it has one value (三十 → 30), else the rule with examples.
      let written = KanjiNumerals.value(of: number).map {
        KanjiNumerals.written($0, keepingLargeUnitsOf: number)
      }
      let hints =
        written.map { value in
          (
            "write 「\(value)」 for 「\(number)」: numbers take Arabic numerals in horizontal text; idioms such as 一部, 一般 and 一つ keep kanji",
            "「\(number)」は「\(value)」と、算用数字で書いてください（横書きでは、数は算用数字で書きます）。一部、一般、一つのような決まった言葉は漢字のままにします"
          )
        }
        ?? (
          "write numbers with Arabic numerals in horizontal text (三人 → 3人, 十二月 → 12月); idioms such as 一部, 一般 and 一つ keep kanji",
          "横書きでは、数は算用数字（1、2、3）で書いてください（三人 → 3人、十二月 → 12月）。一部、一般、一つのような決まった言葉は漢字のままにします"
        )
      var warning = context.warning(
        block, at: i, "the number 「\(number)」 is written in kanji", hint: hints.0
      ).ja("数「\(number)」が漢数字で書かれています", hint: hints.1)
      let after = end + (counter?.count ?? 0)
      if let written,
        composed || after == text.count || !text[after].isKanji
          || Self.afterCounter.contains(text[after]),
        !(i..<end).contains(where: { block.furigana[$0] })
      {
        warning = warning.fixing(number, with: written, at: block.location(of: i))
      }
      result.append(warning)
    }
    return result
  }
}
