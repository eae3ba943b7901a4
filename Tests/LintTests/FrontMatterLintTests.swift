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

  @Test func titlesListsBlocksAndParagraphMeasuresAreLeftAlone() {
    // A title is a name (often the strategy's own); kanji share is a paragraph's measure.
    #expect(lint("title: デジタル技術を活用した生産基盤施設維持管理ポータルサイト\n") == [])
    #expect(lint("summary: 県の取組の体系を紹介します。\n") == [])
    #expect(lint("summary: |\n  県のアクセシビリティを高めます。\n") == [])
    #expect(lint("links:\n  - { title: x, summary: 県のアクセシビリティ }\n") == [])
    #expect(lint("summary: \"県の\\\"アクセシビリティ\\\"\"\n") == [], "escapes: columns unknown")
    // A glossary term passes, as in a body; a comment is not the value.
    #expect(lint("summary: オープンデータを使います。 # アクセシビリティ\n") == [])
  }

  @Test func theRulesLeftOutAreRules() {
    let ids = Set(Linter.rules.map(\.id))
    #expect(FrontMatterText.notForValues.isSubset(of: ids))
  }

  @Test func valuesAreFoundOnTheirLines() {
    let values = FrontMatterText.values(in: "title: T\nsummary: '説明です。'\nshort: 短い\n")
    #expect(values.map { "\($0.line):\($0.column) \($0.text)" } == ["2:11 説明です。", "3:8 短い"])
  }
}
