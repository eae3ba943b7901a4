import Foundation
import Testing

@testable import Search

/// The fallback of 「もしかして」: a query that finds nothing and is no typo of a name (a pasted
/// sentence, a word the site lacks, input converted to kanji only in part) is offered the
/// site's names found inside it, and only offers that find something.
@Suite struct QueryNameTests {
  static let documents = [
    SearchDocument(
      url: "/glossary/my-number-card/", title: "マイナンバーカード", kind: .glossary,
      summary: "顔写真付きのカードです。", body: "本人の証明に使えます。", date: nil,
      keywords: ["まいなんばーかーど", "マイナカード"]),
    SearchDocument(
      url: "/glossary/drone/", title: "ドローン", kind: .glossary, summary: "空を飛ぶ機械です。",
      body: "", date: nil, keywords: ["どろーん", "Drone"]),
    SearchDocument(
      url: "/glossary/ai/", title: "AI", kind: .glossary, summary: "人工知能のことです。", body: "",
      date: nil, keywords: ["えーあい", "人工知能"]),
    SearchDocument(
      url: "/fields/crisis/", title: "危機管理", kind: .field, summary: "備えます。", body: "",
      date: nil, keywords: []),
    SearchDocument(
      url: "/initiatives/my-number/", title: "マイナンバーカードの申請", kind: .initiative,
      summary: "窓口での申請を助けます。", body: "", date: nil, keywords: []),
    SearchDocument(
      url: "/initiatives/e-apply/", title: "電子申請の推進", kind: .initiative,
      summary: "申請をオンラインでできるようにします。", body: "", date: nil, keywords: []),
    SearchDocument(
      url: "/initiatives/childcare/", title: "子育て支援の充実", kind: .initiative,
      summary: "子育て支援をデジタルで進めます。", body: "", date: nil, keywords: []),
    SearchDocument(
      url: "/events/bousai/", title: "防災体験デー", kind: .event, summary: "地域の防災を学びます。",
      body: "ドローンの操縦も体験できます。", date: "2026-12-01", keywords: []),
  ]
  static let wordGroups = [
    ["防災", "ぼうさい", "危機管理"], ["子育て", "こそだて"], ["申請", "しんせい"], ["支援", "しえん"],
    ["県", "けん"],
  ]

  func files() -> [String: Data] {
    var options = SearchIndexOptions.default
    options.wordGroups = Self.wordGroups
    return SearchIndexBuilder.build(Self.documents, options: options)
  }

  func engine() throws -> SearchEngine { try SearchEngine(files: files()) }

  /// The offers before they are checked: of this index's words.json, or of `groups`.
  func offers(_ query: String, _ groups: [[String]]? = nil) throws -> [String] {
    let words = try #require(files()[Suggestions.file])
    let parsed = try #require(try JSONSerialization.jsonObject(with: words) as? [[String]])
    return QueryNames.offers(query, in: SuggestionVocabulary(groups ?? parsed))
  }

  /// A pasted sentence: the names inside it, together first (a page holds both), then alone.
  @Test func aSentenceIsOfferedTheNamesInIt() throws {
    let engine = try engine()
    let sentence = "マイナンバーカードの申請方法を知りたい"
    #expect(engine.search(sentence).isEmpty)
    #expect(engine.suggestions(for: sentence) == ["マイナンバーカード 申請", "マイナンバーカード", "申請"])
    // Only what finds something with the kinds asked for: no glossary entry holds 申請.
    #expect(engine.suggestions(for: sentence, kinds: [.glossary]) == ["マイナンバーカード"])
    #expect(engine.suggestions(for: sentence, kinds: [.event]).isEmpty)
  }

  /// A word the site lacks: the query's other names are offered, together and alone.
  @Test func aWordTheSiteLacksIsLeftOut() throws {
    let engine = try engine()
    #expect(engine.search("防災 ドローン教室").isEmpty)
    #expect(engine.suggestions(for: "防災 ドローン教室") == ["防災 ドローン", "ドローン", "防災"])
  }

