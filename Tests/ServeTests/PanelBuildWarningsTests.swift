import Build
import Content
import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Serve

/// The page's panel lists the build's own warnings on the page's file (which
/// `portal build --strict` fails on in CI), as the last good build left them.
@Suite(.serialized) struct PanelBuildWarningsTests {
  /// Only the page's file, and once: a warning lint or check gives at the same place under the
  /// same code is not listed again.
  @Test func keepsThePagesFileOnlyAndEachFindingOnce() {
    let file = "content/a.md"
    let here = SourceLocation(file: file, line: 3, column: 10)
    let there = SourceLocation(file: file, line: 9, column: 1)
    let said: [Diagnostic] = [.warning(here, "future", code: FutureDates.code)]
    let built: [Diagnostic] = [
      .warning(here, "future", code: FutureDates.code),
      .warning(there, "callout", code: "content.callout"),
      .warning(there, "callout", code: "content.callout"),
      .warning(here, "raw", code: "content.raw-html"),
      .warning(SourceLocation(file: "content/b.md", line: 9), "callout", code: "content.callout"),
    ]
    let kept = PageProblems.buildWarnings(built, on: file, besides: said)
    #expect(kept.map(\.code) == ["content.callout", "content.raw-html"])
    #expect(kept.map(\.location) == [there, here])
    // Left-out HTML that lint lists at the same place is not said again by the build's
    // summary of it; the summary stays where lint says nothing there.
    let lintSays: [Diagnostic] = [.warning(here, "raw", code: "lint.raw-html")]
    #expect(
      PageProblems.buildWarnings(built, on: file, besides: lintSays).map(\.code) == [
        FutureDates.code, "content.callout",
      ])
  }

  /// A save that adds a warning shows it on the page once built; one on another page stays
  /// off; a save that fixes it takes it away, whichever way the build went (in place, or
  /// incrementally when front matter other pages show changed).
  @Test func followsTheBuilds() async throws {
    let dir = try fixtureSite()
    defer { try? FileManager.default.removeItem(at: dir) }
    let loop = fixtureLoop(dir)
    #expect(await loop.build().succeeded)
    let page = "/initiatives/ai-disaster/"
    /// The build's warnings in the panel of the page at `url`, by code, with their lines.
    func fromBuild(_ url: String) async throws -> [String: [Int]] {
      let found = try #require(await loop.problems(url: url), "\(url)")
      var lines: [String: [Int]] = [:]
      for d in found.diagnostics where d.code?.hasPrefix("content.") == true {
        #expect(d.location.file == found.path, "\(d)")
        #expect(d.severity == .warning)
        lines[d.code ?? "", default: []].append(d.location.line)
      }
      return lines
    }
    #expect(try await fromBuild(page).isEmpty)

    // An unknown callout in the page's body, and one in another page's.
    let file = dir.appendingPathComponent("content/initiatives/ai-disaster.md")
    let text = try String(contentsOf: file, encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
    let callout = "\n> [!NOTO]\n> 大事です。\n"
    try (text + callout).write(to: file, atomically: true, encoding: .utf8)
    let basics = dir.appendingPathComponent("content/strategy/basics.md")
    let basicsText = try String(contentsOf: basics, encoding: .utf8)
    try (basicsText + callout).write(to: basics, atomically: true, encoding: .utf8)
    var modes: [BuildReport.Mode] = []
    func build() async -> Bool {
      let report = await loop.build()
      modes.append(report.mode)
      return report.succeeded
    }
    #expect(await build())
    #expect(try await fromBuild(page) == ["content.callout": [lines + 1]])
    #expect(try await fromBuild("/strategy/basics/")["content.callout"]?.count == 1)

    // `updated` in the future too, then the callout fixed: the panel follows each build.
    let future = text.replacingOccurrences(
      of: "status: active\n", with: "status: active\nupdated: 2099-04-01\n")
    #expect(future != text)
    try (future + callout).write(to: file, atomically: true, encoding: .utf8)
    #expect(await build())
    #expect(try await fromBuild(page) == ["content.callout": [lines + 2], FutureDates.code: [6]])
    try (future + "\n> [!NOTE]\n> 大事です。\n").write(to: file, atomically: true, encoding: .utf8)
    #expect(await build())
    #expect(try await fromBuild(page) == [FutureDates.code: [6]])
    try text.write(to: file, atomically: true, encoding: .utf8)
    #expect(await build())
    #expect(try await fromBuild(page).isEmpty)
    #expect(try await fromBuild("/strategy/basics/")["content.callout"]?.count == 1)
    #expect(modes.contains(.inPlace) && modes.contains(.incremental), "\(modes)")

    // In the panel's answer, marked as a warning with its code.
    let found = try #require(await loop.problems(url: "/strategy/basics/"))
    let json = String(
      decoding: PageProblems.json(file: found.path, diagnostics: found.diagnostics),
      as: UTF8.self)
    #expect(json.contains(#""code":"content.callout""#) && json.contains(#""severity":"warning""#))
  }
}
