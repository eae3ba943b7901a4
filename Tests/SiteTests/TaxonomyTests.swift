import Content
import Diagnostics
import Foundation
import Testing

@testable import Site

/// Tags as pages residents browse: 五十音 order by reading, each tag's pages by kind in the
/// menu's order, addresses percent-encoded, and what writers are told of tags spelled two ways
/// or without a reading.
@Suite struct TaxonomyTests {
  /// The fixture site with `tags` (as written) on the pages given by path, and `searchWords`
  /// added to site.yml's.
  func site(_ tags: [String: [String]], searchWords: [[String]] = []) throws -> (
    Site, [Diagnostic]
  ) {
    var content = try #require(loadFixtureContent())
    content.config.searchWords += searchWords
    content.pages = content.pages.map { p in
      guard let written = tags[p.relativePath] else { return p }
      var names: [String] = []
      var places: [Reference] = []
      for (n, w) in written.enumerated() where !names.contains(Tags.name(w)) {
        names.append(Tags.name(w))
        places.append(Reference(id: w, line: 5, column: 8 + 4 * n))
      }
      return Page(
        kind: p.kind, slug: p.slug, path: p.path, relativePath: p.relativePath, body: p.body,
        bodyLine: p.bodyLine, tags: names, draft: p.draft, updated: p.updated,
        redirectFrom: p.redirectFrom, meta: p.meta, publish: p.publish, furigana: p.furigana,
        tagPlaces: places)
    }
    return Resolver.resolve(
      content, now: try #require(DateTime(iso: "2026-11-25T00:00:00+09:00")))
  }

  static func hasJapanese(_ text: String?) -> Bool {
    text?.unicodeScalars.contains { (0x3041...0x9FFF).contains($0.value) } ?? false
  }

  /// Both languages, with a hint each, and the same spans in backticks (the tags as written).
  static func expectBothLanguages(_ diagnostics: [Diagnostic]) {
    func spans(_ text: String?) -> Set<String> {
      let parts = (text ?? "").split(separator: "`", omittingEmptySubsequences: false)
      return Set(stride(from: 1, to: parts.count - 1, by: 2).map { String(parts[$0]) })
    }
    for d in diagnostics {
      let ja = d.japanese
      #expect(hasJapanese(ja?.message) && hasJapanese(ja?.hint) && d.hint != nil, "\(d.text)")
      #expect(
        spans(d.message).union(spans(d.hint)) == spans(ja?.message).union(spans(ja?.hint)),
        "\(d.text)")
    }
  }

