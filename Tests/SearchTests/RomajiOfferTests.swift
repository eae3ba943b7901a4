import Foundation
import Testing

@testable import Search

/// The edges of romaji offers: a romaji word with `-` (ー) is one word (konpyu-ta- offers no
/// `ta`), a long vowel after a name found inside kana goes with the name (sumaho-to), the whole
/// query read as romaji comes first when it finds something (bousai 訓練 → 防災 訓練), and
/// loanwords are named in katakana as the site writes them (sa-bisu → サービス).
@Suite struct RomajiOfferTests {
  static let documents = [
    SearchDocument(
      url: "/initiatives/pc/", title: "コンピューター教室", kind: .initiative,
      summary: "パソコンの使い方を学びます。", body: "表計算やtaxの申告も。Wi-Fiがあります。", date: nil,
      keywords: []),
    SearchDocument(
      url: "/initiatives/service/", title: "行政サービスの取組", kind: .initiative,
      summary: "窓口のサービスをよくします。", body: "2026-12から始めます。", date: nil, keywords: []),
    SearchDocument(
      url: "/initiatives/bousai/", title: "防災の取組", kind: .initiative, summary: "災害に備えます。",
      body: "地域の防災訓練を進めます。スマートフォンと防災。", date: nil, keywords: []),
    SearchDocument(
      url: "/events/kunren/", title: "訓練の日", kind: .event, summary: "集まります。",
      body: "訓練をします。", date: nil, keywords: []),
  ]
  static let wordGroups = [
    ["防災", "ぼうさい"], ["スマートフォン", "スマホ", "すまほ"], ["コンピューター教室"],
    ["行政サービス", "デジタル・ガバメント"],
  ]

  func engine() throws -> SearchEngine {
    var options = SearchIndexOptions.default
    options.wordGroups = Self.wordGroups
    return try SearchEngine(files: SearchIndexBuilder.build(Self.documents, options: options))
  }

  @Test func aRomajiWordWithALongVowelIsOneWord() throws {
    let engine = try engine()
    // `ta` alone finds tax; konpyu-ta- is こんぴゅーたー, named as the site writes it.
    #expect(engine.finds("ta", nil))
    #expect(SearchEngine.terms("konpyu-ta-").map(\.term) == ["konpyu-ta-"])
    #expect(SearchEngine.terms("kon'ya 教室").map(\.term) == ["kon'ya", "教室"])
    #expect(engine.answer("konpyu-ta-").suggestions == ["コンピューター"])
    // Words that are no romaji are split as before, and searched as before.
    #expect(SearchEngine.terms("2026-12").map(\.term) == QuerySplit.terms("2026-12").map(\.term))
    // A Latin compound is one term (QuerySplit.hyphenated), its word the letters joined.
    #expect(SearchEngine.terms("e-tax 教室").map(\.term) == ["e-tax", "教室"])
    #expect(SearchEngine.terms("e-tax 教室").map(\.words) == [["etax"], ["教室"]])
    #expect(!engine.search("2026-12").isEmpty)
    #expect(!engine.search("Wi-Fi").isEmpty)
  }

  @Test func aLongVowelAfterANameInsideKanaGoesWithIt() throws {
    let engine = try engine()
    let vocabulary = try #require(engine.vocabulary())
    // すまほ is a name inside すまほーと: the ー after it is replaced with it.
    #expect(QueryNames.offers("すまほーと", in: vocabulary).first == "スマートフォンと")
    #expect(QueryNames.offers("すまほｰと", in: vocabulary).first == "スマートフォンと")
    #expect(engine.answer("sumaho-to").suggestions == ["スマートフォンと", "スマートフォン"])
  }

  @Test func theWholeQueryReadAsRomajiComesFirst() throws {
    let engine = try engine()
    // 訓練 finds something alone, and is offered too, after what was meant.
    #expect(engine.answer("bousai 訓練").suggestions == ["防災 訓練", "訓練"])
    // When the whole query finds nothing, the words that find something alone come first.
    #expect(engine.search("防災 集まります").isEmpty)
    #expect(engine.answer("bousai 集まります").suggestions == ["集まります", "防災"])
  }

  @Test func loanwordsAreNamedAsTheSiteWritesThem() throws {
    let engine = try engine()
    #expect(engine.answer("sa-bisu").suggestions == ["サービス"])
    #expect(engine.answer("sa-bisu 窓口").suggestions.first == "サービス 窓口")
    // A name's katakana words, split at ・: ガバメント is one.
    let words = Romaji.katakanaWords(try #require(engine.vocabulary()))
    #expect(words[[0x304C, 0x3070, 0x3081, 0x3093, 0x3068]] == "ガバメント")
    #expect(words.values.contains("デジタル") && !words.values.contains("デジタル・ガバメント"))
    // A name of its own is named by its group first (すまほ → スマートフォン, not スマホ).
    #expect(engine.answer("sumaho").suggestions == ["スマートフォン"])
  }
}
