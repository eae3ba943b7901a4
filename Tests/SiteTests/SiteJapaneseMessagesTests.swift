import Content
import Diagnostics
import Foundation
import Testing

@testable import Site

/// The problems of links and earlier addresses have their words in Japanese too.
@Suite struct SiteJapaneseMessagesTests {
  static func hasJapanese(_ text: String) -> Bool {
    text.unicodeScalars.contains {
      (0x3041...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value)
    }
  }

  @Test func everyRedirectProblemHasJapanese() {
    let addresses = [
      "https://www.pref.chiba.lg.jp/old/", "old/", "/old/?id=3", "/old/#top", "/old/%FF/",
      "/a//b/", "/.hidden/", "/../up/", "/a\\b/", "/old/page.php",
    ]
    for address in addresses {
      guard
        case .failure(let p) = Redirects.outputPath(
          of: address, baseURL: "https://dx.example.jp/", basePath: "/")
      else {
        Issue.record("not refused: \(address)")
        continue
      }
      #expect(Self.hasJapanese(p.ja) && Self.hasJapanese(p.jaHint), "\(address)")
    }
  }

  /// A body's links to a file that does not exist, a draft and a page not yet published, and
  /// an earlier address that cannot be one, as `Resolver.resolve` reports them.
  @Test func brokenLinksAndRedirects() throws {
    var content = try #require(loadFixtureContent())
    let i = try #require(content.pages.firstIndex { $0.slug == "ai-disaster" })
    let p = content.pages[i]
    content.pages[i] = Page(
      kind: p.kind, slug: p.slug, path: p.path, relativePath: p.relativePath,
      body: "[a](nothing.md)\n\n[b](draft-page.md)\n\n[c](later.md)\n\n[d](cyber-securty.md#top)\n",
      bodyLine: p.bodyLine, tags: p.tags, draft: p.draft, updated: p.updated,
      redirectFrom: [Reference(id: "old/", line: 8, column: 5)], meta: p.meta)
    content.withheld["initiatives/draft-page.md"] = .draft
    content.withheld["initiatives/later.md"] = .scheduled(
      try #require(DateTime(iso: "2026-12-10T09:00:00+09:00")))
    let (_, diagnostics) = Resolver.resolve(
      content, now: try #require(DateTime(iso: "2026-11-25T00:00:00+09:00")))
    #expect(diagnostics.count == 5, "\(diagnostics.map(\.text))")
    for d in diagnostics {
      let japanese = try #require(d.japanese, "\(d.text)")
      #expect(Self.hasJapanese(japanese.message), "\(d.text)")
      #expect(japanese.hint.map(Self.hasJapanese) == true, "\(d.text)")
    }
    let texts = diagnostics.compactMap(\.japanese)
    #expect(
      texts.contains(
        .init(
          message: "`redirect_from` に `old/` は使えません。`/` で始まっていません",
          hint: "古いアドレスを、サイトのいちばん上からのパスで書いてください。例: `/initiatives/old-name/`")))
    #expect(
      texts.contains {
        $0.message
          == "リンク先 `later.md` の `initiatives/later.md` は、2026-12-10 09:00 まで公開されません（`publish`）"
      })
    #expect(
      texts.contains {
        $0.hint?.hasPrefix("`cyber-security.md#top` のまちがいではありませんか。") == true
      }, "\(texts)")
  }
}
