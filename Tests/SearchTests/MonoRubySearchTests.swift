import Foundation
import Testing

@testable import Search

/// A title written with a reading per character (`{綺麗|き|れい}な海`) reaches search as the
/// build reads it, a group per character and a kana left plain as text; it is found by the
/// word as written and by the word as read, and a snippet shows the word once with its reading.
@Suite struct MonoRubySearchTests {
  /// `{綺麗|き|れい}な{お茶||ちゃ}`, in the pieces the build passes on.
  static let title = SearchFurigana([
    .ruby(base: "綺", reading: "き"), .ruby(base: "麗", reading: "れい"), .text("な"),
    .text("お"), .ruby(base: "茶", reading: "ちゃ"),
  ])
  static let documents = [
    SearchDocument(
      url: "/initiatives/sea/", title: "綺麗なお茶", kind: .initiative, summary: "海の話です。",
      body: "砂浜を守ります。", date: "2026-04-01", keywords: [], furigana: [title]),
    SearchDocument(
      url: "/initiatives/other/", title: "ほかの取組", kind: .initiative, summary: "山の話です。",
      body: "森を守ります。", date: "2026-04-01", keywords: [], furigana: []),
  ]

  @Test func piecesSideBySideAreOneWord() {
    #expect(
      Self.title.pieces == [
        .ruby(base: "綺麗", reading: "きれい"), .text("な"), .text("お"),
        .ruby(base: "茶", reading: "ちゃ"),
      ])
    #expect(Self.title.reading == "きれいなおちゃ")
  }

  @Test func foundAsWrittenAndAsRead() throws {
    let engine = try SearchEngine(files: SearchIndexBuilder.build(Self.documents))
    for query in ["綺麗", "きれい", "おちゃ", "綺麗なお茶"] {
      #expect(engine.search(query, limit: 10).map(\.url) == ["/initiatives/sea/"], "\(query)")
    }
    let result = try #require(engine.search("きれい", limit: 10).first)
    #expect(result.snippet.hasPrefix("綺麗（きれい）なお茶"))
  }

  /// The head's `f` keeps its shape: a pair for the word, the bases and the readings joined.
  @Test func theHeadHoldsOnePairForTheWord() throws {
    let files = SearchIndexBuilder.build(Self.documents)
    let heads = files.filter { $0.key.hasPrefix("c/") && !$0.key.contains("-") }.values.map {
      String(decoding: $0, as: UTF8.self)
    }
    #expect(heads.contains { $0.contains(#""f":[[["綺麗","きれい"],"な","お",["茶","ちゃ"]]]"#) })
  }
}