  /// Readings from the tag's own kana, the glossary (DX), site.yml's word groups (防災), and
  /// part by part (健康・医療); a tag's pages by kind as the menu (戦略, 取組) leads to their
  /// lists, then the other kinds, events upcoming first.
  @Test func tagsAreInGojuonOrderWithTheirPagesByKind() throws {
    let (site, diagnostics) = try site(
      [
        "strategy/basics.md": ["防災"], "fields/crisis-management.md": ["防災"],
        "initiatives/cyber-security.md": ["防災", "ＤＸ"],
        "initiatives/ai-disaster.md": ["防災", "ボランティア"],
        "events/past-forum.md": ["防災"], "events/seminar.md": ["防災", "健康・医療"],
        "glossary/ai.md": ["防災"],
      ], searchWords: [["防災", "ぼうさい"], ["健康", "けんこう"], ["医療", "いりょう"]])
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.text))")
    #expect(site.tags.map(\.name) == ["健康・医療", "個人情報", "DX", "防災", "ボランティア"])
    #expect(site.tags.map(\.row) == ["か", "か", "た", "は", "は"])
    #expect(site.tags.map(\.reading) == ["けんこう・いりょう", "こじんじょうほう", "でぃーえっくす", "ぼうさい", "ぼらんてぃあ"])
    #expect(site.tagKinds == [.strategy, .initiative, .field, .event, .glossary, .about])
    let disaster = try #require(site.tags.first { $0.name == "防災" })
    #expect(
      disaster.pages.map { site.pages[$0].page.relativePath } == [
        "strategy/basics.md", "initiatives/ai-disaster.md", "initiatives/cyber-security.md",
        "fields/crisis-management.md", "events/seminar.md", "events/past-forum.md",
        "glossary/ai.md",
      ])
    #expect(disaster.url == "/tags/%E9%98%B2%E7%81%BD/")
    #expect(disaster.outputPath == "tags/防災/index.html")
  }

  /// A spelling that differs from a more used one only by width, kana or a long-vowel mark is
  /// warned at each use, naming the one to write; of two used alike, the first used is kept.
  @Test func spellingsThatLookAlikeAreWarnedWhereWritten() throws {
    let (site, diagnostics) = try site([
      "initiatives/ai-disaster.md": ["ＤＸ", "サーバー"],
      "initiatives/cyber-security.md": ["DX", "サーバ"],
      "events/seminar.md": ["DX", "こそだて"],
      "strategy/basics.md": ["コソダテ"],
    ])
    // ＤＸ and DX are one tag, of three pages; サーバー and サーバ, こそだて and コソダテ two each.
    #expect(site.tags.first { $0.name == "DX" }?.pages.count == 3)
    #expect(site.tags.filter { ["サーバー", "サーバ", "こそだて", "コソダテ"].contains($0.name) }.count == 4)
    let found = diagnostics.map {
      "\($0.location.file):\($0.location.line):\($0.location.column) \($0.code ?? "") \($0.hint ?? "")"
    }
    #expect(
      found.sorted() == [
        "content/initiatives/ai-disaster.md:5:8 content.tag-spelling write `DX` as the other pages do",
        "content/initiatives/cyber-security.md:5:12 content.tag-spelling did you mean `サーバー`? Written as the other pages write it, all of them are on one page",
        "content/strategy/basics.md:5:8 content.tag-spelling did you mean `こそだて`? Written as the other pages write it, all of them are on one page",
      ])
    #expect(diagnostics.allSatisfy { $0.severity == .warning })
    #expect(diagnostics.contains { $0.message.contains("`ＤＸ` is written `DX` on 2 other page(s)") })
    Self.expectBothLanguages(diagnostics)
    #expect(
      diagnostics.contains {
        $0.japanese?.hint?.hasPrefix("`こそだて` のまちがいではありませんか") == true
      })
  }

  /// A tag without a reading goes under その他, after the others, and is warned at its first
  /// use by path: where the writer adds it is site.yml's `search_words`.
  @Test func aTagWithoutAReadingIsWarnedAtItsFirstUse() throws {
    let (site, diagnostics) = try site(
      [
        "strategy/basics.md": ["学び"], "initiatives/cyber-security.md": ["交通", "学び"],
        "events/seminar.md": ["健康・医療"],
      ], searchWords: [["健康", "けんこう"]])
    #expect(site.tags.map(\.name) == ["個人情報", "交通", "健康・医療", "学び"])
    #expect(site.tags.map(\.row) == ["か", "その他", "その他", "その他"])
    let found = diagnostics.map { "\($0.location.file):\($0.location.line):\($0.location.column)" }
    #expect(
      found == [
        "content/initiatives/cyber-security.md:5:8", "content/events/seminar.md:5:8",
        "content/initiatives/cyber-security.md:5:12",
      ])
    #expect(diagnostics.allSatisfy { $0.code == "content.tag-reading" && $0.severity == .warning })
    Self.expectBothLanguages(diagnostics)
    #expect(diagnostics[2].hint?.contains("`- [学び, …]`") == true)
    #expect(diagnostics[2].japanese?.hint?.contains("`search_words`") == true)
  }

  /// A later word of a group is read by the hiragana word after it, not the group's first.
  @Test func aWordOfAGroupIsReadByTheNextHiraganaWord() throws {
    let (site, _) = try site(
      ["initiatives/cyber-security.md": ["お年寄り", "高齢者"]],
      searchWords: [["高齢者", "こうれいしゃ", "お年寄り", "おとしより"]])
    #expect(site.tags.first { $0.name == "お年寄り" }?.reading == "おとしより")
    #expect(site.tags.first { $0.name == "高齢者" }?.reading == "こうれいしゃ")
  }

  /// A tag's address keeps the tag in its folder's name and percent-encodes it in links;
  /// `url(forOutputPath:)` encodes what would end the path.
  @Test func addressesAreEncodedAndFoldersAreTheTag() {
    let urls = URLScheme(basePath: "/dx/")
    #expect(urls.tag("子育て") == "/dx/tags/%E5%AD%90%E8%82%B2%E3%81%A6/")
    #expect(urls.tag("C#") == "/dx/tags/C%23/")
    #expect(urls.tag("Q&A") == "/dx/tags/Q&A/")
    #expect(urls.tag("AI 活用") == "/dx/tags/AI%20%E6%B4%BB%E7%94%A8/")
    #expect(urls.tags == "/dx/tags/")
    #expect(urls.tagOutputPath("C#") == "tags/C#/index.html")
    #expect(urls.url(forOutputPath: "tags/C#/index.html") == "/dx/tags/C%23/")
    #expect(urls.url(forOutputPath: "tags/子育て/index.html") == "/dx/tags/子育て/")
    #expect(urls.url(forOutputPath: "events/seminar/index.html") == "/dx/events/seminar/")
  }
}
