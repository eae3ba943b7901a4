import Content
import Diagnostics
import Foundation
import Testing

@testable import Site

/// A body link to another site typed full-width (`ｈｔｔｐｓ://…`), without its colon or a
/// slash, or without `https://` (`www.…`) is an error at the link with the address meant;
/// it used to build, and the page linked to the site's missing page (docs/errors-audit.md).
@Suite struct AddressSlipsTests {
  @Test func theAddressMeant() {
    #expect(AddressSlips.meant("ｈｔｔｐｓ://www.maff.go.jp/") == "https://www.maff.go.jp/")
    #expect(AddressSlips.meant("ｈｔｔｐｓ：／／www.maff.go.jp/") == "https://www.maff.go.jp/")
    #expect(AddressSlips.meant("https//www.maff.go.jp/") == "https://www.maff.go.jp/")
    #expect(AddressSlips.meant("http:/example.jp/a") == "http://example.jp/a")
    #expect(AddressSlips.meant("www.pref.chiba.lg.jp/") == "https://www.pref.chiba.lg.jp/")
    // Links that are what they say are no slip.
    for fine in [
      "https://www.maff.go.jp/", "ftp://example.jp/", "../files/map.png", "smart-agriculture.md",
      "map.png", "/events/", "#概要", "mailto:a@example.jp", "www", "https//",
    ] {
      #expect(AddressSlips.meant(fine) == nil, "\(fine)")
    }
  }

  @Test func theBuildReportsItAtTheLink() throws {
    var content = try #require(loadFixtureContent())
    let i = try #require(content.pages.firstIndex { $0.slug == "ai-disaster" })
    content.pages[i] = LinkFromRootTests.page(
      content.pages[i], body: "詳しくは\n[農林水産省](ｈｔｔｐｓ://www.maff.go.jp/)をご覧ください。\n")
    let (_, diagnostics) = Resolver.resolve(
      content, now: try #require(DateTime(iso: "2026-11-25T00:00:00+09:00")))
    let error = try #require(diagnostics.first { $0.code == "content.broken-link" })
    #expect(error.severity == .error)
    #expect(
      "\(error.location.line):\(error.location.column)"
        == "\(content.pages[i].bodyLine + 1):1")
    #expect(error.hint?.hasSuffix("`https://www.maff.go.jp/`") == true, "\(error.text)")
    #expect(error.japanese?.hint?.hasSuffix("`https://www.maff.go.jp/`") == true)
  }
}
