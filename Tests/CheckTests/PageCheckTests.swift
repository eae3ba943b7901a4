import Diagnostics
import Foundation
import Testing

@testable import Check

/// `portal serve` checks the one page a writer previews: it must find what `portal check` finds
/// on that page, fragments on other pages and redirect stubs included.
@Suite struct PageCheckTests {
  static func stub(_ target: String) -> String {
    #"<!DOCTYPE html><html lang="ja"><head><meta http-equiv="refresh" content="0; url=\#(target)"><title>移動しました</title></head><body><p><a href="\#(target)">新しいページ</a></p></body></html>"#
  }

  @Test func onePageGivesWhatTheWholeCheckGivesForIt() async throws {
    let site = try FixtureSite([
      "site/index.html": page(body: #"<p><a href="/a/">A</a> <a href="/b/">B</a></p>"#),
      "site/a/index.html": page(
        "A",
        body: """
          <p><a href="/b/#ok">あり</a> <a href="/b/#nai">ない見出し</a></p>
          <p><a href="/old/#ok">移動先にあり</a> <a href="/old/#nai">移動先にない</a></p>
          <p><a href="/missing/">ないページ</a> <a href="#self">自分</a></p>
          <img src="/x.png"><h3 id="self">飛んだ見出し</h3>
          """),
      "site/b/index.html": page("B", body: #"<h2 id="ok">見出し</h2><p><a href="/a/#nai">x</a></p>"#),
      "site/old/index.html": Self.stub("/b/"),
      "site/x.png": "png",
    ])
    let options = CheckOptions(site: site.site, projectRoot: site.root)
    let whole = await SiteChecker.check(options)
    for page in ["a/index.html", "b/index.html", "index.html", "old/index.html"] {
      let expected = whole.findings.filter { $0.page == page }.map(\.pageDiagnostic).sorted
      let found = SiteChecker.checkPage(page, options: options)
      #expect(found == expected, "\(page)")
    }
    let a = SiteChecker.checkPage("a/index.html", options: options).map(FixtureSite.line)
    #expect(a.count == 5, "\(a)")
    #expect(a.contains { $0.contains("#nai") && $0.contains("[link.fragment]") })
    #expect(a.contains { $0.contains("/old/#nai") })
    #expect(!a.contains { $0.contains("/old/#ok") || $0.contains("/b/#ok") })
    #expect(SiteChecker.checkPage("no/such/index.html", options: options).isEmpty)
  }

  /// A page listed and then gone (removed by a build running beside the check) is an error
  /// that says what happened and what to do, in both languages.
  @Test func aPageGoneAfterTheListingIsAnErrorWithAHint() throws {
    let site = try FixtureSite([
      "site/index.html": page(body: #"<p><a href="/a/">A</a></p>"#),
      "site/a/index.html": page("A", body: "<p>本文</p>"),
    ])
    let checker = try #require(
      PageChecker(options: CheckOptions(site: site.site, projectRoot: site.root)))
    try FileManager.default.removeItem(at: site.site.appendingPathComponent("a/index.html"))
    let found = checker.check("a/index.html")
    #expect(found.map(\.code) == ["check.read"])
    let problem = try #require(found.first)
    #expect(problem.severity == .error)
    #expect(problem.hint?.contains("portal build") == true)
    #expect(problem.japanese?.hint?.contains("`portal build` でサイトを作り直して") == true)
  }
}
