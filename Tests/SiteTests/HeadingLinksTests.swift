import Content
import Diagnostics
import Foundation
import SeededRandom
import Testing

@testable import Site

/// Links to headings, as the resolved site knows them: each body's anchors and `#…` links.
@Suite struct HeadingLinksTests {
  func resolved(_ bodies: [String: String]) throws -> Site {
    var content = try #require(loadFixtureContent())
    for (slug, body) in bodies {
      let i = try #require(content.pages.firstIndex { $0.slug == slug })
      content.pages[i] = LinkFromRootTests.page(content.pages[i], body: body)
    }
    return Resolver.resolve(
      content, now: try #require(DateTime(iso: "2026-11-25T00:00:00+09:00"))
    ).0
  }

  @Test func anchorsAreHeadingsAndTheIDsOfTheHTML() {
    #expect(
      HeadingLinks.htmlIDs(
        "<h2><span id=\"a&amp;b\">x</span></h2><a name='old'></a><p>id=\"no\"</p><li id=\"fn-1\">"
      ) == ["a&b", "old", "fn-1"])
  }

  /// The ids as found before `memmem`: from each space, `id=` or `name=`, then a quoted value.
  static func idsSpaceBySpace(_ html: String) -> [String] {
    let bytes = Array(html.utf8)
    var ids: [String] = []
    var i = 0
    while let space = bytes[i...].firstIndex(of: 0x20) {
      i = space + 1
      var at = i
      for name in [Array("id=".utf8), Array("name=".utf8)] where bytes[i...].starts(with: name) {
        at = i + name.count
      }
      guard at > i, at < bytes.count, bytes[at] == 0x22 || bytes[at] == 0x27,
        let end = bytes[(at + 1)...].firstIndex(of: bytes[at])
      else { continue }
      ids.append(String(decoding: bytes[(at + 1)..<end], as: UTF8.self))
      i = end + 1
    }
    return ids.map {
      $0.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
        .replacingOccurrences(of: "&amp;", with: "&")
    }
  }

  @Test(arguments: [
    "<p id=x name=\"y\">", "<a  id=\"a\" name='b'>", "<p id=\"a id='b' c\" name=\"d\">",
    "<p id=\"open name=\"c\">", "<p id='", "<p id=", " id=\"end\"", "<p data-id=\"x\" id=\"y\">",
    "<h2 id=\"&lt;&amp;&#39;&quot;&gt;\">", "<p>id=\"no\" and  name='見出し' </p><li id=\"fn-1\">",
    "<a name=\"n\"><b id=\"i\"></b></a> name=\"", "",
  ])
  func idsAsFoundSpaceBySpace(_ html: String) {
    #expect(HeadingLinks.htmlIDs(html) == Self.idsSpaceBySpace(html))
  }

  /// From each `=` (`memchr`) as from each space: on 20,000 texts of attributes, near misses
  /// (`data-id=`, `id =`, no quote, an unclosed value holding another attribute) and
  /// Japanese text, chosen by a seed (SplitMix64: the same texts every run).
  @Test func idsFromEachEqualsSignAsFromEachSpace() {
    let pieces = [
      " id=\"", " id='", " id=", " name=\"", " name='", "id=\"", " data-id=\"", " id =\"",
      "\"", "'", "=", " ", "見出し", "a", "&amp;", "<h2", ">", " name", " id", "e=\"",
    ]
    var g = SplitMix64(seed: 17)
    func next() -> Int { g.below(1_000_003) }
    var found = 0
    for _ in 0..<20_000 {
      let html = (0..<(next() % 14)).map { _ in pieces[next() % pieces.count] }.joined()
      let ids = HeadingLinks.htmlIDs(html)
      #expect(ids == Self.idsSpaceBySpace(html), "\(html.debugDescription)")
      found += ids.count
    }
    #expect(found > 5_000)
  }

  @Test func linksAreFoundWithTheirTarget() throws {
    let site = try resolved([
      "ai-disaster":
        "## 概要\n\n[a](#概要)と[b](../strategy/basics.md#%E8%B6%A3%E6%97%A8)と[c](#top)と[d](#)と[e](https://x.example/#a)\n\n## なにが変わるか\n"
    ])
    let page = try #require(site.page(.initiative, "ai-disaster"))
    #expect(page.anchors == ["概要", "なにが変わるか"])
    #expect(
      page.headingLinks.map { "\($0.target) \($0.fragment) \($0.line):\($0.column)" } == [
        "initiatives/ai-disaster.md 概要 \(page.page.bodyLine + 2):1",
        "strategy/basics.md 趣旨 \(page.page.bodyLine + 2):10",
      ])
    #expect(HeadingLinks.problems(in: site).isEmpty)
  }

  @Test func aPageWithoutHeadingsSaysSo() throws {
    let site = try resolved(["ai-disaster": "[a](../strategy/period.md#期間)\n"])
    let warning = try #require(HeadingLinks.problems(in: site).first)
    #expect(
      warning.hint?.hasPrefix("`strategy/period.md` has no headings; after `#`") == true,
      "\(warning.text)")
    #expect(warning.japanese?.hint?.hasPrefix("リンク先の `strategy/period.md` には見出しがありません。") == true)
  }

  @Test func theHeadingAsWrittenOrANearOne() {
    let anchors = ["申請の手順-概要", "data-policy", "対象となる方"]
    #expect(HeadingLinks.suggestion(for: "申請の手順（概要）", anchors: anchors) == "申請の手順-概要")
    #expect(HeadingLinks.suggestion(for: "Data Policy", anchors: anchors) == "data-policy")
    #expect(HeadingLinks.suggestion(for: "対象となるかた", anchors: anchors) == "対象となる方")
    #expect(HeadingLinks.suggestion(for: "てじゅん", anchors: anchors) == nil)
  }

  @Test func theThemesIDsWithAValueAreByTheirStart() {
    let ids = ThemeIDs(templates: [
      "<h2 id=\"related-heading\">", "<li id=\"term-{{slug}}\">", "<h2 id=\"{{anchor}}\">",
    ])
    #expect(ids.contains("related-heading") && ids.contains("term-dx"))
    #expect(!ids.contains("row-1") && !ids.contains("related"))
  }
}
