import Foundation
import Testing

@testable import Search

/// A word typed with its okurigana inside a longer query (行政手続き, 申し込み書, 取り組み状況),
/// where the pages write it without (行政手続オンライン化, 申込書, 取組状況): offered in the pages'
/// spelling, from the spellings of one word group, before the typos' offers.
@Suite struct OkuriganaTests {
  static let documents = [
    SearchDocument(
      url: "/initiatives/online/", title: "行政手続オンライン化の推進", kind: .initiative,
      summary: "行政手続を家から済ませられるようにします。", body: "", date: nil, keywords: []),
    SearchDocument(
      url: "/initiatives/forms/", title: "申込書の電子化", kind: .initiative,
      summary: "紙の申込書をなくします。", body: "", date: nil, keywords: []),
    SearchDocument(
      url: "/initiatives/report/", title: "取組状況の報告", kind: .initiative,
      summary: "毎年の取組状況をまとめます。", body: "", date: nil, keywords: []),
    SearchDocument(
      url: "/initiatives/children/", title: "子ども食堂の支援", kind: .initiative,
      summary: "地域の食堂を助けます。", body: "", date: nil, keywords: []),
  ]
  static let wordGroups = [
    ["手続き", "手続", "てつづき"], ["申し込み", "申込み", "申込", "もうしこみ"],
    ["取組", "とりくみ", "取り組み"], ["子ども", "子供", "こども"], ["行政", "ぎょうせい"],
    ["電子申請", "でんししんせい", "行政手続オンライン化"],
  ]

  func files(_ groups: [[String]] = wordGroups) -> [String: Data] {
    var options = SearchIndexOptions.default
    options.wordGroups = groups
    return SearchIndexBuilder.build(Self.documents, options: options)
  }

  func offers(_ query: String) -> [String] {
    Okurigana.offers(query, in: SuggestionVocabulary(Self.wordGroups))
  }

  /// The brief's three queries find nothing as typed, and are offered the pages' spelling.
  @Test func aWordWithItsOkuriganaIsOfferedThePagesSpelling() throws {
    let engine = try SearchEngine(files: files())
    for (query, offer) in [("行政手続き", "行政手続"), ("申し込み書", "申込書"), ("取り組み状況", "取組状況")] {
      #expect(engine.search(query).isEmpty, "\(query)")
      #expect(engine.suggestions(for: query).first == offer, "\(query)")
      #expect(!engine.search(offer).isEmpty, "\(offer)")
    }
    // Before the typos' offers: 行政手続き is a typo of the start of 行政手続オンライン化 (電子申請).
    #expect(engine.suggestions(for: "行政手続き") == ["行政手続"])
  }

  /// Every spelling the group has, the fewest kana first, each one offer; the rest as typed,
  /// a long-vowel mark typed after the name with it.
  @Test func theSpellingsInOrder() {
    #expect(offers("申し込み書") == ["申込書", "申込み書"])
    #expect(offers("申込書") == ["申込み書", "申し込み書"])
    #expect(offers("取組み状況") == [])  // 取組 cut from 取組み: not 取り組みみ状況
    #expect(offers("取り組み状況") == ["取組状況"])
    #expect(offers("ＤＸ 行政手続き案内") == ["ＤＸ 行政手続案内"])
    // Two words of two groups, each replaced, in one offer per level.
    #expect(offers("申し込み手続き") == ["申込手続", "申込み手続"])
  }

  /// Only spellings of one word: not a group's other words or other kanji.
  @Test func otherWordsOfAGroupAreNotPutIntoACompound() {
    #expect(offers("子ども食堂の案内") == [])  // 子供 has other kanji, こども no kanji
    #expect(offers("行政サービス") == [])  // ぎょうせい is a reading
    #expect(Okurigana.isSpelling(Okurigana.scalars("問合せ"), of: Okurigana.scalars("問い合わせ")))
    #expect(Okurigana.isSpelling(Okurigana.scalars("問い合せ"), of: Okurigana.scalars("問い合わせ")))
    #expect(!Okurigana.isSpelling(Okurigana.scalars("子供"), of: Okurigana.scalars("子ども")))
    #expect(!Okurigana.isSpelling(Okurigana.scalars("学"), of: Okurigana.scalars("学び")))
    #expect(!Okurigana.isSpelling(Okurigana.scalars("くらし"), of: Okurigana.scalars("暮らし")))
    #expect(!Okurigana.isSpelling(Okurigana.scalars("手続"), of: Okurigana.scalars("手続")))
    // A particle dropped alone is the sentence's, not the word's (a glossary's aliases in the
    // bench corpus): not put into 県民支援.
    #expect(!Okurigana.isSpelling(Okurigana.scalars("森林協議会"), of: Okurigana.scalars("森林の協議会")))
    #expect(!Okurigana.isSpelling(Okurigana.scalars("東京大阪"), of: Okurigana.scalars("東京から大阪")))
    let aliases = SuggestionVocabulary([["森林協議会", "森林の協議会"], ["県民支援", "県民の支援"]])
    #expect(Okurigana.offers("県民支援の案内", in: aliases) == [])
  }

  /// A query that is a name was searched with all its group's names: nothing to offer; nor a
  /// query without names of several spellings.
  @Test func aNameAloneOrAQueryWithoutSpellingsGetsNone() throws {
    #expect(offers("手続き") == [])
    #expect(offers("申込") == [])
    #expect(offers("防災訓練") == [])
    let engine = try SearchEngine(files: files())
    #expect(!engine.search("手続き").isEmpty)
    #expect(engine.suggestions(for: "手続き").isEmpty)
  }

  /// Without the spelling in the group, nothing relates 手続き to 手続 inside a longer query:
  /// the offer comes from the groups, not from a rule over kana.
  @Test func theSpellingsComeFromTheGroups() throws {
    var groups = Self.wordGroups
    groups[0] = ["手続き", "てつづき"]
    let engine = try SearchEngine(files: files(groups))
    #expect(!engine.suggestions(for: "行政手続き").contains("行政手続"))
  }
}
