import Content
import Foundation
import Site
import TestSupport
import Testing

@testable import Render

/// Tags residents browse, rendered with the default theme from a small site written here:
/// /tags/, each tag's page, the tags on each page, the footer's link, the page for missing
/// addresses and the sitemap.
@Suite struct TagRenderTests {
  /// Writes a site of these files (path under content/ → text) and renders it.
  func render(_ files: [String: String]) throws -> [String: String] {
    let content = try temporaryFolder("tags").appendingPathComponent("content")
    let config = """
      title: テスト
      base_url: https://x.example/
      navigation:
        - { title: 戦略, url: /strategy/ }
        - { title: 分野, url: /domains/ }
        - { title: 取組, url: /initiatives/ }
        - { title: イベント, url: /events/ }
        - { title: 用語集, url: /glossary/ }
      search_words:
        - [子育て, こそだて]
      domains:
        - id: life
          name: 暮らし
          fields:
            - { id: children, name: こども・若者 }

      """
    try writeFiles(
      files.merging(["site.yml": config], uniquingKeysWith: { a, _ in a }), into: content)
    return try renderedFiles(resolvedSite(content, now: "2026-11-25T09:00:00+09:00"))
  }

  static let tagged: [String: String] = [
    "initiatives/nursery.md": """
    ---
    title: 県の{保育所|ほいくしょ}のデジタル化
    summary: 保護者の手間を減らします。
    fields: [children]
    tags: [子育て, Q&A]
    ---
    本文です。
    """,
    "initiatives/plain.md": "---\ntitle: タグのない取組\nsummary: 説明です。\nfields: [children]\n---\n本文です。\n",
    "events/later.md": """
    ---
    title: 親子の教室
    summary: 親子で学びます。
    start: 2026-12-05T10:00:00+09:00
    place: 県庁
    tags: [子育て]
    ---
    本文です。
    """,
    "events/earlier.md": """
    ---
    title: 終わった講座
    summary: 終わりました。
    start: 2026-10-05T10:00:00+09:00
    place: 県庁
    tags: [子育て]
    ---
    本文です。
    """,
    "glossary/ict.md": """
    ---
    term: ICT
    reading: あいしーてぃー
    short: 情報通信技術のことです。
    tags: [子育て, C#]
    ---
    本文です。
    """,
    "fields/children.md": """
    ---
    title: こども・若者の具体像
    domain: life
    field: children
    summary: こどもが育つ千葉。
    tags: [子育て]
    ---
    本文です。
    """,
  ]

  /// The text of `<main>`.
  func main(_ html: String?) -> String {
    guard let html, let start = html.range(of: "<main"), let end = html.range(of: "</main>")
    else { return "" }
    return String(html[start.lowerBound..<end.upperBound])
  }

