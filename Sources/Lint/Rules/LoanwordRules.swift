import Diagnostics

/// Katakana loanwords (アクセシビリティ) are hard for many residents, older readers and people
/// learning Japanese; the やさしい日本語 guideline asks to avoid them or explain them. A word passes
/// when it is a glossary term or alias (the page links it), is explained in brackets right after
/// it or stands in brackets after its explanation, carries furigana, or is a common everyday word.
/// Each word is reported once per page, and a word explained once may be used bare afterwards.
struct KatakanaWordRule: Rule {
  let id = "lint.katakana-word"
  let summary = "A katakana loanword that is neither in the glossary nor explained."
  let japaneseSummary = "用語集になく、説明もないカタカナ語があります。"
  let threshold: Threshold? = Threshold(
    value: 4, meaning: "minimum length of a katakana word to check",
    japaneseMeaning: "確かめるカタカナ語の最低の文字数", range: 2...50)

  /// Loanwords residents use every day; kept short so the glossary stays the place to add words.
  static let everyday: Set<String> = [
    "インターネット", "スマートフォン", "パソコン", "ホームページ", "メールアドレス", "デジタル", "サービス",
    "ボランティア", "ニュース", "イベント", "センター", "カレンダー", "ポスター", "パンフレット", "マイナンバー",
    "マイナンバーカード", "タクシー", "エレベーター", "スポーツ", "コンビニ", "テレビ",
    // How residents pay and get forms: words of every day since cashless payment and e-forms.
    "クレジットカード", "ダウンロード",
    // How residents without the internet apply (an event's `fax`), older readers most of all.
    "ファクス", "ファックス",
  ]

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    Loanwords.check(page, context, everyday: Self.everyday) { text, i in
      // A run of katakana, joined across ・ (デジタル・トランスフォーメーション).
      guard text[i].isKatakana, i == 0 || !(text[i - 1].isKatakana || text[i - 1] == "・")
      else { return nil }
      var end = i
      while end < text.count,
        text[end].isKatakana
          || (text[end] == "・" && end + 1 < text.count && text[end + 1].isKatakana)
      {
        end += 1
      }
      return i..<end
    } shouldCheck: { text, range in
      text[range].count(where: { $0 != "・" }) >= context.threshold
        && text[range].contains(where: { $0 != "ー" && $0 != "・" })
    } message: { word in
      "「\(word)」 is a katakana word that is not in the glossary and not explained"
    } hint: { word, block in
      let plain = PlainWords.plain(for: word).map { " (「\(word)」 → 「\($0)」)" } ?? ""
      return context.noFurigana
        ? "use a Japanese word\(plain), explain it in brackets (\(word)（…）) or in the body, or add it to content/glossary/ as a term or alias (furigana does not work here)"
        : "use a Japanese word\(plain), explain it in brackets (\(word)（…）), add furigana with \(block.furiganaExample(word)), or add it to content/glossary/ as a term or alias"
    } japanese: { word, block in
      let plain = PlainWords.plain(for: word).map { "「\($0)」などの" } ?? ""
      return (
        "「\(word)」はカタカナ語ですが、用語集になく、説明もありません",
        context.noFurigana
          ? "\(plain)日本語の言葉に言い換えるか、かっこ（\(word)（…））や本文で説明するか、`content/glossary/` に用語か別名（`aliases`）として加えてください（ここではふりがなは使えません）"
          : "\(plain)日本語の言葉に言い換えるか、かっこ（\(word)（…））やふりがな（`\(block.furiganaExample(word))`）で説明してください。サイトでよく使う言葉なら、`content/glossary/` に用語か別名（`aliases`）として加えることもできます"
      )
    }
  }
}

/// Latin abbreviations (ICT, DX) mean nothing to a reader who does not already know them. Same
/// passes as for katakana words; words inside URLs, e-mail addresses and code are left alone.
struct AcronymRule: Rule {
  let id = "lint.acronym"
  let summary = "A Latin abbreviation that is neither in the glossary nor explained."
  let japaneseSummary = "用語集になく、説明もない略語（ABC など）があります。"
  let threshold: Threshold? = Threshold(
    value: 2, meaning: "minimum capital letters that make a word an abbreviation",
    japaneseMeaning: "略語とみなす大文字の最低の数", range: 1...20)

