import Testing

@testable import Stylesheets

/// One reading of a stylesheet's addresses for the build and `portal check`.
@Suite struct StylesheetReferencesTests {
  func scan(_ css: String) -> [StylesheetReference] {
    StylesheetReferences.scan(Array(css.utf8))
  }

  @Test func urlsAndImportsInEveryForm() {
    let css = """
      @import "base.css";
      @import url('print.css') print;
      .a { background: URL( img/bg.png ) no-repeat; }
      .b { mask: url("icons.svg#home"); }
      """
    let found = scan(css)
    #expect(found.map(\.address) == ["base.css", "print.css", "img/bg.png", "icons.svg#home"])
    #expect(found.map(\.isImport) == [true, true, false, false])
    // Offsets point into the text: the address between its quotes, the token at its start.
    let bytes = Array(css.utf8)
    for r in found {
      #expect(String(decoding: bytes[r.start..<r.end], as: UTF8.self) == r.address)
    }
    #expect(String(decoding: bytes[found[2].token..<found[2].token + 4], as: UTF8.self) == "URL(")
    #expect(found.map(\.line) == [1, 2, 3, 4])
    #expect(found.map(\.column) == [1, 1, 18, 12])
  }

  /// `content: "url(x.png)"` is text shown on the page, and a comment is no address: the
  /// build's reading warned that x.png was missing.
  @Test func stringsAndCommentsHoldNoAddress() {
    let found = scan(
      """
      .x::after { content: "see url(nothere.png) {"; }
      /* url(commented.png) @import "old.css"; */
      .y { background: url(here.png); }
      """)
    #expect(found.map(\.address) == ["here.png"])
    // Its line and column count those the comment and the string hold; columns in characters.
    #expect(found.map(\.line) == [3])
    #expect(scan("/* 日本語 */ .a{b:url(c.png)}").map(\.column) == [16])
  }

  @Test func aFontFacesSourcesAreSaidSo() {
    let found = scan(
      """
      @font-face { font-family: X; src: url(https://fonts.example/x.woff2) format("woff2"); }
      @media screen { .z { background: url(https://cdn.example/z.png); } }
      """)
    #expect(found.map(\.inFontFace) == [true, false])
  }

  /// A `data:` image holds quotes and braces, passed over whole; `myurl(` is no `url(`; an
  /// escaped quote does not end a string.
  @Test func whatIsPassedOverWhole() {
    let found = scan(
      #"""
      .a { background: url("data:image/svg+xml,<svg a='{'></svg>"); }
      .b { --x: myurl(no.png); content: "\"url(no.png)"; }
      .c { background: url(yes.png); }
      """#)
    #expect(found.map(\.address) == ["data:image/svg+xml,<svg a='{'></svg>", "yes.png"])
  }
}
