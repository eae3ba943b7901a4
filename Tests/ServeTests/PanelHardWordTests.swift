import Foundation
import TestSupport
import Testing

@testable import Serve

/// The page's panel lints with the site's names as `portal lint` does: a word of official
/// documents inside another page's title, written out as a link's text, is not asked to be
/// reworded; the same word in the page's own sentence is.
@Suite(.serialized) struct PanelHardWordTests {
  @Test func aTitleWrittenOutPassesInThePanelToo() async throws {
    let dir = try fixtureSite()
    defer { try? FileManager.default.removeItem(at: dir) }
    let basics = dir.appendingPathComponent("content/strategy/basics.md")
    let text = try String(contentsOf: basics, encoding: .utf8)
    try text.replacingOccurrences(of: "title: 基本的な考え方", with: "title: 策定の考え方")
      .write(to: basics, atomically: true, encoding: .utf8)
    let page = dir.appendingPathComponent("content/initiatives/ai-disaster.md")
    let body = try String(contentsOf: page, encoding: .utf8)
    try (body + "\n[策定の考え方](../strategy/basics.md)を読み、県の施策を知ります。\n")
      .write(to: page, atomically: true, encoding: .utf8)
    let loop = fixtureLoop(dir)
    #expect(await loop.build().succeeded)
    let found = try #require(await loop.problems(url: "/initiatives/ai-disaster/"))
    let hard = found.diagnostics.filter { $0.code == "lint.hard-word" }
    #expect(
      hard.map(\.message) == ["「施策」 is a word of official documents that many residents do not use"]
    )
  }
}
