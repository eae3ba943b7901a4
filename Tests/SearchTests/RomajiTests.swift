import Foundation
import Testing

@testable import Search

/// Romaji typed where kana were meant (sumaho, bousai): the converter, and the offer made of
/// it when the query finds nothing.
@Suite struct RomajiTests {
  @Test func theTableConvertsHepburnKunreiAndWapuro() {
    let cases = [
      "sumaho": "すまほ", "bousai": "ぼうさい", "kosodate": "こそだて", "hinanjo": "ひなんじょ",
      // shi/si, chi/ti, tsu/tu, fu/hu, ji/zi
      "shinsei": "しんせい", "sinsei": "しんせい", "chiba": "ちば", "tiba": "ちば",
      "tsukuba": "つくば", "tukuba": "つくば", "fukushi": "ふくし", "hukusi": "ふくし",
      "jinkou": "じんこう", "zinkou": "じんこう",
      // Contracted sounds.
      "kyouiku": "きょういく", "shakai": "しゃかい", "syakai": "しゃかい", "chousa": "ちょうさ",
      "tyousa": "ちょうさ", "cyousa": "ちょうさ", "jouhou": "じょうほう", "jyouhou": "じょうほう",
      "zyouhou": "じょうほう", "ryokou": "りょこう", "byouin": "びょういん", "nyuuin": "にゅういん",
      // を, small kana, loanwords.
      "kawo": "かを", "xtuka": "っか", "ltuka": "っか", "xyaku": "ゃく", "fairu": "ふぁいる", "dhisuku": "でぃすく",
      "thi-": "てぃー", "vaiorin": "ゔぁいおりん", "firumu": "ふぃるむ", "she-ru": "しぇーる",
      // Capitals and full-width letters (an input method's direct input).
      "Sumaho": "すまほ", "ＢＯＵＳＡＩ": "ぼうさい",
    ]
    for (romaji, kana) in cases { #expect(Romaji.hiragana(romaji) == kana, "\(romaji)") }
  }

  /// tests/romaji_cases.json: every spelling of the table twice over, edges and seeded random
  /// words with what search-offers.js's `hiragana` gives (null: refused). The parity test
  /// (tests/test_search_parity.py) holds search-offers.js to the same file, so the two tables
  /// and rules give the same kana.
  @Test func theSameKanaAsSearchOffersJS() throws {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("tests/romaji_cases.json")
    let cases = try #require(
      JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
    #expect(cases.count > 500)
    for (word, kana) in cases { #expect(Romaji.hiragana(word) == kana as? String, "\(word)") }
  }

  @Test func doubledConsonantsAreSmallTsu() {
    #expect(Romaji.hiragana("kitte") == "きって")
    #expect(Romaji.hiragana("gakkou") == "がっこう")
    #expect(Romaji.hiragana("zasshi") == "ざっし")
    #expect(Romaji.hiragana("mittsu") == "みっつ")
    #expect(Romaji.hiragana("matcha") == "まっちゃ")
    #expect(Romaji.hiragana("maccha") == "まっちゃ")
    #expect(Romaji.hiragana("kixtuto") == "きっと")
    // A doubled consonant with nothing after it is no word.
    #expect(Romaji.hiragana("katt") == nil)
  }

  @Test func nIsNBeforeAConsonantAtTheEndOrDoubled() {
    #expect(Romaji.hiragana("hinan") == "ひなん")
    #expect(Romaji.hiragana("hinann") == "ひなん")
    #expect(Romaji.hiragana("sinnsei") == "しんせい")
    #expect(Romaji.hiragana("minna") == "みんな")
    #expect(Romaji.hiragana("konnichiwa") == "こんにちわ")
    #expect(Romaji.hiragana("konnnitiha") == "こんにちは")
    #expect(Romaji.hiragana("kon'ya") == "こんや")
    #expect(Romaji.hiragana("kon\u{2019}ya") == "こんや")
    #expect(Romaji.hiragana("konya") == "こにゃ")
    #expect(Romaji.hiragana("kann'i") == "かんい")
    #expect(Romaji.hiragana("shimbun") == "しんぶん")
    #expect(Romaji.hiragana("sempai") == "せんぱい")
    #expect(Romaji.hiragana("mainanba-ka-do") == "まいなんばーかーど")
    // An apostrophe not after ん is no romaji.
    #expect(Romaji.hiragana("ka'i") == nil)
  }

  @Test func longVowelsAreTypedAsSpelled() {
    #expect(Romaji.hiragana("sa-bisu") == "さーびす")
    #expect(Romaji.hiragana("ｓａ－ｂｉｓｕ") == "さーびす")
    #expect(Romaji.hiragana("koukou") == "こうこう")
    #expect(Romaji.hiragana("oosaka") == "おおさか")
  }

  @Test func wordsThatAreNotRomajiAreRefused() {
    for word in [
      "xyz", "dx", "DX", "iot", "IoT", "smart", "online", "lala", "smartphone", "5g", "café",
      "ai教室", "q", "e",
      "nn", "-", "'", "", "digital", "kk",
    ] {
      #expect(Romaji.hiragana(word) == nil, "\(word)")
    }
  }

  static let documents = [
    SearchDocument(
      url: "/glossary/my-number-card/", title: "マイナンバーカード", kind: .glossary,
      summary: "顔写真付きのカードです。", body: "本人の証明に使えます。", date: nil,
      keywords: ["まいなんばーかーど"]),
    SearchDocument(
      url: "/glossary/ai/", title: "AI", kind: .glossary, summary: "人工知能です。",
      body: "AIのきょうしつもあります。", date: nil, keywords: ["えーあい"]),
    SearchDocument(
      url: "/initiatives/bousai/", title: "防災の取組", kind: .initiative, summary: "災害に備えます。",
      body: "地域の防災訓練を進めます。避難所の子育て支援。スマホ教室もあります。", date: nil, keywords: []),
    SearchDocument(
      url: "/events/fureai/", title: "ふれあいの広場", kind: .event, summary: "みんなで集まります。",
      body: "ふれあいの時間です。", date: nil, keywords: []),
  ]
  static let wordGroups = [
    ["防災", "ぼうさい"], ["子育て", "こそだて"], ["支援", "しえん"], ["スマートフォン", "スマホ", "すまほ"],
    ["避難所", "ひなんじょ"],
  ]

  func engine() throws -> SearchEngine {
    var options = SearchIndexOptions.default
    options.wordGroups = Self.wordGroups
    return try SearchEngine(files: SearchIndexBuilder.build(Self.documents, options: options))
  }

  @Test func romajiThatFindsNothingIsOfferedAsTheSiteNamesIt() throws {
    let engine = try engine()
    #expect(engine.search("sumaho").isEmpty)
    #expect(engine.answer("sumaho").suggestions == ["スマートフォン"])
    #expect(engine.answer("bousai").suggestions == ["防災"])
    #expect(engine.answer("hinanjo").suggestions == ["避難所"])
    #expect(engine.answer("mainanba-ka-do").suggestions == ["マイナンバーカード"])
    // Words as typed around it; a Latin word that finds something as typed stays (AI). The
    // whole query read as romaji comes first when it finds something, before 訓練 or AI
    // alone (RomajiOfferTests).
    #expect(engine.answer("bousai 訓練").suggestions.first == "防災 訓練")
    #expect(engine.answer("AI kyoushitsu").suggestions.first == "AI きょうしつ")
    // No name for it: the hiragana, when it finds something (くんれん is not on the page).
    #expect(engine.answer("kunren").suggestions.isEmpty)
  }

  @Test func romajiWithATypoOrSeveralNamesGetsTheirOffers() throws {
    let engine = try engine()
    // まいなんばあかあど is a typo of マイナンバーカード; こそだてしえん holds two names.
    #expect(engine.answer("mainanbaakaado").suggestions == ["マイナンバーカード"])
    #expect(engine.answer("kosodateshien").suggestions.first == "子育て支援")
  }

  @Test func englishAndWordsThatFindSomethingAreNotConverted() throws {
    let engine = try engine()
    // AI finds its entry: no offer is made at all for a query that finds something.
    #expect(!engine.search("ai").isEmpty)
    #expect(engine.answer("ai").suggestions.isEmpty)
    let words = engine.vocabulary()
    #expect(engine.romajiOffers("xyz", in: words, kinds: nil).isEmpty)
    // A name of the site as typed is no romaji, though it finds no event (not あい, which
    // ふれあい holds).
    #expect(engine.search("ai", kinds: [.event]).isEmpty)
    #expect(!engine.search("あい", kinds: [.event]).isEmpty)
    #expect(engine.romajiOffers("ai", in: words, kinds: [.event]).isEmpty)
    #expect(engine.romajiOffers("Ai", in: words, kinds: nil).isEmpty)
    #expect(engine.romajiOffers("dx", in: words, kinds: nil).isEmpty)
    #expect(engine.romajiOffers("smart phone", in: words, kinds: nil).isEmpty)
    // With the kinds asked for: 防災 is no event, so nothing is offered.
    #expect(engine.answer("bousai", kinds: [.event]).suggestions.isEmpty)
  }
}
