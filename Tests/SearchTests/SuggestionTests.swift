import Foundation
import Testing

@testable import Search

/// 「もしかして」: a search that finds nothing is offered the site's names a typo or two away.
@Suite struct SuggestionTests {
  static let documents = [
    SearchDocument(
      url: "/glossary/my-number-card/", title: "マイナンバーカード", kind: .glossary,
      summary: "顔写真付きのカードです。", body: "本人の証明に使えます。", date: nil,
      keywords: ["まいなんばーかーど", "マイナカード", "My Number Card"]),
    SearchDocument(
      url: "/glossary/open-data/", title: "オープンデータ", kind: .glossary,
      summary: "だれでも使えるデータです。", body: "無料で使えます。", date: nil,
      keywords: ["おーぷんでーた", "Open Data"]),
    SearchDocument(
      url: "/fields/disaster/", title: "防災・危機管理", kind: .field, summary: "備えます。",
      body: "地域の防災を進めます。", date: nil, keywords: []),
    SearchDocument(
      url: "/initiatives/bousai/", title: "防災の取組", kind: .initiative, summary: "災害に備えます。",
      body: "地域の防災を進めます。避難所ではマイナンバーカードも使えます。", date: nil, keywords: ["防犯"]),
  ]
  static let wordGroups = [["防災", "ぼうさい"], ["防犯", "ぼうはん"], ["マイナンバーカード", "マイナ"]]

  func engine() throws -> SearchEngine {
    var options = SearchIndexOptions.default
    options.wordGroups = Self.wordGroups
    return try SearchEngine(files: SearchIndexBuilder.build(Self.documents, options: options))
  }

  @Test func typosOfTheSiteNamesAreOffered() throws {
    let engine = try engine()
    // Nothing is found for the typo itself…
    #expect(engine.search("ぼうさ").isEmpty)
    // …and the group's first name is offered, from a reading, an alias or an English name.
    #expect(engine.suggestions(for: "ぼうさ") == ["防災"])
    #expect(engine.suggestions(for: "まいなんばかあど") == ["マイナンバーカード"])
    #expect(engine.suggestions(for: "opne data") == ["オープンデータ"])
    #expect(engine.suggestions(for: "オープンデータア") == ["オープンデータ"])
    // Nearest first, then glossary entries before word groups before fields.
    #expect(engine.suggestions(for: "ぼうはさい") == ["防災"])
    #expect(engine.suggestions(for: "ぼうかい") == ["防災"])
    #expect(engine.suggestions(for: "ぼうはい") == ["防災", "防犯"])
    #expect(engine.suggestions(for: "防災・危機管") == ["防災・危機管理"])
  }

  /// Several words: the query with each mistyped word replaced, offered once.
  @Test func aQueryOfSeveralWordsIsOfferedCorrected() throws {
    let engine = try engine()
    #expect(engine.suggestions(for: "ぼうさ まいなんばかあど") == ["防災 マイナンバーカード"])
    #expect(engine.suggestions(for: "地域の ぼうさ") == ["地域の 防災"])
    #expect(engine.suggestions(for: "地域の\u{3000}ぼうさ") == ["地域の 防災"])
    // A corrected query that finds nothing together is not offered (no page holds 防災 and
    // オープンデータ); the name inside the query is (see QueryNameTests).
    #expect(engine.search("防災 おーぷんでーた").isEmpty)
    #expect(engine.suggestions(for: "ぼうさ おーぷんでーた") == ["オープンデータ"])
    // No word mistyped: no typo to offer, but the name inside the query (the other word is
    // one the site lacks: see QueryNameTests); only short ones: nothing.
    #expect(engine.search("防災 かんけいない").isEmpty)
    #expect(engine.suggestions(for: "防災 かんけいない") == ["防災"])
    #expect(engine.suggestions(for: "ぼう ぼう").isEmpty)
  }

  /// A part of a name, mistyped: its start is compared (ますなんばー, five characters once
  /// normalised), whole names first; not for shorter queries, nor for a start typed right.
  @Test func theStartOfANameMistypedIsOffered() throws {
    let engine = try engine()
    #expect(engine.search("ますなんばー").isEmpty)
    #expect(engine.suggestions(for: "ますなんばー") == ["マイナンバーカード"])
    #expect(engine.suggestions(for: "まいなんばあ") == ["マイナンバーカード"])
    #expect(engine.suggestions(for: "おーぷんでか") == ["オープンデータ"])
    #expect(engine.suggestions(for: "ますなん").isEmpty)  // four characters: too many starts
    // A typo of a whole name comes before one of a start at the same distance.
    let vocabulary = SuggestionVocabulary([["ぼうさいくんれん"], ["ぼうさいくん"]])
    #expect(Suggestions.find("ぼうさいくに", in: vocabulary) == ["ぼうさいくん", "ぼうさいくんれん"])
  }

