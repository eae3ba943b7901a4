import Testing

@testable import Markdown

/// `GlossaryMatcher.matches` steps over a character whose first two bytes start no name
/// without decoding it. It must still find what the rule finds (`GlossaryTrieTests.reference`):
/// with names of one byte (every second byte then starts one), names at the last bytes of a
/// text, English phrases among Japanese text (nearly every character stepped over), and
/// full-width variants. `linkGlossary` keeps its own rules: first use, marked uses, the page's
/// own entry never linked.
@Suite struct GlossaryStepTests {
  static let phrases = ["Digital Transformation", "DX", "a", "ICT", "x y", "é"]

  static let pieces = [
    "Digital", " ", "Transformation", "DX", "ＤＸ", "ａ", "a", "b", "ICT", "ＩＣＴ", "化", "x", "y",
    "é", "e", "防災", "の", "、", "（", "）", "※", "*", "😀", "ｱ", "\u{3000}",
  ]

  @Test func phrasesAmongJapaneseTextAreFoundAsTheRuleFindsThem() {
    let matcher = GlossaryMatcher(phrases: Self.phrases, language: "en")
    let targets = Self.phrases.map { GlossaryLinkTarget(slug: "", url: "", names: [$0]) }
    let found = GlossaryTrieTests.compareWithReference(
      matcher, targets, pieces: Self.pieces, seed: 5, upTo: 11)
    #expect(found > 10_000)
  }

  @Test func aNameOfOneByteAtTheEndOfATextIsFound() {
    let matcher = GlossaryMatcher(phrases: ["a", "é"], language: "en")
    for text in ["a", "の a", "のa", "é", "のé", "ééa"] {
      let bytes = Array(text.utf8)
      let found = bytes.withUnsafeBufferPointer { matcher.matches(in: $0).map(\.range) }
      #expect(found.last?.upperBound == bytes.count, "\(text)")
    }
  }

  @Test func firstUsesAndMarkedUsesAreLinkedButNotThePagesOwnEntry() {
    let matcher = GlossaryMatcher([
      GlossaryLinkTarget(slug: "dx", url: "/g/dx/", names: ["DX"]),
      GlossaryLinkTarget(slug: "ai", url: "/g/ai/", names: ["AI"]),
      GlossaryLinkTarget(slug: "data", url: "/g/data/", names: ["データ"]),
    ])
    let doc = MarkdownDocument("AIとDX※とデータとAIとAI※。\n\nDX※とデータ。")
    #expect(doc.linkGlossary(matcher, excluding: "dx") == [1, 2])
    let html = doc.renderHTML()
    let ai = "<a class=\"term\" href=\"/g/ai/\" aria-describedby=\"term-ai\">AI</a>"
    let data = "<a class=\"term\" href=\"/g/data/\" aria-describedby=\"term-data\">データ</a>"
    // The own entry is not linked and loses its mark as any marked use does; a marked use of
    // another is linked again.
    #expect(html.contains("<p>\(ai)とDXと\(data)とAIと\(ai)。</p>"), "\(html)")
    #expect(html.contains("<p>DXとデータ。</p>"), "\(html)")
  }
}
