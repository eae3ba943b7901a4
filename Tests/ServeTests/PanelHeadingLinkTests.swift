import Build
import Content
import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Serve

/// A link to a heading that is not there is one mistake: the page's panel lists it once,
/// though the build warns of it (`content.heading-link`) and the check finds it on the built
/// page (`link.fragment`).
@Suite(.serialized) struct PanelHeadingLinkTests {
  /// The build's words are kept, at the check's severity; a broken link elsewhere stays its
  /// own entry, and so does one only the check sees.
  @Test func keepsTheBuildsWordsAtTheChecksSeverity() {
    let file = "content/a.md"
    let first = SourceLocation(file: file, line: 4, column: 1)
    let second = SourceLocation(file: file, line: 4, column: 20)
    let third = SourceLocation(file: file, line: 9, column: 3)
    let found: [Diagnostic] = [
      .error(first, "check: first", code: "link.fragment"),
      .warning(first, "build: first", code: "content.heading-link"),
      .warning(second, "build: second", code: "content.heading-link"),
      .error(second, "check: second", code: "link.fragment"),
      .error(third, "check: third", code: "link.fragment"),
      .warning(first, "vague", code: "a11y.vague-link"),
    ]
    let kept = PageProblems.onePerLink(found)
    #expect(kept.map(\.message) == ["build: first", "build: second", "check: third", "vague"])
    #expect(kept.map(\.severity) == [.error, .error, .error, .warning])
    // A build warning with no finding of the check's at its place stays a warning.
    let alone = PageProblems.onePerLink([.warning(first, "build", code: "content.heading-link")])
    #expect(alone.map(\.severity) == [.warning])
  }

  /// Built and checked for real: a broken `.md#…` link, a broken `#…` after a page's address
  /// and a broken `#…` link give one entry each, in the build's words (the link as written).
  @Test func oneEntryPerBrokenLinkInThePanel() async throws {
    let dir = try fixtureSite()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("content/initiatives/ai-disaster.md")
    let text = try String(contentsOf: file, encoding: .utf8)
    let line = text.split(separator: "\n", omittingEmptySubsequences: false).count
    let links =
      "[基本の趣旨](../strategy/basics.md#しゅし)と[基本の期間](/strategy/basics/#きかん)、[変わること](#なにが)。\n"
    try (text + links).write(to: file, atomically: true, encoding: .utf8)
    let loop = fixtureLoop(dir)
    #expect(await loop.build().succeeded)
    let found = try #require(await loop.problems(url: "/initiatives/ai-disaster/"))
    let broken = found.diagnostics.filter {
      $0.code == "content.heading-link" || $0.code == "link.fragment"
    }
    #expect(broken.map(\.location.line) == [line, line, line], "\(broken)")
    /// The column of the link whose text starts `[\(text)`, in characters as editors count.
    func column(_ text: String) throws -> Int {
      let at = try #require(links.range(of: "[\(text)"))
      return links.distance(from: links.startIndex, to: at.lowerBound) + 1
    }
    #expect(
      try broken.map(\.location.column) == [column("基本の趣旨"), column("基本の期間"), column("変わること")],
      "\(broken)")
    #expect(broken.allSatisfy { $0.code == "content.heading-link" }, "\(broken)")
    #expect(broken[1].message.contains("/strategy/basics/#きかん"), "\(broken[1])")
    #expect(broken.allSatisfy { $0.severity == .error }, "\(broken)")
    #expect(broken[0].message.contains("../strategy/basics.md#しゅし"), "\(broken[0])")
    #expect(found.diagnostics.count == broken.count, "\(found.diagnostics)")
  }
}
