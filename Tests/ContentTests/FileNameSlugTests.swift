import Diagnostics
import Testing

@testable import Content

/// A file name that is no address: the error names it on one line, a line break in it shown
/// as `\u{A}` (a file saved by a script broke the message in two).
@Suite struct FileNameSlugTests {
  @Test func aLineBreakInTheNameIsShownEscaped() throws {
    let (_, diagnostics) = try parseFile(
      "---\ntitle: 計画\nsummary: 計画です。\nfields: [safety]\n---\n本文\n", kind: .initiative,
      path: "content/initiatives/new\nplan.md")
    let error = try #require(diagnostics.first { $0.code == "front-matter.slug" })
    #expect(error.message == "the file name `new\\u{A}plan` cannot be used as a URL")
    #expect(error.hint == "rename the file with a-z, 0-9 and `-` only, or add `slug: new-plan`")
  }

  @Test func aJapaneseNameGetsNoPlaceholder() throws {
    let (_, diagnostics) = try parseFile(
      "---\ntitle: 計画\nsummary: 計画です。\nfields: [safety]\n---\n本文\n", kind: .initiative,
      path: "content/initiatives/スマート農業.md")
    let error = try #require(diagnostics.first { $0.code == "front-matter.slug" })
    #expect(error.message == "the file name `スマート農業` cannot be used as a URL")
    #expect(error.hint?.contains("`smart-agriculture`") == true)
  }
}
