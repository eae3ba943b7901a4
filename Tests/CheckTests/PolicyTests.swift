import Diagnostics
import Foundation
import SecurityPolicy
import Testing

@testable import Check

/// The page's own Content-Security-Policy decides what a browser loads: `csp.blocked` and
/// `csp.inline` report what it would refuse, where it was written.
@Suite struct PolicyTests {
  static let theme =
    #"<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; form-action 'self'">"#

  func lines(_ body: String, head: String = theme, baseURL: String? = nil) async throws
    -> [String]
  {
    try await FixtureSite(["site/index.html": page(head: head, body: body)]).lines(
      baseURL: baseURL)
  }

  @Test func sourcesMatchAsBrowsersMatchThem() throws {
    let base = SiteBase(url: "https://dx.example.jp/")!
    let policy = try #require(
      ContentSecurityPolicy(
        "default-src 'self'; img-src 'self' data: *.maps.example.com https://cdn.example.jp/img/; frame-src https://www.youtube.com:443; media-src http:; IMG-SRC https://ignored.example"
      ))
    func allows(_ url: String, _ directive: String = "img-src") -> Bool {
      policy.allows(url, directive: directive, base: base)
    }
    #expect(allows("/files/a.png") && allows("../a.png") && allows("a.png"))
    #expect(allows("https://dx.example.jp/files/a.png") && allows("//dx.example.jp/a.png"))
    #expect(!allows("http://dx.example.jp/a.png"), "'self' does not allow a downgrade to http")
    #expect(allows("data:image/png;base64,AA") && !allows("blob:https://dx.example.jp/1"))
    #expect(
      allows("https://tiles.maps.example.com/1.png") && !allows("https://maps.example.com/1.png"))
    #expect(
      allows("https://cdn.example.jp/img/a/b.png") && !allows("https://cdn.example.jp/other.png"))
    #expect(!allows("https://cdn.example.jp:8443/img/a.png"), "another port is another source")
    #expect(!allows("https://ignored.example/a.png"), "the first of two img-src counts")
    #expect(allows("https://www.youtube.com/embed/x", "frame-src"))
    #expect(!allows("https://youtube.com/embed/x", "frame-src"))
    #expect(allows("https://a.example/v.mp4", "media-src"), "http: allows https too")
    #expect(!allows("https://a.example/x.js", "script-src-elem"), "falls back to default-src")
    #expect(allows("https://a.example/", "form-action"), "form-action has no fallback")
    let open = try #require(ContentSecurityPolicy("img-src *"))
    #expect(open.allows("https://a.example/a.png", directive: "img-src", base: base))
    #expect(!open.allows("data:,x", directive: "img-src", base: base), "* does not allow data:")
  }

  @Test func anImageFromAnotherSiteIsAHole() async throws {
    let site = try FixtureSite([
      "site/index.html": page(
        head: Self.theme,
        body:
          #"<img src="https://maps.example.com/a.png" alt="地図"><img src="https://dx.example.jp/x.png" alt="県">"#
      ),
      "site/x.png": "",
    ])
    #expect(
      await site.lines(baseURL: "https://dx.example.jp/") == [
        "site/index.html:6:6: error: the page's Content-Security-Policy (img-src 'self' data:) blocks the image https://maps.example.com/a.png: browsers leave it out [csp.blocked]"
      ])
  }

  @Test func scriptsStylesFramesAndFormsFromElsewhere() async throws {
    let found = try await lines(
      """
      <script src="https://cdn.example.com/a.js"></script>
      <link rel="stylesheet" href="https://cdn.example.com/a.css">
      <iframe src="https://www.youtube.com/embed/x" title="動画"></iframe>
      <form action="https://forms.example.com/send"><button>送る</button></form>
      <a href="https://example.com/">よその県のページ</a>
      <link rel="canonical" href="https://example.com/">
      """)
    #expect(
      found == [
        "site/index.html:6:9: error: the page's Content-Security-Policy (script-src 'self') blocks the script https://cdn.example.com/a.js: browsers leave it out [csp.blocked]",
        "site/index.html:7:24: error: the page's Content-Security-Policy (style-src 'self') blocks the stylesheet https://cdn.example.com/a.css: browsers leave it out [csp.blocked]",
        "site/index.html:8:9: error: the page's Content-Security-Policy (default-src 'self') blocks the frame of https://www.youtube.com/embed/x: browsers leave it out [csp.blocked]",
        "site/index.html:9:7: error: the page's Content-Security-Policy (form-action 'self') blocks sending the form to https://forms.example.com/send: browsers leave it out [csp.blocked]",
      ])
  }

  @Test func inlineCodeAndStyles() async throws {
    let found = try await lines(
      """
      <p style="color: red">赤</p>
      <button type="button" onclick="alert(1)">押す</button>
      <script>alert(1)</script>
      <style>p { color: red }</style>
      <a href="javascript:alert(1)">地図を開く</a>
      """)
    #expect(
      found == [
        "site/index.html:6:4: error: the page's Content-Security-Policy (style-src 'self') blocks the style attribute of this <p>: it is ignored [csp.inline]",
        "site/index.html:7:23: error: the page's Content-Security-Policy (script-src 'self') blocks the script in onclick= of this <button>: it never runs [csp.inline]",
        "site/index.html:8:1: error: the page's Content-Security-Policy (script-src 'self') blocks this inline <script>: it never runs [csp.inline]",
        "site/index.html:9:1: error: the page's Content-Security-Policy (style-src 'self') blocks this <style> element: its rules are ignored [csp.inline]",
        "site/index.html:10:4: error: the page's Content-Security-Policy (script-src 'self') blocks the script in href= of this <a>: it never runs [csp.inline]",
      ])
  }

  @Test func javascriptAddressesInAnyCase() {
    for yes in ["javascript:alert(1)", " \n JavaScript:void(0)", "JAVASCRIPT:"] {
      #expect(PolicyRules.startsWithJavaScript(yes), "\(yes)")
    }
    for no in ["java", "javascripts:", "/javascript:", "https://a.example/javascript:"] {
      #expect(!PolicyRules.startsWithJavaScript(no), "\(no)")
    }
  }

  @Test func whatThePolicyAllowsIsNotReported() async throws {
    let body = """
      <script type="application/ld+json">{"@type": "GovernmentOrganization"}</script>
      <script src="/assets/a.js"></script><script>  </script>
      <script nonce="Ab1">alert(1)</script>
      <p style="">空</p><img src="data:image/png;base64,AA" alt="点">
      """
    let withNonce = Self.theme.replacingOccurrences(
      of: "script-src 'self'", with: "script-src 'self' 'nonce-Ab1'")
    let site = try FixtureSite([
      "site/index.html": page(head: withNonce, body: body), "site/assets/a.js": "",
    ])
    #expect(await site.lines() == [])
    // Without a policy nothing is blocked.
    #expect(
      try await lines(
        #"<p style="color: red">赤</p><img src="https://a.example/a.png" alt="a">"#, head: "") == [])
  }

  /// A literal `href="javascript:…"` in a template is named where it is written, not at the
  /// first `href=` of the template (a `<a href="{{url}}">` above it).
  @Test func aScriptAddressInATemplateIsPlacedAtItself() async throws {
    let site = try FixtureSite([
      "site/a/index.html": page(
        body: #"<p><a href="/x/">x</a></p><p><a href="javascript:window.print()">印刷する</a></p>"#
      ).replacingOccurrences(of: "<head>", with: "<head>" + Self.theme),
      "theme/templates/layout.mustache":
        "<!DOCTYPE html>\n<html lang=\"ja\">\n<body>{{$main}}{{/main}}</body></html>\n",
      "theme/templates/page.mustache":
        "{{< layout}}{{$main}}\n<p><a href=\"{{url}}\">x</a></p>\n<p><a href=\"javascript:window.print()\">印刷する</a></p>{{/main}}{{/layout}}\n",
      "site/.portal/sourcemap.json": sourceMap([
        "a/index.html": (nil, "theme/templates/page.mustache", [], [])
      ]),
    ])
    #expect(
      await site.lines().filter { $0.contains("csp.inline") } == [
        "theme/templates/page.mustache:3:7: error: the page's Content-Security-Policy (script-src 'self') blocks the script in href= of this <a>: it never runs (in a/index.html) [csp.inline]"
      ])
  }

  @Test func anImageInMarkdownIsReportedWhereItWasWritten() async throws {
    let site = try FixtureSite([
      "site/strategy/a/index.html": page(
        body: #"<p><img src="https://maps.example.com/%E5%9C%B0%E5%9B%B3.png" alt="地図"></p>"#,
      ).replacingOccurrences(of: "<head>", with: "<head>" + Self.theme),
      "content/strategy/a.md":
        "---\ntitle: A\n---\n\n見てください。![地図](https://maps.example.com/地図.png)\n",
      "site/.portal/sourcemap.json": sourceMap([
        "strategy/a/index.html": (
          "content/strategy/a.md", nil,
          [
            .init(
              url: "https://maps.example.com/地図.png", line: 5, column: 8, image: true, text: "地図")
          ],
          []
        )
      ]),
    ])
    #expect(
      await site.lines() == [
        "content/strategy/a.md:5:8: error: the page's Content-Security-Policy (img-src 'self' data:) blocks the image https://maps.example.com/地図.png: browsers leave it out [csp.blocked]"
      ])
  }
}
