import Foundation
import Testing

@testable import Search

/// A small site in memory: the index is built and queried exactly as `portal build` and
/// `portal search` do, and every answer is compared with a plain substring search.
enum Corpus {
  static let documents: [SearchDocument] = [
    SearchDocument(
      url: "/glossary/bousai/", title: "防災", kind: .glossary,
      summary: "災害を防ぐための備えです。", body: "地震や台風に備えます。", date: nil,
      keywords: ["ぼうさい"]),
    SearchDocument(
      url: "/glossary/dx/", title: "DX", kind: .glossary,
      summary: "デジタルの力で暮らしや仕事を良くすることです。", body: "", date: nil,
      keywords: ["デジタル・トランスフォーメーション", "ディーエックス"]),
    SearchDocument(
      url: "/initiatives/denshi-shinsei/", title: "電子申請を広げる", kind: .initiative,
      summary: "県の手続きをスマートフォンからできるようにします。",
      body: "マイナンバーカードを使った電子申請の手続きを増やします。\n窓口に来なくても申請できます。",
      date: "2026-04-01", keywords: []),
    SearchDocument(
      url: "/initiatives/drone/", title: "ドローンで物を運ぶ", kind: .initiative,
      summary: "山の多い地域にドローンで荷物を届けます。",
      body: "防災の訓練でもドローンを使います。DXの取組の一つです。", date: "2026-05-01",
      keywords: []),
    SearchDocument(
      url: "/strategy/vision/", title: "目指す姿", kind: .strategy,
      summary: "デジタル・トランスフォーメーションで暮らしを良くします。",
      body: "誰もがデジタルの良さを感じられる千葉県を目指します。\n申請は電子で。", date: nil,
      keywords: []),
    SearchDocument(
      url: "/domains/life/", title: "暮らし", kind: .field,
      summary: "災害への備えや子育てを、デジタルの力で支えます。",
      body: "目指す姿：あらゆる人が暮らしやすい社会\n危機管理\n医療・福祉", date: nil, keywords: []),
    SearchDocument(
      url: "/events/kyougikai/", title: "ＤＸ推進協議会", kind: .event,
      summary: "オンラインで開く会議です。", body: "防災とデジタルについて話し合います。",
      date: "2026-12-05", keywords: []),
  ]

  static func engine(_ options: SearchIndexOptions = .default) throws -> SearchEngine {
    try SearchEngine(files: SearchIndexBuilder.build(documents, options: options))
  }

  /// Every name of the glossary entry one of whose names equals `query` (normalised).
  static func aliasGroup(of query: String) -> [String] {
    let q = SearchText.normalize(query)
    for doc in documents where doc.kind == .glossary {
      let names = [doc.title] + doc.keywords
      if names.map(SearchText.normalize).contains(q) { return names }
    }
    return []
  }

  /// The URLs whose text contains `query` after the same normalisation, the ground truth.
  static func substringMatches(_ query: String) -> Set<String> {
    let q = SearchText.normalize(query)
    return Set(
      documents.filter { doc in
        let text = ([doc.title, doc.summary, doc.body] + doc.keywords).map(SearchText.normalize)
        return text.contains { $0.contains(q) }
      }.map(\.url))
  }
}

@Suite struct NormalizationTests {
  @Test func foldsWidthCaseAndKana() {
    #expect(SearchText.normalize("ＤＸ") == SearchText.normalize("dx"))
    #expect(SearchText.normalize("マイナンバー") == SearchText.normalize("まいなんばー"))
    #expect(SearchText.normalize("ｶﾞｲﾄﾞ") == SearchText.normalize("ガイド"))
  }

  @Test func keepsVoicedMarks() {
    // Pagefind stores ドローン as トローン; we must not.
    #expect(SearchText.normalize("ドローン") != SearchText.normalize("トローン"))
  }
}

@Suite struct SubstringRecallTests {
  /// Queries in hiragana, katakana, kanji, mixed, full-width Latin and one character.
  static let queries = [
    "防災", "ぼうさい", "でんししんせい", "電子申請", "マイナンバー", "まいなんばー", "ドローン", "DX", "ＤＸ",
    "dx", "申", "県", "デジタルの良さを感じられる千葉県", "電子申請の手続きを増やします", "オンライン",
    "暮らし", "危機管理",
  ]

