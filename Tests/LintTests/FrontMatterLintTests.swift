import Content
import Diagnostics
import Testing

@testable import Lint

/// The summary and the other sentences of the front matter get the body's sentence and word
/// rules, at their own line and column; titles and paragraph measures do not.
@Suite struct FrontMatterLintTests {
  func lint(_ frontMatter: String) -> [String] {
    Linter.lintFrontMatter(
      file: "a.md", frontMatter: frontMatter, firstLine: 2,
      context: LintContext(glossaryNames: ["オープンデータ"])
    ).map { "\($0.location.line):\($0.location.column) \($0.code ?? "")" }
  }

  @Test func summariesAreLintedWhereTheyAreWritten() {
    #expect(
      lint("title: 防災\nsummary: 県のアクセシビリティを高めます。\n")
        == ["3:12 lint.katakana-word"])
    // Quoted: the column is the text's, after the quote.
    #expect(lint("summary: \"県のアクセシビリティを高めます。\"\n") == ["2:13 lint.katakana-word"])
    #expect(lint("summary: '県のアクセシビリティを高めます。'  \r\n") == ["2:13 lint.katakana-word"])
    #expect(lint("short: 材料不足で代替素材で作ります。\n") == ["2:17 lint.doubled-particle"])
    let long = String(repeating: "あ", count: 61) + "。"
    #expect(lint("application: \(long)\n") == ["2:14 lint.sentence-length"])
    #expect(lint("access: 千葉駅から歩いて10分\n") == [])
    #expect(lint("access: 千葉駅から歩いて１０分\n") == ["2:17 lint.fullwidth-alphanumeric"])
  }

  /// A date in a title gets its weekday checked, as in a summary: lists, feeds and calendars
  /// show the title. Only the weekday rule joins the name rules; a title without a date is
  /// read as before.
  @Test func aWeekdayInATitleIsChecked() {
    #expect(lint("title: 2026年12月24日（金）の説明会\n") == ["2:20 lint.date-weekday"])
    #expect(lint("title: 2026年12月24日（木）の説明会\n") == [])
    #expect(lint("title: 県のアクセシビリティ説明会\n") == [])
  }

  @Test func titlesOtherKeysNestedKeysAndParagraphMeasuresAreLeftAlone() {
    // A title is a name (often the strategy's own); kanji share is a paragraph's measure.
    #expect(lint("title: デジタル技術を活用した生産基盤施設維持管理ポータルサイト\n") == [])
    #expect(lint("summary: 県の取組の体系を紹介します。\n") == [])
    #expect(lint("links:\n  - { title: x, summary: 県のアクセシビリティ }\n") == [])
    #expect(lint("place: 県のアクセシビリティ\nfee: 県のアクセシビリティ\n") == [])
    #expect(lint("contact:\n  summary: 県のアクセシビリティ\n") == [])
    #expect(lint("items:\n  - summary: 県のアクセシビリティ\n") == [])
    // Not YAML: the build says so, and no value is read.
    #expect(lint("summary: 県のアクセシビリティ\n bad: [\n") == [])
    // A glossary term passes, as in a body; a comment is not the value.
    #expect(lint("summary: オープンデータを使います。 # アクセシビリティ\n") == [])
  }

  @Test func blockAndMultiLineValuesArePlacedOnTheirOwnLines() {
    let second = "一行目から続けて、\n  県のアクセシビリティを高めます。\n"
    #expect(lint("summary: |\n  \(second)") == ["4:5 lint.katakana-word"])
    #expect(
      lint("summary: |\r\n  一行目から続けて、\r\n  県のアクセシビリティを高めます。\r\n") == ["4:5 lint.katakana-word"])
    #expect(lint("summary: >-\n\n  \(second)") == ["5:5 lint.katakana-word"])
    #expect(lint("summary: \(second)") == ["3:5 lint.katakana-word"])
    #expect(lint("summary: |\n  字下げ\n      県のアクセシビリティ\n") == ["4:9 lint.katakana-word"])
    // A sentence over two lines is one sentence, reported where it starts.
    let long = String(repeating: "あ", count: 40)
    // (And a `short` of two sentences, where one is meant.)
    #expect(
      lint("short: >\n  前文。\(long)\n  \(long)。\n") == [
        "3:6 lint.one-sentence", "3:6 lint.sentence-length",
      ])
  }

  @Test func escapedValuesAreLintedAtTheCharacterOrTheValue() {
    // `\"` is followed to the character; `\u30A2` (ア) is not, so the value's start is given.
    #expect(lint("summary: \"県の\\\"アクセシビリティ\\\"\"\n") == ["2:15 lint.katakana-word"])
    #expect(lint("summary: '県の''アクセシビリティ'''\n") == ["2:15 lint.katakana-word"])
    #expect(lint("summary: \"県の\\u30A2クセシビリティ\"\n") == ["2:11 lint.katakana-word"])
  }

  @Test func theRulesLeftOutAreRules() {
    let ids = Set(Linter.rules.map(\.id))
    #expect(FrontMatterText.notForValues.isSubset(of: ids))
  }

  @Test func valuesAreFoundOnTheirLines() {
    let values = FrontMatterValues.values(in: "title: T\nsummary: '説明です。'\nshort: 短い\n")
    #expect(values.map { "\($0.line):\($0.column) \($0.text)" } == ["2:11 説明です。", "3:8 短い"])
  }
}

