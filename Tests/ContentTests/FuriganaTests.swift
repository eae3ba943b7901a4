import Diagnostics
import Foundation
import Testing

@testable import Content

/// Furigana in the front matter (`title: "{防災|ぼうさい}のDX"`): read once when the file is
/// parsed, the meta holding the plain text and the page the groups.
@Suite struct FuriganaTests {
  /// The readings of a text's groups, in written order.
  func readings(_ text: Furigana?) -> [String]? {
    text?.pieces.compactMap { if case .ruby(_, let reading) = $0 { reading } else { nil } }
  }

  func page(_ frontMatter: String, kind: ContentKind = .initiative) throws -> Page {
    let (page, problems) = try parseFile(
      "---\n\(frontMatter)---\n\n本文です。\n", kind: kind,
      path: "content/\(kind.folder)/x.md")
    return try #require(page, "\(problems.map(\.text))")
  }

  @Test func aTitleAndSummaryWithFuriganaArePlainInTheMeta() throws {
    let p = try page(
      "title: \"{防災|ぼうさい}のDX\"\nsummary: \"{避難所|ひなんじょ}を{探|さが}せます。\"\nfields: [a]\n")
    #expect(p.title == "防災のDX")
    #expect(p.summary == "避難所を探せます。")
    #expect(readings(p.furigana.title) == ["ぼうさい"])
    #expect(readings(p.furigana.summary) == ["ひなんじょ", "さが"])
    #expect(p.furigana.texts.map(\.plain) == ["防災のDX", "避難所を探せます。"])
    #expect(p.titleHTML == "<ruby>防災<rp>（</rp><rt>ぼうさい</rt><rp>）</rp></ruby>のDX")
    #expect(
      p.summaryHTML
        == "<ruby>避難所<rp>（</rp><rt>ひなんじょ</rt><rp>）</rp></ruby>を<ruby>探<rp>（</rp><rt>さが</rt><rp>）</rp></ruby>せます。"
    )
  }

  /// The full-width bar the Japanese input gives works as in the body.
  @Test func theFullWidthBarWorks() throws {
    let p = try page("title: \"{匝瑳|そうさ}市と{香取｜かとり}市\"\nsummary: 説明です。\nfields: [a]\n")
    #expect(p.title == "匝瑳市と香取市")
    #expect(readings(p.furigana.title) == ["そうさ", "かとり"])
  }

  @Test func aTextWithoutAGroupKeepsNoFurigana() throws {
    let p = try page("title: 県の{取組}と a|b\nsummary: \"{防災|}と{|ぼうさい}と{防災|ぼう\"\nfields: [a]\n")
    #expect(p.title == "県の{取組}と a|b")
    #expect(p.summary == "{防災|}と{|ぼうさい}と{防災|ぼう")
    #expect(p.furigana.isEmpty)
    #expect(p.titleHTML == "県の{取組}と a|b")
  }

  /// Every piece is escaped: a base or reading cannot add markup to the page.
  @Test func basesAndReadingsAreEscaped() throws {
    let p = try page(
      "title: \"{<script>|</rt>&}と<b>\"\nsummary: \"{a\\\"b|<img src=x onerror=alert(1)>}\"\nfields: [a]\n"
    )
    #expect(p.title == "<script>と<b>")
    #expect(
      p.titleHTML
        == "<ruby>&lt;script&gt;<rp>（</rp><rt>&lt;/rt&gt;&amp;</rt><rp>）</rp></ruby>と&lt;b&gt;")
    #expect(
      p.summaryHTML
        == "<ruby>a&quot;b<rp>（</rp><rt>&lt;img src=x onerror=alert(1)&gt;</rt><rp>）</rp></ruby>")
    #expect(Furigana.html("<i>", nil) == "&lt;i&gt;")
  }

  /// A glossary entry's `short` and an event's `place` take furigana too; a term does not
  /// (it has its `reading`), nor do the texts shown as typed.
  @Test func shortPlaceAndTheOtherKinds() throws {
    let g = try page(
      "term: 防災\nreading: ぼうさい\nshort: \"{災害|さいがい}を防ぐこと。\"\n", kind: .glossary)
    #expect(g.summary == "災害を防ぐこと。")
    #expect(readings(g.furigana.summary) == ["さいがい"])
    #expect(g.furigana.title == nil)
    let e = try page(
      "title: \"{匝瑳|そうさ}の集い\"\nsummary: 集まります。\nstart: 2026-12-05T13:30:00+09:00\nplace: \"{匝瑳|そうさ}市民ホール\"\nfee: \"{無料|むりょう}\"\n",
      kind: .event)
    guard case .event(let m) = e.meta else { throw CancellationError() }
    #expect(m.title == "匝瑳の集い")
    #expect(m.place == "匝瑳市民ホール")
    #expect(readings(e.furigana.place) == ["そうさ"])
    #expect(m.fee == "{無料|むりょう}")
    for (kind, frontMatter) in [
      (ContentKind.strategy, "title: \"{基本|きほん}\"\norder: 1\nsummary: \"{概要|がいよう}\"\n"),
      (.about, "title: \"{方針|ほうしん}\"\nsummary: \"{概要|がいよう}\"\n"),
    ] {
      let p = try page(frontMatter, kind: kind)
      #expect(p.furigana.title?.plain == p.title && p.furigana.summary?.plain == p.summary)
    }
  }

  /// A reading per character (`{綺麗|き|れい}`): a group per character, read as the body
  /// reads it, shown as one `<ruby>`; a character with an empty reading stays plain.
  @Test func aReadingPerCharacter() throws {
    let p = try page("title: \"{綺麗|き|れい}な{お茶||ちゃ}\"\nsummary: \"{綺麗|き|れ|い}\"\nfields: [a]\n")
    #expect(p.title == "綺麗なお茶")
    #expect(readings(p.furigana.title) == ["き", "れい", "ちゃ"])
    #expect(
      p.titleHTML
        == "<ruby>綺<rp>（</rp><rt>き</rt><rp>）</rp>麗<rp>（</rp><rt>れい</rt><rp>）</rp></ruby>なお<ruby>茶<rp>（</rp><rt>ちゃ</rt><rp>）</rp></ruby>"
    )
    // Readings that do not fit the characters: shown as typed (lint says why).
    #expect(p.summary == "{綺麗|き|れ|い}" && p.furigana.summary == nil)
  }

  /// A title's length is what the lists show: the readings above the kanji take no room.
  @Test func lengthsCountTheBasesOnly() throws {
    let base = String(repeating: "県", count: 38)
    let (_, problems) = try parseFile(
      "---\ntitle: \"{\(base)|\(String(repeating: "けん", count: 38))}\"\nsummary: 説明。\nfields: [a]\n---\n",
      kind: .initiative)
    #expect(!problems.contains { $0.code == "content.long-title" })
  }

  /// The cache of parsed files keeps the furigana: a page decoded from it shows them.
  @Test func theCacheKeepsTheFurigana() throws {
    let folder = try contentFolder("initiatives", "events")
    defer { try? FileManager.default.removeItem(at: folder) }
    try "---\ntitle: \"{防災|ぼうさい}のDX\"\nsummary: \"{避難|ひなん}します。\"\nfields: [a]\n---\n\n本文。\n"
      .write(
        to: folder.appendingPathComponent("initiatives/a.md"), atomically: true, encoding: .utf8)
    try
      "---\ntitle: 集い\nsummary: 集まります。\nstart: 2026-12-05T13:30:00+09:00\nplace: \"{匝瑳|そうさ}市\"\n---\n"
      .write(to: folder.appendingPathComponent("events/b.md"), atomically: true, encoding: .utf8)
    let memo = ParseMemo()
    let (content, _) = ContentLoader.load(contentDirectory: folder, memo: memo)
    let pages = try #require(content?.pages)
    let decoded = try ParseMemo(decoding: memo.encoded(), contentDirectory: folder)
    let (again, _) = ContentLoader.load(contentDirectory: folder, memo: decoded)
    #expect(again?.pages == pages)
    let a = try #require(again?.pages.first { $0.slug == "a" })
    #expect(readings(a.furigana.title) == ["ぼうさい"] && readings(a.furigana.summary) == ["ひなん"])
    #expect(again?.pages.first { $0.slug == "b" }?.furigana.place?.plain == "匝瑳市")
  }
}