  @Test(arguments: queries) func findsWhatSubstringSearchFinds(_ query: String) throws {
    let engine = try Corpus.engine()
    let found = Set(engine.search(query, limit: 0).map(\.url))
    let truth = Corpus.substringMatches(query)
    // Every true match is found (recall). Extra hits are pages that use another name of the
    // same glossary term (ぼうさい → 防災), and nothing else (precision).
    #expect(truth.isSubset(of: found), "missing \(truth.subtracting(found)) for \(query)")
    let aliases = Corpus.aliasGroup(of: query)
    let viaAlias = aliases.reduce(into: Set<String>()) { $0.formUnion(Corpus.substringMatches($1)) }
    #expect(found.subtracting(truth).isSubset(of: viaAlias), "unexpected hits for \(query)")
  }

  @Test func adjacencyIsChecked() throws {
    // 申請 and 電子 both occur on the vision page, but not as 電子申請.
    let engine = try Corpus.engine()
    let urls = engine.search("電子申請", limit: 0).map(\.url)
    #expect(urls == ["/initiatives/denshi-shinsei/"])
  }

  @Test func noMatchIsEmpty() throws {
    #expect(try Corpus.engine().search("存在しない言葉", limit: 0).isEmpty)
  }

  @Test func shortGramsStillVerifyLongQueries() throws {
    // With 2-grams every longer query is planned from overlapping keys and verified.
    var options = SearchIndexOptions()
    options.gramLength = 2
    let engine = try Corpus.engine(options)
    #expect(engine.search("電子申請", limit: 0).map(\.url) == ["/initiatives/denshi-shinsei/"])
    #expect(Set(engine.search("ドローン", limit: 0).map(\.url)) == Corpus.substringMatches("ドローン"))
  }
}

@Suite struct IndexSettingsTests {
  /// The answers must not depend on how postings are stored: with every posting as per-field
  /// sets (no chunks known, or only the first documents' chunks), tiny chunks or one shard,
  /// the same pages come back in the same order with the same snippets.
  @Test(arguments: 0..<4)
  func sameAnswers(_ variant: Int) throws {
    var options = SearchIndexOptions()
    switch variant {
    case 0: options.maxPostingBytes = 0
    case 1:
      options.maxPostingBytes = 0
      options.knownChunksPerSet = 0
    case 2: options.chunkLength = 8
    default: options.shardBytes = 1_000_000
    }
    let reference = try Corpus.engine()
    let other = try Corpus.engine(options)
    for query in SubstringRecallTests.queries + ["DX推進", "第5世代", "9年"] {
      let a = other.search(query, limit: 0)
      let b = reference.search(query, limit: 0)
      if variant == 2 {
        // Snippets come from one chunk, so tiny chunks give shorter ones.
        #expect(a.map(\.url) == b.map(\.url) && a.map(\.score) == b.map(\.score), "\(query)")
      } else {
        #expect(a == b, "\(query)")
      }
    }
  }

  @Test func oneCharacterRunsOfAMixedTermAreNotLookedUp() {
    // 第 selects little; 5 and 世代 find the candidates and verification does the rest.
    #expect(SearchText.tokenize("第5世代") == ["#5", "世代"])
    #expect(SearchText.tokenize("状況をa") == ["状況を", "#a"])
    #expect(SearchText.tokenize("DX推進") == ["#dx", "推進"])
    #expect(SearchText.tokenize("9年") == ["#9", "年"])
  }
}

@Suite struct VerificationBudgetTests {
  /// 200 pages hold both n-grams of a 10-character query, but apart; one page holds the query.
  static func engine() throws -> SearchEngine {
    var docs = (0..<200).map { i in
      SearchDocument(
        url: "/initiatives/p\(1000 + i)/", title: "取組\(i)", kind: .initiative, summary: "",
        body: "あいうえおかきくさしすせそ。うえおかきくけこです。", date: nil, keywords: [])
    }
    docs.append(
      SearchDocument(
        url: "/initiatives/z/", title: "最後", kind: .initiative, summary: "",
        body: "ここに、あいうえおかきくけこ、があります。", date: nil, keywords: []))
    return try SearchEngine(files: SearchIndexBuilder.build(docs))
  }

  @Test func aPageChecksABoundedNumberOfTexts() throws {
    let engine = try Self.engine()
    let page = engine.run("あいうえおかきくけこ", limit: 10)
    #expect(page.results.isEmpty)
    #expect(page.more && !page.exact)
    #expect(page.files.count <= 50 + verifyBudget(10) + 4)
    // Every match when asked for all.
    let all = engine.run("あいうえおかきくけこ", limit: 0)
    #expect(all.results.map(\.url) == ["/initiatives/z/"])
    #expect(all.exact && !all.more && all.candidates == 1)
  }
}

@Suite struct GlossaryAndRankingTests {
  @Test func readingFindsTheTermFirst() throws {
    let results = try Corpus.engine().search("ぼうさい", limit: 0)
    #expect(results.first?.url == "/glossary/bousai/")
  }

