import Diagnostics

/// Long kanji compounds (防災情報伝達体制整備) are hard to read and to look up. Kanji with
/// furigana and glossary terms do not count, because the reader is given their reading or meaning.
struct KanjiRunRule: Rule {
  let id = "lint.kanji-run"
  let summary = "Too many kanji in a row."
  let threshold: Threshold? = Threshold(
    value: 6, meaning: "maximum kanji in a row", range: 2...100)

  func check(_ block: LintBlock, _ context: RuleContext) -> [Diagnostic] {
    var result: [Diagnostic] = []
    let text = block.text
    var i = 0
    while i < text.count {
      guard counts(block, i) else {
        i += 1
        continue
      }
      var end = i
      while end < text.count, counts(block, end) { end += 1 }
      if end - i > context.threshold {
        result.append(
          context.warning(
            block, at: i,
            "\(end - i) kanji in a row (「\(text.excerpt(i..<end))」); the limit is \(context.threshold)",
            hint:
              "break it up with kana (防災計画策定 → 防災計画をつくる), or add furigana with {漢字|かんじ}"
          ))
      }
      i = end
    }
    return result
  }

  private func counts(_ block: LintBlock, _ i: Int) -> Bool {
    block.text[i].isKanji && !block.furigana[i] && !block.glossary[i]
  }
}

/// A paragraph dense with kanji looks hard before it is read. Measured per paragraph over
/// letters only (kanji, kana, Latin letters and digits; punctuation and spaces are left out), and
/// only for paragraphs of at least `minimumLetters`, because a short line of names is all kanji
/// by nature. Kanji with furigana count as kana.
struct KanjiRatioRule: Rule {
  let id = "lint.kanji-ratio"
  let summary = "A paragraph has too high a share of kanji."
  let threshold: Threshold? = Threshold(
    value: 40, meaning: "maximum percentage of kanji among the letters of a paragraph",
    range: 1...100)
  static let minimumLetters = 20

  func check(_ block: LintBlock, _ context: RuleContext) -> [Diagnostic] {
    guard block.kind == .paragraph, let first = block.sentences.first else { return [] }
    var letters = 0
    var kanji = 0
    for (i, c) in block.text.enumerated() where c.isWordCharacter {
      letters += 1
      if c.isKanji && !block.furigana[i] { kanji += 1 }
    }
    guard letters >= Self.minimumLetters else { return [] }
    let percent = kanji * 100 / letters
    guard percent > context.threshold else { return [] }
    return [
      context.warning(
        block, at: first.lowerBound,
        "kanji are \(percent) % of this paragraph (the limit is \(context.threshold) %)",
        hint:
          "write some words in kana (及び → と・や, 等 → など, 出来る → できる) or add furigana with {漢字|かんじ}"
      )
    ]
  }
}