  @Test func theListOfTagsIsInGojuonOrderWithCounts() throws {
    let files = try render(Self.tagged)
    let list = try #require(files["tags/index.html"])
    #expect(list.contains("<title>タグから探す｜テスト</title>"))
    #expect(list.contains("<span aria-current=\"page\">タグ</span>"))
    let body = main(list)
    // こそだて under こ, then the tags without a reading under その他, by name.
    let links = body.components(separatedBy: "<li><a href=\"").dropFirst().map {
      String($0.prefix { $0 != "<" })
    }
    #expect(
      links.filter { $0.hasPrefix("/tags/") } == [
        "/tags/%E5%AD%90%E8%82%B2%E3%81%A6/\">子育て", "/tags/C%23/\">C#",
        "/tags/Q&amp;A/\">Q&amp;A",
      ])
    #expect(body.contains("<h2 id=\"row-1\">か</h2>") && body.contains("<h2 id=\"row-2\">その他</h2>"))
    #expect(body.contains("子育て</a><span class=\"tag-count\">（5件）</span>"))
  }

  /// A tag's page: its pages by kind in the menu's order (分野, 取組, イベント, 用語), each with
  /// its title (furigana kept) and summary; events upcoming first, a past one said to be over.
  @Test func aTagsPageListsItsPagesByKind() throws {
    let files = try render(Self.tagged)
    let page = try #require(files["tags/子育て/index.html"])
    #expect(page.contains("<title>タグ：子育て｜テスト</title>"))
    #expect(
      page.contains(
        "<meta property=\"og:url\" content=\"https://x.example/tags/%E5%AD%90%E8%82%B2%E3%81%A6/\">"
      ))
    #expect(page.contains("「子育て」のタグがついたページの一覧です（5件）。"))
    #expect(
      page.contains("<a href=\"/tags/\">タグ</a>")
        && page.contains("<span aria-current=\"page\">子育て</span>"))
    let body = main(page)
    let headings = body.components(separatedBy: "<h2 id=\"kind-").dropFirst().map {
      String($0.prefix { $0 != "<" })
    }
    #expect(
      headings == ["field\">分野 ", "initiative\">取組 ", "event\">イベント ", "glossary\">用語 "])
    #expect(body.contains("<a href=\"/fields/children/\">こども・若者</a>"))
    #expect(body.contains("<ruby>保育所<rp>（</rp><rt>ほいくしょ</rt><rp>）</rp></ruby>のデジタル化"))
    #expect(body.contains("<p>保護者の手間を減らします。</p>"))
    #expect(!body.contains("タグのない取組"))
    let later = try #require(body.range(of: "親子の教室"))
    let earlier = try #require(body.range(of: "終わった講座"))
    #expect(later.lowerBound < earlier.lowerBound)
    #expect(
      body[earlier.upperBound...].hasPrefix(
        "</a></h3><p class=\"card-date\"><time datetime=\"2026-10-05T10:00:00+09:00\">"))
    #expect(body.contains("<p class=\"card-date\">このイベントは終わりました。</p>"))
    // No `end`: over when its day is, and no 開催中 (its length is not written).
    #expect(body.contains("data-starts=\"\" data-ends=\"2026-12-06T00:00:00+09:00\""))
    #expect(body.contains("ICT</a><span class=\"reading\">（あいしーてぃー）</span>"))
  }

  /// Each tagged page shows its tags as links under a heading, its field's page its vision's;
  /// every page's footer links /tags/.
  @Test func pagesShowTheirTagsAndTheFooterLinksTheList() throws {
    let files = try render(Self.tagged)
    let nursery = try #require(files["initiatives/nursery/index.html"])
    #expect(
      nursery.contains(
        "<nav class=\"page-tags\" aria-labelledby=\"page-tags-heading\">\n    <h2 id=\"page-tags-heading\">タグ</h2>\n    <ul><li><a href=\"/tags/%E5%AD%90%E8%82%B2%E3%81%A6/\">子育て</a></li><li><a href=\"/tags/Q&amp;A/\">Q&amp;A</a></li></ul>"
      ))
    #expect(files["fields/children/index.html"]?.contains("class=\"page-tags\"") == true)
    #expect(files["glossary/ict/index.html"]?.contains("<a href=\"/tags/C%23/\">C#</a>") == true)
    #expect(files["initiatives/plain/index.html"]?.contains("page-tags") == false)
    for path in ["index.html", "initiatives/plain/index.html", "tags/C#/index.html", "404.html"] {
      #expect(files[path]?.contains("<li><a href=\"/tags/\">タグから探す</a></li>") == true, "\(path)")
    }
    // The page for missing addresses offers the tags' addresses too.
    let notFound = main(files["404.html"])
    #expect(notFound.contains("<a href=\"/tags/\" data-nf-candidate>タグから探す</a>"))
    #expect(notFound.contains("<a href=\"/tags/C%23/\" data-nf-candidate>C#</a>"))
    let sitemap = try #require(files["sitemap.xml"])
    for loc in ["tags/", "tags/%E5%AD%90%E8%82%B2%E3%81%A6/", "tags/C%23/", "tags/Q&amp;A/"] {
      #expect(sitemap.contains("<loc>https://x.example/\(loc)</loc>"), "\(loc)")
    }
  }

  /// Without tags there is no list of them, no link to it and no tag pages.
  @Test func aSiteWithoutTagsHasNoneOfIt() throws {
    let files = try render([
      "initiatives/plain.md": Self.tagged["initiatives/plain.md"]!
    ])
    #expect(!files.keys.contains { $0.hasPrefix("tags/") })
    #expect(files["index.html"]?.contains("/tags/") == false)
    #expect(files["404.html"]?.contains("nf-tags") == false)
  }
}
