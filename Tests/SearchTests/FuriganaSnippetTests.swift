import Foundation
import Testing

@testable import Search

/// A title or summary written with furigana is found by its reading (a keyword); the snippet
/// then shows the text as written, with the reading that matched in brackets after its word
/// (有害鳥獣（ちょうじゅう）対策), not the keyword 有害ちょうじゅう対策.
@Suite struct FuriganaSnippetTests {
  static let title = SearchFurigana([
    .text("デジタル技術を活用した有害"), .ruby(base: "鳥獣", reading: "ちょうじゅう"), .text("対策"),
  ])
  static let summary = SearchFurigana([
    .text("わなの見回りや"), .ruby(base: "出没", reading: "しゅつぼつ"), .text("の情報を共有します。"),
  ])
  static let documents = [
    SearchDocument(
      url: "/initiatives/wildlife/", title: "デジタル技術を活用した有害鳥獣対策", kind: .initiative,
      summary: "わなの見回りや出没の情報を共有します。", body: "イノシシの被害を減らします。",
      date: "2026-04-01", keywords: ["農林水産部"], furigana: [title, summary]),
    SearchDocument(
      url: "/events/hall/", title: "集い", kind: .event, summary: "集まります。", body: "",
      date: "2026-12-05",
      keywords: [],
      furigana: [SearchFurigana([.ruby(base: "匝瑳", reading: "そうさ"), .text("ホール")])]),
  ]

