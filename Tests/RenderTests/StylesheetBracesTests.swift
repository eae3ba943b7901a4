import Foundation
import TestSupport
import Testing

@testable import Render

/// A theme's stylesheet whose braces do not pair is a warning at the brace to mend.
@Suite struct StylesheetBracesTests {
  func check(_ css: String) -> [String] {
    StylesheetBraces.check(Data(css.utf8), shownAs: "theme/assets/style.css").map(\.text)
  }

  @Test func pairedBracesAndBracesInCommentsAndStringsPass() {
    #expect(check(".a { color: red }\n@media (min-width: 40em) {\n  .b { margin: 0 }\n}\n").isEmpty)
    #expect(check("/* { */ .a::before { content: \"}\" } .b { content: '\\7B' }").isEmpty)
    #expect(check(".a { content: \"\\\"{\" }").isEmpty)
  }

  /// `/* note` never closed made every rule after it a comment, without a word.
  @Test func aCommentNeverClosedBeforeRulesIsNamed() {
    #expect(
      check(".a { color: red }\n  /* 見出しの色\n.b { color: blue }\n")
        == [
          "theme/assets/style.css:2:3: warning: this comment (`/*`) is never closed: browsers read every rule after it as part of it, and leave them all out [theme.css-brace]\n    hint: add `*/` where the comment ends"
        ])
    // At the end, with no rule after it: nothing is lost.
    #expect(check(".a { color: red }\n/* 終わり").isEmpty)
  }

  @Test func aBlockNeverClosedIsNamedWhereItOpens() {
    #expect(
      check(".card {\n  color: red;\n\n.list { margin: 0; }\n")
        == [
          "theme/assets/style.css:1:7: warning: the `{` of `.card` is never closed: browsers read every rule after it as inside it, so those rules style the pages wrong or not at all [theme.css-brace]\n    hint: add the `}` that ends it before line 4"
        ])
  }

  /// Inside `@media`, the `}` meant for `@media` closed the rule above it: that rule is the one
  /// missing its `}`, said by its indentation, not `@media`, which the end of the file leaves open.
  @Test func theInnerBlockMissingItsBraceIsNamedByIndentation() {
    let css =
      "/* a\ncomment */\n@media (min-width: 40em) {\n  .card {\n    color: red;\n}\n.list { margin: 0 }\n"
    let found = check(css)
    #expect(found.count == 1)
    #expect(
      found.first?.hasPrefix(
        "theme/assets/style.css:4:9: warning: the `{` of `.card` is never closed") == true)
    #expect(found.first?.hasSuffix("hint: add the `}` that ends it before line 6") == true)
  }

  @Test func aBraceThatClosesNothingIsNamed() {
    #expect(
      check(".a { color: red; }\n}\n.b { color: blue }")
        == [
          "theme/assets/style.css:2:1: warning: this `}` closes no `{`: browsers read it as part of the next rule's selector and drop that rule [theme.css-brace]\n    hint: remove it, or add the `{` it was meant to close"
        ])
  }

  /// Through the theme's loading, at the stylesheet as shown, with Japanese.
  @Test func theThemeSaysIt() throws {
    let folder = try temporaryFolder("css-braces")
    try Data(".a {\n  color: red;\n".utf8).write(to: folder.appendingPathComponent("style.css"))
    var hashes = FileHashes()
    let loaded = Theme.loadAssets(folder, shownAs: "theme", hashes: &hashes)
    let found = loaded.diagnostics.filter { $0.code == StylesheetBraces.code }
    #expect(found.map(\.location.line) == [1])
    #expect(found.first?.japanese?.message.hasPrefix("`.a` の `{`が閉じられていません") == true)
  }
}
