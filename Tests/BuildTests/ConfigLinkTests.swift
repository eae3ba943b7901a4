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
