import Content
import Foundation
import Search
import TestSupport
import Testing

@testable import Build

/// Pages about the site (`content/pages/`, the fixture's four): their own pages at
/// `/about/<slug>/`, the footer of every page listing those with `footer` left true in order,
/// the sitemap, earlier addresses, links to them from other kinds, and search.
@Suite struct AboutPageTests {
  let content: URL
  let output: URL

  init() throws {
    content = try copyFixture()
    output = content.deletingLastPathComponent().appendingPathComponent("site")
  }

  func text(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: output.appendingPathComponent(path)), as: UTF8.self)
  }

  /// The links of the footer's このサイトについて list, in order.
  func footerLinks(_ html: String) -> [String] {
    guard let start = html.range(of: "<nav class=\"footer-about\" aria-label=\"このサイトについて\">"),
      let end = html[start.upperBound...].range(of: "</nav>")
    else { return [] }
    return html[start.upperBound..<end.lowerBound].components(separatedBy: "<a href=\"")
      .dropFirst().map { String($0.prefix { $0 != "<" }) }
  }

  @Test func pagesFooterAndSitemap() throws {
    let report = SiteBuilder.build(options(content: content, output: output))
    try #require(report.succeeded, "\(report.diagnostics.map(\.text))")
    #expect(report.pageCounts.contains { $0 == ("about", 4) })

    let page = try text("about/accessibility/index.html")
    #expect(page.contains("<h1 id=\"page-title\">ウェブアクセシビリティ方針</h1>"))
    #expect(page.contains("<p class=\"lead\">だれもが使えるサイトにするための方針です。</p>"))
    // ホーム › the page; its table of contents; the glossary term it uses; furigana.
    #expect(page.contains("<a href=\"/\">ホーム</a>"))
    #expect(page.contains("<span aria-current=\"page\">ウェブアクセシビリティ方針</span>"))
    #expect(page.contains("<h2 id=\"toc-heading\">このページの内容</h2>"))
    #expect(page.contains("<dd id=\"term-dx\">"))
    #expect(page.contains("<ruby>画面<rp>（</rp><rt>がめん</rt><rp>）</rp></ruby>"))
    // Another page about the site linked by its file.
    #expect(try text("about/about/index.html").contains("<a href=\"/about/accessibility/\">方針</a>"))

    // Every page in the layout lists the footer pages: by order, then by title; not the one
    // with `footer: false`, which is published all the same.
    let expected = [
      "/about/accessibility/\">ウェブアクセシビリティ方針", "/about/about/\">このサイトについて",
      "/about/links/\">リンク・著作権について",
    ]
    for path in [
      "index.html", "initiatives/ai-disaster/index.html", "about/privacy/index.html",
      "fields/crisis-management/index.html", "domains/life/index.html", "search/index.html",
      "404.html", "link.html",
    ] {
      #expect(footerLinks(try text(path)) == expected, "\(path)")
    }
    #expect(try text("about/privacy/index.html").contains("プライバシーポリシー"))

    let sitemap = try text("sitemap.xml")
    for slug in ["about", "accessibility", "links", "privacy"] {
      #expect(sitemap.contains("<loc>https://dx.example.jp/about/\(slug)/</loc>"), "\(slug)")
    }
    // The earlier address sends readers on, and is not in the sitemap.
    #expect(try text("link.html").contains("url=/about/links/"))
    #expect(!sitemap.contains("link.html"))
  }

  /// Without pages about the site the footer has no empty list.
  @Test func noFooterListWithoutPages() throws {
    try FileManager.default.removeItem(at: content.appendingPathComponent("pages"))
    try #require(SiteBuilder.build(options(content: content, output: output)).succeeded)
    #expect(!(try text("index.html")).contains("footer-about"))
  }

  /// Other kinds link them by file (`../pages/…`); a mistyped one is an error at its line.
  @Test func otherKindsLinkThemByFile() throws {
    let page = content.appendingPathComponent("initiatives/cyber-security.md")
    try edit(page) { $0 + "\n[方針](../pages/accessibility.md#目標)を読みます。\n" }
    try #require(SiteBuilder.build(options(content: content, output: output)).succeeded)
    #expect(
      try text("initiatives/cyber-security/index.html").contains(
        "<a href=\"/about/accessibility/#%E7%9B%AE%E6%A8%99\">方針</a>")
        || text("initiatives/cyber-security/index.html").contains(
          "<a href=\"/about/accessibility/#目標\">方針</a>")
    )
    try edit(page) { $0 + "\n[方針](../pages/accesibility.md)\n" }
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(!report.succeeded)
    let problem = try #require(report.diagnostics.first { $0.code == "content.broken-link" })
    #expect(
      problem.location.file.hasSuffix("initiatives/cyber-security.md") && problem.location.line > 1)
    // As the writer types it in initiatives/cyber-security.md, not as a content path.
    #expect(problem.hint?.contains("did you mean `../pages/accessibility.md`?") == true)
  }

  /// Residents find them by the words of their title, summary and tags, labelled
  /// このサイトについて, after other kinds among equal scores, and not when other kinds are asked for.
  @Test func searchFindsThem() throws {
    try #require(SiteBuilder.build(options(content: content, output: output)).succeeded)
    let engine = try SearchEngine(directory: output.appendingPathComponent("search"))
    let found = try #require(engine.search("アクセシビリティ").first)
    #expect(found.url == "/about/accessibility/" && found.kind == .about)
    #expect(found.kind.label == "このサイトについて")
    #expect(engine.search("プライバシー").map(\.url) == ["/about/privacy/"])
    #expect(engine.search("個人情報").map(\.url) == ["/about/privacy/"])
    #expect(engine.search("アクセシビリティ", kinds: [.strategy, .initiative]).isEmpty)
    #expect(engine.search("方針", kinds: [.about]).map(\.url).contains("/about/accessibility/"))
    // A word in a glossary entry and in a page about the site: the entry first.
    let dx = engine.search("DX", limit: 0).map(\.url)
    #expect(dx.first == "/glossary/dx/" && dx.last == "/about/accessibility/", "\(dx)")
  }
}
