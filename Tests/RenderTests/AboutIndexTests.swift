import Content
import Foundation
import Site
import TestSupport
import Testing

@testable import Render

/// このサイトについて at /about/: the list of every page about the site, made from a small site
/// written here, with the default theme.
@Suite struct AboutIndexTests {
  /// Writes a site with these pages about the site (file name → front matter), renders it, and
  /// gives its output files by path.
  func render(
    _ pages: [String: String], baseURL: String = "https://x.example/"
  ) throws -> [String: String] {
    let content = try temporaryFolder("about-index").appendingPathComponent("content")
    try FileManager.default.createDirectory(
      at: content.appendingPathComponent("pages"), withIntermediateDirectories: true)
    try "title: テスト\nbase_url: \(baseURL)\ndomains: []\n".write(
      to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
    for (name, frontMatter) in pages {
      try "---\n\(frontMatter)---\n\n本文です。\n".write(
        to: content.appendingPathComponent("pages/\(name)"), atomically: true, encoding: .utf8)
    }
    return try renderedFiles(resolvedSite(content))
  }

  /// The list's links in order: the cards of `<main>`.
  func listed(_ html: String) -> [String] {
    guard let main = html.range(of: "<ul class=\"card-list\">") else { return [] }
    let list = html[main.upperBound...].prefix { $0 != "\n" }
    return list.components(separatedBy: "<h2 class=\"card-title\"><a href=\"").dropFirst().map {
      String($0.prefix { $0 != "<" })
    }
  }

  @Test func listsEveryPageByOrderThenTitleWithItsSummary() throws {
    let files = try render([
      "policy.md": "title: ウェブアクセシビリティ方針\norder: 2\nsummary: だれもが使えるための方針です。\n",
      "this-site.md": "title: このサイトの目的\norder: 1\n",
      "links.md": "title: リンクについて\n",
      "privacy.md": "title: プライバシーポリシー\nfooter: false\n",
      "copyright.md": "title: 著作権\norder: 2\n",
    ])
    let page = try #require(files["about/index.html"])
    #expect(page.contains("<title>このサイトについて｜テスト</title>"))
    #expect(page.contains("<h1 id=\"page-title\">このサイトについて</h1>"))
    // By order (1, then the two 2s by title), then those without one by title; the page the
    // footer leaves out too.
    #expect(
      listed(page) == [
        "/about/this-site/\">このサイトの目的", "/about/policy/\">ウェブアクセシビリティ方針",
        "/about/copyright/\">著作権", "/about/privacy/\">プライバシーポリシー",
        "/about/links/\">リンクについて",
      ])
    #expect(page.contains("ウェブアクセシビリティ方針</a></h2><p>だれもが使えるための方針です。</p></li>"))
    // A page without a summary has no empty paragraph.
    #expect(page.contains("このサイトの目的</a></h2></li>"))
    // ホーム › このサイトについて, the last not a link.
    #expect(
      page.contains("<a href=\"/\">ホーム</a></li><li><span aria-current=\"page\">このサイトについて</span>"))
    // In the sitemap, as every list is.
    #expect(try #require(files["sitemap.xml"]).contains("<loc>https://x.example/about/</loc>"))
  }

  /// Each page's trail goes through the list: ホーム › このサイトについて › the page.
  @Test func aPageTrailLinksTheList() throws {
    let files = try render(["policy.md": "title: 方針\n"], baseURL: "https://x.example/dx/")
    let page = try #require(files["about/policy/index.html"])
    #expect(
      page.contains(
        "<li><a href=\"/dx/\">ホーム</a></li><li><a href=\"/dx/about/\">このサイトについて</a></li><li><span aria-current=\"page\">方針</span></li>"
      ))
    #expect(listed(try #require(files["about/index.html"])) == ["/dx/about/policy/\">方針"])
  }

  @Test func titlesAndSummariesAreEscaped() throws {
    let files = try render([
      "x.md": "title: \"<script>alert(1)</script> & 方針\"\nsummary: \"\\\"引用\\\" と <b>\"\n"
    ])
    let page = try #require(files["about/index.html"])
    #expect(!page.contains("<script>alert"))
    #expect(page.contains(">&lt;script&gt;alert(1)&lt;/script&gt; &amp; 方針</a></h2>"))
    #expect(page.contains("<p>&quot;引用&quot; と &lt;b&gt;</p>"))
  }

  /// No page about the site: no list, and nothing links /about/.
  @Test func noListWithoutPagesAboutTheSite() throws {
    let files = try render([:])
    #expect(files["about/index.html"] == nil)
    #expect(!files.values.contains { $0.contains("href=\"/about/\"") })
    #expect(files["sitemap.xml"]?.contains("/about/") == false)
  }

  /// A theme of its own without the template is stopped at load, with the file to add.
  @Test func aThemeWithoutTheTemplateIsToldToCopyIt() throws {
    let theme = try temporaryFolder("theme").appendingPathComponent("theme")
    try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("theme"), to: theme)
    try FileManager.default.removeItem(
      at: theme.appendingPathComponent("templates/about-index.mustache"))
    let (loaded, diagnostics) = Theme.load(from: theme, displayPath: "my-theme")
    #expect(loaded == nil)
    #expect(
      diagnostics.map(\.text) == [
        "my-theme/templates/about-index.mustache:1:1: error: the theme has no `about-index` template [theme.missing-template]\n    hint: add templates/about-index.mustache (copy it from the default theme)"
      ])
  }
}
