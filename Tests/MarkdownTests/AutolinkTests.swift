import Testing

@testable import Markdown

/// Bare addresses in Japanese sentences end where the address does, not at the next space.
@Suite struct AutolinkTests {
  func html(_ markdown: String) -> String {
    let doc = MarkdownDocument(markdown)
    doc.trimBareAddresses()
    return doc.renderHTML()
  }

  @Test func anAddressEndsAtTheFirstJapaneseCharacter() {
    #expect(
      html("詳しくはhttps://example.jp/dx/をご覧ください。")
        == "<p>詳しくは<a href=\"https://example.jp/dx/\">https://example.jp/dx/</a>をご覧ください。</p>\n")
    #expect(
      html("申込は www.example.jpから。")
        == "<p>申込は <a href=\"http://www.example.jp\">www.example.jp</a>から。</p>\n")
  }

  @Test func trailingPunctuationIsLeftOutAsGFMDoes() {
    // The `)` closes the writer's parenthesis, not the address; the `.` ends a sentence.
    #expect(
      html("(https://example.jp/a)と書く").contains(
        "(<a href=\"https://example.jp/a\">https://example.jp/a</a>)と書く"))
    #expect(
      html("see https://example.jp/a.「次」").contains(
        "<a href=\"https://example.jp/a\">https://example.jp/a</a>.「次」"))
    // A balanced parenthesis stays in the address.
    #expect(
      html("https://example.jp/a_(b)を見る").contains(
        "<a href=\"https://example.jp/a_(b)\">https://example.jp/a_(b)</a>を見る"))
  }

  @Test func addressesTheWriterMarkedStayWhole() {
    #expect(
      html("<https://ja.wikipedia.org/wiki/千葉県>を見る").contains(
        "<a href=\"https://ja.wikipedia.org/wiki/%E5%8D%83%E8%91%89%E7%9C%8C\">https://ja.wikipedia.org/wiki/千葉県</a>を見る"
      ))
    #expect(
      html("[千葉県](https://ja.wikipedia.org/wiki/千葉県)").contains(">千葉県</a>"))
    // A host that is not ASCII is not cut to nothing.
    #expect(html("https://千葉.jp").contains("<a href=\"https://%E5%8D%83%E8%91%89.jp\">"))
    // ASCII addresses are as GFM makes them.
    #expect(
      html("see https://example.jp/a, then").contains(
        "<a href=\"https://example.jp/a\">https://example.jp/a</a>, then"))
  }

  @Test func theRestIsTextForWhatFollows() {
    // The text after the address joins the next text node, so furigana and glossary terms
    // written right after an address are still found.
    let doc = MarkdownDocument("https://example.jp/で{防災|ぼうさい}を調べる")
    doc.trimBareAddresses()
    doc.applyRuby()
    #expect(doc.renderHTML().contains("</a>で<ruby>防災<rp>"))
  }
}
