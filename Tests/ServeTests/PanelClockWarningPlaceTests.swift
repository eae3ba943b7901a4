import Build
import Content
import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Serve

/// `portal serve --drafts`: a page held back for decades by a slipped year (`publish: 2099-…`)
/// is warned of at its `publish` line in the page's panel and the terminal, and an edit in place
/// that adds lines above it moves the warning there at once (it stayed at the old line until
/// the next full build).
@Suite(.serialized) struct PanelClockWarningPlaceTests {
  /// What the loop logs, kept for the test to read.
  final class Logged: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.withLock { lines.append(line) } }
    func take() -> String {
      lock.withLock {
        defer { lines = [] }
        return lines.joined(separator: "\n")
      }
    }
  }

  @Test func aFarPublishMovesWithItsLineInThePanelAndTheTerminal() async throws {
    let dir = try fixtureSite()
    defer { try? FileManager.default.removeItem(at: dir) }
    let logged = Logged()
    let options = BuildOptions(
      contentDirectory: dir.appendingPathComponent("content"),
      themeDirectory: dir.appendingPathComponent("theme"),
      outputDirectory: dir.appendingPathComponent("site"), includeDrafts: true,
      now: DateTime(date: Date()))
    let loop = RebuildLoop(
      options: options, live: LiveReload(), language: .english, log: { logged.add($0) })
    let file = dir.appendingPathComponent("content/initiatives/ai-disaster.md")
    let text = try String(contentsOf: file, encoding: .utf8)
    let far = text.replacingOccurrences(
      of: "status: active\n", with: "status: active\npublish: 2099-12-04T09:00:00+09:00\n")
    #expect(far != text)
    try far.write(to: file, atomically: true, encoding: .utf8)
    let first = await loop.build()
    #expect(first.succeeded)
    await loop.announce(first, initial: true)

    /// The panel's clock warnings as `line:column`, and the terminal's last words on the file.
    func shown() async throws -> (panel: [String], terminal: String) {
      let found = try #require(await loop.problems(url: "/initiatives/ai-disaster/"))
      let panel = found.diagnostics.filter { $0.code == FarPublish.code }.map {
        "\($0.location.line):\($0.location.column)"
      }
      return (panel, logged.take())
    }
    var (panel, terminal) = try await shown()
    #expect(panel == ["6:10"])
    #expect(
      terminal.contains("ai-disaster.md:6:10: warning: `publish` is 2099-12-04"), "\(terminal)")

    // Two lines above `publish`: in place, and the warning at line 8 in both.
    try far.replacingOccurrences(of: "---\ntitle:", with: "---\n# 公開日を確認中\n\ntitle:")
      .write(to: file, atomically: true, encoding: .utf8)
    let moved = await loop.build()
    #expect(moved.succeeded && moved.mode == .inPlace, "\(moved.mode)")
    await loop.announce(moved, changedSources: ["c/initiatives/ai-disaster.md"])
    (panel, terminal) = try await shown()
    #expect(panel == ["8:10"])
    #expect(terminal.contains("ai-disaster.md:8:10: warning: `publish`"), "\(terminal)")
    #expect(!terminal.contains("ai-disaster.md:6:10"), "\(terminal)")

    // The slip mended: gone from both.
    try text.write(to: file, atomically: true, encoding: .utf8)
    let mended = await loop.build()
    #expect(mended.succeeded)
    await loop.announce(mended, changedSources: ["c/initiatives/ai-disaster.md"])
    (panel, terminal) = try await shown()
    #expect(panel.isEmpty)
    #expect(!terminal.contains(FarPublish.code), "\(terminal)")
  }
}
