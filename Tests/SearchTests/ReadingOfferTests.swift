import Foundation
import Testing

@testable import Search

/// A query typed as readings in kana with two words run together (docs/search.md, "Readings
/// run together"): offered split into the site's names, as their first names, before the typos
/// it is near by chance.
@Suite struct ReadingOfferTests {
  static let documents = [
    SearchDocument(
      url: "/initiatives/online/", title: "オンラインでの支援", kind: .initiative,
      summary: "オンラインで子育てを支援します。", body: "", date: nil, keywords: []),
    SearchDocument(
      url: "/initiatives/clinic/", title: "オンライン診療", kind: .initiative,
      summary: "自宅で診察を受けられます。", body: "", date: nil, keywords: []),
    SearchDocument(
      url: "/initiatives/forms/", title: "電子申請", kind: .initiative,
      summary: "県の手続きをオンライン申請で。", body: "", date: nil, keywords: []),
    SearchDocument(
      url: "/initiatives/residents/", title: "千葉の県民", kind: .initiative,
      summary: "千葉に住む県民のために。", body: "", date: nil, keywords: []),
  ]
  static let wordGroups = [
    ["オンライン診療", "おんらいんしんりょう"], ["電子申請", "でんししんせい", "おんらいんしんせい"],
    ["オンライン", "おんらいん"], ["支援", "しえん"], ["千葉県", "ちばけん"], ["千葉", "ちば"],
    ["県民", "けんみん"], ["マイナンバーカード", "まいなんばーかーど"], ["申請", "しんせい"],
    ["取組", "とりくみ"], ["子育て", "こそだて"],
  ]

  var vocabulary: SuggestionVocabulary { SuggestionVocabulary(Self.wordGroups) }

  func engine() throws -> SearchEngine {
    var options = SearchIndexOptions.default
    options.wordGroups = Self.wordGroups
    return try SearchEngine(files: SearchIndexBuilder.build(Self.documents, options: options))
  }

  /// おんらいんしえん is two typos from おんらいんしんせい and おんらいんしんりょう: the typos'
  /// offers came first (電子申請, オンライン診療), though the query is two of the site's names.
  @Test func readingsOfNamesComeBeforeTypos() throws {
    let engine = try engine()
    #expect(engine.search("おんらいんしえん").isEmpty)
    let offered = engine.suggestions(for: "おんらいんしえん")
    #expect(offered.first == "オンライン 支援")
    #expect(!offered.contains("電子申請") && !offered.contains("オンライン診療"))
    // Typed in katakana, or as romaji (read as kana first), the same.
    #expect(engine.suggestions(for: "オンラインシエン").first == "オンライン 支援")
    #expect(engine.suggestions(for: "onrainshien").first == "オンライン 支援")
  }

  /// When no page holds the names together, each is offered alone, still not the typos: a
  /// query made of the site's names is no typo of another.
  @Test func namesNoPageHoldsTogetherAreOfferedAlone() throws {
    var options = SearchIndexOptions.default
    options.wordGroups = Self.wordGroups
    let engine = try SearchEngine(
      files: SearchIndexBuilder.build(Array(Self.documents.dropFirst()), options: options))
    #expect(engine.search("おんらいん 支援").isEmpty)
    #expect(engine.suggestions(for: "おんらいんしえん") == ["オンライン"])
  }

  /// The whole run is covered, not the longest name first: ちばけんみん is ちば けんみん, where
  /// the names inside the query take ちばけん and leave みん.
  @Test func aCoverOfTheWholeRunWinsOverTheLongestName() throws {
    #expect(Readings.offers("ちばけんみん", in: vocabulary) == ["千葉県民", "千葉 県民", "県民", "千葉"])
    #expect(QueryNames.offers("ちばけんみん", in: vocabulary).first == "千葉県みん")
    #expect(try engine().suggestions(for: "ちばけんみん").first == "千葉 県民")
  }

