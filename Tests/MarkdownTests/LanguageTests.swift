import Testing

@testable import Markdown

@Suite struct LanguageTests {
  let english = GlossaryMatcher(
    phrases: ["Internet of Things", "Internet", "Digital Transformation", "AI"], language: "en")

  @Test func englishNamesAreMarkedInTextAndHeadings() {
    let doc = MarkdownDocument(
      """
      ## Internet of Thingsとは

      「Internet of Things」の略です。Internetだけでも使います。
      """)
    doc.markLanguage(english)
    let html = doc.renderHTML()
    #expect(html.contains("<h2>" + #"<span lang="en">Internet of Things</span>とは</h2>"#), "\(html)")
    // The longest name wins; the shorter one is found on its own elsewhere.
    #expect(
      html.contains(
        #"<p>「<span lang="en">Internet of Things</span>」の略です。<span lang="en">Internet</span>だけでも使います。</p>"#
      ), "\(html)")
    // The spans add no words: search and the outline read the same text.
    #expect(doc.plainText().contains("「Internet of Things」の略です。"))
  }

  @Test func onlyWholeWordsOutsideLinksAndCode() {
    let doc = MarkdownDocument(
      "MAILとInternetsと`Internet`と[Internet](https://example.jp/)、※ Digital Transformation※。")
    doc.markLanguage(english)
    let html = doc.renderHTML()
    #expect(!html.contains(#"<span lang="en">AI</span>"#), "\(html)")
    #expect(
      html.contains("Internetsと<code>Internet</code>と<a href=\"https://example.jp/\">Internet</a>"),
      "\(html)")
    // A ※ after an English name is the writer's text here, not the glossary's mark: kept.
    #expect(html.contains(#"※ <span lang="en">Digital Transformation</span>※。"#), "\(html)")
  }

  @Test func glossaryLinksComeFirstAndTableCellsWork() {
    let glossary = GlossaryMatcher([
      GlossaryLinkTarget(slug: "iot", url: "/g/iot/", names: ["IoT", "Internet of Things"])
    ])
    let doc = MarkdownDocument(
      """
      Internet of Thingsと、もう一度Internet of Things。

      | 英語 |
      |---|
      | Digital Transformation |
      """)
    _ = doc.linkGlossary(glossary)
    doc.markLanguage(english)
    let html = doc.renderHTML()
    // The first use is the glossary link (left alone); the second is marked.
    #expect(
      html.contains(
        #"<a class="term" href="/g/iot/" aria-describedby="term-iot">Internet of Things</a>と、もう一度<span lang="en">Internet of Things</span>。"#
      ), "\(html)")
    #expect(html.contains(#"<td><span lang="en">Digital Transformation</span></td>"#), "\(html)")
  }

  @Test func aNameInsideAnEnglishNameIsLeftToIt() {
    let glossary = GlossaryMatcher([
      GlossaryLinkTarget(slug: "ai", url: "/g/ai/", names: ["AI", "人工知能"])
    ])
    let phrases = GlossaryMatcher(phrases: ["Generative AI"], language: "en")
    let doc = MarkdownDocument("Generative AIとAIです。\n\nGenerative AI※です。")
    _ = doc.linkGlossary(glossary, english: phrases)
    doc.markLanguage(phrases)
    let html = doc.renderHTML()
    // The phrase is read in English whole; the term's first use on its own is linked.
    #expect(
      html.contains(
        #"<p><span lang="en">Generative AI</span>と<a class="term" href="/g/ai/" aria-describedby="term-ai">AI</a>です。</p>"#
      ), "\(html)")
    // Marked, the writer asked for the term's link: given, and the mark dropped.
    #expect(
      html.contains(
        #"<p>Generative <a class="term" href="/g/ai/" aria-describedby="term-ai">AI</a>です。</p>"#
      ), "\(html)")
  }

  @Test func noPhrasesChangeNothing() {
    let doc = MarkdownDocument("Internet of Things")
    doc.markLanguage(GlossaryMatcher(phrases: [], language: "en"))
    #expect(doc.renderHTML() == "<p>Internet of Things</p>\n")
  }
}