  @Test func aliasFindsPagesUsingTheOtherSpelling() throws {
    // The vision page says デジタル・トランスフォーメーション, never DX.
    let urls = try Corpus.engine().search("DX", limit: 0).map(\.url)
    #expect(urls.first == "/glossary/dx/")
    #expect(urls.contains("/strategy/vision/"))
    #expect(urls.contains("/events/kyougikai/"))
  }

  @Test func titleRanksAboveBody() throws {
    let results = try Corpus.engine().search("ドローン", limit: 0)
    #expect(results.first?.url == "/initiatives/drone/")
    #expect(results.first!.score > 0)
  }

  @Test func kindFilterAndLimit() throws {
    let engine = try Corpus.engine()
    let events = engine.search("防災", kinds: [.event], limit: 0)
    #expect(events.map(\.url) == ["/events/kyougikai/"])
    #expect(engine.search("防災", limit: 1).count == 1)
  }

  /// A domain's name finds its page first (an exact title), before the pages that mention
  /// it; the filter for 分野 keeps only domains and fields.
  @Test func aDomainIsFoundByItsNameAndKind() throws {
    let engine = try Corpus.engine()
    let all = engine.search("暮らし", limit: 0)
    #expect(all.first?.url == "/domains/life/")
    #expect(all.first?.kind == .field && all.first?.kind.label == "分野")
    #expect(Set(all.map(\.url)).isSuperset(of: ["/glossary/dx/", "/strategy/vision/"]))
    #expect(engine.search("暮らし", kinds: [.field], limit: 0).map(\.url) == ["/domains/life/"])
    #expect(engine.search("デジタル", kinds: [.field], limit: 0).map(\.url) == ["/domains/life/"])
    #expect(
      engine.search("暮らし", kinds: [.strategy, .event], limit: 0).map(\.url) == [
        "/strategy/vision/"
      ])
  }

  /// Equal scores: glossary entries, then domains and fields, strategy, initiatives, events,
  /// pages about the site; the ids follow that order, and meta.json gives each kind's range.
  @Test func kindsBreakTiesInTheirOrder() throws {
    let kinds: [SearchKind] = [.about, .event, .initiative, .strategy, .field, .glossary]
    let docs = kinds.enumerated().map { n, kind in
      SearchDocument(
        url: "/\(kind.rawValue)/\(n)/", title: "題\(n)", kind: kind, summary: "",
        body: "同じ文です。", date: nil, keywords: [])
    }
    let files = SearchIndexBuilder.build(docs)
    let results = try SearchEngine(files: files).search("同じ文", limit: 0)
    #expect(results.map(\.kind) == [.glossary, .field, .strategy, .initiative, .event, .about])
    #expect(Set(results.map(\.score)).count == 1)
    let meta = String(decoding: try #require(files["meta.json"]), as: UTF8.self)
    #expect(
      meta.contains(
        "\"kinds\":{\"glossary\":[0,1],\"field\":[1,2],\"strategy\":[2,3],\"initiative\":[3,4],\"event\":[4,5],\"about\":[5,6]}"
      ))
  }

  @Test func snippetHighlightsTheMatch() throws {
    let result = try #require(Corpus.engine().search("電子申請", limit: 1).first)
    #expect(result.snippetHTML.contains("<mark>電子申請</mark>"))
    let scalars = Array(result.snippet.unicodeScalars)
    for h in result.highlights {
      let text = String(String.UnicodeScalarView(scalars[h[0]..<h[1]]))
      #expect(SearchText.normalize(text) == SearchText.normalize("電子申請"))
    }
  }

  @Test func snippetIsEscaped() throws {
    let docs = [
      SearchDocument(
        url: "/a/", title: "a", kind: .strategy, summary: "<b>タグ</b>と書きます", body: "",
        date: nil, keywords: [])
    ]
    let engine = try SearchEngine(files: SearchIndexBuilder.build(docs))
    let html = try #require(engine.search("タグ").first).snippetHTML
    #expect(!html.contains("<b>"))
    #expect(html.contains("&lt;b&gt;"))
  }
}

@Suite struct IndexFileTests {
  @Test func buildIsDeterministic() {
    let a = SearchIndexBuilder.build(Corpus.documents)
    let b = SearchIndexBuilder.build(Corpus.documents.reversed())
    #expect(a == b)
  }

  @Test func everyFileIsJSON() throws {
    for (name, data) in SearchIndexBuilder.build(Corpus.documents) {
      #expect(name.hasSuffix(".json"))
      #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: data) }
    }
  }

  @Test func missingIndexIsAClearError() {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    #expect(throws: SearchIndexError.self) { try SearchEngine(directory: dir) }
  }
}
