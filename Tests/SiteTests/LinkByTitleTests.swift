import Content
import Diagnostics
import Foundation
import Testing

@testable import Site

/// A link to a `.md` file whose name is far from any (`ai-bousai.md`, guessed from the
/// title): the page whose title its text names is the suggestion. It had only "link to an
/// existing file under content/".
@Suite struct LinkByTitleTests {
  func hint(_ body: String, in slug: String = "cyber-security") throws -> String? {
    var content = try #require(loadFixtureContent())
    let i = try #require(content.pages.firstIndex { $0.slug == slug })
    content.pages[i] = LinkFromRootTests.page(content.pages[i], body: body)
    let (_, diagnostics) = Resolver.resolve(
      content, now: try #require(DateTime(iso: "2026-11-25T00:00:00+09:00")))
    let error = try #require(diagnostics.first { $0.code == "content.broken-link" })
    return error.hint
  }

  @Test func theTitleTheTextNamesIsSuggested() throws {
    // The whole title, part of it, and the title within longer text; from another folder.
    for text in ["AIを活用した防災対策", "防災対策", "AIを活用した防災対策について"] {
      #expect(
        try hint("[\(text)](ai-bousai.md#概要)を読みます。\n")?
          .hasPrefix("did you mean `ai-disaster.md#概要`? ") == true, "\(text)")
    }
    #expect(
      try hint("[基本的な考え方](../strategy/kihon.md)\n")?.hasPrefix(
        "did you mean `../strategy/basics.md`? ") == true)
  }

  @Test func noGuessWhenTheTextNamesNoSinglePage() throws {
    // Too short to name one, in two titles (このサイトについて, リンク・著作権について), or in none.
    for text in ["防災", "について", "申し込み", ""] {
      #expect(
        try hint("[\(text)](ai-bousai.md)\n")?.hasPrefix("did you mean") == false, "\(text)")
    }
    // A missing image is no page, whatever its text.
    #expect(
      try hint("![AIを活用した防災対策](bousai.png)\n")?.hasPrefix("did you mean") == false)
    // Nor is a page of the image's name in another folder (glossary/dx.md for files/dx.jpg).
    let image = try hint("![図](../files/dx.jpg)\n")
    #expect(image?.hasPrefix("did you mean") == false, "\(image ?? "")")
    #expect(image?.contains("content/files/") == true)
  }

  /// The page itself is not suggested: its own title in a link to a missing file is a link
  /// meant for some other page.
  @Test func notThePageItself() throws {
    #expect(
      try hint("[AIを活用した防災対策](ai-bousai.md)\n", in: "ai-disaster")?.hasPrefix(
        "did you mean") == false)
  }

  /// Links with the same text on several pages, the titled page among them: each is answered
  /// for its own page (a text's matches are found once for the build).
  @Test func theSameTextOnManyPages() throws {
    var content = try #require(loadFixtureContent())
    let slugs = ["cyber-security", "ai-disaster", "basics"]
    for slug in slugs {
      let i = try #require(content.pages.firstIndex { $0.slug == slug })
      content.pages[i] = LinkFromRootTests.page(
        content.pages[i], body: "[AIを活用した防災対策](ai-bousai.md)\n")
    }
    let (_, diagnostics) = Resolver.resolve(
      content, now: try #require(DateTime(iso: "2026-11-25T00:00:00+09:00")))
    let hints = Dictionary(
      uniqueKeysWithValues: diagnostics.filter { $0.code == "content.broken-link" }.map {
        ($0.location.file, $0.hint ?? "")
      })
    #expect(hints.count == 3)
    for (file, hint) in hints {
      #expect(hint.hasPrefix("did you mean") == !file.hasSuffix("ai-disaster.md"), "\(file)")
    }
  }
}