  /// Particles between names are kept as typed in the one-term offer and left out of the
  /// words; a particle first or last, a reading the site does not give, a name alone, a term
  /// of one name each, or a query with kanji get none.
  @Test func onlyAQueryMadeWhollyOfNamesIsOffered() {
    #expect(
      Readings.offers("まいなんばーかーどのしんせい", in: vocabulary) == [
        "マイナンバーカードの申請", "マイナンバーカード 申請", "マイナンバーカード", "申請",
      ])
    #expect(Readings.offers("しんせいの", in: vocabulary) == [])
    #expect(Readings.offers("のしんせい", in: vocabulary) == [])
    #expect(Readings.offers("とりくみじょうきょう", in: vocabulary) == [])
    #expect(Readings.offers("しんせい", in: vocabulary) == [])
    #expect(Readings.offers("こそだて しえん", in: vocabulary) == [])
    #expect(Readings.offers("子育てしえん", in: vocabulary) == [])
    // Each term is covered on its own; a term of one name stays one word.
    #expect(
      Readings.offers("ちば こそだてしえん", in: vocabulary) == [
        "千葉 子育て支援", "千葉 子育て 支援", "子育て", "支援", "千葉",
      ])
    // A long-vowel mark is dropped by normalisation and leaves no break between names.
    #expect(
      Readings.offers("おんらいーんしえん", in: vocabulary) == [
        "オンライン支援", "オンライン 支援", "オンライン", "支援",
      ])
    #expect(
      Readings.offers("まいなんばーかーどしんせい", in: vocabulary) == [
        "マイナンバーカード申請", "マイナンバーカード 申請", "マイナンバーカード", "申請",
      ])
  }

  /// The answer to readings run together that are wholly the site's names: those names are
  /// searched at once (as one term first, else as words) and the answer says so; romaji, names
  /// no page holds together and a reading with an unknown word are left to the offers.
  @Test func readingsOfNamesAreSearchedAtOnce() throws {
    let engine = try engine()
    let answer = engine.answer("おんらいんしえん")
    #expect(answer.searchedAs == "オンライン 支援" && answer.suggestions.isEmpty)
    #expect(answer.response.results.map(\.url) == ["/initiatives/online/"])
    #expect(engine.answer("ちばけんみん").searchedAs == "千葉 県民")
    #expect(engine.answer("オンラインシエン").searchedAs == "オンライン 支援")
    #expect(Readings.offers("ちばけんみん", in: vocabulary, alone: false) == ["千葉県民", "千葉 県民"])
    let romaji = engine.answer("onrainshien")
    #expect(romaji.searchedAs == nil && romaji.suggestions.first == "オンライン 支援")
    // オンライン and 千葉 are on different pages: each offered, nothing searched instead.
    let apart = engine.answer("おんらいんちば")
    #expect(apart.searchedAs == nil && apart.response.results.isEmpty)
    #expect(engine.answer("おんらいんじょうきょう").searchedAs == nil)
  }

  /// One hiragana test for the search: the letters, the voiced marks and the iteration marks
  /// ゝゞ (こゝろ, いすゞ); not katakana, nor the code points left unassigned. Okurigana's test
  /// was the letters alone, QueryNames' the whole block.
  @Test func hiraganaIsOneTest() {
    for v: UInt32 in [0x3041, 0x3093, 0x3096, 0x3099, 0x309B, 0x309D, 0x309E, 0x309F] {
      #expect(QuerySplit.isHiragana(v) && Okurigana.isHiragana(v))
    }
    for v: UInt32 in [0x3040, 0x3097, 0x3098, 0x30A1, 0x30FD, 0x30FC, 0x4E00] {
      #expect(!QuerySplit.isHiragana(v) && !Okurigana.isHiragana(v))
    }
    // A word of hiragana alone, iteration mark and all, is no word of the split at names.
    #expect(!QueryNames.offers("取組こゝろ", in: vocabulary).contains { $0.contains(" ") })
  }
}