  /// Input converted in part: the reading inside it is written as its group's first name, the
  /// rest as typed; the rewritten query first, as it says most.
  @Test func aReadingInsideTheQueryIsConverted() throws {
    let engine = try engine()
    #expect(engine.search("こそだて支援").isEmpty)
    #expect(engine.suggestions(for: "こそだて支援") == ["子育て支援", "子育て 支援", "子育て"])
    // Split at the name too (docs/search.md, "Typed forms the pages do not use").
    #expect(engine.suggestions(for: "ぼうさい体験") == ["防災体験", "防災 体験", "防災"])
    #expect(try offers("コソダテ支援") == ["子育て支援", "子育て 支援", "子育て", "支援"])
    #expect(try offers("ｺｿﾀﾞﾃ支援です") == ["子育て支援です", "子育て 支援", "子育て", "支援"])
    // A rewritten query that finds nothing is not offered; its names still are.
    #expect(engine.suggestions(for: "こそだてブログ") == ["子育て"])
  }

  /// Not a typo: a name held whole with more after it gets the names inside the query, not the
  /// name a typo or two away (こそだて支援 is two characters from こそだて).
  @Test func aNameWithMoreIsNoTypo() throws {
    let engine = try engine()
    #expect(engine.suggestions(for: "こそだて支援").first == "子育て支援")
    // A real typo still gets its name: ぼうさ lacks a character, dronr has one changed.
    #expect(engine.suggestions(for: "ぼうさ") == ["防災"])
    #expect(engine.suggestions(for: "dronr") == ["ドローン"])
  }

  /// A name that is a group's first name is not rewritten though a word group lists it too
  /// (危機管理: a field's name, and in 防災's group).
  @Test func aFirstNameIsNotRewritten() throws {
    #expect(try offers("危機管理の訓練") == ["危機管理 訓練", "危機管理"])
    #expect(try engine().suggestions(for: "危機管理の訓練") == ["危機管理"])
  }

  /// Names shorter than two characters are not looked for (県 is in nearly every sentence);
  /// two are enough (申請).
  @Test func shortNamesDoNotFire() throws {
    #expect(try offers("県のおしらせ").isEmpty)
    #expect(try offers("けんのおしらせ") == ["県のおしらせ", "県"])
    #expect(try offers("申請のしかた") == ["申請"])
  }

  /// Overlapping names: the longest wins, then the leftmost; each place is used once.
  @Test func overlappingNamesPickTheLongest() throws {
    let groups = [["マイナ"], ["マイナンバーカード"], ["カード"], ["申請書"], ["電子申請"], ["子育て"], ["育て支援"]]
    #expect(try offers("マイナンバーカードがほしい", groups) == ["マイナンバーカード"])
    // Split at the name, 書 (one character) left out.
    #expect(try offers("電子申請書のダウンロード", groups) == ["電子申請 ダウンロード", "電子申請"])
    // Longest before leftmost.
    #expect(try offers("子育て支援", groups) == ["育て支援"])
    // Equal lengths: the one further left.
    #expect(try offers("防災体験", [["災体験"], ["防災体"]]) == ["防災体"])
    #expect(try offers("マイナのカード", groups) == ["マイナ カード", "マイナ", "カード"])
  }

  /// A Latin name is found only as a whole word, as the search matches words.
  @Test func latinNamesMatchWholeWords() throws {
    let engine = try engine()
    #expect(try offers("ai教室") == ["AI 教室", "AI"])
    #expect(try offers("えーあい教室") == ["AI教室", "AI 教室", "AI"])
    #expect(try offers("mail相談").isEmpty)
    #expect(try offers("drones").isEmpty)
    #expect(engine.suggestions(for: "ai教室") == ["AI"])
  }

  /// Nothing inside (or only the query itself): nothing to offer.
  @Test func noNamesNoOffer() throws {
    #expect(try offers("かんけいないことば").isEmpty)
    #expect(try offers("ドローン").isEmpty)
    // A reading alone was searched with its group's names already: no rewrite of it.
    #expect(try offers("こそだて").isEmpty)
    #expect(try offers("コソダテ").isEmpty)
    #expect(try offers("").isEmpty)
    #expect(try engine().suggestions(for: "かんけいないことば").isEmpty)
  }

  /// A search that found something gets no offer, though names are inside it.
  @Test func aQueryThatFoundSomethingGetsNothing() throws {
    let engine = try engine()
    let response = engine.run("子育て支援")
    #expect(response.candidates > 0)
    #expect(engine.suggestions(for: "子育て支援", after: response).isEmpty)
    let none = engine.run("こそだて支援")
    #expect(engine.suggestions(for: "こそだて支援", after: none).first == "子育て支援")
  }
}
