import Diagnostics
import Foundation
import Testing

@testable import Content

/// Tags: one spelling however typed (NFKC, trimmed), kept with where they were written, and an
/// error at a tag that cannot be a folder of the site.
@Suite struct TagTests {
  func parse(_ tags: String) throws -> (Page?, [Diagnostic]) {
    try parseFile(
      "---\ntitle: 取組\nsummary: 説明です。\nfields: [safety]\n\(tags)\n---\n本文です。\n",
      kind: .initiative)
  }

  @Test func widthsAreOneTagAndSpacesAreTrimmed() {
    #expect(Tags.name("ＤＸ") == "DX")
    #expect(Tags.name("　子育て ") == "子育て")
    // Composed, byte for byte: a tag's page is a folder named so (Foundation's NFKC on Linux
    // leaves ﾀﾞ as タ + U+3099, another folder than ダ's).
    #expect(Array(Tags.name("ｺｿﾀﾞﾃ").utf8) == Array("コソダテ".utf8))
    #expect(Tags.name("健康・医療") == "健康・医療")
  }

  /// Kana, letter case and the long-vowel mark make spellings alike, not one tag.
  @Test func likenessFoldsKanaCaseAndLongVowels() {
    #expect(Tags.likeness("コソダテ") == Tags.likeness("こそだて"))
    #expect(Tags.likeness("サーバー") == Tags.likeness("サーバ"))
    #expect(Tags.likeness("dx") == Tags.likeness("DX"))
    #expect(Tags.likeness("防災") != Tags.likeness("防犯"))
    #expect(Tags.kanaReading("ボランティア") == "ぼらんてぃあ")
    #expect(Tags.kanaReading("子育て") == nil)
  }

  /// `[高齢者 学び]`: Japanese words parted by a space (half or full width) are warned as one
  /// tag that may be two; Latin words (`Smart City`) are not.
  @Test func japaneseWordsPartedByASpaceAreWarned() throws {
    for written in ["高齢者 学び", "高齢者　学び"] {
      let (page, problems) = try parse("tags: [\(written)]")
      #expect(
        problems.map { "\($0.location.line):\($0.location.column) \($0.severity) \($0.hint ?? "")" }
          == [
            "5:8 warning if they are 2 tags, write them with half-width commas: `tags: [高齢者, 学び]`"
          ], "\(written)")
      #expect(page?.tags == ["高齢者 学び"])
      expectJapanese(problems)
    }
    for written in ["Smart City", "DX 推進", "子育て"] {
      #expect(try parse("tags: [\(written)]").1.isEmpty, "\(written)")
    }
  }

  @Test func tagsAreKeptOnceWithWhereTheyWereWritten() throws {
    let (page, problems) = try parse("tags: [ＤＸ, 子育て, DX]")
    #expect(problems.isEmpty, "\(problems.map(\.text))")
    let p = try #require(page)
    #expect(p.tags == ["DX", "子育て"])
    #expect(p.tagPlaces.map(\.id) == ["ＤＸ", "子育て"])
    #expect(p.tagPlaces.map { "\($0.line):\($0.column)" } == ["5:8", "5:12"])
    let (block, _) = try parse("tags:\n  - 防災\n  - 交通")
    #expect(block?.tags == ["防災", "交通"])
    #expect(block?.tagPlaces.map(\.line) == [6, 7])
  }

  /// Each tag that cannot be an address is an error at it, in both languages, and left out;
  /// the page keeps its other tags.
  @Test func unusableTagsAreErrorsWhereWritten() throws {
    let cases: [(String, String, String)] = [
      ("\"\"", "a tag is empty", "空のタグ"),
      ("a/b", "holds `/`", "`a・b`"),
      ("ＡＢ／ＣＤ", "holds `/`", "`AB・CD`"),
      ("a\\\\b", "holds `\\`", "`\\`"),
      ("..", "starts or ends with `.`", "最初と最後の `.`"),
      (".NET", "starts or ends with `.`", "`NET`"),
      ("etc.", "starts or ends with `.`", "`etc`"),
      ("DXとは？", "holds `?`", "`DXとは`"),
      ("\"A:B\"", "on Windows", "`AB`"),
      ("\"<b>\"", "holds `<`", "`b`"),
      ("index.html", "file of the list of tags", "タグの一覧"),
      ("\"子育て、防災\"", "holds a comma", "`tags: [子育て, 防災]`"),
      ("\"a\\tb\"", "tab or a line break", "タブ"),
      (String(repeating: "あ", count: 90), "too long", "長すぎて"),
    ]
    for (tag, english, japanese) in cases {
      let (page, problems) = try parse("tags: [\(tag), 防災]")
      #expect(page?.tags == ["防災"], "\(tag)")
      let d = try #require(problems.first, "\(tag)")
      #expect(problems.count == 1 && d.severity == .error && d.code == "front-matter.tag", "\(tag)")
      #expect("\(d.location.line):\(d.location.column)" == "5:8", "\(tag)")
      #expect(d.message.contains(english), "\(tag): \(d.message)")
      let ja = try #require(d.japanese, "\(tag)")
      #expect((ja.message + (ja.hint ?? "")).contains(japanese), "\(tag): \(ja)")
      #expect(d.hint != nil && ja.hint != nil, "\(tag)")
    }
  }
}
