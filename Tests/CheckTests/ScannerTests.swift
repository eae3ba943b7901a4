import Foundation
import Testing

@testable import Check

/// A token with its text read, as the rules see it.
enum ReadToken: Equatable {
  case start(name: String, attributes: [HTMLAttribute], selfClosing: Bool, offset: Int)
  case end(name: String, offset: Int)
  case text(String, offset: Int)
}

func readTokens(_ html: String) -> [ReadToken] {
  let bytes = Array(html.utf8)
  return HTMLScanner.tokens(bytes).map {
    switch $0 {
    case .start(let name, let attributes, let selfClosing, let offset):
      .start(name: name, attributes: attributes, selfClosing: selfClosing, offset: offset)
    case .end(let name, let offset): .end(name: name, offset: offset)
    case .text(let text): .text(text.string(in: bytes), offset: text.offset)
    }
  }
}

@Suite struct ScannerTests {
  @Test func tagsAttributesAndEntities() {
    let tokens = readTokens(
      #"<a HREF="/a?x=1&amp;y=2" class='c' hidden>A &lt;&#x3042;&#12354;</a>"#)
    #expect(
      tokens == [
        .start(
          name: "a",
          attributes: [
            HTMLAttribute(name: "href", value: "/a?x=1&y=2", offset: 3),
            HTMLAttribute(name: "class", value: "c", offset: 25),
            HTMLAttribute(name: "hidden", value: "", offset: 35),
          ], selfClosing: false, offset: 0),
        .text("A <ああ", offset: 42),
        .end(name: "a", offset: 64),
      ])
  }

  @Test func commentsDoctypeScriptAndStyleContentAreSkipped() {
    let html = """
      <!DOCTYPE html><!-- <a href="/in-comment"> --><script>if (a < b) { x = "<a href='/in-script'>" }</script>\
      <style>a > b { color: red }</style><p>text</p>
      """
    let tokens = readTokens(html)
    let starts = tokens.compactMap { t -> String? in
      if case .start(let name, _, _, _) = t { return name }
      return nil
    }
    let texts = tokens.compactMap { t -> String? in
      if case .text(let s, _) = t { return s }
      return nil
    }
    #expect(starts == ["script", "style", "p"])
    #expect(texts == ["text"])
  }

  @Test func unknownEntitiesAndBareAmpersandsStayAsWritten() {
    let tokens = readTokens("<p>A & B &unknown; &copy;</p>")
    #expect(tokens.contains(.text("A & B &unknown; ©", offset: 3)))
  }

  @Test func cdataIsText() {
    let tokens = readTokens("<loc><![CDATA[https://x.jp/a&b]]></loc>")
    #expect(tokens.contains(.text("https://x.jp/a&b", offset: 14)))
  }

  @Test func treeToleratesVoidAndUnclosedElements() {
    let d = HTMLDocument(
      Array("<div><p>one<br>two<img src=a.png alt=x><p>three</div><span>after</span>".utf8))
    let div = d.all("div")[0]
    #expect(d.textContent(of: div) == "onetwothree")
    #expect(d.hasAncestor(d.all("img")[0], named: "div"))
    #expect(!d.hasAncestor(d.all("span")[0], named: "div"))
  }

  @Test func textContentLeavesOutFurigana() {
    let d = HTMLDocument(Array("<h2><ruby>申請<rp>（</rp><rt>しんせい</rt><rp>）</rp></ruby>の方法</h2>".utf8))
    #expect(d.textContent(of: d.all("h2")[0]) == "申請の方法")
  }

  @Test func pageFactsCollectEveryKindOfReference() {
    let html = """
      <html><head><link rel="stylesheet" href="/s.css"><link rel="icon" href="/i.svg">
      <link rel="preconnect" href="https://cdn.example"><link rel="canonical" href="https://x.jp/a/">
      <meta http-equiv="refresh" content="0; URL='/new/'"><script src="/p.js"></script></head>
      <body><a name="old" href="#x">x</a><img src="/a.png" srcset="/a-1.png 1x, /a-2.png 2x" alt="">
      <form action="/search/"></form><video src="/v.mp4" poster="/p.jpg"></video><p id="x"></p></body></html>
      """
    let facts = PageFacts(path: "a/index.html", document: HTMLDocument(Array(html.utf8)))
    #expect(facts.ids == ["old", "x"])
    #expect(facts.redirect == "/new/")
    #expect(facts.canonical == "https://x.jp/a/")
    #expect(
      facts.references.map { "\($0.kind.rawValue) \($0.url)" } == [
        "stylesheet /s.css", "resource /i.svg", "resource https://x.jp/a/", "redirect /new/",
        "script /p.js",
        "link #x", "image /a.png", "image /a-1.png", "image /a-2.png", "form /search/",
        "media /v.mp4",
        "image /p.jpg",
      ])
  }

  @Test func refreshContentForms() {
    #expect(PageFacts.refreshURL("0; url=/new/") == "/new/")
    #expect(PageFacts.refreshURL("0;URL='/新しい/'") == "/新しい/")
    #expect(PageFacts.refreshURL("5, /x/") == "/x/")
    #expect(PageFacts.refreshURL("5") == nil)
  }

  @Test func lineIndexCountsCharactersNotBytes() {
    let index = LineIndex("一行目\n日本語<a href=\"/x\">")
    let offset = Array("一行目\n日本語".utf8).count
    #expect(index.position(of: offset) == (2, 4))
    #expect(index.position(ofFirst: "href") ?? (0, 0) == (2, 7))
  }

  /// Raw HTML in a page's Markdown is looked for outside code: HTML shown as an example in a
  /// code span or a fenced block never reaches the page, and a theme's element with the same
  /// tag was blamed on the writer.
  @Test func htmlInCodeIsNotTheWritersMarkup() {
    let source = """
      例：`<button>` と ``a `<table>` b`` です。
      ```html
      <button>押す</button>
      ```
      ~~~
      <table>
      ~~~
      本当の<button>ボタン</button>と<table>
      """
    let index = LineIndex(source)
    #expect(index.position(ofFirstOutsideCode: "<button") ?? (0, 0) == (8, 4))
    #expect(index.position(ofFirstOutsideCode: "<table") ?? (0, 0) == (8, 25))
    #expect(LineIndex("`<script>` だけ").position(ofFirstOutsideCode: "<script") == nil)
  }
}
