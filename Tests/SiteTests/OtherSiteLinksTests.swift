import Content
import Foundation
import Markdown
import Testing

@testable import Site

/// A body's link to another site ends with （外部のサイト）, as the theme's own links there do,
/// and no other link does.
@Suite struct OtherSiteLinksTests {
  let note = #"<span class="other-site">（外部のサイト）</span>"#

  /// The small valid site (`base_url: https://dx.example.jp/`) with `body` as the basics
  /// page's, resolved: that page.
  func resolved(_ body: String, language: String? = nil) throws -> ResolvedPage {
    var content = try #require(loadFixtureContent())
    if let language { content.config.language = language }
    let i = try #require(content.pages.firstIndex { $0.slug == "basics" })
    content.pages[i] = LinkFromRootTests.page(content.pages[i], body: body)
    let (site, diagnostics) = Resolver.resolve(
      content, now: try #require(DateTime(iso: "2026-11-25T00:00:00+09:00")))
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.text))")
    return try #require(site.page(.strategy, "basics"))
  }

  @Test func aLinkToAnotherSiteSaysSoInsideTheLink() throws {
    let page = try resolved(
      """
      [県のページ](https://www.pref.chiba.lg.jp/a.html)、[国](HTTP://www.digital.go.jp/)、
      [スキームなし](//example.org/x) と <https://example.com/> を見ます。

      | 表 |
      |---|
      | [表の中](https://example.net/) |
      """)
    let html = page.bodyHTML
    for text in ["県のページ", "国", "スキームなし", "https://example.com/", "表の中"] {
      #expect(html.contains(text + note + "</a>"), "\(text): \(html)")
    }
    // The note is the page's, not its words: searches and snippets do not find it.
    #expect(!page.plainText.string.contains("外部"))
  }

  @Test func linksWithinTheSiteOrToNoSiteHaveNone() throws {
    let page = try resolved(
      """
      [取組](../initiatives/ai-disaster.md)、[同じホスト](https://dx.example.jp/events/)、
      [県庁の同じホストのほかのページ](https://DX.example.jp:443/other/)、[メール](mailto:a@example.jp)、
      [電話](tel:0430000000)、[見出し](#趣旨)、[根から](/strategy/)
      """)
    #expect(!page.bodyHTML.contains("other-site"), "\(page.bodyHTML)")
  }

  @Test func aLinkThatSaysSoAlreadyOrIsAnImageIsLeftAlone() throws {
    let page = try resolved(
      """
      [県のページ（外部サイト）](https://example.org/a)、[県のページ](https://example.org/b)（外部のサイトです）、
      [![地図](https://example.org/map.png)](https://example.org/map)、
      [English page, external](https://example.org/c)
      """)
    #expect(!page.bodyHTML.contains("other-site"), "\(page.bodyHTML)")
    // An image with words beside it in the link: the words are a link's, and say where.
    let mixed = try resolved("[![](https://example.org/i.png) 地図を開く](https://example.org/map)")
    #expect(mixed.bodyHTML.contains("地図を開く" + note + "</a>"), "\(mixed.bodyHTML)")
  }

  @Test func anEnglishSiteSaysItInEnglish() throws {
    let page = try resolved("[the prefecture](https://www.pref.chiba.lg.jp/)", language: "en")
    #expect(
      page.bodyHTML.contains(#"the prefecture<span class="other-site"> (another site)</span></a>"#),
      "\(page.bodyHTML)")
  }

  @Test func theHostIsReadAsBrowsersReadIt() throws {
    let context = BodyContext(
      options: .init(), urls: URLScheme(basePath: "/"), urlForFile: [:],
      glossary: GlossaryMatcher([]),
      ownOrigins: BodyContext.origins(ofBase: "https://dx.example.jp/"))
    #expect(context.isOtherSite("https://user@other.example/"))
    #expect(!context.isOtherSite("https://user@dx.example.jp/"))
    #expect(!context.isOtherSite("http://dx.example.jp:8080/x"))
    #expect(context.isOtherSite("https://[2001:db8::1]/"))
    #expect(!context.isOtherSite("ftp://other.example/"))
    #expect(!context.isOtherSite("https:///"))
    #expect(!context.isOtherSite("javascript:alert(1)"))
  }
}
