import Diagnostics
import Foundation
import Testing

@testable import Check

/// What a stylesheet, or a `<link>` other than a stylesheet, loads from another site is
/// judged by the page's policy too: a designer's CDN font passed build and check and was left
/// out by every browser.
@Suite struct StylesheetPolicyTests {
  @Test func aStylesheetsLoadsAreFoundWithTheirDirective() {
    let css = """
      @import url("https://fonts.example.com/css?family=A"); @import 'https://b.example.com/b.css';
      /* url(https://comment.example.com/x.png) */
      .a::before { content: "url(https://string.example.com/x.png) {" }
      @font-face { font-family: A; src: url(https://fonts.example.com/a.woff2) format("woff2"); }
      .icon { background: url("data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg'>{</svg>"); }
      .b { background-image: url(//cdn.example.com/b.png), url(img/local.png); }
      """
    let loads = StylesheetPolicy.loads(in: Array(css.utf8)).map { "\($0.directive) \($0.url)" }
    #expect(
      loads == [
        "style-src-elem https://fonts.example.com/css?family=A",
        "style-src-elem https://b.example.com/b.css",
        "font-src https://fonts.example.com/a.woff2",
        "img-src //cdn.example.com/b.png",
      ])
  }

  @Test func blockedLoadsAreErrorsAtTheStylesheetAndTheLink() async throws {
    let site = try FixtureSite([
      "site/index.html": page(
        head: PolicyTests.theme
          + #"<link rel="stylesheet" href="/assets/style.1a2b3c4d5e.css"><link rel="preload" href="https://fonts.example.com/b.woff2" as="font" crossorigin><link rel="manifest" href="https://cdn.example.com/m.json"><link rel="alternate" type="application/atom+xml" href="https://feeds.example.com/a.xml">"#
      ),
      "site/assets/style.1a2b3c4d5e.css":
        "@font-face{src:url(https://fonts.example.com/a.woff2)}.b{background:url(https://cdn.example.com/b.png)}.c{background:url(data:image/png;base64,AA)}",
    ])
    let found = await site.check().diagnostics.filter { $0.code == "csp.blocked" }
    let said = found.map { "\($0.location.file):\($0.location.line) \($0.message)" }
    #expect(
      said.contains {
        $0.hasPrefix(
          "site/assets/style.1a2b3c4d5e.css:1 the page's Content-Security-Policy (default-src 'self') blocks the font https://fonts.example.com/a.woff2 that this stylesheet loads"
        )
      })
    #expect(
      said.contains {
        $0.contains("(img-src 'self' data:) blocks the image https://cdn.example.com/b.png")
      })
    #expect(
      said.contains {
        $0.contains("blocks the font https://fonts.example.com/b.woff2: browsers leave it out")
      })
    #expect(
      said.contains { $0.contains("blocks the web app manifest https://cdn.example.com/m.json") })
    #expect(found.count == 4, "\(said)")
    #expect(
      found.allSatisfy {
        $0.japanese != nil && $0.hint?.contains("copy the file into the theme's assets") == true
      })
    // The theme's own copy written as the kind of file it is: an image is no font.
    let image = try #require(found.first { $0.message.contains("the image") })
    #expect(image.hint?.contains("(url(img/name.png))") == true, "\(image.hint ?? "")")
    let font = try #require(
      found.first { $0.message.contains("the font https://fonts.example.com/a.woff2") })
    #expect(font.hint?.contains("(url(fonts/name.woff2))") == true)
  }

  /// A picture the stylesheet names that the site does not have (misspelt, or outside the
  /// theme's assets) was a build warning only, and the check said "no problems".
  @Test func aStylesheetsMissingFileIsAnError() async throws {
    let site = try FixtureSite([
      "site/index.html": page(
        head: PolicyTests.theme + #"<link rel="stylesheet" href="/assets/style.1a2b3c4d5e.css">"#),
      "site/assets/style.1a2b3c4d5e.css":
        ".a{background:url(img/there.png)}.b{background:url(../img/hero.jpg)}.c{background:url(\"img/nothere.png\")}.d{background:url(data:image/png;base64,AA)}.e{background:url(/assets/img/there.png)}.f{background:url(../../../site/assets/img/there.png)}",
      "site/assets/img/there.png": "png",
    ])
    let found = await site.check().diagnostics.filter {
      $0.code == "link.broken" && $0.message.contains("this stylesheet loads")
    }
    #expect(
      found.map(\.message) == [
        "this stylesheet loads ../img/hero.jpg, which the site does not have: browsers show nothing in its place",
        "this stylesheet loads img/nothere.png, which the site does not have: browsers show nothing in its place",
        // Above the site's root: no file of the site, though one is there on the disk.
        "this stylesheet loads ../../../site/assets/img/there.png, which the site does not have: browsers show nothing in its place",
      ])
    #expect(found.allSatisfy { $0.severity == .error && $0.japanese != nil })
  }
}
