import Foundation
import Testing

@testable import Search

/// A query typed without spaces (スマートフォン教室, 近くのスマホ教室) finds nothing as one
/// stretch of text: it is split where the script changes, particles and question words left
/// out, and searched so (`SearchEngine.answer`).
@Suite struct QuerySplitTests {
  /// The words of each term, as typed.
  func words(_ query: String) -> [[String]] { QuerySplit.terms(query).map(\.words) }

  @Test func termsAreSplitWhereTheScriptChanges() {
    #expect(words("スマートフォン教室") == [["スマートフォン", "教室"]])
    #expect(words("千葉県DXパネル展") == [["千葉県", "DX", "パネル", "展"]])
    // Width and long-vowel marks stay as typed.
    #expect(words("ｽﾏｰﾄﾌｫﾝ教室") == [["ｽﾏｰﾄﾌｫﾝ", "教室"]])
    #expect(words("サーバー更新") == [["サーバー", "更新"]])
    // Digits go with the word beside them: dates, ordinals, 5G.
    #expect(words("12月のイベント") == [["12月", "イベント"]])
    #expect(words("第5世代") == [["第5世代"]])
    #expect(words("5Gの活用") == [["5G", "活用"]])
    #expect(words("令和6年度の計画") == [["令和6年度", "計画"]])
    // ヶ of place names is no katakana word.
    #expect(words("霞ヶ関の手続き") == [["霞ヶ関", "手続き"]])
    // Separate terms stay separate.
    #expect(QuerySplit.terms("パネル展 いつ").map(\.term) == ["パネル展", "いつ"])
  }

  @Test func kanaEndingsStayWithTheirKanjiParticlesGo() {
    #expect(words("スマホ教室に申し込みたい") == [["スマホ", "教室", "申し込み"]])
    #expect(words("手続きは") == [["手続き"]])
    #expect(words("取り組みと問い合わせ") == [["取り組み", "問い合わせ"]])
    #expect(words("子どもの学校") == [["子ども", "学校"]])
    #expect(words("千葉県では") == [["千葉県"]])
    #expect(words("お知らせ") == [["お知らせ"]])
    // Kana before kanji: a word when a particle ends it, else left as typed.
    #expect(words("ぼうさいの訓練") == [["ぼうさい", "訓練"]])
    // と ends as many kana words as it joins: ふるさと納税 is not cut to ふるさ.
    #expect(words("ふるさと納税") == [["ふるさと納税"]])
    #expect(QuerySplit.kanaApart("ふるさと納税") == ["ふるさと", "納税"])
    #expect(words("こそだて支援") == [["こそだて支援"]])
    #expect(words("その他") == [["その他"]])
    // Kana alone are not cut, only left out when they are particles and question words.
    #expect(words("こども") == [["こども"]])
    #expect(words("みなと") == [["みなと"]])
  }

  @Test func questionWordsAreLeftOut() {
    #expect(words("近くのスマホ教室") == [["スマホ", "教室"]])
    #expect(words("パネル展はいつですか") == [["パネル", "展"]])
    #expect(words("パネル展 いつ") == [["パネル", "展"], []])
    #expect(words("どこで") == [[]])
    #expect(words("の") == [[]])
  }

  static let documents = [
    SearchDocument(
      url: "/events/smartphone/", title: "スマートフォンの使い方教室", kind: .event,
      summary: "スマートフォンの使い方を学びます。", body: "申し込みは電話でもできます。",
      date: "2026-09-26", ends: "2026-09-26T12:00:00+09:00", keywords: ["9月26日"]),
    SearchDocument(
      url: "/events/panel/", title: "千葉県のDXパネル展", kind: .event,
      summary: "DXの取組をパネルで紹介する展示です。", body: "会場は県庁です。",
      date: "2027-01-26", ends: "2027-02-01T00:00:00+09:00", keywords: ["1月26日"]),
    SearchDocument(
      url: "/initiatives/skills/", title: "デジタルの基礎を学ぶ", kind: .initiative,
      summary: "教室を開きます。", body: "スマートフォンやパソコンの教室です。", date: nil,
      keywords: []),
  ]

  func engine() throws -> SearchEngine {
    var options = SearchIndexOptions.default
    options.wordGroups = [["スマートフォン", "スマホ"]]
    return try SearchEngine(files: SearchIndexBuilder.build(Self.documents, options: options))
  }

