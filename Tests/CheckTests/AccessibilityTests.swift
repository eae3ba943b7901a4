import Diagnostics
import Foundation
import Testing

@testable import Check

/// Each rule with a failing and a passing page. Without a source map, positions are the
/// HTML file's (the page body starts on line 6).
@Suite struct AccessibilityTests {
  func lines(_ html: String) async throws -> [String] {
    try await FixtureSite(["site/index.html": html]).lines()
  }

  @Test func passingPageHasNoProblems() async throws {
    #expect(try await lines(page()) == [])
  }

  @Test func imageAlt() async throws {
    #expect(
      try await lines(page(body: #"<img src="data:image/png;base64,AA">"#)) == [
        "site/index.html:6:1: error: image data:image/png;base64,AA has no alt attribute [a11y.img-alt]"
      ])
    #expect(
      try await lines(page(body: #"<img src="data:," alt=""><img src="data:," alt="県の地図">"#)) == [])
  }

  @Test func headingOrder() async throws {
    #expect(
      try await lines(page(body: "<h2>概要</h2>\n<h4>細目</h4>")) == [
        "site/index.html:7:1: warning: heading <h4> 「細目」 skips a level: the previous heading is <h2> [a11y.heading-order]"
      ])
    #expect(try await lines(page(body: "<h2>概要</h2><h3>細目</h3><h2>次</h2><h3>細目</h3>")) == [])
    // Writers fix it in Markdown, where an <h3> is ###.
    let report = try await FixtureSite([
      "site/index.html": page(body: "<h2>概要</h2>\n<h4>細目</h4>")
    ]).check()
    #expect(report.diagnostics.first?.hint?.hasPrefix("make it <h3> (### in Markdown);") == true)
  }

  @Test func oneH1() async throws {
    #expect(
      try await lines(page(body: "<h1>二つ目</h1>")) == [
        "site/index.html:6:1: warning: a second <h1> 「二つ目」 on the page [a11y.h1-multiple]"
      ])
    #expect(
      try await lines(
        "<!DOCTYPE html>\n<html lang=\"ja\"><body><main><h2>見出し</h2></main></body></html>") == [
          "site/index.html:1:1: warning: the page has no <h1> [a11y.h1-missing]"
        ])
  }

  @Test func emptyLinksAndButtons() async throws {
    let found = try await lines(
      page(
        body:
          #"<a href="data:,"></a> <a href="data:,"><img src="data:," alt=""></a> <button type="button"> </button>"#
      ))
    #expect(
      found
        == [
          "site/index.html:6:4: error: link to data:, has no text a screen reader can announce [a11y.empty-link]",
          "site/index.html:6:26: error: link to data:, has no text a screen reader can announce [a11y.empty-link]",
          "site/index.html:6:70: error: <button> has no text a screen reader can announce [a11y.empty-button]",
        ])
    let named = """
      <a href="data:," aria-label="ホームへ"></a>
      <a href="data:,"><img src="data:," alt="千葉県"></a>
      <a href="data:,"><span class="visually-hidden">メニュー</span></a>
      <a href="data:," aria-labelledby="l"></a><span id="l">ラベル</span>
      <button type="button" title="閉じる"><svg aria-hidden="true"></svg></button>
      <button type="button"><svg><title>検索</title></svg></button>
      """
    #expect(try await lines(page(body: named)) == [])
  }

  /// A form field needs a label: a `<label for>`, an enclosing `<label>`, `aria-label`,
  /// `aria-labelledby` or `title` (WCAG 1.3.1, 4.1.2); hidden inputs and buttons need none.
  @Test func formFieldsNeedALabel() async throws {
    let fields =
      #"<input name="q"> <select name="s"></select> <textarea></textarea> "#
      + #"<input type="email" placeholder="メール">"#
    let found = try await lines(page(body: fields))
    #expect(
      found == [
        "site/index.html:6:1: error: <input type=\"text\"> has no label [a11y.form-label]",
        "site/index.html:6:18: error: <select> has no label [a11y.form-label]",
        "site/index.html:6:45: error: <textarea> has no label [a11y.form-label]",
        "site/index.html:6:67: error: <input type=\"email\"> has no label [a11y.form-label]",
      ])
    let labelled = """
      <label for="q">ことば</label><input id="q" name="q" type="search">
      <label>年 <select name="y"></select></label>
      <textarea aria-label="ご意見"></textarea>
      <span id="t">電話</span><input aria-labelledby="t" type="tel"><input title="番号">
      <input type="hidden" name="k"><input type="submit" value="送る"><input type="image" src="data:," alt="送る">
      """
    #expect(try await lines(page(body: labelled)) == [])
  }

  @Test func vagueLinkText() async throws {
    let body = """
      <a href="data:,">こちら</a> <a href="data:,"> 詳しくはこちら。</a> <a href="data:,">Click Here</a>
      <a href="data:,">Read more »</a> <a href="data:,">詳細</a>
      """
    let found = try await lines(page(body: body))
    #expect(
      found == [
        "site/index.html:6:4: warning: link text 「こちら」 does not say where the link goes (data:,) [a11y.vague-link]",
        "site/index.html:6:29: warning: link text 「詳しくはこちら。」 does not say where the link goes (data:,) [a11y.vague-link]",
        "site/index.html:6:60: warning: link text 「Click Here」 does not say where the link goes (data:,) [a11y.vague-link]",
        "site/index.html:7:4: warning: link text 「Read more »」 does not say where the link goes (data:,) [a11y.vague-link]",
        "site/index.html:7:37: warning: link text 「詳細」 does not say where the link goes (data:,) [a11y.vague-link]",
      ])
    let clear = """
      <a href="data:,">防災アプリの使い方</a> <a href="data:,">詳細な計画（PDF）</a>
      <a href="data:," aria-label="イベントの詳細">詳細</a>
      """
    #expect(try await lines(page(body: clear)) == [])
  }

  @Test func tableHeaders() async throws {
    #expect(
      try await lines(page(body: "<table><tr><td>1</td></tr></table>")) == [
        "site/index.html:6:1: error: table has no header cells (<th>) [a11y.table-header]"
      ])
    let good = """
      <table><thead><tr><th>年度</th></tr></thead><tbody><tr><td>令和6年度</td></tr></tbody></table>
      <table role="presentation"><tr><td>配置用</td></tr></table>
      """
    #expect(try await lines(page(body: good)) == [])
  }

  @Test func duplicateIds() async throws {
    #expect(
      try await lines(page(body: #"<p id="a">1</p><p id="a">2</p><p id="b">3</p>"#)) == [
        "site/index.html:6:19: error: id \"a\" is used more than once on the page [a11y.duplicate-id]"
      ])
  }

  @Test func htmlLang() async throws {
    #expect(
      try await lines(page(lang: nil)) == [
        "site/index.html:2:1: error: <html> has no lang attribute [a11y.html-lang]"
      ])
    #expect(
      try await lines(page(lang: " ")) == [
        "site/index.html:2:1: error: <html> has an empty lang attribute [a11y.html-lang]"
      ])
    #expect(try await lines(page(lang: "en")) == [])
  }

  @Test func templateMadeProblemsPointAtTheTemplate() async throws {
    let site = try FixtureSite([
      "site/a/index.html": page(lang: nil, body: "<table><tr><td>1</td></tr></table>"),
      "theme/templates/layout.mustache":
        "<!DOCTYPE html>\n<html>\n<body>{{$main}}{{/main}}</body></html>\n",
      "theme/templates/page.mustache":
        "{{< layout}}{{$main}}\n\n  <table><tr><td>{{x}}</td></tr></table>{{/main}}{{/layout}}\n",
      "site/.portal/sourcemap.json": sourceMap([
        "a/index.html": (nil, "theme/templates/page.mustache", [], [])
      ]),
    ])
    let lines = await site.lines()
    #expect(
      lines == [
        "theme/templates/layout.mustache:2:1: error: <html> has no lang attribute (in a/index.html) [a11y.html-lang]",
        "theme/templates/page.mustache:3:3: error: table has no header cells (<th>) (in a/index.html) [a11y.table-header]",
      ])
  }

  /// An element a template writes with tags in its values is found by its attributes, not by
  /// its name alone: the footer's `<img>` without `alt` was placed at the header's, which has
  /// one; an address of a `srcset` at its line, not at each page template's line 1.
  @Test func aTemplatedElementIsPlacedByItsAttributes() async throws {
    let site = try FixtureSite([
      "site/a/index.html": page(
        head: PolicyTests.theme,
        body:
          "<img src=\"/assets/logo.1a.svg\" alt=\"\" width=\"32\"><p>x</p><img src=\"/assets/logo.1a.svg\" width=\"32\"><img src=\"/assets/logo.1a.svg\" alt=\"ロゴ\" srcset=\"https://cdn.example.com/logo@2x.png 2x\">"
      ),
      "site/assets/logo.1a.svg": "<svg/>",
      "theme/templates/layout.mustache":
        "<!DOCTYPE html>\n<html lang=\"ja\">\n<body><img src=\"{{assets.logo_svg}}\" alt=\"\" width=\"32\">\n{{$main}}{{/main}}\n<img src=\"{{assets.logo_svg}}\" width=\"32\">\n<img src=\"{{assets.logo_svg}}\" alt=\"ロゴ\" srcset=\"https://cdn.example.com/logo@2x.png 2x\">\n</body></html>\n",
      "theme/templates/page.mustache": "{{< layout}}{{$main}}<p>x</p>{{/main}}{{/layout}}\n",
      "site/.portal/sourcemap.json": sourceMap([
        "a/index.html": (nil, "theme/templates/page.mustache", [], [])
      ]),
    ])
    let found = await site.check().diagnostics.map {
      "\($0.location.file):\($0.location.line):\($0.location.column) \($0.code ?? "")"
    }
    #expect(
      found == [
        "theme/templates/layout.mustache:5:1 a11y.img-alt",
        "theme/templates/layout.mustache:6:41 csp.blocked",
      ])
  }

  /// A table or an image a template writes gets a hint about the template (HTML, the theme's
  /// assets), not about Markdown's `|---|` or a writer's content/files/; the same problems
  /// written in Markdown keep the writer's hints.
  @Test func problemsInATemplateAreHintedForTheTemplate() async throws {
    let policy =
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; img-src 'self'\">"
    let site = try FixtureSite([
      "site/a/index.html": page(
        head: policy,
        body: "<table><tr><td>1</td></tr></table><img src=\"https://example.com/x.png\" alt=\"図\">"),
      "site/b/index.html": page(
        head: policy,
        body: "<table><tr><td>1</td></tr></table><img src=\"https://example.com/x.png\" alt=\"図\">"),
      "theme/templates/layout.mustache":
        "<!DOCTYPE html>\n<html lang=\"ja\">\n<body>{{$main}}{{/main}}</body></html>\n",
      "theme/templates/page.mustache":
        "{{< layout}}{{$main}}\n\n  <table><tr><td>{{x}}</td></tr></table><img src=\"https://example.com/x.png\" alt=\"図\">{{/main}}{{/layout}}\n",
      "content/b.md": "---\ntitle: b\n---\n\n| 1 |\n\n![図](https://example.com/x.png)\n",
      "site/.portal/sourcemap.json": sourceMap([
        "a/index.html": (nil, "theme/templates/page.mustache", [], [])
      ]),
    ])
    let found = await site.check().diagnostics
    let template = found.filter { $0.location.file == "theme/templates/page.mustache" }
    let table = try #require(template.first { $0.code == "a11y.table-header" })
    #expect(
      table.hint?.contains("<th scope=\"col\">") == true && table.hint?.contains("|---|") == false)
    #expect(table.japanese?.hint?.contains("テンプレート `theme/templates/page.mustache` の3行目の表") == true)
    let image = try #require(template.first { $0.code == "csp.blocked" })
    #expect(
      image.hint?.contains("theme/assets/") == true
        && image.hint?.contains("content/files/") == false)
    #expect(image.japanese?.hint?.contains("{{assets.map_png}}") == true)
    let page = found.filter { $0.location.file == "site/b/index.html" }
    #expect(page.first { $0.code == "a11y.table-header" }?.hint?.contains("|---|") == true)
    #expect(page.first { $0.code == "csp.blocked" }?.hint?.contains("content/files/") == true)
  }

  /// A template's `#x` that no page it makes has: one report counting the pages (it was one
  /// per page, each naming its own page as the one without the id).
  @Test func aTemplatesMissingAnchorIsOneReport() async throws {
    let layout =
      "<!DOCTYPE html>\n<html lang=\"ja\">\n<body><a href=\"#mian\">本文へ</a><main id=\"main\">{{$main}}{{/main}}</main></body></html>\n"
    let html = page(body: "<a href=\"#mian\">本文へ</a><main id=\"main\"><p>本文</p></main>")
    let site = try FixtureSite([
      "site/a/index.html": html, "site/b/index.html": html, "site/c/index.html": html,
      "theme/templates/layout.mustache": layout,
      "theme/templates/page.mustache": "{{< layout}}{{$main}}<p>{{x}}</p>{{/main}}{{/layout}}\n",
      "site/.portal/sourcemap.json": sourceMap([
        "a/index.html": (nil, "theme/templates/page.mustache", [], []),
        "b/index.html": (nil, "theme/templates/page.mustache", [], []),
        "c/index.html": (nil, "theme/templates/page.mustache", [], []),
      ]),
    ])
    let found = await site.lines()
    #expect(
      found.filter { $0.contains("link.fragment") } == [
        "theme/templates/layout.mustache:3:10: error: link to #mian points to a missing anchor: the page has no id \"mian\" (in a/index.html and 2 other pages) [link.fragment]"
      ], "\(found)")
  }

  /// Of two elements with the same tag in a template, the one at fault is named when the
  /// template writes its opening tag as the page has it (the first `<button` was named).
  @Test func theElementAtFaultIsNamedNotTheFirstOfItsTag() async throws {
    let body = """
      <button type="button">ふりがな</button>
      <form><button type="submit"></button></form>
      """
    let site = try FixtureSite([
      "site/a/index.html": page(body: body),
      "theme/templates/page.mustache": """
      <script src="/assets/a.js"></script>
      <button type="button">{{label}}</button>

      <form><button type="submit"></button></form>
      <script>window.x = 1;</script>

      """,
      "site/.portal/sourcemap.json": sourceMap([
        "a/index.html": (nil, "theme/templates/page.mustache", [], [])
      ]),
    ])
    let lines = await site.lines()
    #expect(
      lines.contains(
        "theme/templates/page.mustache:4:7: error: <button> has no text a screen reader can announce (in a/index.html) [a11y.empty-button]"
      ), "\(lines)")
  }

  @Test func normalizedLinkText() {
    #expect(AccessibilityRules.normalizedLinkText("  こちら。 ") == "こちら")
    #expect(AccessibilityRules.normalizedLinkText("→ Read more »") == "read more")
    #expect(AccessibilityRules.normalizedLinkText("詳細な計画") == "詳細な計画")
    #expect(AccessibilityRules.normalizedLinkText("\u{3000}こちら！\u{3000}") == "こちら")
    #expect(AccessibilityRules.normalizedLinkText(" 。→ ") == "")
    #expect(AccessibilityRules.isVague(" 「くわしくはこちら」 "))
    #expect(AccessibilityRules.isVague("Read More »"))
    #expect(!AccessibilityRules.isVague("こちらの計画の詳しい内容"))
    #expect(!AccessibilityRules.isVague("→"))
  }

  /// The hand-written trimming trims what Swift's Character properties call whitespace,
  /// punctuation and symbols, for every character of the Basic Multilingual Plane and some
  /// beyond (Foundation's sets, used before, follow older Unicode tables on Linux: they keep
  /// emoji and trim U+200B).
  @Test func linkTextTrimsWhitespacePunctuationAndSymbols() {
    func edge(_ c: Character) -> Bool { c.isWhitespace || c.isPunctuation || c.isSymbol }
    var differ: [String] = []
    for v in Array(0...0xFFFF) + Array(0x1F300...0x1F6FF) {
      // Skin tone modifiers join the letter before them into one Character, so the reference
      // cannot trim them alone; by scalars they are symbols like any other.
      guard let u = Unicode.Scalar(v), !(0xD800...0xDFFF).contains(v),
        !u.properties.isEmojiModifier
      else { continue }
      let text = "\(u)a\(u)"
      let trimmed = text.drop(while: edge).reversed().drop(while: edge).reversed()
      if AccessibilityRules.normalizedLinkText(text) != String(trimmed).lowercased() {
        differ.append(String(v, radix: 16))
      }
    }
    #expect(differ == [])
  }

  /// Names are read with whitespace runs made one space and none at the ends, as splitting
  /// into words and joining them did.
  @Test func accessibleNamesCollapseWhitespace() {
    let names = AccessibleName(HTMLDocument(Array("<p>x</p>".utf8)))
    for text in [
      "詳細", " 詳細 ", "a  b", "a\tb", "\u{3000}申請\u{3000}方法\u{3000}", "a \n b", "", "  ", "a b",
      "\u{A0}x\u{2003}y\u{85}",
    ] + (0...0xFFFF).compactMap { Unicode.Scalar($0).map { "a\($0)b" } } {
      let expected = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
      #expect(names.trimmed(text) == expected, "\(text.debugDescription)")
    }
  }
}
