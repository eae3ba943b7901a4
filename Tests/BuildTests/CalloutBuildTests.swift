import Content
import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Build

/// Callouts in a real build: the page shows the box, and a marker that names no kind is
/// reported at its line and column with the kind the writer probably meant, in every build
/// while it is there.
@Suite final class CalloutBuildTests {
  let root: URL
  let content: URL
  let output: URL
  let page: URL

  init() throws {
    content = try copyFixture()
    root = content.deletingLastPathComponent()
    output = root.appendingPathComponent("site")
    page = content.appendingPathComponent("initiatives/cyber-security.md")
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  func html() throws -> String {
    try String(
      contentsOf: output.appendingPathComponent("initiatives/cyber-security/index.html"),
      encoding: .utf8)
  }

  @Test func aCalloutIsShownAndAMistypedOneIsReported() throws {
    let line = try appendToBody(
      of: page,
      "> [!WARNING] 締め切り\n> 12月5日までです。\n\n本文\n\n> [!NOTO]\n> 補足です。\n\n>   [!注]\n> 補足です。")
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded)
    let found = report.diagnostics.filter { $0.code == "content.callout" }
    try #require(found.count == 2, "\(report.diagnostics.map(\.text))")
    #expect(found[0].severity == .warning)
    #expect(found[0].location.line == line + 5 && found[0].location.column == 3)
    #expect(
      found[0].message
        == "`[!NOTO]` is not a kind of callout, so this stays a quotation with the marker in it")
    #expect(found[0].hint?.hasPrefix("write `[!NOTE]`: NOTE (補足)") == true)
    #expect(found[0].japanese?.hint?.hasPrefix("`[!NOTE]` と書いてください") == true)
    #expect(found[1].location.line == line + 8 && found[1].location.column == 5)
    #expect(found[1].hint?.hasPrefix("write `[!注意]`") == true)

    let page = try html()
    #expect(page.contains("<div class=\"callout callout-warning\">"))
    #expect(page.contains("注意：締め切り"))
    #expect(page.contains("<blockquote>\n<p>[!NOTO]"))

    // The warning is said again by a build that has nothing to do.
    let again = SiteBuilder.build(options(content: content, output: output))
    #expect(again.diagnostics.filter { $0.code == "content.callout" }.count == 2)
  }
}