  @Test func shortQueriesNamesAndFarWordsGetNone() throws {
    let engine = try engine()
    #expect(engine.suggestions(for: "ぼう").isEmpty)  // two characters: too many near words
    #expect(engine.suggestions(for: "マイナ").isEmpty)  // a name itself is no typo
    #expect(engine.suggestions(for: "ぼうしゃい").isEmpty)  // two edits in five characters
    #expect(engine.suggestions(for: "まいなんばあかあど") == ["マイナンバーカード"])  // two in eight
    #expect(engine.suggestions(for: "かんけいない").isEmpty)
  }

  @Test func theGroupsFileIsMadeFromTheNamesOnce() throws {
    var options = SearchIndexOptions.default
    options.wordGroups = Self.wordGroups
    let files = SearchIndexBuilder.build(Self.documents, options: options)
    let text = String(decoding: try #require(files[Suggestions.file]), as: UTF8.self)
    // Glossary entries (index order), site.yml's groups, fields; マイナンバーカード once, with
    // the word group's names too.
    #expect(
      text
        == #"[["マイナンバーカード","まいなんばーかーど","マイナカード","My Number Card","マイナ"],["オープンデータ","おーぷんでーた","Open Data"],["防災","ぼうさい"],["防犯","ぼうはん"],["防災・危機管理"]]"#
        + "\n")
    #expect(SearchIndexBuilder.build(Self.documents.reversed(), options: options) == files)
  }

  /// The documents with document `n` retitled, and the patch of `index` for them.
  func retitled(_ n: Int, _ title: String, in index: SearchIndex) throws -> (
    [SearchDocument], SearchIndexUpdate
  ) {
    var edited = Self.documents
    edited[n].title = title
    let patch = try #require(
      SearchIndexBuilder.update(
        edited, previous: index.state,
        previousDocument: { id, _ in SearchIndexBuilder.ordered(Self.documents)[id] },
        readFile: { index.files[$0] }))
    return (edited, patch)
  }

  /// A field's vision retitled goes through the patch: words.json follows it.
  @Test func aPatchedIndexRenamesTheGroups() throws {
    let index = SearchIndexBuilder.buildIndex(Self.documents)
    let (edited, patch) = try retitled(2, "防災と危機管理", in: index)
    let whole = SearchIndexBuilder.build(edited)
    #expect(patch.writes[Suggestions.file] == whole[Suggestions.file])
    #expect(patch.writes[Suggestions.file] != index.files[Suggestions.file])
  }

  /// pages.json: every document's address in index order (entry n's title is head n), for the
  /// page for missing addresses; no patch rewrites it, as none changes an address.
  @Test func thePagesFileListsAddressesInIndexOrder() throws {
    let index = SearchIndexBuilder.buildIndex(Self.documents)
    let text = String(decoding: try #require(index.files[Suggestions.pagesFile]), as: UTF8.self)
    #expect(
      text
        == #"["/glossary/my-number-card/","/glossary/open-data/","/fields/disaster/","/initiatives/bousai/"]"#
        + "\n")
    let heads = (0..<4).map {
      String(decoding: index.files[IndexFormat.headName($0)]!, as: UTF8.self)
    }
    #expect(heads[2].contains(#""u":"/fields/disaster/""#))
    let (edited, patch) = try retitled(3, "防災を進める取組", in: index)
    #expect(patch.writes[Suggestions.pagesFile] == nil && patch.writes[Suggestions.file] == nil)
    #expect(
      SearchIndexBuilder.build(edited)[Suggestions.pagesFile] == index.files[Suggestions.pagesFile])
    #expect(patch.writes[IndexFormat.headName(3)] != nil)  // the new title is in its head
  }

  /// An index built by an older Portal has no words.json: no suggestions, no failure.
  @Test func anIndexWithoutTheFileOffersNothing() throws {
    var files = SearchIndexBuilder.build(Self.documents)
    files[Suggestions.file] = nil
    #expect(try SearchEngine(files: files).suggestions(for: "ぼうさ").isEmpty)
  }
}
