import Foundation
import Testing

@testable import Search

/// Numbers typed in kanji (十二月, 三十人, 第三回) also find the Arabic numerals the pages write
/// (12月, 30人, 第3回); numerals inside words (千葉, 一部, 一人, 万が一) stay as typed.
@Suite struct QueryNumeralTests {
  static func arabic(_ query: String) -> String? { QueryNumerals.arabic(query: query) }

  @Test func numbersWithACounterOrAPrefixAreRead() {
    #expect(Self.arabic("十二月") == "12月")
    #expect(Self.arabic("三十人") == "30人")
    #expect(Self.arabic("第三回") == "第3回")
    #expect(Self.arabic("令和六年度") == "令和6年度")
    #expect(Self.arabic("平成三十年") == "平成30年")
    #expect(Self.arabic("二〇二六年") == "2026年")
    #expect(Self.arabic("三百二十円") == "320円")
    #expect(Self.arabic("約五十人") == "約50人")
    #expect(Self.arabic("三か月") == "3か月")
    #expect(Self.arabic("三ヶ月") == "3ヶ月")
    #expect(Self.arabic("二十日") == "20日")
    #expect(Self.arabic("十二") == "12")
    #expect(Self.arabic("二十三の事業") == "23の事業")
  }

  @Test func largeUnitsStayAsPublicDocumentsWriteThem() {
    #expect(Self.arabic("三十万人") == "30万人")
    #expect(Self.arabic("一万五千人") == "1万5000人")
    #expect(Self.arabic("百万円") == "100万円")
    #expect(Self.arabic("一億二千万円") == "1億2000万円")
    #expect(Self.arabic("一億円") == "1億円")
  }

  @Test func wordsKeepTheirNumerals() {
    for word in [
      "千葉", "千葉県", "一部", "一人", "一人ひとり", "一つ", "一番", "一般", "万が一", "万一", "一緒", "統一", "唯一",
      "十分", "五十音", "八百屋", "九十九里", "八千代", "三日月", "第三者", "一時保育", "万人", "三", "〇〇市", "二三日",
      "四季", "一層",
    ] {
      #expect(Self.arabic(word) == nil, "\(word)")
    }
  }

  @Test func onlyTheNumbersOfAQueryAreRewritten() {
    #expect(Self.arabic("十二月のイベント") == "12月のイベント")
    #expect(Self.arabic("千葉県の十二月 三十人") == "千葉県の12月 30人")
    #expect(Self.arabic("ｽﾏﾎ教室　十二月") == "ｽﾏﾎ教室　12月")
    #expect(Self.arabic("1万人") == nil)
  }

  @Test func notANumber() {
    for run in ["二三", "十百", "〇十", "億万", "万億", "二十二十"] {
      #expect(QueryNumerals.written(Array(run.unicodeScalars.map(\.value))[...]) == nil, "\(run)")
    }
  }

  static let documents = [
    SearchDocument(
      url: "/events/december/", title: "12月のスマホ教室", kind: .event,
      summary: "定員は30人です。", body: "第3回の教室です。千葉市で開きます。", date: "2026-12-05",
      keywords: []),
    SearchDocument(
      url: "/initiatives/kanji/", title: "十二月の取組", kind: .initiative,
      summary: "一人ひとりに届けます。", body: "一部の地域で、一般の方も。万が一に備えます。", date: nil, keywords: []),
    SearchDocument(
      url: "/initiatives/chiba/", title: "千葉県の取組", kind: .initiative,
      summary: "1人でも参加できます。", body: "1部を配ります。", date: nil, keywords: []),
  ]

  static func engine() throws -> SearchEngine {
    try SearchEngine(files: SearchIndexBuilder.build(documents, options: .default))
  }

  @Test func kanjiNumbersFindArabicNumerals() throws {
    let engine = try Self.engine()
    let december = engine.run("十二月", limit: 10)
    #expect(Set(december.results.map(\.url)) == ["/events/december/", "/initiatives/kanji/"])
    #expect(december.alsoSearched == "12月")
    let event = december.results.first { $0.url == "/events/december/" }
    #expect(event?.title == "12月のスマホ教室")
    let people = engine.run("三十人", limit: 10)
    #expect(people.results.map(\.url) == ["/events/december/"])
    #expect(people.results.first?.snippet == "定員は30人です。")
    #expect(people.results.first?.highlights == [[3, 6]])
    #expect(engine.run("第三回", limit: 10).results.map(\.url) == ["/events/december/"])
    #expect(engine.run("十二月 三十人", limit: 10).alsoSearched == "12月 30人")
  }

  @Test func wordsFindOnlyThemselves() throws {
    let engine = try Self.engine()
    for (word, urls) in [
      ("千葉", ["/events/december/", "/initiatives/chiba/"]), ("一人", ["/initiatives/kanji/"]),
      ("一部", ["/initiatives/kanji/"]), ("一般", ["/initiatives/kanji/"]),
      ("万が一", ["/initiatives/kanji/"]),
    ] {
      let r = engine.run(word, limit: 10)
      #expect(Set(r.results.map(\.url)) == Set(urls), "\(word)")
      #expect(r.alsoSearched == nil, "\(word)")
    }
  }
}
