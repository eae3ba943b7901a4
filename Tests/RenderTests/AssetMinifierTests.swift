import Foundation
import TestSupport
import Testing

@testable import Render

/// The theme's scripts and stylesheets are published without comments and indentation (and a
/// stylesheet without blank lines), their meaning kept: what looks like a comment inside a
/// string, a template literal, a regular expression or a `url()` stays, and a JavaScript line
/// break is never dropped, so each line of a script keeps its number.
@Suite struct AssetMinifierTests {
  func js(_ text: String) -> String {
    String(decoding: AssetMinifier.published(Data(text.utf8), at: "a.js"), as: UTF8.self)
  }

  func css(_ text: String) -> String {
    String(decoding: AssetMinifier.published(Data(text.utf8), at: "a.css"), as: UTF8.self)
  }

  @Test func scriptCommentsAndIndentationGoTheirLinesStay() {
    let script = """
      // The opening comment.
      /* A block
         across lines. */
      function f(a) {
          const b = a + 1;   // at a line's end, after code
          /* inline */ return b;

      \tif (b) g(/* none */);
      }
      """
    #expect(
      js(script) == "\n\n\nfunction f(a) {\nconst b = a + 1;\nreturn b;\n\nif (b) g( );\n}")
  }

  @Test func stringsKeepWhatLooksLikeComments() {
    let script = """
      const url = "https://example.jp/a"; // the site
      const s = 'a // b /* c */ \\' d';
      const t = "say \\"//\\"";
      """
    #expect(
      js(script) == """
        const url = "https://example.jp/a";
        const s = 'a // b /* c */ \\' d';
        const t = "say \\"//\\"";
        """)
  }

  @Test func regularExpressionsKeepQuotesAndCommentMarks() {
    let script = """
      const q = /["'`]/g, c = /\\/\\*x/, k = /[/*]+/;
        x = s.replace(/'/g, "’"); // a quote in a regex
      if (ok) /'/.test(s);
      return /a\\/\\/b/.test(s) // end
      """
    #expect(
      js(script) == """
        const q = /["'`]/g, c = /\\/\\*x/, k = /[/*]+/;
        x = s.replace(/'/g, "’");
        if (ok) /'/.test(s);
        return /a\\/\\/b/.test(s)
        """)
  }

  @Test func divisionIsNoRegularExpression() {
    // Were these `/`s taken for regular expressions, the `'` would open a string and the line
    // would be left as written, comment and all.
    let script = """
      const half = total / 2, r = (a + b) / c / d, i = xs[0] / 4; // '
      const n = 10 / 2 /* two */, m = i++ / 2; // '
      """
    #expect(
      js(script) == """
        const half = total / 2, r = (a + b) / c / d, i = xs[0] / 4;
        const n = 10 / 2 , m = i++ / 2;
        """)
  }

  @Test func templateLiteralsKeepTheirTextAndNestedCode() {
    let script = """
      const a = `http://x.jp/${id} // kept
          indented, kept`;
      const b = `${xs.map((x) => `<${x.tag} a="${ {k: "//"}.k }">`).join("")}/*kept*/`; // gone
        const c = `\\`${"`"}` / 2;
      """
    #expect(
      js(script) == """
        const a = `http://x.jp/${id} // kept
            indented, kept`;
        const b = `${xs.map((x) => `<${x.tag} a="${ {k: "//"}.k }">`).join("")}/*kept*/`;
        const c = `\\`${"`"}` / 2;
        """)
  }

  @Test func lineBreaksAreKeptForSemicolonInsertion() {
    let script = "let a = b\n  /* x\n */ (c)\nreturn\n    a\n"
    #expect(js(script) == "let a = b\n\n(c)\nreturn\na\n")
  }

  @Test func licenceCommentsStay() {
    #expect(js("/*! MIT */\n// no\nx()\n") == "/*! MIT */\n\nx()\n")
    #expect(css("/*! MIT */\n/* no */\na { b: c }\n") == "/*! MIT */\na{b: c}\n")
  }

  /// What the scanner cannot follow for certain is left as written.
  @Test func anUnsureScriptIsLeftAsWritten() {
    for script in [
      "const s = 'never closed\n  // comment\n", "/* never closed\n  x()\n",
      "const t = `never closed\n  x()\n", "if (x) {\n  // comment\n", "f(a))\n  // comment\n",
      "const r = /never closed\n  // comment\n",
    ] {
      #expect(js(script) == script)
    }
  }

  @Test func stylesheetCommentsAndSpacesGo() {
    let sheet = """
      /* The theme. */
      .a,
      .b {
        color: red; /* at the end */
        margin: 0 auto;

        background: url(data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg'>/*</svg>);
      }
      .c::before { content: "/*"; }
      .d::after { content: '*/ // \\'' }
      @media (min-width: 40rem) {
        .e { grid-template-areas: "a  b"; }
      }
      """
    #expect(
      css(sheet) == """
        .a,.b{color: red;margin: 0 auto;background: url(data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg'>/*</svg>);}.c::before{content: "/*";}.d::after{content: '*/ // \\''}@media (min-width: 40rem){.e{grid-template-areas: "a  b";}}
        """)
  }

  @Test func stylesheetLineBreaksStayWhereTheyCouldMatter() {
    // `a\n.b` is `a .b` (a descendant): the break, or a space, must stay.
    #expect(css("a\n.b { x: 1 }\n") == "a\n.b{x: 1}\n")
    // A comment between two parts of one selector is no space.
    #expect(css(".a/* x */.b{}") == ".a/**/.b{}")
    #expect(css(".a /* x */ .b{}") == ".a .b{}")
  }

  @Test func otherFilesAreAsWritten() {
    let svg = Data("<svg>\n  <!-- // -->\n</svg>\n".utf8)
    #expect(AssetMinifier.published(svg, at: "logo.svg") == svg)
  }

  /// The theme's own files shrink, and lose their comments.
  @Test func theShippedThemesFilesShrink() throws {
    let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../theme/assets").standardizedFileURL
    for name in ["search.js", "search-offers.js", "portal.js", "style.css"] {
      let written = try Data(contentsOf: assets.appendingPathComponent(name))
      let published = AssetMinifier.published(written, at: name)
      #expect(published.count < written.count * 85 / 100, "\(name)")
      let text = String(decoding: published, as: UTF8.self)
      #expect(!text.contains("\n "), "\(name)")
      if name.hasSuffix(".js") {
        #expect(
          Self.lines(text).count == Self.lines(String(decoding: written, as: UTF8.self)).count)
      } else {
        #expect(!text.contains("\n\n"), "\(name)")
      }
    }
  }

  static func lines(_ text: String) -> [Substring] {
    text.split(separator: "\n", omittingEmptySubsequences: false)
  }

  /// Line n of a published script is line n of the source without its comments and
  /// indentation: the browser's errors and breakpoints name the source's lines. CR LF is one
  /// line break, as is a lone CR, and a comment across lines keeps its lines, empty.
  @Test func eachLineOfAScriptKeepsItsNumber() {
    let script =
      "// head\r\nconst a = 1;\r\n\r\n/* one\r\n two\r\n three */ f(a);\rg()\n  /* x */ h() // y\n"
    #expect(js(script) == "\nconst a = 1;\n\n\n\nf(a);\ng()\nh()\n")
    // The shipped scripts: every line published holds what its source line does, in order.
    let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../theme/assets").standardizedFileURL
    for name in ["search.js", "search-offers.js", "portal.js"] {
      let written =
        (try? String(contentsOf: assets.appendingPathComponent(name), encoding: .utf8)) ?? ""
      let source = Self.lines(written)
      let published = Self.lines(js(written))
      #expect(published.count == source.count && source.count > 100, "\(name)")
      for (n, (line, original)) in zip(published, source).enumerated() {
        var rest = original.filter { !$0.isWhitespace }[...]
        let kept = line.filter { !$0.isWhitespace }.allSatisfy { c in
          guard let at = rest.firstIndex(of: c) else { return false }
          rest = rest[rest.index(after: at)...]
          return true
        }
        #expect(kept, "\(name):\(n + 1): \(line)")
      }
    }
  }
}