/// Titles, summaries and the other front matter texts are plain text: furigana, bold and links
/// there are shown as typed, and hints do not suggest furigana for them.
@Suite struct FrontMatterMarkupTests {
  func lint(_ frontMatter: String, rule: String? = nil) -> [Diagnostic] {
    Linter.lintFrontMatter(
      file: "a.md", frontMatter: frontMatter, firstLine: 2, context: LintContext()
    ).filter { rule == nil || $0.code == rule }
  }

  func places(_ frontMatter: String) -> [String] {
    lint(frontMatter, rule: "lint.front-matter-markup").map {
      "\($0.location.line):\($0.location.column)"
    }
  }

  @Test func markupInTextsIsShownAsTyped() {
    // Quoted, or YAML reads `{` as a mapping.
    let ruby = lint("application: \"{綺麗|きれい}な紙で\"\n", rule: "lint.front-matter-markup")
    #expect(positions(ruby) == ["2:15"])
    #expect(
      ruby.first?.message
        == "「{綺麗|きれい}」 is shown as typed: `application` is plain text, so furigana does not work there"
    )
    #expect(
      ruby.first?.hint
        == "write 綺麗 without the braces, or a plainer word (綺麗 → きれい); furigana work in the body and in title, summary, short and place"
    )
    // A reading per character is offered as the word's reading, without its bars.
    #expect(
      lint("application: \"{綺麗|き|れい}な紙で\"\n", rule: "lint.front-matter-markup").first?.hint?
        .contains("(綺麗 → きれい)") == true)
    #expect(places("title: 防災\nsummary: 県の**大事な**取組です。\n") == ["3:12"])
    #expect(places("short: '[案内](https://example.jp)を読む'\n") == ["2:9"])
    // After a character outside the BMP, with the full-width bar.
    #expect(places("access: 𠮷田さんの{綺麗｜きれい}な話\n") == ["2:14"])
    #expect(places("summary: |\n  一行目です。\n  𠮷の![図](a.png)です。\n") == ["4:5"])
    #expect(places("access: 千葉駅から{徒歩|とほ}10分\napplication: 電話で\n") == ["2:14"])
  }

  /// A group with a reading per character (`{綺麗|き|れい}`, as DenDen Markdown and pixiv
  /// write it): where furigana do not work it is furigana shown as typed, as any group; where
  /// they do it passes, and readings that do not fit the characters one to one are reported
  /// with the counts and both forms that work.
  @Test func moreBarsInTheReadingAreReadOnePerCharacter() {
    let found = lint("application: \"{綺麗|き|れい}な紙\"\n", rule: "lint.front-matter-markup")
    #expect(positions(found) == ["2:15"])
    #expect(places("title: \"{綺麗|き|れい}な海と**太字**\"\n") == ["2:21"])
    #expect(places("summary: \"{綺麗｜き｜れい}な海と{お茶||ちゃ}\"\n").isEmpty)
    let title = lint("title: \"{綺麗|き｜れ|い}な海\"\n", rule: "lint.front-matter-markup")
    #expect(
      title.first?.message
        == "`{綺麗|き｜れ|い}` is shown as typed: its readings do not fit its characters one to one")
    #expect(
      title.first?.hint
        == "3 readings for 2 characters (綺・麗): write one for each character, {綺麗|よみ|よみ}, or one for the word, {綺麗|きれい}"
    )
    #expect(
      title.first?.japanese?.message
        == "`{綺麗|き｜れ|い}` がそのまま表示されます。`|` で区切った読み方が文字と1つずつ対応していません")
    #expect(places("place: \"{千葉県|ち|ばけん}の話\"\n") == ["2:9"])
  }

  /// Titles, summaries, a glossary entry's `short` and an event's `place` show furigana: no
  /// warning there, with either bar; a group the page would show as typed is reported as in a
  /// body, where it is written.
  @Test func furiganaWorkInTitlesSummariesShortAndPlace() {
    #expect(
      places(
        "title: \"{綺麗|きれい}な海\"\nsummary: 𠮷田さんの{綺麗｜きれい}な話\nshort: \"{綺麗|きれい}\"\nplace: \"{匝瑳|そうさ}市\"\n"
      ) == [])
    let empty = lint("title: \"県の{防災|}と{取組}\"\n", rule: "lint.front-matter-markup")
    #expect(positions(empty) == ["2:11"])
    #expect(empty.first?.message == "`{防災|}` is shown as typed: the reading is empty")
    #expect(empty.first?.hint == "write the reading after the bar: {防災|よみ}, or remove the braces")
    #expect(empty.first?.japanese?.message == "`{防災|}` がそのまま表示されます。読み方が書かれていません")
    let open = lint("summary: 𠮷の{防災｜ぼうさい の話\n", rule: "lint.front-matter-markup")
    #expect(positions(open) == ["2:12"])
    #expect(open.first?.message == "`{防災｜…` is shown as typed: the furigana is not closed with `}`")
    // The reading typed, up to the space: where the `}` goes, not a sample to fill in again.
    #expect(open.first?.hint == "close it with `}`: {防災|ぼうさい}")
    #expect(open.first?.japanese?.hint == "最後に `}` を付けてください：`{防災|ぼうさい}`")
    let quoted = lint("title: \"電子申請の{拡充|かくじゅう\"\n", rule: "lint.front-matter-markup")
    #expect(quoted.first?.hint == "close it with `}`: {拡充|かくじゅう}")
    // Kana running into the sentence: where the reading ends is the writer's to say.
    let runOn = lint("summary: 県の{拡充|かくじゅうを進めます\n", rule: "lint.front-matter-markup")
    #expect(runOn.first?.hint == "close it with `}`: {拡充|よみ}")
    let beforeAnother = lint(
      "title: \"{電子|でんし {申請|しんせい}\"\n", rule: "lint.front-matter-markup")
    #expect(positions(beforeAnother) == ["2:9"])
    #expect(beforeAnother.first?.hint == "close it with `}`: {電子|でんし}")
    // Braces that are no group stay text, as in the body.
    #expect(places("title: 県の{取組}と{|よみ}\nsummary: a|b と {x\n") == [])
  }

  /// An event's place, fee, audience and accessibility items and a glossary term are shown
  /// as text too (a term in the page's h1 and title): their markup is reported, and only that.
  @Test func namesAndShortFactsAreCheckedForMarkup() {
    #expect(places("term: \"{綺麗|きれい}\"\n") == ["2:8"])
    #expect(
      places("place: '**県庁**本庁舎'\nfee: '[無料](a.md)'\naudience: 県内の{方|かた}\n") == [
        "2:9", "3:7", "4:14",
      ])
    #expect(places("accessibility:\n  - 車いす席あり\n  - '{手話|しゅわ}通訳'\n") == ["4:6"])
    #expect(lint("place: 県のアクセシビリティ\naccessibility:\n  - 県のアクセシビリティ\n").isEmpty)
    // A list of many items on one line: each item at its own column (the line is read once
    // for them all, where it was copied for each).
    let items = (0..<300).map { $0 % 100 == 7 ? "'**字幕\($0)**'" : "手話通訳\($0)" }
    let line = "accessibility: [" + items.joined(separator: ", ") + "]"
    let columns = items.indices.filter { $0 % 100 == 7 }.map { k in
      "2:\(line.distance(from: line.startIndex, to: line.range(of: items[k])!.lowerBound) + 2)"
    }
    #expect(places(line + "\n") == columns)
  }

  /// A glossary entry's `short` is one sentence: the second is pointed at. A summary of two
  /// short sentences passes.
  @Test func aSummaryOrAShortOfSeveralSentences() {
    func places(_ text: String) -> [String] {
      lint(text, rule: "lint.one-sentence").map { "\($0.location.line):\($0.location.column)" }
    }
    #expect(places("short: 人間のように学ぶ技術です。機械で判断もします。\n") == ["2:21"])
    #expect(places("short: |\n  県の窓口です。\n  土日も開きます。\n") == ["4:3"])
    #expect(
      lint("short: 学ぶ技術です。判断もします。ほかにもあります。\n", rule: "lint.one-sentence").first?.message
        == "`short` has 3 sentences where one is meant: it is read out as the term's meaning at every link to it"
    )
    // One sentence, a closing bracket after its end, or another key (a summary too): none.
    for text in [
      "short: 人間のように学ぶ技術です。\n", "summary: 「窓口を開きます。」\n",
      "application: 電話で申し込みます。窓口でもできます。\n", "title: 防災。避難。\n",
      "summary: 窓口を開きます。土日も開きます。\n",
    ] {
      #expect(places(text).isEmpty, "\(text)")
    }
  }

  @Test func plainTextsAndBodiesPass() {
    #expect(places("title: 県の{取組}と[注]\nsummary: 3*4*5 と a|b です。\n") == [])
    #expect(places("place: {県庁|けんちょう}\n") == [])
    // In a body, furigana works.
    let body = Linter.lint(
      file: "a.md", markdownBody: "{綺麗|きれい}な**海**", bodyLineOffset: 0, context: LintContext())
    #expect(!body.contains { $0.code == "lint.front-matter-markup" })
  }

  /// Where furigana do not work (an event's `access`), hints do not offer them; in a summary
  /// they do, and a reading written there counts as in a body.
  @Test func hintsOfferFuriganaWhereTheyWork() {
    let summary = lint("summary: 綺麗な海です。\n")
    #expect(summary.first?.hint!.hasPrefix("add furigana with {綺麗|…}") == true)
    #expect(
      lint("summary: \"{綺麗|きれい}な{地域防災計画策定会議|ちいきぼうさいけいかくさくていかいぎ}\"\n").map(\.code) == [
        "lint.long-furigana"
      ])
    let found = lint("access: 綺麗な地域防災計画作成会議とアクセシビリティ。\n")
    #expect(
      Set(found.compactMap(\.code)) == ["lint.rare-kanji", "lint.kanji-run", "lint.katakana-word"])
    for d in found {
      #expect(!d.hint!.contains("{"), "\(d.hint ?? "")")
      #expect(d.hint!.contains("furigana does not work here"), "\(d.hint ?? "")")
    }
    // The body's hints still offer furigana.
    let body = Linter.lint(
      file: "a.md", markdownBody: "綺麗な海です。", bodyLineOffset: 0, context: LintContext())
    #expect(body.first?.hint!.hasPrefix("add furigana with {綺麗|…}") == true)
  }
}
