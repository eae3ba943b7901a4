import Foundation
import Testing

@testable import Search

/// site.yml's `search_words`: a word of a group finds the pages that write any word of it, as a
/// glossary entry's names do, so a resident typing the reading of a kanji word finds it.
@Suite struct WordGroupTests {
  static let documents = [
    SearchDocument(
      url: "/initiatives/bousai/", title: "防災の取組", kind: .initiative,
      summary: "災害に備えます。", body: "地域の防災を進めます。", date: nil, keywords: []),
    SearchDocument(
      url: "/initiatives/senior/", title: "シニアのスマホ教室", kind: .initiative,
      summary: "スマホを学びます。", body: "はじめての方に。", date: nil, keywords: []),
    SearchDocument(
      url: "/initiatives/other/", title: "ほかの取組", kind: .initiative, summary: "",
      body: "関係のない話です。", date: nil, keywords: []),
  ]

  func engine(_ groups: [[String]]) throws -> SearchEngine {
    var options = SearchIndexOptions.default
    options.wordGroups = groups
    return try SearchEngine(files: SearchIndexBuilder.build(Self.documents, options: options))
  }

  @Test func aReadingFindsTheKanjiWord() throws {
    let without = try engine([])
    #expect(without.search("ぼうさい").isEmpty)
    let with = try engine([["防災", "ぼうさい"], ["高齢者", "お年寄り", "シニア"]])
    #expect(with.search("ぼうさい").map(\.url) == ["/initiatives/bousai/"])
    #expect(with.search("ボウサイ").map(\.url) == ["/initiatives/bousai/"])
    #expect(with.search("お年寄り").map(\.url) == ["/initiatives/senior/"])
    // The word itself finds what it finds anyway; an unrelated word nothing more.
    #expect(with.search("防災").map(\.url) == ["/initiatives/bousai/"])
    #expect(with.search("かんけい").isEmpty)
  }

  /// Other groups make other `~` entries: a patch of an index made with the old ones would be
  /// wrong, so it is refused and the index made whole.
  @Test func otherGroupsMeanAWholeIndex() throws {
    var old = SearchIndexOptions.default
    old.wordGroups = [["防災", "ぼうさい"]]
    let index = SearchIndexBuilder.buildIndex(Self.documents, options: old) { _ in }
    var new = old
    new.wordGroups = [["防災", "ぼうさい"], ["避難", "ひなん"]]
    let files = SearchIndexBuilder.build(Self.documents, options: old)
    let patch = SearchIndexBuilder.update(
      Self.documents, previous: index.state, previousDocument: { _, d in d },
      readFile: { files[$0] }, options: new)
    #expect(patch == nil)
    #expect(
      SearchIndexBuilder.update(
        Self.documents, previous: index.state, previousDocument: { _, d in d },
        readFile: { files[$0] }, options: old) != nil)
  }
}
