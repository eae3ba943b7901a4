import Foundation
import Testing

@testable import Search

/// Typed forms the pages do not write (docs/search.md, "Typed forms the pages do not use"):
/// a word with its okurigana and another word run together (取り組み状況, 手続き方法), a verb's
/// form (申し込みます), and a Latin compound written with or without its hyphen (e-Tax, eTax).
@Suite struct TypedFormOfferTests {
  static let documents = [
    SearchDocument(
      url: "/initiatives/report/", title: "取組の報告", kind: .initiative,
      summary: "今年度の取組の状況をまとめます。", body: "", date: nil, keywords: []),
    SearchDocument(
      url: "/initiatives/forms/", title: "手続きの案内", kind: .initiative,
      summary: "手続の方法を説明します。", body: "", date: nil, keywords: []),
    SearchDocument(
      url: "/initiatives/tax/", title: "電子申告", kind: .initiative,
      summary: "eTaxで申告できます。", body: "", date: nil, keywords: []),
    SearchDocument(
      url: "/initiatives/gov/", title: "電子政府", kind: .initiative,
      summary: "e-Govから申請できます。", body: "", date: nil, keywords: []),
    SearchDocument(
      url: "/events/class/", title: "教室", kind: .event,
      summary: "申し込みは電話で受け付けます。", body: "", date: nil, keywords: []),
  ]
  static let wordGroups = [
    ["手続き", "手続", "てつづき"], ["申し込み", "申込み", "申込", "もうしこみ"],
    ["取組", "とりくみ", "取り組み", "取組み"],
  ]

  func engine() throws -> SearchEngine {
    var options = SearchIndexOptions.default
    options.wordGroups = Self.wordGroups
    return try SearchEngine(files: SearchIndexBuilder.build(Self.documents, options: options))
  }

  var vocabulary: SuggestionVocabulary { SuggestionVocabulary(Self.wordGroups) }

  /// A word of a group run together with another word is offered split at the name, the name
  /// as its group's first name: 取り組み状況 → 取組 状況, found on the page that writes
  /// 取組の状況; a word the query holds only as the name's spelling (手続き 方法) too.
  @Test func aQueryIsOfferedSplitAtTheNamesInIt() throws {
    let engine = try engine()
    #expect(engine.search("取り組み状況").isEmpty)
    #expect(engine.suggestions(for: "取り組み状況").first == "取組 状況")
    #expect(engine.search("手続き方法").isEmpty)
    #expect(engine.suggestions(for: "手続き方法").first == "手続き 方法")
    #expect(QueryNames.offers("取り組み状況", in: vocabulary).contains("取組 状況"))
    // One character (書) or hiragana alone (ます, お) is no word of the split.
    #expect(!QueryNames.offers("申し込み書", in: vocabulary).contains { $0.contains(" ") })
    #expect(!QueryNames.offers("お申し込み", in: vocabulary).contains { $0.contains(" ") })
    #expect(!QueryNames.offers("取組ます", in: vocabulary).contains { $0.contains(" ") })
    // The query with spaces only is not the query: 手続き 方法 is two terms, 手続き方法 one.
    #expect(QueryNames.offers("手続き方法", in: vocabulary).first == "手続き 方法")
    #expect(!QueryNames.offers("手続き 方法", in: vocabulary).contains("手続き 方法"))
    #expect(QueryNames.termsKey(Self.key("手続き　 方法 ")) == Self.key("手続き 方法"))
  }

  static func key(_ text: String) -> [UInt32] {
    var normalizer = Normalizer()
    return normalizer.normalize(text).scalars
  }

