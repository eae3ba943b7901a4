import CCmarkGFM
import Testing

@testable import Markdown

/// `literalContains` (which text nodes `applyRuby` splits) reads a node's literal with
/// `strchr`: it must find the byte anywhere in it, after multi-byte characters too, and
/// never report the NUL that ends it.
@Suite struct LiteralContainsTests {
  @Test func findsTheByteAnywhereInTheLiteral() {
    let doc = MarkdownDocument("漢字{かん|}と\n\n平文です。\n\n終わり{")
    let texts = doc.textNodes(outside: [])
    #expect(texts.map { $0.literalContains(0x7B) } == [true, false, true])
    #expect(texts.map { $0.literalContains(0x7C) } == [true, false, false])
    #expect(!texts.contains { $0.literalContains(0) })
  }
}