  @Test func aQueryThatFindsNothingIsSearchedSplit() throws {
    let engine = try engine()
    for (query, split) in [
      ("スマートフォン教室", "スマートフォン 教室"), ("近くのスマホ教室", "スマホ 教室"),
      ("スマホ教室に申し込みたい", "スマホ 教室 申し込み"), ("千葉県DXパネル展", "千葉県 DX パネル 展"),
      // A term that finds something alone stays whole; a question word typed apart goes.
      ("パネル展 いつ", "パネル展"),
    ] {
      #expect(engine.run(query).candidates == 0, "\(query)")
      let answer = engine.answer(query)
      #expect(answer.searchedAs == split, "\(query)")
      #expect(answer.response.results.map(\.url) == engine.search(split).map(\.url), "\(query)")
      #expect(!answer.response.results.isEmpty && answer.suggestions.isEmpty, "\(query)")
      // The files of both searches, as the page downloads them.
      let files = Set(engine.run(query).files).union(engine.run(split).files)
      #expect(Set(answer.response.files) == files)
    }
    // With the kinds asked for.
    #expect(
      engine.answer("スマートフォン教室", kinds: [.initiative]).response.results.map(\.url) == [
        "/initiatives/skills/"
      ])
  }

  @Test func aQueryThatFindsSomethingIsNotSplit() throws {
    let engine = try engine()
    let answer = engine.answer("スマートフォン 教室")
    #expect(answer.searchedAs == nil && answer.response.results.count == 2)
    #expect(engine.answer("パネル展").searchedAs == nil)
  }

  /// Split words that find nothing together: the words that find something alone are offered
  /// first, before the typos and names; nothing that finds nothing.
  @Test func aWordThatFindsNothingIsOfferedLeftOut() throws {
    let engine = try engine()
    let answer = engine.answer("パネル展 会場案内")
    #expect(answer.searchedAs == nil && answer.response.results.isEmpty)
    #expect(answer.suggestions == ["パネル展"])
    // Split, then without the word the site lacks, a word group's other name as its first.
    #expect(engine.answer("スマホ教室のドローン").suggestions.first == "スマートフォン 教室")
    // Nothing that finds something: nothing offered.
    #expect(engine.answer("かんけいない").suggestions.isEmpty)
    // Not when every word finds something alone, and a kind asked for has none of them.
    #expect(engine.answer("スマホ教室", kinds: [.glossary]).suggestions.isEmpty)
  }

  /// ごみ収集: a word in kana typed before kanji finds nothing and gets no other offer; its
  /// parts that find something are offered (as ゴミ収集 is offered ゴミ).
  @Test func kanaBeforeKanjiAreOfferedApartLast() throws {
    #expect(QuerySplit.kanaApart("ごみ収集") == ["ごみ", "収集"])
    #expect(QuerySplit.kanaApart("こそだて支援") == ["こそだて", "支援"])
    for word in ["その他", "お知らせ", "ご案内", "こども", "収集", "ごみ", "ゴミ収集"] {
      #expect(QuerySplit.kanaApart(word) == nil, "\(word)")
    }
    let engine = try engine()
    // Another offer (すまほ → スマートフォン) comes alone: the cut is the last resort.
    #expect(engine.answer("すまほ展示").suggestions == ["スマートフォン"])
    let documents =
      Self.documents + [
        SearchDocument(
          url: "/initiatives/gomi/", title: "ごみの出し方", kind: .initiative,
          summary: "ごみを分けて出します。", body: "分け方の一覧です。", date: nil, keywords: [])
      ]
    let withGomi = try SearchEngine(files: SearchIndexBuilder.build(documents, options: .default))
    let answer = withGomi.answer("ごみ収集")
    #expect(answer.response.results.isEmpty && answer.searchedAs == nil)
    #expect(answer.suggestions == ["ごみ"])
    #expect(withGomi.answer("ごみ展示").suggestions == ["ごみ", "展示"])
  }

  /// An event's head says when it is over, for the page's 「（終わりました）」.
  @Test func anEventsEndIsInItsHeadAndResult() throws {
    let files = SearchIndexBuilder.build(Self.documents, options: .default)
    let engine = try SearchEngine(files: files)
    let event = try #require(engine.search("使い方教室", kinds: [.event]).first)
    #expect(event.ends == "2026-09-26T12:00:00+09:00" && event.date == "2026-09-26")
    #expect(try #require(engine.search("基礎").first).ends == nil)
    let heads = files.filter { $0.key.hasPrefix("c/") && !$0.key.contains("-") }.values
      .map { String(decoding: $0, as: UTF8.self) }
    #expect(heads.contains { $0.contains(#""d":"2027-01-26","e":"2027-02-01T00:00:00+09:00""#) })
    #expect(heads.filter { $0.contains(#""e":"#) }.count == 2)
  }
}
