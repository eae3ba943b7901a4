import Content
import Diagnostics
import Foundation
import Testing

@testable import Site

/// `[…](initiatives/x.md)` written in an initiative, as if from the content folder: the link
/// to write is `x.md`, whether or not some other file's name is near.
@Suite struct LinkFromRootTests {
  let known = [
    "initiatives/smart-agriculture.md", "events/smart-agriculture.md",
    "initiatives/ai-disaster.md", "initiatives/ai-disasters.md", "strategy/basics.md",
    "files/map.png",
  ]

  func guess(_ written: String, from page: String) -> String? {
    // The target as the body resolves it: from the linking file's folder.
    let folder = page.split(separator: "/").dropLast().joined(separator: "/")
    let target = folder.isEmpty ? written : folder + "/" + written
    return Resolver.linkSuggestion(
      for: target.split(separator: "#")[0].description, from: page, known: known,
      written: written)
  }

  @Test func aPathFromTheContentFolderIsWrittenFromTheFile() {
    // The same name in two folders: no single file by name alone.
    #expect(
      guess("initiatives/smart-agriculture.md", from: "initiatives/a.md") == "smart-agriculture.md")
    #expect(
      guess("events/smart-agriculture.md", from: "initiatives/a.md")
        == "../events/smart-agriculture.md")
    // A name near another's (ai-disasters.md): the one written, not the near one.
    #expect(guess("initiatives/ai-disaster.md", from: "initiatives/a.md") == "ai-disaster.md")
    #expect(guess("strategy/basics.md", from: "strategy/vision/goal.md") == "../basics.md")
    #expect(guess("./files/map.png", from: "events/e.md") == "../files/map.png")
    #expect(
      guess("content/initiatives/ai-disaster.md", from: "events/e.md")
        == "../initiatives/ai-disaster.md")
  }

  @Test func otherwiseTheNearestNameAsBefore() {
    #expect(guess("smart-agriculure.md", from: "initiatives/a.md") == "smart-agriculture.md")
    #expect(guess("initiatives/nothing-like-it.md", from: "initiatives/a.md") == nil)
  }

  /// As the build reports it, with the link's `#…` kept.
  @Test func theBrokenLinkErrorSuggestsIt() throws {
    var content = try #require(loadFixtureContent())
    let i = try #require(content.pages.firstIndex { $0.slug == "ai-disaster" })
    content.pages[i] = Self.page(
      content.pages[i], body: "[守り](initiatives/cyber-security.md#概要)を読みます。\n")
    // A file of the same name in another folder: the name alone names no single file.
    let j = try #require(content.pages.firstIndex { $0.slug == "cyber-security" })
    content.pages.append(
      Self.page(
        content.pages[j], relativePath: "pages/cyber-security.md", slug: "cyber-security-twin"))
    let (_, diagnostics) = Resolver.resolve(
      content, now: try #require(DateTime(iso: "2026-11-25T00:00:00+09:00")))
    let error = try #require(diagnostics.first { $0.code == "content.broken-link" })
    #expect("\(error.location.line):\(error.location.column)" != "0:0")
    #expect(
      error.hint?.hasPrefix("did you mean `cyber-security.md#概要`? ") == true, "\(error.text)")
    #expect(
      error.japanese?.hint?.hasPrefix("`cyber-security.md#概要` のまちがいではありませんか。") == true)
  }

  static func page(
    _ p: Page, body: String? = nil, relativePath: String? = nil, slug: String? = nil
  ) -> Page {
    Page(
      kind: p.kind, slug: slug ?? p.slug, path: p.path,
      relativePath: relativePath ?? p.relativePath,
      body: body ?? p.body, bodyLine: p.bodyLine, tags: p.tags, draft: p.draft,
      updated: p.updated, redirectFrom: p.redirectFrom, meta: p.meta)
  }
}
