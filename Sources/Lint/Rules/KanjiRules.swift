import Diagnostics

/// Long kanji compounds (防災情報伝達体制整備) are hard to read and to look up. Kanji with
/// furigana and glossary terms do not count, because the reader is given their reading or meaning.
struct KanjiRunRule: Rule {
  let id = "lint.kanji-run"
  let summary = "Too many kanji in a row."
  let japaneseSummary = "漢字が続けて並びすぎています。"
  let threshold: Threshold? = Threshold(
    value: 6, meaning: "maximum kanji in a row",
    japaneseMeaning: "続けて書ける漢字の最大の数", range: 2...100)

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
      // A name quoted as it is (「デジタル田園都市国家構想」) is not the writer's to break up,
      // nor an address (千葉市中央区市場町).
      if end - i > context.threshold, !text.isQuoted(i..<end), !Self.isAddress(text, i..<end) {
        result.append(
          context.warning(
            block, at: i,
            "\(end - i) kanji in a row (「\(text.excerpt(i..<end))」); the limit is \(context.threshold)",
            hint: context.noFurigana
              ? "break it up with kana (防災計画策定 → 防災計画をつくる), or use a plainer word and explain the term in the body (furigana does not work here)"
              : "break it up with kana (防災計画策定 → 防災計画をつくる), or add furigana with \(block.furiganaExample("漢字", reading: "かんじ"))"
          ).ja(
            "漢字が\(end - i)字続いています（「\(text.excerpt(i..<end))」）。目安は\(context.threshold)字までです",
            hint: context.noFurigana
              ? "ひらがなを入れて区切るか（防災計画策定 → 防災計画をつくる）、やさしい言葉にして、用語の説明は本文に書いてください（ここではふりがなは使えません）"
              : "ひらがなを入れて区切るか（防災計画策定 → 防災計画をつくる）、`\(block.furiganaExample("漢字", reading: "かんじ"))` の形でふりがなを付けてください"
          ))
      }
      i = end
    }
    return result
  }

  private func counts(_ block: LintBlock, _ i: Int) -> Bool {
    block.text[i].isKanji && !block.furigana[i] && !block.glossary[i]
  }

  /// The ends of the names an address is made of: 都道府県, 郡, 市区町村.
  static let placeEnds: Set<Character> = ["都", "道", "府", "県", "郡", "市", "区", "町", "村"]

  /// Whether the run is an address written as it must be (千葉県千葉市中央区市場町,
  /// 山武郡横芝光町): names of two to five kanji each ending in 都道府県・郡・市区町村, at
  /// least two of them, the last ending the run or followed by its block number (1番1号,
  /// 1-1, 一丁目). A reader cannot be offered kana for an address, and no writer may change one.
  static func isAddress(_ text: [LintCharacter], _ run: Range<Int>) -> Bool {
    var names = 0
    var length = 0
    for i in run {
      length += 1
      guard placeEnds.contains(text[i].character), length >= 2 else { continue }
      guard length <= 5 else { return false }
      names += 1
      length = 0
    }
    // What is left after the last name: a district of up to four kanji before its number
    // (1番1号), or the number in kanji (一丁目, 三番地).
    guard names >= 2, length <= 4 else { return false }
    guard length > 0 else { return true }
    let rest = String(text[(run.upperBound - length)..<run.upperBound].map(\.character))
    let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    if let unit = ["丁目", "番地", "番", "号"].first(where: rest.hasSuffix),
      rest.dropLast(unit.count).allSatisfy(numerals.contains), rest.count > unit.count
    {
      return true
    }
    let next = run.upperBound < text.count ? text[run.upperBound].character : " "
    return next.isNumber
  }
}

/// A paragraph dense with kanji looks hard before it is read. Measured per paragraph over
/// letters only (kanji, kana, Latin letters and digits; punctuation and spaces are left out), and
/// only for paragraphs of at least `minimumLetters`, because a short line of names is all kanji
/// by nature. Kanji with furigana count as kana.
struct KanjiRatioRule: Rule {
  let id = "lint.kanji-ratio"
  let summary = "A paragraph has too high a share of kanji."
  let japaneseSummary = "段落の中の漢字の割合が高すぎます。"
  let threshold: Threshold? = Threshold(
    value: 40, meaning: "maximum percentage of kanji among the letters of a paragraph",
    japaneseMeaning: "段落の文字のうち漢字の割合の上限（%）",
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
    let hints = Self.hints(block)
    return [
      context.warning(
        block, at: first.lowerBound,
        "kanji are \(percent) % of this paragraph (the limit is \(context.threshold) %)",
        hint: hints.english
      ).ja(
        "この段落は文字の\(percent)%が漢字です（目安は\(context.threshold)%まで）",
        hint: hints.japanese)
    ]
  }

