import Content
import Foundation
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
        "site.yml:20:10 `contact` links to `/strategy/nosuch/`, but the site has no page there / write the address of a page of the site, as it is after base_url",
      ])
  }
}