  /// The snippet of the first result (or of `url`'s) with each highlight in 【】.
  func snippet(
    _ query: String, in documents: [SearchDocument] = documents, url: String? = nil
  ) throws -> String {
    let engine = try SearchEngine(files: SearchIndexBuilder.build(documents))
    let result = try #require(
      engine.search(query, limit: 10).first { url == nil || $0.url == url }, "\(query)")
    return Self.marked(result)
  }

  /// A result's snippet with each highlight in 【】.
  static func marked(_ result: SearchResult) -> String {
    var out = ""
    let scalars = Array(result.snippet.unicodeScalars)
    var position = 0
    for h in result.highlights {
      out += String(String.UnicodeScalarView(scalars[position..<h[0]]))
      out += "【" + String(String.UnicodeScalarView(scalars[h[0]..<h[1]])) + "】"
      position = h[1]
    }
    return out + String(String.UnicodeScalarView(scalars[position...]))
  }

  @Test func aReadingIsShownBesideItsWord() throws {
    let rest = " わなの見回りや出没の情報を共有します。 農林水産部"
    #expect(try snippet("ちょうじゅう") == "デジタル技術を活用した有害鳥獣（【ちょうじゅう】）対策" + rest)
    // Part of a reading: that part.
    #expect(try snippet("じゅう") == "デジタル技術を活用した有害鳥獣（ちょう【じゅう】）対策" + rest)
    // Across the text and the reading: the characters typed.
    #expect(
      try snippet("有害ちょうじゅう対策") == "デジタル技術を活用した【有害】鳥獣（【ちょうじゅう】）【対策】" + rest)
    #expect(try snippet("有害ちょう") == "デジタル技術を活用した【有害】鳥獣（【ちょう】じゅう）対策" + rest)
    // The summary's reading: the title is shown as written, without its reading.
    #expect(
      try snippet("しゅつぼつの")
        == "デジタル技術を活用した有害鳥獣対策 わなの見回りや出没（【しゅつぼつ】）【の】情報を共有します。 農林水産部")
    // A keyword found as written: the texts with furigana are shown as written too.
    // A keyword that is neither: the summary, then the keyword (`afterSummary`).
    #expect(try snippet("農林") == "わなの見回りや出没の情報を共有します。 キーワード：【農林】水産部")
    #expect(try snippet("そうさ") == "集まります。 キーワード：匝瑳（【そうさ】）ホール")
  }

  /// An event's place with furigana is a keyword as read (first) and as written (after the
  /// tags, as residents search for the venue); a title or summary may equal a tag or each
  /// other. A snippet from the keywords shows each text once, as written where it is first,
  /// with the matches of its copies; what is indexed and found is unchanged. (Pages without a
  /// summary here: with one, a keyword that is not the title shows after it, below.)
  @Test func aTextWithFuriganaIsShownOnce() throws {
    let place = SearchFurigana([.ruby(base: "匝瑳", reading: "そうさ"), .text("市民ホール")])
    let bousai = SearchFurigana([.ruby(base: "防災", reading: "ぼうさい"), .text("の日")])
    let documents = [
      SearchDocument(
        url: "/events/hall/", title: "市民のつどい", kind: .event, summary: "", body: "",
        date: "2027-01-16", keywords: ["学び", "匝瑳市民ホール", "1月16日"], furigana: [place]),
      // The title equals a tag; the place (without furigana) equals a tag too.
      SearchDocument(
        url: "/events/bousai/", title: "防災の日", kind: .event, summary: "", body: "",
        date: "2027-01-20", keywords: ["防災の日", "県庁", "県庁", "1月20日"], furigana: [bousai]),
      // The summary as the title, furigana and all.
      SearchDocument(
        url: "/strategy/bousai/", title: "防災の日", kind: .strategy, summary: "防災の日",
        body: "", date: nil, keywords: ["まなび"], furigana: [bousai, bousai]),
      // No furigana: a tag as the department.
      SearchDocument(
        url: "/initiatives/farm/", title: "農業", kind: .initiative, summary: "", body: "",
        date: nil, keywords: ["農林水産部", "スマート農業", "農林水産部"]),
    ]
    func hall(_ q: String) throws -> String { try snippet(q, in: documents, url: "/events/hall/") }
    #expect(try hall("匝瑳") == "【匝瑳】市民ホール 学び 1月16日")
    #expect(try hall("そうさ") == "匝瑳（【そうさ】）市民ホール 学び 1月16日")
    #expect(try hall("市民ホール") == "匝瑳【市民ホール】 学び 1月16日")
    #expect(try hall("そうさ市民") == "匝瑳（【そうさ】）【市民】ホール 学び 1月16日")
    #expect(try hall("匝瑳 そうさ") == "【匝瑳】（【そうさ】）市民ホール 学び 1月16日")
    #expect(try hall("学び") == "匝瑳市民ホール 【学び】 1月16日")
    func day(_ q: String) throws -> String { try snippet(q, in: documents, url: "/events/bousai/") }
    #expect(try day("ぼうさい") == "防災（【ぼうさい】）の日 県庁 1月20日")
    #expect(try day("防災") == "【防災】の日 県庁 1月20日")
    #expect(try day("1月20日") == "防災の日 県庁 【1月20日】")
    #expect(try day("県庁") == "防災の日 【県庁】 1月20日")
    func strategy(_ q: String) throws -> String {
      try snippet(q, in: documents, url: "/strategy/bousai/")
    }
    #expect(try strategy("まなび") == "防災の日 キーワード：【まなび】")
    #expect(try strategy("ぼうさい") == "防災（【ぼうさい】）の日 まなび")
    #expect(try snippet("農林", in: documents) == "【農林】水産部 スマート農業")
    // Other readings of the same kanji say something: both are shown.
    let market = SearchDocument(
      url: "/strategy/market/", title: "市場", kind: .strategy, summary: "市場", body: "", date: nil,
      keywords: [],
      furigana: [
        SearchFurigana([.ruby(base: "市場", reading: "いちば")]),
        SearchFurigana([.ruby(base: "市場", reading: "しじょう")]),
      ])
    #expect(try snippet("いちば", in: [market]) == "市場（【いちば】） 市場")
  }

  /// The head keeps the keywords as indexed (`w`, the readings first) and the texts with
  /// furigana (`f`); a document without furigana has the head it had before.
  @Test func theHeadKeepsTheTextsAsWritten() throws {
    let files = SearchIndexBuilder.build(Self.documents)
    let heads = files.filter { $0.key.hasPrefix("c/") && !$0.key.contains("-") }.values.map {
      String(decoding: $0, as: UTF8.self)
    }
    #expect(
      heads.contains {
        $0.contains(
          #""w":"デジタル技術を活用した有害ちょうじゅう対策\nわなの見回りやしゅつぼつの情報を共有します。\n農林水産部","f":[["デジタル技術を活用した有害",["鳥獣","ちょうじゅう"],"対策"],["わなの見回りや",["出没","しゅつぼつ"],"の情報を共有します。"]],"n":1}"#
        )
      })
    #expect(heads.contains { $0.contains(#""w":"そうさホール","f":[[["匝瑳","そうさ"],"ホール"]],"n":0}"#) })
    var plain = Self.documents[0]
    plain.furigana = []
    let head = String(
      decoding: try #require(SearchIndexBuilder.build([plain])["c/0.json"]), as: UTF8.self)
    #expect(head.hasSuffix(#","w":"農林水産部","n":1}"#))
  }

  @Test func keywordsAsIndexed() {
    let f = SearchFurigana([.text("県の"), .ruby(base: "防災", reading: "ぼうさい")])
    #expect(f.reading == "県のぼうさい")
    #expect(SearchFurigana.keywordsText("", []) == "")
    #expect(SearchFurigana.keywordsText("a\nb", []) == "a\nb")
    #expect(SearchFurigana.keywordsText("", [f]) == "県のぼうさい")
    #expect(SearchFurigana.keywordsText("a\nb", [f, f]) == "県のぼうさい\n県のぼうさい\na\nb")
    let doc = SearchDocument(
      url: "/a/", title: "a", kind: .strategy, summary: "", body: "", date: nil, keywords: ["b"],
      furigana: [f])
    #expect(doc.indexedKeywords == ["県のぼうさい", "b"])
  }

  /// Positions move with the characters; keywords that do not start with the readings (a
  /// head made otherwise) give no crash.
  @Test func matchesMoveWithTheCharacters() {
    let f = SearchFurigana([.ruby(base: "防災", reading: "ぼうさい")])
    let fine = "ぼうさい\nx".unicodeScalars.map(\.value)
    let written = Snippet.asWritten(fine, [0..<2, 5..<6], [f])
    #expect(written.0 == "防災（ぼうさい）\nx".unicodeScalars.map(\.value))
    #expect(written.1 == [3..<5, 9..<10])
    let untouched = Snippet.asWritten(fine, [5..<6], [f])
    #expect(untouched.0 == "防災\nx".unicodeScalars.map(\.value) && untouched.1 == [3..<4])
    _ = Snippet.asWritten("ぼ".unicodeScalars.map(\.value), [0..<1], [f, f])
    // A keyword equal to a text as written is left out; its matches go to that text.
    let twice = "ぼうさい\nx\n防災".unicodeScalars.map(\.value)
    let once = Snippet.asWritten(twice, [7..<9], [f])
    #expect(once.0 == "防災\nx".unicodeScalars.map(\.value) && once.1 == [0..<2])
    _ = Snippet.asWritten("x\n防災".unicodeScalars.map(\.value), [2..<4], [f, f])
    _ = Snippet.asWritten("ぼうさい\n防".unicodeScalars.map(\.value), [0..<1], [f, f, f])
    _ = Snippet.asWritten([], [], [f, f])
  }

  /// An edit of a base alone (the same reading) changes the head: the patch writes it.
  @Test func anEditOfABaseIsPatched() throws {
    let docs = Self.documents
    let index = SearchIndexBuilder.buildIndex(docs)
    var edited = docs
    edited[1].furigana = [SearchFurigana([.ruby(base: "早瑳", reading: "そうさ"), .text("ホール")])]
    let ordered = SearchIndexBuilder.order(docs).map { docs[$0] }
    let update = try #require(
      SearchIndexBuilder.update(
        edited, previous: index.state, previousDocument: { id, _ in ordered[id] },
        readFile: { index.files[$0] }))
    var files = index.files
    for (path, data) in update.writes { files[path] = data }
    for path in update.deletes { files[path] = nil }
    #expect(files == SearchIndexBuilder.buildIndex(edited).files)
    #expect(update.writes.keys.contains { $0.hasPrefix("c/") })
  }
}