  /// Words public writing puts in kana (公用文作成の考え方), with their kana.
  static let kanaWords: [(kanji: String, kana: String)] = [
    ("及び", "と・や"), ("又は", "または"), ("但し", "ただし"), ("出来", "でき"), ("下さい", "ください"),
    ("致し", "いたし"), ("頂", "いただ"), ("全て", "すべて"), ("様々", "さまざま"), ("既に", "すでに"),
    ("更に", "さらに"), ("沢山", "たくさん"), ("殆ど", "ほとんど"), ("予め", "あらかじめ"), ("為に", "ために"),
    ("事が", "ことが"), ("事を", "ことを"), ("時に", "ときに"),
  ]

  /// `kanaWords`' kanji as characters, to look for them in a paragraph's characters.
  static let kanaWordCharacters = kanaWords.map { LintCharacter.array($0.kanji) }

  /// The words of `kanaWordCharacters` by their first character's scalar (`LintCharacter.key`,
  /// 0 for a character compared as a character), so a paragraph is read once for all of
  /// them: read once per word, the hint of a paragraph warned about (54,663 at 10,000 pages)
  /// was 2 % of a lint.
  static let kanaWordsByFirst: [UInt32: [Int]] = Dictionary(
    grouping: kanaWordCharacters.indices, by: { kanaWordCharacters[$0][0].key })

  /// The indices of `kanaWords` written in `text`, in `kanaWords`' order: what looking for
  /// each word in turn finds. A character of the text that does not compare by its scalar
  /// (several scalars, a singleton decomposition) is compared with every word as a character.
  static func kanaWordsWritten(in text: [LintCharacter]) -> [Int] {
    var found = Set<Int>()
    func look(for words: some Sequence<Int>, at i: Int) {
      for w in words where !found.contains(w) {
        let word = kanaWordCharacters[w]
        if text[i] == word[0], text.hasPrefix(word, at: i) { found.insert(w) }
      }
    }
    for i in text.indices {
      if text[i].key != 0 {
        look(for: kanaWordsByFirst[text[i].key] ?? [], at: i)
        // A word whose first character has no key could still equal it (か + ゙ is が).
        look(for: kanaWordsByFirst[0] ?? [], at: i)
      } else {
        look(for: kanaWords.indices, at: i)
      }
    }
    return found.sorted()
  }

  /// What to change in this paragraph, in English and Japanese: the words it writes in kanji
  /// that public writing puts in kana, else its longest kanji words, to give furigana or write
  /// more plainly (a fixed list of examples named words the paragraph did not have). Found once
  /// on the paragraph's characters for both languages: searching its text as a `String`
  /// (Foundation's `contains`) for each word, twice, was a fifth of a lint of 10,000 pages.
  static func hints(_ block: LintBlock) -> (english: String, japanese: String) {
    let text = block.text
    let found = kanaWordsWritten(in: text).prefix(3).map { kanaWords[$0] }
    if !found.isEmpty {
      let words = found.map { "\($0.kanji) → \($0.kana)" }
      return (
        "write these in kana: " + words.joined(separator: ", "),
        "次の言葉はひらがなで書いてください：" + words.joined(separator: "、")
      )
    }
    var words: [String] = []
    var i = 0
    while i < text.count {
      guard text[i].isKanji, !block.furigana[i] else {
        i += 1
        continue
      }
      var end = i
      while end < text.count, text[end].isKanji, !block.furigana[end] { end += 1 }
      let word = text.string(i..<(end - Self.stemAtEnd(text, i..<end)))
      if word.count >= 2, !words.contains(word) { words.append(word) }
      i = end
    }
    // Each word's length counted once, not at every comparison of the sort.
    let longest = words.map { ($0, $0.count) }.enumerated().sorted {
      $0.element.1 != $1.element.1 ? $0.element.1 > $1.element.1 : $0.offset < $1.offset
    }.prefix(2).map { "「\($0.element.0)」" }
    guard let example = longest.first else {
      return (
        "write some words in kana, or add furigana with {漢字|かんじ}",
        "いくつかの言葉をひらがなで書くか、`{漢字|かんじ}` の形でふりがなを付けてください"
      )
    }
    return (
      "add furigana to its longest kanji words (\(longest.joined()), e.g. {\(example.dropFirst().dropLast())|…}), or write some of them in kana or plainer words",
      "長い漢字の言葉（\(longest.joined())）にふりがなを付けるか（例：`{\(example.dropFirst().dropLast())|…}`）、その一部をひらがなやわかりやすい言葉で書いてください"
    )
  }
}

