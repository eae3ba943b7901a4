import Testing

@testable import Markdown

@Suite struct CalloutTests {
  func render(_ markdown: String, options: MarkdownOptions = MarkdownOptions()) -> (
    html: String, unknown: [UnknownCallout], text: String
  ) {
    let doc = MarkdownDocument(markdown, options: options)
    let unknown = doc.applyCallouts()
    return (doc.renderHTML(), unknown, doc.plainText())
  }

  @Test func githubMarkerOnItsOwnLine() {
    let r = render("> [!WARNING]\n> 申込みが必要です。\n> 先着順です。\n")
    #expect(
      r.html
        == "<div class=\"callout callout-warning\">\n<p class=\"callout-title\">\n注意\n</p>\n"
        + "<p>申込みが必要です。\n先着順です。</p>\n</div>\n")
    #expect(r.unknown.isEmpty)
    #expect(!r.text.contains("WARNING"))
    #expect(!r.text.contains("注意"))
    #expect(r.text.contains("申込みが必要です。"))
  }

  /// The brackets and `!` as the Japanese input types them, and spaces around the name, make
  /// the same marker: they were a plain quotation, title and text run together.
  @Test func markersTypedWithTheJapaneseInput() {
    for marker in ["[！重要]", "［!重要］", "［！重要］", "[! 重要]", "[!重要 ]", "［！　重要］"] {
      let r = render("> \(marker) 申し込みは1月8日まで\n> 定員は20人です。\n")
      #expect(
        r.html
          == "<div class=\"callout callout-important\">\n<p class=\"callout-title\">\n重要：申し込みは1月8日まで\n</p>\n<p>定員は20人です。</p>\n</div>\n",
        "\(marker)")
    }
    // Still no marker: a name with a space inside, or no `!`.
    for typed in ["> [!重 要] 題\n", "> ［重要］ 題\n"] {
      #expect(render(typed).html.hasPrefix("<blockquote>"), "\(typed)")
    }
  }

  @Test func japaneseMarkerWithATitleAndMoreBlocks() {
    let r = render("> [!重要] 申込みの*締め切り*　\n>\n> - 12月5日まで\n> - 電話でも\n")
    #expect(r.html.hasPrefix("<div class=\"callout callout-important\">\n"))
    #expect(r.html.contains("<p class=\"callout-title\">\n重要：申込みの<em>締め切り</em>\n</p>"))
    #expect(r.html.contains("<li>12月5日まで</li>"))
    #expect(r.html.hasSuffix("</ul>\n</div>\n"))
    #expect(!r.html.contains("blockquote"))
  }

  @Test func everyKindHasItsLabelAndEnglishNamesIgnoreCase() {
    for kind in CalloutKind.allCases {
      for name in [kind.rawValue, kind.rawValue.uppercased(), kind.label] {
        let r = render("> [!\(name)]\n> 本文\n")
        #expect(r.html.contains("callout-\(kind.rawValue)\""), "\(name)")
        #expect(r.html.contains("<p class=\"callout-title\">\n\(kind.label)\n</p>"), "\(name)")
      }
    }
    #expect(render("> [!ポイント]\n> 本文\n").html.contains("callout-tip"))
    #expect(render("> [!メモ]\n> 本文\n").html.contains("callout-note"))
  }

  @Test func aMarkerAloneMakesACalloutWithOnlyItsLabel() {
    let r = render("> [!NOTE]\n")
    #expect(
      r.html
        == "<div class=\"callout callout-note\">\n<p class=\"callout-title\">\n補足\n</p>\n</div>\n")
  }

  @Test func unknownNamesStayQuotationsAndAreReported() {
    let r = render("本文\n\n> [!NOTO]\n> 本文\n")
    #expect(r.html.contains("<blockquote>\n<p>[!NOTO]"))
    #expect(r.unknown == [UnknownCallout(name: "NOTO", line: 3, column: 3)])
  }

  @Test func onlyAMarkerAtTheStartOfAQuotationCounts() {
    for markdown in [
      "> 本文 [!NOTE]\n", "[!NOTE] 本文\n", "> [!]\n> 本文\n", "> [NOTE]\n",
      "> [!NOTE\n> 本文\n", "> # [!NOTE]\n",
    ] {
      let r = render(markdown)
      #expect(!r.html.contains("callout"), "\(markdown)")
      #expect(r.unknown.isEmpty, "\(markdown)")
    }
  }

  @Test func nestedQuotationsAndListItemsToo() {
    let r = render("- 項目\n\n  > [!TIP]\n  > こつ\n\n> 引用\n>\n> > [!CAUTION]\n> > 危険\n")
    #expect(r.html.contains("<li>\n<p>項目</p>\n<div class=\"callout callout-tip\">"))
    #expect(r.html.contains("<blockquote>\n<p>引用</p>\n<div class=\"callout callout-caution\">"))
  }

  @Test func titlesAreEscapedAndRawHTMLStaysOut() {
    let r = render("> [!NOTE] <b>太字</b> & \"引用\"\n> 本文\n")
    #expect(r.html.contains("<p class=\"callout-title\">\n補足："))
    #expect(!r.html.contains("<b>"))
    #expect(r.html.contains("&amp; &quot;引用&quot;"))
  }

  @Test func glossaryAndRubyStillApplyInsideACallout() {
    let doc = MarkdownDocument("> [!NOTE] {鳥獣|ちょうじゅう}\n> デジタルの話\n")
    _ = doc.applyCallouts()
    doc.applyRuby()
    let matcher = GlossaryMatcher([
      GlossaryLinkTarget(slug: "digital", url: "/g/d/", names: ["デジタル"])
    ])
    _ = doc.linkGlossary(matcher)
    let html = doc.renderHTML()
    #expect(html.contains("<ruby>鳥獣"))
    #expect(html.contains("href=\"/g/d/\""))
  }

  /// Marks on the title's line and the box's (`ドローン*` and `テレワーク*`) are marks: the
  /// emphasis they make across the line break hid the break, and the box's text joined the
  /// title.
  @Test func marksOnATitleAndItsBoxKeepThemApart() {
    let doc = MarkdownDocument("> [!重要] ドローン*の申し込み\n> テレワーク*の説明です。\n")
    let matcher = GlossaryMatcher([
      GlossaryLinkTarget(slug: "drone", url: "/g/drone/", names: ["ドローン"]),
      GlossaryLinkTarget(slug: "telework", url: "/g/telework/", names: ["テレワーク"]),
    ])
    doc.restoreGlossaryMarks(matcher)
    _ = doc.applyCallouts()
    doc.joinJapaneseLines()
    _ = doc.linkGlossary(matcher)
    let html = doc.renderHTML()
    #expect(
      html.contains(
        "<p class=\"callout-title\">\n重要：<a class=\"term\" href=\"/g/drone/\" aria-describedby=\"term-drone\">ドローン</a>の申し込み\n</p>"
      ), "\(html)")
    #expect(html.contains("<p><a class=\"term\" href=\"/g/telework/\""), "\(html)")
    #expect(!html.contains("<em>") && !html.contains("*"), "\(html)")
  }
}
