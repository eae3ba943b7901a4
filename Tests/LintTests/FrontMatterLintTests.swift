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
    #expect(lint("access: 千葉駅から歩いて１０分\n") == [])
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
    let second = "一行目です。\n  県のアクセシビリティを高めます。\n"
    #expect(lint("summary: |\n  \(second)") == ["4:5 lint.katakana-word"])
    #expect(lint("summary: |\r\n  一行目です。\r\n  県のアクセシビリティを高めます。\r\n") == ["4:5 lint.katakana-word"])
    #expect(lint("summary: >-\n\n  \(second)") == ["5:5 lint.katakana-word"])
    #expect(lint("summary: \(second)") == ["3:5 lint.katakana-word"])
    #expect(lint("summary: |\n  字下げ\n      県のアクセシビリティ\n") == ["4:9 lint.katakana-word"])
    // A sentence over two lines is one sentence, reported where it starts.
    let long = String(repeating: "あ", count: 40)
    #expect(lint("short: >\n  前文。\(long)\n  \(long)。\n") == ["3:6 lint.sentence-length"])
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