extension KanjiRatioRule {
  /// Kana that end a verb's or adjective's stem (取り, 残る, 守れ, 決め, 多く), not a particle
  /// and not する's (実施し, 改善す, 推進さ, where the kanji are the whole word).
  static let okurigana: Set<Character> = [
    "り", "る", "れ", "ろ", "ら", "ち", "つ", "っ", "わ", "え", "け", "こ", "ま", "み", "む", "め",
    "べ", "ぶ", "び", "げ", "ぐ", "ぎ", "く", "き",
  ]

  /// 1 when the run of three or more kanji at `run` ends in a stem its kana goes on
  /// (誰一人取り残さない: 誰一人 and 取り), so the hint names 誰一人, not 誰一人取; else 0.
  static func stemAtEnd(_ text: [LintCharacter], _ run: Range<Int>) -> Int {
    guard run.count >= 3, run.upperBound < text.count,
      okurigana.contains(text[run.upperBound].character)
    else { return 0 }
    return 1
  }
}

/// Kanji outside the 常用漢字 (匝瑳, 囃子, 綺麗) are ones many residents cannot read, older
/// readers and people learning Japanese most of all; public writing keeps to the table and
/// gives a reading where it cannot (a place's name). A word (a run of kanji) passes when it
/// carries furigana, is explained in brackets, or is a glossary term; each word is reported once
/// per page.
struct RareKanjiRule: Rule {
  let id = "lint.rare-kanji"
  let summary = "Kanji outside the 常用漢字 without a reading."
  let japaneseSummary = "常用漢字にない漢字に、読み方がありません。"

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    Loanwords.check(page, context, everyday: []) { text, i in
      guard text[i].isKanji, i == 0 || !text[i - 1].isKanji else { return nil }
      var end = i
      while end < text.count, text[end].isKanji { end += 1 }
      return i..<end
    } shouldCheck: { text, range in
      Self.hasRareKanji(text, range, known: context.site.knownWords)
    } message: { word in
      let rare = String(word.filter { Self.isRare(LintCharacter($0)) })
      return
        "「\(word)」 has kanji outside the 常用漢字 (\(rare.map(String.init).joined(separator: "・"))), which many readers cannot read"
    } hint: { word, block in
      context.noFurigana
        ? "write it in kana or a plainer word, give its reading in brackets (\(word)（…）), or explain it in the body (furigana does not work here)"
        : "add furigana with \(block.furiganaExample(word)), write it in kana, or explain it in brackets"
    } japanese: { word, block in
      let rare = String(word.filter { Self.isRare(LintCharacter($0)) })
      return (
        "「\(word)」には常用漢字にない漢字（\(rare.map(String.init).joined(separator: "・"))）があり、読めない人が多くいます",
        context.noFurigana
          ? "ひらがなやわかりやすい言葉で書くか、かっこで読み方を書くか（\(word)（…））、本文で説明してください（ここではふりがなは使えません）"
          : "`\(block.furiganaExample(word))` の形でふりがなを付けるか、ひらがなで書くか、かっこで説明してください"
      )
    }
  }

  /// Whether the run has a rare kanji outside every known word written in it (柏市役所 passes
  /// when 柏市 is known).
  static func hasRareKanji(_ text: [LintCharacter], _ range: Range<Int>, known: Set<String>)
    -> Bool
  {
    var rare = Set(range.filter { isRare(text[$0]) })
    guard !rare.isEmpty, !known.isEmpty else { return !rare.isEmpty }
    let run = Array(text[range])
    for word in known {
      let chars = word.map(LintCharacter.init)
      guard !chars.isEmpty, chars.count <= run.count else { continue }
      for start in 0...(run.count - chars.count)
      where Array(run[start..<start + chars.count]) == chars {
        rare.subtract((start..<start + chars.count).map { range.lowerBound + $0 })
      }
    }
    return !rare.isEmpty
  }

  /// A kanji the table does not have; 々, 〆 and 〇 are marks read with the kanji around them.
  static func isRare(_ c: LintCharacter) -> Bool {
    c.isKanji && !(0x3005...0x3007).contains(c.scalar) && !JoyoKanji.contains(c.scalar)
  }
}
