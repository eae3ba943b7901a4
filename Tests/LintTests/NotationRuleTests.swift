import Testing

@testable import Lint

@Suite struct NotationRuleTests {
  @Test func dateWithoutWeekdayWarns() throws {
    #expect(positions(try lint("説明会は12月5日に開きます。", rule: "lint.date-weekday")) == ["1:5"])
    let withYear = try lint("2026年12月5日に開きます。", rule: "lint.date-weekday")
    #expect(withYear.first?.message.contains("「2026年12月5日」") == true)
    let era = try lint("令和8年12月5日に開きます。", rule: "lint.date-weekday")
    #expect(positions(era) == ["1:1"])
    #expect(try lint("１２月５日に開きます。", rule: "lint.date-weekday").count == 1)
  }

  @Test func dateWithWeekdayOrAsAPointInTimePasses() throws {
    for text in [
      "12月5日（土）に開きます。", "12月5日 (土) に開きます。", "12月5日（土・祝）に開きます。",
      "2026年4月1日現在の数です。", "毎年4月1日に始まります。", "12月に開きます。",
    ] {
      #expect(try lint(text, rule: "lint.date-weekday").isEmpty, "\(text)")
    }
  }

  /// The hint gives the real weekday when the year is written (2026年12月10日 is a Thursday;
  /// 令和8年 is 2026), and no weekday at all when it is not.
  @Test func weekdayHintComesFromTheCalendar() throws {
    let hint = { (text: String) in try lint(text, rule: "lint.date-weekday").first?.hint ?? "" }
    #expect(try hint("2026年12月10日に開きます。").hasSuffix("2026年12月10日（木）"))
    #expect(try hint("令和8年12月10日に開きます。").hasSuffix("令和8年12月10日（木）"))
    #expect(try hint("２０２７年１月１日に開きます。").hasSuffix("（金）"))
    #expect(try hint("2024年2月29日に開きます。").hasSuffix("（木）"))
    #expect(try hint("2000年3月1日に開きます。").hasSuffix("（水）"))
    let withoutYear = try hint("12月10日に開きます。")
    #expect(!withoutYear.contains("12月10日（"))
    #expect(try hint("26年12月10日に開きます。").contains("（月）; with the year"))
  }

