import Foundation
import Testing

@testable import Search

/// Words from other languages written with small vowels or large ones (ウェブ and ウエブ,
/// ボランティア and ボランテイア) find each other; っ ゃ ゅ ょ still tell words apart.
@Suite struct KanaVariantTests {
  @Test func smallVowelsFoldToLargeOnes() {
    #expect(SearchText.normalize("ウェブ") == SearchText.normalize("ウエブ"))
    #expect(SearchText.normalize("ボランティア") == SearchText.normalize("ぼらんていあ"))
    #expect(SearchText.normalize("ファクス") == SearchText.normalize("フアクス"))
    #expect(SearchText.normalize("ｳｪﾌﾞ") == SearchText.normalize("うえぶ"))
    #expect(SearchText.normalize("クヮ") == SearchText.normalize("くわ"))
    #expect(SearchText.normalize("びょういん") != SearchText.normalize("びよういん"))
    #expect(SearchText.normalize("きって") != SearchText.normalize("きつて"))
    // ぢ and づ as じ and ず, as most words are spelt now and readers type either.
    #expect(SearchText.normalize("でぢたる") == SearchText.normalize("デジタル"))
    #expect(SearchText.normalize("キヅナ") == SearchText.normalize("きずな"))
  }

  /// The fast path (one code point) and the full rules (a unit with a mark) agree.
  @Test func fastPathAndFullRulesAgree() {
    for v: UInt32 in 0x3041...0x30FF {
      guard let fast = Normalizer.fastPath(v), fast != Normalizer.dropped else { continue }
      #expect([fast] == Normalizer.slowPath([v][...]), "U+\(String(v, radix: 16))")
    }
  }

  @Test func aVariantFindsThePageAndHighlightsItsWord() throws {
    let documents = [
      SearchDocument(
        url: "/initiatives/web/", title: "県のウェブサイト", kind: .initiative,
        summary: "ウェブで手続きができます。", body: "ボランティアの募集もウェブで知らせます。",
        date: nil, keywords: []),
      SearchDocument(
        url: "/initiatives/hospital/", title: "びょういんの案内", kind: .initiative,
        summary: "", body: "近くのびょういんを探せます。", date: nil, keywords: []),
    ]
    let engine = try SearchEngine(files: SearchIndexBuilder.build(documents, options: .default))
    let web = engine.run("ウエブ", kinds: nil, limit: 10)
    #expect(web.results.map(\.url) == ["/initiatives/web/"])
    #expect(web.results.first?.snippet == "ウェブで手続きができます。")
    #expect(web.results.first?.highlights == [[0, 3]])
    #expect(engine.run("ボランテイア", kinds: nil, limit: 10).results.map(\.url) == ["/initiatives/web/"])
    #expect(engine.run("びよういん", kinds: nil, limit: 10).results.isEmpty)
  }
}
