import Build
import Content
import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Serve

/// An address that names no page is one mistake: the page's panel lists it once, in the
/// build's words (the address meant and the file to link), though the build warns of it
/// (`content.address-link`) and the check finds it on the built page (`link.broken`).
@Suite(.serialized) struct PanelAddressLinkTests {
  @Test func theBuildsWordsAtTheChecksSeverity() {
    let at = SourceLocation(file: "content/a.md", line: 4, column: 1)
    let elsewhere = SourceLocation(file: "content/a.md", line: 5, column: 1)
    let kept = PageProblems.onePerLink([
      .error(at, "check", code: "link.broken"),
      .warning(at, "build", code: "content.address-link"),
      // A heading link's check at the same place is not this link's twin.
      .error(at, "fragment", code: "link.fragment"),
      .error(elsewhere, "check alone", code: "link.broken"),
    ])
    #expect(kept.map(\.message) == ["build", "fragment", "check alone"])
    #expect(kept.map(\.severity) == [.error, .error, .error])
    // An image's address: the check's `link.image`.
    let image = PageProblems.onePerLink([
      .warning(elsewhere, "build image", code: "content.address-link"),
      .error(elsewhere, "check image", code: "link.image"),
    ])
    #expect(image.map(\.message) == ["build image"])
    #expect(image.map(\.severity) == [.error])
  }

  @Test func oneEntryPerBrokenAddressInThePanel() async throws {
    let dir = try fixtureSite()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("content/initiatives/ai-disaster.md")
    let text = try String(contentsOf: file, encoding: .utf8)
    let line = text.split(separator: "\n", omittingEmptySubsequences: false).count
    try (text + "[サイバー](/initiatives/cyber-securty/)と[一覧](/initiatives/)。\n").write(
      to: file, atomically: true, encoding: .utf8)
    let loop = fixtureLoop(dir)
    #expect(await loop.build().succeeded)
    let found = try #require(await loop.problems(url: "/initiatives/ai-disaster/"))
    let broken = found.diagnostics.filter {
      $0.code == "content.address-link" || $0.code == "link.broken"
    }
    #expect(broken.map(\.code) == ["content.address-link"], "\(found.diagnostics)")
    #expect(broken.map(\.location.line) == [line])
    #expect(broken.map(\.location.column) == [1])
    #expect(broken.first?.severity == .error)
    #expect(broken.first?.hint?.contains("`cyber-security.md`") == true, "\(broken)")
  }
}
