import Foundation
import Testing

@testable import Search

/// A word of letters and digits typed joined (society5.0, windows11) also finds the pages that
/// write it apart (Society 5.0, Windows 11), and still the ones that write it joined.
@Suite struct QueryLetterDigitsTests {
  static func spaced(_ term: String) -> String? {
    var normalizer = Normalizer()
    return QueryLetterDigits.spaced(normalizer.normalize(term).scalars).map(SearchText.string)
  }

  @Test func aSpaceWhereLettersMeetDigits() {
    #expect(Self.spaced("society5") == "society 5")
    #expect(Self.spaced("Windows11") == "windows 11")
    #expect(Self.spaced("ｗｉｎｄｏｗｓ１１") == "windows 11")
    #expect(Self.spaced("5G") == "5 g")
    #expect(Self.spaced("a1b2") == "a 1 b 2")
    #expect(Self.spaced("3Dプリンター") == "3 dぷりんた")
  }

  @Test func termsWithoutSuchAPlaceHaveNone() {
    for term in ["society", "2026", "12月", "第5世代", "マイナンバー", "dx推進"] {
      #expect(Self.spaced(term) == nil, "\(term)")
    }
  }

  static let documents = [
    SearchDocument(
      url: "/strategy/society/", title: "新たな社会", kind: .strategy,
      summary: "国は「Society 5.0」を示しています。", body: "狩猟、農耕に続く社会です。", date: nil,
      keywords: []),
    SearchDocument(
      url: "/glossary/society-5/", title: "Society5.0", kind: .glossary, summary: "人が中心の社会です。",
      body: "仮想の空間と現実の空間を結びつけます。", date: nil, keywords: []),
    SearchDocument(
      url: "/initiatives/pc/", title: "パソコン教室", kind: .initiative,
      summary: "Windows 11 の使い方を学びます。", body: "5番目の教室と社会の話です。", date: nil, keywords: []),
  ]

  static func engine() throws -> SearchEngine {
    try SearchEngine(files: SearchIndexBuilder.build(documents, options: .default))
  }

  @Test func aJoinedWordFindsItWrittenEitherWay() throws {
    let engine = try Self.engine()
    let joined = engine.run("society5.0", limit: 10)
    #expect(Set(joined.results.map(\.url)) == ["/strategy/society/", "/glossary/society-5/"])
    #expect(joined.alsoSearched == nil)
    #expect(
      Set(engine.run("Society5.0", limit: 10).results.map(\.url)) == Set(joined.results.map(\.url)))
    let windows = engine.run("windows11", limit: 10)
    #expect(windows.results.map(\.url) == ["/initiatives/pc/"])
    #expect(windows.results.first?.highlights == [[0, 10]])
  }

  @Test func theSpacedFormIsAPhraseNotTwoWords() throws {
    // パソコン教室 holds 社会 and 5 but never "society 5": not found by society5.
    let engine = try Self.engine()
    #expect(!engine.run("society5", limit: 10).results.map(\.url).contains("/initiatives/pc/"))
  }
}