  /// Abbreviations that residents read as words.
  static let everyday: Set<String> = ["PDF", "QR", "JR", "NHK", "TEL", "FAX", "LINE"]

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    Loanwords.check(page, context, everyday: Self.everyday) { text, i in
      guard text[i].isLatinWordCharacter, i == 0 || !text[i - 1].isLatinWordCharacter else {
        return nil
      }
      var end = i
      while end < text.count, text[end].isLatinWordCharacter { end += 1 }
      return i..<end
    } shouldCheck: { text, range in
      text[range].count(where: { $0.isLatinUppercase }) >= context.threshold
        && !Self.isInAddress(text, range)
    } message: { word in
      "「\(word)」 is an abbreviation that is not in the glossary and not explained"
    } hint: { word, _ in
      "write it out or explain it in brackets (\(word)（…）), or add it to content/glossary/ as a term or alias"
    } japanese: { word, _ in
      (
        "「\(word)」は略語ですが、用語集になく、説明もありません",
        "略さずに書くか、かっこで説明するか（\(word)（…））、`content/glossary/` に用語か別名（`aliases`）として加えてください"
      )
    }
  }

  /// Whether the word is part of a URL or an e-mail address written as text.
  static func isInAddress(_ text: [LintCharacter], _ range: Range<Int>) -> Bool {
    func isTokenCharacter(_ c: LintCharacter) -> Bool {
      c.scalar < 0x80 && c.character.isASCII && !c.isWhitespace
    }
    // The ASCII run around the word, at most `reach` characters each way: a line of 2,000
    // addresses with no space between is one run, and reading all of it for each word made
    // the lint of one such line take seconds. No address is that long.
    let reach = 2_048
    var start = range.lowerBound
    while start > 0, range.lowerBound - start < reach, isTokenCharacter(text[start - 1]) {
      start -= 1
    }
    var end = range.upperBound
    while end < text.count, end - range.upperBound < reach, isTokenCharacter(text[end]) {
      end += 1
    }
    func scalar(_ i: Int) -> UInt32 { i < end ? text[i].scalar : 0 }
    if scalar(start) == 0x77, scalar(start + 1) == 0x77, scalar(start + 2) == 0x77,
      scalar(start + 3) == 0x2E
    {
      return true
    }
    for i in start..<end {
      switch text[i].scalar {
      case 0x40: return true
      case 0x3A where scalar(i + 1) == 0x2F && scalar(i + 2) == 0x2F: return true
      default: continue
      }
    }
    return false
  }
}

/// English words and phrases (Smart City, e-Tax) are harder still than katakana for many
/// residents, and a screen reader reading Japanese says them in Japanese sounds unless the page
/// marks their language, which it does only for a glossary entry's `english:` name. Same passes
/// as for katakana words; a glossary entry's English name passes too (it is declared, and marked),
/// and so does a word its sentence calls English (英語の「trans」には…), which the sentence is
/// explaining. Abbreviations in capitals are `lint.acronym`'s, and words inside URLs, e-mail
/// addresses and code are left alone. Words joined by single spaces are one phrase, reported
/// once.
struct EnglishWordRule: Rule {
  let id = "lint.english-word"
  let summary = "An English word or phrase that is neither in the glossary nor explained."
  let japaneseSummary = "用語集になく、説明もない英語の言葉があります。"
  let threshold: Threshold? = Threshold(
    value: 3, meaning: "minimum letters of an English word or phrase to check",
    japaneseMeaning: "確かめる英語の言葉の最低の文字数", range: 1...50)

