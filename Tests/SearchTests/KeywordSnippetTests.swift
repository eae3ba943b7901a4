import Foundation
import Testing

@testable import Search

/// A page found only by a keyword (a tag, its department, an event's place or day) showed the
/// keywords as its snippet: 「**高齢者** 健康福祉部」 said nothing of the page. The snippet is
/// now the summary, then 「キーワード：」 and the keywords that matched.
@Suite struct KeywordSnippetTests {
  static let summary = "障害のある人や高齢の人、外国の人などが、ITを使って暮らしやすくなるよう支えます。"
  static let documents = [
    SearchDocument(
      url: "/initiatives/it/", title: "多様性社会の実現に向けたIT支援", kind: .initiative,
      summary: summary, body: "文字を読み上げる機能があります。", date: nil,
      keywords: ["高齢者", "健康福祉部", "高齢者"]),
    SearchDocument(
      url: "/events/class/", title: "はじめてのスマホ教室", kind: .event,
      summary: "スマートフォンの使い方を\n  ゆっくり学ぶ教室です。", body: "", date: "2027-01-16",
      keywords: ["県立図書館 研修室", "学び", "1月16日"]),
    SearchDocument(
      url: "/strategy/long/", title: "長い説明", kind: .strategy,
      summary: String(repeating: "デジタル技術で暮らしを便利にします。", count: 8), body: "", date: nil,
      keywords: ["長い説明", "防災マップ"]),
  ]

  func snippet(_ query: String, url: String) throws -> String {
    let engine = try SearchEngine(files: SearchIndexBuilder.build(Self.documents))
    let result = try #require(engine.search(query, limit: 10).first { $0.url == url }, "\(query)")
    return FuriganaSnippetTests.marked(result)
  }

  @Test func theSummaryThenTheKeywordsThatMatched() throws {
    // A tag given twice is shown once; the department, which did not match, not at all.
    #expect(try snippet("高齢者", url: "/initiatives/it/") == Self.summary + " キーワード：【高齢者】")
    // The summary's white space collapsed; the venue and the day, each where it matched.
    #expect(
      try snippet("研修", url: "/events/class/")
        == "スマートフォンの使い方を ゆっくり学ぶ教室です。 キーワード：県立図書館 【研修】室")
    #expect(
      try snippet("1月16日", url: "/events/class/")
        == "スマートフォンの使い方を ゆっくり学ぶ教室です。 キーワード：【1月16日】")
    // Two keywords of the query: both, in the keywords' order, joined by 、.
    #expect(
      try snippet("1月16日 図書館", url: "/events/class/")
        == "スマートフォンの使い方を ゆっくり学ぶ教室です。 キーワード：県立【図書館】 研修室、【1月16日】")
  }

  /// A long summary is cut, with 「…」, so the keywords stay within the snippet's length.
  @Test func aLongSummaryIsCutToLeaveRoom() throws {
    let shown = try snippet("防災マップ", url: "/strategy/long/")
    #expect(shown.hasSuffix("… キーワード：【防災マップ】"), "\(shown)")
    #expect(shown.hasPrefix("デジタル技術で暮らしを便利にします。"))
    #expect(shown.count - 2 <= snippetLength + 1, "\(shown.count)")
  }

  /// A keyword that is the title (a tag written as the title): the keywords' window, as before.
  @Test func aKeywordThatIsTheTitleKeepsTheWindow() throws {
    #expect(try snippet("長い説明", url: "/strategy/long/") == "【長い説明】 防災マップ")
  }
}

/// A page's blocks (a heading, list items, a paragraph) ran together in a snippet with spaces
/// only: 「主な内容 スマートフォンで…設定をしてみる ドローンで… 申し込み 申し込みは…」. A line
/// break between Japanese words now shows as 。; next to other letters, or after a sentence's
/// end, it stays a space.
@Suite struct BlockSnippetTests {
  func snippet(_ body: String, _ query: String) throws -> String {
    let documents = [
      SearchDocument(
        url: "/events/day/", title: "防災体験デー", kind: .event, summary: "", body: body,
        date: nil, keywords: [])
    ]
    let engine = try SearchEngine(files: SearchIndexBuilder.build(documents))
    let result = try #require(engine.search(query, limit: 5).first)
    return FuriganaSnippetTests.marked(result)
  }

  @Test func blocksArePartedWithAFullStop() throws {
    #expect(
      try snippet("主な内容\nスマートフォンの設定をしてみる\nドローンの実演\n申し込み\n申し込みは2月26日までです。", "申し込み")
        == "主な内容。スマートフォンの設定をしてみる。ドローンの実演。【申し込み】。【申し込み】は2月26日までです。")
    // After a sentence's end, or beside Latin letters and digits: a space, as before.
    #expect(
      try snippet("受付は終わりました。\n次回の申し込み\nWeb Forum\n2027", "申し込み")
        == "受付は終わりました。 次回の【申し込み】 Web Forum 2027")
    // A closing bracket ends words; an opening one starts them.
    #expect(
      try snippet("「防災」\n（申し込みは不要）", "申し込み") == "「防災」。（【申し込み】は不要）")
  }
}
