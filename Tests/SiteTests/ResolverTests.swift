import Content
import Foundation
import Testing

@testable import Site

/// The content of the small valid site, loaded.
func loadFixtureContent() -> ContentSet? {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("BuildTests/Fixtures/valid/content")
  let (content, diagnostics) = ContentLoader.load(contentDirectory: url, displayPrefix: "content")
  #expect(diagnostics.isEmpty)
  return content
}

/// The small valid site shared by the Site, Render and Build tests.
func loadFixtureSite(now: String = "2026-11-25T00:00:00+09:00") throws -> Site {
  let (site, resolveDiagnostics) = Resolver.resolve(
    try #require(loadFixtureContent()), now: try #require(DateTime(iso: now)))
  #expect(resolveDiagnostics.isEmpty, "\(resolveDiagnostics.map(\.text))")
  return site
}

@Suite struct ResolverTests {
  @Test func urlsAreStable() throws {
    let site = try loadFixtureSite()
    #expect(site.page(.initiative, "ai-disaster")?.url == "/initiatives/ai-disaster/")
    #expect(
      site.page(.initiative, "ai-disaster")?.outputPath == "initiatives/ai-disaster/index.html")
    #expect(site.page(.field, "crisis-management")?.url == "/fields/crisis-management/")
    #expect(site.domain("life")?.url == "/domains/life/")
  }

  /// 更新情報: newest first; pages updated the same day by path, so the order never depends on
  /// the file system.
  @Test func updatesAreNewestFirstThenByPath() throws {
    var content = try #require(loadFixtureContent())
    let dates = [
      "initiatives/cyber-security.md": LocalDate(year: 2026, month: 10, day: 1),
      "initiatives/ai-disaster.md": LocalDate(year: 2026, month: 10, day: 1),
      "strategy/basics.md": LocalDate(year: 2026, month: 11, day: 1),
    ]
    content.pages = content.pages.map { p in
      guard let date = dates[p.relativePath] else { return p }
      return Page(
        kind: p.kind, slug: p.slug, path: p.path, relativePath: p.relativePath, body: p.body,
        bodyLine: p.bodyLine, tags: p.tags, draft: p.draft, updated: date, meta: p.meta)
    }
    let (site, _) = Resolver.resolve(
      content, now: try #require(DateTime(iso: "2026-11-25T00:00:00+09:00")))
    #expect(
      site.updates.map { site.pages[$0].page.relativePath } == [
        "strategy/basics.md", "initiatives/ai-disaster.md", "initiatives/cyber-security.md",
      ])
  }

  /// A page with `publish` and no `updated` is listed too, at its `publish` time: after a page
  /// updated that day (at midnight in Japan), before one updated the day before.
  @Test func updatesListPublishedPagesAtTheirTime() throws {
    var content = try #require(loadFixtureContent())
    let keys: [String: (updated: LocalDate?, publish: DateTime?)] = [
      "initiatives/cyber-security.md": (nil, DateTime(iso: "2026-11-01T09:00:00+09:00")),
      "initiatives/ai-disaster.md": (LocalDate(year: 2026, month: 11, day: 1), nil),
      "strategy/basics.md": (
        LocalDate(year: 2026, month: 10, day: 31), DateTime(iso: "2026-11-02T00:00:00+09:00")
      ),
      // Written in UTC: the instant, not the text, orders it.
      "strategy/period.md": (nil, DateTime(iso: "2026-11-01T01:00:00Z")),
    ]
    content.pages = content.pages.map { p in
      guard let k = keys[p.relativePath] else { return p }
      return Page(
        kind: p.kind, slug: p.slug, path: p.path, relativePath: p.relativePath, body: p.body,
        bodyLine: p.bodyLine, tags: p.tags, draft: p.draft, updated: k.updated, meta: p.meta,
        publish: k.publish)
    }
    let (site, _) = Resolver.resolve(
      content, now: try #require(DateTime(iso: "2026-11-25T00:00:00+09:00")))
    // `basics` is listed by its `updated` day, which wins over its `publish` time.
    #expect(
      site.updates.map { site.pages[$0].page.relativePath } == [
        "strategy/period.md", "initiatives/cyber-security.md", "initiatives/ai-disaster.md",
        "strategy/basics.md",
      ])
  }

  @Test func derivedRelations() throws {
    let site = try loadFixtureSite()
    // An initiative listed under several fields (【再掲】) is one page on each field.
    let safety = try #require(site.field("safety"))
    #expect(safety.initiatives.map { site.pages[$0].slug } == ["ai-disaster", "cyber-security"])
    #expect(site.field("awareness")?.initiatives.map { site.pages[$0].slug } == ["cyber-security"])
    #expect(
      site.field("crisis-management")?.vision.map { site.pages[$0].slug } == "crisis-management")
    // Events name initiatives; the initiative lists them.
    #expect(site.eventsByInitiative["ai-disaster"]?.map { site.pages[$0].slug } == ["seminar"])
    // `related` is written on one side and shown on both.
    #expect(
      site.relatedInitiatives["cyber-security"]?.map { site.pages[$0].slug } == ["ai-disaster"])
    // Strategy tree.
    #expect(site.strategyRoots.map { site.pages[$0].slug } == ["basics"])
    #expect(site.strategyChildren["basics"]?.map { site.pages[$0].slug } == ["period"])
  }

  /// Previous and next strategy pages follow the document: each top-level page (by `order`),
  /// then its children, depth first.
  @Test func strategyReadingOrderIsDepthFirst() throws {
    let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let (content, _) = ContentLoader.load(
      contentDirectory: repo.appendingPathComponent("content"), displayPrefix: "content")
    let (site, _) = Resolver.resolve(
      try #require(content), now: try #require(DateTime(iso: "2026-11-25T00:00:00+09:00")))
    var expected: [Int] = []
    func read(_ i: Int) {
      expected.append(i)
      for c in site.strategyChildren[site.pages[i].slug] ?? [] { read(c) }
    }
    for r in site.strategyRoots { read(r) }
    #expect(site.strategyReading == expected)
    #expect(site.strategyReading.count == site.pages.filter { $0.kind == .strategy }.count)
    let slugs = site.strategyReading.map { site.pages[$0].slug }
    // 基本的な考え方 and its sections, then 背景 and its sections.
    #expect(
      Array(slugs.prefix(6)) == [
        "basics", "purpose", "positioning", "period", "players", "background",
      ])
    let first = site.strategyReading[0]
    let second = site.strategyReading[1]
    #expect(site.strategyNeighbours(of: first) == (nil, second))
    #expect(site.strategyNeighbours(of: second) == (first, site.strategyReading[2]))
    #expect(site.strategyNeighbours(of: site.strategyReading.last!).next == nil)
    let initiative = try #require(
      site.index(of: .initiative, slug: site.pages[site.initiatives[0]].slug))
    #expect(site.strategyNeighbours(of: initiative) == (nil, nil))
  }

  @Test func buildClockSplitsEvents() throws {
    let before = try loadFixtureSite(now: "2026-09-01T00:00:00+09:00")
    #expect(before.upcomingEvents.map { before.pages[$0].slug } == ["past-forum", "seminar"])
    let after = try loadFixtureSite(now: "2026-11-25T00:00:00+09:00")
    #expect(after.upcomingEvents.map { after.pages[$0].slug } == ["seminar"])
    #expect(after.pastEvents.map { after.pages[$0].slug } == ["past-forum"])
  }

  @Test func glossaryInGojuonOrder() throws {
    let site = try loadFixtureSite()
    #expect(site.glossary.map(\.row) == ["あ", "た"])
    #expect(site.glossary.flatMap(\.entries).map { site.pages[$0].slug } == ["ai", "dx"])
    #expect(gojuonRow("がいこく") == "か")
    #expect(gojuonRow("ぱそこん") == "は")
    #expect("かき".kanaSortKey.lexicographicallyPrecedes("がき".kanaSortKey))
    #expect("がき".kanaSortKey.lexicographicallyPrecedes("きく".kanaSortKey))
  }

  @Test func markdownLinksAndGlossaryResolved() throws {
    let site = try loadFixtureSite()
    let basics = try #require(site.page(.strategy, "basics"))
    // cmark-gfm percent-encodes the fragment in href; browsers decode it to the heading id.
    #expect(
      basics.bodyHTML.contains(
        "href=\"/initiatives/ai-disaster/#%E3%81%AA%E3%81%AB%E3%81%8C%E5%A4%89%E3%82%8F%E3%82%8B%E3%81%8B\""
      ))
    // DX※ is the strategy's mark: linked, mark dropped.
    #expect(
      basics.bodyHTML.contains(
        "<a class=\"term\" href=\"/glossary/dx/\" aria-describedby=\"term-dx\">DX</a>を進めます"))
    #expect(basics.glossaryTerms == ["dx"])
    // The glossary's English name (`english:` of dx.md) is marked for screen readers.
    #expect(
      basics.bodyHTML.contains(#"英語では<span lang="en">Digital Transformation</span>と言います。"#))
    #expect(basics.links.first?.line == 9)
    #expect(basics.headings.map(\.id) == ["趣旨", "期間"])
  }

  /// Addresses with a host are kept as written; the byte scan agrees with `contains("://")`.
  @Test func addressesWithAHostAreFoundOnBytes() {
    for raw in [
      "https://example.jp/", "a.md", "x:/y", "://", "a:/:/b", "ファイル://x", "mailto:a@b", ":/",
      "a:b//c", "",
    ] {
      #expect(BodyRenderer.hasScheme(raw) == raw.contains("://"), "\(raw)")
    }
  }

  /// A broken link's "did you mean" is written as the writer would type it, from their file.
  @Test func brokenLinkSuggestionsAreRelativeToTheLinkingFile() {
    let known = [
      "initiatives/ai-disaster-management.md", "initiatives/smart-agriculture.md",
      "strategy/basics.md", "strategy/vision/goal.md", "files/map.png", "glossary/dx.md",
    ]
    func guess(_ target: String, from page: String) -> String? {
      Resolver.linkSuggestion(for: target, from: page, known: known)
    }
    #expect(
      guess("initiatives/ai-disaster-managment.md", from: "initiatives/x.md")
        == "ai-disaster-management.md")
    #expect(
      guess("initiatives/ai-disaster-managment.md", from: "strategy/x.md")
        == "../initiatives/ai-disaster-management.md")
    #expect(guess("strategy/vison/goal.md", from: "strategy/x.md") == "vision/goal.md")
    #expect(guess("strategy/basic.md", from: "strategy/vision/goal.md") == "../basics.md")
    // Written in the wrong folder: the file of that name elsewhere, or a typo away from it.
    #expect(
      guess("strategy/smart-agriculture.md", from: "strategy/x.md")
        == "../initiatives/smart-agriculture.md")
    #expect(guess("events/map.pgn", from: "events/e.md") == "../files/map.png")
    #expect(guess("strategy/unrelated-thing.md", from: "strategy/x.md") == nil)
    // The very name in another folder before a name that only starts the same.
    let both = known + ["fields/data.md", "initiatives/data-crime-traffic-safety.md"]
    #expect(
      Resolver.linkSuggestion(for: "initiatives/data.md", from: "initiatives/x.md", known: both)
        == "../fields/data.md")
    #expect(Resolver.relativePath(from: "x.md", to: "files/map.png") == "files/map.png")
    #expect(Resolver.relativePath(from: "a/b/c.md", to: "a/d.md") == "../d.md")
  }
}