  /// Names residents know as they are written.
  static let everyday: Set<String> = ["Wi-Fi", "YouTube", "Zoom"]

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    Loanwords.check(page, context, everyday: Self.everyday) { text, i in
      guard text[i].isLatinLetter, i == 0 || !text[i - 1].isLatinWordCharacter else {
        return nil
      }
      // Letters and digits, joined by - ' . (e-Tax, Wi-Fi) and by single spaces before a
      // letter (Digital Transformation).
      var end = i
      while end < text.count {
        if text[end].isLatinWordCharacter {
          end += 1
          continue
        }
        guard end + 1 < text.count else { break }
        let next = text[end + 1]
        switch text[end].scalar {
        case 0x2D, 0x27, 0x2E: guard next.isLatinWordCharacter else { return i..<end }
        case 0x20: guard next.isLatinLetter else { return i..<end }
        default: return i..<end
        }
        end += 1
      }
      return i..<end
    } shouldCheck: { text, range in
      text[range].count(where: { $0.isLatinLetter }) >= context.threshold
        && text[range].contains(where: { $0.isLatinLowercase })
        && !AcronymRule.isInAddress(text, range)
        && !context.site.englishNames.contains(text.string(range))
        && !Self.sentenceNamesEnglish(text, around: range)
    } message: { phrase in
      "「\(phrase)」 is English that is not in the glossary and not explained"
    } hint: { phrase, _ in
      "write it in Japanese, or explain it in brackets (\(phrase)（…）) or put it in brackets after the Japanese; an English name kept on purpose can be a glossary entry's `english:`, which marks its language for screen readers"
    } japanese: { phrase, _ in
      (
        "「\(phrase)」は英語ですが、用語集になく、説明もありません",
        "日本語で書くか、かっこで説明するか（\(phrase)（…））、日本語の後ろのかっこに入れてください。わざと英語のまま使う名前は、用語集の項目の `english:` に書くと、読み上げソフトが英語として読みます"
      )
    }
  }

  /// Whether the sentence holding `range` says 英語: it is about the word as English.
  static func sentenceNamesEnglish(_ text: [LintCharacter], around range: Range<Int>) -> Bool {
    var start = range.lowerBound
    while start > 0, !text[start - 1].endsSentence { start -= 1 }
    var end = range.upperBound
    while end < text.count, !text[end].endsSentence { end += 1 }
    var i = start
    while i + 1 < end {
      if text[i] == "英" && text[i + 1] == "語" { return true }
      i += 1
    }
    return false
  }
}

/// The shared walk of the two loanword rules.
enum Loanwords {
  static func check(
    _ page: LintPage, _ context: RuleContext, everyday: Set<String>,
    word: ([LintCharacter], Int) -> Range<Int>?,
    shouldCheck: ([LintCharacter], Range<Int>) -> Bool,
    message: (String) -> String, hint: (String, LintBlock) -> String,
    japanese: (String, LintBlock) -> (message: String, hint: String)
  ) -> [Diagnostic] {
    var result: [Diagnostic] = []
    var seen: Set<String> = []
    for block in page.blocks {
      let text = block.text
      var i = 0
      while i < text.count {
        guard let range = word(text, i) else {
          i += 1
          continue
        }
        i = range.upperBound
        guard shouldCheck(text, range) else { continue }
        let name = text.string(range)
        guard !seen.contains(name), !everyday.contains(name),
          !context.site.knownWords.contains(name)
        else { continue }
        seen.insert(name)
        // Everyday words written together are asked last: most words pass before.
        if range.allSatisfy({ block.glossary[$0] }) || range.contains(where: { block.furigana[$0] })
          || isExplained(text, range) || block.isInCodeSpan(range.lowerBound)
          || isCompound(name, of: everyday)
        {
          continue
        }
        let ja = japanese(name, block)
        result.append(
          context.warning(block, at: range.lowerBound, message(name), hint: hint(name, block)).ja(
            ja.message, hint: ja.hint))
      }
    }
    return result
  }

  /// Whether `name` is everyday words written together (デジタルサービス, デジタル・サービス):
  /// each part passes alone, so the whole does.
  static func isCompound(_ name: String, of everyday: Set<String>) -> Bool {
    guard !everyday.isEmpty else { return false }
    let letters = Array(name.filter { $0 != "・" })
    // reachable[k]: the first k letters are everyday words one after another; a word is tried
    // where one ends, by its letters, with no string made.
    var reachable = [Bool](repeating: false, count: letters.count + 1)
    reachable[0] = true
    for k in 0..<letters.count where reachable[k] {
      for word in everyday where word.count <= letters.count - k {
        if letters[k..<(k + word.count)].elementsEqual(word) { reachable[k + word.count] = true }
      }
    }
    return reachable[letters.count]
  }

  /// Explained in brackets right after (ICT（情報通信技術）), also after the compound it starts
  /// (フィジカル空間（現実空間）: up to four kanji more), or standing in brackets after its
  /// explanation (情報通信技術（ICT）).
  static func isExplained(_ text: [LintCharacter], _ range: Range<Int>) -> Bool {
    var after = range.upperBound
    var rest = 0
    while after < text.count, rest < 4, text[after].isKanji {
      after += 1
      rest += 1
    }
    while after < text.count, text[after] == " " || text[after] == "　" { after += 1 }
    if after < text.count, text[after].isOpeningParenthesis { return true }
    var depth = 0
    var k = range.lowerBound - 1
    while k >= 0, !text[k].endsSentence {
      if text[k].isClosingParenthesis { depth += 1 }
      if text[k].isOpeningParenthesis {
        if depth == 0 { return true }
        depth -= 1
      }
      k -= 1
    }
    return false
  }
}
