import Content
import Foundation
import Search
import TestSupport
import Testing

@testable import Build

/// The navigation and `contact` link every page; a path of the site that leads nowhere is an
/// error at its line in site.yml, not a broken link in every template.
@Suite struct ConfigLinkTests {
  @Test func aNavigationPathThatLeadsNowhereIsAnErrorInSiteYml() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let file = content.appendingPathComponent("site.yml")
    let yml = try String(contentsOf: file, encoding: .utf8)
    // Pages, a feed, a published file, another site and an anchor are all fine.
    try yml.replacingOccurrences(
      of: "  - { title: 取組, url: /initiatives/ }\n",
      with: """
          - { title: 取組, url: /initiatives/ }
          - { title: 用語, url: "/glossary/dx/#意味" }
          - { title: 県, url: "https://www.pref.chiba.lg.jp/" }
          - { title: 検索, url: /search/ }

        """
    ).write(to: file, atomically: true, encoding: .utf8)
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)

    try yml.replacingOccurrences(
      of: "  - { title: 取組, url: /initiatives/ }\n",
      with: "  - { title: 取組, url: /initiative/ }\n"
    ).appending("contact: /strategy/nosuch/\n").write(to: file, atomically: true, encoding: .utf8)
    let report = SiteBuilder.build(options(content: content, output: output))
    let found = report.diagnostics.map {
      "\($0.location.file.split(separator: "/").last!):\($0.location.line):\($0.location.column) \($0.message) / \($0.hint ?? "")"
    }
    #expect(
      found == [
        "site.yml:7:23 `navigation` links to `/initiative/`, but the site has no page there / did you mean `/initiatives/`? write the address of a page of the site, as it is after base_url",
        "site.yml:21:10 `contact` links to `/strategy/nosuch/`, but the site has no page there / write the address of a page of the site, as it is after base_url",
      ])
  }
}

/// `search_words` in site.yml: a changed list makes the search index whole again, with the same
/// bytes as a full build, and the reading finds the page.
@Suite struct SearchWordsTests {
  @Test func addingSearchWordsRebuildsTheIndex() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    let file = content.appendingPathComponent("site.yml")
    // Beside the fixture's group (the reading of its tag 個人情報).
    try (try String(contentsOf: file, encoding: .utf8)).replacingOccurrences(
      of: "search_words: [", with: "search_words: [[防災, ぼうさい], "
    ).write(to: file, atomically: true, encoding: .utf8)
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded && report.mode == .incremental)
    let fresh = content.deletingLastPathComponent().appendingPathComponent("fresh")
    #expect(SiteBuilder.build(options(content: content, output: fresh)).succeeded)
    #expect(comparableSite(output) == comparableSite(fresh))
    let engine = try SearchEngine(directory: output.appendingPathComponent("search"))
    #expect(engine.search("ぼうさい").map(\.url).contains("/initiatives/ai-disaster/"))
  }

  @Test func aWordGroupMustBeAList() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let file = content.appendingPathComponent("site.yml")
    try (try String(contentsOf: file, encoding: .utf8)).replacingOccurrences(
      of: "search_words: [", with: "search_words: [防災, "
    ).write(to: file, atomically: true, encoding: .utf8)
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.diagnostics.map(\.code) == ["config.search-words"])
  }
}

/// A link of site.yml to a heading (`contact: /strategy/promotion/#問い合わせ先`, as the shipped
/// portal's footer has) is checked against the page's headings in every build: renaming the
/// heading warns at site.yml's line, not in every template after the build.
@Suite struct ConfigHeadingLinkTests {
  func places(_ report: BuildReport) -> [String] {
    report.diagnostics.filter { $0.code == "config.link" }.map {
      "\($0.location.file.split(separator: "/").last!):\($0.location.line):\($0.location.column) \($0.hint ?? "")"
    }
  }

  func contact(_ url: String, in content: URL) throws {
    try edit(content.appendingPathComponent("site.yml")) { $0 + "contact: \"\(url)\"\n" }
  }

  @Test func aHeadingThatIsNotThereIsAWarningAtSiteYml() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    try contact("/strategy/basics/#期限", in: content)
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded)
    #expect(
      places(report) == [
        "site.yml:21:10 did you mean `/strategy/basics/#期間`? the link is on every page; write the heading's anchor, or link to the page without `#…`"
      ], "\(report.diagnostics.map(\.text))")
    let warning = try #require(report.diagnostics.first { $0.code == "config.link" })
    #expect(warning.severity == .warning)
    #expect(
      warning.message
        == "`contact` links to `/strategy/basics/#期限`, but `strategy/basics.md` has no heading with the anchor `期限`"
    )
    #expect(
      warning.japanese?.message
        == "`contact` のリンク先 `/strategy/basics/#期限` の見出し「期限」が、`strategy/basics.md` にありません")
  }

  /// The page's headings, the theme's ids and `#top` are anchors.
  @Test func anchorsOfThePageAndTheThemeAreNoWarning() throws {
    for url in ["/strategy/basics/#期間", "/strategy/basics/#main", "/strategy/basics/#top"] {
      let content = try copyFixture()
      let output = content.deletingLastPathComponent().appendingPathComponent("site")
      try contact(url, in: content)
      let report = SiteBuilder.build(options(content: content, output: output))
      #expect(places(report).isEmpty, "\(url): \(report.diagnostics.map(\.text))")
    }
  }

  /// The heading renamed in an edit of the body alone: with `portal build` (the plan is the
  /// last one's but for bodies) and in `portal serve` (an edit that could go in place).
  @Test func renamingTheHeadingWarnsInEveryKindOfBuild() throws {
    let content = try copyFixture()
    let root = content.deletingLastPathComponent()
    try contact("/strategy/basics/#期間", in: content)
    let basics = content.appendingPathComponent("strategy/basics.md")
    let output = root.appendingPathComponent("site")
    #expect(places(SiteBuilder.build(options(content: content, output: output))).isEmpty)
    try edit(basics) { $0.replacingOccurrences(of: "## 期間", with: "## 期限") }
    let renamed = SiteBuilder.build(options(content: content, output: output))
    #expect(renamed.mode == .incremental)
    #expect(places(renamed).count == 1, "\(renamed.diagnostics.map(\.text))")
    try edit(basics) { $0.replacingOccurrences(of: "## 期限", with: "## 期間") }
    #expect(places(SiteBuilder.build(options(content: content, output: output))).isEmpty)

    let session = BuildSession()
    let served = root.appendingPathComponent("served")
    func build() -> BuildReport {
      SiteBuilder.build(options(content: content, output: served), session: session)
    }
    #expect(places(build()).isEmpty)
    try edit(basics) { $0.replacingOccurrences(of: "## 期間", with: "## 期限") }
    #expect(places(build()).count == 1)
    try edit(basics) { $0 + "\n追記です。\n" }
    #expect(places(build()).count == 1)
    try edit(basics) { $0.replacingOccurrences(of: "## 期限", with: "## 期間") }
    #expect(places(build()).isEmpty)
  }
}