  /// A verb's form keeps its okurigana (公用文 drops them in nouns): 申し込みます is offered no
  /// 申込ます, which no page writes and whose check would cost a search; a particle ends the
  /// noun, so 申し込みの方法 is still offered 申込の方法.
  @Test func aVerbsFormIsOfferedNoSpelling() {
    #expect(Okurigana.offers("申し込みます", in: vocabulary) == [])
    #expect(Okurigana.offers("手続きしました", in: vocabulary) == [])
    #expect(Okurigana.offers("取り組みます", in: vocabulary) == [])
    #expect(Okurigana.offers("申し込みの方法", in: vocabulary) == ["申込の方法", "申込みの方法"])
    #expect(Okurigana.offers("申し込み　ます", in: vocabulary) == ["申込　ます", "申込み　ます"])
    // Katakana after the name are another word.
    #expect(Okurigana.offers("申し込みセンター", in: vocabulary) == ["申込センター", "申込みセンター"])
  }

  /// Latin words joined by a hyphen are one term, searched joined when the query finds
  /// nothing: the page writes eTax.
  @Test func aHyphenatedLatinCompoundIsSearchedJoined() throws {
    let engine = try engine()
    #expect(QuerySplit.terms("e-tax").map(\.words) == [["etax"]])
    #expect(QuerySplit.terms("ｅ－Ｔａｘ 申告").map(\.words) == [["ｅＴａｘ"], ["申告"]])
    #expect(QuerySplit.terms("e‑tax").map(\.words) == [["etax"]])  // U+2011
    // Not digits (COVID-19, dates) nor a Latin word beside Japanese.
    #expect(QuerySplit.terms("COVID-19").map(\.words) == [["COVID"], ["19"]])
    #expect(QuerySplit.terms("千葉-DX").map(\.words) == [["千葉"], ["DX"]])
    for typed in ["e-tax", "e-Tax", "ｅ－Ｔａｘ", "E-TAX"] {
      let answer = engine.answer(typed)
      #expect(answer.searchedAs != nil, "\(typed)")
      #expect(answer.response.results.map(\.url) == ["/initiatives/tax/"], "\(typed)")
    }
    // Written with its hyphen, it is found as typed.
    #expect(engine.search("e-gov").map(\.url) == ["/initiatives/gov/"])
    // A query whose compound no page writes is offered nothing, not its one letter (e).
    let none = engine.answer("e-learning")
    #expect(none.response.results.isEmpty && none.suggestions.isEmpty)
  }

  /// A word of one letter typed apart (e tax) finds every word it starts, so the words that
  /// find something are not offered as that letter alone: nothing here, the word there.
  @Test func aLoneLetterIsNoOfferOfFewerWords() throws {
    let engine = try engine()
    #expect(!engine.search("e").isEmpty)
    for typed in ["e tax", "ｅ　ｔａｘ", "E learning"] {
      #expect(engine.answer(typed).suggestions == [], "\(typed)")
    }
    #expect(engine.answer("x 教室").suggestions == ["教室"])
    #expect(SearchEngine.isLoneLetter("ｅ") && SearchEngine.isLoneLetter("5"))
    #expect(!SearchEngine.isLoneLetter("ex") && !SearchEngine.isLoneLetter("字"))
  }

  /// A word of Latin letters typed joined, where the pages write it with a hyphen after its
  /// first letter (e-Gov), is offered so; not a short word, a site name, or one with others.
  @Test func aJoinedLatinCompoundIsOfferedThePagesHyphen() throws {
    let engine = try engine()
    #expect(engine.search("egov").isEmpty)
    #expect(engine.suggestions(for: "egov") == ["e-gov"])
    #expect(engine.suggestions(for: "ｅＧｏｖ") == ["ｅ-Ｇｏｖ"])
    #expect(LatinCompound.offers("etax 申告", in: vocabulary) == ["e-tax 申告"])
    #expect(LatinCompound.offers("tax", in: vocabulary) == [])
    #expect(LatinCompound.offers("e-tax", in: vocabulary) == [])
    #expect(LatinCompound.offers("café", in: vocabulary) == [])
    let named = SuggestionVocabulary([["GIGA", "ぎが"]])
    #expect(LatinCompound.offers("giga", in: named) == [])
  }
}