  /// A written weekday is checked when the year is known; a day that cannot be is reported.
  @Test func wrongWeekdaysAndImpossibleDatesWarn() throws {
    let wrong = try lint("説明会は2026年12月10日（土）です。", rule: "lint.date-weekday")
    #expect(positions(wrong) == ["1:17"])
    #expect(wrong.first?.message == "2026年12月10日 is a 木曜日, not 土曜日")
    #expect(wrong.first?.hint?.hasSuffix("2026年12月10日（木）") == true)
    for text in [
      "2026年12月10日（木）です。", "令和8年12月10日 (木) です。", "2026年12月10日（木・祝）です。",
      "2026年11月23日（祝）です。", "12月10日（土）です。",
    ] {
      #expect(try lint(text, rule: "lint.date-weekday").isEmpty, "\(text)")
    }
    let impossible = try lint("2026年2月29日（日）と13月1日と4月31日（金）", rule: "lint.date-weekday")
    #expect(
      impossible.map(\.message) == [
        "「2026年2月29日」 is not a date: 2026年2月 has 28 days",
        "「13月1日」 is not a date: there is no month 13",
        "「4月31日」 is not a date: 4月 has 30 days",
      ])
    #expect(try lint("2月29日（木）です。", rule: "lint.date-weekday").isEmpty)
  }

  @Test func halfwidthKanaWarns() throws {
    let found = try lint("県のｶﾀｶﾅです。", rule: "lint.halfwidth-kana")
    #expect(positions(found) == ["1:3"])
    #expect(found.first?.message.contains("「ｶﾀｶﾅ」") == true)
    // The hint is the run in full width, voiced marks and all.
    let voiced = try #require(try lint("ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞで｡", rule: "lint.halfwidth-kana").first)
    #expect(voiced.hint == "write it in full-width characters: 「マイナンバーカード」")
    #expect(voiced.japanese?.hint == "全角の文字で書いてください：「マイナンバーカード」")
    #expect(try lint("カタカナです。", rule: "lint.halfwidth-kana").isEmpty)
  }

  /// Kanji outside the 常用漢字: once a word a page, unless it has furigana, an explanation in
  /// brackets or a glossary entry; the table's four kanji outside JIS X 0208 in either form.
  @Test func rareKanjiWithoutAReadingWarn() throws {
    let found = try lint("匝瑳市の海は綺麗です。匝瑳市に来てください。", rule: "lint.rare-kanji")
    #expect(positions(found) == ["1:1", "1:7"])
    #expect(found.first?.message.contains("「匝瑳市」 has kanji outside the 常用漢字 (匝・瑳)") == true)
    #expect(found.last?.message.contains("(綺)") == true)
    for text in [
      "{匝瑳|そうさ}市の海です。", "匝瑳市（そうさし）の海です。", "きれいな海です。", "叱る人も𠮟る人もいます。",
      "頬と頰、剥と剝、填と塡。", "人々が〆切に間に合います。", "`綺麗`と書きます。",
    ] {
      #expect(try lint(text, rule: "lint.rare-kanji").isEmpty, "\(text)")
    }
    #expect(try lint("匝瑳市の海です。", rule: "lint.rare-kanji", glossary: ["匝瑳市"]).isEmpty)
    // A reading per character: a word with one is read (as with one reading for the word).
    #expect(try lint("{綺麗|き|れい}な海です。", rule: "lint.rare-kanji").isEmpty)
    // …but only the characters given one count as read: 防 starts a run of 7 kanji.
    #expect(try lint("{県防|けん|}災計画策定会があります。", rule: "lint.kanji-run").count == 1)
    #expect(try lint("{県防|けん|ぼう}災計画策定会があります。", rule: "lint.kanji-run").isEmpty)
    // site.yml's known_words: the word, also inside a longer run; other rare kanji still count.
    var context = LintContext()
    context.knownWords = ["柏市", "匝瑳市"]
    let known = Linter.lint(
      file: "a.md", markdownBody: "柏市役所と匝瑳市と鴨川市です。", bodyLineOffset: 0, context: context
    ).filter { $0.code == "lint.rare-kanji" }
    #expect(known.map(\.message.first) == ["「"] && known[0].message.contains("鴨川市"))
    #expect(JoyoKanji.all.count == 2136 + 4)
    #expect(JoyoKanji.all.allSatisfy(JoyoKanji.contains))
    #expect(!JoyoKanji.contains(0x5319) && !JoyoKanji.contains(0x3400) && !JoyoKanji.contains(0x41))
  }

  /// A furigana hint in a table cell writes the bar as `\|`: followed as written, a bare `|`
  /// would end the cell and break the table. In a paragraph it stays `|`.
  @Test func furiganaHintsInTableCellsEscapeTheBar() throws {
    let table = "| 市 | 説明 |\n|---|---|\n| 匝瑳市 | 防災計画策定会議資料です |\n| アクセシビリティ | 説明 |\n"
    for rule in ["lint.rare-kanji", "lint.kanji-run", "lint.katakana-word"] {
      let found = try lint(table, rule: rule, settings: ["lint.kanji-run": "6"])
      #expect(found.count == 1, "\(rule)")
      for diagnostic in found {
        let hints = [diagnostic.hint ?? "", diagnostic.japanese?.hint ?? ""]
        #expect(hints.allSatisfy { $0.contains("\\|") && !$0.contains("{匝瑳市|") }, "\(hints)")
      }
    }
    let paragraph = try lint("匝瑳市の海です。", rule: "lint.rare-kanji")
    #expect(paragraph.first?.hint?.contains("{匝瑳市|…}") == true)
    #expect(paragraph.first?.japanese?.hint?.contains("`{匝瑳市|…}`") == true)
  }

  @Test func kanjiNumbersWithCountersWarn() throws {
    #expect(positions(try lint("三人で来てください。", rule: "lint.kanji-number")) == ["1:1"])
    #expect(positions(try lint("第三回の会議です。", rule: "lint.kanji-number")) == ["1:2"])
    #expect(positions(try lint("十二月五日に開きます。", rule: "lint.kanji-number")) == ["1:1", "1:4"])
    #expect(positions(try lint("年二回開きます。", rule: "lint.kanji-number")) == ["1:2"])
    #expect(try lint("参加費は千円です。", rule: "lint.kanji-number").count == 1)
    // 一日も早く and 一日でも早く are idioms (as soon as possible), not a count of days.
    #expect(try lint("一日も早く、一日でも早く戻れるようにします。", rule: "lint.kanji-number").isEmpty)
    #expect(try lint("一日で終わります。", rule: "lint.kanji-number").count == 1)
  }

  /// The hint says the number to write (三十 → 30), 万, 億 and 兆 kept as 公用文 writes them.
  @Test func kanjiNumbersGetTheNumberToWrite() throws {
    func hints(_ text: String) throws -> (String?, String?) {
      let d = try #require(try lint(text, rule: "lint.kanji-number").first)
      return (d.hint, d.localized(.japanese).hint)
    }
    let thirty = try hints("三十人が来ます。")
    #expect(thirty.0?.hasPrefix("write 「30」 for 「三十」") == true)
    #expect(thirty.1?.hasPrefix("「三十」は「30」と、算用数字で書いてください") == true)
    #expect(try hints("二千二十六年に始めます。").0?.hasPrefix("write 「2026」 for 「二千二十六」") == true)
    #expect(try hints("三十万人が住んでいます。").0?.hasPrefix("write 「30万」 for 「三十万」") == true)
    #expect(try hints("一万五千円かかります。").0?.hasPrefix("write 「1万5000」 for 「一万五千」") == true)
  }

  /// A number spelled with a unit is a quantity without a counter too, unless a kanji follows
  /// it as part of a fixed word.
  @Test func composedKanjiNumbersWarnWithoutACounter() throws {
    #expect(positions(try lint("二十三の事業があります。", rule: "lint.kanji-number")) == ["1:1"])
    #expect(positions(try lint("全部で三百あります。", rule: "lint.kanji-number")) == ["1:4"])
    for text in ["五十音順に並べます。", "八百屋があります。", "三つの事業です。", "十の事業です。", "二、三の例です。"] {
      #expect(try lint(text, rule: "lint.kanji-number").isEmpty, "\(text)")
    }
  }

  @Test func idiomsAndApproximateNumbersKeepKanji() throws {
    for text in [
      "一人ひとりが大切です。", "一部の人です。", "一般の方です。", "一つずつ進めます。", "数十人が来ます。", "二、三人が来ます。",
      "十分に注意します。", "千葉県の取組です。", "八千代市に住んでいます。", "統一回答です。", "万一に備えます。",
      "1万人が来ます。",
    ] {
      #expect(try lint(text, rule: "lint.kanji-number").isEmpty, "\(text)")
    }
  }
}
