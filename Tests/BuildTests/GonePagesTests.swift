import Diagnostics
import Testing

@testable import Build

/// Where a page the last build published went: the warning is put where `redirect_from` goes.
@Suite struct GonePagesTests {
  let slug = SourceLocation(file: "content/pages/privacy.md", line: 2, column: 7)

  /// The same file at another address (a `slug` changed) moved; a file gone, with one new page
  /// in its section, likely renamed to it; two gone or two new in a section are not guessed.
  @Test func successorsAreTheSameFileOrTheOneNewPageOfTheSection() {
    let pages: [(path: String, file: String)] = [
      ("about/privacy-policy/index.html", "content/pages/privacy.md"),
      ("events/forum-2025/index.html", "content/events/forum-2025.md"),
      ("events/old/index.html", "content/events/old.md"),
      ("initiatives/a2/index.html", "content/initiatives/a2.md"),
      ("initiatives/b2/index.html", "content/initiatives/b2.md"),
    ]
    let known: Set = ["events/old/index.html"]
    let found = GonePages.successors(
      of: [
        "about/privacy/index.html": "content/pages/privacy.md",
        "events/past-forum/index.html": "content/events/past-forum.md",
        "initiatives/a/index.html": "content/initiatives/a.md",
        "initiatives/b/index.html": "content/initiatives/b.md",
        "glossary/gone/index.html": "content/glossary/gone.md",
      ], pages: pages, isNew: { !known.contains($0) }, location: { _ in slug })
    #expect(
      found == [
        "about/privacy/index.html": .moved(to: "/about/privacy-policy/", at: slug),
        "events/past-forum/index.html": .likely(
          file: "content/events/forum-2025.md", address: "/events/forum-2025/"),
      ])
    #expect(
      found.mapValues(\.address) == [
        "about/privacy/index.html": "/about/privacy-policy/",
        "events/past-forum/index.html": "/events/forum-2025/",
      ])
  }

  /// Each case's words: at the `slug` for a move, at the new file for a likely rename naming
  /// the old file, at the old file (gone) otherwise.
  @Test func theWarningIsWhereTheRedirectGoes() {
    let warnings = GonePages.warnings(
      previous: ["a/index.html", "b/index.html", "c/index.html", "404.html"], current: [],
      at: "content",
      sources: ["b/index.html": "content/b.md", "c/index.html": "content/c.md"],
      successors: [
        "a/index.html": .moved(to: "/a2/", at: slug),
        "b/index.html": .likely(file: "content/b2.md", address: "/b2/"),
      ])
    #expect(
      warnings.map(\.location) == [
        slug, SourceLocation(file: "content/b2.md"), SourceLocation(file: "content/c.md"),
      ])
    // Without the last build's word on the file: at the content folder.
    #expect(
      GonePages.warnings(previous: ["d/index.html"], current: [], at: "content").map(\.location)
        == [SourceLocation(file: "content")])
    #expect(
      warnings[0].message.hasPrefix("the page /a/ that the last build published is now at /a2/"))
    #expect(
      warnings[0].hint?.contains("add `redirect_from: /a/` to this page's front matter") == true)
    #expect(warnings[0].japanese?.message.contains("/a/ のアドレスが /a2/ に変わりました") == true)
    #expect(
      warnings[1].message.hasPrefix(
        "the page /b/ that the last build published from content/b.md is gone, and this page, /b2/, is new"
      ))
    #expect(warnings[1].japanese?.message.contains("/b/（content/b.md）がなくなり") == true)
    #expect(
      warnings[2].message.hasPrefix(
        "the page /c/ that the last build published from content/c.md is gone:"))
    #expect(warnings.allSatisfy { $0.code == GonePages.code })
  }
}
