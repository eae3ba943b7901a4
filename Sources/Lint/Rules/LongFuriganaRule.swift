import Diagnostics

/// Furigana over a long compound (`{千葉県電子自治体共同運営協議会|ちばけんでんしじちたい…}`):
/// the browser spreads the whole word to the width of its reading, so its kanji stand apart
/// and the line breaks in odd places, and a reader with little kanji gets one long run of kana
/// instead of words. A reading per word (`{千葉県|ちばけん}{電子自治体|でんしじちたい}…`) reads as
/// words and keeps the kanji together.
struct LongFuriganaRule: Rule {
  let id = "lint.long-furigana"
  let summary = "Furigana over a long word, which spreads the word out: one reading per word."
  let japaneseSummary = "長い言葉にまとめてふりがなを付けていて、言葉が広がります。ふりがなは言葉ごとに付けます。"
  let threshold: Threshold? = Threshold(
    value: 10, meaning: "maximum characters in one group's reading",
    japaneseMeaning: "一つのふりがなの最大の文字数", range: 4...100)

  func check(_ block: LintBlock, _ context: RuleContext) -> [Diagnostic] {
    block.rubyGroups.compactMap { group in
      // A reading per character (`{綺麗|き|れい}`) sits over its own character: nothing
      // spreads, and its bars are no part of the reading's length.
      guard group.reading.count > context.threshold, !group.perCharacter else { return nil }
      let base = block.text.string(group.base)
      let reading = group.reading.map(\.character).map(String.init).joined()
      return context.warning(
        block, at: group.base.lowerBound,
        "the furigana of 「\(base)」 is \(group.reading.count) characters long: the word is spread out to its width",
        hint:
          "give each word of it its own reading, e.g. {千葉県|ちばけん}{電子自治体|でんしじちたい} instead of one group ({\(base)|\(reading)})"
      ).ja(
        "「\(base)」のふりがなは\(group.reading.count)文字あり、言葉がふりがなの幅まで広がってしまいます",
        hint:
          "`{\(base)|\(reading)}` とまとめず、言葉ごとにふりがなを付けてください（たとえば「千葉県電子自治体」なら `{千葉県|ちばけん}{電子自治体|でんしじちたい}` と書きます）"
      )
    }
  }
}
