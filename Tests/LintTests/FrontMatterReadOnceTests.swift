import Content
import Diagnostics
import Foundation
import Markdown
import Testing

@testable import Lint

/// The shortcuts of the fifth round of `portal lint` at 10,000 pages (docs/speed-history.md): names
/// linted without parsing them as Markdown, and the kanji-ratio hint's words found in one
/// reading. Each against the way it replaces. (The front matter read again without decoding
/// the body is gone: lint reads the loader's values, `FrontMatterFromLoaderTests`.)
@Suite struct FrontMatterReadOnceTests {
  /// A name is linted without its Markdown parsed: the rules it gets read its lines only, so
  /// what they say is what they say with the name's blocks made.
  @Test func namesLintedWithoutBlocksSayWhatTheySayWithThem() throws {
    #expect(!FrontMatterText.namesNeedBlocks)
    var generator = SystemRandomNumberGenerator()
    let pieces = [
      "**重要**", "[資料](a.md)", "![図](a.png)", "{漢字|かんじ}", "{漢字|}", "{漢字|かん", "{綺麗|き|れい}",
      "\u{200B}", "\u{00AD}", "\u{202E}", "👩‍👩‍👧", "*", "[", "{", "公民館", "ＤＸ", " ", "\n",
    ]
    let context = LintContext(glossaryNames: ["ＤＸ", "公民館"])
    for _ in 0..<500 {
      let text = randomText(of: pieces, maxPieces: 8, using: &generator)
      let key = ["title", "place", "department", "links"].randomElement(using: &generator)!
      let source = SourceText(file: "a.md", body: text, lineOffset: 0)
      var page = LintPage(
        blocks: Linter.lintBlocks(of: MarkdownDocument(text), source: source, context: context),
        links: [], source: source)
      page.frontMatterKey = key
      let withBlocks = Linter.check(
        page, context: context, configuration: .default, rules: FrontMatterText.nameRuleList)
      var bare = LintPage(blocks: [], links: [], source: source)
      bare.frontMatterKey = key
      let without = Linter.check(
        bare, context: context, configuration: .default, rules: FrontMatterText.nameRuleList)
      #expect(withBlocks == without, "\(key): \(text.debugDescription)")
    }
  }

  /// A rule that says it reads no blocks finds nothing in one, on texts with what each rule
  /// looks for: the promise `FrontMatterText.namesNeedBlocks` relies on.
  @Test func rulesReadingNoBlocksFindNothingInOne() throws {
    let texts = [
      "**重要**と[資料](a.md)と{漢字|}と\u{200B}と\u{202E}と{漢字|かん", "ｶﾀｶﾅとＡＩとDXと一つ。", "{綺麗|き|れい}",
    ]
    let context = LintContext()
    for rule in Linter.allRules where !rule.readsBlocks {
      for text in texts {
        let source = SourceText(file: "a.md", body: text, lineOffset: 0)
        for block in Linter.lintBlocks(of: MarkdownDocument(text), source: source, context: context)
        {
          let ruleContext = RuleContext(rule: rule.id, threshold: 0, site: context)
          #expect(rule.check(block, ruleContext).isEmpty, "\(rule.id): \(text)")
        }
      }
    }
    #expect(Linter.allRules.filter { !$0.readsBlocks }.count == 2)
  }

  /// The kana words of `lint.kanji-ratio`'s hint found in one reading of a paragraph are those
  /// looking for each word in turn finds, in the list's order: with decomposed が, combining
  /// marks and a compatibility ideograph beside the words.
  @Test func kanaWordsFoundInOneReadingAreThoseFoundOneByOne() {
    var generator = SystemRandomNumberGenerator()
    let pieces =
      KanjiRatioRule.kanaWords.map(\.kanji) + [
        "事", "か\u{3099}", "事\u{3099}", "\u{F900}", "及", "び", "に", "様", "の", "e\u{301}", "👩‍👩‍👧",
      ]
    for _ in 0..<2_000 {
      let text = LintCharacter.array(randomText(of: pieces, maxPieces: 12, using: &generator))
      let oneByOne = KanjiRatioRule.kanaWords.indices.filter { w in
        let word = KanjiRatioRule.kanaWordCharacters[w]
        return text.indices.contains { text[$0] == word[0] && text.hasPrefix(word, at: $0) }
      }
      #expect(
        KanjiRatioRule.kanaWordsWritten(in: text) == oneByOne,
        "\(text.string(0..<text.count).debugDescription)")
    }
  }

  /// The rules a front matter value gets, listed once, are those it got by skipping the others.
  @Test func valueRuleListsKeepTheRulesAndTheirOrder() {
    #expect(
      FrontMatterText.valueRules.map(\.id)
        == Linter.allRules.map(\.id).filter { !FrontMatterText.notForValues.contains($0) })
    #expect(
      FrontMatterText.nameRuleList.map(\.id)
        == Linter.allRules.map(\.id).filter { FrontMatterText.nameRules.contains($0) })
  }
}
